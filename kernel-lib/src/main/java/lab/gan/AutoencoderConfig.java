package lab.gan;

/**
 * Configuration of an {@link Autoencoder}.
 *
 * @param image image form (28 × 28, convolutional) or toy form (dense, points)
 * @param dim floats per sample: 2 or 3 for points, 784 for images
 * @param latent code dimension, ≥ 1 (the AE-OT latent and the common space M)
 * @param width hidden width (toy) or base channel count (image), ≥ 1
 * @param lr Adam learning rate &gt; 0 (β = (0.9, 0.999))
 */
public record AutoencoderConfig(boolean image, int dim, int latent, int width, double lr) {

  /** Checks every field. */
  public AutoencoderConfig {
    if (image && dim != 784) {
      throw new IllegalArgumentException("image form needs dim 784 (28 × 28), got " + dim);
    }
    if (!image && (dim < 1 || dim > 64)) {
      throw new IllegalArgumentException("toy form: dim is " + dim + ", expected 1..64");
    }
    if (latent < 1 || width < 1) {
      throw new IllegalArgumentException("latent " + latent + ", width " + width
          + ": expected both ≥ 1");
    }
    if (!(lr > 0) || !Double.isFinite(lr)) {
      throw new IllegalArgumentException("lr is " + lr + ", expected a finite lr > 0");
    }
  }

  /** Toy defaults: width 64, learning rate 10⁻³. */
  public static AutoencoderConfig toy(int dim, int latent) {
    return new AutoencoderConfig(false, dim, latent, 64, 1e-3);
  }

  /** Image defaults: base width 32, learning rate 10⁻³. */
  public static AutoencoderConfig image(int latent) {
    return new AutoencoderConfig(true, 784, latent, 32, 1e-3);
  }

  /** A copy with another width. */
  public AutoencoderConfig withWidth(int w) {
    return new AutoencoderConfig(image, dim, latent, w, lr);
  }
}
