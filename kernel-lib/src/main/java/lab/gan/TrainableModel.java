package lab.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A network with its training rule: the unit the {@link Trainer} drives and the
 * {@link Checkpoint} saves. Generators extend it as {@link GenerativeModel}; a classifier (the
 * domain network of lab.metrics) extends it directly.
 *
 * <p>A model owns one {@link NDManager}; its parameters, optimiser moments and buffers live there
 * in a {@link Params}. Every step runs inside an {@link NDScope}, so the arrays a step makes are
 * closed when it ends. Close the model to free its native memory.
 *
 * <p>Data: each sample is a row of {@link #dim()} floats (a 2-D or 3-D point, or a 28×28 image
 * flattened row by row with values in [0, 1]); class-conditional models take a label in
 * [0, {@link #classes()}) per sample.
 */
public abstract class TrainableModel implements AutoCloseable {

  /** Owner of every array of the model. */
  protected final NDManager manager;
  /** Parameters, optimiser state and buffers. */
  protected final Params params;
  private long step;
  private final List<float[]> history = new ArrayList<>();

  /**
   * @param seed seed of the initial parameters
   */
  protected TrainableModel(long seed) {
    this.manager = Torch.engine().newBaseManager();
    this.params = new Params(manager, seed);
  }

  /** Short name of the model family, stored in checkpoints (e.g. {@code "wgan-gp"}). */
  public abstract String kind();

  /** The configuration record; a checkpoint loads only into a model of equal configuration. */
  public abstract Record config();

  /** Names of the losses {@link #trainStep} returns, in order. */
  public abstract List<String> lossNames();

  /** Floats per sample. */
  public abstract int dim();

  /** Number of classes of a conditional model, 0 for an unconditional one. */
  public abstract int classes();

  /**
   * One optimisation step on a batch. Runs inside an {@link NDScope} opened by the caller, after
   * the engine was seeded for this step.
   *
   * @param x batch, B × {@link #dim()}
   * @param labels B labels (int32) for a conditional model, else {@code null}
   * @return the step's losses, in the order of {@link #lossNames()}
   */
  protected abstract float[] trainStep(NDArray x, NDArray labels);

  void checkLabels(int[] labels, int n) {
    if (classes() == 0 && labels != null) {
      throw new IllegalArgumentException(kind() + " is unconditional but labels were given");
    }
    if (classes() > 0) {
      if (labels == null || labels.length != n) {
        throw new IllegalArgumentException(kind() + " is conditional on " + classes()
            + " classes: expected " + n + " labels, got "
            + (labels == null ? "none" : String.valueOf(labels.length)));
      }
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] < 0 || labels[i] >= classes()) {
          throw new IllegalArgumentException("label " + i + " is " + labels[i]
              + ", expected 0.." + (classes() - 1));
        }
      }
    }
  }

  /** The model's arrays (parameters, optimiser state, buffers). */
  public Params params() {
    return params;
  }

  /** Training steps done so far. */
  public long step() {
    return step;
  }

  /** Losses of every step done so far, one row per step (unmodifiable). */
  public List<float[]> history() {
    return Collections.unmodifiableList(history);
  }

  void recordStep(float[] losses) {
    history.add(losses);
    step++;
  }

  void restore(long steps, List<float[]> losses) {
    this.step = steps;
    history.clear();
    history.addAll(losses);
  }

  /** Turns a B × dim batch into a B × 1 × 28 × 28 image batch (for image models). */
  protected static NDArray asImages(NDArray x, int side) {
    return x.reshape(new Shape(x.getShape().get(0), 1, side, side));
  }

  @Override
  public void close() {
    manager.close();
  }
}
