package lab.latent;

import java.util.function.UnaryOperator;
import lab.metrics.Fid;
import lab.metrics.InceptionScore;

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

  /**
   * IS and FID of lab.metrics through a domain network given as two functions.
   *
   * @param name the network, for tables
   * @param probabilities samples (n × p) ↦ class probabilities (n × c, rows summing to 1)
   * @param features samples (n × p) ↦ features (n × f) for FID
   * @return IS = {@link InceptionScore} mean over its default 10 seeded splits, FID =
   *     {@link Fid#between}
   */
  static Quality of(String name, UnaryOperator<double[][]> probabilities,
      UnaryOperator<double[][]> features) {
    return new Quality() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public double inceptionScore(double[][] samples) {
        return InceptionScore.of(probabilities.apply(samples)).mean();
      }

      @Override
      public double fid(double[][] a, double[][] b) {
        return Fid.between(features.apply(a), features.apply(b)).value();
      }
    };
  }
}
