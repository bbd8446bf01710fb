package lab.latent;

/**
 * The sample-quality scores LSFAS normalises: the Inception Score of a set and the FID
 * between two sets, both through the domain network (lab.metrics provides them). Samples are
 * rows of p values (pixels, row-major, for images).
 */
public interface Quality {

  /** Which network and settings, for tables. */
  String name();

  /**
   * IS(S) = exp(mean KL(p(y|x) ‖ p(y))) of n samples (METRICS.md; the mean over splits).
   *
   * @param samples n × p
   */
  double inceptionScore(double[][] samples);

  /**
   * FID between two sets (METRICS.md; the n − 1 covariance denominator).
   *
   * @param a n × p
   * @param b m × p
   */
  double fid(double[][] a, double[][] b);
}
