package lab.latent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.data.ImageSet;
import lab.metrics.ClassifierScores;
import lab.metrics.DomainNet;
import lab.metrics.Kid;
import lab.metrics.RankCorrelation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Does a metric of the samples predict the accuracy a classifier gains from them (PAPER.md
 * §3.4–3.5, the validity check of LSFAS)? For every row of a data set's sample sets (each
 * generator under each latent operation, AE-OT, classic augmentation, fresh real data, copies
 * of R_tr; {@link Study#sampleSets}) the classifier is trained on R_tr ∪ S and tested on R_te;
 * the same rows are scored by LSFAS, FeatureScore, IS, FID and KID; then each metric is
 * rank-correlated with the gain across the rows ({@link AugmentationResult}).
 *
 * <pre>
 *   gain(S) = mean over s, σ of [ acc_s(R_tr ∪ S_σ) − acc_s(R_tr) ]     (accuracy on R_te)
 * </pre>
 * over the classifier seeds s ({@link Options#repeats()} of them) and the sample-set seeds σ.
 * with |S| = |R_tr| = n for every row, and every classifier trained for the same number of
 * steps T (the same epochs over 2n images). The real-only classifier is trained on R_tr listed
 * twice: the trainer draws every batch afresh from the list, so listing R_tr twice keeps its
 * empirical distribution and only sets the step count to T. Without this, any added images,
 * copies included, would "gain" from the extra steps alone; the copies row measures what is
 * left of that (its gain is 0 up to the batch draws). The real-only classifier is trained once
 * per seed and shared by all rows; gains are paired by seed (same initial weights). R_tr
 * alone at the same epochs (fewer steps) is reported beside it for comparison.
 *
 * <p>Metrics are oriented so that "higher predicts more gain": FID and KID are negated before
 * ranking ({@link Metric#oriented}); tables show them as measured.
 *
 * <p>Repeatability: bit-exact for fixed seeds at a fixed thread count (the classifier, the
 * sample sets and the bootstrap are seeded).
 */
public final class Augmentation {

  private static final Logger LOG = LoggerFactory.getLogger(Augmentation.class);

  private Augmentation() {
  }

  /** The metrics whose prediction of the gain is tested. */
  public enum Metric {
    /** LSFAS, the composite of §3.5 (↑ better). */
    LSFAS("LSFAS", true),
    /** FeatureScore, OT in M (↑ better). */
    FEATURE_SCORE("FeatureScore", true),
    /** Inception Score through the domain network (↑ better). */
    IS("IS", true),
    /** FID(S, R_te) through the domain network (↓ better). */
    FID("FID", false),
    /** KID(S, R_te), unbiased MMD² on the domain network's features (↓ better). */
    KID("KID", false);

    private final String label;
    private final boolean higherIsBetter;

    Metric(String label, boolean higherIsBetter) {
      this.label = label;
      this.higherIsBetter = higherIsBetter;
    }

    /** The name as measured, e.g. "FID". */
    public String label() {
      return label;
    }

    /** Whether a larger value means better samples. */
    public boolean higherIsBetter() {
      return higherIsBetter;
    }

    /** The value as ranked: FID and KID negated, the others unchanged. */
    public double oriented(double value) {
      return higherIsBetter ? value : -value;
    }

    /** The name as ranked, e.g. "−FID". */
    public String orientedLabel() {
      return higherIsBetter ? label : "−" + label;
    }
  }

  /** Trains a classifier on labelled images and returns its accuracy on labelled test images. */
  @FunctionalInterface
  public interface Classifier {

    /**
     * Accuracy in [0, 1].
     *
     * @param train labelled training images (not modified)
     * @param test labelled test images (not modified)
     * @param seed seed of the initial weights and the batches
     */
    double accuracy(ImageSet train, ImageSet test, long seed);

    /** The domain network's CNN ({@link DomainNet#trainFresh}), no checkpoint. */
    static Classifier domainNet(DomainNet.Options options) {
      return (train, test, seed) -> {
        try (DomainNet net = DomainNet.trainFresh("classifier", train,
            options.withSeed(seed))) {
          return net.accuracy(test);
        }
      };
    }
  }

  /** Scores one sample set by every {@link Metric}. */
  @FunctionalInterface
  public interface Scorer {

    /** The scores of S. */
    Scores score(SampleSet samples);
  }

  /**
   * The metrics of one sample set, as measured (not oriented).
   *
   * @param lsfas LSFAS
   * @param featureScore FeatureScore (mean over its repeats)
   * @param is IS(S)
   * @param fid FID(S, R_te)
   * @param kid KID(S, R_te)
   */
  public record Scores(double lsfas, double featureScore, double is, double fid, double kid) {

    /** The value of one metric. */
    public double get(Metric m) {
      return switch (m) {
        case LSFAS -> lsfas;
        case FEATURE_SCORE -> featureScore;
        case IS -> is;
        case FID -> fid;
        case KID -> kid;
      };
    }

    /** The mean of several scores, metric by metric. */
    static Scores mean(List<Scores> all) {
      double[] s = new double[5];
      for (Scores x : all) {
        s[0] += x.lsfas;
        s[1] += x.featureScore;
        s[2] += x.is;
        s[3] += x.fid;
        s[4] += x.kid;
      }
      int n = all.size();
      return new Scores(s[0] / n, s[1] / n, s[2] / n, s[3] / n, s[4] / n);
    }
  }

  /**
   * Options.
   *
   * @param classifier architecture and training of each classifier (its seed is replaced by
   *     firstSeed + run)
   * @param repeats classifier runs per training set, ≥ 1
   * @param firstSeed seed of the first run
   * @param sampleSeeds seeds of the sample sets (one set per row and seed), at least one
   * @param lsfas options of the LSFAS rows
   * @param bootstrap options of the rank-correlation intervals
   */
  public record Options(DomainNet.Options classifier, int repeats, long firstSeed,
      List<Long> sampleSeeds, Lsfas.Options lsfas, RankCorrelation.Options bootstrap) {

    /** Checks every field. */
    public Options {
      if (classifier == null || lsfas == null || bootstrap == null) {
        throw new IllegalArgumentException("augmentation options: classifier " + classifier
            + ", LSFAS " + lsfas + ", bootstrap " + bootstrap + "; expected all three");
      }
      if (repeats < 1) {
        throw new IllegalArgumentException("augmentation options: repeats is " + repeats
            + ", expected ≥ 1 classifier run per training set");
      }
      if (sampleSeeds == null || sampleSeeds.isEmpty()
          || sampleSeeds.stream().anyMatch(java.util.Objects::isNull)) {
        throw new IllegalArgumentException("augmentation options: sample seeds are "
            + sampleSeeds + ", expected at least one seed");
      }
      if (sampleSeeds.stream().distinct().count() != sampleSeeds.size()) {
        throw new IllegalArgumentException("augmentation options: sample seeds " + sampleSeeds
            + " repeat a seed, expected distinct seeds");
      }
      sampleSeeds = List.copyOf(sampleSeeds);
    }

    /**
     * The domain network's CNN for 10 epochs, {@value ClassifierScores#DEFAULT_REPEATS} runs
     * (seeds 1, 2, 3), sample seed 1, LSFAS defaults without the per-class FeatureScore, and
     * the default bootstrap (1,000 resamples, 95 %).
     */
    public static Options defaults() {
      Lsfas.Options l = Lsfas.Options.defaults();
      return new Options(new DomainNet.Options().withEpochs(10),
          ClassifierScores.DEFAULT_REPEATS, 1, List.of(1L),
          new Lsfas.Options(l.weights(), l.featureScore(), 0, l.k(), false),
          new RankCorrelation.Options());
    }

    /** The same options with {@code n} classifier runs. */
    public Options withRepeats(int n) {
      return new Options(classifier, n, firstSeed, sampleSeeds, lsfas, bootstrap);
    }

    /** The same options with the classifier trained for {@code n} epochs. */
    public Options withEpochs(int n) {
      return new Options(classifier.withEpochs(n), repeats, firstSeed, sampleSeeds, lsfas,
          bootstrap);
    }

    /** The same options with other sample-set seeds. */
    public Options withSampleSeeds(long... seeds) {
      List<Long> l = new ArrayList<>();
      for (long s : seeds) {
        l.add(s);
      }
      return new Options(classifier, repeats, firstSeed, l, lsfas, bootstrap);
    }

    /** The same options with the FeatureScore (inside LSFAS) repeated {@code r} times. */
    public Options withFeatureScoreRepeats(int r) {
      return new Options(classifier, repeats, firstSeed, sampleSeeds,
          lsfas.withFeatureScore(lsfas.featureScore().withRepeats(r)), bootstrap);
    }

    /** The same options with {@code n} bootstrap resamples (95 %, seed 0). */
    public Options withResamples(int n) {
      return new Options(classifier, repeats, firstSeed, sampleSeeds, lsfas,
          new RankCorrelation.Options(n, bootstrap.alpha(), bootstrap.seed()));
    }

    /** The seed of classifier run r (0-based). */
    long seed(int run) {
      return firstSeed + run;
    }
  }

  /**
   * The real-only classifiers of a data set.
   *
   * @param trainSize n = |R_tr|
   * @param accuracy trained on R_tr listed twice (T steps, the reference of every gain)
   * @param sameEpochs trained on R_tr as it is for the same epochs (about half the steps)
   */
  public record Baseline(int trainSize, ClassifierScores.MeanStd accuracy,
      ClassifierScores.MeanStd sameEpochs) {
  }

  /**
   * One row: a sample set's gain and its metrics.
   *
   * @param data the data set
   * @param generator the generator (or baseline source)
   * @param operation the latent operation (or what the baseline is)
   * @param added |S|, images added to R_tr
   * @param accuracy accuracy of the classifier trained on R_tr ∪ S, over seeds × sample seeds
   * @param gains accuracy(R_tr ∪ S) − accuracy(R_tr) of each (sample seed, classifier seed)
   * @param gain mean of the gains
   * @param gainStd population standard deviation of the gains
   * @param scores the metrics, the mean over the sample seeds
   */
  public record Row(String data, String generator, String operation, int added,
      ClassifierScores.MeanStd accuracy, double[] gains, double gain, double gainStd,
      Scores scores) {

    /** "generator / operation". */
    public String name() {
      return generator + " / " + operation;
    }
  }

  /**
   * The gains of one data set.
   *
   * @param data the data set
   * @param baseline the real-only classifiers
   * @param rows one row per sample set, in the order given
   * @param seconds wall-clock time of the classifier runs and the scores
   */
  public record Gains(String data, Baseline baseline, List<Row> rows, double seconds) {

    /** The row of a generator and operation. */
    public Row row(String generator, String operation) {
      for (Row r : rows) {
        if (r.generator().equals(generator) && r.operation().equals(operation)) {
          return r;
        }
      }
      throw new IllegalArgumentException(data + ": no row '" + generator + " / " + operation
          + "'; rows are " + rows.stream().map(Row::name).toList());
    }

    /** This data set's gains table ({@link AugmentationResult#gainsTable(List)}). */
    public lab.plot.ResultTable table() {
      return AugmentationResult.gainsTable(List.of(this));
    }
  }

  /**
   * The gains of a study's sample sets: |S| = |R_tr| for every row, the metrics by
   * {@link #scorer(Study, Lsfas.Options)}, the classifier {@link Classifier#domainNet}.
   */
  public static Gains gains(Study study, Options options) {
    ImageSet train = study.split().train();
    List<List<SampleSet>> sets = new ArrayList<>();
    for (long seed : options.sampleSeeds()) {
      sets.add(study.sampleSets(train.size(), seed));
    }
    return gains(study.data().label(), train, study.split().test(), sets,
        Classifier.domainNet(options.classifier()), scorer(study, options.lsfas()), options);
  }

  /**
   * The scorer of a study: LSFAS and FeatureScore with M = the autoencoder's codes
   * ({@link Study#aeSpace()}, exact OT by {@link Distances#auto()}), IS and FID through the
   * domain network ({@link Study#quality()}), and KID = the unbiased MMD² with the cubic
   * kernel between the domain network's features of R_te and of S, on the whole sets
   * ({@link Kid#mmd2Unbiased}).
   */
  public static Scorer scorer(Study study, Lsfas.Options lsfas) {
    Lsfas.Reference ref = Lsfas.reference(study.real(), study.aeSpace(), study.quality(),
        Distances.auto());
    Encoder features = study.featureSpace();
    double[][] test = features.encode(study.split().test());
    return s -> {
      LsfasRow r = Lsfas.score(s, ref, lsfas);
      double kid = Kid.mmd2Unbiased(test, features.encode(s.samples()));
      return new Scores(r.lsfas(), r.featureScore().value(), r.isSamples(), r.fidSamples(),
          kid);
    };
  }

  /**
   * The gains of given sample sets.
   *
   * @param data the data set's name
   * @param train R_tr, labelled, n images
   * @param test R_te, labelled
   * @param setsBySeed for each sample seed, the rows (labelled, n samples each, height·width
   *     values each); every seed lists the same generators and operations in the same order
   * @param classifier trains and tests one classifier
   * @param scorer the metrics of a sample set
   * @param options repeats and first seed of the classifier runs
   * @throws IllegalArgumentException for unlabelled or empty sets, a row whose size is not n,
   *     or seeds whose rows differ
   */
  public static Gains gains(String data, ImageSet train, ImageSet test,
      List<List<SampleSet>> setsBySeed, Classifier classifier, Scorer scorer,
      Options options) {
    check(data, train, test, setsBySeed);
    long t0 = System.nanoTime();
    int n = train.size();
    int runs = options.repeats();

    // the real-only classifiers, once per seed: R_tr twice (T steps) and R_tr alone
    ImageSet twice = concat(train, train, "R_tr listed twice");
    double[] base = new double[runs];
    double[] alone = new double[runs];
    for (int r = 0; r < runs; r++) {
      base[r] = classifier.accuracy(twice, test, options.seed(r));
      alone[r] = classifier.accuracy(train, test, options.seed(r));
    }
    Baseline baseline = new Baseline(n, meanStd(base), meanStd(alone));
    LOG.info("{}: real-only accuracy {} (R_tr twice), {} (R_tr alone)", data,
        baseline.accuracy(), baseline.sameEpochs());

    // each row: R_tr ∪ S for every sample seed and classifier seed, gains paired by seed
    List<Row> rows = new ArrayList<>();
    int seeds = setsBySeed.size();
    for (int k = 0; k < setsBySeed.get(0).size(); k++) {
      double[] acc = new double[seeds * runs];
      double[] gains = new double[seeds * runs];
      List<Scores> scores = new ArrayList<>();
      SampleSet first = setsBySeed.get(0).get(k);
      for (int s = 0; s < seeds; s++) {
        SampleSet set = setsBySeed.get(s).get(k);
        ImageSet union = concat(train, set.toImages(train.height(), train.width()),
            "R_tr + " + set.generator() + " / " + set.operation());
        for (int r = 0; r < runs; r++) {
          acc[s * runs + r] = classifier.accuracy(union, test, options.seed(r));
          gains[s * runs + r] = acc[s * runs + r] - base[r];
        }
        scores.add(scorer.score(set));
      }
      ClassifierScores.MeanStd g = meanStd(gains);
      rows.add(new Row(data, first.generator(), first.operation(), n, meanStd(acc), gains,
          g.mean(), g.std(), Scores.mean(scores)));
      LOG.info("{}: {} / {} gain {}", data, first.generator(), first.operation(), g);
    }
    return new Gains(data, baseline, List.copyOf(rows), (System.nanoTime() - t0) / 1e9);
  }

  /**
   * A rank correlation of one metric with the gain.
   *
   * @param metric the metric (ranked oriented: FID and KID negated)
   * @param data the data set, or {@link AugmentationResult#POOLED}
   * @param rows number of rows correlated
   * @param spearman Spearman's ρ with its bootstrap interval
   * @param kendall Kendall's τ_b with its bootstrap interval
   */
  public record Correlation(Metric metric, String data, int rows,
      RankCorrelation.Result spearman, RankCorrelation.Result kendall) {
  }

  /**
   * Spearman's ρ and Kendall's τ_b of each metric (oriented) with the gain across rows.
   *
   * @param data name of the group of rows, e.g. a data set or "pooled"
   * @param rows at least 3 rows
   * @param bootstrap resamples, level and seed of the intervals
   */
  public static List<Correlation> correlate(String data, List<Row> rows,
      RankCorrelation.Options bootstrap) {
    if (rows == null || rows.size() < 3) {
      throw new IllegalArgumentException("correlation over " + data + ": "
          + (rows == null ? "null" : rows.size()) + " rows, expected at least 3");
    }
    double[] gain = gains(rows);
    List<Correlation> out = new ArrayList<>();
    for (Metric m : Metric.values()) {
      double[] x = oriented(rows, m);
      out.add(new Correlation(m, data, rows.size(), RankCorrelation.spearman(x, gain, bootstrap),
          RankCorrelation.kendall(x, gain, bootstrap)));
    }
    return out;
  }

  /** The mean gain of each row. */
  static double[] gains(List<Row> rows) {
    double[] g = new double[rows.size()];
    for (int i = 0; i < g.length; i++) {
      g[i] = rows.get(i).gain();
      if (!Double.isFinite(g[i])) {
        throw new IllegalArgumentException("row " + rows.get(i).data() + " / "
            + rows.get(i).name() + " has gain " + g[i] + ", expected a finite number");
      }
    }
    return g;
  }

  /** One metric of each row, oriented (FID and KID negated). */
  static double[] oriented(List<Row> rows, Metric m) {
    double[] x = new double[rows.size()];
    for (int i = 0; i < x.length; i++) {
      double v = rows.get(i).scores().get(m);
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("row " + rows.get(i).data() + " / "
            + rows.get(i).name() + " has " + m.label() + " = " + v
            + ", expected a finite number");
      }
      x[i] = m.oriented(v);
    }
    return x;
  }

  private static void check(String data, ImageSet train, ImageSet test,
      List<List<SampleSet>> setsBySeed) {
    labelled(data + ": R_tr", train);
    labelled(data + ": R_te", test);
    if (setsBySeed == null || setsBySeed.isEmpty() || setsBySeed.get(0).isEmpty()) {
      throw new IllegalArgumentException(data + ": sample sets are "
          + (setsBySeed == null ? "null" : setsBySeed.isEmpty() ? "no seeds" : "no rows")
          + ", expected at least one row for at least one seed");
    }
    List<String> names = names(setsBySeed.get(0));
    for (int s = 0; s < setsBySeed.size(); s++) {
      List<String> here = names(setsBySeed.get(s));
      if (!here.equals(names)) {
        throw new IllegalArgumentException(data + ": sample seed " + s + " has rows " + here
            + " but seed 0 has " + names + ", expected the same rows in the same order");
      }
      for (SampleSet set : setsBySeed.get(s)) {
        if (set.labels() == null) {
          throw new IllegalArgumentException(data + ": samples of " + set.generator() + " / "
              + set.operation() + " have no labels; the classifier needs labelled images");
        }
        if (set.size() != train.size()) {
          throw new IllegalArgumentException(data + ": " + set.generator() + " / "
              + set.operation() + " has " + set.size() + " samples, expected |R_tr| = "
              + train.size() + " (every row adds the same number of images)");
        }
      }
    }
  }

  private static List<String> names(List<SampleSet> sets) {
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (SampleSet s : sets) {
      String name = s.generator() + " / " + s.operation();
      if (seen.put(name, 1) != null) {
        throw new IllegalArgumentException("sample sets list '" + name + "' twice, expected"
            + " one set per generator and operation");
      }
    }
    return new ArrayList<>(seen.keySet());
  }

  private static void labelled(String what, ImageSet set) {
    if (set == null || set.size() == 0) {
      throw new IllegalArgumentException(what + " is " + (set == null ? "null" : "empty")
          + ", expected labelled images");
    }
    if (!set.labelled()) {
      throw new IllegalArgumentException(what + " '" + set.name() + "' (" + set.size()
          + " images) has no labels");
    }
  }

  /** The images of a followed by those of b (rows shared, not copied). */
  static ImageSet concat(ImageSet a, ImageSet b, String name) {
    if (a.height() != b.height() || a.width() != b.width()) {
      throw new IllegalArgumentException("images '" + a.name() + "' are " + a.height() + " × "
          + a.width() + " but '" + b.name() + "' are " + b.height() + " × " + b.width());
    }
    float[][] x = Arrays.copyOf(a.images(), a.size() + b.size());
    System.arraycopy(b.images(), 0, x, a.size(), b.size());
    int[] y = Arrays.copyOf(a.labels(), x.length);
    System.arraycopy(b.labels(), 0, y, a.size(), b.size());
    return new ImageSet(x, y, a.height(), a.width(), name);
  }

  /** Mean ± population standard deviation. */
  static ClassifierScores.MeanStd meanStd(double[] v) {
    double mean = 0;
    for (double a : v) {
      mean += a;
    }
    mean /= v.length;
    double var = 0;
    for (double a : v) {
      var += (a - mean) * (a - mean);
    }
    return new ClassifierScores.MeanStd(mean, Math.sqrt(var / v.length), v.clone());
  }
}
