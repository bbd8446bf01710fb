package lab.latent;

import lab.data.ImageSet;
import lab.data.PointSet;

/**
 * Samples produced by a generator under one latent operation, ready for any metric.
 *
 * @param generator the generator's name
 * @param operation the operation and its parameters, e.g. "extrapolate ×1.5"
 * @param codes n × k the codes decoded (for style mixing: the codes of the coarse layers)
 * @param samples n × p decoded samples
 * @param labels n class labels of a conditional generator, or {@code null}
 */
public record SampleSet(String generator, String operation, double[][] codes,
    double[][] samples, int[] labels) {

  /** Checks shapes. */
  public SampleSet {
    Points.check("samples of " + generator + " / " + operation, samples);
    if (codes != null && codes.length != samples.length) {
      throw new IllegalArgumentException(generator + " / " + operation + ": " + codes.length
          + " codes but " + samples.length + " samples");
    }
    if (labels != null && labels.length != samples.length) {
      throw new IllegalArgumentException(generator + " / " + operation + ": " + labels.length
          + " labels but " + samples.length + " samples");
    }
  }

  /** Number of samples. */
  public int size() {
    return samples.length;
  }

  /** The samples as a point set named "generator / operation". */
  public PointSet toPointSet() {
    return new PointSet(samples, labels, generator + " / " + operation);
  }

  /**
   * The samples as images of the given shape, pixels clamped to [0, 1].
   *
   * @param height image height
   * @param width image width, height·width = p
   */
  public ImageSet toImages(int height, int width) {
    float[][] x = new float[samples.length][];
    for (int i = 0; i < samples.length; i++) {
      if (samples[i].length != height * width) {
        throw new IllegalArgumentException(generator + " / " + operation + ": sample has "
            + samples[i].length + " values; expected " + height + " × " + width);
      }
      x[i] = new float[samples[i].length];
      for (int q = 0; q < x[i].length; q++) {
        x[i][q] = (float) Math.min(1, Math.max(0, samples[i][q]));
      }
    }
    return new ImageSet(x, labels, height, width, generator + " / " + operation);
  }
}
