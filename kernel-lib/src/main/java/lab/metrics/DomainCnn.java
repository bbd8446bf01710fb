package lab.metrics;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import java.util.List;
import lab.gan.Adam;
import lab.gan.TrainableModel;
import lab.gan.Torch;

/**
 * The small CNN classifier behind {@link DomainNet} and the classifier scores, on the training
 * infrastructure of {@code lab.gan} ({@link lab.gan.Params}, {@link Adam},
 * {@link lab.gan.Trainer}, {@link lab.gan.Checkpoint}).
 *
 * <p>Layers, for 28 × 28 grey images: conv 3×3 (1 → c₁, padding 1), ReLU, max-pool 2×2;
 * conv 3×3 (c₁ → c₂, padding 1), ReLU, max-pool 2×2; dense 7·7·c₂ → h, ReLU (the features);
 * dense h → classes (the logits). No batch normalisation and no dropout, so inference is a pure
 * function of each image. Loss: mean softmax cross-entropy; Adam (β 0.9 / 0.999). He-normal
 * initial weights from the seed, zero biases.
 */
final class DomainCnn extends TrainableModel {

  /**
   * Architecture and optimiser: stored in the checkpoint, which loads only into an equal one.
   *
   * @param conv1 channels of the first convolution, ≥ 1
   * @param conv2 channels of the second convolution, ≥ 1
   * @param hidden feature dimension, ≥ 1
   * @param classes number of classes, ≥ 2
   * @param learningRate Adam step size, &gt; 0
   */
  record Config(int conv1, int conv2, int hidden, int classes, double learningRate) {
    Config {
      Checks.atLeast("conv1 channels", conv1, 1);
      Checks.atLeast("conv2 channels", conv2, 1);
      Checks.atLeast("hidden units", hidden, 1);
      Checks.atLeast("classes", classes, 2);
      if (!(learningRate > 0)) {
        throw new IllegalArgumentException("learning rate is " + learningRate
            + ", expected > 0");
      }
    }
  }

  static final int SIDE = 28;

  private final Config config;
  private final NDArray w1;
  private final NDArray b1;
  private final NDArray w2;
  private final NDArray b2;
  private final NDArray w3;
  private final NDArray b3;
  private final NDArray w4;
  private final NDArray b4;
  private final Adam adam;

  DomainCnn(Config config, long seed) {
    super(seed);
    this.config = config;
    int flat = 7 * 7 * config.conv2();
    w1 = params.normal("c.conv1.w", Math.sqrt(2.0 / 9), config.conv1(), 1, 3, 3);
    b1 = params.constant("c.conv1.b", 0f, config.conv1());
    w2 = params.normal("c.conv2.w", Math.sqrt(2.0 / (9 * config.conv1())), config.conv2(),
        config.conv1(), 3, 3);
    b2 = params.constant("c.conv2.b", 0f, config.conv2());
    w3 = params.normal("c.dense1.w", Math.sqrt(2.0 / flat), flat, config.hidden());
    b3 = params.constant("c.dense1.b", 0f, config.hidden());
    w4 = params.normal("c.dense2.w", Math.sqrt(1.0 / config.hidden()), config.hidden(),
        config.classes());
    b4 = params.constant("c.dense2.b", 0f, config.classes());
    adam = new Adam(params, "c.", config.learningRate(), 0.9, 0.999);
  }

  @Override
  public String kind() {
    return "domain-cnn";
  }

  @Override
  public Record config() {
    return config;
  }

  Config cnnConfig() {
    return config;
  }

  @Override
  public List<String> lossNames() {
    return List.of("cross-entropy");
  }

  @Override
  public int dim() {
    return SIDE * SIDE;
  }

  @Override
  public int classes() {
    return config.classes();
  }

  /** Features (B × hidden) of a B × 784 batch. */
  NDArray features(NDArray x) {
    NDArray img = asImages(x, SIDE);
    NDArray h = Conv2d.conv2d(img, w1, b1, new Shape(1, 1), new Shape(1, 1)).singletonOrThrow();
    h = Pool.maxPool2d(Activation.relu(h), new Shape(2, 2), new Shape(2, 2), new Shape(0, 0),
        false);
    h = Conv2d.conv2d(h, w2, b2, new Shape(1, 1), new Shape(1, 1)).singletonOrThrow();
    h = Pool.maxPool2d(Activation.relu(h), new Shape(2, 2), new Shape(2, 2), new Shape(0, 0),
        false);
    h = h.reshape(new Shape(h.getShape().get(0), -1));
    return Activation.relu(h.matMul(w3).add(b3));
  }

  /** Logits (B × classes) from features. */
  NDArray logits(NDArray features) {
    return features.matMul(w4).add(b4);
  }

  @Override
  protected float[] trainStep(NDArray x, NDArray labels) {
    Engine engine = Torch.engine();
    try (GradientCollector gc = engine.newGradientCollector()) {
      NDArray logp = logits(features(x)).logSoftmax(1);
      NDArray loss = logp.mul(labels.oneHot(config.classes())).sum().neg()
          .div(x.getShape().get(0));
      gc.backward(loss);
      adam.step();
      return new float[] {loss.getFloat()};
    }
  }

  /** The model's manager, for inference arrays. */
  ai.djl.ndarray.NDManager manager() {
    return manager;
  }
}
