package lab.latent;

import java.util.Map;
import lab.data.ImageSet;
import lab.data.PointSet;
import lab.data.Splits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Latent Space Feature Augmentation Score, exactly as PAPER.md §3.5 defines it.
 *
 * <pre>
 *   q_IS  = clip[0,1]( (IS(S) − 1) / (IS(R_te) − 1) )
 *   q_FID = clip[0,1]( FID(R_fr, R_te) / FID(S, R_te) )
 *   FeatureScore = [W(R_tr, R_te) − W(R_tr ∪ S, R_te)] / [W(R_tr, R_te) − W(R_tr ∪ R_fr, R_te)]
 *   LSFAS = (w_IS·q_IS + w_FID·q_FID + w_F·max(FeatureScore, 0)) / (w_IS + w_FID + w_F)
 * </pre>
 * where R_tr is the real training set (n samples), R_te the held-out test set, R_fr n fresh
 * real samples disjoint from both, S the generated samples, E the encoder into M and W an OT
 * distance between empirical measures in M ({@link FeatureScore}). IS and FID are computed
 * on samples through the domain network ({@link Quality}); FID(S, R_te) is taken at the same
 * sample count as FID(R_fr, R_te) (the mean over disjoint blocks of |R_fr| generated samples),
 * because FID is biased by N. Default weights are 1, 1, 1 (the mean of the three parts).
 * FeatureScore⁺ is not clipped above: a set that brings the union closer to R_te than fresh
 * data does scores above 1.
 *
 * <p>Diagnostics beside it ({@link Diagnostics}): novelty against R_tr and validity against
 * the k-NN manifold of R_te ∪ R_fr, both in M, and the per-class FeatureScore.
 *
 * <p>A notebook cell computes a row in one call ({@link #row}); several rows on one data set
 * share a {@link Reference}:
 * <pre>{@code
 * Lsfas.row(GanLatent.of(wgan, "WGAN-GP"), new Operation.Sample(), Splits.fashionMnist(100, 1),
 *     encoder, quality).toTable()
 *
 * var ref = Lsfas.reference(Lsfas.RealSets.of(split, "Fashion-MNIST"), encoder, quality,
 *     Distances.auto());
 * var t = LsfasRow.table("WGAN-GP");
 * for (Operation op : List.of(new Operation.Sample(), new Operation.Extrapolate(1.5))) {
 *   Lsfas.evaluate(generator, op, ref, Lsfas.Options.defaults(), 1).appendTo(t);
 * }
 * }</pre>
 */
public final class Lsfas {

  private static final Logger LOG = LoggerFactory.getLogger(Lsfas.class);

  private Lsfas() {
  }

  /**
   * Weights of the composite.
   *
   * @param is weight of q_IS, ≥ 0
   * @param fid weight of q_FID, ≥ 0
   * @param feature weight of FeatureScore⁺, ≥ 0; the three sum to &gt; 0
   */
  public record Weights(double is, double fid, double feature) {

    /** Checks non-negative finite weights with a positive sum. */
    public Weights {
      if (!(is >= 0 && fid >= 0 && feature >= 0) || !Double.isFinite(is + fid + feature)
          || is + fid + feature <= 0) {
        throw new IllegalArgumentException("LSFAS weights are (" + is + ", " + fid + ", "
            + feature + "); expected finite weights ≥ 0 with a positive sum");
      }
    }

    /** The paper's default: equal weights. */
    public static Weights equal() {
      return new Weights(1, 1, 1);
    }
  }

  /**
   * Options of a row.
   *
   * @param weights composite weights (default equal)
   * @param featureScore repeats, test subset and seed of the FeatureScore
   * @param samples |S| generated for a row by {@link #evaluate}; 0 means |R_tr| (default)
   * @param k neighbour rank of the validity diagnostic (default {@value Diagnostics#K})
   * @param perClass whether to compute the per-class FeatureScore (needs labels on S)
   */
  public record Options(Weights weights, FeatureScore.Options featureScore, int samples, int k,
      boolean perClass) {

    /** Checks ranges. */
    public Options {
      if (weights == null || featureScore == null) {
        throw new IllegalArgumentException("LSFAS options need weights and FeatureScore"
            + " options; got " + weights + ", " + featureScore);
      }
      if (samples < 0 || k < 1) {
        throw new IllegalArgumentException("LSFAS samples " + samples + ", k " + k
            + "; expected samples ≥ 0 (0 = |R_tr|) and k ≥ 1");
      }
    }

    /** Equal weights, FeatureScore defaults, |S| = |R_tr|, k = 3, per class on. */
    public static Options defaults() {
      return new Options(Weights.equal(), FeatureScore.Options.defaults(), 0, Diagnostics.K,
          true);
    }

    /** The same options with another weighting. */
    public Options withWeights(Weights w) {
      return new Options(w, featureScore, samples, k, perClass);
    }

    /** The same options with another |S|. */
    public Options withSamples(int n) {
      return new Options(weights, featureScore, n, k, perClass);
    }

    /** The same options with other FeatureScore options. */
    public Options withFeatureScore(FeatureScore.Options f) {
      return new Options(weights, f, samples, k, perClass);
    }
  }

  /**
   * The real sets of one data set, as samples (p values per row) with labels.
   *
   * @param train R_tr
   * @param test R_te
   * @param fresh R_fr
   * @param name the data set, e.g. "Fashion-MNIST, 100 per class, seed 1"
   */
  public record RealSets(PointSet train, PointSet test, PointSet fresh, String name) {

    /** The sets of a {@link Splits.Split}, images as pixel rows. */
    public static RealSets of(Splits.Split split, String name) {
      return new RealSets(points(split.train()), points(split.test()), points(split.fresh()),
          name + ", " + split.perClass() + " per class, seed " + split.seed());
    }

    private static PointSet points(ImageSet s) {
      return new PointSet(Points.toDouble(s.images()), s.labels(), s.name());
    }
  }

  /**
   * What a data set contributes to every row, computed once: the real sets in M, IS(R_te)
   * and FID(R_fr, R_te).
   *
   * @param real the real sets as samples
   * @param train R_tr in M
   * @param test R_te in M
   * @param fresh R_fr in M
   * @param isTest IS(R_te)
   * @param fidFresh FID(R_fr, R_te)
   * @param encoder E
   * @param quality IS and FID
   * @param distance W in M
   */
  public record Reference(RealSets real, PointSet train, PointSet test, PointSet fresh,
      double isTest, double fidFresh, Encoder encoder, Quality quality,
      MeasureDistance distance) {
  }

  /**
   * Encodes the real sets and computes IS(R_te) and FID(R_fr, R_te).
   *
   * @param real the real sets
   * @param encoder E into M
   * @param quality IS and FID
   * @param distance W in M
   */
  public static Reference reference(RealSets real, Encoder encoder, Quality quality,
      MeasureDistance distance) {
    LOG.info("LSFAS reference for {}: encoding R_tr {}, R_te {}, R_fr {} with {}", real.name(),
        real.train().size(), real.test().size(), real.fresh().size(), encoder.name());
    double isTest = quality.inceptionScore(real.test().points());
    if (!(isTest > 1)) {
      throw new IllegalArgumentException("IS(R_te) is " + isTest + " with " + quality.name()
          + "; q_IS needs IS(R_te) > 1");
    }
    double fidFresh = quality.fid(real.fresh().points(), real.test().points());
    return new Reference(real, encoder.encode(real.train()), encoder.encode(real.test()),
        encoder.encode(real.fresh()), isTest, fidFresh, encoder, quality, distance);
  }

  /** q_IS = clip((IS(S) − 1) / (IS(R_te) − 1), 0, 1); IS(R_te) must exceed 1. */
  public static double qIs(double isSamples, double isTest) {
    if (!(isTest > 1) || !Double.isFinite(isTest) || !Double.isFinite(isSamples)) {
      throw new IllegalArgumentException("q_IS of IS(S) = " + isSamples + ", IS(R_te) = "
          + isTest + "; expected a finite IS(R_te) > 1 and a finite IS(S)");
    }
    return clip((isSamples - 1) / (isTest - 1));
  }

  /** q_FID = clip(FID(R_fr, R_te) / FID(S, R_te), 0, 1); 1 when FID(S, R_te) = 0. */
  public static double qFid(double fidFresh, double fidSamples) {
    if (!(fidFresh >= 0) || !(fidSamples >= 0) || !Double.isFinite(fidFresh)
        || !Double.isFinite(fidSamples)) {
      throw new IllegalArgumentException("q_FID of FID(R_fr, R_te) = " + fidFresh
          + ", FID(S, R_te) = " + fidSamples + "; expected both finite and ≥ 0");
    }
    return fidSamples == 0 ? 1 : clip(fidFresh / fidSamples);
  }

  /** The weighted composite of q_IS, q_FID and max(FeatureScore, 0). */
  public static double composite(double qIs, double qFid, double featureScore, Weights w) {
    if (Double.isNaN(qIs) || Double.isNaN(qFid) || Double.isNaN(featureScore)) {
      throw new IllegalArgumentException("LSFAS composite of q_IS = " + qIs + ", q_FID = " + qFid
          + ", FeatureScore = " + featureScore + "; expected numbers, not NaN");
    }
    double plus = Math.max(featureScore, 0);
    return (w.is() * qIs + w.fid() * qFid + w.feature() * plus)
        / (w.is() + w.fid() + w.feature());
  }

  /**
   * The LSFAS row of an already generated sample set.
   *
   * @param samples S, as samples (rows of p values), with labels for the per-class score
   * @param ref the data set's reference
   * @param options weights, FeatureScore options, k
   */
  public static LsfasRow score(SampleSet samples, Reference ref, Options options) {
    long t0 = System.nanoTime();
    PointSet s = ref.encoder().encode(samples.toPointSet());
    long t1 = System.nanoTime();

    // FeatureScore by OT in M, overall and per class
    FeatureScore.Result fs = FeatureScore.compute(ref.train().points(), ref.test().points(),
        ref.fresh().points(), s.points(), ref.distance(), options.featureScore());
    Map<Integer, FeatureScore.Result> perClass = Map.of();
    if (options.perClass() && s.labelled() && ref.train().labelled()) {
      perClass = FeatureScore.perClass(ref.train(), ref.test(), ref.fresh(), s,
          ref.distance(), options.featureScore());
    }
    long t2 = System.nanoTime();

    // IS and FID through the domain network
    double isS = ref.quality().inceptionScore(samples.samples());
    double fidS = fidAtEqualCount(samples.samples(), ref);
    long t3 = System.nanoTime();

    // novelty and validity in M
    double novelty = Diagnostics.novelty(ref.train().points(), s.points());
    double validity = Diagnostics.validity(
        Points.concat(ref.test().points(), ref.fresh().points()), s.points(), options.k());
    long t4 = System.nanoTime();

    double qIs = qIs(isS, ref.isTest());
    double qFid = qFid(ref.fidFresh(), fidS);
    double lsfas = composite(qIs, qFid, fs.value(), options.weights());
    LsfasRow.Timing timing = new LsfasRow.Timing((t1 - t0) / 1e9, (t2 - t1) / 1e9,
        (t3 - t2) / 1e9, (t4 - t3) / 1e9);
    LOG.info("LSFAS {} / {}: {} (q_IS {}, q_FID {}, FeatureScore {}) in {} s",
        samples.generator(), samples.operation(), lsfas, qIs, qFid, fs.value(), timing.total());
    return new LsfasRow(samples.generator(), samples.operation(), ref.real().name(),
        samples.size(), lsfas, qIs, qFid, fs, isS, ref.isTest(), fidS, ref.fidFresh(), novelty,
        validity, perClass, options.weights(), ref.encoder().name(), timing);
  }

  /**
   * The one-call entry point: generates |S| samples of {@code generator} under
   * {@code operation} and scores them.
   *
   * @param generator the generator
   * @param operation the latent operation (plain sampling, interpolation, ...)
   * @param ref the data set's reference ({@link #reference})
   * @param options options; |S| = options.samples(), or |R_tr| when 0
   * @param seed seed of the codes
   */
  public static LsfasRow evaluate(LatentGenerator generator, Operation operation,
      Reference ref, Options options, long seed) {
    int n = options.samples() == 0 ? ref.train().size() : options.samples();
    return score(operation.apply(generator, n, seed), ref, options);
  }

  /**
   * The one-call entry point for a notebook cell: encodes the split's real sets, generates
   * |R_tr| samples under {@code operation} (seed 1) and returns the row, with OT in M by
   * {@link Distances#auto()} and the default {@link Options}.
   *
   * @param generator the generator
   * @param operation the latent operation
   * @param split train / fresh / test split of a data set (images)
   * @param encoder E into M
   * @param quality IS and FID through the domain network
   */
  public static LsfasRow row(LatentGenerator generator, Operation operation,
      Splits.Split split, Encoder encoder, Quality quality) {
    Reference ref = reference(RealSets.of(split, split.train().name()), encoder, quality,
        Distances.auto());
    return evaluate(generator, operation, ref, Options.defaults(), 1);
  }

  /**
   * FID(S, R_te) at the sample count of FID(R_fr, R_te) (FID is biased by N, METRICS.md):
   * the mean over the disjoint blocks of |R_fr| consecutive rows of S, or FID of all of S,
   * with a WARN, when S is smaller than R_fr.
   */
  static double fidAtEqualCount(double[][] samples, Reference ref) {
    int block = ref.real().fresh().size();
    double[][] test = ref.real().test().points();
    if (samples.length < block) {
      LOG.warn("FID(S, R_te) on {} samples but FID(R_fr, R_te) on {}: FID is biased by N,"
          + " so q_FID compares unequal counts; generate at least |R_fr| samples",
          samples.length, block);
      return ref.quality().fid(samples, test);
    }
    int blocks = samples.length / block;
    double sum = 0;
    for (int b = 0; b < blocks; b++) {
      sum += ref.quality().fid(java.util.Arrays.copyOfRange(samples, b * block,
          (b + 1) * block), test);
    }
    return sum / blocks;
  }

  private static double clip(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
