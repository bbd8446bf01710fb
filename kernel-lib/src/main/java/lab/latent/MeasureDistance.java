package lab.latent;

/**
 * An optimal-transport distance between two empirical measures in the common latent space M.
 *
 * <p>For point sets X = {x_i} (n × d) and Y = {y_j} (m × d) with uniform weights 1/n and
 * 1/m, an implementation returns a distance W(μ_X, ν_Y) ≥ 0 and says which solver computed it
 * and on how many points, so that every table can state "exact, n = 2000 × 1000" or
 * "sliced, 200 directions". Repeated rows are allowed and count with their multiplicity: the
 * union of a set with copies of itself is the same empirical measure.
 */
@FunctionalInterface
public interface MeasureDistance {

  /**
   * The distance between the uniform empirical measures of {@code x} and {@code y}.
   *
   * @param x n × d points (not modified)
   * @param y m × d points, same d (not modified)
   * @return the distance with the solver's name and the sizes used
   */
  Distance between(double[][] x, double[][] y);

  /**
   * One evaluated distance.
   *
   * @param value W ≥ 0
   * @param solver the solver and its setting, e.g. "exact (network simplex)"
   * @param n rows of the first measure
   * @param m rows of the second measure
   */
  record Distance(double value, String solver, int n, int m) {

    /** Checks that the value is finite and non-negative and the sizes positive. */
    public Distance {
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("distance from solver '" + solver + "' is " + value
            + "; expected a finite value ≥ 0");
      }
      if (n < 1 || m < 1) {
        throw new IllegalArgumentException("distance from solver '" + solver + "' on " + n
            + " × " + m + " points; expected both sizes ≥ 1");
      }
    }
  }
}
