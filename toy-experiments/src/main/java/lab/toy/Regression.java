package lab.toy;

/** Least-squares helpers shared by the toy experiments. */
final class Regression {

  private Regression() {
  }

  /**
   * Coefficient of determination R² of the least-squares fit y ≈ b₀ + Σ_j b_j x_j over the rows
   * of x (n × p, p small): 1 − RSS/TSS. Solves the (p+1) × (p+1) normal equations by Gaussian
   * elimination with partial pivoting; returns NaN when y is constant.
   *
   * @param x n × p regressors (not modified)
   * @param y n responses (not modified)
   */
  static double rSquared(double[][] x, double[] y) {
    int n = y.length;
    if (x.length != n || n == 0) {
      throw new IllegalArgumentException(
          "R²: " + x.length + " rows of regressors but " + n + " responses, expected equal > 0");
    }
    int p = x[0].length + 1;

    // normal equations A b = c with a leading column of ones
    double[][] a = new double[p][p + 1];
    for (int i = 0; i < n; i++) {
      double[] row = new double[p];
      row[0] = 1;
      System.arraycopy(x[i], 0, row, 1, p - 1);
      for (int r = 0; r < p; r++) {
        for (int c = 0; c < p; c++) {
          a[r][c] += row[r] * row[c];
        }
        a[r][p] += row[r] * y[i];
      }
    }

    // elimination with partial pivoting, then back substitution
    for (int col = 0; col < p; col++) {
      int piv = col;
      for (int r = col + 1; r < p; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
          piv = r;
        }
      }
      double[] t = a[col];
      a[col] = a[piv];
      a[piv] = t;
      if (Math.abs(a[col][col]) < 1e-300) {
        return Double.NaN;
      }
      for (int r = col + 1; r < p; r++) {
        double f = a[r][col] / a[col][col];
        for (int c = col; c <= p; c++) {
          a[r][c] -= f * a[col][c];
        }
      }
    }
    double[] b = new double[p];
    for (int r = p - 1; r >= 0; r--) {
      double s = a[r][p];
      for (int c = r + 1; c < p; c++) {
        s -= a[r][c] * b[c];
      }
      b[r] = s / a[r][r];
    }

    // residual and total sums of squares
    double mean = 0;
    for (double v : y) {
      mean += v;
    }
    mean /= n;
    double rss = 0;
    double tss = 0;
    for (int i = 0; i < n; i++) {
      double fit = b[0];
      for (int j = 1; j < p; j++) {
        fit += b[j] * x[i][j - 1];
      }
      rss += (y[i] - fit) * (y[i] - fit);
      tss += (y[i] - mean) * (y[i] - mean);
    }
    return tss == 0 ? Double.NaN : 1 - rss / tss;
  }
}
