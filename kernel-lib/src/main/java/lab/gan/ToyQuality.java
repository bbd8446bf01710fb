package lab.gan;

import java.util.Arrays;
import java.util.SplittableRandom;
import lab.data.Toys;

/**
 * Quality of generated points on mixtures with known modes (8 or 25 Gaussians): modes reached,
 * share of samples off every mode (mode mixture), and a sliced Wasserstein distance.
 */
public final class ToyQuality {

  /** Default radius around a mode centre counted as "on the mode" (ring spacing 1.53). */
  public static final double RADIUS = 0.25;
  /** Default share of samples a mode needs to count as recovered. */
  public static final double MIN_SHARE = 0.02;

  private ToyQuality() {
  }

  /**
   * Mode coverage of a sample.
   *
   * @param modesHit modes that hold at least {@code minShare} of the samples within
   *     {@code radius}
   * @param modes number of modes
   * @param offModeShare share of samples farther than {@code radius} from every centre
   * @param radius the radius used
   * @param counts samples within the radius of each mode
   */
  public record ModeReport(int modesHit, int modes, double offModeShare, double radius,
      int[] counts) {

    @Override
    public String toString() {
      return String.format("%d/%d modes, %.1f%% off-mode (radius %.2f), counts %s", modesHit,
          modes, 100 * offModeShare, radius, Arrays.toString(counts));
    }
  }

  /**
   * Counts samples near each centre.
   *
   * @param samples n × d generated points
   * @param centres k × d mode centres
   * @param radius distance within which a sample is on a mode, &gt; 0
   * @param minShare share of all samples a mode needs to count as hit, in [0, 1]
   */
  public static ModeReport modes(float[][] samples, double[][] centres, double radius,
      double minShare) {
    if (samples.length == 0 || !(radius > 0) || !(minShare >= 0 && minShare <= 1)) {
      throw new IllegalArgumentException("modes: " + samples.length + " samples, radius "
          + radius + ", minShare " + minShare + "; expected samples, radius > 0, share in [0,1]");
    }
    int[] counts = new int[centres.length];
    int off = 0;
    for (float[] p : samples) {
      double[] x = new double[p.length];
      for (int j = 0; j < p.length; j++) {
        x[j] = p[j];
      }
      int best = Toys.nearestMode(x, centres);
      double bestD = 0;
      for (int j = 0; j < x.length; j++) {
        double t = x[j] - centres[best][j];
        bestD += t * t;
      }
      if (Math.sqrt(bestD) <= radius) {
        counts[best]++;
      } else {
        off++;
      }
    }
    int hit = 0;
    for (int c : counts) {
      if (c >= minShare * samples.length && c > 0) {
        hit++;
      }
    }
    return new ModeReport(hit, centres.length, off / (double) samples.length, radius, counts);
  }

  /**
   * Exact 2-Wasserstein distance between two equally weighted point sets (network simplex of
   * {@link lab.ot.NetworkSimplex} on the squared Euclidean cost): the square root of the optimal
   * ⟨P, C⟩.
   *
   * @param a n × d points
   * @param b m × d points
   */
  public static double exactW2(float[][] a, double[][] b) {
    if (a.length == 0 || b.length == 0) {
      throw new IllegalArgumentException("exactW2: sizes " + a.length + " and " + b.length
          + "; expected non-empty sets");
    }
    double[][] x = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      x[i] = new double[a[i].length];
      for (int j = 0; j < a[i].length; j++) {
        x[i][j] = a[i][j];
      }
    }
    double[] wa = new double[a.length];
    double[] wb = new double[b.length];
    Arrays.fill(wa, 1.0 / a.length);
    Arrays.fill(wb, 1.0 / b.length);
    return Math.sqrt(lab.ot.NetworkSimplex.solve(x, wa, b, wb,
        new lab.ot.NetworkSimplex.Options()).cost());
  }

  /**
   * Sliced 2-Wasserstein distance: the root mean over {@code directions} random unit directions
   * θ of W₂²(θ·a, θ·b), each 1-D distance computed exactly from sorted projections (equal sizes
   * required).
   *
   * @param a n × d points
   * @param b n × d points
   * @param directions number of random directions, ≥ 1
   * @param seed seed of the directions
   */
  public static double slicedW2(float[][] a, double[][] b, int directions, long seed) {
    if (a.length != b.length || a.length == 0 || directions < 1) {
      throw new IllegalArgumentException("slicedW2: sizes " + a.length + " and " + b.length
          + ", directions " + directions + "; expected equal non-zero sizes, directions ≥ 1");
    }
    int d = b[0].length;
    SplittableRandom rng = new SplittableRandom(seed);
    double total = 0;
    double[] pa = new double[a.length];
    double[] pb = new double[b.length];
    for (int t = 0; t < directions; t++) {
      double[] theta = new double[d];
      double norm = 0;
      for (int j = 0; j < d; j++) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        theta[j] = Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
        norm += theta[j] * theta[j];
      }
      norm = Math.sqrt(norm);
      for (int i = 0; i < a.length; i++) {
        double sa = 0;
        double sb = 0;
        for (int j = 0; j < d; j++) {
          sa += a[i][j] * theta[j] / norm;
          sb += b[i][j] * theta[j] / norm;
        }
        pa[i] = sa;
        pb[i] = sb;
      }
      Arrays.sort(pa);
      Arrays.sort(pb);
      double s = 0;
      for (int i = 0; i < a.length; i++) {
        s += (pa[i] - pb[i]) * (pa[i] - pb[i]);
      }
      total += s / a.length;
    }
    return Math.sqrt(total / directions);
  }
}
