package lab.toy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import lab.ot.Costs;
import lab.ot.NetworkSimplex;
import lab.ot.OneDimensional;
import lab.plot.Figures;
import lab.plot.ResultTable;
import lab.plot.Tables;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Optimal transport on the line in closed form against the exact discrete solver.
 *
 * <p>On ℝ the monotone (sorted) coupling is optimal for every cost |x − y|^p with p ≥ 1, so
 * W_p^p(μ, ν) = ∫₀¹ |F⁻¹(s) − G⁻¹(s)|^p ds with F⁻¹, G⁻¹ the quantile functions
 * (Villani, "Topics in optimal transportation", AMS 2003, §2.2; Peyré and Cuturi,
 * "Computational optimal transport", 2019, §2.6). The experiment draws weighted samples of
 * unequal sizes n and m = 3n/2 (source N(0, 1), target the two-bump mixture
 * ½N(−2, 0.5²) + ½N(2, 0.5²), positive random weights), computes W_p^p by
 * {@link OneDimensional} (sorting, O((n+m) log(n+m))) and by {@link NetworkSimplex} on the
 * n × m cost matrix, and reports the relative gap and both times.
 */
public final class OneDimensionalCheck {

  private static final Logger LOG = LoggerFactory.getLogger(OneDimensionalCheck.class);

  private OneDimensionalCheck() {
  }

  /**
   * Sizes and seeds.
   *
   * @param sizes source sizes n, each ≥ 2, in increasing order (targets have 3n/2 points)
   * @param exponents the exponents p, each ≥ 1
   * @param seed seed of the samples and weights
   */
  public record Options(int[] sizes, double[] exponents, long seed) {

    /** Checks sizes and exponents. */
    public Options {
      if (sizes == null || sizes.length == 0) {
        throw new IllegalArgumentException("1-D check: no sizes given, expected at least one");
      }
      for (int k = 0; k < sizes.length; k++) {
        if (sizes[k] < 2 || (k > 0 && sizes[k] <= sizes[k - 1])) {
          throw new IllegalArgumentException("1-D check: sizes " + Arrays.toString(sizes)
              + " must be ≥ 2 and increasing");
        }
      }
      if (exponents == null || exponents.length == 0) {
        throw new IllegalArgumentException("1-D check: no exponents p given");
      }
      for (double p : exponents) {
        if (!(p >= 1) || !Double.isFinite(p)) {
          throw new IllegalArgumentException(
              "1-D check: exponent p is " + p + ", expected a finite p ≥ 1");
        }
      }
    }

    /** n up to 400 / 1600 / 3200 by profile; p = 1, 2, 3; seed 1. */
    public static Options of(Profile profile) {
      int[] sizes = switch (profile) {
        case SMALL -> new int[] {50, 100, 200, 400};
        case DEFAULT -> new int[] {100, 200, 400, 800, 1600};
        case PAPER -> new int[] {100, 200, 400, 800, 1600, 3200};
      };
      return new Options(sizes, new double[] {1, 2, 3}, 1);
    }
  }

  /**
   * One comparison.
   *
   * @param p the exponent
   * @param n source size (target 3n/2)
   * @param closedForm W_p^p from the sorted quantiles
   * @param exact W_p^p from the network simplex
   * @param closedMillis time of the closed form, ms
   * @param exactMillis time of the exact solver (cost matrix included), ms
   */
  public record Row(double p, int n, double closedForm, double exact, double closedMillis,
      double exactMillis) {

    /** |closed form − exact| / exact. */
    public double relativeGap() {
      return Math.abs(closedForm - exact) / Math.max(exact, Double.MIN_NORMAL);
    }
  }

  /**
   * The result.
   *
   * @param options the options used
   * @param rows one row per (p, n), p outer
   * @param source the largest source sample, sorted, with its weights
   * @param sourceWeights weights of {@code source}
   * @param target the largest target sample, sorted
   * @param targetWeights weights of {@code target}
   */
  public record Result(Options options, List<Row> rows, double[] source, double[] sourceWeights,
      double[] target, double[] targetWeights) implements ToyResult {

    @Override
    public String name() {
      return "ot-1d";
    }

    /** The largest relative gap over all rows. */
    public double maxRelativeGap() {
      return rows.stream().mapToDouble(Row::relativeGap).max().orElse(Double.NaN);
    }

    @Override
    public Map<String, Double> numbers() {
      Map<String, Double> m = new LinkedHashMap<>();
      m.put("max_relative_gap", maxRelativeGap());
      int nMax = options.sizes()[options.sizes().length - 1];
      for (Row r : rows) {
        if (r.n() == nMax) {
          String p = exponentName(r.p());
          m.put("p" + p + ".closed_form_cost", r.closedForm());
          m.put("p" + p + ".exact_cost", r.exact());
          m.put("p" + p + ".closed_form_ms", r.closedMillis());
          m.put("p" + p + ".exact_ms", r.exactMillis());
        }
      }
      return m;
    }

    @Override
    public ResultTable table() {
      ResultTable t = ResultTable.of("1-D OT: sorted quantiles vs network simplex",
          List.of("p", "n × m", "closed form W_p^p", "exact W_p^p"),
          List.of(Tables.Metric.lower("relative gap"),
              new Tables.Metric("closed form", Tables.Better.LOWER, "ms"),
              new Tables.Metric("exact", Tables.Better.LOWER, "ms")));
      for (Row r : rows) {
        t.row(List.of(exponentName(r.p()), r.n() + " × " + (3 * r.n() / 2),
            String.format("%.8g", r.closedForm()), String.format("%.8g", r.exact())),
            r.relativeGap(), r.closedMillis(), r.exactMillis());
      }
      return t;
    }

    @Override
    public Map<String, Chart<?, ?>> figures() {
      Map<String, Chart<?, ?>> f = new LinkedHashMap<>();
      Map<String, double[]> xs = new LinkedHashMap<>();
      Map<String, double[]> ys = new LinkedHashMap<>();
      xs.put("source F⁻¹ (N(0, 1))", cumulative(sourceWeights));
      ys.put("source F⁻¹ (N(0, 1))", source);
      xs.put("target G⁻¹ (two bumps)", cumulative(targetWeights));
      ys.put("target G⁻¹ (two bumps)", target);
      f.put("quantiles", Figures.lines("Quantile functions: W_p^p = ∫ |F⁻¹ − G⁻¹|^p ds",
          "cumulative weight s", "x", xs, ys));
      Map<String, double[]> tx = new LinkedHashMap<>();
      Map<String, double[]> ty = new LinkedHashMap<>();
      double p0 = options.exponents()[0];
      List<Row> first = rows.stream().filter(r -> r.p() == p0).toList();
      double[] ns = first.stream().mapToDouble(Row::n).toArray();
      tx.put("closed form (sort)", ns);
      ty.put("closed form (sort)", first.stream().mapToDouble(Row::closedMillis).toArray());
      tx.put("network simplex", ns);
      ty.put("network simplex", first.stream().mapToDouble(Row::exactMillis).toArray());
      XYChart times = Figures.lines("Time of W_p^p, p = " + exponentName(p0),
          "source size n (target 3n/2)", "time (ms)", tx, ty);
      times.getStyler().setXAxisLogarithmic(true);
      times.getStyler().setYAxisLogarithmic(true);
      f.put("times", times);
      return f;
    }

    private static double[] cumulative(double[] w) {
      double[] c = new double[w.length];
      double s = 0;
      for (int i = 0; i < w.length; i++) {
        s += w[i];
        c[i] = s;
      }
      return c;
    }
  }

  /** "2" for 2.0, "1.5" for 1.5. */
  static String exponentName(double p) {
    return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
  }

  /** Runs with {@link Options#of(Profile)}. */
  public static Result run(Profile profile) {
    return run(Options.of(profile));
  }

  /** Compares the closed form with the exact solver at every (p, n). */
  public static Result run(Options o) {
    List<Row> rows = new java.util.ArrayList<>();
    double[][] last = null;
    for (double p : o.exponents()) {
      for (int n : o.sizes()) {
        double[][] s = sample(n, o.seed() + n);
        long t0 = System.nanoTime();
        double closed = OneDimensional.solve(s[0], s[1], s[2], s[3], p).cost();
        long t1 = System.nanoTime();
        double exact = NetworkSimplex.solve(s[1], s[3], Costs.euclideanPower(column(s[0]),
            column(s[2]), p)).cost();
        long t2 = System.nanoTime();
        rows.add(new Row(p, n, closed, exact, (t1 - t0) / 1e6, (t2 - t1) / 1e6));
        last = s;
      }
      LOG.info("1-D check: p = {} done", p);
    }
    sortWith(last[0], last[1]);
    sortWith(last[2], last[3]);
    return new Result(o, List.copyOf(rows), last[0], last[1], last[2], last[3]);
  }

  /** {x, a, y, b}: n source points and 3n/2 target points with positive weights of total 1. */
  static double[][] sample(int n, long seed) {
    Random rng = new Random(seed);
    int m = 3 * n / 2;
    double[] x = new double[n];
    double[] y = new double[m];
    for (int i = 0; i < n; i++) {
      x[i] = rng.nextGaussian();
    }
    for (int j = 0; j < m; j++) {
      y[j] = (rng.nextBoolean() ? 2 : -2) + 0.5 * rng.nextGaussian();
    }
    return new double[][] {x, weights(n, rng), y, weights(m, rng)};
  }

  private static double[] weights(int n, Random rng) {
    double[] w = new double[n];
    double s = 0;
    for (int i = 0; i < n; i++) {
      w[i] = 0.5 + rng.nextDouble();
      s += w[i];
    }
    for (int i = 0; i < n; i++) {
      w[i] /= s;
    }
    return w;
  }

  private static double[][] column(double[] x) {
    double[][] c = new double[x.length][1];
    for (int i = 0; i < x.length; i++) {
      c[i][0] = x[i];
    }
    return c;
  }

  /** Sorts x ascending and permutes w alike, in place. */
  private static void sortWith(double[] x, double[] w) {
    Integer[] idx = new Integer[x.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (i, j) -> Double.compare(x[i], x[j]));
    double[] xs = new double[x.length];
    double[] ws = new double[x.length];
    for (int k = 0; k < idx.length; k++) {
      xs[k] = x[idx[k]];
      ws[k] = w[idx[k]];
    }
    System.arraycopy(xs, 0, x, 0, x.length);
    System.arraycopy(ws, 0, w, 0, w.length);
  }
}
