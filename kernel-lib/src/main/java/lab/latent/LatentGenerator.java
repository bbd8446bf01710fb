package lab.latent;

import java.util.Random;

/**
 * A generator seen through its latent space Z: codes z ∈ ℝ^k drawn from a prior, decoded to
 * samples G(z) (images as pixel rows, or toy points). The view the latent operations, the
 * properties and LSFAS need of a GAN, WGAN, AE-OT decoder or a synthetic map in tests.
 *
 * <p>Shapes: codes n × {@link #latentDim()}, samples n × p.
 */
public interface LatentGenerator {

  /** The generator's name for tables, e.g. "WGAN-GP". */
  String name();

  /** Dimension k of Z. */
  int latentDim();

  /**
   * Decodes codes to samples G(z), each code independently of the others.
   *
   * @param codes n × k (not modified)
   * @return n × p samples
   */
  double[][] decode(double[][] codes);

  /** n codes from the prior; the default is the standard normal N(0, I_k). */
  default double[][] sampleCodes(int n, Random random) {
    if (n < 1) {
      throw new IllegalArgumentException("number of codes is " + n + "; expected ≥ 1");
    }
    return Points.gaussian(n, latentDim(), random);
  }

  /** The mean of the prior, the centre of truncation; the default is 0. */
  default double[] priorMean() {
    return new double[latentDim()];
  }

  /**
   * Class labels of the samples the codes decode to, for a conditional generator (the class
   * is part of its code); {@code null} for an unconditional generator (the default).
   */
  default int[] labels(double[][] codes) {
    return null;
  }
}
