package lab.ot;

import static lab.ot.OtFixtures.assertRel;
import static lab.ot.OtFixtures.matrix;
import static lab.ot.OtFixtures.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GaussiansTest {

  @Test
  void matchesScipyOnFullRankCase() {
    JsonObject c = OtFixtures.json("gaussian.json").getAsJsonArray("cases").get(0)
        .getAsJsonObject();
    double[] m1 = vector(c.get("m1"));
    double[][] s1 = matrix(c.get("s1"));
    double[] m2 = vector(c.get("m2"));
    double[][] s2 = matrix(c.get("s2"));
    assertRel(c.get("w2sq").getAsDouble(), Gaussians.w2Squared(m1, s1, m2, s2), 1e-9, "W2^2");
    assertRel(Math.sqrt(c.get("w2sq").getAsDouble()), Gaussians.w2(m1, s1, m2, s2), 1e-9, "W2");

    double[][] expected = matrix(c.get("brenierA"));
    Gaussians.AffineMap map = Gaussians.brenierMap(m1, s1, m2, s2);
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < expected.length; j++) {
        assertEquals(expected[i][j], map.a()[i][j], 1e-8, "A[" + i + "][" + j + "]");
      }
    }
    // T(m1) = m2 and A S1 A = S2 (the map pushes N(m1, S1) onto N(m2, S2))
    double[] t = map.apply(m1);
    for (int k = 0; k < m1.length; k++) {
      assertEquals(m2[k], t[k], 1e-12);
    }
    double[][] a = map.a();
    int d = m1.length;
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double s = 0;
        for (int k = 0; k < d; k++) {
          for (int l = 0; l < d; l++) {
            s += a[i][k] * s1[k][l] * a[l][j];
          }
        }
        assertEquals(s2[i][j], s, 1e-8 * Math.abs(s2[i][i]) + 1e-9, "A S1 A");
      }
    }
  }

  /** F1: 10 samples of 64-d features per set; singular covariances, finite real W2. */
  @Test
  void fewerSamplesThanDimensionsIsFiniteAndMatchesScipy() {
    JsonObject c = OtFixtures.json("gaussian.json").getAsJsonObject("singular");
    Gaussians.Moments a = Gaussians.moments(matrix(c.get("xa")));
    Gaussians.Moments b = Gaussians.moments(matrix(c.get("xb")));
    assertRel(c.get("covA00").getAsDouble(), a.covariance()[0][0], 1e-12, "cov[0][0]");
    assertRel(c.get("covA01").getAsDouble(), a.covariance()[0][1], 1e-10, "cov[0][1]");
    double w2sq = Gaussians.w2Squared(a, b);
    assertTrue(Double.isFinite(w2sq));
    // √ of the ~54 round-off eigenvalues (|λ| ~ 1e-15) of the singular middle matrix moves
    // the trace by ~1e-7 in either implementation, hence 1e-7 rather than 1e-9 here
    assertRel(c.get("w2sq").getAsDouble(), w2sq, 1e-7, "W2^2 (SciPy eigh route)");
    assertRel(c.get("w2sqSqrtm").getAsDouble(), w2sq, 1e-6, "W2^2 (SciPy sqrtm route)");
  }

  /** F2: 192 samples in 192-d against themselves give 0 within 1e-6, never negative. */
  @Test
  void setAgainstItselfIsZero() {
    Random r = new Random(192);
    double[][] x = new double[192][192];
    for (double[] row : x) {
      for (int k = 0; k < row.length; k++) {
        row[k] = r.nextGaussian();
      }
    }
    Gaussians.Moments m = Gaussians.moments(x);
    double w2sq = Gaussians.w2Squared(m, m);
    assertTrue(w2sq >= 0 && w2sq < 1e-6, "W2^2(X, X) = " + w2sq);
  }

  /** F3: [[-1, 1], [1, 1]] is not PSD and is rejected, naming the matrix. */
  @Test
  void rejectsNonPsdAndNonSymmetric() {
    double[] m = {0, 0};
    double[][] good = {{1, 0}, {0, 1}};
    double[][] notPsd = {{-1, 1}, {1, 1}};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Gaussians.w2Squared(m, good, m, notPsd));
    assertTrue(e.getMessage().startsWith("s2 is not positive semi-definite"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Gaussians.w2Squared(m, notPsd, m, good));
    assertTrue(e.getMessage().startsWith("s1 is not positive semi-definite"), e.getMessage());
    double[][] skew = {{1, 0.5}, {0.4, 1}};
    e = assertThrows(IllegalArgumentException.class, () -> Gaussians.w2(m, skew, m, good));
    assertTrue(e.getMessage().startsWith("s1 is not symmetric"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Gaussians.brenierMap(m, good, new double[] {0, 0, 0}, good));
    assertTrue(e.getMessage().contains("s2 has 2 rows; expected 3"), e.getMessage());
    double[][] nan = {{1, Double.NaN}, {Double.NaN, 1}};
    e = assertThrows(IllegalArgumentException.class, () -> Gaussians.w2(m, good, m, nan));
    assertTrue(e.getMessage().contains("s2[0][1] = NaN"), e.getMessage());
  }

  /** F4: N(0, 1) against N(10, 1) gives W2 = 10; a singular 0 covariance stays finite. */
  @Test
  void shiftedUnitGaussians() {
    double[][] one = {{1}};
    assertEquals(10.0, Gaussians.w2(new double[] {0}, one, new double[] {10}, one), 1e-12);
    assertEquals(Math.sqrt(100 + 1), Gaussians.w2(new double[] {0}, new double[][] {{0}},
        new double[] {10}, one), 1e-12);
    // 1-D: W2^2 = (m1 - m2)^2 + (s1 - s2)^2 with standard deviations s
    assertEquals(4 + 1, Gaussians.w2Squared(new double[] {1}, new double[][] {{4}},
        new double[] {3}, new double[][] {{9}}), 1e-12);
  }

  @Test
  void brenierMapOfSingularSourceIsFinite() {
    double[][] s1 = {{1, 0}, {0, 0}};
    double[][] s2 = {{4, 0}, {0, 9}};
    Gaussians.AffineMap map = Gaussians.brenierMap(new double[] {0, 0}, s1,
        new double[] {1, 1}, s2);
    double[] y = map.apply(new double[] {1, 0});
    assertEquals(3.0, y[0], 1e-12);
    assertEquals(1.0, y[1], 1e-12);
  }
}
