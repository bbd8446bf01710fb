package lab.latent;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.ToDoubleFunction;
import lab.data.AtomicFiles;
import lab.metrics.DensityCoverage;
import lab.metrics.FeatureExtractor;
import lab.metrics.Kid;
import lab.metrics.PrecisionRecall;
import lab.plot.ResultTable;
import lab.plot.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark of PAPER.md §4: every sample source of a data set (each GAN under plain
 * sampling and under the operations on latent vectors, AE-OT, classic augmentation, fresh real
 * data and copies of R_tr as the two bounds) scored for seeds 1..S with LSFAS and its
 * components, IS and FID ({@link Lsfas}), and with KID, precision/recall and density/coverage
 * in the domain network's feature space against R_te (lab.metrics); then aggregated per
 * (generator, operation) to the mean ± the sample standard deviation over seeds.
 *
 * <p>Two tables come out of one run ({@link Result}):
 * <ul>
 *   <li>the long table: one line per generator × operation, every metric as mean and std;</li>
 *   <li>the paper's table: one line per generator with two column groups, "latent mapping"
 *       (plain sampling: LSFAS, IS, FID) and "operations on latent vectors" (the same three,
 *       averaged over the generator's operations), and the operation with the highest mean
 *       LSFAS.</li>
 * </ul>
 *
 * <p>Groups: a generator's first row (in the order the rows are given) is its latent mapping,
 * its plain sampling; every further row of the same generator is an operation on latent
 * vectors. Sources with one row (AE-OT, classic augmentation, the bounds) have no operations.
 *
 * <p>Standard deviations are sample standard deviations over seeds (denominator S − 1), NaN for
 * one seed. The operations group's std is the std over seeds of the per-seed mean over the
 * generator's operations, so it measures seed-to-seed variation, not the spread between
 * operations (which the long table shows).
 *
 * <p>Rows come from {@link Study#sampleSets} plus one attribute edit of the StyleGAN-like
 * model ({@link #run(Study, Options)}), or from any function of the seed
 * ({@link #run(String, Lsfas.Reference, Encoder, LongFunction, Options)}), which the tests use
 * with synthetic data. Same inputs and options give bit-identical results.
 */
public final class Benchmark {

  private static final Logger LOG = LoggerFactory.getLogger(Benchmark.class);

  /** Offset between a row seed and the seed of the codes an edit direction is fitted on. */
  static final long EDIT_SEED_OFFSET = 1_000_003L;

  /** The metrics of every row, in table order (the long table adds a std column to each). */
  public static final List<Tables.Metric> METRICS = List.of(Tables.Metric.higher("LSFAS"),
      Tables.Metric.higher("q_IS"), Tables.Metric.higher("q_FID"),
      Tables.Metric.higher("FeatureScore"), Tables.Metric.higher("IS"),
      Tables.Metric.lower("FID"), Tables.Metric.lower("KID"),
      Tables.Metric.higher("precision"), Tables.Metric.higher("recall"),
      Tables.Metric.higher("density"), Tables.Metric.higher("coverage"),
      Tables.Metric.higher("novelty"), Tables.Metric.higher("validity"));

  private Benchmark() {
  }

  /** The two column groups of the paper's table. */
  public enum Group {
    /** The latent mapping: plain sampling (the only row of a non-latent source). */
    SAMPLING("latent mapping (sampling)"),
    /** Operations on latent vectors: interpolation, extrapolation, mixing, truncation, edit. */
    OPERATIONS("operations on latent vectors");

    private final String label;

    Group(String label) {
      this.label = label;
    }

    /** Name for tables. */
    public String label() {
      return label;
    }
  }

  /**
   * Options of a benchmark run.
   *
   * @param seeds S: rows are generated and scored for seeds 1..S, S ≥ 1
   * @param n |S| per row; 0 means |R_tr| (the default); at most |R_tr|
   * @param lsfas LSFAS options (default: {@link Lsfas.Options#defaults()} without the
   *     per-class FeatureScore, which the tables do not show)
   * @param kidSubsets KID subsets per row, ≥ 1 (default {@value #KID_SUBSETS})
   * @param kidSubsetSize rows per KID subset, 0 means min(n, |R_te|, 1000) (the default), else
   *     2 ≤ size ≤ min(n, |R_te|)
   * @param precisionK neighbour rank of precision/recall, ≥ 1 (default 3)
   * @param densityK neighbour rank of density/coverage, ≥ 1 (default 5)
   * @param editCodes codes the attribute direction of the edit row is fitted on, ≥ 50
   *     (default {@value #EDIT_CODES})
   * @param editSigmas the edit moves every code to the mean projection on the direction plus
   *     this many standard deviations of the projections; finite (default 1)
   */
  public record Options(int seeds, int n, Lsfas.Options lsfas, int kidSubsets,
      int kidSubsetSize, int precisionK, int densityK, int editCodes, double editSigmas) {

    /** Default KID subsets per row. */
    public static final int KID_SUBSETS = 10;
    /** Default codes for the edit direction. */
    public static final int EDIT_CODES = 1000;

    /** Checks every field. */
    public Options {
      if (seeds < 1) {
        throw new IllegalArgumentException("Benchmark seeds is " + seeds
            + "; expected at least 1 (rows are scored for seeds 1..S)");
      }
      if (n < 0) {
        throw new IllegalArgumentException("Benchmark n is " + n
            + "; expected 0 (= |R_tr|) or 1 ≤ n ≤ |R_tr|");
      }
      if (lsfas == null) {
        throw new IllegalArgumentException("Benchmark LSFAS options are null");
      }
      if (kidSubsets < 1 || (kidSubsetSize != 0 && kidSubsetSize < 2)) {
        throw new IllegalArgumentException("Benchmark KID subsets " + kidSubsets
            + ", subset size " + kidSubsetSize + "; expected subsets ≥ 1 and size 0 (auto)"
            + " or ≥ 2");
      }
      if (precisionK < 1 || densityK < 1) {
        throw new IllegalArgumentException("Benchmark precisionK " + precisionK + ", densityK "
            + densityK + "; expected both ≥ 1");
      }
      if (editCodes < 50 || !Double.isFinite(editSigmas)) {
        throw new IllegalArgumentException("Benchmark editCodes " + editCodes + ", editSigmas "
            + editSigmas + "; expected at least 50 codes and a finite number of std");
      }
    }

    /** The defaults with S seeds. */
    public static Options of(int seeds) {
      Lsfas.Options l = Lsfas.Options.defaults();
      return new Options(seeds, 0, new Lsfas.Options(l.weights(), l.featureScore(),
          l.samples(), l.k(), false), KID_SUBSETS, 0, PrecisionRecall.DEFAULT_K,
          DensityCoverage.DEFAULT_K, EDIT_CODES, 1);
    }

    /** The same options with another |S| per row. */
    public Options withN(int rows) {
      return new Options(seeds, rows, lsfas, kidSubsets, kidSubsetSize, precisionK, densityK,
          editCodes, editSigmas);
    }

    /** The same options with other LSFAS options. */
    public Options withLsfas(Lsfas.Options o) {
      return new Options(seeds, n, o, kidSubsets, kidSubsetSize, precisionK, densityK,
          editCodes, editSigmas);
    }

    /** The same options with other KID subsets (size 0 = min(n, |R_te|, 1000)). */
    public Options withKid(int subsets, int subsetSize) {
      return new Options(seeds, n, lsfas, subsets, subsetSize, precisionK, densityK,
          editCodes, editSigmas);
    }

    /** The same options with other neighbour ranks for precision/recall and density/coverage. */
    public Options withNeighbours(int prK, int dcK) {
      return new Options(seeds, n, lsfas, kidSubsets, kidSubsetSize, prK, dcK, editCodes,
          editSigmas);
    }

    /** The same options with another edit fit size and strength. */
    public Options withEdit(int codes, double sigmas) {
      return new Options(seeds, n, lsfas, kidSubsets, kidSubsetSize, precisionK, densityK,
          codes, sigmas);
    }
  }

  /**
   * Mean and sample standard deviation of one metric over seeds.
   *
   * @param mean arithmetic mean (NaN if any value is NaN)
   * @param std sample standard deviation, denominator count − 1; NaN for one value
   * @param count number of values
   */
  public record Stat(double mean, double std, int count) {

    /** The mean and sample std of the values (at least one). */
    public static Stat of(double... values) {
      if (values == null || values.length == 0) {
        throw new IllegalArgumentException("Stat of " + (values == null ? "null" : "0")
            + " values; expected at least one");
      }
      double mean = 0;
      for (double v : values) {
        mean += v;
      }
      mean /= values.length;
      if (values.length == 1) {
        return new Stat(mean, Double.NaN, 1);
      }
      double ss = 0;
      for (double v : values) {
        ss += (v - mean) * (v - mean);
      }
      return new Stat(mean, Math.sqrt(ss / (values.length - 1)), values.length);
    }

    @Override
    public String toString() {
      return Tables.format(mean) + " ± " + Tables.format(std);
    }
  }

  /**
   * The metrics of one row for one seed.
   *
   * @param generator the sample source
   * @param operation the operation (or how a non-latent source made its samples)
   * @param seed the seed of the row
   * @param n |S|
   * @param values one value per metric of {@link #METRICS}, in order
   */
  public record Measurement(String generator, String operation, long seed, int n,
      double[] values) {

    /** Checks one value per metric. */
    public Measurement {
      if (generator == null || operation == null) {
        throw new IllegalArgumentException("measurement needs a generator and an operation;"
            + " got " + generator + " / " + operation);
      }
      if (values == null || values.length != METRICS.size()) {
        throw new IllegalArgumentException("measurement " + generator + " / " + operation
            + " has " + (values == null ? "no" : String.valueOf(values.length))
            + " values; expected " + METRICS.size() + " " + names());
      }
    }

    /** The measurement of an LSFAS row with KID, precision/recall and density/coverage. */
    public static Measurement of(LsfasRow row, Kid.Result kid, PrecisionRecall.Result pr,
        DensityCoverage.Result dc, long seed) {
      return new Measurement(row.generator(), row.operation(), seed, row.n(), new double[] {
          row.lsfas(), row.qIs(), row.qFid(), row.featureScore().value(), row.isSamples(),
          row.fidSamples(), kid.mean(), pr.precision(), pr.recall(), dc.density(),
          dc.coverage(), row.novelty(), row.validity()});
    }

    /** The value of a metric by name, e.g. "FID". */
    public double value(String metric) {
      return values[index(metric)];
    }
  }

  /**
   * One line of the long table: a (generator, operation) over all seeds.
   *
   * @param generator the sample source
   * @param operation the operation
   * @param group sampling or operations
   * @param n |S|
   * @param seeds the seeds, in order
   * @param stats one {@link Stat} per metric of {@link #METRICS}
   */
  public record Line(String generator, String operation, Group group, int n, long[] seeds,
      List<Stat> stats) {

    /** The statistic of a metric by name. */
    public Stat stat(String metric) {
      return stats.get(index(metric));
    }
  }

  /**
   * One line of the paper's table.
   *
   * @param generator the sample source
   * @param samplingLsfas LSFAS of plain sampling
   * @param samplingIs IS of plain sampling
   * @param samplingFid FID of plain sampling
   * @param operations number of operations (0: the operations group is NaN)
   * @param operationsLsfas LSFAS averaged over the operations, per seed, then over seeds
   * @param operationsIs IS, likewise
   * @param operationsFid FID, likewise
   * @param bestOperation the operation with the highest mean LSFAS ("–" without operations;
   *     ties go to the earlier operation)
   * @param bestLsfas that operation's LSFAS
   */
  public record GeneratorLine(String generator, Stat samplingLsfas, Stat samplingIs,
      Stat samplingFid, int operations, Stat operationsLsfas, Stat operationsIs,
      Stat operationsFid, String bestOperation, Stat bestLsfas) {
  }

  /**
   * The result of a run.
   *
   * @param data the data set, e.g. "Fashion-MNIST"
   * @param setting the split, sizes, n and seeds, for captions
   * @param options the options used
   * @param measurements every row for every seed, seeds outer, rows in the given order
   * @param lines the long table's lines
   * @param generators the paper table's lines
   * @param notes facts of the run worth a sentence (e.g. the edit direction's fit)
   * @param generationSeconds wall time spent making the rows
   * @param scoringSeconds wall time spent scoring them
   */
  public record Result(String data, String setting, Options options,
      List<Measurement> measurements, List<Line> lines, List<GeneratorLine> generators,
      List<String> notes, double generationSeconds, double scoringSeconds) {

    /** The long table: one line per generator × operation, every metric as mean and std. */
    public ResultTable longTable() {
      List<Tables.Metric> ms = new ArrayList<>();
      for (Tables.Metric m : METRICS) {
        ms.add(m);
        ms.add(Tables.Metric.lower(m.name() + " std"));
      }
      ResultTable t = ResultTable.of("Benchmark on " + setting + ": mean and std over seeds",
          List.of("generator", "operation", "group", "n", "seeds"), ms);
      for (Line l : lines) {
        double[] v = new double[ms.size()];
        for (int m = 0; m < METRICS.size(); m++) {
          v[2 * m] = l.stats().get(m).mean();
          v[2 * m + 1] = l.stats().get(m).std();
        }
        t.row(List.of(l.generator(), l.operation(), l.group().label(), String.valueOf(l.n()),
            seedRange(l.seeds())), v);
      }
      return t;
    }

    /**
     * The paper's table: per generator, latent mapping (sampling) LSFAS, IS, FID and
     * operations on latent vectors LSFAS, IS, FID, each mean and std over seeds, and the best
     * operation.
     */
    public ResultTable paperTable() {
      ResultTable t = ResultTable.of("Benchmark on " + setting + " (PAPER.md §4): latent"
          + " mapping vs operations on latent vectors",
          List.of("generator", "best operation"), paperMetrics());
      for (GeneratorLine g : generators) {
        t.row(List.of(g.generator(), g.bestOperation()), g.samplingLsfas().mean(),
            g.samplingLsfas().std(), g.samplingIs().mean(), g.samplingIs().std(),
            g.samplingFid().mean(), g.samplingFid().std(), g.operationsLsfas().mean(),
            g.operationsLsfas().std(), g.operationsIs().mean(), g.operationsIs().std(),
            g.operationsFid().mean(), g.operationsFid().std(), g.bestLsfas().mean());
      }
      return t;
    }

    /** The long table's line of a generator and operation. */
    public Line line(String generator, String operation) {
      for (Line l : lines) {
        if (l.generator().equals(generator) && l.operation().equals(operation)) {
          return l;
        }
      }
      throw new IllegalArgumentException("benchmark on " + data + " has no row '" + generator
          + " / " + operation + "'; rows are " + lines.stream()
          .map(l -> l.generator() + " / " + l.operation()).toList());
    }

    /** The paper table's line of a generator. */
    public GeneratorLine generator(String name) {
      for (GeneratorLine g : generators) {
        if (g.generator().equals(name)) {
          return g;
        }
      }
      throw new IllegalArgumentException("benchmark on " + data + " has no generator '" + name
          + "'; generators are " + generators.stream().map(GeneratorLine::generator).toList());
    }

    /** The lines of one group. */
    public List<Line> lines(Group group) {
      return lines.stream().filter(l -> l.group() == group).toList();
    }

    /**
     * A line for captions: the setting, the machine (cores, OS, Java), the date and the
     * time spent.
     */
    public String provenance() {
      return String.format(java.util.Locale.ROOT, "%s; %d cores, %s %s, Java %s; %s;"
          + " generation %.0f s, scoring %.0f s", setting,
          Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
          System.getProperty("os.arch"), System.getProperty("java.version"), LocalDate.now(),
          generationSeconds, scoringSeconds);
    }

    /** The long table as Markdown, each metric as "mean ± std" in one cell. */
    public String longMarkdown() {
      return compactMarkdown(longTable());
    }

    /** The paper's table as Markdown, each metric as "mean ± std" in one cell. */
    public String paperMarkdown() {
      return compactMarkdown(paperTable());
    }

    /**
     * Writes {@code stem_long.csv|md} and {@code stem_paper.csv|md} into {@code dir}
     * (atomically): CSV with mean and std in separate columns at full precision, Markdown
     * with "mean ± std" cells ({@link #longMarkdown()}, {@link #paperMarkdown()}) after
     * {@link #provenance()} in italics.
     *
     * @return the four absolute paths
     */
    public List<Path> write(Path dir, String stem) {
      if (dir == null || stem == null || stem.isBlank()) {
        throw new IllegalArgumentException("benchmark output folder " + dir + ", stem '" + stem
            + "'; expected a folder and a non-blank file name stem");
      }
      List<Path> out = new ArrayList<>();
      String caption = "_" + provenance() + "_\n\n";
      ResultTable[] tables = {longTable(), paperTable()};
      String[] names = {stem + "_long", stem + "_paper"};
      for (int i = 0; i < tables.length; i++) {
        out.add(tables[i].writeCsv(dir.resolve(names[i] + ".csv")));
        out.add(AtomicFiles.write(dir.resolve(names[i] + ".md"),
            (caption + compactMarkdown(tables[i])).getBytes(StandardCharsets.UTF_8)));
      }
      return out;
    }
  }

  /**
   * A table whose metric columns come as "X" and "X std" as Markdown with one "mean ± std" cell
   * per metric (the mean to 4 significant digits, the std to 2, NaN as "–"); the best mean of
   * each column is bold.
   */
  static String compactMarkdown(ResultTable t) {
    List<Tables.Metric> all = t.metrics();
    Set<String> names = new LinkedHashSet<>();
    all.forEach(m -> names.add(m.name()));
    List<Tables.Metric> shown = all.stream().filter(m -> !(m.name().endsWith(" std")
        && names.contains(m.name().substring(0, m.name().length() - 4)))).toList();
    int keys = t.table().columnCount() - all.size();
    StringBuilder sb = new StringBuilder("**").append(t.title())
        .append("** (mean ± sample std over seeds)\n\n|");
    for (int k = 0; k < keys; k++) {
      sb.append(' ').append(t.table().column(k).name()).append(" |");
    }
    shown.forEach(m -> sb.append(' ').append(m.header()).append(" |"));
    sb.append("\n|").append("---|".repeat(keys)).append("---:|".repeat(shown.size()))
        .append('\n');
    int[] best = new int[shown.size()];
    for (int c = 0; c < shown.size(); c++) {
      best[c] = -1;
      for (int r = 0; r < t.rowCount(); r++) {
        double v = t.value(r, shown.get(c).name());
        double b = best[c] < 0 ? Double.NaN : t.value(best[c], shown.get(c).name());
        boolean higher = shown.get(c).better() == Tables.Better.HIGHER;
        if (!Double.isNaN(v) && (best[c] < 0 || (higher ? v > b : v < b))) {
          best[c] = r;
        }
      }
    }
    for (int r = 0; r < t.rowCount(); r++) {
      sb.append('|');
      for (int k = 0; k < keys; k++) {
        sb.append(' ').append(t.table().stringColumn(k).get(r).replace("|", "\\|"))
            .append(" |");
      }
      for (int c = 0; c < shown.size(); c++) {
        String name = shown.get(c).name();
        double mean = t.value(r, name);
        String cell = Tables.format(mean);
        if (names.contains(name + " std") && !Double.isNaN(mean)
            && !Double.isNaN(t.value(r, name + " std"))) {
          cell += " ± " + formatStd(t.value(r, name + " std"));
        }
        sb.append(' ').append(best[c] == r && t.rowCount() > 1 ? "**" + cell + "**" : cell)
            .append(" |");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** A standard deviation to 2 significant digits. */
  static String formatStd(double v) {
    double a = Math.abs(v);
    if (Double.isNaN(v) || Double.isInfinite(v) || v == 0) {
      return Tables.format(v);
    }
    if (a >= 1e-3 && a < 1e6) {
      return new java.math.BigDecimal(v).round(new java.math.MathContext(2)).toPlainString();
    }
    return String.format(java.util.Locale.ROOT, "%.1e", v);
  }

  /** The paper table's metric columns, in order. */
  static List<Tables.Metric> paperMetrics() {
    List<Tables.Metric> ms = new ArrayList<>();
    for (String g : List.of("sampling", "operations")) {
      ms.add(Tables.Metric.higher(g + " LSFAS"));
      ms.add(Tables.Metric.lower(g + " LSFAS std"));
      ms.add(Tables.Metric.higher(g + " IS"));
      ms.add(Tables.Metric.lower(g + " IS std"));
      ms.add(Tables.Metric.lower(g + " FID"));
      ms.add(Tables.Metric.lower(g + " FID std"));
    }
    ms.add(Tables.Metric.higher("best operation LSFAS"));
    return ms;
  }

  /**
   * The benchmark of a study: its rows ({@link Study#sampleSets}) plus an "ink" edit of the
   * StyleGAN-like model (InterFaceGAN in W: one direction per run, fitted by {@link #fitEdit}
   * on codes of seed 0, applied to the codes of every seed), scored with M = the study's
   * autoencoder space ({@link Study#aeSpace()}), IS and FID through its domain network, and
   * KID, precision/recall, density/coverage in that network's feature space (one forward pass
   * of the network per sample set, see {@link NetView}).
   *
   * @param study the study (models are trained or loaded on first use)
   * @param options seeds, n and the metrics' options
   */
  public static Result run(Study study, Options options) {
    if (study == null || options == null) {
      throw new IllegalArgumentException("Benchmark.run: study " + study + ", options "
          + options + "; expected both");
    }
    int n = options.n() == 0 ? study.split().train().size() : options.n();
    checkN(n, study.split().train().size());
    NetView net = new NetView(study.net(), 28, 28);
    Lsfas.Reference ref = Lsfas.reference(study.real(), study.aeSpace(), net.quality(),
        Distances.auto());

    // the edit: one direction per run, fitted on codes of its own seed
    StyleGanLatent style = study.styleLatent();
    AttributeEdit edit = fitEdit(style, "ink", Benchmark::ink, options.editCodes(),
        options.editSigmas(), 0);
    List<String> notes = new ArrayList<>();
    notes.add(String.format(java.util.Locale.ROOT, "%s '%s' edit: SVM direction in W fitted on"
        + " %d codes (the %d most and %d least inked samples), agreement %.3f; α = %.4f (mean"
        + " projection %+.1f std)", style.name(), edit.operation().attribute(),
        options.editCodes(), edit.direction().extremes(), edit.direction().extremes(),
        edit.direction().agreement(), edit.operation().alpha(), options.editSigmas()));
    LongFunction<List<SampleSet>> rows = seed -> {
      List<SampleSet> r = new ArrayList<>(study.sampleSets(n, seed));
      SampleSet edited = edit.apply(n, seed);
      int at = 0;
      double before = Double.NaN;
      for (int i = 0; i < r.size(); i++) {
        if (r.get(i).generator().equals(style.name())) {
          before = Double.isNaN(before) ? meanInk(r.get(i).samples()) : before;
          at = i + 1;
        }
      }
      r.add(at, edited);
      notes.add(String.format(java.util.Locale.ROOT, "seed %d: mean ink of %s samples %.4f,"
          + " of the same codes edited %.4f", seed, style.name(), before,
          meanInk(edited.samples())));
      return r;
    };
    Result r = run(study.data().label(), ref, net.encoder(), rows, options.withN(n));
    return new Result(r.data(), r.setting() + "; profile " + profileOf(study.sizes()),
        r.options(), r.measurements(), r.lines(), r.generators(), List.copyOf(notes),
        r.generationSeconds(), r.scoringSeconds());
  }

  /**
   * A distance that remembers what it computed, keyed by the identity of the rows of both
   * sets (the same row objects in the same order): the FeatureScore of every row of a seed
   * solves W(R_tr, R_te') and W(R_tr ∪ R_fr', R_te') on the same seeded subsets R_te', R_fr'
   * (drawn from the same row objects), so only W(R_tr ∪ S, R_te') is new per row. The values
   * are those of the wrapped distance.
   *
   * @apiNote Rows must not be modified after they were passed in.
   */
  static final class SameRowsDistance implements MeasureDistance {

    /** Distances kept (least recently used dropped first). */
    static final int SLOTS = 256;

    private final MeasureDistance distance;
    private final Map<List<Object>, Distance> cache = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<List<Object>, Distance> e) {
        return size() > SLOTS;
      }
    };
    private int solved;

    SameRowsDistance(MeasureDistance distance) {
      this.distance = distance;
    }

    @Override
    public synchronized Distance between(double[][] x, double[][] y) {
      List<Object> key = List.of(new Rows(x), new Rows(y));
      Distance d = cache.get(key);
      if (d == null) {
        d = distance.between(x, y);
        solved++;
        cache.put(key, d);
      }
      return d;
    }

    /** Distances actually solved so far. */
    int solved() {
      return solved;
    }
  }

  /** A set of rows compared by the identity of each row (a copy of the outer array). */
  private static final class Rows {
    private final double[][] rows;
    private final int hash;

    Rows(double[][] rows) {
      this.rows = rows.clone();
      int h = rows.length;
      for (double[] r : rows) {
        h = 31 * h + System.identityHashCode(r);
      }
      this.hash = h;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Rows r && sameRows(rows, r.rows);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private static boolean sameRows(double[][] a, double[][] b) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The domain network as {@link Quality} (IS, FID) and as the {@link Encoder} of its feature
   * space, with one forward pass per set of samples: the {@value #SLOTS} most recently used
   * results are kept and reused when the same rows (the same row objects, in the same order)
   * come again, as R_te does for every FID and S does for its IS, FID and feature-space
   * metrics. The values are those of {@link FeatureSpace#quality} and
   * {@link FeatureSpace#encoder}.
   *
   * @apiNote Rows must not be modified after they were passed in.
   */
  static final class NetView {

    /** Results kept. */
    static final int SLOTS = 4;

    private final FeatureExtractor extractor;
    private final int height;
    private final int width;
    private final java.util.ArrayDeque<Object[]> cache = new java.util.ArrayDeque<>();
    private int passes;

    NetView(FeatureExtractor extractor, int height, int width) {
      this.extractor = extractor;
      this.height = height;
      this.width = width;
    }

    /** Features and probabilities of the samples, from the cache when the rows match. */
    synchronized FeatureExtractor.Output extract(double[][] samples) {
      for (Object[] e : cache) {
        if (sameRows((double[][]) e[0], samples)) {
          cache.remove(e);
          cache.addFirst(e);
          return (FeatureExtractor.Output) e[1];
        }
      }
      FeatureExtractor.Output out = extractor.extract(FeatureSpace.images(samples, height,
          width));
      passes++;
      cache.addFirst(new Object[] {samples.clone(), out});
      if (cache.size() > SLOTS) {
        cache.removeLast();
      }
      return out;
    }

    /** Forward passes made so far. */
    int passes() {
      return passes;
    }

    Quality quality() {
      return Quality.of(extractor.name(), x -> extract(x).probabilities(),
          x -> extract(x).features());
    }

    Encoder encoder() {
      return new Encoder() {
        @Override
        public String name() {
          return extractor.name() + " features (" + extractor.dim() + "-d)";
        }

        @Override
        public int dim() {
          return extractor.dim();
        }

        @Override
        public double[][] encode(double[][] samples) {
          return extract(samples).features();
        }
      };
    }
  }

  /**
   * The benchmark of any rows: for each seed 1..S, {@code rows.apply(seed)} gives the sample
   * sets (the same generators and operations, in the same order, for every seed, each of
   * exactly n samples), each is scored, and the results are aggregated.
   *
   * @param data the data set's name for tables
   * @param ref the LSFAS reference (R_tr, R_fr, R_te in M, IS(R_te), FID(R_fr, R_te))
   * @param features the space of KID, precision/recall and density/coverage (the domain
   *     network's features); R_te is the real set there
   * @param rows seed ↦ the rows
   * @param options seeds, n (0 = |R_tr|) and the metrics' options
   */
  public static Result run(String data, Lsfas.Reference ref, Encoder features,
      LongFunction<List<SampleSet>> rows, Options options) {
    if (data == null || ref == null || features == null || rows == null || options == null) {
      throw new IllegalArgumentException("Benchmark.run needs data, a reference, a feature"
          + " encoder, rows and options; got " + data + ", " + ref + ", " + features + ", "
          + rows + ", " + options);
    }
    int n = options.n() == 0 ? ref.train().size() : options.n();
    checkN(n, ref.train().size());
    Lsfas.Reference memo = new Lsfas.Reference(ref.real(), ref.train(), ref.test(),
        ref.fresh(), ref.isTest(), ref.fidFresh(), ref.encoder(), ref.quality(),
        new SameRowsDistance(ref.distance()));
    double[][] test = features.encode(ref.real().test().points());
    int kidSize = options.kidSubsetSize() == 0 ? Math.min(Math.min(n, test.length), 1000)
        : options.kidSubsetSize();
    if (kidSize < 2 || kidSize > Math.min(n, test.length)) {
      throw new IllegalArgumentException("Benchmark KID subset size is " + kidSize
          + "; expected 2 ≤ size ≤ min(n = " + n + ", |R_te| = " + test.length + ")");
    }

    List<Measurement> ms = new ArrayList<>();
    List<String> keys = null;
    double generation = 0;
    double scoring = 0;
    for (long seed = 1; seed <= options.seeds(); seed++) {
      // the rows of this seed
      long t0 = System.nanoTime();
      List<SampleSet> sets = rows.apply(seed);
      long t1 = System.nanoTime();
      generation += (t1 - t0) / 1e9;
      List<String> k = checkRows(sets, n, seed);
      if (keys == null) {
        keys = k;
      } else if (!keys.equals(k)) {
        throw new IllegalArgumentException("Benchmark: seed " + seed + " gives rows " + k
            + " but seed 1 gave " + keys + "; expected the same rows in the same order");
      }

      // LSFAS in M, then KID, precision/recall, density/coverage in the feature space
      for (SampleSet s : sets) {
        LsfasRow row = Lsfas.score(s, memo, options.lsfas());
        long t2 = System.nanoTime();
        double[][] f = features.encode(s.samples());
        Kid.Result kid = Kid.between(test, f,
            new Kid.Options(options.kidSubsets(), kidSize, seed));
        PrecisionRecall.Result pr = PrecisionRecall.realVsGenerated(test, f,
            new PrecisionRecall.Options(options.precisionK()));
        DensityCoverage.Result dc = DensityCoverage.realVsGenerated(test, f,
            new DensityCoverage.Options(options.densityK()));
        ms.add(Measurement.of(row, kid, pr, dc, seed));
        LOG.debug("benchmark {} / {}, seed {}: {}; KID, P/R, D/C {} s", s.generator(),
            s.operation(), seed, row.timing(), (System.nanoTime() - t2) / 1e9);
      }
      scoring += (System.nanoTime() - t1) / 1e9;
      LOG.info("benchmark {}: seed {} of {} done ({} rows, {} s so far)", data, seed,
          options.seeds(), sets.size(), Math.round(generation + scoring));
    }
    String setting = ref.real().name() + "; n = " + n + ", seeds "
        + seedRange(seeds(options.seeds()));
    return new Result(data, setting, options.withN(n), List.copyOf(ms), lines(ms),
        generators(ms), List.of(), generation, scoring);
  }

  /**
   * The long table's lines: measurements grouped by (generator, operation) in order of first
   * appearance, each metric as mean and sample std over seeds; a generator's first row is
   * its sampling group, the others its operations.
   *
   * @param measurements every row for every seed; every row needs every seed
   */
  public static List<Line> lines(List<Measurement> measurements) {
    Map<List<String>, List<Measurement>> byRow = byRow(measurements);
    long[] seeds = checkSeeds(byRow);
    Set<String> seen = new LinkedHashSet<>();
    List<Line> out = new ArrayList<>();
    for (var e : byRow.entrySet()) {
      List<Measurement> m = e.getValue();
      Group g = seen.add(e.getKey().get(0)) ? Group.SAMPLING : Group.OPERATIONS;
      List<Stat> stats = new ArrayList<>();
      for (int q = 0; q < METRICS.size(); q++) {
        final int metric = q;
        stats.add(Stat.of(m.stream().mapToDouble(x -> x.values()[metric]).toArray()));
      }
      out.add(new Line(e.getKey().get(0), e.getKey().get(1), g, m.get(0).n(), seeds.clone(),
          List.copyOf(stats)));
    }
    return List.copyOf(out);
  }

  /**
   * The paper table's lines: per generator, its sampling row's LSFAS, IS and FID; the mean
   * over its operations per seed, then mean and std over seeds; and the operation with the
   * highest mean LSFAS.
   *
   * @param measurements every row for every seed; every row needs every seed
   */
  public static List<GeneratorLine> generators(List<Measurement> measurements) {
    List<Line> lines = lines(measurements);
    Map<List<String>, List<Measurement>> byRow = byRow(measurements);
    Map<String, List<Line>> byGenerator = new LinkedHashMap<>();
    for (Line l : lines) {
      byGenerator.computeIfAbsent(l.generator(), x -> new ArrayList<>()).add(l);
    }
    Stat none = new Stat(Double.NaN, Double.NaN, 0);
    List<GeneratorLine> out = new ArrayList<>();
    for (var e : byGenerator.entrySet()) {
      Line sampling = e.getValue().get(0);
      List<Line> ops = e.getValue().subList(1, e.getValue().size());
      if (ops.isEmpty()) {
        out.add(new GeneratorLine(e.getKey(), sampling.stat("LSFAS"), sampling.stat("IS"),
            sampling.stat("FID"), 0, none, none, none, "–", none));
        continue;
      }
      Line best = ops.get(0);
      for (Line l : ops) {
        if (l.stat("LSFAS").mean() > best.stat("LSFAS").mean()) {
          best = l;
        }
      }
      out.add(new GeneratorLine(e.getKey(), sampling.stat("LSFAS"), sampling.stat("IS"),
          sampling.stat("FID"), ops.size(), perSeedMean(ops, byRow, "LSFAS"),
          perSeedMean(ops, byRow, "IS"), perSeedMean(ops, byRow, "FID"), best.operation(),
          best.stat("LSFAS")));
    }
    return List.copyOf(out);
  }

  /**
   * The same generators on two data sets side by side: sampling LSFAS and FeatureScore,
   * operations LSFAS and the rank of the sampling LSFAS among all sources of its run (1 =
   * highest), for every generator present in both runs, in the first run's order.
   *
   * @param a the first run
   * @param b the second run, on another data set (its name must differ)
   */
  public static ResultTable compare(Result a, Result b) {
    if (a == null || b == null || a.data().equals(b.data())) {
      throw new IllegalArgumentException("Benchmark.compare needs two runs on different data"
          + " sets; got " + (a == null ? "null" : a.data()) + " and "
          + (b == null ? "null" : b.data()));
    }
    List<Tables.Metric> ms = new ArrayList<>();
    for (Result r : List.of(a, b)) {
      ms.add(Tables.Metric.higher("sampling LSFAS, " + r.data()));
      ms.add(Tables.Metric.higher("sampling FeatureScore, " + r.data()));
      ms.add(Tables.Metric.higher("operations LSFAS, " + r.data()));
      ms.add(Tables.Metric.lower("rank, " + r.data()));
    }
    ResultTable t = ResultTable.of("The same generators on " + a.data() + " and " + b.data()
        + " (means over seeds; rank by sampling LSFAS among all rows of a data set)",
        List.of("generator"), ms);
    for (GeneratorLine g : a.generators()) {
      if (b.generators().stream().noneMatch(x -> x.generator().equals(g.generator()))) {
        continue;
      }
      double[] v = new double[ms.size()];
      int at = 0;
      for (Result r : List.of(a, b)) {
        GeneratorLine x = r.generator(g.generator());
        v[at++] = x.samplingLsfas().mean();
        v[at++] = r.lines().stream().filter(l -> l.generator().equals(x.generator()))
            .findFirst().orElseThrow().stat("FeatureScore").mean();
        v[at++] = x.operationsLsfas().mean();
        v[at++] = rank(r, x);
      }
      t.row(List.of(g.generator()), v);
    }
    if (t.rowCount() == 0) {
      throw new IllegalArgumentException("Benchmark.compare: " + a.data() + " and " + b.data()
          + " share no generator");
    }
    return t;
  }

  /**
   * An attribute edit fitted on a generator (InterFaceGAN): {@code codes} seeded codes
   * (z, or w = map(z) for a style generator) and the attribute scores of their samples
   * (score minus its median, so half are "present"); the SVM normal n̂ of
   * {@link AttributeDirection#fit}; the edit z ↦ z + (α − z·n̂)·n̂ with α = mean of z·n̂ over
   * the fitted codes + {@code sigmas} standard deviations (population) of z·n̂.
   *
   * @param g the generator
   * @param attribute the attribute's name
   * @param score a sample (p values) ↦ its attribute strength
   * @param codes codes to fit on, ≥ 50
   * @param sigmas the edit's strength in standard deviations of the projections
   * @param seed the row seed; the fit uses {@code Random(seed + EDIT_SEED_OFFSET)}, so its
   *     codes differ from the edited ones
   */
  public static AttributeEdit fitEdit(LatentGenerator g, String attribute,
      ToDoubleFunction<double[]> score, int codes, double sigmas, long seed) {
    if (g == null || attribute == null || score == null || codes < 50
        || !Double.isFinite(sigmas)) {
      throw new IllegalArgumentException("Benchmark.fitEdit: generator " + g + ", attribute "
          + attribute + ", codes " + codes + ", sigmas " + sigmas + "; expected a generator,"
          + " an attribute with a score, at least 50 codes and finite sigmas");
    }
    double[][] z = g.sampleCodes(codes, new Random(seed + EDIT_SEED_OFFSET));
    double[][] space = g instanceof StyleGenerator s ? s.map(z) : z;
    double[][] x = g.decode(z);
    double[] s = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      s[i] = score.applyAsDouble(x[i]);
    }
    double[] sorted = s.clone();
    Arrays.sort(sorted);
    double median = (sorted[(codes - 1) / 2] + sorted[codes / 2]) / 2;
    for (int i = 0; i < s.length; i++) {
      s[i] -= median;
    }
    AttributeDirection d = AttributeDirection.fit(attribute, space, s);
    double mean = 0;
    double[] p = new double[space.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = Points.dot(d.normal(), space[i]);
      mean += p[i] / p.length;
    }
    double var = 0;
    for (double v : p) {
      var += (v - mean) * (v - mean) / p.length;
    }
    double alpha = mean + sigmas * Math.sqrt(var);
    return new AttributeEdit(g, d, new Operation.Edit(attribute, d.normal(), alpha), sigmas);
  }

  /**
   * A fitted edit.
   *
   * @param generator the generator it was fitted on
   * @param direction the SVM direction and its agreement
   * @param operation the edit (absolute α)
   * @param sigmas its strength in standard deviations
   */
  public record AttributeEdit(LatentGenerator generator, AttributeDirection direction,
      Operation.Edit operation, double sigmas) {

    /** A seed-independent label, e.g. "edit ink +1σ". */
    public String label() {
      return "edit " + operation.attribute() + " " + (sigmas >= 0 ? "+" : "−")
          + Tables.format(Math.abs(sigmas)) + "σ";
    }

    /** n edited samples of the generator (codes seeded as every other operation). */
    public SampleSet apply(int n, long seed) {
      SampleSet s = operation.apply(generator, n, seed);
      return new SampleSet(s.generator(), label(), s.codes(), s.samples(), s.labels());
    }
  }

  /** The "ink" of a sample: its mean pixel value. */
  public static double ink(double[] sample) {
    double s = 0;
    for (double v : sample) {
      s += v;
    }
    return s / sample.length;
  }

  private static double meanInk(double[][] samples) {
    double s = 0;
    for (double[] x : samples) {
      s += ink(x) / samples.length;
    }
    return s;
  }

  /** The profile whose sizes these are, or "custom". */
  static String profileOf(Study.Sizes sizes) {
    for (String p : List.of("small", "default", "paper")) {
      if (Study.Sizes.named(p).equals(sizes)) {
        return p;
      }
    }
    return "custom";
  }

  private static void checkN(int n, int train) {
    if (n < 1 || n > train) {
      throw new IllegalArgumentException("Benchmark n is " + n + "; expected 1 ≤ n ≤ |R_tr| = "
          + train);
    }
  }

  /** The keys "generator / operation" of a seed's rows; checks sizes and duplicates. */
  private static List<String> checkRows(List<SampleSet> sets, int n, long seed) {
    if (sets == null || sets.isEmpty()) {
      throw new IllegalArgumentException("Benchmark: seed " + seed + " gives no rows;"
          + " expected at least one sample set");
    }
    List<String> keys = new ArrayList<>();
    for (SampleSet s : sets) {
      String k = s.generator() + " / " + s.operation();
      if (s.size() != n) {
        throw new IllegalArgumentException("Benchmark: row '" + k + "' of seed " + seed
            + " has " + s.size() + " samples; expected n = " + n);
      }
      if (keys.contains(k)) {
        throw new IllegalArgumentException("Benchmark: row '" + k + "' appears twice in seed "
            + seed + "; expected one row per generator and operation");
      }
      keys.add(k);
    }
    return keys;
  }

  private static Map<List<String>, List<Measurement>> byRow(List<Measurement> ms) {
    if (ms == null || ms.isEmpty()) {
      throw new IllegalArgumentException("benchmark aggregation of "
          + (ms == null ? "null" : "0") + " measurements; expected at least one");
    }
    Map<List<String>, List<Measurement>> byRow = new LinkedHashMap<>();
    for (Measurement m : ms) {
      byRow.computeIfAbsent(List.of(m.generator(), m.operation()), x -> new ArrayList<>())
          .add(m);
    }
    return byRow;
  }

  /** The seeds of the run; every row must have each of them exactly once. */
  private static long[] checkSeeds(Map<List<String>, List<Measurement>> byRow) {
    Set<Long> all = new LinkedHashSet<>();
    byRow.values().forEach(l -> l.forEach(m -> all.add(m.seed())));
    for (var e : byRow.entrySet()) {
      long[] s = e.getValue().stream().mapToLong(Measurement::seed).toArray();
      if (s.length != all.size() || Arrays.stream(s).distinct().count() != s.length) {
        throw new IllegalArgumentException("benchmark row '" + e.getKey().get(0) + " / "
            + e.getKey().get(1) + "' has seeds " + Arrays.toString(s) + " but the run has "
            + all + "; expected each seed once in every row");
      }
    }
    return all.stream().mapToLong(Long::longValue).toArray();
  }

  /** Mean and std over seeds of the per-seed mean of a metric over the given lines' rows. */
  private static Stat perSeedMean(List<Line> ops, Map<List<String>, List<Measurement>> byRow,
      String metric) {
    long[] seeds = ops.get(0).seeds();
    double[] v = new double[seeds.length];
    for (int s = 0; s < seeds.length; s++) {
      for (Line l : ops) {
        final long seed = seeds[s];
        v[s] += byRow.get(List.of(l.generator(), l.operation())).stream()
            .filter(m -> m.seed() == seed).findFirst().orElseThrow().value(metric) / ops.size();
      }
    }
    return Stat.of(v);
  }

  private static int rank(Result r, GeneratorLine g) {
    int rank = 1;
    for (GeneratorLine o : r.generators()) {
      if (o.samplingLsfas().mean() > g.samplingLsfas().mean()) {
        rank++;
      }
    }
    return rank;
  }

  private static long[] seeds(int s) {
    long[] seeds = new long[s];
    for (int i = 0; i < s; i++) {
      seeds[i] = i + 1;
    }
    return seeds;
  }

  private static String seedRange(long[] seeds) {
    boolean consecutive = true;
    for (int i = 1; i < seeds.length; i++) {
      consecutive &= seeds[i] == seeds[i - 1] + 1;
    }
    if (seeds.length > 1 && consecutive) {
      return seeds[0] + "–" + seeds[seeds.length - 1];
    }
    return Arrays.toString(seeds).replace("[", "").replace("]", "");
  }

  private static int index(String metric) {
    for (int m = 0; m < METRICS.size(); m++) {
      if (METRICS.get(m).name().equals(metric)) {
        return m;
      }
    }
    throw new IllegalArgumentException("benchmark metric '" + metric + "' is unknown;"
        + " metrics are " + names());
  }

  private static List<String> names() {
    return METRICS.stream().map(Tables.Metric::name).toList();
  }
}
