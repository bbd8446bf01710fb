package lab.gan;

/**
 * Configuration of a {@link Gan}: loss, form, sizes and optimiser settings.
 *
 * <p>Defaults ({@link #toy}, {@link #image}) follow the usual settings of each loss: Adam with
 * β = (0.5, 0.999) and learning rate 2·10⁻⁴ for the non-saturating GAN (Radford et al., ICLR
 * 2016); RMSprop-like small steps with clipping c = 0.01 and 5 critic steps per generator step
 * for the clipped WGAN (Arjovsky et al., ICML 2017; here Adam with β₁ = 0 stands in for
 * RMSprop); λ = 10, 5 critic steps, Adam β = (0, 0.9) for WGAN-GP (Gulrajani et al., NeurIPS
 * 2017). The toy WGAN-GP uses larger steps (10⁻³, β = (0.5, 0.9)) and λ = 1, which
 * recovers the 8 Gaussians within a few thousand critic steps.
 *
 * @param loss the adversarial loss
 * @param image image form (28 × 28, convolutional) or toy form (dense, points)
 * @param dim floats per sample: 2 or 3 for points, 784 for images
 * @param latent latent dimension of z, ≥ 1
 * @param width hidden width (toy) or base channel count (image), ≥ 1
 * @param classes number of classes for a conditional model, 0 for unconditional
 * @param lrG generator learning rate &gt; 0
 * @param lrD critic learning rate &gt; 0
 * @param beta1 Adam β₁ in [0, 1)
 * @param beta2 Adam β₂ in [0, 1)
 * @param criticSteps critic updates per generator update, ≥ 1 (one trainer step is one critic
 *     update)
 * @param clip weight clipping bound c &gt; 0 (used by {@link Loss#WGAN_CLIP})
 * @param gpWeight gradient penalty weight λ ≥ 0 (used by {@link Loss#WGAN_GP})
 */
public record GanConfig(Loss loss, boolean image, int dim, int latent, int width, int classes,
    double lrG, double lrD, double beta1, double beta2, int criticSteps, double clip,
    double gpWeight) {

  /** The adversarial losses. */
  public enum Loss {
    /** Non-saturating GAN: D minimises softplus(−D(x)) + softplus(D(G(z))), G softplus(−D(G(z))).
     */
    NON_SATURATING,
    /** Wasserstein critic with weight clipping. */
    WGAN_CLIP,
    /** Wasserstein critic with the gradient penalty λ·E(‖∇f(x̂)‖ − 1)² on interpolates x̂. */
    WGAN_GP
  }

  /** Checks every field. */
  public GanConfig {
    if (loss == null) {
      throw new IllegalArgumentException("loss is null; expected one of Loss.values()");
    }
    if (image && dim != 784) {
      throw new IllegalArgumentException("image form needs dim 784 (28 × 28), got " + dim);
    }
    if (!image && (dim < 1 || dim > 64)) {
      throw new IllegalArgumentException("toy form: dim is " + dim + ", expected 1..64");
    }
    if (latent < 1 || width < 1 || classes < 0 || criticSteps < 1) {
      throw new IllegalArgumentException("latent " + latent + ", width " + width + ", classes "
          + classes + ", criticSteps " + criticSteps
          + ": expected latent, width, criticSteps ≥ 1 and classes ≥ 0");
    }
    if (!(lrG > 0) || !(lrD > 0) || !Double.isFinite(lrG) || !Double.isFinite(lrD)
        || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
      throw new IllegalArgumentException("lrG " + lrG + ", lrD " + lrD + ", beta1 " + beta1
          + ", beta2 " + beta2 + ": expected finite learning rates > 0 and betas in [0, 1)");
    }
    if (!(clip > 0) || !(gpWeight >= 0) || !Double.isFinite(clip)
        || !Double.isFinite(gpWeight)) {
      throw new IllegalArgumentException("clip " + clip + ", gpWeight " + gpWeight
          + ": expected a finite clip > 0 and a finite gpWeight ≥ 0");
    }
  }

  /** Defaults of the toy form (points in R^dim, 3 hidden layers of 128). */
  public static GanConfig toy(Loss loss, int dim) {
    return switch (loss) {
      case NON_SATURATING -> new GanConfig(loss, false, dim, 8, 128, 0, 2e-4, 2e-4, 0.5, 0.999,
          1, 0.01, 10);
      case WGAN_CLIP -> new GanConfig(loss, false, dim, 8, 128, 0, 1e-4, 1e-4, 0.0, 0.999, 5,
          0.01, 10);
      case WGAN_GP -> new GanConfig(loss, false, dim, 8, 128, 0, 1e-3, 1e-3, 0.5, 0.9, 5, 0.01,
          1);
    };
  }

  /** Defaults of the image form (28 × 28, base width 32, latent 64). */
  public static GanConfig image(Loss loss) {
    return switch (loss) {
      case NON_SATURATING -> new GanConfig(loss, true, 784, 64, 32, 0, 2e-4, 2e-4, 0.5, 0.999,
          1, 0.01, 10);
      case WGAN_CLIP -> new GanConfig(loss, true, 784, 64, 32, 0, 5e-5, 5e-5, 0.0, 0.999, 5,
          0.01, 10);
      case WGAN_GP -> new GanConfig(loss, true, 784, 64, 32, 0, 2e-4, 2e-4, 0.0, 0.9, 5, 0.01,
          10);
    };
  }

  /** The class-conditional form with k classes. */
  public GanConfig conditional(int k) {
    if (k < 2) {
      throw new IllegalArgumentException("conditional: " + k + " classes, expected at least 2");
    }
    return new GanConfig(loss, image, dim, latent, width, k, lrG, lrD, beta1, beta2,
        criticSteps, clip, gpWeight);
  }

  /** A copy with another width. */
  public GanConfig withWidth(int w) {
    return new GanConfig(loss, image, dim, latent, w, classes, lrG, lrD, beta1, beta2,
        criticSteps, clip, gpWeight);
  }

  /** A copy with other learning rates. */
  public GanConfig withLearningRates(double g, double d) {
    return new GanConfig(loss, image, dim, latent, width, classes, g, d, beta1, beta2,
        criticSteps, clip, gpWeight);
  }

  /** A copy with another number of critic steps per generator step. */
  public GanConfig withCriticSteps(int n) {
    return new GanConfig(loss, image, dim, latent, width, classes, lrG, lrD, beta1, beta2, n,
        clip, gpWeight);
  }
}
