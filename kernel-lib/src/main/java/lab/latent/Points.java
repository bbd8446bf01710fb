package lab.latent;

import java.util.Random;

/** Row-matrix helpers shared by the package: checks, concatenation, seeded subsets. */
final class Points {

  private Points() {
  }

  /**
   * Checks that {@code x} is a non-empty n × d matrix of finite values with d ≥ 1.
   *
   * @return d
   */
  static int check(String name, double[][] x) {
    if (x == null || x.length == 0) {
      throw new IllegalArgumentException(name + " has " + (x == null ? "null" : "0")
          + " rows; expected at least 1");
    }
    int d = x[0] == null ? 0 : x[0].length;
    for (int i = 0; i < x.length; i++) {
      if (x[i] == null || x[i].length != d || d < 1) {
        throw new IllegalArgumentException(name + " row " + i + " has "
            + (x[i] == null ? "no" : String.valueOf(x[i].length))
            + " coordinates; expected the same d ≥ 1 as row 0 (" + d + ")");
      }
      for (int k = 0; k < d; k++) {
        if (!Double.isFinite(x[i][k])) {
          throw new IllegalArgumentException(name + " row " + i + " coordinate " + k + " is "
              + x[i][k] + "; expected a finite value");
        }
      }
    }
    return d;
  }

  /** Checks that two matrices have the same number of columns. */
  static int sameDim(String a, double[][] x, String b, double[][] y) {
    int d = check(a, x);
    int e = check(b, y);
    if (d != e) {
      throw new IllegalArgumentException(a + " is " + x.length + " × " + d + " but " + b
          + " is " + y.length + " × " + e + "; expected the same dimension");
    }
    return d;
  }

  /** The rows of {@code x} followed by the rows of {@code y} (rows shared, not copied). */
  static double[][] concat(double[][] x, double[][] y) {
    double[][] z = new double[x.length + y.length][];
    System.arraycopy(x, 0, z, 0, x.length);
    System.arraycopy(y, 0, z, x.length, y.length);
    return z;
  }

  /** The rows at {@code idx} (shared). */
  static double[][] rows(double[][] x, int[] idx) {
    double[][] z = new double[idx.length][];
    for (int k = 0; k < idx.length; k++) {
      z[k] = x[idx[k]];
    }
    return z;
  }

  /** A seeded permutation of 0..n-1 (Fisher–Yates with {@code java.util.Random}). */
  static int[] permutation(int n, Random random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** Squared Euclidean distance. */
  static double sq(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      double t = a[k] - b[k];
      s += t * t;
    }
    return s;
  }

  /** Dot product. */
  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }

  /** Euclidean norm. */
  static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  /** n × d standard normal codes from a seeded generator. */
  static double[][] gaussian(int n, int d, Random random) {
    double[][] z = new double[n][d];
    for (double[] row : z) {
      for (int k = 0; k < d; k++) {
        row[k] = random.nextGaussian();
      }
    }
    return z;
  }

  /** Images as double rows, n × pixels. */
  static double[][] toDouble(float[][] images) {
    double[][] x = new double[images.length][];
    for (int i = 0; i < images.length; i++) {
      x[i] = new double[images[i].length];
      for (int p = 0; p < images[i].length; p++) {
        x[i][p] = images[i][p];
      }
    }
    return x;
  }
}
