package lab.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;

/** A tiny model for trainer and checkpoint tests: x = a ⊙ z + b, fitted by moment matching. */
final class ShiftModel extends GenerativeModel {

  record Config(int dim, double lr) {
  }

  private final Config config;
  private final NDArray a;
  private final NDArray b;
  private final Adam adam;

  ShiftModel(Config config, long seed) {
    super(seed);
    this.config = config;
    this.a = params.normal("g.a", 1.0, config.dim());
    this.b = params.normal("g.b", 1.0, config.dim());
    this.adam = new Adam(params, "g.", config.lr(), 0.5, 0.999);
  }

  @Override
  public String kind() {
    return "shift";
  }

  @Override
  public Record config() {
    return config;
  }

  @Override
  public List<String> lossNames() {
    return List.of("moments");
  }

  @Override
  public int dim() {
    return config.dim();
  }

  @Override
  public int classes() {
    return 0;
  }

  @Override
  protected float[] trainStep(NDArray x, NDArray labels) {
    int n = (int) x.getShape().get(0);
    try (GradientCollector gc = Torch.engine().newGradientCollector()) {
      NDArray fake = generate(n, null);
      NDArray loss = fake.mean(new int[] {0}).sub(x.mean(new int[] {0})).square().sum()
          .add(fake.square().mean(new int[] {0}).sub(x.square().mean(new int[] {0}))
              .square().sum());
      gc.backward(loss);
      adam.step();
      return new float[] {loss.getFloat()};
    }
  }

  @Override
  protected NDArray generate(int n, NDArray labels) {
    NDArray z = manager.randomNormal(new Shape(n, config.dim()));
    return z.mul(a).add(b);
  }
}
