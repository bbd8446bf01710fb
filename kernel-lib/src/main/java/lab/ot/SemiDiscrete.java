package lab.ot;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import smile.stat.distribution.GaussianDistribution;

/**
 * Semi-discrete optimal transport from a continuous source μ on ℝᵈ to a weighted point set
 * ν = Σ ν_i δ(y_i), by Gu's variational principle (the AE-OT solver).
 *
 * <p>Problem: the Brenier potential u_h(x) = max_i (⟨y_i, x⟩ + h_i) whose gradient map
 * T(x) = y_{argmax} pushes μ onto ν minimises the convex energy
 * <pre>
 *   E(h) = ∫ u_h dμ − Σ_i ν_i h_i,   ∇E(h)_i = μ(W_i(h)) − ν_i,
 * </pre>
 * where W_i(h) = {x : term i is the max} is the power cell of y_i. The same cells are
 * argmax_i (g_i − ½‖x − y_i‖²) with g_i = h_i + ½‖y_i‖², so T is the quadratic-cost optimal map.
 *
 * <p>How it works: μ(W_i) is estimated by the share of N quasi-random Sobol samples of μ
 * ({@link Sobol}, the first N points of the sequence, each coordinate shifted by 2^−31 off the
 * grid) landing in W_i; h takes Adam steps (β₁ 0.9, β₂ 0.999) on g = μ̂(W) − ν and is
 * re-centred to mean 0; the run stops when ‖g‖₂ &lt; {@code tolerance} (default 2e-3). When
 * ‖g‖₂ has not improved for {@code patience} (30) steps, N doubles (up to
 * {@code maxSamples}). Each step re-assigns only the samples whose cell can have changed: with
 * Δ = h − h₀ for a reference h₀ and score margins measured at h₀, a sample keeps its cell b
 * while its margin over the runner-up j exceeds Δ_j − Δ_b and its margin over the third
 * exceeds max_i Δ_i − Δ_b (an exact test, no approximation); h₀ is reset
 * when more than a quarter of the samples needed re-assignment. Sample blocks run in parallel;
 * their counts are added in block order.
 *
 * <p>Sources ({@link Source}): uniform on the cube [−½, ½]ᵈ, uniform in the unit ball, or the
 * standard Gaussian, each a deterministic transform of Sobol points, so results are bit-exact
 * for given inputs.
 *
 * <p>References: X. Gu, F. Luo, J. Sun, S.-T. Yau, "Variational principles for Minkowski type
 * problems, discrete optimal transport, and discrete Monge–Ampère equations", Asian J. Math. 20,
 * 2016; N. Lei, D. An, Y. Guo, K. Su, S. Liu, Z. Luo, S.-T. Yau, X. Gu, "A geometric
 * understanding of deep learning" (AE-OT), Engineering 6, 2020; D. An et al., "AE-OT: a new
 * generative model based on extended semi-discrete optimal transport", ICLR 2020.
 */
public final class SemiDiscrete {

  private static final Logger LOG = LoggerFactory.getLogger(SemiDiscrete.class);
  private static final int BLOCK = 2048;
  private static final double HALF_CELL = 0x1p-31;

  private SemiDiscrete() {
  }

  /** The continuous source measure μ. */
  public enum Source {
    /** Uniform on [−½, ½]ᵈ. */
    CUBE,
    /** Uniform in the unit ball {‖x‖ ≤ 1}. */
    BALL,
    /** The standard Gaussian N(0, I). */
    GAUSSIAN;

    /** Sobol coordinates needed for one sample in dimension d. */
    int sobolDimension(int d) {
      return this == BALL ? d + 1 : d;
    }

    /** Maps a point u of (0, 1)^sobolDimension to a sample x (length d; modified). */
    void transform(double[] u, double[] x, int d) {
      switch (this) {
        case CUBE -> {
          for (int k = 0; k < d; k++) {
            x[k] = u[k] - 0.5;
          }
        }
        case GAUSSIAN -> {
          for (int k = 0; k < d; k++) {
            x[k] = NORMAL.quantile(u[k]);
          }
        }
        case BALL -> {
          double norm = 0;
          for (int k = 0; k < d; k++) {
            x[k] = NORMAL.quantile(u[k]);
            norm += x[k] * x[k];
          }
          double r = Math.pow(u[d], 1.0 / d) / Math.sqrt(norm);
          for (int k = 0; k < d; k++) {
            x[k] *= r;
          }
        }
        default -> throw new IllegalStateException("unknown source " + this);
      }
    }

    private static final GaussianDistribution NORMAL = new GaussianDistribution(0, 1);
  }

  /**
   * Options; defaults in {@link #Options()}.
   *
   * @param source the source measure μ (default {@link Source#CUBE}, as AE-OT)
   * @param learningRate Adam step size (default 5e-3; h moves by about this much per step)
   * @param tolerance stop when ‖g‖₂ &lt; tolerance (default 2e-3)
   * @param initialSamples Monte Carlo samples at the start, a power of 2 (default 2^14)
   * @param maxSamples cap on the doubling sample count, a power of 2 (default 2^22)
   * @param patience steps without a lower ‖g‖₂ before the sample count doubles (default 30)
   * @param maxSteps cap on Adam steps (default 20,000)
   */
  public record Options(Source source, double learningRate, double tolerance,
      int initialSamples, int maxSamples, int patience, int maxSteps) {

    /** Checks every field. */
    public Options {
      if (source == null) {
        throw new IllegalArgumentException("source is null; expected CUBE, BALL or GAUSSIAN");
      }
      if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
        throw new IllegalArgumentException("learningRate = " + learningRate
            + "; expected a finite value > 0");
      }
      if (!(tolerance > 0)) {
        throw new IllegalArgumentException("tolerance = " + tolerance + "; expected > 0");
      }
      if (initialSamples < 1 || Integer.bitCount(initialSamples) != 1) {
        throw new IllegalArgumentException("initialSamples = " + initialSamples
            + "; expected a power of 2 (a Sobol net)");
      }
      if (maxSamples < initialSamples || Integer.bitCount(maxSamples) != 1) {
        throw new IllegalArgumentException("maxSamples = " + maxSamples
            + "; expected a power of 2 >= initialSamples = " + initialSamples);
      }
      if (patience < 1 || maxSteps < 1) {
        throw new IllegalArgumentException("patience = " + patience + ", maxSteps = "
            + maxSteps + "; expected both >= 1");
      }
    }

    /** The defaults: cube source, lr 5e-3, tolerance 2e-3, 2^14 to 2^22 samples, 30, 20,000. */
    public Options() {
      this(Source.CUBE, 5e-3, 2e-3, 1 << 14, 1 << 22, 30, 20_000);
    }

    /** These options with another source. */
    public Options withSource(Source s) {
      return new Options(s, learningRate, tolerance, initialSamples, maxSamples, patience,
          maxSteps);
    }
  }

  /**
   * Solves for the Brenier heights h.
   *
   * @param targets the points y, n×d (not modified)
   * @param weights ν, length n (rescaled to total 1, see {@link Weights})
   * @param options source and optimiser settings
   * @return v = h (mean 0), cost = Monte Carlo estimate of ∫ ‖x − T(x)‖² dμ, iterations = Adam
   *     steps, marginalError = final ‖g‖₂, converged when ‖g‖₂ &lt; tolerance; no plan
   */
  public static OtResult solve(double[][] targets, double[] weights, Options options) {
    int d = Costs.checkPoints("targets", targets, -1);
    double[] nu = Weights.normalised("weights", weights, targets.length);
    int sobolDim = options.source().sobolDimension(d);
    if (sobolDim > Sobol.MAX_DIMENSION) {
      throw new IllegalArgumentException("targets have dimension " + d + "; the " + options
          .source() + " source needs " + sobolDim + " Sobol coordinates, at most "
          + Sobol.MAX_DIMENSION);
    }
    Solver s = new Solver(targets, nu, options);
    return s.run();
  }

  /** The power diagram (cells, map, generation) of a solution. */
  public static PowerDiagram diagram(double[][] targets, OtResult result) {
    return new PowerDiagram(targets, result.v());
  }

  /** Optimiser state and the assignment cache of the samples. */
  private static final class Solver {
    final double[][] y;
    final double[] nu;
    final Options o;
    final int n;
    final int d;
    final double[][] yT;
    final Sobol sobol;
    final double[] h;
    final double[] h0;
    int samples;
    int[] best;
    int[] runnerUp;
    float[] gap;
    float[] gapThird;
    boolean fullPass = true;

    Solver(double[][] targets, double[] nu, Options o) {
      this.y = targets;
      this.nu = nu;
      this.o = o;
      n = targets.length;
      d = targets[0].length;
      yT = new double[d][n];
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < d; k++) {
          yT[k][i] = targets[i][k];
        }
      }
      sobol = new Sobol(o.source().sobolDimension(d));
      h = new double[n];
      h0 = new double[n];
      resize(o.initialSamples());
    }

    void resize(int count) {
      int old = best == null ? 0 : best.length;
      best = best == null ? new int[count] : Arrays.copyOf(best, count);
      runnerUp = runnerUp == null ? new int[count] : Arrays.copyOf(runnerUp, count);
      gap = gap == null ? new float[count] : Arrays.copyOf(gap, count);
      gapThird = gapThird == null ? new float[count] : Arrays.copyOf(gapThird, count);
      Arrays.fill(gap, old, count, Float.NEGATIVE_INFINITY);
      samples = count;
    }

    OtResult run() {
      double[] m = new double[n];
      double[] v = new double[n];
      double[] g = new double[n];
      double b1 = 0.9;
      double b2 = 0.999;
      double bestNorm = Double.POSITIVE_INFINITY;
      int stall = 0;
      int step = 0;
      double norm = Double.POSITIVE_INFINITY;
      boolean converged = false;
      LOG.info("semi-discrete OT: {} targets in {}-d, {} source, {} samples", n, d,
          o.source(), samples);
      while (true) {
        // cell measures from the sample shares, gradient g = μ̂(W) − ν
        long[] counts = assign();
        norm = 0;
        for (int i = 0; i < n; i++) {
          g[i] = (double) counts[i] / samples - nu[i];
          norm += g[i] * g[i];
        }
        norm = Math.sqrt(norm);
        if (norm < o.tolerance()) {
          converged = true;
          break;
        }
        if (step >= o.maxSteps()) {
          break;
        }

        // more samples when ‖g‖ stalls
        if (norm < bestNorm) {
          bestNorm = norm;
          stall = 0;
        } else if (++stall >= o.patience() && samples < o.maxSamples()) {
          resize(samples * 2);
          LOG.info("semi-discrete OT: step {}, |g| {} stalled; {} samples", step, norm,
              samples);
          stall = 0;
          bestNorm = Double.POSITIVE_INFINITY;
          continue;
        }

        // Adam step on h, re-centred to mean 0
        step++;
        double c1 = 1 - Math.pow(b1, step);
        double c2 = 1 - Math.pow(b2, step);
        double mean = 0;
        for (int i = 0; i < n; i++) {
          m[i] = b1 * m[i] + (1 - b1) * g[i];
          v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
          h[i] -= o.learningRate() * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8);
          mean += h[i];
        }
        mean /= n;
        for (int i = 0; i < n; i++) {
          h[i] -= mean;
        }
      }
      if (!converged) {
        LOG.warn("semi-discrete OT stopped at |g| = {} (tolerance {}) after {} steps with {} "
            + "samples; raise Options.maxSteps or maxSamples, or lower learningRate", norm,
            o.tolerance(), step, samples);
      } else {
        LOG.info("semi-discrete OT: |g| = {} after {} steps, {} samples", norm, step, samples);
      }
      return new OtResult("semi-discrete", transportCost(), null, null, h.clone(), step,
          converged, norm);
    }

    /** Cell counts of the first {@code samples} points; refreshes the cache as needed. */
    long[] assign() {
      if (fullPass) {
        System.arraycopy(h, 0, h0, 0, n);
      }
      double[] delta = new double[n];
      double maxDelta = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        delta[i] = h[i] - h0[i];
        maxDelta = Math.max(maxDelta, delta[i]);
      }
      final double md = maxDelta;
      final boolean full = fullPass;
      int blocks = (samples + BLOCK - 1) / BLOCK;
      long[][] partial = new long[blocks][];
      int[] redone = new int[blocks];
      IntStream.range(0, blocks).parallel().forEach(blk -> {
        long[] counts = new long[n];
        double[] u = new double[sobol.dimension()];
        double[] x = new double[d];
        double[] acc = new double[n];
        int lo = blk * BLOCK;
        int hi = Math.min(samples, lo + BLOCK);
        int r = 0;
        for (int s = lo; s < hi; s++) {
          int b = best[s];
          if (!full && gap[s] + delta[b] - delta[runnerUp[s]] > 1e-12
              && gapThird[s] + delta[b] - md > 1e-12) {
            counts[b]++;
            continue;
          }
          sample(s, u, x);
          scores(x, acc);

          // the best cell under h, and the three best under h0 with their indices
          int arg = -1;
          double top = Double.NEGATIVE_INFINITY;
          int i1 = -1;
          int i2 = -1;
          double s1 = Double.NEGATIVE_INFINITY;
          double s2 = Double.NEGATIVE_INFINITY;
          double s3 = Double.NEGATIVE_INFINITY;
          for (int i = 0; i < n; i++) {
            double sc = acc[i] + h[i];
            if (sc > top) {
              top = sc;
              arg = i;
            }
            double s0 = acc[i] + h0[i];
            if (s0 > s3) {
              if (s0 > s1) {
                s3 = s2;
                s2 = s1;
                i2 = i1;
                s1 = s0;
                i1 = i;
              } else if (s0 > s2) {
                s3 = s2;
                s2 = s0;
                i2 = i;
              } else {
                s3 = s0;
              }
            }
          }
          double mine = acc[arg] + h0[arg];
          int other = arg == i1 ? i2 : i1;
          double otherScore = arg == i1 ? s2 : s1;
          double third = arg == i1 || arg == i2 ? s3 : s2;
          best[s] = arg;
          runnerUp[s] = other < 0 ? arg : other;
          gap[s] = lower(other < 0 ? Double.POSITIVE_INFINITY : mine - otherScore);
          gapThird[s] = lower(n < 3 ? Double.POSITIVE_INFINITY : mine - third);
          counts[arg]++;
          r++;
        }
        partial[blk] = counts;
        redone[blk] = r;
      });
      long[] total = new long[n];
      long recomputed = 0;
      for (int blk = 0; blk < blocks; blk++) {
        for (int i = 0; i < n; i++) {
          total[i] += partial[blk][i];
        }
        recomputed += redone[blk];
      }
      fullPass = !full && recomputed * 4L > samples;
      return total;
    }

    /** A float not above the given margin, so the cache test stays conservative. */
    static float lower(double value) {
      float f = (float) value;
      return f > value ? Math.nextDown(f) : f;
    }

    void sample(int s, double[] u, double[] x) {
      sobol.point(s, u);
      for (int k = 0; k < u.length; k++) {
        u[k] += HALF_CELL;
      }
      o.source().transform(u, x, d);
    }

    /** acc_i = ⟨y_i, x⟩ (modified). */
    void scores(double[] x, double[] acc) {
      Arrays.fill(acc, 0);
      for (int k = 0; k < d; k++) {
        double xk = x[k];
        double[] row = yT[k];
        for (int i = 0; i < n; i++) {
          acc[i] += row[i] * xk;
        }
      }
    }

    /** Mean of ‖x − y_best‖² over the samples, with block partial sums. */
    double transportCost() {
      int blocks = (samples + BLOCK - 1) / BLOCK;
      double[] partial = new double[blocks];
      IntStream.range(0, blocks).parallel().forEach(blk -> {
        double[] u = new double[sobol.dimension()];
        double[] x = new double[d];
        double[] acc = new double[n];
        double sum = 0;
        for (int s = blk * BLOCK; s < Math.min(samples, (blk + 1) * BLOCK); s++) {
          sample(s, u, x);
          scores(x, acc);
          int arg = 0;
          for (int i = 1; i < n; i++) {
            if (acc[i] + h[i] > acc[arg] + h[arg]) {
              arg = i;
            }
          }
          double[] yi = y[arg];
          for (int k = 0; k < d; k++) {
            double diff = x[k] - yi[k];
            sum += diff * diff;
          }
        }
        partial[blk] = sum;
      });
      double total = 0;
      for (double p : partial) {
        total += p;
      }
      return total / samples;
    }
  }
}
