package lab.latent;

import lab.data.ImageSet;
import lab.data.PointSet;

/**
 * A map E from samples (images or toy points) into the common latent space M: the encoder of
 * an autoencoder trained on the real training data (AE-OT's encoder), or the feature layer of
 * the domain classifier. Every generator's samples go through the same E, so their
 * distributions can be compared in M (PAPER.md §3.3).
 *
 * <p>Shapes: {@link #encode(double[][])} maps n × p samples (p = pixels for images, the
 * ambient dimension for toy points) to n × {@link #dim()} points of M. Implementations must
 * encode each sample independently of its batch-mates (networks in inference mode).
 */
public interface Encoder {

  /** What M is, e.g. "AE encoder (32-d)" or "classifier features (128-d)". */
  String name();

  /** Dimension of M. */
  int dim();

  /**
   * The points of M of n samples.
   *
   * @param samples n × p samples (not modified)
   * @return n × dim() points
   */
  double[][] encode(double[][] samples);

  /** The points of M of images (pixels as doubles, row-major). */
  default double[][] encode(ImageSet images) {
    return encode(Points.toDouble(images.images()));
  }

  /** The points of M of a point set, with its labels and name. */
  default PointSet encode(PointSet set) {
    return new PointSet(encode(set.points()), set.labels(), set.name() + " in M");
  }

  /** The identity: M is the sample space itself (toy data, tests), of dimension d. */
  static Encoder identity(int d) {
    if (d < 1) {
      throw new IllegalArgumentException("identity dimension is " + d + "; expected ≥ 1");
    }
    return new Encoder() {
      @Override
      public String name() {
        return "identity (" + d + "-d)";
      }

      @Override
      public int dim() {
        return d;
      }

      @Override
      public double[][] encode(double[][] samples) {
        if (Points.check("samples", samples) != d) {
          throw new IllegalArgumentException("identity encoder takes " + d
              + " columns but samples have " + samples[0].length);
        }
        return samples;
      }
    };
  }

  /**
   * The affine map x ↦ A x + b.
   *
   * @param name what M is
   * @param a dim × p matrix (not copied)
   * @param b offset of length dim (not copied)
   */
  static Encoder linear(String name, double[][] a, double[] b) {
    int dim = Points.check("A", a);
    if (b == null || b.length != a.length) {
      throw new IllegalArgumentException("offset b has length "
          + (b == null ? "null" : b.length) + "; expected " + a.length + " (rows of A)");
    }
    int rows = a.length;
    return new Encoder() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public int dim() {
        return rows;
      }

      @Override
      public double[][] encode(double[][] samples) {
        Points.check("samples", samples);
        if (samples[0].length != dim) {
          throw new IllegalArgumentException("encoder '" + name + "' takes " + dim
              + " columns but samples have " + samples[0].length);
        }
        double[][] y = new double[samples.length][rows];
        for (int i = 0; i < samples.length; i++) {
          for (int r = 0; r < rows; r++) {
            y[i][r] = Points.dot(a[r], samples[i]) + b[r];
          }
        }
        return y;
      }
    };
  }
}
