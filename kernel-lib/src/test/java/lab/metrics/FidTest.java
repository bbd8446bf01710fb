package lab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FidTest {

  @Test
  void storedGaussianFeaturesMatchScipySqrtm() {
    for (JsonElement e : MetricsFixtures.json("fid.json").getAsJsonArray("stored")) {
      JsonObject c = e.getAsJsonObject();
      double[][] x = MetricsFixtures.matrix(c.get("x"));
      double[][] y = MetricsFixtures.matrix(c.get("y"));
      Fid.Result r = Fid.between(x, y);
      MetricsFixtures.close(c.get("sqrtm").getAsDouble(), r.value(), 1e-6,
          c.get("name").getAsString());
      assertEquals(x.length, r.firstCount());
      assertEquals(64, r.dim());
    }
  }

  /** F1: fewer samples than dimensions, 64-d (stored) and 2048-d (generated). */
  @Test
  void singularCovariancesGiveTheFiniteReferenceValue() {
    for (JsonElement e : MetricsFixtures.json("fid.json").getAsJsonArray("generated")) {
      JsonObject c = e.getAsJsonObject();
      int n = c.get("n").getAsInt();
      int d = c.get("d").getAsInt();
      double[][] x = MetricsFixtures.coupled(c.get("seedX").getAsLong(), n, d,
          c.get("scaleX").getAsDouble(), c.get("shiftX").getAsDouble());
      double[][] y = MetricsFixtures.coupled(c.get("seedY").getAsLong(), n, d,
          c.get("scaleY").getAsDouble(), c.get("shiftY").getAsDouble());
      assertEquals(c.get("x00").getAsDouble(), x[0][0], 0.0, "generator out of step");
      assertEquals(c.get("y11").getAsDouble(), y[1][1], 0.0, "generator out of step");
      double fid = Fid.between(x, y).value();
      assertTrue(Double.isFinite(fid));
      MetricsFixtures.close(c.get("sqrtm").getAsDouble(), fid, 1e-6, c.get("name").getAsString());
    }
  }

  /** F2: a set against itself is 0 within 1e-6 (192 samples in 192-d). */
  @Test
  void setAgainstItselfIsZero() {
    Random rng = new Random(192);
    double[][] x = new double[192][192];
    for (double[] row : x) {
      for (int j = 0; j < row.length; j++) {
        row[j] = rng.nextGaussian() * (1 + j % 7);
      }
    }
    double fid = Fid.between(x, x).value();
    assertTrue(fid >= 0 && fid <= 1e-6, "FID(X, X) = " + fid);
  }

  /** F4 and equal covariances: exactly ‖Δμ‖². */
  @Test
  void equalCovariancesGiveTheSquaredMeanDistance() {
    Fid.Statistics a = new Fid.Statistics(new double[] {0}, new double[][] {{1}}, 100);
    Fid.Statistics b = new Fid.Statistics(new double[] {10}, new double[][] {{1}}, 100);
    assertEquals(100.0, Fid.fromStatistics(a, b), 1e-9);
    Random rng = new Random(4);
    double[][] x = new double[50][5];
    double[][] y = new double[50][5];
    for (int i = 0; i < 50; i++) {
      for (int j = 0; j < 5; j++) {
        x[i][j] = rng.nextGaussian();
        y[i][j] = x[i][j] + (j == 2 ? 3 : 0);
      }
    }
    assertEquals(9.0, Fid.between(x, y).value(), 1e-9);
  }

  /** F3: a covariance that is not positive semi-definite is rejected. */
  @Test
  void nonPsdCovarianceIsRejected() {
    Fid.Statistics bad = new Fid.Statistics(new double[] {0, 0},
        new double[][] {{-1, 1}, {1, 1}}, 10);
    Fid.Statistics ok = new Fid.Statistics(new double[] {0, 0},
        new double[][] {{1, 0}, {0, 1}}, 10);
    assertThrows(IllegalArgumentException.class, () -> Fid.fromStatistics(bad, ok));
    assertThrows(IllegalArgumentException.class, () -> Fid.fromStatistics(ok, bad));
  }

  @Test
  void statisticsAreBlockedAndExact() {
    // More rows than one block: the mean and covariance equal a direct two-pass computation.
    int n = Fid.BLOCK_ROWS * 2 + 17;
    Random rng = new Random(8);
    double[][] x = new double[n][3];
    for (double[] row : x) {
      row[0] = rng.nextGaussian() + 1e4;
      row[1] = 2 * row[0] + rng.nextGaussian();
      row[2] = rng.nextDouble();
    }
    Fid.Statistics s = Fid.statistics(x);
    double[] m = new double[3];
    for (double[] row : x) {
      for (int j = 0; j < 3; j++) {
        m[j] += row[j] / n;
      }
    }
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        double c = 0;
        for (double[] row : x) {
          c += (row[a] - m[a]) * (row[b] - m[b]);
        }
        MetricsFixtures.close(c / (n - 1), s.covariance()[a][b], 1e-9, "cov " + a + b);
      }
      MetricsFixtures.close(m[a], s.mean()[a], 1e-12, "mean " + a);
    }
    assertEquals(n, s.count());
  }

  @Test
  void badInputNamesTheInputAndItsShape() {
    double[][] ok = {{1, 2}, {3, 4}, {5, 7}};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Fid.between(ok, new double[][] {{1, 2, 3}, {4, 5, 6}}));
    assertTrue(e.getMessage().contains("real features is 3 × 2"), e.getMessage());
    assertTrue(e.getMessage().contains("generated features is 2 × 3"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Fid.between(ok, new double[][] {{1, Double.NaN}, {2, 3}}));
    assertTrue(e.getMessage().contains("generated features (2 × 2): entry [0][1] is NaN"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Fid.between(new double[0][], ok));
    assertTrue(e.getMessage().contains("real features is empty"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Fid.between(ok, new double[][] {{1, 2}}));
    assertTrue(e.getMessage().contains("generated features is 1 × 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Fid.between(ok, new double[][] {{1, Double.POSITIVE_INFINITY}, {1, 2}}));
    assertTrue(e.getMessage().contains("Infinity"), e.getMessage());
  }
}
