package lab.latent;

import lab.gan.Autoencoder;

/**
 * The common space M as the latent space of an autoencoder trained on the real training data
 * (AE-OT's autoencoder, lab.gan): its encoder is the {@link Encoder} into M, and its decoder
 * turns M into a {@link LatentSpace} whose properties can be measured like Z's and W's.
 *
 * @apiNote The model is not closed here; close it where it was opened.
 */
public final class AutoencoderSpace {

  private AutoencoderSpace() {
  }

  /**
   * The encoder E into M.
   *
   * @param ae a trained autoencoder (not closed here)
   * @param name what M is, e.g. "AE (Fashion-MNIST, 32-d)"
   */
  public static Encoder encoder(Autoencoder ae, String name) {
    int dim = ae.latent();
    int p = ae.dim();
    return new Encoder() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public int dim() {
        return dim;
      }

      @Override
      public double[][] encode(double[][] samples) {
        if (Points.check("samples", samples) != p) {
          throw new IllegalArgumentException("encoder '" + name + "' takes " + p
              + " values per sample but got " + samples[0].length);
        }
        return StyleGanLatent.toDouble(ae.encode(StyleGanLatent.toFloat(samples)));
      }
    };
  }

  /**
   * M as a latent space: codes are rows of {@code codes} (e.g. the encoded real training set),
   * drawn with replacement; the decoder is the autoencoder's.
   *
   * @param ae the autoencoder
   * @param name the space's name
   * @param codes n × latent points of M
   */
  public static LatentSpace space(Autoencoder ae, String name, double[][] codes) {
    if (Points.check("codes of " + name, codes) != ae.latent()) {
      throw new IllegalArgumentException("'" + name + "' codes have " + codes[0].length
          + " coordinates; the autoencoder's M has " + ae.latent());
    }
    return LatentSpace.ofCodes(name, codes,
        c -> StyleGanLatent.toDouble(ae.decode(StyleGanLatent.toFloat(c))));
  }
}
