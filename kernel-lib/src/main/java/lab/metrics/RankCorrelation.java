package lab.metrics;

import java.util.Arrays;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Rank correlation between two metrics over the same models (Spearman's ρ and Kendall's τ_b)
 * with percentile bootstrap confidence intervals.
 *
 * <p>Spearman's ρ is Pearson's correlation of the ranks, ties given their average rank
 * (Spearman, Am. J. Psychol. 1904). Kendall's τ_b = (C − D) / √((n₀ − n₁)(n₀ − n₂)), with C
 * and D the concordant and discordant pairs, n₀ = n(n−1)/2 and n₁, n₂ the pairs tied in x and
 * in y (Kendall, Biometrika 1945); both match {@code scipy.stats.spearmanr} and
 * {@code scipy.stats.kendalltau}. The bootstrap draws n pairs with replacement B times with
 * {@code java.util.Random(seed)} and reports the (α/2, 1 − α/2) percentiles of the B values
 * (draws where the statistic is undefined, all x or all y tied, are skipped and counted).
 * Bit-exact for a given input and seed.
 */
public final class RankCorrelation {

  /** Bootstrap resamples. */
  public static final int DEFAULT_RESAMPLES = 1000;
  /** 1 − confidence level. */
  public static final double DEFAULT_ALPHA = 0.05;
  /** Seed of the default bootstrap. */
  public static final long DEFAULT_SEED = 0;

  private RankCorrelation() {
  }

  /**
   * Options of the bootstrap.
   *
   * @param resamples number of bootstrap draws, ≥ 10
   * @param alpha 1 − confidence level, in (0, 1)
   * @param seed seed of the draws
   */
  public record Options(int resamples, double alpha, long seed) {
    /** Checks the ranges. */
    public Options {
      Checks.atLeast("bootstrap resamples", resamples, 10);
      if (!(alpha > 0 && alpha < 1)) {
        throw new IllegalArgumentException("alpha is " + alpha + ", expected in (0, 1)");
      }
    }

    /** 1,000 resamples, 95 % intervals, seed 0. */
    public Options() {
      this(DEFAULT_RESAMPLES, DEFAULT_ALPHA, DEFAULT_SEED);
    }
  }

  /**
   * A correlation with its bootstrap interval.
   *
   * @param value the statistic on the data, in [−1, 1]
   * @param low lower end of the interval
   * @param high upper end of the interval
   * @param level confidence level 1 − α
   * @param skipped bootstrap draws where the statistic was undefined
   */
  public record Result(double value, double low, double high, double level, int skipped) {
  }

  /** Spearman's ρ with a bootstrap interval. */
  public static Result spearman(double[] x, double[] y, Options options) {
    return withInterval(x, y, options, RankCorrelation::spearman);
  }

  /** Kendall's τ_b with a bootstrap interval. */
  public static Result kendall(double[] x, double[] y, Options options) {
    return withInterval(x, y, options, RankCorrelation::kendall);
  }

  /**
   * Spearman's ρ.
   *
   * @param x n values of the first metric, n ≥ 2, finite; not modified
   * @param y n values of the second metric; not modified
   * @return ρ, NaN when all x or all y are tied
   */
  public static double spearman(double[] x, double[] y) {
    check(x, y);
    double[] rx = ranks(x);
    double[] ry = ranks(y);
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += rx[i];
      my += ry[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      sxy += (rx[i] - mx) * (ry[i] - my);
      sxx += (rx[i] - mx) * (rx[i] - mx);
      syy += (ry[i] - my) * (ry[i] - my);
    }
    return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
  }

  /**
   * Kendall's τ_b, by counting all pairs (O(n²), meant for tens to thousands of models).
   *
   * @param x n values, n ≥ 2, finite; not modified
   * @param y n values; not modified
   * @return τ_b, NaN when all x or all y are tied
   */
  public static double kendall(double[] x, double[] y) {
    check(x, y);
    int n = x.length;
    long concordant = 0;
    long discordant = 0;
    long tiesX = 0;
    long tiesY = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        int sx = sign(x[i] - x[j]);
        int sy = sign(y[i] - y[j]);
        if (sx == 0) {
          tiesX++;
        }
        if (sy == 0) {
          tiesY++;
        }
        if (sx != 0 && sy != 0) {
          if (sx == sy) {
            concordant++;
          } else {
            discordant++;
          }
        }
      }
    }
    double n0 = n * (n - 1) / 2.0;
    double den = Math.sqrt((n0 - tiesX) * (n0 - tiesY));
    return den == 0 ? Double.NaN : (concordant - discordant) / den;
  }

  /** −1, 0 or 1; −0.0 and 0.0 count as a tie, as in SciPy. */
  private static int sign(double v) {
    return v < 0 ? -1 : v > 0 ? 1 : 0;
  }

  /** Average ranks (1-based), ties sharing the mean of their positions. */
  static double[] ranks(double[] v) {
    int n = v.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
    double[] r = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && v[order[j + 1]] == v[order[i]]) {
        j++;
      }
      double avg = (i + j) / 2.0 + 1;
      for (int q = i; q <= j; q++) {
        r[order[q]] = avg;
      }
      i = j + 1;
    }
    return r;
  }

  private static void check(double[] x, double[] y) {
    if (x == null || y == null) {
      throw new IllegalArgumentException("metric values are null, expected two arrays");
    }
    if (x.length != y.length) {
      throw new IllegalArgumentException("metric values have lengths " + x.length + " and "
          + y.length + ", expected one value of each metric per model");
    }
    if (x.length < 2) {
      throw new IllegalArgumentException("metric values have " + x.length
          + " entries, expected at least 2 models");
    }
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
        throw new IllegalArgumentException("metric values of model " + i + " are (" + x[i]
            + ", " + y[i] + "), expected finite values");
      }
    }
  }

  private static Result withInterval(double[] x, double[] y, Options options,
      BiFunction<double[], double[], Double> statistic) {
    double value = statistic.apply(x, y);
    int n = x.length;
    Random rng = new Random(options.seed());
    double[] boot = new double[options.resamples()];
    int kept = 0;
    int skipped = 0;
    double[] bx = new double[n];
    double[] by = new double[n];
    for (int b = 0; b < options.resamples(); b++) {
      for (int i = 0; i < n; i++) {
        int j = rng.nextInt(n);
        bx[i] = x[j];
        by[i] = y[j];
      }
      double v = statistic.apply(bx, by);
      if (Double.isNaN(v)) {
        skipped++;
      } else {
        boot[kept++] = v;
      }
    }
    if (kept == 0) {
      return new Result(value, Double.NaN, Double.NaN, 1 - options.alpha(), skipped);
    }
    double[] sorted = Arrays.copyOf(boot, kept);
    Arrays.sort(sorted);
    return new Result(value, percentile(sorted, options.alpha() / 2),
        percentile(sorted, 1 - options.alpha() / 2), 1 - options.alpha(), skipped);
  }

  /** Linear-interpolated percentile of sorted values (NumPy's default), q in [0, 1]. */
  static double percentile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
