package lab.metrics;

/** Input checks shared by the metrics: every message names the input, its shape and the rule. */
final class Checks {

  private Checks() {
  }

  /** "n × d" of a feature matrix, for messages; "null" or a ragged note where it applies. */
  static String shape(double[][] x) {
    if (x == null) {
      return "null";
    }
    return x.length + " × " + (x.length == 0 || x[0] == null ? 0 : x[0].length);
  }

  /**
   * Checks that {@code x} is a non-empty n × d matrix of finite values with d ≥ 1.
   *
   * @return d
   */
  static int features(String name, double[][] x) {
    if (x == null) {
      throw new IllegalArgumentException(name + " is null, expected an n × d feature matrix");
    }
    if (x.length == 0) {
      throw new IllegalArgumentException(
          name + " is empty (0 rows), expected an n × d feature matrix with n ≥ 1");
    }
    int d = x[0] == null ? 0 : x[0].length;
    if (d == 0) {
      throw new IllegalArgumentException(
          name + " (" + x.length + " rows): row 0 has no values, expected d ≥ 1 columns");
    }
    for (int i = 0; i < x.length; i++) {
      if (x[i] == null || x[i].length != d) {
        throw new IllegalArgumentException(name + " (" + x.length + " × " + d + "): row " + i
            + " has " + (x[i] == null ? "no" : String.valueOf(x[i].length))
            + " values, expected " + d + " like row 0");
      }
      for (int j = 0; j < d; j++) {
        if (!Double.isFinite(x[i][j])) {
          throw new IllegalArgumentException(name + " (" + x.length + " × " + d + "): entry ["
              + i + "][" + j + "] is " + x[i][j] + ", expected a finite value");
        }
      }
    }
    return d;
  }

  /** Checks both matrices and that they have the same number of columns; returns d. */
  static int pair(String nameX, double[][] x, String nameY, double[][] y) {
    int dx = features(nameX, x);
    int dy = features(nameY, y);
    if (dx != dy) {
      throw new IllegalArgumentException("feature dimensions differ: " + nameX + " is "
          + shape(x) + " but " + nameY + " is " + shape(y) + ", expected the same d");
    }
    return dx;
  }

  /** Checks that {@code x} has at least {@code min} rows, saying why. */
  static void rows(String name, double[][] x, int min, String why) {
    if (x.length < min) {
      throw new IllegalArgumentException(name + " is " + shape(x) + ": " + x.length
          + " samples, expected at least " + min + " (" + why + ")");
    }
  }

  /** Checks an integer option against a lower bound. */
  static void atLeast(String name, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " is " + value + ", expected ≥ " + min);
    }
  }
}
