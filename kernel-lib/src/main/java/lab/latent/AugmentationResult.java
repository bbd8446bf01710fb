package lab.latent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import lab.data.PointSet;
import lab.latent.Augmentation.Correlation;
import lab.latent.Augmentation.Gains;
import lab.latent.Augmentation.Metric;
import lab.latent.Augmentation.Row;
import lab.metrics.RankCorrelation;
import lab.plot.Figures;
import lab.plot.ResultTable;
import lab.plot.Tables;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * The answer to "does the metric predict augmentation?": the gains of every data set, and the
 * rank correlation of each metric with the gain, over the rows of all data sets together
 * ({@link #POOLED}) and over each data set alone.
 *
 * <p>Pooling puts rows of different data sets on one scale: LSFAS and FeatureScore are
 * normalised by each data set's own real sets (0 = copies of R_tr, 1 = fresh real data), IS,
 * FID and KID are not (each data set has its own domain network), so the per-data-set
 * correlations are reported beside the pooled one.
 *
 * @param data the gains of each data set
 * @param correlations pooled first, then each data set, each metric in {@link Metric} order
 * @param bootstrap the bootstrap behind every interval
 */
public record AugmentationResult(List<Gains> data, List<Correlation> correlations,
    RankCorrelation.Options bootstrap) {

  /** Width of a metric's band in {@link #scatter()} (bands start at 0, 1, 2, ...). */
  private static final double BAND = 0.8;

  /** The name of the group of all rows. */
  public static final String POOLED = "pooled";

  /**
   * The correlations of the given data sets' rows: pooled (when there is more than one data
   * set) and per data set.
   *
   * @param data the gains of one or more data sets, each with at least 3 rows
   * @param bootstrap resamples, level and seed of the intervals
   */
  public static AugmentationResult of(List<Gains> data, RankCorrelation.Options bootstrap) {
    if (data == null || data.isEmpty()) {
      throw new IllegalArgumentException("augmentation result of " + data
          + " data sets, expected the gains of at least one");
    }
    List<Correlation> c = new ArrayList<>();
    if (data.size() > 1) {
      c.addAll(Augmentation.correlate(POOLED, pooledRows(data), bootstrap));
    }
    for (Gains g : data) {
      c.addAll(Augmentation.correlate(g.data(), g.rows(), bootstrap));
    }
    return new AugmentationResult(List.copyOf(data), List.copyOf(c), bootstrap);
  }

  /** The rows of every data set, in order. */
  public List<Row> rows() {
    return pooledRows(data);
  }

  private static List<Row> pooledRows(List<Gains> data) {
    List<Row> rows = new ArrayList<>();
    data.forEach(g -> rows.addAll(g.rows()));
    return rows;
  }

  /** The group all rows are correlated in: "pooled", or the one data set's name. */
  public String group() {
    return data.size() > 1 ? POOLED : data.get(0).data();
  }

  /** The correlation of a metric in a group ("pooled" or a data set). */
  public Correlation correlation(Metric m, String group) {
    for (Correlation c : correlations) {
      if (c.metric() == m && c.data().equals(group)) {
        return c;
      }
    }
    throw new IllegalArgumentException("no correlation of " + m.label() + " in '" + group
        + "'; groups are " + correlations.stream().map(Correlation::data).distinct().toList());
  }

  // ---------------------------------------------------------------- tables

  /** The gains table of every data set. */
  public ResultTable gainsTable() {
    return gainsTable(data);
  }

  /**
   * Gains table: for each data set the two real-only classifiers, then one row per sample set
   * with the accuracy on R_te, the gain over R_tr (percentage points, mean ± std over the
   * classifier seeds and sample seeds) and the metrics as measured.
   */
  static ResultTable gainsTable(List<Gains> data) {
    ResultTable t = ResultTable.of("Augmentation gain on R_te and the metrics of each sample set",
        List.of("data", "training set", "operation", "added"),
        List.of(new Tables.Metric("accuracy", Tables.Better.HIGHER, "%"),
            new Tables.Metric("accuracy std", Tables.Better.LOWER, "%"),
            new Tables.Metric("gain", Tables.Better.HIGHER, "points"),
            new Tables.Metric("gain std", Tables.Better.LOWER, "points"),
            Tables.Metric.higher("LSFAS"), Tables.Metric.higher("FeatureScore"),
            Tables.Metric.higher("IS"), Tables.Metric.lower("FID"),
            Tables.Metric.lower("KID")));
    double nan = Double.NaN;
    for (Gains g : data) {
      Augmentation.Baseline b = g.baseline();
      String n = String.valueOf(b.trainSize());
      t.row(List.of(g.data(), "R_tr alone", "listed twice: same steps (the reference)", "0"),
          100 * b.accuracy().mean(), 100 * b.accuracy().std(), 0, nan, nan, nan, nan, nan,
          nan);
      t.row(List.of(g.data(), "R_tr alone", "same epochs, about half the steps (not used)", "0"),
          100 * b.sameEpochs().mean(), 100 * b.sameEpochs().std(),
          100 * (b.sameEpochs().mean() - b.accuracy().mean()), nan, nan, nan, nan, nan, nan);
      for (Row r : g.rows()) {
        Augmentation.Scores s = r.scores();
        t.row(List.of(g.data(), "R_tr + " + r.generator(), r.operation(), n),
            100 * r.accuracy().mean(), 100 * r.accuracy().std(), 100 * r.gain(),
            100 * r.gainStd(), s.lsfas(), s.featureScore(), s.is(), s.fid(), s.kid());
      }
    }
    return t;
  }

  /**
   * Correlation table: for each group and metric (oriented: FID and KID negated) Spearman's ρ
   * and Kendall's τ_b with the gain, each with its bootstrap interval.
   */
  public ResultTable correlationTable() {
    String level = String.format(Locale.ROOT, "%.0f %%", 100 * (1 - bootstrap.alpha()));
    ResultTable t = ResultTable.of("Rank correlation of each metric with the augmentation gain ("
        + level + " bootstrap intervals, " + bootstrap.resamples() + " resamples)",
        List.of("rows", "metric (oriented)", "n rows"),
        List.of(Tables.Metric.higher("Spearman ρ"), Tables.Metric.higher("ρ low"),
            Tables.Metric.higher("ρ high"), Tables.Metric.higher("Kendall τ"),
            Tables.Metric.higher("τ low"), Tables.Metric.higher("τ high")));
    for (Correlation c : correlations) {
      t.row(List.of(c.data(), c.metric().orientedLabel(), String.valueOf(c.rows())),
          c.spearman().value(), c.spearman().low(), c.spearman().high(), c.kendall().value(),
          c.kendall().low(), c.kendall().high());
    }
    return t;
  }

  // ---------------------------------------------------------------- the verdict

  /**
   * Which metric predicts the gain best in a group: the highest Spearman ρ, whether its
   * interval excludes 0, and the paired bootstrap interval of its lead over the runner-up
   * (the same resampled rows for both metrics).
   *
   * @param group "pooled" or a data set
   * @param best the metric with the highest ρ
   * @param bestCorrelation its correlations
   * @param runnerUp the metric with the second highest ρ
   * @param runnerUpCorrelation its correlations
   * @param lead ρ(best) − ρ(runner-up)
   * @param leadLow lower end of the lead's interval
   * @param leadHigh upper end of the lead's interval
   */
  public record Verdict(String group, Metric best, Correlation bestCorrelation, Metric runnerUp,
      Correlation runnerUpCorrelation, double lead, double leadLow, double leadHigh) {

    /** Whether the best metric's interval lies above 0. */
    public boolean excludesZero() {
      return bestCorrelation.spearman().low() > 0;
    }

    /** Whether the lead's interval lies above 0. */
    public boolean clearlyAhead() {
      return leadLow > 0;
    }

    /** The verdict in one plain sentence, with the numbers it rests on. */
    public String sentence() {
      RankCorrelation.Result b = bestCorrelation.spearman();
      RankCorrelation.Result r = runnerUpCorrelation.spearman();
      return String.format(Locale.ROOT, "On this evidence (%s, %d rows) %s predicts the"
          + " augmentation gain best: Spearman ρ = %.2f [%.2f, %.2f], an interval that %s 0;"
          + " next is %s, ρ = %.2f [%.2f, %.2f]; the lead of %.2f [%.2f, %.2f] %s.",
          group, bestCorrelation.rows(), best.orientedLabel(), b.value(), b.low(), b.high(),
          excludesZero() ? "excludes" : "includes", runnerUp.orientedLabel(), r.value(),
          r.low(), r.high(), lead, leadLow, leadHigh,
          clearlyAhead() ? "is clear (its interval excludes 0)"
              : "is not clear (its interval includes 0)");
    }

    @Override
    public String toString() {
      return sentence();
    }
  }

  /** The verdict over all rows ({@link #group()}). */
  public Verdict verdict() {
    return verdict(group());
  }

  /** The verdict in one group ("pooled" or a data set). */
  public Verdict verdict(String group) {
    List<Row> rows = group.equals(POOLED) ? rows() : data.stream()
        .filter(g -> g.data().equals(group)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no data set '" + group + "'; data"
            + " sets are " + data.stream().map(Gains::data).toList())).rows();
    List<Correlation> in = correlations.stream().filter(c -> c.data().equals(group)).toList();
    if (in.isEmpty()) {
      throw new IllegalArgumentException("no correlations in group '" + group + "'");
    }
    List<Correlation> sorted = new ArrayList<>(in);
    sorted.sort((a, b) -> Double.compare(rho(b), rho(a)));
    Correlation best = sorted.get(0);
    Correlation next = sorted.get(1);
    double[] lead = leadInterval(rows, best.metric(), next.metric());
    return new Verdict(group, best.metric(), best, next.metric(), next, lead[0], lead[1],
        lead[2]);
  }

  /** ρ, with an undefined ρ (a metric tied on every row) ranked last. */
  private static double rho(Correlation c) {
    double v = c.spearman().value();
    return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
  }

  /** ρ(a) − ρ(b) and its percentile bootstrap interval, both on the same resampled rows. */
  private double[] leadInterval(List<Row> rows, Metric a, Metric b) {
    double[] g = Augmentation.gains(rows);
    double[] xa = Augmentation.oriented(rows, a);
    double[] xb = Augmentation.oriented(rows, b);
    double lead = RankCorrelation.spearman(xa, g) - RankCorrelation.spearman(xb, g);
    int n = g.length;
    Random rng = new Random(bootstrap.seed());
    double[] boot = new double[bootstrap.resamples()];
    int kept = 0;
    double[] bg = new double[n];
    double[] ba = new double[n];
    double[] bb = new double[n];
    for (int k = 0; k < boot.length; k++) {
      for (int i = 0; i < n; i++) {
        int j = rng.nextInt(n);
        bg[i] = g[j];
        ba[i] = xa[j];
        bb[i] = xb[j];
      }
      double d = RankCorrelation.spearman(ba, bg) - RankCorrelation.spearman(bb, bg);
      if (!Double.isNaN(d)) {
        boot[kept++] = d;
      }
    }
    if (kept == 0) {
      return new double[] {lead, Double.NaN, Double.NaN};
    }
    double[] s = Arrays.copyOf(boot, kept);
    Arrays.sort(s);
    return new double[] {lead, percentile(s, bootstrap.alpha() / 2),
        percentile(s, 1 - bootstrap.alpha() / 2)};
  }

  /** Linear-interpolated percentile of sorted values, q in [0, 1] (as RankCorrelation). */
  private static double percentile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  // ---------------------------------------------------------------- figures

  /**
   * Gain against each metric's rank over all rows, one band per metric side by side (in
   * {@link Metric} order, left to right): inside band k, x = k + 0.8·(rank − 1)/(N − 1) of the
   * oriented metric (left = the row it rates lowest, right = highest; ties share their mean
   * rank), y = the gain in percentage points. The legend gives each band's ρ. A metric that
   * predicted the gain perfectly would draw a rising curve in its band.
   */
  public XYChart scatter() {
    List<Row> rows = rows();
    int n = rows.size();
    double[] gain = Augmentation.gains(rows);
    List<PointSet> sets = new ArrayList<>();
    for (Metric m : Metric.values()) {
      double[] rank = ranks(Augmentation.oriented(rows, m));
      double[][] p = new double[n][];
      for (int i = 0; i < n; i++) {
        p[i] = new double[] {m.ordinal() + BAND * (rank[i] - 1) / Math.max(1, n - 1),
            100 * gain[i]};
      }
      sets.add(new PointSet(p, String.format(Locale.ROOT, "%s (ρ = %.2f)",
          m.orientedLabel(), correlation(m, group()).spearman().value())));
    }
    XYChart chart = Figures.scatter("Gain against each metric's rank (" + group() + ", " + n
        + " rows)", "each metric's rank, low → high (bands in legend order)",
        "gain in test accuracy (points)", sets.toArray(new PointSet[0]));
    chart.getStyler().setXAxisTicksVisible(false);
    return chart;
  }

  /**
   * Gain against one metric as measured, one series per data set: x = the metric (its
   * direction in the label), y = the gain in percentage points.
   */
  public XYChart scatter(Metric m) {
    List<PointSet> sets = new ArrayList<>();
    for (Gains g : data) {
      double[][] p = new double[g.rows().size()][];
      for (int i = 0; i < p.length; i++) {
        Row r = g.rows().get(i);
        p[i] = new double[] {r.scores().get(m), 100 * r.gain()};
      }
      sets.add(new PointSet(p, String.format(Locale.ROOT, "%s (ρ = %.2f)", g.data(),
          correlation(m, g.data()).spearman().value())));
    }
    XYChart chart = Figures.scatter("Gain against " + m.label() + ", each data set",
        m.label() + (m.higherIsBetter() ? " (↑ better)" : " (↓ better)"),
        "gain in test accuracy (points)", sets.toArray(new PointSet[0]));
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    return chart;
  }

  /** Average ranks, 1-based, ties sharing the mean of their positions. */
  private static double[] ranks(double[] v) {
    Integer[] order = new Integer[v.length];
    for (int i = 0; i < v.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
    double[] r = new double[v.length];
    int i = 0;
    while (i < v.length) {
      int j = i;
      while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
        j++;
      }
      for (int q = i; q <= j; q++) {
        r[order[q]] = (i + j) / 2.0 + 1;
      }
      i = j + 1;
    }
    return r;
  }

  // ---------------------------------------------------------------- files

  /**
   * Writes {@code <prefix>gains.csv|md}, {@code <prefix>correlations.csv|md} and
   * {@code <prefix>scatter.png|svg} into {@code dir} (atomically); returns the paths.
   *
   * @param dir the folder, e.g. {@code LabDirs.results()}
   * @param prefix the file prefix, e.g. "06_"
   */
  public List<Path> write(Path dir, String prefix) {
    List<Path> out = new ArrayList<>();
    ResultTable g = gainsTable();
    ResultTable c = correlationTable();
    out.add(g.writeCsv(dir.resolve(prefix + "gains.csv")));
    out.add(g.writeMarkdown(dir.resolve(prefix + "gains.md")));
    out.add(c.writeCsv(dir.resolve(prefix + "correlations.csv")));
    out.add(c.writeMarkdown(dir.resolve(prefix + "correlations.md")));
    out.addAll(Figures.save(scatter(), dir.resolve(prefix + "scatter")));
    return out;
  }
}
