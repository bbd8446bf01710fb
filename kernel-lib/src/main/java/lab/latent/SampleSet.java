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

  /**
   * Samples that come from no latent code, e.g. classic augmentation, copies of R_tr or fresh
   * real images scored as baselines: the n images as rows of h·w values, labels kept, no
   * codes.
   *
   * @param source what made the images, e.g. "classic augmentation"
   * @param operation how, e.g. "shift, rotate, flip"
   * @param images n images with pixels in [0, 1] (not modified)
   */
  public static SampleSet of(String source, String operation, ImageSet images) {
    if (images == null || images.size() == 0) {
      throw new IllegalArgumentException("samples of " + source + " / " + operation + ": "
          + (images == null ? "null" : "0 images") + "; expected at least one image");
    }
    return new SampleSet(source, operation, null, Points.toDouble(images.images()),
        images.labels());
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
