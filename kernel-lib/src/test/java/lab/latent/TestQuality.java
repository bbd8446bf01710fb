package lab.latent;

import lab.ot.Gaussians;

/**
 * IS and FID for mixture data in tests: p(y|x) is the posterior of the known isotropic
 * mixture components, FID the Bures W2² of the fitted Gaussians (n − 1 covariances).
 */
final class TestQuality implements Quality {

  private final double[][] centres;
  private final double std;

  TestQuality(double[][] centres, double std) {
    this.centres = centres;
    this.std = std;
  }

  @Override
  public String name() {
    return "mixture posterior";
  }

  @Override
  public double inceptionScore(double[][] samples) {
    int k = centres.length;
    double[][] p = new double[samples.length][k];
    double[] marginal = new double[k];
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
        marginal[c] += p[i][c] / samples.length;
      }
    }
    double kl = 0;
    for (double[] row : p) {
      for (int c = 0; c < k; c++) {
        if (row[c] > 0) {
          kl += row[c] * (Math.log(row[c]) - Math.log(marginal[c])) / samples.length;
        }
      }
    }
    return Math.exp(kl);
  }

  @Override
  public double fid(double[][] a, double[][] b) {
    return Gaussians.w2Squared(Gaussians.moments(a), Gaussians.moments(b));
  }
}
