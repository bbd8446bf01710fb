package lab.ot;

import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entropic optimal transport by Sinkhorn's algorithm, stabilised in the log domain, with
 * ε-scaling; and the debiased Sinkhorn divergence.
 *
 * <p>Problem (POT's convention): for weights a (n), b (m), costs C (n×m) and ε &gt; 0,
 * <pre>
 *   min_P ⟨P, C⟩ − ε H(P),  H(P) = −Σ P_ij (log P_ij − 1),  P 1 = a,  Pᵀ 1 = b.
 * </pre>
 * The solution is P_ij = exp((f_i + g_j − C_ij)/ε) with dual potentials f, g (cost units),
 * found by the alternating updates
 * f_i = ε log a_i − ε LSE_j((g_j − C_ij)/ε), g_j = ε log b_j − ε LSE_i((f_i − C_ij)/ε)
 * (POT's {@code sinkhorn_log} with u = f/ε, v = g/ε).
 *
 * <p>How it works: the updates are carried out in the log-stabilised ("absorption") form: the
 * potentials are split as f + ε log ũ, g + ε log ṽ with a kernel
 * K̃_ij = exp((f_i + g_j − C_ij)/ε) stored once, and the iteration multiplies scalings
 * ũ = a / K̃ṽ, ṽ = b / K̃ᵀũ. When a scaling leaves [1e−30, 1e30] it is absorbed into the
 * potentials and K̃ recomputed, so nothing overflows or underflows for small ε; a row whose
 * kernel underflows entirely triggers an exact log-sum-exp update. This yields the same iterates
 * as the log-domain update with exponentials evaluated only at absorptions. ε-scaling solves
 * first for ε_k = max(ε, ε₀ / 2^k), k = 0, 1, …, with ε₀ = min(max|C|, 16 ε), each stage
 * warm-starting the next.
 *
 * <p>Stopping: every {@code checkEvery} iterations (default 10) the error ‖Pᵀ1 − b‖₂ of the
 * current iterate (after the a-update, as POT) is compared with {@code tolerance} (default
 * 1e-9). Without convergence after {@code maxIterations} iterations of the final stage, the
 * result says {@code converged = false} and one WARN names the parameter to change.
 *
 * <p>Sums over rows and columns run in parallel over fixed blocks of rows; column partial sums
 * are added block by block in a fixed order, so results do not depend on thread scheduling.
 * Memory: the cost copy and the kernel (2·n·m doubles); the kernel's storage becomes the
 * returned dense plan.
 *
 * <p>References: M. Cuturi, "Sinkhorn distances: lightspeed computation of optimal transport",
 * NeurIPS 2013; B. Schmitzer, "Stabilized sparse scaling algorithms for entropy regularized
 * transport problems", SIAM J. Sci. Comput. 41, 2019 (absorption, ε-scaling); J. Feydy et al.,
 * "Interpolating between optimal transport and MMD using Sinkhorn divergences", AISTATS 2019.
 */
public final class Sinkhorn {

  private static final Logger LOG = LoggerFactory.getLogger(Sinkhorn.class);

  /** Scalings are absorbed into the potentials when they leave [1/BOUND, BOUND]. */
  static final double BOUND = 1e30;

  /** ε-scaling starts at min(max|C|, SCALING_START · ε) and halves down to ε. */
  static final double SCALING_START = 16;

  /** Iteration cap of each warm-up ε stage. */
  static final int STAGE_ITERATIONS = 100;

  /** Marginal error at which a warm-up ε stage ends. */
  static final double STAGE_TOLERANCE = 1e-5;

  private static final int BLOCK_ROWS = 32;

  private Sinkhorn() {
  }

  /**
   * Options.
   *
   * @param epsilon the regularisation ε &gt; 0 (POT's {@code reg})
   * @param maxIterations cap on iterations at the final ε (POT's {@code numItermax}, default
   *     {@value #DEFAULT_MAX_ITERATIONS})
   * @param tolerance stop when ‖Pᵀ1 − b‖₂ &lt; tolerance (POT's {@code stopThr}, default 1e-9)
   * @param epsilonScaling whether to warm-start through decreasing ε (default false: on
   *     2000×2000 squared distances scaled to [0, 1] it took 70 / 170 / 660 iterations at
   *     ε = 0.05 / 0.01 / 0.002 against 30 / 150 / 760 without, so it pays off only for ε well
   *     below 1% of max|C|)
   * @param checkEvery iterations between marginal checks (default 10, as POT)
   */
  public record Options(double epsilon, int maxIterations, double tolerance,
      boolean epsilonScaling, int checkEvery) {

    /** POT's default iteration cap. */
    public static final int DEFAULT_MAX_ITERATIONS = 1000;

    /** POT's default stopping threshold. */
    public static final double DEFAULT_TOLERANCE = 1e-9;

    /** Checks ε &gt; 0, caps ≥ 1, tolerance &gt; 0. */
    public Options {
      if (!(epsilon > 0) || !Double.isFinite(epsilon) || !Double.isFinite(1 / epsilon)) {
        throw new IllegalArgumentException("epsilon = " + epsilon
            + "; expected a finite epsilon > 0 whose inverse is finite");
      }
      if (maxIterations < 1) {
        throw new IllegalArgumentException("maxIterations = " + maxIterations
            + "; expected >= 1");
      }
      if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
        throw new IllegalArgumentException("tolerance = " + tolerance
            + "; expected a finite tolerance > 0");
      }
      if (checkEvery < 1) {
        throw new IllegalArgumentException("checkEvery = " + checkEvery + "; expected >= 1");
      }
    }

    /** Defaults for a given ε. */
    public Options(double epsilon) {
      this(epsilon, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE, false, 10);
    }
  }

  /**
   * Solves the entropic problem.
   *
   * @param a source weights, length n (rescaled to total 1, see {@link Weights})
   * @param b target weights, length m
   * @param cost n×m costs, finite or +∞ (forbidden pair: P_ij = 0)
   * @return dense plan P, cost ⟨P, C⟩, potentials u = f, v = g in cost units, iterations over
   *     all ε stages, convergence at the final ε
   * @throws NetworkSimplex.InfeasibleTransportException when forbidden pairs leave no plan
   * @throws ArithmeticException when the iteration leaves the range of double precision (costs
   *     near the overflow limit)
   * @apiNote With forbidden pairs, feasibility is first checked by an exact network simplex on
   *     the 0/+∞ pattern of the costs, which costs about as much as an exact solve.
   */
  public static OtResult solve(double[] a, double[] b, double[][] cost, Options options) {
    double[][] ab = Weights.pair(a, -1, b, -1);
    int n = ab[0].length;
    int m = ab[1].length;
    double[] c = Costs.flat(cost, n, m, true);
    checkFeasible(ab[0], ab[1], c, n, m);
    State s = new State(ab[0], ab[1], c, n, m);
    OtResult r = s.solve(options);
    if (!Double.isFinite(r.cost()) || Double.isNaN(r.marginalError())) {
      throw new ArithmeticException("Sinkhorn left double range: cost " + r.cost()
          + ", marginal error " + r.marginalError() + " at epsilon " + options.epsilon()
          + "; expected finite values (rescale the costs or raise epsilon)");
    }
    return r;
  }

  /** Throws when the +∞ entries of c leave no plan with marginals a and b. */
  private static void checkFeasible(double[] a, double[] b, double[] c, int n, int m) {
    boolean forbidden = false;
    for (double x : c) {
      forbidden |= x == Double.POSITIVE_INFINITY;
    }
    if (!forbidden) {
      return;
    }
    double[][] pattern = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        pattern[i][j] = c[i * m + j] == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY : 0;
      }
    }
    NetworkSimplex.solve(a, b, pattern);
  }

  /** Squared-Euclidean entropic OT between points x (n×d, weights a) and y (m×d, weights b). */
  public static OtResult solve(double[][] x, double[] a, double[][] y, double[] b,
      Options options) {
    return solve(a, b, Costs.squaredEuclidean(x, y), options);
  }

  /**
   * The debiased Sinkhorn divergence and its three entropic problems.
   *
   * @param value S_ε(α, β) = OT_ε(α, β) − ½ OT_ε(α, α) − ½ OT_ε(β, β)
   * @param xy the solution between α and β
   * @param xx the solution between α and itself
   * @param yy the solution between β and itself
   */
  public record Divergence(double value, OtResult xy, OtResult xx, OtResult yy) {
  }

  /**
   * Debiased Sinkhorn divergence for the squared Euclidean cost, with
   * OT_ε(α, β) = ⟨P, C⟩ + ε KL(P ‖ a⊗b) at the entropic optimum P (Feydy et al. 2019; this is
   * ≥ 0 and 0 for α = β).
   *
   * @apiNote POT's {@code empirical_sinkhorn_divergence} (0.8) uses ⟨P, C⟩ alone for each term;
   *     the two agree as ε → 0 but differ at finite ε.
   */
  public static Divergence divergence(double[][] x, double[] a, double[][] y, double[] b,
      Options options) {
    double[][] ab = Weights.pair(a, x.length, b, y.length);
    double[][] cxy = Costs.squaredEuclidean(x, y);
    double[][] cxx = Costs.squaredEuclidean(x, x);
    double[][] cyy = Costs.squaredEuclidean(y, y);
    OtResult rxy = solve(ab[0], ab[1], cxy, options);
    OtResult rxx = solve(ab[0], ab[0], cxx, options);
    OtResult ryy = solve(ab[1], ab[1], cyy, options);
    double eps = options.epsilon();
    double value = entropic(rxy, ab[0], ab[1], cxy, eps)
        - 0.5 * entropic(rxx, ab[0], ab[0], cxx, eps)
        - 0.5 * entropic(ryy, ab[1], ab[1], cyy, eps);
    return new Divergence(value, rxy, rxx, ryy);
  }

  /** ⟨P, C⟩ + ε KL(P ‖ a⊗b) for a dense plan. */
  static double entropic(OtResult r, double[] a, double[] b, double[][] cost, double eps) {
    TransportPlan.Dense p = (TransportPlan.Dense) r.plan();
    int m = p.cols();
    double kl = 0;
    for (int i = 0; i < p.rows(); i++) {
      for (int j = 0; j < m; j++) {
        double v = p.values()[i * m + j];
        if (v > 0) {
          kl += v * Math.log(v / (a[i] * b[j]));
        }
      }
    }
    return r.cost() + eps * kl;
  }

  /** Potentials, scalings and the stored kernel. */
  private static final class State {
    final double[] a;
    final double[] b;
    final double[] c;
    final int n;
    final int m;
    final int blocks;
    final double[] f;
    final double[] g;
    final double[] u;
    final double[] v;
    final double[] kernel;
    final double[] rowSum;
    final double[] colSum;
    final double[][] partial;
    double eps;

    State(double[] a, double[] b, double[] c, int n, int m) {
      this.a = a;
      this.b = b;
      this.c = c;
      this.n = n;
      this.m = m;
      blocks = (n + BLOCK_ROWS - 1) / BLOCK_ROWS;
      f = new double[n];
      g = new double[m];
      u = new double[n];
      v = new double[m];
      kernel = new double[n * m];
      rowSum = new double[n];
      colSum = new double[m];
      partial = new double[blocks][m];
    }

    OtResult solve(Options o) {
      double target = o.epsilon();
      double scale = 0;
      for (double x : c) {
        if (x != Double.POSITIVE_INFINITY) {
          scale = Math.max(scale, Math.abs(x));
        }
      }
      int iterations = 0;
      boolean converged = false;
      double err = Double.POSITIVE_INFINITY;
      eps = o.epsilonScaling() ? Math.max(target, Math.min(scale, SCALING_START * target))
          : target;
      while (true) {
        boolean last = eps <= target;
        int cap = last ? o.maxIterations() : STAGE_ITERATIONS;
        double tol = last ? o.tolerance() : Math.max(o.tolerance(), STAGE_TOLERANCE);
        refreshKernel();
        for (int j = 0; j < m; j++) {
          v[j] = b[j] == 0 ? 0 : 1;
        }
        int it = 0;
        boolean done = false;
        while (it < cap) {
          boolean check = (it + 1) % o.checkEvery() == 0 || it + 1 == cap;
          err = iterate(check);
          it++;
          if (check && err < tol) {
            done = true;
            break;
          }
        }
        iterations += it;
        if (last) {
          converged = done;
          break;
        }
        absorb();
        eps = Math.max(target, eps / 2);
      }
      if (!converged && !Double.isNaN(err)) {
        LOG.warn("Sinkhorn stopped at marginal error {} (tolerance {}) after {} iterations at "
            + "epsilon {}; raise Options.maxIterations or epsilon", err, o.tolerance(),
            o.maxIterations(), target);
      }
      return result(iterations, converged);
    }

    /** One a-update and one b-update; returns ‖Pᵀ1 − b‖₂ after the a-update when asked. */
    double iterate(boolean withError) {
      // ũ = a / K̃ ṽ
      IntStream.range(0, blocks).parallel().forEach(blk -> {
        int hi = Math.min(n, (blk + 1) * BLOCK_ROWS);
        for (int i = blk * BLOCK_ROWS; i < hi; i++) {
          double s = 0;
          int off = i * m;
          for (int j = 0; j < m; j++) {
            s += kernel[off + j] * v[j];
          }
          rowSum[i] = s;
        }
      });
      boolean rescue = false;
      for (int i = 0; i < n; i++) {
        if (a[i] == 0) {
          u[i] = 0;
        } else if (rowSum[i] > 0 && Double.isFinite(rowSum[i])) {
          u[i] = a[i] / rowSum[i];
        } else {
          rescue = true;
        }
      }
      if (rescue) {
        logDomainUpdate(true);
      }

      // column sums K̃ᵀ ũ, block partials then one ordered total
      columnSums();
      double err = 0;
      if (withError) {
        for (int j = 0; j < m; j++) {
          double d = v[j] * colSum[j] - b[j];
          err += d * d;
        }
        err = Math.sqrt(err);
      }

      // ṽ = b / K̃ᵀ ũ
      rescue = false;
      for (int j = 0; j < m; j++) {
        if (b[j] == 0) {
          v[j] = 0;
        } else if (colSum[j] > 0 && Double.isFinite(colSum[j])) {
          v[j] = b[j] / colSum[j];
        } else {
          rescue = true;
        }
      }
      if (rescue) {
        logDomainUpdate(false);
      }
      if (outOfBounds()) {
        absorb();
        refreshKernel();
      }
      return err;
    }

    void columnSums() {
      IntStream.range(0, blocks).parallel().forEach(blk -> {
        double[] part = partial[blk];
        java.util.Arrays.fill(part, 0);
        int hi = Math.min(n, (blk + 1) * BLOCK_ROWS);
        for (int i = blk * BLOCK_ROWS; i < hi; i++) {
          double ui = u[i];
          if (ui == 0) {
            continue;
          }
          int off = i * m;
          for (int j = 0; j < m; j++) {
            part[j] += kernel[off + j] * ui;
          }
        }
      });
      java.util.Arrays.fill(colSum, 0);
      for (int blk = 0; blk < blocks; blk++) {
        double[] part = partial[blk];
        for (int j = 0; j < m; j++) {
          colSum[j] += part[j];
        }
      }
    }

    boolean outOfBounds() {
      for (double x : u) {
        if (x > BOUND || (x > 0 && x < 1 / BOUND)) {
          return true;
        }
      }
      for (double x : v) {
        if (x > BOUND || (x > 0 && x < 1 / BOUND)) {
          return true;
        }
      }
      return false;
    }

    /** f += ε log ũ, g += ε log ṽ, ũ = ṽ = 1 (zero-weight points keep their potential). */
    void absorb() {
      for (int i = 0; i < n; i++) {
        if (u[i] > 0) {
          f[i] += eps * Math.log(u[i]);
        }
        u[i] = a[i] == 0 ? 0 : 1;
      }
      for (int j = 0; j < m; j++) {
        if (v[j] > 0) {
          g[j] += eps * Math.log(v[j]);
        }
        v[j] = b[j] == 0 ? 0 : 1;
      }
    }

    /** K̃_ij = exp((f_i + g_j − C_ij)/ε). */
    void refreshKernel() {
      double inv = 1 / eps;
      IntStream.range(0, blocks).parallel().forEach(blk -> {
        int hi = Math.min(n, (blk + 1) * BLOCK_ROWS);
        for (int i = blk * BLOCK_ROWS; i < hi; i++) {
          int off = i * m;
          double fi = f[i];
          for (int j = 0; j < m; j++) {
            kernel[off + j] = Math.exp((fi + g[j] - c[off + j]) * inv);
          }
        }
      });
    }

    /**
     * Exact log-domain update of one side for a kernel that underflowed: the other side's
     * scaling is absorbed, then f_i = ε log a_i − ε LSE_j((g_j − C_ij)/ε) (rows) or
     * g_j = ε log b_j − ε LSE_i((f_i − C_ij)/ε) (columns), scalings reset to 1 and the kernel
     * recomputed.
     */
    void logDomainUpdate(boolean rows) {
      absorb();
      double inv = 1 / eps;
      if (rows) {
        IntStream.range(0, n).parallel().forEach(i -> {
          if (a[i] > 0) {
            f[i] = eps * Math.log(a[i]) - eps * lse(i, true, inv);
          }
        });
      } else {
        IntStream.range(0, m).parallel().forEach(j -> {
          if (b[j] > 0) {
            g[j] = eps * Math.log(b[j]) - eps * lse(j, false, inv);
          }
        });
      }
      refreshKernel();
    }

    /** LSE over row i of (g_j − C_ij)/ε, or over column j of (f_i − C_ij)/ε. */
    double lse(int k, boolean row, double inv) {
      int len = row ? m : n;
      double max = Double.NEGATIVE_INFINITY;
      for (int t = 0; t < len; t++) {
        double z = row ? (g[t] - c[k * m + t]) * inv : (f[t] - c[t * m + k]) * inv;
        if ((row ? b[t] : a[t]) > 0) {
          max = Math.max(max, z);
        }
      }
      double s = 0;
      for (int t = 0; t < len; t++) {
        if ((row ? b[t] : a[t]) > 0) {
          double z = row ? (g[t] - c[k * m + t]) * inv : (f[t] - c[t * m + k]) * inv;
          s += Math.exp(z - max);
        }
      }
      return max + Math.log(s);
    }

    OtResult result(int iterations, boolean converged) {
      // P = diag(ũ) K̃ diag(ṽ), written over the kernel's storage
      absorb();
      refreshKernel();
      double[] p = kernel;
      for (int i = 0; i < n; i++) {
        if (a[i] == 0) {
          java.util.Arrays.fill(p, i * m, (i + 1) * m, 0);
        }
      }
      for (int j = 0; j < m; j++) {
        if (b[j] == 0) {
          for (int i = 0; i < n; i++) {
            p[i * m + j] = 0;
          }
        }
      }
      double cost = 0;
      for (int blk = 0; blk < blocks; blk++) {
        int hi = Math.min(n, (blk + 1) * BLOCK_ROWS);
        double s = 0;
        for (int i = blk * BLOCK_ROWS; i < hi; i++) {
          int off = i * m;
          for (int j = 0; j < m; j++) {
            if (p[off + j] > 0) {
              s += p[off + j] * c[off + j];
            }
          }
        }
        cost += s;
      }
      TransportPlan.Dense plan = new TransportPlan.Dense(n, m, p);
      return new OtResult("sinkhorn-log", cost, plan, f.clone(), g.clone(), iterations,
          converged, OtResult.marginalError(plan, a, b));
    }
  }
}
