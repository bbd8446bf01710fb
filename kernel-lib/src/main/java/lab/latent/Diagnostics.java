package lab.latent;

import lab.metrics.PrecisionRecall;

/**
 * The diagnostics reported beside LSFAS (PAPER.md §3.5), which separate new features from
 * copies and from off-manifold samples. All distances are Euclidean in M.
 *
 * <ul>
 *   <li><b>Novelty</b> = share of S whose nearest training point is farther than τ, where τ is
 *       the median over R_tr of each training point's distance to its nearest other training
 *       point (the "typical nearest-neighbour distance inside R_tr"). Copies of training points
 *       score 0; fresh real data about ½.</li>
 *   <li><b>Validity</b> = share of S inside the k-NN manifold of the real reference
 *       R = R_te ∪ R_fr: s is valid when d(s, x) ≤ r_k(x) for some x ∈ R, r_k(x) the distance
 *       from x to its k-th nearest neighbour in R (Kynkäänniemi et al., NeurIPS 2019, the
 *       precision criterion; k = {@value #K} by default; "≤" so that identical sets are
 *       valid).</li>
 * </ul>
 */
public final class Diagnostics {

  /** Default k of the k-NN manifold (precision/recall's k). */
  public static final int K = 3;

  private Diagnostics() {
  }

  /**
   * Novelty of {@code samples} against {@code train} (see the class docs).
   *
   * @param train R_tr, n × d with n ≥ 2
   * @param samples S, m × d
   * @return a share in [0, 1]
   */
  public static double novelty(double[][] train, double[][] samples) {
    Points.sameDim("R_tr", train, "S", samples);
    if (train.length < 2) {
      throw new IllegalArgumentException("novelty needs |R_tr| ≥ 2 for a nearest-neighbour"
          + " distance inside R_tr; got " + train.length);
    }
    double[] inside = Neighbours.kthRadius(train, 1);
    java.util.Arrays.sort(inside);
    int h = inside.length / 2;
    double tau = inside.length % 2 == 1 ? inside[h] : 0.5 * (inside[h - 1] + inside[h]);
    double[] nearest = Neighbours.nearest(samples, train);
    long far = java.util.Arrays.stream(nearest).filter(v -> v > tau).count();
    return (double) far / samples.length;
  }

  /**
   * Validity of {@code samples}: the share inside the k-NN manifold of {@code real}, which
   * is the precision of {@link PrecisionRecall} (lab.metrics) with real = R.
   *
   * @param real the reference R (R_te ∪ R_fr), n × d with n > k
   * @param samples S, m × d with m &gt; k (precision/recall's own requirement)
   * @param k neighbour rank, 1 ≤ k &lt; n
   * @return a share in [0, 1]
   */
  public static double validity(double[][] real, double[][] samples, int k) {
    Points.sameDim("R", real, "S", samples);
    if (k < 1 || k >= real.length) {
      throw new IllegalArgumentException("k-NN radius k is " + k + " for " + real.length
          + " points; expected 1 ≤ k < n");
    }
    return PrecisionRecall.realVsGenerated(real, samples, new PrecisionRecall.Options(k))
        .precision();
  }

  /**
   * Per-sample validity against the k-NN manifold of {@code real}, for convexity checks.
   *
   * @return m flags
   */
  public static boolean[] valid(double[][] real, double[][] samples, int k) {
    Points.sameDim("R", real, "S", samples);
    return Neighbours.insideManifold(samples, real, Neighbours.kthRadius(real, k));
  }
}
