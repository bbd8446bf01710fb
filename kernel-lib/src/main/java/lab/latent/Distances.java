package lab.latent;

import lab.ot.Gaussians;

/**
 * The {@link MeasureDistance}s LSFAS can use in M.
 *
 * <ul>
 *   <li>{@link #gaussian()}: the 2-Wasserstein distance between the Gaussians fitted to the
 *       two empirical measures (Bures formula, {@link Gaussians#w2}), with population moments
 *       (denominator n), so that a measure and its union with copies of itself have equal
 *       moments and distance 0 between them. Fast (d × d eigen-decompositions) and a lower
 *       bound of the exact W₂; it sees only means and covariances.</li>
 * </ul>
 */
public final class Distances {

  private Distances() {
  }

  /** W₂ between Gaussian fits with population moments (see the class docs). */
  public static MeasureDistance gaussian() {
    return (x, y) -> {
      Points.sameDim("x", x, "y", y);
      double[] mx = mean(x);
      double[] my = mean(y);
      double[][] sx = covariance(x, mx);
      double[][] sy = covariance(y, my);
      return new MeasureDistance.Distance(Gaussians.w2(mx, sx, my, sy),
          "Gaussian W2 (Bures, population moments)", x.length, y.length);
    };
  }

  /** Column means of an n × d matrix. */
  static double[] mean(double[][] x) {
    int d = x[0].length;
    double[] m = new double[d];
    for (double[] row : x) {
      for (int k = 0; k < d; k++) {
        m[k] += row[k];
      }
    }
    for (int k = 0; k < d; k++) {
      m[k] /= x.length;
    }
    return m;
  }

  /** Covariance with the population denominator n, symmetric by construction. */
  static double[][] covariance(double[][] x, double[] m) {
    int d = m.length;
    double[][] s = new double[d][d];
    double[] c = new double[d];
    for (double[] row : x) {
      for (int k = 0; k < d; k++) {
        c[k] = row[k] - m[k];
      }
      for (int a = 0; a < d; a++) {
        for (int b = a; b < d; b++) {
          s[a][b] += c[a] * c[b];
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = a; b < d; b++) {
        s[a][b] /= x.length;
        s[b][a] = s[a][b];
      }
    }
    return s;
  }
}
