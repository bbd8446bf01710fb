package lab.toy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import lab.data.PointSet;
import lab.ot.Gaussians;
import lab.ot.NetworkSimplex;
import lab.ot.Weights;
import lab.plot.Figures;
import lab.plot.ResultTable;
import lab.plot.Tables;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Gaussian closed form of W₂ against empirical OT, and why it is FID.
 *
 * <p>For μ = N(m₁, S₁) and ν = N(m₂, S₂), W₂²(μ, ν) = ‖m₁ − m₂‖² + Tr S₁ + Tr S₂
 * − 2 Tr (S₁^½ S₂ S₁^½)^½ (Dowson and Landau 1982). FID is this formula evaluated at the sample
 * means and covariances of two feature sets (Heusel et al., NeurIPS 2017). The experiment draws
 * n points from each of two fixed Gaussians in ℝ², and compares three numbers as n grows:
 * the closed form at the true moments; the exact OT cost W₂²(μ_n, ν_n) between the two
 * empirical measures (network simplex), which converges to it (from above in expectation, by
 * convexity of W₂² in its arguments) at a rate that slows
 * with the dimension; and the closed form at the sample moments (the "FID" of the two samples),
 * which converges at the parametric rate 1/√n. Means and standard deviations over repeats.
 */
public final class GaussianLink {

  private static final Logger LOG = LoggerFactory.getLogger(GaussianLink.class);

  /** Mean of the first Gaussian. */
  static final double[] M1 = {0, 0};
  /** Square root factor A₁ of the first covariance S₁ = A₁A₁ᵀ. */
  static final double[][] A1 = {{1.0, 0.0}, {0.5, 0.5}};
  /** Mean of the second Gaussian. */
  static final double[] M2 = {3, 1};
  /** Square root factor A₂ of the second covariance. */
  static final double[][] A2 = {{0.5, -0.3}, {0.2, 1.2}};

  private GaussianLink() {
  }

  /**
   * Sizes and seeds.
   *
   * @param sizes sample sizes n, increasing, each ≥ 3
   * @param repeats independent samples per size, ≥ 2
   * @param seed base seed
   */
  public record Options(int[] sizes, int repeats, long seed) {

    /** Checks the ranges. */
    public Options {
      if (sizes == null || sizes.length == 0) {
        throw new IllegalArgumentException("Gaussian link: no sample sizes given");
      }
      for (int k = 0; k < sizes.length; k++) {
        if (sizes[k] < 3 || (k > 0 && sizes[k] <= sizes[k - 1])) {
          throw new IllegalArgumentException("Gaussian link: sizes " + Arrays.toString(sizes)
              + " must be ≥ 3 and increasing");
        }
      }
      if (repeats < 2) {
        throw new IllegalArgumentException(
            "Gaussian link: repeats is " + repeats + ", expected ≥ 2 for a standard deviation");
      }
    }

    /** n up to 400 / 1600 / 3200, 3 / 5 / 10 repeats by profile; seed 1. */
    public static Options of(Profile profile) {
      int[] sizes = switch (profile) {
        case SMALL -> new int[] {25, 50, 100, 200, 400};
        case DEFAULT -> new int[] {25, 50, 100, 200, 400, 800, 1600};
        case PAPER -> new int[] {25, 50, 100, 200, 400, 800, 1600, 3200};
      };
      return new Options(sizes, profile.pick(3, 5, 10), 1);
    }
  }

  /**
   * One sample size.
   *
   * @param n points per sample
   * @param empiricalMean mean over repeats of the exact OT cost W₂²(μ_n, ν_n)
   * @param empiricalStd its standard deviation
   * @param frechetMean mean over repeats of the closed form at the sample moments
   * @param frechetStd its standard deviation
   */
  public record Row(int n, double empiricalMean, double empiricalStd, double frechetMean,
      double frechetStd) {
  }

  /**
   * The result.
   *
   * @param options the options used
   * @param closedForm W₂² at the true moments
   * @param rows one row per sample size
   * @param source one sample of the first Gaussian (largest n)
   * @param target one sample of the second Gaussian (largest n)
   * @param mapped {@code source} pushed through the Brenier map of the true Gaussians
   */
  public record Result(Options options, double closedForm, List<Row> rows, PointSet source,
      PointSet target, PointSet mapped) implements ToyResult {

    @Override
    public String name() {
      return "gaussian";
    }

    /** The row of the largest n. */
    public Row largest() {
      return rows.get(rows.size() - 1);
    }

    @Override
    public Map<String, Double> numbers() {
      Map<String, Double> m = new LinkedHashMap<>();
      m.put("closed_form_w2_squared", closedForm);
      m.put("largest_n", (double) largest().n());
      m.put("empirical_ot_w2_squared", largest().empiricalMean());
      m.put("empirical_ot_relative_gap", (largest().empiricalMean() - closedForm) / closedForm);
      m.put("frechet_of_samples_w2_squared", largest().frechetMean());
      m.put("frechet_relative_gap", (largest().frechetMean() - closedForm) / closedForm);
      return m;
    }

    @Override
    public ResultTable table() {
      ResultTable t = ResultTable.of("W₂² between two Gaussians in ℝ²: closed form "
          + Tables.format(closedForm) + " vs samples (" + options.repeats() + " repeats)", "n",
          Tables.Metric.lower("empirical OT mean"), Tables.Metric.lower("empirical OT std"),
          Tables.Metric.lower("|empirical OT − closed| / closed"),
          Tables.Metric.lower("Fréchet of samples mean"),
          Tables.Metric.lower("Fréchet of samples std"),
          Tables.Metric.lower("|Fréchet − closed| / closed"));
      for (Row r : rows) {
        t.row(String.valueOf(r.n()), r.empiricalMean(), r.empiricalStd(),
            Math.abs(r.empiricalMean() - closedForm) / closedForm, r.frechetMean(),
            r.frechetStd(), Math.abs(r.frechetMean() - closedForm) / closedForm);
      }
      return t;
    }

    @Override
    public Map<String, Chart<?, ?>> figures() {
      Map<String, Chart<?, ?>> f = new LinkedHashMap<>();
      double[] ns = rows.stream().mapToDouble(Row::n).toArray();
      double[] closed = new double[ns.length];
      Arrays.fill(closed, closedForm);
      Map<String, double[]> xs = new LinkedHashMap<>();
      Map<String, double[]> ys = new LinkedHashMap<>();
      xs.put("closed form at the true moments", ns);
      ys.put("closed form at the true moments", closed);
      xs.put("exact OT between the samples", ns);
      ys.put("exact OT between the samples", rows.stream().mapToDouble(Row::empiricalMean)
          .toArray());
      xs.put("closed form at the sample moments (FID)", ns);
      ys.put("closed form at the sample moments (FID)", rows.stream()
          .mapToDouble(Row::frechetMean).toArray());
      XYChart c = Figures.lines("W₂² between two Gaussians: samples approach the closed form",
          "points per sample n", "W₂² (squared units)", xs, ys);
      c.getStyler().setXAxisLogarithmic(true);
      f.put("convergence", c);
      f.put("brenier", Figures.scatter("Brenier map of the two Gaussians: x ↦ m₂ + A(x − m₁)",
          source, target, mapped));
      return f;
    }
  }

  /** Runs with {@link Options#of(Profile)}. */
  public static Result run(Profile profile) {
    return run(Options.of(profile));
  }

  /** Samples both Gaussians at every size and compares the three numbers. */
  public static Result run(Options o) {
    double[][] s1 = covariance(A1);
    double[][] s2 = covariance(A2);
    double closed = Gaussians.w2Squared(M1, s1, M2, s2);
    List<Row> rows = new ArrayList<>();
    double[][] lastX = null;
    double[][] lastY = null;
    for (int n : o.sizes()) {
      double[] emp = new double[o.repeats()];
      double[] fre = new double[o.repeats()];
      for (int r = 0; r < o.repeats(); r++) {
        Random rng = new Random(o.seed() * 1_000_003L + 31L * n + r);
        double[][] x = sample(M1, A1, n, rng);
        double[][] y = sample(M2, A2, n, rng);
        emp[r] = NetworkSimplex.solve(x, Weights.uniform(n), y, Weights.uniform(n),
            new NetworkSimplex.Options()).cost();
        fre[r] = Gaussians.w2Squared(Gaussians.moments(x), Gaussians.moments(y));
        lastX = x;
        lastY = y;
      }
      rows.add(new Row(n, mean(emp), std(emp), mean(fre), std(fre)));
      LOG.info("Gaussian link n = {}: empirical OT {}, Fréchet {}, closed form {}", n,
          mean(emp), mean(fre), closed);
    }
    PointSet source = new PointSet(lastX, "sample of N(m₁, S₁)");
    PointSet target = new PointSet(lastY, "sample of N(m₂, S₂)");
    PointSet mapped = new PointSet(Gaussians.brenierMap(M1, s1, M2, s2).apply(lastX),
        "N(m₁, S₁) sample mapped by Brenier");
    return new Result(o, closed, List.copyOf(rows), source, target, mapped);
  }

  /** A Aᵀ. */
  static double[][] covariance(double[][] a) {
    int d = a.length;
    double[][] s = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        for (int k = 0; k < d; k++) {
          s[i][j] += a[i][k] * a[j][k];
        }
      }
    }
    return s;
  }

  private static double[][] sample(double[] m, double[][] a, int n, Random rng) {
    int d = m.length;
    double[][] x = new double[n][d];
    for (int i = 0; i < n; i++) {
      double[] z = new double[d];
      for (int k = 0; k < d; k++) {
        z[k] = rng.nextGaussian();
      }
      for (int r = 0; r < d; r++) {
        double v = m[r];
        for (int k = 0; k < d; k++) {
          v += a[r][k] * z[k];
        }
        x[i][r] = v;
      }
    }
    return x;
  }

  private static double mean(double[] v) {
    return Arrays.stream(v).average().orElse(Double.NaN);
  }

  private static double std(double[] v) {
    double m = mean(v);
    double s = 0;
    for (double x : v) {
      s += (x - m) * (x - m);
    }
    return Math.sqrt(s / (v.length - 1));
  }
}
