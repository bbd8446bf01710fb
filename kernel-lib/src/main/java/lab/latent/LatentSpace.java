package lab.latent;

import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * A latent space as the properties see it: a way to draw codes and a decoder from codes to
 * samples. Z of any generator, W of a style generator (decoded with the same style at every
 * layer), or M itself with the autoencoder's decoder (codes = encoded real data).
 *
 * @param name e.g. "WGAN Z" or "StyleGAN-like W"
 * @param dim dimension of the codes
 * @param sampler (n, random) ↦ n × dim codes
 * @param decoder codes ↦ samples (n × p)
 */
public record LatentSpace(String name, int dim, BiFunction<Integer, Random, double[][]> sampler,
    UnaryOperator<double[][]> decoder) {

  /** Checks dim ≥ 1 and non-null functions. */
  public LatentSpace {
    if (dim < 1 || sampler == null || decoder == null) {
      throw new IllegalArgumentException("latent space '" + name + "': dim " + dim
          + ", sampler " + sampler + ", decoder " + decoder
          + "; expected dim ≥ 1 and both functions");
    }
  }

  /** Z of a generator: prior codes, decoded by G. */
  public static LatentSpace z(LatentGenerator g) {
    return new LatentSpace(g.name() + " Z", g.latentDim(), g::sampleCodes, g::decode);
  }

  /** W of a style generator: w = map(z) for prior z, decoded with w at every layer. */
  public static LatentSpace w(StyleGenerator g) {
    return new LatentSpace(g.name() + " W", g.styleDim(),
        (n, r) -> g.map(g.sampleCodes(n, r)), w -> g.synthesise(g.broadcast(w)));
  }

  /**
   * A space whose codes are rows drawn (seeded, with replacement) from {@code codes}, e.g. M
   * with codes = encoded real data and decoder = the autoencoder's decoder.
   */
  public static LatentSpace ofCodes(String name, double[][] codes,
      UnaryOperator<double[][]> decoder) {
    int d = Points.check("codes of " + name, codes);
    return new LatentSpace(name, d, (n, r) -> {
      double[][] c = new double[n][];
      for (int i = 0; i < n; i++) {
        c[i] = codes[r.nextInt(codes.length)];
      }
      return c;
    }, decoder);
  }

  /** n codes. */
  public double[][] sample(int n, Random random) {
    return sampler.apply(n, random);
  }

  /** The samples of the codes. */
  public double[][] decode(double[][] codes) {
    return decoder.apply(codes);
  }
}
