package lab.metrics;

import lab.data.ImageSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores that train a classifier: the classification accuracy score (Ravuri and Vinyals,
 * "Classification accuracy score for conditional generative models", NeurIPS 2019) and the
 * augmentation gain of generated data.
 *
 * <ul>
 *   <li>CAS: a classifier trained only on generated images (labels from the conditional
 *       generator), accuracy on real held-out images.</li>
 *   <li>Augmentation gain: accuracy with real + generated training images minus accuracy with
 *       the real images alone, next to the gain of real + the same number of fresh real
 *       images (the upper reference).</li>
 * </ul>
 * The classifier is the domain network's CNN ({@link DomainNet}, trained without checkpoint),
 * trained once per seed {@code firstSeed, firstSeed + 1, ...}; every accuracy is reported as
 * mean ± (population) standard deviation over the seeds. Bit-exact at a fixed thread count.
 */
public final class ClassifierScores {

  /** Training runs per setting. */
  public static final int DEFAULT_REPEATS = 3;

  private static final Logger LOG = LoggerFactory.getLogger(ClassifierScores.class);

  private ClassifierScores() {
  }

  /**
   * Options.
   *
   * @param classifier architecture and training of each run (its seed is replaced by
   *     firstSeed + run)
   * @param repeats training runs per setting, ≥ 1
   * @param firstSeed seed of the first run
   */
  public record Options(DomainNet.Options classifier, int repeats, long firstSeed) {
    /** Checks repeats ≥ 1 and a classifier. */
    public Options {
      if (classifier == null) {
        throw new IllegalArgumentException("classifier options are null");
      }
      Checks.atLeast("repeats", repeats, 1);
    }

    /** The domain network's CNN for 10 epochs, 3 runs, seeds 1, 2, 3. */
    public Options() {
      this(new DomainNet.Options().withEpochs(10), DEFAULT_REPEATS, 1);
    }
  }

  /**
   * Accuracies over the runs (↑ better).
   *
   * @param mean mean accuracy
   * @param std population standard deviation
   * @param values accuracy of each run
   */
  public record MeanStd(double mean, double std, double[] values) {
    /** "0.912 ± 0.004". */
    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "%.4f ± %.4f", mean, std);
    }
  }

  /**
   * The augmentation comparison.
   *
   * @param realOnly accuracy trained on the real images
   * @param realPlusGenerated accuracy trained on real + generated
   * @param realPlusFresh accuracy trained on real + fresh real
   * @param gain realPlusGenerated.mean − realOnly.mean
   * @param freshGain realPlusFresh.mean − realOnly.mean (the reference)
   */
  public record Gain(MeanStd realOnly, MeanStd realPlusGenerated, MeanStd realPlusFresh,
      double gain, double freshGain) {
  }

  /**
   * CAS: train on {@code generated}, test on {@code realTest}.
   *
   * @param generated labelled generated images (as many as the real training set)
   * @param realTest labelled real held-out images
   */
  public static MeanStd cas(ImageSet generated, ImageSet realTest, Options options) {
    labelled("generated images", generated);
    labelled("real test images", realTest);
    LOG.info("CAS: {} generated training images, {} real test images, {} runs",
        generated.size(), realTest.size(), options.repeats());
    return accuracy(generated, realTest, options);
  }

  /**
   * Augmentation gain of {@code generated} over {@code real}, compared with {@code fresh}.
   *
   * @param real labelled real training images
   * @param generated labelled generated images, as many as {@code fresh}
   * @param fresh labelled real images disjoint from {@code real} and {@code test}
   * @param test labelled real held-out images
   * @throws IllegalArgumentException for unlabelled sets or when generated and fresh differ
   *     in size (the comparison holds the number of added images fixed)
   */
  public static Gain augmentationGain(ImageSet real, ImageSet generated, ImageSet fresh,
      ImageSet test, Options options) {
    labelled("real training images", real);
    labelled("generated images", generated);
    labelled("fresh real images", fresh);
    labelled("real test images", test);
    if (generated.size() != fresh.size()) {
      throw new IllegalArgumentException("generated images '" + generated.name() + "' are "
          + generated.size() + " but fresh real images '" + fresh.name() + "' are "
          + fresh.size() + ", expected the same number of added images");
    }
    LOG.info("augmentation gain: {} real + {} generated or fresh, {} runs each", real.size(),
        generated.size(), options.repeats());
    MeanStd base = accuracy(real, test, options);
    MeanStd withGenerated = accuracy(concat(real, generated), test, options);
    MeanStd withFresh = accuracy(concat(real, fresh), test, options);
    return new Gain(base, withGenerated, withFresh, withGenerated.mean() - base.mean(),
        withFresh.mean() - base.mean());
  }

  private static MeanStd accuracy(ImageSet train, ImageSet test, Options options) {
    double[] acc = new double[options.repeats()];
    for (int r = 0; r < acc.length; r++) {
      DomainNet.Options o = options.classifier().withSeed(options.firstSeed() + r);
      try (DomainNet net = DomainNet.trainFresh("classifier", train, o)) {
        acc[r] = net.accuracy(test);
      }
    }
    double mean = 0;
    for (double a : acc) {
      mean += a;
    }
    mean /= acc.length;
    double var = 0;
    for (double a : acc) {
      var += (a - mean) * (a - mean);
    }
    return new MeanStd(mean, Math.sqrt(var / acc.length), acc);
  }

  private static void labelled(String what, ImageSet set) {
    if (set.size() == 0) {
      throw new IllegalArgumentException(what + " '" + set.name() + "' are empty (0 × "
          + set.pixels() + ")");
    }
    if (!set.labelled()) {
      throw new IllegalArgumentException(what + " '" + set.name() + "' (" + set.size()
          + " × " + set.pixels() + ") have no labels");
    }
  }

  /** The images of a followed by those of b (rows shared). */
  static ImageSet concat(ImageSet a, ImageSet b) {
    if (a.height() != b.height() || a.width() != b.width()) {
      throw new IllegalArgumentException("images '" + a.name() + "' are " + a.height() + " × "
          + a.width() + " but '" + b.name() + "' are " + b.height() + " × " + b.width());
    }
    float[][] x = new float[a.size() + b.size()][];
    int[] y = new int[x.length];
    for (int i = 0; i < a.size(); i++) {
      x[i] = a.images()[i];
      y[i] = a.labels()[i];
    }
    for (int i = 0; i < b.size(); i++) {
      x[a.size() + i] = b.images()[i];
      y[a.size() + i] = b.labels()[i];
    }
    return new ImageSet(x, y, a.height(), a.width(), a.name() + " + " + b.name());
  }
}
