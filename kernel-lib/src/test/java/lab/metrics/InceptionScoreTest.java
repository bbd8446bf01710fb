package lab.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

class InceptionScoreTest {

  private static final JsonObject FIX = MetricsFixtures.json("inception.json");

  /** I1: ten one-hot predictions over ten classes score 10, with no NaN from log 0. */
  @Test
  void tenConfidentPredictionsScoreTen() {
    double[][] p = new double[10][10];
    for (int i = 0; i < 10; i++) {
      p[i][i] = 1;
    }
    InceptionScore.Result r = InceptionScore.of(p, new InceptionScore.Options(1, 0, true));
    assertEquals(10.0, r.mean(), 1e-12);
    assertEquals(0.0, r.std(), 0.0);
  }

  @Test
  void contiguousSplitsMatchNumpy() {
    double[][] p = MetricsFixtures.matrix(FIX.get("probs"));
    InceptionScore.Result r = InceptionScore.of(p, new InceptionScore.Options(10, 0, false));
    double[] expected = MetricsFixtures.vector(FIX.get("splits10"));
    for (int s = 0; s < 10; s++) {
      MetricsFixtures.close(expected[s], r.splitScores()[s], 1e-9, "split " + s);
    }
    double[][] sparse = MetricsFixtures.matrix(FIX.get("sparse"));
    double[] four = MetricsFixtures.vector(FIX.get("sparseSplits4"));
    InceptionScore.Result rs = InceptionScore.of(sparse,
        new InceptionScore.Options(4, 0, false));
    for (int s = 0; s < 4; s++) {
      MetricsFixtures.close(four[s], rs.splitScores()[s], 1e-9, "sparse split " + s);
    }
  }

  @Test
  void oneSplitIsShuffleInvariantAndMatchesNumpy() {
    double[][] p = MetricsFixtures.matrix(FIX.get("probs"));
    double expected = MetricsFixtures.vector(FIX.get("splits1"))[0];
    for (long seed : new long[] {0, 1, 99}) {
      MetricsFixtures.close(expected,
          InceptionScore.of(p, new InceptionScore.Options(1, seed, true)).mean(), 1e-9,
          "seed " + seed);
    }
    double[][] fromLogits = InceptionScore.fromLogits(MetricsFixtures.matrix(FIX.get("logits")));
    MetricsFixtures.close(expected,
        InceptionScore.of(fromLogits, new InceptionScore.Options(1, 0, false)).mean(), 1e-9,
        "from logits");
    MetricsFixtures.close(MetricsFixtures.vector(FIX.get("sparseSplits1"))[0],
        InceptionScore.of(MetricsFixtures.matrix(FIX.get("sparse")),
            new InceptionScore.Options(1, 0, true)).mean(), 1e-9, "sparse");
  }

  @Test
  void shuffleIsSeededAndMixesClassSortedData() {
    // 100 one-hot rows sorted by class: unshuffled, every split holds one class and scores 1.
    double[][] p = new double[100][10];
    for (int i = 0; i < 100; i++) {
      p[i][i / 10] = 1;
    }
    InceptionScore.Result sorted = InceptionScore.of(p,
        new InceptionScore.Options(10, 0, false));
    assertEquals(1.0, sorted.mean(), 1e-12);
    InceptionScore.Result a = InceptionScore.of(p);
    InceptionScore.Result b = InceptionScore.of(p);
    assertTrue(a.mean() > 3, "shuffled mean " + a.mean());
    assertArrayEquals(a.splitScores(), b.splitScores());
    InceptionScore.Result c = InceptionScore.of(p, new InceptionScore.Options(10, 5, true));
    assertTrue(c.mean() != a.mean(), "another seed, another shuffle");
  }

  @Test
  void badInputIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> InceptionScore.of(new double[][] {{0.5, 0.6}}, new InceptionScore.Options(1, 0,
            true)));
    assertTrue(e.getMessage().contains("row 0 sums to 1.1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> InceptionScore.of(new double[][] {{0.5, 0.5}, {1, 0}}));
    assertTrue(e.getMessage().contains("splits is 10 but there are only 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> InceptionScore.of(new double[][] {{Double.NaN, 1}}));
    assertTrue(e.getMessage().contains("class probabilities (1 × 2): entry [0][0] is NaN"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> InceptionScore.of(new double[0][]));
    assertThrows(IllegalArgumentException.class, () -> new InceptionScore.Options(0, 0, true));
  }
}
