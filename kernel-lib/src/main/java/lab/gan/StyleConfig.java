package lab.gan;

/**
 * Configuration of a {@link StyleGan}.
 *
 * @param image image form (28 × 28) or toy form (points)
 * @param dim floats per sample: 2 or 3 for points, 784 for images
 * @param latent dimension of z, ≥ 1
 * @param wDim dimension of w, ≥ 1
 * @param mappingLayers dense layers of the mapping network z → w, ≥ 1
 * @param width hidden width (toy) or base channel count (image), ≥ 1
 * @param classes number of classes for a conditional model, 0 for unconditional
 * @param lr learning rate of synthesis network and discriminator &gt; 0 (Adam β = (0, 0.99))
 * @param mappingLrScale factor on {@code lr} for the mapping network, in (0, 1] (StyleGAN: 0.01)
 * @param mixing probability of style mixing regularisation per step, in [0, 1] (StyleGAN: 0.9)
 * @param r1 weight γ of the R1 penalty (γ/2)·E‖∇ₓD(x)‖² on real data, ≥ 0
 */
public record StyleConfig(boolean image, int dim, int latent, int wDim, int mappingLayers,
    int width, int classes, double lr, double mappingLrScale, double mixing, double r1) {

  /** Checks every field. */
  public StyleConfig {
    if (image && dim != 784) {
      throw new IllegalArgumentException("image form needs dim 784 (28 × 28), got " + dim);
    }
    if (!image && (dim < 1 || dim > 64)) {
      throw new IllegalArgumentException("toy form: dim is " + dim + ", expected 1..64");
    }
    if (latent < 1 || wDim < 1 || mappingLayers < 1 || width < 1 || classes < 0) {
      throw new IllegalArgumentException("latent " + latent + ", wDim " + wDim
          + ", mappingLayers " + mappingLayers + ", width " + width + ", classes " + classes
          + ": expected all ≥ 1 and classes ≥ 0");
    }
    if (!(lr > 0) || !Double.isFinite(lr) || !(mappingLrScale > 0 && mappingLrScale <= 1)) {
      throw new IllegalArgumentException("lr " + lr + ", mappingLrScale " + mappingLrScale
          + ": expected a finite lr > 0 and scale in (0, 1]");
    }
    if (!(mixing >= 0 && mixing <= 1) || !(r1 >= 0) || !Double.isFinite(r1)) {
      throw new IllegalArgumentException("mixing " + mixing + ", r1 " + r1
          + ": expected mixing in [0, 1] and a finite r1 ≥ 0");
    }
  }

  /** Toy defaults: latent 8, w 32, 3 mapping layers, width 128, lr 10⁻³, γ = 0.1. */
  public static StyleConfig toy(int dim) {
    return new StyleConfig(false, dim, 8, 32, 3, 128, 0, 1e-3, 0.01, 0.9, 0.1);
  }

  /** Image defaults: latent 64, w 64, 4 mapping layers, base width 32, lr 2·10⁻³, γ = 1. */
  public static StyleConfig images() {
    return new StyleConfig(true, 784, 64, 64, 4, 32, 0, 2e-3, 0.01, 0.9, 1.0);
  }

  /** The class-conditional form with k classes. */
  public StyleConfig conditional(int k) {
    if (k < 2) {
      throw new IllegalArgumentException("conditional: " + k + " classes, expected at least 2");
    }
    return new StyleConfig(image, dim, latent, wDim, mappingLayers, width, k, lr,
        mappingLrScale, mixing, r1);
  }

  /** A copy with another width. */
  public StyleConfig withWidth(int w) {
    return new StyleConfig(image, dim, latent, wDim, mappingLayers, w, classes, lr,
        mappingLrScale, mixing, r1);
  }

  /** A copy with another mixing probability. */
  public StyleConfig withMixing(double p) {
    return new StyleConfig(image, dim, latent, wDim, mappingLayers, width, classes, lr,
        mappingLrScale, p, r1);
  }

  /** A copy with another mapping learning-rate factor. */
  public StyleConfig withMappingLrScale(double s) {
    return new StyleConfig(image, dim, latent, wDim, mappingLayers, width, classes, lr, s,
        mixing, r1);
  }
}
