package lab.latent;

import lab.ot.Gaussians;
import lab.ot.NetworkSimplex;
import lab.ot.OtResult;
import lab.ot.SlicedWasserstein;
import lab.ot.Weights;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link MeasureDistance}s LSFAS can use in M.
 *
 * <ul>
 *   <li>{@link #exact()}: the exact W₂ = (min_P ⟨P, C⟩)^½ between the uniform empirical
 *       measures, C_ij = ‖x_i − y_j‖², by the network simplex of {@link NetworkSimplex}
 *       (lab.ot). Memory n·m doubles; time grows faster than n·m.</li>
 *   <li>{@link #auto(long, MeasureDistance)}: the exact W₂ while n·m is at most a stated size,
 *       the given fallback above it; the result names the solver used. {@link #auto()}: exact
 *       up to n·m = 4,000,000 (2,000 × 2,000: about 1.5 s per problem on 2 cores), sliced W₂
 *       above.</li>
 *   <li>{@link #sliced(int, long)}: the sliced W₂ of lab.ot, for any n.</li>
 *   <li>{@link #gaussian()}: the 2-Wasserstein distance between the Gaussians fitted to the
 *       two empirical measures (Bures formula, {@link Gaussians#w2}), with population moments
 *       (denominator n), so that a measure and its union with copies of itself have equal
 *       moments and distance 0 between them. Fast (d × d eigen-decompositions) and a lower
 *       bound of the exact W₂; it sees only means and covariances.</li>
 * </ul>
 */
public final class Distances {

  private static final Logger LOG = LoggerFactory.getLogger(Distances.class);

  /** Pivot cap of {@link #exact()}: far above POT's 100,000, which stops 2,000 × 1,000 early. */
  public static final int MAX_PIVOTS = 50_000_000;

  /** Directions of the sliced fallback of {@link #auto()}. */
  public static final int PROJECTIONS = 200;

  /** Largest n·m that {@link #auto(long, MeasureDistance)} solves exactly by default. */
  public static final long EXACT_LIMIT = 4_000_000L;

  private Distances() {
  }

  /** Exact W₂ with the pivot cap {@link #MAX_PIVOTS}. */
  public static MeasureDistance exact() {
    return exact(MAX_PIVOTS);
  }

  /**
   * Exact W₂ by the network simplex with a pivot cap; a result that stops at the cap is
   * returned with "NOT converged" in its solver name and a WARN.
   *
   * @param maxPivots the cap, ≥ 1
   */
  public static MeasureDistance exact(int maxPivots) {
    NetworkSimplex.Options options = new NetworkSimplex.Options(maxPivots);
    return (x, y) -> {
      Points.sameDim("x", x, "y", y);
      OtResult r = NetworkSimplex.solve(x, Weights.uniform(x.length), y,
          Weights.uniform(y.length), options);
      String solver = "exact W2 (network simplex)";
      if (!r.converged()) {
        LOG.warn("exact W2 on {} × {} points stopped at {} pivots; raise maxPivots", x.length,
            y.length, r.iterations());
        solver = "exact W2 (network simplex, NOT converged after " + r.iterations()
            + " pivots)";
      }
      return new MeasureDistance.Distance(r.distance(2), solver, x.length, y.length);
    };
  }

  /**
   * The exact W₂ while n·m ≤ {@code exactLimit}, {@code fallback} above.
   *
   * @param exactLimit largest n·m solved exactly
   * @param fallback the distance used above it (its solver name says which)
   */
  public static MeasureDistance auto(long exactLimit, MeasureDistance fallback) {
    MeasureDistance exact = exact();
    return (x, y) -> (long) x.length * y.length <= exactLimit ? exact.between(x, y)
        : fallback.between(x, y);
  }

  /**
   * The exact W₂ up to n·m = {@link #EXACT_LIMIT}, the sliced W₂ with {@link #PROJECTIONS}
   * directions above.
   */
  public static MeasureDistance auto() {
    return auto(EXACT_LIMIT, sliced(PROJECTIONS, 0));
  }

  /**
   * The sliced W₂ of lab.ot: (mean over K seeded unit directions θ of W₂²(θᵀX, θᵀY))^½,
   * O(K·(n log n + m log m)) time; a different, smaller distance than W₂, so FeatureScores
   * computed with it are comparable only with each other.
   *
   * @param projections K ≥ 1
   * @param seed seed of the directions
   */
  public static MeasureDistance sliced(int projections, long seed) {
    SlicedWasserstein.Options options = new SlicedWasserstein.Options(projections, 2, seed);
    return (x, y) -> {
      Points.sameDim("x", x, "y", y);
      double w = SlicedWasserstein.distance(x, Weights.uniform(x.length), y,
          Weights.uniform(y.length), options);
      return new MeasureDistance.Distance(w, "sliced W2 (" + projections + " directions)",
          x.length, y.length);
    };
  }

  /** W₂ between Gaussian fits with population moments (see the class docs). */
  public static MeasureDistance gaussian() {
    return (x, y) -> {
      Points.sameDim("x", x, "y", y);
      double[] mx = mean(x);
      double[] my = mean(y);
      double[][] sx = covariance(x, mx);
      double[][] sy = covariance(y, my);
      return new MeasureDistance.Distance(Gaussians.w2(mx, sx, my, sy),
          "Gaussian W2 (Bures, population moments)", x.length, y.length);
    };
  }

  /** Column means of an n × d matrix. */
  static double[] mean(double[][] x) {
    int d = x[0].length;
    double[] m = new double[d];
    for (double[] row : x) {
      for (int k = 0; k < d; k++) {
        m[k] += row[k];
      }
    }
    for (int k = 0; k < d; k++) {
      m[k] /= x.length;
    }
    return m;
  }

  /** Covariance with the population denominator n, symmetric by construction. */
  static double[][] covariance(double[][] x, double[] m) {
    int d = m.length;
    double[][] s = new double[d][d];
    double[] c = new double[d];
    for (double[] row : x) {
      for (int k = 0; k < d; k++) {
        c[k] = row[k] - m[k];
      }
      for (int a = 0; a < d; a++) {
        for (int b = a; b < d; b++) {
          s[a][b] += c[a] * c[b];
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = a; b < d; b++) {
        s[a][b] /= x.length;
        s[b][a] = s[a][b];
      }
    }
    return s;
  }
}
