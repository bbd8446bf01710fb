package lab.ot;

import java.util.stream.IntStream;

/**
 * Ground costs between point sets and checks of cost matrices.
 *
 * <p>Points are n×d and m×d arrays (rows are points). Costs are n×m.
 */
public final class Costs {

  private Costs() {
  }

  /** C_ij = ‖x_i − y_j‖², the cost of W₂ (POT's {@code ot.dist} default). */
  public static double[][] squaredEuclidean(double[][] x, double[][] y) {
    return euclideanPower(x, y, 2);
  }

  /** C_ij = ‖x_i − y_j‖^p for p &gt; 0, the cost of W_p. */
  public static double[][] euclideanPower(double[][] x, double[][] y, double p) {
    if (!(p > 0) || !Double.isFinite(p)) {
      throw new IllegalArgumentException("p = " + p + "; expected a finite p > 0");
    }
    int d = checkPoints("x", x, -1);
    checkPoints("y", y, d);
    double[][] c = new double[x.length][y.length];
    IntStream.range(0, x.length).parallel().forEach(i -> {
      double[] xi = x[i];
      double[] row = c[i];
      for (int j = 0; j < y.length; j++) {
        double[] yj = y[j];
        double s = 0;
        for (int k = 0; k < d; k++) {
          double diff = xi[k] - yj[k];
          s += diff * diff;
        }
        row[j] = p == 2 ? s : Math.pow(Math.sqrt(s), p);
      }
    });
    return c;
  }

  /**
   * Checks points: non-empty, rows of equal length d ≥ 1 (= {@code dim} when ≥ 0), finite.
   *
   * @return d
   */
  static int checkPoints(String name, double[][] x, int dim) {
    if (x == null || x.length == 0) {
      throw new IllegalArgumentException("points " + name + " are "
          + (x == null ? "null" : "empty") + "; expected at least one point");
    }
    int d = dim >= 0 ? dim : x[0].length;
    if (d == 0) {
      throw new IllegalArgumentException("points " + name + " have dimension 0; expected >= 1");
    }
    for (int i = 0; i < x.length; i++) {
      if (x[i].length != d) {
        throw new IllegalArgumentException("points " + name + " row " + i + " has dimension "
            + x[i].length + "; expected " + d);
      }
      for (int k = 0; k < d; k++) {
        if (!Double.isFinite(x[i][k])) {
          throw new IllegalArgumentException("points " + name + "[" + i + "][" + k + "] = "
              + x[i][k] + "; expected finite coordinates");
        }
      }
    }
    return d;
  }

  /**
   * Checks an n×m cost matrix and copies it row-major: NaN and −∞ are rejected; +∞ marks a
   * forbidden pair only when {@code allowInfinite}.
   */
  static double[] flat(double[][] cost, int n, int m, boolean allowInfinite) {
    if (cost == null || cost.length != n) {
      throw new IllegalArgumentException("cost matrix has " + (cost == null ? "null"
          : cost.length) + " rows; expected n = " + n + " (the length of a)");
    }
    if ((long) n * m > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("cost matrix " + n + "x" + m + " has more than 2^31 "
          + "entries; expected n * m < " + (Integer.MAX_VALUE - 8));
    }
    double[] c = new double[n * m];
    for (int i = 0; i < n; i++) {
      if (cost[i] == null || cost[i].length != m) {
        throw new IllegalArgumentException("cost matrix row " + i + " has "
            + (cost[i] == null ? "null" : cost[i].length) + " columns; expected m = " + m
            + " (the length of b); cost must be " + n + "x" + m);
      }
      for (int j = 0; j < m; j++) {
        double v = cost[i][j];
        if (Double.isNaN(v) || v == Double.NEGATIVE_INFINITY
            || (v == Double.POSITIVE_INFINITY && !allowInfinite)) {
          throw new IllegalArgumentException("cost[" + i + "][" + j + "] = " + v
              + "; expected a finite number" + (allowInfinite ? " or +Infinity (forbidden pair)"
              : ""));
        }
        c[i * m + j] = v;
      }
    }
    return c;
  }
}
