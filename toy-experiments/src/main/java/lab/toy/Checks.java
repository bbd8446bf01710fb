package lab.toy;

/**
 * The sanity checks at the end of each notebook: a known answer the run must reproduce. A
 * failed check throws, so the cell, and a CI run of the notebook, fails.
 */
public final class Checks {

  private Checks() {
  }

  /** A failed sanity check. */
  public static final class CheckFailed extends AssertionError {

    private static final long serialVersionUID = 1L;

    CheckFailed(String message) {
      super(message);
    }
  }

  /**
   * Passes when {@code condition} holds; otherwise throws {@link CheckFailed} with the message.
   *
   * @return the message prefixed by "ok: ", for the cell's output
   */
  public static String check(boolean condition, String message) {
    if (!condition) {
      throw new CheckFailed("sanity check failed: " + message);
    }
    return "ok: " + message;
  }

  /** Passes when |actual − expected| ≤ tolerance; the message names both values. */
  public static String close(String what, double actual, double expected, double tolerance) {
    return check(Math.abs(actual - expected) <= tolerance, String.format(java.util.Locale.ROOT,
        "%s = %.6g, expected %.6g ± %.3g", what, actual, expected, tolerance));
  }

  /** Passes when lo ≤ actual ≤ hi; the message names the value and the range. */
  public static String between(String what, double actual, double lo, double hi) {
    return check(actual >= lo && actual <= hi, String.format(java.util.Locale.ROOT,
        "%s = %.6g, expected in [%.6g, %.6g]", what, actual, lo, hi));
  }
}
