package lab.metrics;

import lab.data.ImageSet;

/**
 * A network that maps images to feature vectors (for FID, KID, precision/recall, PPL) and to
 * class probabilities (for the inception score).
 *
 * <p>Contract: the network runs in inference mode only (no dropout, batch statistics frozen),
 * so the features of an image never depend on the other images of its batch; implementations
 * test this (case I2). Scores computed on these features are named after the extractor, e.g.
 * "FID (FMNIST-Net features)", see {@link #label(String)}.
 */
public interface FeatureExtractor extends AutoCloseable {

  /** Short name shown with the scores, e.g. {@code "FMNIST-Net"} or {@code "Inception-v3"}. */
  String name();

  /** Feature dimension d. */
  int dim();

  /** Number of classes of {@link #probabilities}. */
  int classes();

  /**
   * Features and class probabilities of every image.
   *
   * @param images n images with finite pixels; not modified
   * @return n × {@link #dim()} features and n × {@link #classes()} probabilities
   */
  Output extract(ImageSet images);

  /** The n × {@link #dim()} features of the images (double precision copies). */
  default double[][] features(ImageSet images) {
    return extract(images).features();
  }

  /** The n × {@link #classes()} softmax class probabilities of the images. */
  default double[][] probabilities(ImageSet images) {
    return extract(images).probabilities();
  }

  /** "metric (name features)", the label of a score computed on these features. */
  default String label(String metric) {
    return metric + " (" + name() + " features)";
  }

  /** Releases native resources; the default has none. */
  @Override
  default void close() {
  }

  /**
   * What an extractor computes for a batch.
   *
   * @param features n × d
   * @param probabilities n × classes, each row summing to 1 (or {@code null} when the network
   *     has no classifier head)
   */
  record Output(double[][] features, double[][] probabilities) {
  }
}
