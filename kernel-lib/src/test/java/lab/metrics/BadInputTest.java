package lab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad inputs of the metrics: each must fail naming the input, the value and the rule. */
class BadInputTest {

  private static void assertMessage(Executable call, String... parts) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "message lacks '" + part + "': "
          + e.getMessage());
    }
  }

  private static double[][] gaussian(int n, int d, long seed) {
    Random r = new Random(seed);
    double[][] x = new double[n][d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = r.nextGaussian();
      }
    }
    return x;
  }

  @Test
  void nanInfiniteMismatchedAndEmptyFeatures() {
    double[][] x = gaussian(20, 3, 1);
    double[][] nan = gaussian(20, 3, 2);
    nan[5][1] = Double.NaN;
    double[][] inf = gaussian(20, 3, 3);
    inf[0][2] = Double.NEGATIVE_INFINITY;
    double[][] wide = gaussian(20, 4, 4);
    for (Executable call : new Executable[] {() -> Fid.between(x, nan),
        () -> Kid.between(x, nan, new Kid.Options(10, 5, 0)),
        () -> PrecisionRecall.realVsGenerated(x, nan),
        () -> DensityCoverage.realVsGenerated(x, nan)}) {
      assertMessage(call, "generated features", "[5][1] is NaN");
    }
    assertMessage(() -> Fid.between(inf, x), "real features", "[0][2] is -Infinity");
    for (Executable call : new Executable[] {() -> Fid.between(x, wide),
        () -> Kid.between(x, wide, new Kid.Options(10, 5, 0)),
        () -> PrecisionRecall.realVsGenerated(x, wide),
        () -> DensityCoverage.realVsGenerated(x, wide)}) {
      assertMessage(call, "20 × 3", "20 × 4", "same d");
    }
    assertMessage(() -> Fid.between(x, new double[0][0]), "generated features is empty");
    assertMessage(() -> Fid.between(x, gaussian(1, 3, 5)), "1 samples", "at least 2");
    assertMessage(() -> InceptionScore.of(new double[0][0]), "empty");
    assertMessage(() -> Fid.fromStatistics(null, Fid.statistics(x)), "null and given");
  }

  @Test
  void fewerSamplesThanNeighboursAndSubsetsLargerThanSets() {
    assertMessage(() -> PrecisionRecall.realVsGenerated(gaussian(3, 2, 1), gaussian(3, 2, 2),
        new PrecisionRecall.Options(3)), "3 samples", "at least 4", "k = 3");
    // density and coverage need k neighbours within the real set only
    assertMessage(() -> DensityCoverage.realVsGenerated(gaussian(3, 2, 1), gaussian(1, 2, 2),
        new DensityCoverage.Options(3)), "real features", "3 samples", "at least 4");
    assertEquals(2, DensityCoverage.realVsGenerated(gaussian(10, 2, 1), gaussian(2, 2, 2),
        new DensityCoverage.Options(3)).generatedCount());
    assertMessage(() -> Kid.between(gaussian(30, 2, 1), gaussian(9, 2, 2),
        new Kid.Options(10, 10, 0)), "10", "9 samples");
    assertMessage(() -> new Kid.Options(10, 1, 0), "subset size is 1");
    assertMessage(() -> InceptionScore.of(new double[][] {{.5, .5}, {.5, .5}},
        new InceptionScore.Options(10, 0, false)), "splits is 10", "only 2");
  }

  @Test
  void probabilitiesAndTablesOutOfRange() {
    assertMessage(() -> InceptionScore.of(new double[][] {{.5, .6}, {.5, .5}},
        new InceptionScore.Options(1, 0, false)), "row 0 sums to 1.1");
    assertMessage(() -> InceptionScore.of(new double[][] {{-.5, 1.5}, {.5, .5}},
        new InceptionScore.Options(1, 0, false)), "[0][0] is -0.5");
    assertMessage(() -> LinearSeparability.conditionalEntropy(
        new double[][] {{Double.NaN, .1}, {.1, .4}}), "[0][0] is NaN");
    assertMessage(() -> RankCorrelation.spearman(new double[] {1, Double.NaN, 3},
        new double[] {1, 2, 3}), "model 1", "NaN");
  }

  /** Every attribute single-class used to give the perfect score 1 with nothing measured. */
  @Test
  void linearSeparabilityWithNoScorableAttribute() {
    double[][] codes = gaussian(20, 3, 1);
    double[][] p = new double[20][2];
    for (double[] row : p) {
      row[0] = 0.9;
      row[1] = 0.1;
    }
    assertMessage(() -> LinearSeparability.of(codes, p), "each of the 2 attributes",
        "one class only");
  }

  /** NaN or ragged embeddings used to be dropped silently or fail with an index error. */
  @Test
  void perceptualPathLengthChecksTheEmbedding() {
    PerceptualPathLength.Options o = new PerceptualPathLength.Options().withSamples(8);
    assertMessage(() -> PerceptualPathLength.ofEmbedding(2, z -> z, z -> {
      double[][] e = new double[z.length][2];
      e[3][1] = Double.NaN;
      return e;
    }, o), "embedding of path points", "[3][1] is NaN");
    assertMessage(() -> PerceptualPathLength.ofEmbedding(2, z -> z, z -> {
      double[][] e = new double[z.length][2];
      e[9] = new double[1];
      return e;
    }, o), "row 9 has 1 values");
    PerceptualPathLength.Result r = PerceptualPathLength.ofEmbedding(2, z -> z, z -> z, o);
    assertTrue(r.mean() > 0 && Double.isFinite(r.mean()), "PPL " + r.mean());
    assertEquals(8, r.values().length);
  }
}
