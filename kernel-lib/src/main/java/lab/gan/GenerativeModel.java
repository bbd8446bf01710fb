package lab.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;

/**
 * A generator with its training rule: a {@link TrainableModel} that also draws samples. Every
 * sampling call runs inside an {@link NDScope} and is seeded.
 *
 * <p>Data: each sample is a row of {@link #dim()} floats (a 2-D or 3-D point, or a 28×28 image
 * flattened row by row with values in [0, 1]); class-conditional models take a label in
 * [0, {@link #classes()}) per sample.
 */
public abstract class GenerativeModel extends TrainableModel {

  /**
   * @param seed seed of the initial parameters
   */
  protected GenerativeModel(long seed) {
    super(seed);
  }

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
}
