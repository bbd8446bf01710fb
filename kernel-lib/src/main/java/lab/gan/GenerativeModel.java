package lab.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A generator with its training rule: the unit the {@link Trainer} drives and the
 * {@link Checkpoint} saves.
 *
 * <p>A model owns one {@link NDManager}; its parameters, optimiser moments and buffers live there
 * in a {@link Params}. Every step and every sampling call runs inside an {@link NDScope}, so the
 * arrays a step makes are closed when it ends. Close the model to free its native memory.
 *
 * <p>Data: each sample is a row of {@link #dim()} floats (a 2-D or 3-D point, or a 28×28 image
 * flattened row by row with values in [0, 1]); class-conditional models take a label in
 * [0, {@link #classes()}) per sample.
 */
public abstract class GenerativeModel implements AutoCloseable {

  /** Owner of every array of the model. */
  protected final NDManager manager;
  /** Parameters, optimiser state and buffers. */
  protected final Params params;
  private long step;
  private final List<float[]> history = new ArrayList<>();

  /**
   * @param seed seed of the initial parameters
   */
  protected GenerativeModel(long seed) {
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

  /**
   * Generator output for the given latent draws, B × {@link #dim()}; called in a scope.
   *
   * @param n number of samples
   * @param labels n labels for a conditional model, else {@code null}
   */
  protected abstract NDArray generate(int n, NDArray labels);

  /**
   * n samples, each a row of {@link #dim()} floats, seeded: the same seed gives the same samples.
   *
   * @param n number of samples, at least 1
   * @param labels n class labels for a conditional model, else {@code null}
   * @param seed seed of the latent draws
   */
  public float[][] sample(int n, int[] labels, long seed) {
    if (n < 1) {
      throw new IllegalArgumentException("sample: n is " + n + ", expected at least 1");
    }
    checkLabels(labels, n);
    Torch.seed(seed);
    float[][] out = new float[n][];
    int chunk = 256;
    for (int from = 0; from < n; from += chunk) {
      int b = Math.min(chunk, n - from);
      try (NDScope scope = new NDScope()) {
        NDArray y = null;
        if (labels != null) {
          int[] part = new int[b];
          System.arraycopy(labels, from, part, 0, b);
          y = manager.create(part);
        }
        float[] flat = generate(b, y).toFloatArray();
        for (int i = 0; i < b; i++) {
          out[from + i] = new float[dim()];
          System.arraycopy(flat, i * dim(), out[from + i], 0, dim());
        }
      }
    }
    return out;
  }

  /** n unconditional samples. */
  public float[][] sample(int n, long seed) {
    return sample(n, null, seed);
  }

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
