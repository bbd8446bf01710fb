package lab.latent;

import java.util.function.UnaryOperator;

/** The domain "network" of mixture data in tests: the posterior of the known components. */
final class TestQuality {

  private TestQuality() {
  }

  /** IS from the mixture posterior, FID on the points themselves, both through lab.metrics. */
  static Quality of(double[][] centres, double std) {
    return Quality.of("mixture posterior", posterior(centres, std), x -> x);
  }

  /** p(component | x) of an equal-weight isotropic mixture N(c_k, std² I). */
  static UnaryOperator<double[][]> posterior(double[][] centres, double std) {
    return samples -> {
      int k = centres.length;
      double[][] p = new double[samples.length][k];
      for (int i = 0; i < samples.length; i++) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
          p[i][c] = -Points.sq(samples[i], centres[c]) / (2 * std * std);
          max = Math.max(max, p[i][c]);
        }
        double z = 0;
        for (int c = 0; c < k; c++) {
          p[i][c] = Math.exp(p[i][c] - max);
          z += p[i][c];
        }
        for (int c = 0; c < k; c++) {
          p[i][c] /= z;
        }
      }
      return p;
    };
  }
}
