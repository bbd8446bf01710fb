package lab.latent;

import lab.gan.Gan;

/**
 * A {@link Gan} of lab.gan (GAN, WGAN, WGAN-GP; toy or image form) seen as a
 * {@link LatentGenerator}: codes are its z (standard normal prior, dimension
 * {@code config().latent()}), decoding is {@link Gan#generateFrom} in inference mode.
 *
 * <p>A class-conditional model gets its labels from the row position: row i of a batch of
 * codes has class i mod K, for K classes. Operations pair row i of two batches, so
 * interpolation, extrapolation and mixing stay inside a class, and n codes give balanced
 * classes (up to n mod K).
 *
 * @apiNote The model is not closed here; close it where it was opened.
 */
public final class GanLatent implements LatentGenerator {

  private final Gan gan;
  private final String name;

  private GanLatent(Gan gan, String name) {
    this.gan = gan;
    this.name = name;
  }

  /**
   * The view of a GAN.
   *
   * @param gan the model (not closed by this view)
   * @param name name for tables, e.g. "WGAN-GP"
   */
  public static GanLatent of(Gan gan, String name) {
    if (gan == null) {
      throw new IllegalArgumentException("GAN '" + name + "' is null");
    }
    return new GanLatent(gan, name);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int latentDim() {
    return gan.config().latent();
  }

  @Override
  public double[][] decode(double[][] codes) {
    if (Points.check("codes of " + name, codes) != latentDim()) {
      throw new IllegalArgumentException("GAN '" + name + "' takes " + latentDim()
          + "-d codes but got " + codes[0].length);
    }
    float[][] z = new float[codes.length][latentDim()];
    for (int i = 0; i < codes.length; i++) {
      for (int k = 0; k < z[i].length; k++) {
        z[i][k] = (float) codes[i][k];
      }
    }
    float[][] x = gan.generateFrom(z, labels(codes));
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      out[i] = new double[x[i].length];
      for (int p = 0; p < x[i].length; p++) {
        out[i][p] = x[i][p];
      }
    }
    return out;
  }

  @Override
  public int[] labels(double[][] codes) {
    int k = gan.classes();
    if (k == 0) {
      return null;
    }
    int[] y = new int[codes.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = i % k;
    }
    return y;
  }
}
