package lab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NearestNeighbourMetricsTest {

  @Test
  void precisionRecallDensityCoverageMatchScikitLearn() {
    for (JsonElement e : MetricsFixtures.json("knn.json").getAsJsonArray("cases")) {
      JsonObject c = e.getAsJsonObject();
      String name = c.get("name").getAsString();
      double[][] real = MetricsFixtures.matrix(c.get("real"));
      double[][] fake = MetricsFixtures.matrix(c.get("fake"));
      PrecisionRecall.Result pr = PrecisionRecall.realVsGenerated(real, fake);
      assertEquals(c.get("precision").getAsDouble(), pr.precision(), 1e-12, name);
      assertEquals(c.get("recall").getAsDouble(), pr.recall(), 1e-12, name);
      DensityCoverage.Result dc = DensityCoverage.realVsGenerated(real, fake);
      assertEquals(c.get("density").getAsDouble(), dc.density(), 1e-12, name);
      assertEquals(c.get("coverage").getAsDouble(), dc.coverage(), 1e-12, name);

      // Non-default neighbour ranks.
      JsonObject k4 = c.getAsJsonObject("k4");
      PrecisionRecall.Result pr4 = PrecisionRecall.realVsGenerated(real, fake,
          new PrecisionRecall.Options(4));
      assertEquals(k4.get("precision").getAsDouble(), pr4.precision(), 1e-12, name);
      assertEquals(k4.get("recall").getAsDouble(), pr4.recall(), 1e-12, name);
      DensityCoverage.Result dc2 = DensityCoverage.realVsGenerated(real, fake,
          new DensityCoverage.Options(2));
      assertEquals(k4.get("density").getAsDouble(), dc2.density(), 1e-12, name);
      assertEquals(k4.get("coverage").getAsDouble(), dc2.coverage(), 1e-12, name);

      // The radii themselves.
      double[] radii = NearestNeighbours.squaredRadii(real, 3)[0];
      double[] expected = MetricsFixtures.vector(c.get("realRadiiK"));
      for (int i = 0; i < expected.length; i++) {
        MetricsFixtures.close(expected[i], Math.sqrt(radii[i]), 1e-9, name + " radius " + i);
      }
    }
  }

  /** I4: identical sets give precision = recall = coverage = 1. */
  @Test
  void identicalSetsScoreOne() {
    double[][] x = new double[10][2];
    Random rng = new Random(10);
    for (double[] row : x) {
      row[0] = rng.nextGaussian();
      row[1] = rng.nextGaussian();
    }
    PrecisionRecall.Result pr = PrecisionRecall.realVsGenerated(x, x.clone());
    assertEquals(1.0, pr.precision());
    assertEquals(1.0, pr.recall());
    assertEquals(1.0, DensityCoverage.realVsGenerated(x, x.clone()).coverage());

    // Ten copies of one point: every radius is 0 and "≤" still counts the point.
    double[][] same = new double[10][];
    for (int i = 0; i < 10; i++) {
      same[i] = new double[] {0.3, -1.7};
    }
    pr = PrecisionRecall.realVsGenerated(same, same);
    assertEquals(1.0, pr.precision());
    assertEquals(1.0, pr.recall());
    DensityCoverage.Result dc = DensityCoverage.realVsGenerated(same, same);
    assertEquals(1.0, dc.coverage());
    assertEquals(10.0 / 5, dc.density(), 1e-12);
  }

  @Test
  void memoryIsBoundedByTheBlockNotByNSquared() {
    for (int n : new int[] {10, 10_000, 50_000, 1_000_000}) {
      long entries = (long) NearestNeighbours.blockRows(n) * n;
      assertTrue(entries <= Math.max(n, NearestNeighbours.BLOCK_ENTRIES), n + ": " + entries);
    }
    assertTrue(NearestNeighbours.blockRows(50_000) < 100, "a few rows of a 50,000-point set");
  }

  @Test
  void blocksGiveTheSameAnswerAsOneBlock() {
    // More points than one block holds rows for: radii agree with a direct computation.
    int n = NearestNeighbours.blockRows(5000) + 300;
    Random rng = new Random(2);
    double[][] x = new double[Math.max(n, 2100)][3];
    for (double[] row : x) {
      for (int j = 0; j < 3; j++) {
        row[j] = rng.nextGaussian();
      }
    }
    double[][] r = NearestNeighbours.squaredRadii(x, 1, 4);
    for (int i = 0; i < x.length; i += 97) {
      double[] d = new double[x.length - 1];
      int q = 0;
      for (int j = 0; j < x.length; j++) {
        if (j != i) {
          double s = 0;
          for (int k = 0; k < 3; k++) {
            s += (x[i][k] - x[j][k]) * (x[i][k] - x[j][k]);
          }
          d[q++] = s;
        }
      }
      java.util.Arrays.sort(d);
      MetricsFixtures.close(d[0], r[0][i], 1e-9, "1-NN of " + i);
      MetricsFixtures.close(d[3], r[1][i], 1e-9, "4-NN of " + i);
    }
  }

  @Test
  void tooFewSamplesAndBadInputAreNamed() {
    double[][] three = {{0, 0}, {1, 0}, {0, 1}};
    double[][] five = {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {2, 2}};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PrecisionRecall.realVsGenerated(three, five));
    assertTrue(e.getMessage().contains("real features is 3 × 2: 3 samples, expected at least 4"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> DensityCoverage.realVsGenerated(five, five));
    assertTrue(e.getMessage().contains("expected at least 6"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> PrecisionRecall.realVsGenerated(five, new double[][] {{1, 2, 3}}));
    assertTrue(e.getMessage().contains("5 × 2") && e.getMessage().contains("1 × 3"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> PrecisionRecall.realVsGenerated(five, new double[0][]));
    assertTrue(e.getMessage().contains("generated features is empty"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new PrecisionRecall.Options(0));
    assertThrows(IllegalArgumentException.class, () -> new DensityCoverage.Options(0));
  }

  /**
   * The magnitudes reported for 10,000 real and 10,000 generated N(0, I) samples in 1,000-d,
   * k = 5 for all four: P ≈ 0.48, R ≈ 0.47, D ≈ 1.06, C ≈ 0.97 (heavy tier).
   */
  @Test
  void referenceMagnitudesInHighDimension() {
    org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("lab.heavy"),
        "heavy tier (-Dlab.heavy=true)");
    Random rng = new Random(1000);
    double[][] real = new double[10_000][1000];
    double[][] fake = new double[10_000][1000];
    for (double[][] set : new double[][][] {real, fake}) {
      for (double[] row : set) {
        for (int j = 0; j < row.length; j++) {
          row[j] = rng.nextGaussian();
        }
      }
    }
    PrecisionRecall.Result pr = PrecisionRecall.realVsGenerated(real, fake,
        new PrecisionRecall.Options(5));
    DensityCoverage.Result dc = DensityCoverage.realVsGenerated(real, fake);
    assertEquals(0.48, pr.precision(), 0.03, pr.toString());
    assertEquals(0.47, pr.recall(), 0.03, pr.toString());
    assertEquals(1.06, dc.density(), 0.05, dc.toString());
    assertEquals(0.97, dc.coverage(), 0.02, dc.toString());
  }
}
