package lab.ot;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Optimal transport on the real line in closed form.
 *
 * <p>For μ = Σ a_i δ(x_i) and ν = Σ b_j δ(y_j) on ℝ and a cost |x − y|^p with p ≥ 1,
 * <pre>
 *   W_p^p(μ, ν) = ∫₀¹ |F_μ⁻¹(t) − F_ν⁻¹(t)|^p dt,
 * </pre>
 * the monotone (quantile) coupling is optimal. It is built by sorting each side with its
 * weights (weights travel with their points) and walking both cumulative sums (the north-west
 * corner rule on the sorted lists), O((n + m) log(n + m)).
 *
 * <p>Weights are checked and rescaled to total 1 ({@link Weights}).
 *
 * <p>Reference: F. Santambrogio, "Optimal Transport for Applied Mathematicians", Birkhäuser,
 * 2015, ch. 2; POT's {@code ot.wasserstein_1d}.
 */
public final class OneDimensional {

  private OneDimensional() {
  }

  /**
   * The optimal plan and W_p^p between weighted points on the line.
   *
   * @param x source points, length n (not modified)
   * @param a source weights, length n
   * @param y target points, length m (not modified)
   * @param b target weights, length m
   * @param p the exponent, p ≥ 1 (for p &lt; 1 the monotone plan is not optimal in general)
   * @return cost = W_p^p, the sparse monotone plan (at most n + m − 1 entries), no potentials
   */
  public static OtResult solve(double[] x, double[] a, double[] y, double[] b, double p) {
    checkP(p);
    checkLine("x", x);
    checkLine("y", y);
    double[][] ab = Weights.pair(a, x.length, b, y.length);
    Integer[] ix = sortedOrder(x);
    Integer[] iy = sortedOrder(y);
    int n = x.length;
    int m = y.length;
    int[] from = new int[n + m];
    int[] to = new int[n + m];
    double[] mass = new double[n + m];
    int k = 0;

    // north-west corner walk on the sorted lists
    double cost = 0;
    int i = 0;
    int j = 0;
    double ra = ab[0][ix[0]];
    double rb = ab[1][iy[0]];
    while (i < n && j < m) {
      double t = Math.min(ra, rb);
      if (t > 0) {
        from[k] = ix[i];
        to[k] = iy[j];
        mass[k] = t;
        k++;
        cost += t * Math.pow(Math.abs(x[ix[i]] - y[iy[j]]), p);
      }
      ra -= t;
      rb -= t;
      if (ra <= rb) {
        i++;
        ra = i < n ? ab[0][ix[i]] : 0;
        if (rb <= 0) {
          j++;
          rb = j < m ? ab[1][iy[j]] : 0;
        }
      } else {
        j++;
        rb = j < m ? ab[1][iy[j]] : 0;
      }
    }
    if (!Double.isFinite(cost)) {
      throw new IllegalArgumentException("1-d OT cost overflows to " + cost + " with p = " + p
          + " on points spanning [" + x[ix[0]] + ", " + x[ix[n - 1]] + "] and [" + y[iy[0]]
          + ", " + y[iy[m - 1]] + "]; expected a finite cost (rescale the points)");
    }
    TransportPlan.Sparse plan = new TransportPlan.Sparse(n, m, Arrays.copyOf(from, k),
        Arrays.copyOf(to, k), Arrays.copyOf(mass, k));
    return new OtResult("1-d quantiles", cost, plan, null, null, 0, true,
        OtResult.marginalError(plan, ab[0], ab[1]));
  }

  /** W_p between weighted points on the line, (W_p^p)^(1/p). */
  public static double wasserstein(double[] x, double[] a, double[] y, double[] b, double p) {
    return solve(x, a, y, b, p).distance(p);
  }

  /**
   * W_p^p for sorted points with weights normalised to 1, without building the plan (the
   * inner step of the sliced distance). Arrays are not modified.
   */
  static double sortedCost(double[] xs, double[] as, double[] ys, double[] bs, double p) {
    int n = xs.length;
    int m = ys.length;
    double cost = 0;
    int i = 0;
    int j = 0;
    double ra = as[0];
    double rb = bs[0];
    while (i < n && j < m) {
      double t = Math.min(ra, rb);
      if (t > 0) {
        double d = Math.abs(xs[i] - ys[j]);
        cost += t * (p == 2 ? d * d : p == 1 ? d : Math.pow(d, p));
      }
      ra -= t;
      rb -= t;
      if (ra <= rb) {
        i++;
        ra = i < n ? as[i] : 0;
        if (rb <= 0) {
          j++;
          rb = j < m ? bs[j] : 0;
        }
      } else {
        j++;
        rb = j < m ? bs[j] : 0;
      }
    }
    return cost;
  }

  static void checkP(double p) {
    if (!(p >= 1) || !Double.isFinite(p)) {
      throw new IllegalArgumentException("p = " + p + "; expected a finite p >= 1");
    }
  }

  private static void checkLine(String name, double[] x) {
    if (x == null || x.length == 0) {
      throw new IllegalArgumentException("points " + name + " are "
          + (x == null ? "null" : "empty") + "; expected at least one point");
    }
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i])) {
        throw new IllegalArgumentException("points " + name + "[" + i + "] = " + x[i]
            + "; expected finite coordinates");
      }
    }
  }

  private static Integer[] sortedOrder(double[] x) {
    Integer[] idx = new Integer[x.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, Comparator.comparingDouble(i -> x[i]));
    return idx;
  }
}
