package lab.ot;

/**
 * Checks and normalisation of discrete weights (histograms) shared by the solvers.
 *
 * <p>Weights must be finite and ≥ 0 with a positive total. The totals of a and b must agree to
 * a relative tolerance {@value #TOTAL_TOLERANCE} (|Σa − Σb| ≤ tol · max(Σa, Σb)), loose enough
 * for weights rounded to single precision (five times 1/5 in float sums to 1.0000000149) and
 * tight enough to catch genuinely different totals. Within the tolerance both are rescaled to
 * total 1 (a / Σa and b / Σb), so costs are per unit mass; this differs from POT, which keeps
 * a and rescales b to Σa.
 */
public final class Weights {

  /** Relative tolerance on |Σa − Σb|. */
  public static final double TOTAL_TOLERANCE = 1e-6;

  private Weights() {
  }

  /** Uniform weights 1/n. */
  public static double[] uniform(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("n = " + n + "; expected at least one point");
    }
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1.0 / n);
    return w;
  }

  /** Float weights widened to double (no renormalisation here). */
  public static double[] of(float[] w) {
    double[] d = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      d[i] = w[i];
    }
    return d;
  }

  /**
   * Checks one weight vector (finite, ≥ 0, positive total, length n when n ≥ 0) and returns it
   * divided by its total (a new array).
   */
  static double[] normalised(String name, double[] w, int n) {
    if (w == null || w.length == 0) {
      throw new IllegalArgumentException("weights " + name + " are "
          + (w == null ? "null" : "empty") + "; expected at least one weight");
    }
    if (n >= 0 && w.length != n) {
      throw new IllegalArgumentException("weights " + name + " have length " + w.length
          + "; expected " + n + " (one per point)");
    }
    double total = 0;
    for (int i = 0; i < w.length; i++) {
      if (!Double.isFinite(w[i]) || w[i] < 0) {
        throw new IllegalArgumentException("weights " + name + "[" + i + "] = " + w[i]
            + "; expected a finite number >= 0");
      }
      total += w[i];
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("weights " + name + " sum to " + total
          + "; expected a positive total");
    }
    double[] out = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      out[i] = w[i] / total;
    }
    return out;
  }

  /**
   * Checks a (length n) and b (length m) each, checks their totals agree, and returns both
   * rescaled to total 1 as {a', b'} (new arrays).
   */
  static double[][] pair(double[] a, int n, double[] b, int m) {
    double[] na = normalised("a", a, n);
    double[] nb = normalised("b", b, m);
    checkTotals(a, b);
    return new double[][] {na, nb};
  }

  /** Checks that Σa and Σb agree to {@link #TOTAL_TOLERANCE}. */
  static void checkTotals(double[] a, double[] b) {
    double sa = sum(a);
    double sb = sum(b);
    if (Math.abs(sa - sb) > TOTAL_TOLERANCE * Math.max(sa, sb)) {
      throw new IllegalArgumentException("weights a sum to " + sa + " but b sums to " + sb
          + "; expected equal totals within relative " + TOTAL_TOLERANCE
          + " (both are then rescaled to 1)");
    }
  }

  static double sum(double[] w) {
    double s = 0;
    for (double x : w) {
      s += x;
    }
    return s;
  }
}
