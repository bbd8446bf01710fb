package lab.metrics;

import java.util.Random;
import smile.math.matrix.Matrix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kernel Inception distance (Bińkowski, Sutherland, Arbel and Gretton, "Demystifying MMD
 * GANs", ICLR 2018): the unbiased estimate of the squared maximum mean discrepancy with the
 * cubic polynomial kernel, averaged over random subsets.
 *
 * <p>With k(x, y) = (xᵀy / d + 1)³ and samples X (m × d), Y (n × d):
 * <pre>
 *   MMD²_u = Σ_{i≠j} k(x_i, x_j) / (m(m−1)) + Σ_{i≠j} k(y_i, y_j) / (n(n−1))
 *            − 2 Σ_{i,j} k(x_i, y_j) / (m·n)
 * </pre>
 * KID is the mean and the (population) standard deviation of MMD²_u over {@code subsets}
 * subsets of {@code subsetSize} rows drawn without replacement from each set, seeded by
 * {@code java.util.Random(seed)} (partial Fisher–Yates per subset, X then Y). Defaults: 100
 * subsets of 1,000 (the reference protocol). Being unbiased, the estimate can be negative.
 * Bit-exact for a given input and seed.
 */
public final class Kid {

  /** Subsets of the reference protocol. */
  public static final int DEFAULT_SUBSETS = 100;
  /** Subset size of the reference protocol. */
  public static final int DEFAULT_SUBSET_SIZE = 1000;
  /** Seed of the default subsets. */
  public static final long DEFAULT_SEED = 0;

  private static final Logger LOG = LoggerFactory.getLogger(Kid.class);

  private Kid() {
  }

  /**
   * Options.
   *
   * @param subsets number of subsets, ≥ 1
   * @param subsetSize rows per subset, ≥ 2 and at most the size of each set
   * @param seed seed of the subset draws
   */
  public record Options(int subsets, int subsetSize, long seed) {
    /** Checks subsets ≥ 1 and subsetSize ≥ 2. */
    public Options {
      Checks.atLeast("KID subsets", subsets, 1);
      Checks.atLeast("KID subset size", subsetSize, 2);
    }

    /** 100 subsets of 1,000, seed 0. */
    public Options() {
      this(DEFAULT_SUBSETS, DEFAULT_SUBSET_SIZE, DEFAULT_SEED);
    }
  }

  /**
   * KID (↓ better; 0 for equal distributions in expectation).
   *
   * @param mean mean MMD²_u over the subsets
   * @param std population standard deviation over the subsets
   * @param values MMD²_u of each subset
   * @param subsetSize rows per subset
   */
  public record Result(double mean, double std, double[] values, int subsetSize) {
  }

  /** KID with the default options. */
  public static Result between(double[][] real, double[][] generated) {
    return between(real, generated, new Options());
  }

  /**
   * KID between two feature sets.
   *
   * @param real N × d; not modified
   * @param generated M × d; not modified
   * @throws IllegalArgumentException for empty, ragged or non-finite sets, different d, or a
   *     subset size larger than N or M (the message names both numbers)
   */
  public static Result between(double[][] real, double[][] generated, Options options) {
    Checks.pair("real features", real, "generated features", generated);
    int m = options.subsetSize();
    if (m > real.length || m > generated.length) {
      String which = m > real.length ? "real features (" + Checks.shape(real) + ")"
          : "generated features (" + Checks.shape(generated) + ")";
      int have = m > real.length ? real.length : generated.length;
      throw new IllegalArgumentException("KID subset size " + m + " is larger than the "
          + have + " samples of " + which + "; pass a subset size ≤ " + have
          + " in Kid.Options");
    }
    LOG.info("KID: {} subsets of {} from {} real and {} generated, d = {}", options.subsets(),
        m, real.length, generated.length, real[0].length);

    // MMD² of each seeded subset pair.
    Random rng = new Random(options.seed());
    double[] values = new double[options.subsets()];
    for (int s = 0; s < values.length; s++) {
      double[][] x = draw(real, m, rng);
      double[][] y = draw(generated, m, rng);
      values[s] = mmd2Unbiased(x, y);
    }

    // Mean and standard deviation over the subsets.
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= values.length;
    double var = 0;
    for (double v : values) {
      var += (v - mean) * (v - mean);
    }
    return new Result(mean, Math.sqrt(var / values.length), values, m);
  }

  /** {@code m} rows drawn without replacement by a partial Fisher–Yates shuffle. */
  private static double[][] draw(double[][] x, int m, Random rng) {
    int[] idx = new int[x.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    double[][] out = new double[m][];
    for (int i = 0; i < m; i++) {
      int j = i + rng.nextInt(idx.length - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
      out[i] = x[idx[i]];
    }
    return out;
  }

  /**
   * Unbiased MMD² with the cubic kernel between the full sets (no subsets).
   *
   * @param x m × d, m ≥ 2; not modified
   * @param y n × d, n ≥ 2; not modified
   */
  public static double mmd2Unbiased(double[][] x, double[][] y) {
    int d = Checks.pair("x", x, "y", y);
    Checks.rows("x", x, 2, "the unbiased estimate leaves out i = j");
    Checks.rows("y", y, 2, "the unbiased estimate leaves out i = j");
    int m = x.length;
    int n = y.length;

    // Gram matrices by BLAS, the kernel applied entry by entry, sums in a fixed order.
    Matrix mx = Matrix.of(x);
    Matrix my = Matrix.of(y);
    double kxx = kernelSum(mx.aat(), d, true);
    double kyy = kernelSum(my.aat(), d, true);
    double kxy = kernelSum(mx.mt(my), d, false);
    return kxx / ((double) m * (m - 1)) + kyy / ((double) n * (n - 1))
        - 2 * kxy / ((double) m * n);
  }

  /** Σ k over the entries of a Gram matrix (off the diagonal when {@code offDiagonal}). */
  private static double kernelSum(Matrix gram, int d, boolean offDiagonal) {
    double sum = 0;
    for (int j = 0; j < gram.ncol(); j++) {
      double col = 0;
      for (int i = 0; i < gram.nrow(); i++) {
        if (offDiagonal && i == j) {
          continue;
        }
        double v = gram.get(i, j) / d + 1;
        col += v * v * v;
      }
      sum += col;
    }
    return sum;
  }
}
