package lab.latent;

import java.util.Arrays;
import java.util.Random;
import lab.data.PointSet;
import lab.data.Toys;

/** Seeded synthetic data for the latent tests: one pool from a mixture, split in parts. */
final class Synthetic {

  /** The seed every test data set derives from. */
  static final long SEED = 20261204L;
  /** Standard deviation of every mixture component. */
  static final double STD = 0.6;

  private Synthetic() {
  }

  /**
   * Disjoint parts of one pool of a Gaussian mixture in ℝ^d (std {@link #STD}, centres
   * uniform in [−3, 3]^d), labels = component.
   *
   * @param modes number of mixture components
   * @param sizes sizes of the parts
   */
  static PointSet[] parts(int d, int modes, long seed, int... sizes) {
    return parts(d, modes, 3.0, seed, sizes);
  }

  /** {@link #parts(int, int, long, int...)} with centres uniform in [−spread, spread]^d. */
  static PointSet[] parts(int d, int modes, double spread, long seed, int... sizes) {
    double[][] centres = centres(d, modes, spread, seed);
    int total = Arrays.stream(sizes).sum();
    PointSet pool = Toys.mixture(centres, STD, total, seed + 1, "pool");
    PointSet[] out = new PointSet[sizes.length];
    int at = 0;
    for (int p = 0; p < sizes.length; p++) {
      int[] idx = new int[sizes[p]];
      for (int i = 0; i < idx.length; i++) {
        idx[i] = at++;
      }
      out[p] = pool.subset(idx, "part " + p);
    }
    return out;
  }

  /** The centres of {@link #parts}: uniform in [−spread, spread]^d, {@code Random(seed)}. */
  static double[][] centres(int d, int modes, double spread, long seed) {
    Random r = new Random(seed);
    double[][] centres = new double[modes][d];
    for (double[] c : centres) {
      for (int k = 0; k < d; k++) {
        c[k] = spread * (2 * r.nextDouble() - 1);
      }
    }
    return centres;
  }

  /** {@code x} plus N(0, σ²) noise per coordinate. */
  static double[][] noisy(double[][] x, double sigma, long seed) {
    Random r = new Random(seed);
    double[][] y = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i].clone();
      for (int k = 0; k < y[i].length; k++) {
        y[i][k] += sigma * r.nextGaussian();
      }
    }
    return y;
  }

  /** Row {@code i} of {@code x} repeated n times. */
  static double[][] collapsed(double[][] x, int i, int n) {
    double[][] y = new double[n][];
    Arrays.fill(y, x[i]);
    return y;
  }
}
