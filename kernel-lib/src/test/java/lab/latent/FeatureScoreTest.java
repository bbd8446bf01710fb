package lab.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Map;
import lab.data.Fixtures;
import lab.data.PointSet;
import org.junit.jupiter.api.Test;

class FeatureScoreTest {

  /** R_tr 150, R_te 600, R_fr pool 600, held-out real pool 1500, unimodal in ℝ^8. */
  private static PointSet[] unimodal() {
    return Synthetic.parts(8, 1, Synthetic.SEED, 150, 600, 600, 1500);
  }

  private static FeatureScore.Result score(PointSet[] p, double[][] samples,
      MeasureDistance w) {
    return FeatureScore.compute(p[0].points(), p[1].points(), p[2].points(), samples, w,
        FeatureScore.Options.defaults().withRepeats(8));
  }

  @Test
  void freshRealSamplesScoreAboutOne() {
    PointSet[] p = unimodal();
    FeatureScore.Result r = score(p, p[3].points(), Distances.exact());
    assertEquals(1.0, r.value(), 0.2, r.toString());
    assertEquals(8, r.repeats().size());
    assertEquals(150, r.n());
    assertEquals(300, r.testSize());
    assertTrue(r.solver().startsWith("exact"), r.solver());
  }

  @Test
  void copiesOfTheTrainingSetScoreZero() {
    PointSet[] p = unimodal();
    for (MeasureDistance w : new MeasureDistance[] {Distances.exact(), Distances.gaussian()}) {
      FeatureScore.Result r = score(p, p[0].points(), w);
      assertEquals(0.0, r.value(), 1e-9, r.toString());
      for (FeatureScore.Repeat rep : r.repeats()) {
        assertEquals(rep.wTrain(), rep.wWithSamples(), 1e-9);
      }
    }
  }

  @Test
  void trainingPlusLargeNoiseScoresBelowZero() {
    PointSet[] p = unimodal();
    FeatureScore.Result r = score(p, Synthetic.noisy(p[0].points(), 3.0, 5),
        Distances.exact());
    assertTrue(r.value() < -1, r.toString());
    assertEquals(0, r.positivePart());
  }

  @Test
  void collapsedSetScoresBelowZero() {
    PointSet[] p = unimodal();
    FeatureScore.Result r = score(p, Synthetic.collapsed(p[0].points(), 0, 150),
        Distances.exact());
    assertTrue(r.value() < -1, r.toString());
  }

  @Test
  void matchesPotOnOneRepeatOfWholeSets() {
    JsonObject f = Fixtures.json("latent", "feature_score.json");
    double[][] te = matrix(f.get("test").getAsJsonArray());
    FeatureScore.Result r = FeatureScore.compute(matrix(f.get("train").getAsJsonArray()), te,
        matrix(f.get("fresh").getAsJsonArray()), matrix(f.get("samples").getAsJsonArray()),
        Distances.exact(), new FeatureScore.Options(1, te.length, 3));
    FeatureScore.Repeat rep = r.repeats().get(0);
    assertEquals(f.get("wTrain").getAsDouble(), rep.wTrain(), 1e-9);
    assertEquals(f.get("wWithSamples").getAsDouble(), rep.wWithSamples(), 1e-9);
    assertEquals(f.get("wWithFresh").getAsDouble(), rep.wWithFresh(), 1e-9);
    assertEquals(f.get("score").getAsDouble(), r.value(), 1e-7);
    assertEquals(0, r.std());
  }

  @Test
  void ratioOfTheThreeDistances() {
    assertEquals(0.5, FeatureScore.score(2.0, 1.5, 1.0), 1e-15);
    assertEquals(-1.0, FeatureScore.score(2.0, 3.0, 1.0), 1e-15);
    assertTrue(Double.isNaN(FeatureScore.score(1.0, 0.5, 1.0)));
    assertTrue(Double.isNaN(FeatureScore.score(1.0, 0.5, 1.2)));
  }

  @Test
  void sameSeedSameResultOtherSeedOtherSubsets() {
    PointSet[] p = Synthetic.parts(4, 1, 3, 40, 80, 80, 200);
    FeatureScore.Options o = new FeatureScore.Options(3, 30, 11);
    FeatureScore.Result a = FeatureScore.compute(p[0].points(), p[1].points(), p[2].points(),
        p[3].points(), Distances.exact(), o);
    FeatureScore.Result b = FeatureScore.compute(p[0].points(), p[1].points(), p[2].points(),
        p[3].points(), Distances.exact(), o);
    FeatureScore.Result c = FeatureScore.compute(p[0].points(), p[1].points(), p[2].points(),
        p[3].points(), Distances.exact(), o.withSeed(12));
    assertArrayEquals(a.scores(), b.scores());
    assertEquals(a.value(), b.value());
    assertNotEquals(a.repeats().get(0).wTrain(), c.repeats().get(0).wTrain());
    assertEquals(30, a.testSize());
  }

  @Test
  void badInputIsNamed() {
    PointSet[] p = Synthetic.parts(4, 1, 3, 40, 80, 80, 30);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FeatureScore.compute(p[0].points(), p[1].points(), p[2].points(), p[3].points(),
            Distances.exact(), FeatureScore.Options.defaults()));
    assertTrue(e.getMessage().contains("S has 30"), e.getMessage());
    double[][] wrongDim = Synthetic.parts(3, 1, 3, 50)[0].points();
    e = assertThrows(IllegalArgumentException.class,
        () -> FeatureScore.compute(p[0].points(), p[1].points(), p[2].points(), wrongDim,
            Distances.exact(), FeatureScore.Options.defaults()));
    assertTrue(e.getMessage().contains("R_tr is 40 × 4 but S is 50 × 3"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new FeatureScore.Options(0, 0, 1));
    assertTrue(e.getMessage().contains("repeats is 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new FeatureScore.Options(2, 1, 1));
    assertTrue(e.getMessage().contains("testSize is 1"), e.getMessage());
  }

  @Test
  void perClassScoresCopiesZeroAndSkipsSmallClasses() {
    PointSet[] p = Synthetic.parts(4, 3, 5, 90, 180, 180, 300);
    Map<Integer, FeatureScore.Result> copies = FeatureScore.perClass(p[0], p[1], p[2],
        p[0].named("copies"), Distances.exact(), FeatureScore.Options.defaults().withRepeats(2));
    assertEquals(3, copies.size());
    copies.values().forEach(r -> assertEquals(0, r.value(), 1e-9));

    // S with a single point of class 2 skips that class
    int[] keep = java.util.stream.IntStream.range(0, p[3].size())
        .filter(i -> p[3].labels()[i] != 2 || i == firstOf(p[3], 2)).toArray();
    Map<Integer, FeatureScore.Result> partial = FeatureScore.perClass(p[0], p[1], p[2],
        p[3].subset(keep, "no class 2"), Distances.exact(),
        FeatureScore.Options.defaults().withRepeats(2));
    assertEquals(java.util.Set.of(0, 1), partial.keySet());
    assertThrows(IllegalArgumentException.class, () -> FeatureScore.perClass(p[0], p[1], p[2],
        new PointSet(p[3].points(), "unlabelled"), Distances.exact(),
        FeatureScore.Options.defaults()));
  }

  private static int firstOf(PointSet p, int label) {
    for (int i = 0; i < p.size(); i++) {
      if (p.labels()[i] == label) {
        return i;
      }
    }
    return -1;
  }

  static double[][] matrix(JsonArray a) {
    double[][] m = new double[a.size()][];
    for (int i = 0; i < m.length; i++) {
      JsonArray row = a.get(i).getAsJsonArray();
      m[i] = new double[row.size()];
      for (int k = 0; k < m[i].length; k++) {
        m[i][k] = row.get(k).getAsDouble();
      }
    }
    return m;
  }
}
