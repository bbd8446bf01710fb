package lab.toy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.data.PointSet;
import lab.data.Toys;
import lab.ot.Costs;
import lab.ot.NetworkSimplex;
import lab.ot.OtResult;
import lab.ot.Sinkhorn;
import lab.ot.Weights;
import lab.plot.Figures;
import lab.plot.ResultTable;
import lab.plot.Tables;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entropic OT converging to exact OT as ε → 0.
 *
 * <p>For uniform weights on n source and n target points and costs C, the Sinkhorn plan P_ε
 * minimises ⟨P, C⟩ − ε H(P) (Cuturi, NeurIPS 2013). Comparing it with an optimal plan P* gives
 * the sandwich 0 ≤ ⟨P_ε, C⟩ − OT(a, b) ≤ ε (H(P_ε) − H(P*)) ≤ ε log n, because the entropy of
 * a coupling lies between max(H(a), H(b)) and H(a) + H(b) (Peyré and Cuturi, "Computational
 * optimal transport", 2019, Prop. 4.1). The experiment measures the transport cost of the
 * Sinkhorn plan for a grid of ε against the network simplex's exact cost, between n points of
 * the 8 Gaussians and n points of two moons (scaled by 2 and centred), squared Euclidean cost.
 */
public final class SinkhornLimit {

  private static final Logger LOG = LoggerFactory.getLogger(SinkhornLimit.class);

  private SinkhornLimit() {
  }

  /**
   * Sizes.
   *
   * @param n points per side, ≥ 2
   * @param epsilons the regularisations ε, each &gt; 0, in decreasing order (cost units)
   * @param maxIterations Sinkhorn's iteration cap at each final ε
   * @param seed seed of both samples
   */
  public record Options(int n, double[] epsilons, int maxIterations, long seed) {

    /** Checks the ranges. */
    public Options {
      if (n < 2) {
        throw new IllegalArgumentException("Sinkhorn limit: n is " + n + ", expected ≥ 2");
      }
      if (epsilons == null || epsilons.length == 0) {
        throw new IllegalArgumentException("Sinkhorn limit: no ε given");
      }
      for (int k = 0; k < epsilons.length; k++) {
        if (!(epsilons[k] > 0) || (k > 0 && epsilons[k] >= epsilons[k - 1])) {
          throw new IllegalArgumentException("Sinkhorn limit: ε grid "
              + Arrays.toString(epsilons) + " must be positive and decreasing");
        }
      }
      if (maxIterations < 1) {
        throw new IllegalArgumentException(
            "Sinkhorn limit: maxIterations is " + maxIterations + ", expected ≥ 1");
      }
    }

    /** n = 200 / 500 / 1000 by profile; ε from 4 down to 0.005; 5,000 iterations; seed 1. */
    public static Options of(Profile profile) {
      return new Options(profile.pick(200, 500, 1000),
          new double[] {4, 2, 1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005}, 5000, 1);
    }
  }

  /**
   * One ε.
   *
   * @param epsilon the regularisation
   * @param cost ⟨P_ε, C⟩
   * @param iterations Sinkhorn iterations over all ε-scaling stages
   * @param converged whether Sinkhorn met its tolerance
   * @param marginalError ‖P1 − a‖₁ + ‖Pᵀ1 − b‖₁ of the returned plan
   * @param millis time, ms
   */
  public record Step(double epsilon, double cost, int iterations, boolean converged,
      double marginalError, double millis) {
  }

  /**
   * The result.
   *
   * @param options the options used
   * @param source the n source points (8 Gaussians)
   * @param target the n target points (two moons, scaled)
   * @param exact the exact solution
   * @param exactMillis time of the exact solver, ms
   * @param steps one entry per ε, in the order of {@code options.epsilons()}
   */
  public record Result(Options options, PointSet source, PointSet target, OtResult exact,
      double exactMillis, List<Step> steps) implements ToyResult {

    @Override
    public String name() {
      return "sinkhorn";
    }

    /** ⟨P_ε, C⟩ − OT for step k. */
    public double gap(int k) {
      return steps.get(k).cost() - exact.cost();
    }

    /** The bound ε log n of the gap. */
    public double bound(int k) {
      return steps.get(k).epsilon() * Math.log(options.n());
    }

    @Override
    public Map<String, Double> numbers() {
      Map<String, Double> m = new LinkedHashMap<>();
      int last = steps.size() - 1;
      m.put("exact_cost", exact.cost());
      m.put("largest_epsilon", steps.get(0).epsilon());
      m.put("gap_at_largest_epsilon", gap(0));
      m.put("smallest_epsilon", steps.get(last).epsilon());
      m.put("gap_at_smallest_epsilon", gap(last));
      m.put("relative_gap_at_smallest_epsilon", gap(last) / exact.cost());
      m.put("bound_at_smallest_epsilon", bound(last));
      m.put("steps_converged", (double) steps.stream().filter(Step::converged).count());
      return m;
    }

    @Override
    public ResultTable table() {
      ResultTable t = ResultTable.of("Sinkhorn cost → exact cost (" + Tables.format(exact.cost())
          + ") as ε → 0, n = " + options.n(), List.of("ε", "converged"),
          List.of(Tables.Metric.lower("⟨P_ε, C⟩ − OT"), new Tables.Metric("bound ε log n",
              Tables.Better.LOWER, ""), Tables.Metric.lower("marginal error"),
              Tables.Metric.lower("iterations"),
              new Tables.Metric("time", Tables.Better.LOWER, "ms")));
      for (int k = 0; k < steps.size(); k++) {
        Step s = steps.get(k);
        t.row(List.of(Tables.format(s.epsilon()), s.converged() ? "yes" : "no"), gap(k),
            bound(k), s.marginalError(), s.iterations(), s.millis());
      }
      return t;
    }

    @Override
    public Map<String, Chart<?, ?>> figures() {
      Map<String, Chart<?, ?>> f = new LinkedHashMap<>();
      f.put("sets", Figures.scatter("Source and target (n = " + options.n() + " each)",
          source, target));
      double[] eps = steps.stream().mapToDouble(Step::epsilon).toArray();
      double[] gaps = new double[eps.length];
      double[] bounds = new double[eps.length];
      for (int k = 0; k < eps.length; k++) {
        gaps[k] = Math.max(gap(k), 1e-12);
        bounds[k] = bound(k);
      }
      Map<String, double[]> xs = new LinkedHashMap<>();
      Map<String, double[]> ys = new LinkedHashMap<>();
      xs.put("⟨P_ε, C⟩ − OT (measured)", eps);
      ys.put("⟨P_ε, C⟩ − OT (measured)", gaps);
      xs.put("ε log n (bound)", eps);
      ys.put("ε log n (bound)", bounds);
      XYChart c = Figures.lines("Sinkhorn's transport cost approaches the exact cost",
          "ε (cost units)", "excess cost over exact OT", xs, ys);
      c.getStyler().setXAxisLogarithmic(true);
      c.getStyler().setYAxisLogarithmic(true);
      f.put("gap", c);
      return f;
    }
  }

  /** Runs with {@link Options#of(Profile)}. */
  public static Result run(Profile profile) {
    return run(Options.of(profile));
  }

  /** Solves exactly once, then with Sinkhorn at every ε. */
  public static Result run(Options o) {
    PointSet source = Toys.gaussians8(o.n(), o.seed()).named("8 Gaussians");
    PointSet moons = Toys.twoMoons(o.n(), o.seed() + 1);
    double[][] y = new double[o.n()][];
    for (int i = 0; i < y.length; i++) {
      double[] p = moons.points()[i];
      y[i] = new double[] {2 * (p[0] - 0.5), 2 * (p[1] - 0.25)};
    }
    PointSet target = new PointSet(y, moons.labels(), "two moons (×2, centred)");
    double[] a = Weights.uniform(o.n());
    double[] b = Weights.uniform(o.n());
    double[][] cost = Costs.squaredEuclidean(source.points(), target.points());

    // exact OT, then the entropic problem along the ε grid
    long t0 = System.nanoTime();
    OtResult exact = NetworkSimplex.solve(a, b, cost);
    double exactMillis = (System.nanoTime() - t0) / 1e6;
    List<Step> steps = new ArrayList<>();
    for (double eps : o.epsilons()) {
      long t1 = System.nanoTime();
      OtResult r = Sinkhorn.solve(a, b, cost, new Sinkhorn.Options(eps, o.maxIterations(),
          Sinkhorn.Options.DEFAULT_TOLERANCE, true, 10));
      steps.add(new Step(eps, r.cost(), r.iterations(), r.converged(), r.marginalError(),
          (System.nanoTime() - t1) / 1e6));
      LOG.info("Sinkhorn ε = {}: cost {} (exact {})", eps, r.cost(), exact.cost());
    }
    return new Result(o, source, target, exact, exactMillis, List.copyOf(steps));
  }
}
