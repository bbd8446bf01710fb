package lab.latent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import lab.data.PointSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FeatureScore of PAPER.md §3.5: how much of the gap between the training set and fresh
 * real data a generated set closes, measured by optimal transport in the common space M.
 *
 * <pre>
 *   FeatureScore = [W(R_tr, R_te) − W(R_tr ∪ S, R_te)] / [W(R_tr, R_te) − W(R_tr ∪ R_fr, R_te)]
 * </pre>
 * where
 * <ul>
 *   <li>R_tr: the real training set the generator was trained on, n points of M, always used
 *       whole (copies of training samples then leave the empirical measure of R_tr ∪ S equal to
 *       that of R_tr, and score exactly 0: the lower bound);</li>
 *   <li>R_fr: n fresh real points disjoint from R_tr and R_te (score 1: the upper bound);</li>
 *   <li>R_te: the held-out test set, the stand-in for the true data manifold;</li>
 *   <li>S: n generated points; off-manifold or collapsed sets move the union away from R_te
 *       and score below 0;</li>
 *   <li>W: a {@link MeasureDistance} between uniform empirical measures (∪ keeps
 *       multiplicities).</li>
 * </ul>
 *
 * <p>Repeats: in repeat r the score uses the r-th block of n rows of a seeded permutation of S
 * (disjoint blocks while r·n ≤ |S|, then a fresh permutation), a seeded n-subset of R_fr and
 * a seeded subset of {@link Options#testSize()} rows of R_te. The reported value is the ratio
 * applied to the distances averaged over repeats,
 * <pre>
 *   FeatureScore = Σ_r [W_r(R_tr, R_te) − W_r(R_tr ∪ S, R_te)]
 *                / Σ_r [W_r(R_tr, R_te) − W_r(R_tr ∪ R_fr, R_te)],
 * </pre>
 * which is far more stable than the mean of per-repeat ratios, whose small denominators can
 * be near 0 or negative at small n; the spread is the jackknife standard deviation of that
 * ratio over repeats. Every repeat is reported, with its own ratio (NaN where its denominator
 * is ≤ 0). When the summed denominator is ≤ 0 the score is undefined (NaN, with a WARN).
 *
 * @apiNote W between empirical measures of a multi-modal distribution at small n is dominated
 *     by how the sets' mode proportions happen to differ from R_te's; the denominator then
 *     becomes noisy and the score with it. Use the per-class score ({@link #perClass}), more
 *     repeats or a larger n on such data; {@link Result#std()} shows the spread.
 *
 * <p>Same seed, same inputs and same distance give bit-identical results.
 */
public final class FeatureScore {

  private static final Logger LOG = LoggerFactory.getLogger(FeatureScore.class);

  private FeatureScore() {
  }

  /**
   * Options of the repeated FeatureScore.
   *
   * @param repeats number of seeded repeats, ≥ 1 (default {@value #REPEATS})
   * @param testSize rows of R_te per repeat, ≥ 2; 0 means min(|R_te|, 2n), the size of the
   *     unions (the default)
   * @param seed seed of the subsets (default {@value #SEED})
   */
  public record Options(int repeats, int testSize, long seed) {

    /** Default number of repeats. */
    public static final int REPEATS = 5;
    /** Default seed. */
    public static final long SEED = 7;

    /** Checks ranges. */
    public Options {
      if (repeats < 1) {
        throw new IllegalArgumentException("FeatureScore repeats is " + repeats
            + "; expected ≥ 1");
      }
      if (testSize != 0 && testSize < 2) {
        throw new IllegalArgumentException("FeatureScore testSize is " + testSize
            + "; expected 0 (= min(|R_te|, 2n)) or ≥ 2");
      }
    }

    /** The defaults: 5 repeats, test subset min(|R_te|, 2n), seed 7. */
    public static Options defaults() {
      return new Options(REPEATS, 0, SEED);
    }

    /** The same options with another number of repeats. */
    public Options withRepeats(int r) {
      return new Options(r, testSize, seed);
    }

    /** The same options with another test subset size. */
    public Options withTestSize(int t) {
      return new Options(repeats, t, seed);
    }

    /** The same options with another seed. */
    public Options withSeed(long s) {
      return new Options(repeats, testSize, s);
    }
  }

  /**
   * One repeat.
   *
   * @param score the FeatureScore of this repeat, NaN when the denominator is ≤ 0
   * @param wTrain W(R_tr, R_te)
   * @param wWithSamples W(R_tr ∪ S, R_te)
   * @param wWithFresh W(R_tr ∪ R_fr, R_te)
   */
  public record Repeat(double score, double wTrain, double wWithSamples, double wWithFresh) {
  }

  /**
   * The repeated FeatureScore.
   *
   * @param value the ratio of the summed gaps (see the class docs); NaN when undefined
   * @param std jackknife standard deviation of {@code value} over repeats (0 for one)
   * @param repeats every repeat, in order
   * @param n |R_tr|
   * @param added rows of S and of R_fr added to R_tr per repeat (n, or fewer per class)
   * @param testSize rows of R_te per repeat
   * @param solver the distance's solver, as it reported itself
   */
  public record Result(double value, double std, List<Repeat> repeats, int n, int added,
      int testSize, String solver) {

    /** The scores of the repeats, in order. */
    public double[] scores() {
      return repeats.stream().mapToDouble(Repeat::score).toArray();
    }

    /** The positive part max(value, 0) that enters LSFAS. */
    public double positivePart() {
      return Double.isNaN(value) ? Double.NaN : Math.max(value, 0);
    }

    @Override
    public String toString() {
      return String.format("FeatureScore %.4f ± %.4f (%d repeats, n = %d, %d added, test %d,"
          + " %s)", value, std, repeats.size(), n, added, testSize, solver);
    }
  }

  /**
   * The ratio of §3.5 from its three distances.
   *
   * @return [wTrain − wWithSamples] / [wTrain − wWithFresh], NaN when the denominator is ≤ 0
   */
  public static double score(double wTrain, double wWithSamples, double wWithFresh) {
    double denominator = wTrain - wWithFresh;
    if (!(denominator > 0)) {
      return Double.NaN;
    }
    return (wTrain - wWithSamples) / denominator;
  }

  /**
   * The repeated FeatureScore of generated points {@code samples}.
   *
   * @param train R_tr, n × d points of M, used whole
   * @param test R_te, points of M (subsampled per repeat, see {@link Options#testSize()})
   * @param fresh R_fr, at least n points of M
   * @param samples S, at least n points of M
   * @param distance W
   * @param options repeats, test subset size and seed
   * @throws IllegalArgumentException when dimensions differ, a set holds a non-finite value,
   *     or R_fr or S has fewer than n rows
   */
  public static Result compute(double[][] train, double[][] test, double[][] fresh,
      double[][] samples, MeasureDistance distance, Options options) {
    return compute(train, test, fresh, samples, distance, options, false);
  }

  /**
   * The score; with {@code allowFewer}, S and R_fr may hold fewer than n rows, and m =
   * min(n, |S|, |R_fr|) rows of each are added (equal additions keep the bounds comparable).
   */
  static Result compute(double[][] train, double[][] test, double[][] fresh,
      double[][] samples, MeasureDistance distance, Options options, boolean allowFewer) {
    int d = Points.sameDim("R_tr", train, "R_te", test);
    Points.sameDim("R_tr", train, "R_fr", fresh);
    Points.sameDim("R_tr", train, "S", samples);
    int n = train.length;
    if (!allowFewer && (fresh.length < n || samples.length < n)) {
      throw new IllegalArgumentException("FeatureScore needs at least n = |R_tr| = " + n
          + " rows in R_fr and in S; R_fr has " + fresh.length + ", S has " + samples.length);
    }
    int m = Math.min(n, Math.min(fresh.length, samples.length));
    if (test.length < 2) {
      throw new IllegalArgumentException("FeatureScore needs |R_te| ≥ 2; got " + test.length);
    }
    int testSize = options.testSize() == 0 ? Math.min(test.length, 2 * n)
        : Math.min(options.testSize(), test.length);
    LOG.info("FeatureScore: n = {}, {} added from |S| = {} and |R_fr| = {}, R_te {} of {},"
        + " d = {}, {} repeats", n, m, samples.length, fresh.length, testSize, test.length, d,
        options.repeats());

    Random random = new Random(options.seed());
    int[] sampleOrder = Points.permutation(samples.length, random);
    int block = 0;
    List<Repeat> repeats = new ArrayList<>();
    String solver = "";
    for (int rep = 0; rep < options.repeats(); rep++) {
      // S: the next disjoint block of n rows, a fresh permutation once S is used up
      if ((block + 1) * m > samples.length) {
        sampleOrder = Points.permutation(samples.length, random);
        block = 0;
      }
      double[][] s = Points.rows(samples, Arrays.copyOfRange(sampleOrder, block * m,
          (block + 1) * m));
      block++;
      double[][] fr = Points.rows(fresh, Arrays.copyOf(
          Points.permutation(fresh.length, random), m));
      double[][] te = Points.rows(test, Arrays.copyOf(
          Points.permutation(test.length, random), testSize));

      // the three distances to the test subset
      MeasureDistance.Distance wTrain = distance.between(train, te);
      MeasureDistance.Distance wSamples = distance.between(Points.concat(train, s), te);
      MeasureDistance.Distance wFresh = distance.between(Points.concat(train, fr), te);
      solver = wSamples.solver();
      double score = score(wTrain.value(), wSamples.value(), wFresh.value());
      repeats.add(new Repeat(score, wTrain.value(), wSamples.value(), wFresh.value()));
    }

    // ratio of the mean gaps, and its jackknife standard deviation over repeats
    double[] num = repeats.stream().mapToDouble(x -> x.wTrain() - x.wWithSamples()).toArray();
    double[] den = repeats.stream().mapToDouble(x -> x.wTrain() - x.wWithFresh()).toArray();
    double value = ratio(num, den, -1);
    double std = 0;
    int r = num.length;
    if (r > 1) {
      double[] loo = new double[r];
      double mean = 0;
      for (int i = 0; i < r; i++) {
        loo[i] = ratio(num, den, i);
        mean += loo[i] / r;
      }
      double ss = 0;
      for (double v : loo) {
        ss += (v - mean) * (v - mean);
      }
      std = Math.sqrt((r - 1.0) / r * ss);
    }
    if (Double.isNaN(value)) {
      LOG.warn("FeatureScore undefined: over {} repeats fresh data did not bring R_tr closer"
          + " to R_te on average; increase n, testSize or repeats", r);
    }
    return new Result(value, std, List.copyOf(repeats), n, m, testSize, solver);
  }

  /** Σ num / Σ den over all repeats but {@code skip}; NaN when Σ den ≤ 0. */
  private static double ratio(double[] num, double[] den, int skip) {
    double a = 0;
    double b = 0;
    for (int i = 0; i < num.length; i++) {
      if (i != skip) {
        a += num[i];
        b += den[i];
      }
    }
    return b > 0 ? a / b : Double.NaN;
  }

  /**
   * The FeatureScore computed class by class (feature-level expansion): for each label c of
   * R_tr, the sets restricted to label c, R_tr's class used whole and m_c = min(|R_tr,c|,
   * |S_c|, |R_fr,c|) rows of S and of R_fr added (generated class counts vary). A class is
   * skipped, with a WARN, when R_te has fewer than 2 rows of it or S or R_fr fewer than 2.
   *
   * @param train R_tr with labels, points of M
   * @param test R_te with labels
   * @param fresh R_fr with labels
   * @param samples S with labels (a conditional generator's classes, or a classifier's)
   * @return label → result, in increasing label order, skipped classes absent
   */
  public static Map<Integer, Result> perClass(PointSet train, PointSet test, PointSet fresh,
      PointSet samples, MeasureDistance distance, Options options) {
    for (PointSet p : List.of(train, test, fresh, samples)) {
      if (!p.labelled()) {
        throw new IllegalArgumentException("per-class FeatureScore: set '" + p.name()
            + "' has no labels; expected labels on R_tr, R_te, R_fr and S");
      }
    }
    Map<Integer, Result> out = new LinkedHashMap<>();
    for (int c : Arrays.stream(train.labels()).distinct().sorted().toArray()) {
      PointSet tr = train.withLabel(c);
      PointSet te = test.withLabel(c);
      PointSet fr = fresh.withLabel(c);
      PointSet s = samples.withLabel(c);
      if (te.size() < 2 || fr.size() < 2 || s.size() < 2) {
        LOG.warn("per-class FeatureScore: class {} skipped: |R_tr| = {}, |R_te| = {},"
            + " |R_fr| = {}, |S| = {}; expected at least 2 in R_te, R_fr and S", c,
            tr.size(), te.size(), fr.size(), s.size());
        continue;
      }
      out.put(c, compute(tr.points(), te.points(), fr.points(), s.points(), distance,
          options, true));
    }
    return out;
  }
}
