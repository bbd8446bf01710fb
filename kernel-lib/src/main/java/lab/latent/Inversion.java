package lab.latent;

import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GAN inversion: a code that reproduces a given sample, found by optimisation from the
 * encoder's guess, so that real samples can be placed in a generator's own latent space.
 *
 * <pre>
 *   z* = argmin_z  ½‖G(z) − x‖² / p + ½·λ‖z‖² / k,
 * </pre>
 * with p the sample size and k the code size (both terms are means), started from
 * z₀ = guess(x) and minimised by Adam (β₁ 0.9, β₂ 0.999, ε 1e-8) for a fixed number of steps,
 * every sample independently (one row per sample, in one batch).
 *
 * <p>Reference: Zhu et al., "Generative visual manipulation on the natural image manifold",
 * ECCV 2016; Xia et al., "GAN inversion: a survey", TPAMI 2022.
 */
public final class Inversion {

  private static final Logger LOG = LoggerFactory.getLogger(Inversion.class);

  private Inversion() {
  }

  /**
   * Options.
   *
   * @param steps Adam steps, ≥ 1 (default 200)
   * @param learningRate Adam step size, &gt; 0 (default 0.05)
   * @param priorWeight λ ≥ 0, the Gaussian-prior penalty (default 1e-3)
   */
  public record Options(int steps, double learningRate, double priorWeight) {

    /** Checks ranges. */
    public Options {
      if (steps < 1 || !(learningRate > 0) || !(priorWeight >= 0)) {
        throw new IllegalArgumentException("inversion options steps " + steps
            + ", learning rate " + learningRate + ", prior weight " + priorWeight
            + "; expected steps ≥ 1, learning rate > 0, prior weight ≥ 0");
      }
    }

    /** 200 steps, learning rate 0.05, λ = 1e-3. */
    public static Options defaults() {
      return new Options(200, 0.05, 1e-3);
    }
  }

  /**
   * The inverted codes.
   *
   * @param codes n × k codes z*
   * @param initialLoss per sample, the loss at the encoder's guess
   * @param finalLoss per sample, the loss at z*
   * @param steps steps taken
   */
  public record Result(double[][] codes, double[] initialLoss, double[] finalLoss, int steps) {

    /** Mean of the final losses. */
    public double meanFinalLoss() {
      return java.util.Arrays.stream(finalLoss).average().orElse(Double.NaN);
    }

    /** Mean of the initial losses. */
    public double meanInitialLoss() {
      return java.util.Arrays.stream(initialLoss).average().orElse(Double.NaN);
    }
  }

  /**
   * Inverts samples.
   *
   * @param generator G with vector–Jacobian products
   * @param samples n × p targets x
   * @param guess samples ↦ initial codes z₀ (an encoder into Z, or a ridge inverse)
   * @param options steps, step size and prior weight
   */
  public static Result invert(Differentiable generator, double[][] samples,
      UnaryOperator<double[][]> guess, Options options) {
    int p = Points.check("samples", samples);
    int k = generator.latentDim();
    double[][] z = guess.apply(samples);
    if (z.length != samples.length || Points.check("initial codes", z) != k) {
      throw new IllegalArgumentException("the guess returned " + z.length + " × "
          + z[0].length + " codes; expected " + samples.length + " × " + k);
    }
    z = copy(z);
    int n = z.length;
    double[][] m = new double[n][k];
    double[][] v = new double[n][k];
    double[] initial = loss(generator, z, samples, options.priorWeight(), p, k);
    for (int step = 1; step <= options.steps(); step++) {
      // gradient of the mean squared error and the prior, through Jᵀ
      double[][] x = generator.decode(z);
      double[][] up = new double[n][p];
      for (int i = 0; i < n; i++) {
        for (int q = 0; q < p; q++) {
          up[i][q] = (x[i][q] - samples[i][q]) / p;
        }
      }
      double[][] g = generator.pullback(z, up);

      // Adam update
      double c1 = 1 - Math.pow(0.9, step);
      double c2 = 1 - Math.pow(0.999, step);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < k; j++) {
          double gj = g[i][j] + options.priorWeight() * z[i][j] / k;
          m[i][j] = 0.9 * m[i][j] + 0.1 * gj;
          v[i][j] = 0.999 * v[i][j] + 0.001 * gj * gj;
          z[i][j] -= options.learningRate() * (m[i][j] / c1) / (Math.sqrt(v[i][j] / c2) + 1e-8);
        }
      }
    }
    double[] fin = loss(generator, z, samples, options.priorWeight(), p, k);
    LOG.info("inversion of {} samples: mean loss {} → {} in {} steps", n,
        java.util.Arrays.stream(initial).average().orElse(0),
        java.util.Arrays.stream(fin).average().orElse(0), options.steps());
    return new Result(z, initial, fin, options.steps());
  }

  private static double[] loss(Differentiable g, double[][] z, double[][] x, double lambda,
      int p, int k) {
    double[][] gx = g.decode(z);
    double[] out = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      out[i] = 0.5 * Points.sq(gx[i], x[i]) / p + 0.5 * lambda * Points.dot(z[i], z[i]) / k;
    }
    return out;
  }

  private static double[][] copy(double[][] z) {
    double[][] c = new double[z.length][];
    for (int i = 0; i < z.length; i++) {
      c[i] = z[i].clone();
    }
    return c;
  }
}
