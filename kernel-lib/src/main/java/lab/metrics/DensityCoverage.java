package lab.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Density and coverage of a generated sample against a real one (Naeem, Oh, Uh, Choi and Yoo,
 * "Reliable fidelity and diversity metrics for generative models", ICML 2020).
 *
 * <p>With r_k(x) the distance from real x to its k-th nearest real neighbour (x excluded), real
 * features X (N × d) and generated features Y (M × d):
 * <pre>
 *   density  = 1/(k·M) · Σ_j Σ_i 1[‖y_j − x_i‖ ≤ r_k(x_i)]
 *   coverage = (1/N) · Σ_i 1[min_j ‖x_i − y_j‖ ≤ r_k(x_i)]
 * </pre>
 * k = 5 by default, as in the paper.
 *
 * @apiNote The authors' code tests with a strict "&lt;", which gives density = coverage = 0
 *     for identical sets; this class uses "≤" (identical sets give coverage 1), the same test
 *     as {@link PrecisionRecall}. The two differ only when a distance equals a radius exactly.
 *     Density is not bounded by 1: values above 1 mean generated samples crowd around real
 *     ones. Computed in blocks like {@link PrecisionRecall}.
 */
public final class DensityCoverage {

  /** The paper's neighbour rank. */
  public static final int DEFAULT_K = 5;

  private static final Logger LOG = LoggerFactory.getLogger(DensityCoverage.class);

  private DensityCoverage() {
  }

  /**
   * Options.
   *
   * @param k neighbour rank of the real radii, ≥ 1; the real set needs at least k + 1 samples
   */
  public record Options(int k) {
    /** Checks k ≥ 1. */
    public Options {
      Checks.atLeast("density/coverage k", k, 1);
    }

    /** k = {@value DensityCoverage#DEFAULT_K}. */
    public Options() {
      this(DEFAULT_K);
    }
  }

  /**
   * Density (≥ 0, about 1 when the sets match; ↑ fidelity) and coverage (in [0, 1], ↑ better).
   *
   * @param density mean number of real balls holding a generated sample, divided by k
   * @param coverage share of real balls holding at least one generated sample
   * @param k neighbour rank used
   * @param realCount N
   * @param generatedCount M
   */
  public record Result(double density, double coverage, int k, int realCount,
      int generatedCount) {
  }

  /** Density and coverage with k = {@value #DEFAULT_K}. */
  public static Result realVsGenerated(double[][] real, double[][] generated) {
    return realVsGenerated(real, generated, new Options());
  }

  /**
   * Density and coverage.
   *
   * @param real N × d real features, N ≥ k + 1; not modified
   * @param generated M × d generated features, M ≥ 1; not modified
   * @throws IllegalArgumentException for empty or ragged sets, non-finite values, different d,
   *     or fewer than k + 1 real samples
   */
  public static Result realVsGenerated(double[][] real, double[][] generated, Options options) {
    Checks.pair("real features", real, "generated features", generated);
    int k = options.k();
    Checks.rows("real features", real, k + 1, "k = " + k + " neighbours besides the point");
    LOG.info("density/coverage: {} real, {} generated, d = {}, k = {}", real.length,
        generated.length, real[0].length, k);

    // Radii of the real k-NN balls.
    double[] radii = NearestNeighbours.squaredRadii(real, k)[0];

    // Ball counts per generated sample, balls reached per real sample.
    NearestNeighbours.Cross c = NearestNeighbours.cross(real, generated, null, radii, null);
    long total = 0;
    for (int count : c.realBallsPerGenerated()) {
      total += count;
    }
    double density = total / ((double) k * generated.length);
    return new Result(density, NearestNeighbours.share(c.realBallHit()), k, real.length,
        generated.length);
  }
}
