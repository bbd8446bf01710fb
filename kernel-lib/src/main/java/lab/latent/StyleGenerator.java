package lab.latent;

import java.util.Random;

/**
 * A StyleGAN-like generator: a mapping network Z → W and a synthesis network that takes one
 * style vector w per layer (Karras et al., "A style-based generator architecture for GANs",
 * CVPR 2019). Style mixing feeds different w to different layers; truncation pulls w towards
 * the mean style w̄.
 *
 * <p>Shapes: z is n × k, w is n × {@link #styleDim()}, per-layer styles are
 * [{@link #layers()}][n][styleDim].
 */
public interface StyleGenerator extends LatentGenerator {

  /** Number of layers that take a style. */
  int layers();

  /** Dimension of W. */
  int styleDim();

  /**
   * The mapping network.
   *
   * @param codes n × k codes z
   * @return n × styleDim styles w
   */
  double[][] map(double[][] codes);

  /**
   * The synthesis network with one style per layer.
   *
   * @param styles [layers][n][styleDim] (not modified)
   * @return n × p samples
   */
  double[][] synthesise(double[][][] styles);

  /** G(z) = synthesis of map(z) at every layer. */
  @Override
  default double[][] decode(double[][] codes) {
    return synthesise(broadcast(map(codes)));
  }

  /** The same style at every layer, [layers][n][styleDim]. */
  default double[][][] broadcast(double[][] w) {
    double[][][] s = new double[layers()][][];
    for (int l = 0; l < s.length; l++) {
      s[l] = w;
    }
    return s;
  }

  /**
   * The mean style w̄, estimated from {@code n} seeded prior codes through the mapping network
   * (StyleGAN estimates it the same way, from a running average).
   */
  default double[] meanStyle(int n, long seed) {
    double[][] w = map(sampleCodes(n, new Random(seed)));
    return Distances.mean(w);
  }
}
