package lab.metrics;

import java.util.stream.IntStream;
import lab.ot.Gaussians;
import org.bytedeco.openblas.global.openblas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fréchet Inception distance (Heusel, Ramsauer, Unterthiner, Nessler and Hochreiter, "GANs
 * trained by a two time-scale update rule converge to a local Nash equilibrium", NeurIPS 2017):
 * the squared 2-Wasserstein distance between the Gaussians fitted to two feature sets,
 * <pre>
 *   FID = ‖μ₁ − μ₂‖² + Tr Σ₁ + Tr Σ₂ − 2 Tr (Σ₁^½ Σ₂ Σ₁^½)^½.
 * </pre>
 *
 * <p>Statistics: mean and covariance with the N − 1 denominator (pytorch-fid, clean-fid,
 * torch-fidelity; StyleGAN2-ADA uses N), accumulated in double precision in blocks of
 * {@link #BLOCK_ROWS} rows: per-block partial sums and centred Gram matrices (BLAS
 * {@code dsyrk}, one triangle) computed in parallel, then added in block order, so the result
 * does not depend on thread scheduling.
 *
 * <p>The distance is {@link Gaussians#w2Squared} of the {@code lab.ot} package: the
 * eigenvalues of a symmetric matrix similar to Σ₁^½ Σ₂ Σ₁^½ (Lᵀ Σ₂ L with a Cholesky factor
 * of Σ₁, else from eig(Σ₁)), clamped at 0, never a square root of the non-symmetric product
 * Σ₁Σ₂, so it stays finite and real when n &lt; d (singular covariances) and FID(X, X) = 0 to
 * about 1e-10·Tr Σ.
 *
 * @apiNote FID is biased by the sample count (it grows as N falls): compare models at equal N
 *     and always report N ({@link Result} carries both counts). A tiny negative value from
 *     rounding is clamped at 0. Memory: the two d × d covariances, plus one d × d partial per
 *     block in flight (a few at a time).
 */
public final class Fid {

  /** Rows per accumulation block. */
  public static final int BLOCK_ROWS = 2048;

  private static final Logger LOG = LoggerFactory.getLogger(Fid.class);

  private Fid() {
  }

  /**
   * Gaussian statistics of a feature set.
   *
   * @param mean length d
   * @param covariance d × d, N − 1 denominator
   * @param count N
   */
  public record Statistics(double[] mean, double[][] covariance, int count) {
    /** Checks that the covariance is d × d for the mean's d. */
    public Statistics {
      if (mean == null || covariance == null || covariance.length != mean.length) {
        throw new IllegalArgumentException("FID statistics: mean has length "
            + (mean == null ? "null" : String.valueOf(mean.length)) + " but covariance has "
            + (covariance == null ? "null" : String.valueOf(covariance.length))
            + " rows, expected a d × d covariance for a length-d mean");
      }
    }
  }

  /**
   * A distance with the sample counts it was computed from.
   *
   * @param value FID ≥ 0 (↓ better)
   * @param firstCount N of the first set
   * @param secondCount N of the second set
   * @param dim feature dimension d
   */
  public record Result(double value, int firstCount, int secondCount, int dim) {
  }

  /**
   * FID between two feature sets (symmetric in its arguments).
   *
   * @param real N × d features, N ≥ 2; not modified
   * @param generated M × d features, M ≥ 2; not modified
   * @throws IllegalArgumentException for empty, ragged or non-finite sets, different d, or
   *     fewer than 2 samples in a set
   */
  public static Result between(double[][] real, double[][] generated) {
    int d = Checks.pair("real features", real, "generated features", generated);
    Checks.rows("real features", real, 2, "a covariance with the N − 1 denominator");
    Checks.rows("generated features", generated, 2, "a covariance with the N − 1 denominator");
    LOG.info("FID: {} real and {} generated features of dimension {}", real.length,
        generated.length, d);
    double value = fromStatistics(statistics(real), statistics(generated));
    return new Result(value, real.length, generated.length, d);
  }

  /**
   * FID between two fitted Gaussians.
   *
   * @throws IllegalArgumentException for different dimensions or a covariance that is not
   *     symmetric positive semi-definite (the message names it)
   */
  public static double fromStatistics(Statistics a, Statistics b) {
    if (a == null || b == null) {
      throw new IllegalArgumentException("FID statistics are " + (a == null ? "null" : "given")
          + " and " + (b == null ? "null" : "given") + "; expected both");
    }
    return Gaussians.w2Squared(a.mean(), a.covariance(), b.mean(), b.covariance());
  }

  /**
   * Mean and covariance (N − 1 denominator) of the rows of {@code x}, blocked and parallel.
   *
   * @param x N × d, N ≥ 2, finite; not modified
   */
  public static Statistics statistics(double[][] x) {
    int d = Checks.features("features", x);
    Checks.rows("features", x, 2, "a covariance with the N − 1 denominator");
    int n = x.length;
    int blocks = (n + BLOCK_ROWS - 1) / BLOCK_ROWS;

    // Mean: per-block partial sums in parallel, then their total in block order.
    double[][] sums = IntStream.range(0, blocks).parallel().mapToObj(blk -> {
      double[] s = new double[d];
      for (int i = blk * BLOCK_ROWS; i < Math.min(n, (blk + 1) * BLOCK_ROWS); i++) {
        for (int j = 0; j < d; j++) {
          s[j] += x[i][j];
        }
      }
      return s;
    }).toArray(double[][]::new);
    double[] mean = new double[d];
    for (double[] s : sums) {
      for (int j = 0; j < d; j++) {
        mean[j] += s[j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }

    // Covariance: centred Gram matrix per block (BLAS dsyrk, upper triangle), a few blocks at
    // a time, totals in block order.
    int inFlight = Math.max(1, Runtime.getRuntime().availableProcessors());
    double[] total = new double[d * d];
    for (int first = 0; first < blocks; first += inFlight) {
      int last = Math.min(blocks, first + inFlight);
      double[][] partial = IntStream.range(first, last).parallel()
          .mapToObj(blk -> centredGram(x, mean, blk * BLOCK_ROWS,
              Math.min(n, (blk + 1) * BLOCK_ROWS)))
          .toArray(double[][]::new);
      for (double[] g : partial) {
        for (int r = 0; r < d; r++) {
          for (int c = r; c < d; c++) {
            total[r * d + c] += g[r * d + c];
          }
        }
      }
    }
    double[][] cov = new double[d][d];
    for (int r = 0; r < d; r++) {
      for (int c = r; c < d; c++) {
        double v = total[r * d + c] / (n - 1);
        cov[r][c] = v;
        cov[c][r] = v;
      }
    }
    return new Statistics(mean, cov, n);
  }

  /**
   * Σ over rows [from, to) of (x − mean)(x − mean)ᵀ: d × d, row-major, upper triangle only
   * (the lower one is left 0).
   */
  private static double[] centredGram(double[][] x, double[] mean, int from, int to) {
    int d = mean.length;
    int b = to - from;
    double[] block = new double[b * d];
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < d; j++) {
        block[i * d + j] = x[from + i][j] - mean[j];
      }
    }
    double[] gram = new double[d * d];
    openblas.cblas_dsyrk(openblas.CblasRowMajor, openblas.CblasUpper, openblas.CblasTrans, d, b,
        1.0, block, d, 0.0, gram, d);
    return gram;
  }
}
