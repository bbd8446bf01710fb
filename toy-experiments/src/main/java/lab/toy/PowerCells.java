package lab.toy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import lab.data.PointSet;
import lab.ot.OtResult;
import lab.ot.PowerDiagram;
import lab.ot.SemiDiscrete;
import lab.plot.Figures;
import lab.plot.ResultTable;
import lab.plot.Tables;
import org.knowm.xchart.internal.chartpart.Chart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The discrete Monge–Ampère equation in the plane: a 2-D power diagram whose cell areas match
 * the target weights.
 *
 * <p>Source μ: uniform on the square [−½, ½]². Targets y₁..y_n: points of two moons scaled into
 * the square, with unequal weights ν_i ∝ 0.5 + U(0, 1). {@link SemiDiscrete} minimises Gu's
 * convex energy E(h), whose gradient is (μ(W_i(h)) − ν_i)_i, W_i(h) = {x : ⟨x, y_i⟩ + h_i ≥
 * ⟨x, y_j⟩ + h_j ∀ j} (Gu, Luo, Sun and Yau, "Variational principles for Minkowski type
 * problems, discrete optimal transport, and discrete Monge–Ampère equations", Asian J. Math.
 * 2016). At the minimum the area of each cell equals its weight. The areas are measured
 * afterwards with independent pseudo-random draws, so the check does not reuse the solver's
 * quasi-random points.
 */
public final class PowerCells {

  private static final Logger LOG = LoggerFactory.getLogger(PowerCells.class);

  /** Pixels per side of the cell raster drawn. */
  static final int RASTER = 200;

  private PowerCells() {
  }

  /**
   * Sizes.
   *
   * @param targets number of target points n, ≥ 2
   * @param checkSamples pseudo-random draws measuring the cell areas afterwards, ≥ 1,000
   * @param seed seed of targets, weights and the check
   */
  public record Options(int targets, int checkSamples, long seed) {

    /** Checks the ranges. */
    public Options {
      if (targets < 2 || checkSamples < 1000) {
        throw new IllegalArgumentException("power cells: targets " + targets
            + ", checkSamples " + checkSamples + "; expected ≥ 2 and ≥ 1000");
      }
    }

    /** 20 / 50 / 100 targets by profile; 2^20 check samples; seed 1. */
    public static Options of(Profile profile) {
      return new Options(profile.pick(20, 50, 100), 1 << 20, 1);
    }
  }

  /**
   * The result.
   *
   * @param options the options used
   * @param targets the target points, n × 2
   * @param weights ν, summing to 1
   * @param solution the semi-discrete solution (heights in {@code v()})
   * @param diagram the power diagram of the solution
   * @param areas μ(W_i) measured with fresh draws
   * @param seconds time of the solver
   */
  public record Result(Options options, PointSet targets, double[] weights, OtResult solution,
      PowerDiagram diagram, double[] areas, double seconds) implements ToyResult {

    @Override
    public String name() {
      return "power-diagram";
    }

    /** max_i |μ(W_i) − ν_i|. */
    public double maxAreaError() {
      double m = 0;
      for (int i = 0; i < areas.length; i++) {
        m = Math.max(m, Math.abs(areas[i] - weights[i]));
      }
      return m;
    }

    /** The Monte Carlo standard error of an area of size max ν at the check's sample count. */
    public double monteCarloError() {
      double w = 0;
      for (double v : weights) {
        w = Math.max(w, v);
      }
      return Math.sqrt(w * (1 - w) / options.checkSamples());
    }

    @Override
    public Map<String, Double> numbers() {
      Map<String, Double> m = new LinkedHashMap<>();
      m.put("targets", (double) options.targets());
      m.put("gradient_norm", solution.marginalError());
      m.put("converged", solution.converged() ? 1.0 : 0.0);
      m.put("adam_steps", (double) solution.iterations());
      m.put("max_area_error", maxAreaError());
      m.put("monte_carlo_std_error", monteCarloError());
      m.put("transport_cost", solution.cost());
      m.put("seconds", seconds);
      return m;
    }

    @Override
    public ResultTable table() {
      ResultTable t = ResultTable.of("Power diagram: cell areas vs target weights ("
          + options.targets() + " targets, ‖∇E‖ = " + Tables.format(solution.marginalError())
          + ")", List.of("cell", "weight ν_i"),
          List.of(new Tables.Metric("area μ(W_i)", Tables.Better.HIGHER, ""),
              Tables.Metric.lower("|area − weight|")));
      for (int i = 0; i < areas.length; i++) {
        t.row(List.of(String.valueOf(i + 1), Tables.format(weights[i])), areas[i],
            Math.abs(areas[i] - weights[i]));
      }
      return t;
    }

    @Override
    public Map<String, Chart<?, ?>> figures() {
      Map<String, Chart<?, ?>> f = new LinkedHashMap<>();
      PointSet walls = diagram.boundary(-0.5, 0.5, -0.5, 0.5, RASTER);
      f.put("cells", Figures.scatter("Power cells W_i in the source square (T maps W_i to y_i)",
          "x₁", "x₂", walls, targets.named("targets y_i")));
      double[][] pairs = new double[areas.length][];
      for (int i = 0; i < areas.length; i++) {
        pairs[i] = new double[] {weights[i], areas[i]};
      }
      double lo = Double.POSITIVE_INFINITY;
      double hi = 0;
      for (double w : weights) {
        hi = Math.max(hi, w);
        lo = Math.min(lo, w);
      }
      double[][] line = new double[60][];
      for (int k = 0; k < line.length; k++) {
        double v = lo + (hi - lo) * k / (line.length - 1);
        line[k] = new double[] {v, v};
      }
      f.put("areas", Figures.scatter("Cell area against target weight", "target weight ν_i",
          "cell area μ(W_i)", new PointSet(line, "area = weight"), new PointSet(pairs, "cells")));
      return f;
    }
  }

  /** Runs with {@link Options#of(Profile)}. */
  public static Result run(Profile profile) {
    return run(Options.of(profile));
  }

  /** Solves the semi-discrete problem and measures the cells. */
  public static Result run(Options o) {
    PointSet moons = lab.data.Toys.twoMoons(o.targets(), o.seed());
    double[][] y = new double[o.targets()][];
    for (int i = 0; i < y.length; i++) {
      double[] p = moons.points()[i];
      y[i] = new double[] {0.35 * (p[0] - 0.5), 0.35 * (p[1] - 0.25)};
    }
    Random rng = new Random(o.seed() + 7);
    double[] w = new double[o.targets()];
    double total = 0;
    for (int i = 0; i < w.length; i++) {
      w[i] = 0.5 + rng.nextDouble();
      total += w[i];
    }
    for (int i = 0; i < w.length; i++) {
      w[i] /= total;
    }

    // Gu's energy, then the cell areas with fresh pseudo-random draws
    long t0 = System.nanoTime();
    OtResult sol = SemiDiscrete.solve(y, w, new SemiDiscrete.Options());
    double secs = (System.nanoTime() - t0) / 1e9;
    PowerDiagram diagram = SemiDiscrete.diagram(y, sol);
    double[] areas = diagram.cellMeasures(SemiDiscrete.Source.CUBE, o.checkSamples(),
        o.seed() + 11);
    LOG.info("power diagram: {} targets, ‖∇E‖ {} after {} steps, {} s", o.targets(),
        sol.marginalError(), sol.iterations(), secs);
    return new Result(o, new PointSet(y, moons.labels(), "targets"), w, sol, diagram, areas,
        secs);
  }
}
