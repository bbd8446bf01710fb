package lab.ot;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Sliced Wasserstein distance by random projections.
 *
 * <p>For μ = Σ a_i δ(x_i), ν = Σ b_j δ(y_j) on ℝᵈ and unit directions θ_1, …, θ_K,
 * <pre>
 *   SW_p(μ, ν) = ( (1/K) Σ_k W_p^p(θ_k#μ, θ_k#ν) )^(1/p),
 * </pre>
 * where θ#μ is the law of ⟨θ, x⟩ and each 1-D W_p^p is the closed form of
 * {@link OneDimensional}. Directions are Gaussian vectors normalised to the unit sphere, drawn
 * from a {@link SplittableRandom} with the given seed, so a seed gives bit-identical results.
 * Projections run in parallel; their values are summed in direction order afterwards, so the
 * result does not depend on thread scheduling.
 *
 * <p>Reference: N. Bonneel, J. Rabin, G. Peyré, H. Pfister, "Sliced and Radon Wasserstein
 * barycenters of measures", J. Math. Imaging and Vision 51, 2015; POT's
 * {@code ot.sliced_wasserstein_distance}.
 */
public final class SlicedWasserstein {

  private SlicedWasserstein() {
  }

  /**
   * Options.
   *
   * @param projections number of directions K ≥ 1 (POT's default 50)
   * @param p exponent p ≥ 1 (default 2)
   * @param seed seed of the directions (default 0)
   */
  public record Options(int projections, double p, long seed) {

    /** POT's default number of projections. */
    public static final int DEFAULT_PROJECTIONS = 50;

    /** Checks K ≥ 1 and p ≥ 1. */
    public Options {
      if (projections < 1) {
        throw new IllegalArgumentException("projections = " + projections + "; expected >= 1");
      }
      OneDimensional.checkP(p);
    }

    /** K = 50, p = 2, seed 0. */
    public Options() {
      this(DEFAULT_PROJECTIONS, 2, 0);
    }
  }

  /** K seeded unit directions in ℝᵈ, as a K×d array. */
  public static double[][] directions(int count, int d, long seed) {
    if (count < 1 || d < 1) {
      throw new IllegalArgumentException("directions: count = " + count + ", d = " + d
          + "; expected both >= 1");
    }
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] th = new double[count][d];
    for (double[] t : th) {
      double norm = 0;
      while (norm == 0) {
        norm = 0;
        for (int k = 0; k < d; k++) {
          t[k] = gaussian(rng);
          norm += t[k] * t[k];
        }
      }
      norm = Math.sqrt(norm);
      for (int k = 0; k < d; k++) {
        t[k] /= norm;
      }
    }
    return th;
  }

  /**
   * SW_p with seeded random directions.
   *
   * @param x source points n×d, a weights length n; y target points m×d, b weights length m
   * @return cost = SW_p^p (the mean of the 1-D W_p^p), iterations = K, no plan
   */
  public static OtResult solve(double[][] x, double[] a, double[][] y, double[] b,
      Options options) {
    int d = Costs.checkPoints("x", x, -1);
    return solve(x, a, y, b, directions(options.projections(), d, options.seed()),
        options.p());
  }

  /**
   * SW_p with given directions (K×d, each of unit norm; e.g. the same ones as a reference).
   */
  public static OtResult solve(double[][] x, double[] a, double[][] y, double[] b,
      double[][] directions, double p) {
    OneDimensional.checkP(p);
    int d = Costs.checkPoints("x", x, -1);
    Costs.checkPoints("y", y, d);
    Costs.checkPoints("directions", directions, d);
    double[][] ab = Weights.pair(a, x.length, b, y.length);
    double[] perDirection = new double[directions.length];
    IntStream.range(0, directions.length).parallel().forEach(k ->
        perDirection[k] = projectedCost(x, ab[0], y, ab[1], directions[k], p));
    double mean = 0;
    for (double v : perDirection) {
      mean += v;
    }
    mean /= directions.length;
    if (!Double.isFinite(mean)) {
      throw new IllegalArgumentException("sliced cost overflows to " + mean + " with p = "
          + p + "; expected a finite cost (rescale the points)");
    }
    return new OtResult("sliced", mean, null, null, null, directions.length, true, 0);
  }

  /** SW_p itself, (SW_p^p)^(1/p), with seeded directions. */
  public static double distance(double[][] x, double[] a, double[][] y, double[] b,
      Options options) {
    return solve(x, a, y, b, options).distance(options.p());
  }

  private static double projectedCost(double[][] x, double[] a, double[][] y, double[] b,
      double[] theta, double p) {
    double[][] px = sortedProjection(x, a, theta);
    double[][] py = sortedProjection(y, b, theta);
    return OneDimensional.sortedCost(px[0], px[1], py[0], py[1], p);
  }

  /** {sorted ⟨θ, x_i⟩, weights in the same order}. */
  private static double[][] sortedProjection(double[][] x, double[] w, double[] theta) {
    int n = x.length;
    double[] proj = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = 0; k < theta.length; k++) {
        s += x[i][k] * theta[k];
      }
      proj[i] = s;
    }
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (i, j) -> Double.compare(proj[i], proj[j]));
    double[] xs = new double[n];
    double[] ws = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = proj[idx[i]];
      ws[i] = w[idx[i]];
    }
    return new double[][] {xs, ws};
  }

  private static double gaussian(SplittableRandom rng) {
    // Marsaglia's polar method
    while (true) {
      double u = 2 * rng.nextDouble() - 1;
      double v = 2 * rng.nextDouble() - 1;
      double s = u * u + v * v;
      if (s > 0 && s < 1) {
        return u * Math.sqrt(-2 * Math.log(s) / s);
      }
    }
  }
}
