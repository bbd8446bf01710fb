package lab.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Improved precision and recall of a generated sample against a real one (Kynkäänniemi,
 * Karras, Laine, Lehtinen and Aila, "Improved precision and recall metric for assessing
 * generative models", NeurIPS 2019).
 *
 * <p>With r_k(x) the distance from x to its k-th nearest neighbour in its own set (x itself
 * excluded), real features X (N × d) and generated features Y (M × d):
 * <pre>
 *   precision = (1/M) Σ_j 1[∃ i: ‖y_j − x_i‖ ≤ r_k(x_i)]
 *   recall    = (1/N) Σ_i 1[∃ j: ‖x_i − y_j‖ ≤ r_k(y_j)]
 * </pre>
 * k = 3 by default, as in the paper. The radius test is "≤": with "<", identical sets would
 * score 0. Distances are exact (no approximate search), computed in blocks (see
 * {@link NearestNeighbours}); time O((N + M)²·d), memory O((N + M)·d) plus 32 MiB per block.
 * The real set always comes first in the signature, as the method name says.
 */
public final class PrecisionRecall {

  /** The paper's neighbour rank. */
  public static final int DEFAULT_K = 3;

  private static final Logger LOG = LoggerFactory.getLogger(PrecisionRecall.class);

  private PrecisionRecall() {
  }

  /**
   * Options.
   *
   * @param k neighbour rank of the radius, ≥ 1; both sets need at least k + 1 samples
   */
  public record Options(int k) {
    /** Checks k ≥ 1. */
    public Options {
      Checks.atLeast("precision/recall k", k, 1);
    }

    /** k = {@value PrecisionRecall#DEFAULT_K}. */
    public Options() {
      this(DEFAULT_K);
    }
  }

  /**
   * Precision and recall, both in [0, 1] (↑ better).
   *
   * @param precision share of generated samples inside the real manifold estimate
   * @param recall share of real samples inside the generated manifold estimate
   * @param k neighbour rank used
   * @param realCount N
   * @param generatedCount M
   */
  public record Result(double precision, double recall, int k, int realCount,
      int generatedCount) {
  }

  /** Precision and recall with k = {@value #DEFAULT_K}. */
  public static Result realVsGenerated(double[][] real, double[][] generated) {
    return realVsGenerated(real, generated, new Options());
  }

  /**
   * Precision and recall.
   *
   * @param real N × d real features, N ≥ k + 1; not modified
   * @param generated M × d generated features, M ≥ k + 1; not modified
   * @throws IllegalArgumentException for empty or ragged sets, non-finite values, different d,
   *     or fewer than k + 1 samples in a set
   */
  public static Result realVsGenerated(double[][] real, double[][] generated, Options options) {
    Checks.pair("real features", real, "generated features", generated);
    int k = options.k();
    Checks.rows("real features", real, k + 1, "k = " + k + " neighbours besides the point");
    Checks.rows("generated features", generated, k + 1,
        "k = " + k + " neighbours besides the point");
    LOG.info("precision/recall: {} real, {} generated, d = {}, k = {}", real.length,
        generated.length, real[0].length, k);

    // Radii of the k-NN balls of each set.
    double[] realRadii = NearestNeighbours.squaredRadii(real, k)[0];
    double[] genRadii = NearestNeighbours.squaredRadii(generated, k)[0];

    // Membership of each sample in the other set's balls.
    NearestNeighbours.Cross c =
        NearestNeighbours.cross(real, generated, realRadii, null, genRadii);
    return new Result(NearestNeighbours.share(c.generatedInRealBall()),
        NearestNeighbours.share(c.realInGeneratedBall()), k, real.length, generated.length);
  }
}
