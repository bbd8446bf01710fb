package lab.latent;

import lab.data.ImageSet;
import lab.metrics.FeatureExtractor;
import lab.metrics.Fid;
import lab.metrics.InceptionScore;

/**
 * The alternative common space M: the feature layer of the domain classifier (a lab.metrics
 * {@link FeatureExtractor}), built through the same {@link Encoder} interface as the
 * autoencoder's M ({@link AutoencoderSpace}), so both can be compared on the three properties
 * and used for LSFAS. The same extractor also gives the IS and FID parts ({@link #quality}).
 *
 * <p>Samples are rows of height·width pixels in [0, 1]; they are wrapped as an
 * {@link ImageSet} of that shape (values outside [0, 1] are passed on unchanged).
 *
 * @apiNote The extractor is not closed here; close it where it was opened.
 */
public final class FeatureSpace {

  private FeatureSpace() {
  }

  /**
   * The encoder x ↦ features(x).
   *
   * @param extractor the domain network (inference mode)
   * @param height image height
   * @param width image width
   */
  public static Encoder encoder(FeatureExtractor extractor, int height, int width) {
    return new Encoder() {
      @Override
      public String name() {
        return extractor.name() + " features (" + extractor.dim() + "-d)";
      }

      @Override
      public int dim() {
        return extractor.dim();
      }

      @Override
      public double[][] encode(double[][] samples) {
        return extractor.features(images(samples, height, width));
      }

      @Override
      public double[][] encode(ImageSet images) {
        return extractor.features(images);
      }
    };
  }

  /**
   * IS from the extractor's class probabilities and FID on its features (lab.metrics).
   *
   * @param extractor the domain network
   * @param height image height
   * @param width image width
   */
  public static Quality quality(FeatureExtractor extractor, int height, int width) {
    return new Quality() {
      @Override
      public String name() {
        return extractor.name();
      }

      @Override
      public double inceptionScore(double[][] samples) {
        return InceptionScore.of(extractor.probabilities(images(samples, height, width)))
            .mean();
      }

      @Override
      public double fid(double[][] a, double[][] b) {
        return Fid.between(extractor.features(images(a, height, width)),
            extractor.features(images(b, height, width))).value();
      }
    };
  }

  static ImageSet images(double[][] samples, int height, int width) {
    Points.check("samples", samples);
    float[][] x = new float[samples.length][];
    for (int i = 0; i < samples.length; i++) {
      if (samples[i].length != height * width) {
        throw new IllegalArgumentException("sample " + i + " has " + samples[i].length
            + " values; expected " + height + " × " + width + " = " + height * width);
      }
      x[i] = new float[samples[i].length];
      for (int p = 0; p < x[i].length; p++) {
        x[i][p] = (float) samples[i][p];
      }
    }
    return new ImageSet(x, null, height, width, "samples");
  }
}
