package lab.metrics;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import lab.data.ImageSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Perceptual path length of a generator (Karras, Laine and Aila, "A style-based generator
 * architecture for generative adversarial networks", CVPR 2019, section 4.1).
 *
 * <p>For latent pairs (z₀, z₁) ~ N(0, I) and t ~ U[0, 1] ('full') or t = 0 ('end'):
 * <pre>
 *   in Z: l = d(G(slerp(z₀, z₁; t)), G(slerp(z₀, z₁; t + ε))) / ε²
 *   in W: l = d(g(lerp(f(z₀), f(z₁); t)), g(lerp(f(z₀), f(z₁); t + ε))) / ε²
 * </pre>
 * with f the mapping to the intermediate space W and g the synthesis from it (in Z, G = g∘f),
 * slerp of the normalised vectors, ε = 1e-4. PPL is the mean of l after dropping values below
 * the 1st percentile (NumPy's 'lower') and above the 99th (NumPy's 'higher').
 *
 * <p>Distance: the original uses LPIPS on cropped images; here d is the squared Euclidean
 * distance between the feature vectors of a {@link FeatureExtractor} (the domain network), or
 * of any embedding given as a function. Images are never rounded to 8 bits before the distance
 * (that changes PPL by orders of magnitude). Latent draws use {@code java.util.Random(seed)}:
 * for each pair z₀ (k Gaussians), z₁ (k Gaussians), then t; bit-exact for a given embedding.
 *
 * @apiNote With float32 networks the difference of two images ε apart carries about 1e-3
 *     relative rounding error, as in the original; the values are statistically stable, not
 *     bit-exact across thread counts.
 */
public final class PerceptualPathLength {

  /** Step of the finite difference. */
  public static final double DEFAULT_EPSILON = 1e-4;
  /** Latent pairs drawn. */
  public static final int DEFAULT_SAMPLES = 10_000;
  /** Latent pairs per call of the embedding (each call gets twice as many latents). */
  public static final int BATCH_PAIRS = 128;

  private static final Logger LOG = LoggerFactory.getLogger(PerceptualPathLength.class);

  private PerceptualPathLength() {
  }

  /** Where the path is interpolated. */
  public enum Space {
    /** The input latent space: spherical interpolation (slerp). */
    Z,
    /** The intermediate latent space: linear interpolation (lerp). */
    W
  }

  /** Where along the path t is taken. */
  public enum Sampling {
    /** t ~ U[0, 1]. */
    FULL,
    /** t = 0: the path's end points. */
    END
  }

  /**
   * Options.
   *
   * @param samples latent pairs, ≥ 2
   * @param epsilon finite-difference step, in (0, 1)
   * @param space Z (slerp) or W (lerp)
   * @param sampling FULL or END
   * @param lowPercentile values below this percentile are dropped, in [0, 100)
   * @param highPercentile values above this percentile are dropped, in (low, 100]
   * @param seed seed of the latent pairs and of t
   */
  public record Options(int samples, double epsilon, Space space, Sampling sampling,
      double lowPercentile, double highPercentile, long seed) {
    /** Checks the ranges. */
    public Options {
      Checks.atLeast("PPL samples", samples, 2);
      if (!(epsilon > 0 && epsilon < 1)) {
        throw new IllegalArgumentException("PPL epsilon is " + epsilon + ", expected in (0, 1)");
      }
      if (space == null || sampling == null) {
        throw new IllegalArgumentException("PPL space and sampling must be given, got " + space
            + " and " + sampling);
      }
      if (!(lowPercentile >= 0 && lowPercentile < highPercentile && highPercentile <= 100)) {
        throw new IllegalArgumentException("PPL percentiles are " + lowPercentile + " and "
            + highPercentile + ", expected 0 ≤ low < high ≤ 100");
      }
    }

    /** 10,000 pairs, ε = 1e-4, in Z, 'full', 1st to 99th percentile, seed 0. */
    public Options() {
      this(DEFAULT_SAMPLES, DEFAULT_EPSILON, Space.Z, Sampling.FULL, 1, 99, 0);
    }

    /** A copy in another space. */
    public Options in(Space s) {
      return new Options(samples, epsilon, s, sampling, lowPercentile, highPercentile, seed);
    }

    /** A copy with another sampling of t. */
    public Options with(Sampling s) {
      return new Options(samples, epsilon, space, s, lowPercentile, highPercentile, seed);
    }

    /** A copy with another number of pairs. */
    public Options withSamples(int n) {
      return new Options(n, epsilon, space, sampling, lowPercentile, highPercentile, seed);
    }
  }

  /**
   * PPL (↓ smoother) and its parts.
   *
   * @param mean mean of the kept values
   * @param values every l, in draw order (before filtering)
   * @param low lower cut (the low percentile)
   * @param high upper cut (the high percentile)
   * @param kept values within [low, high]
   * @param space Z or W
   * @param sampling FULL or END
   */
  public record Result(double mean, double[] values, double low, double high, int kept,
      Space space, Sampling sampling) {
  }

  /**
   * PPL of an image generator with the squared feature distance of {@code extractor}.
   *
   * @param latentDim k, the dimension of z
   * @param mapping f: n × k latents z to n × k' intermediate codes w (identity for a generator
   *     without one); used only in W
   * @param synthesis images of n latents: of z in Z (the whole generator G), of w in W (g)
   * @param extractor the network whose features give the distance
   */
  public static Result of(int latentDim, UnaryOperator<double[][]> mapping,
      Function<double[][], ImageSet> synthesis, FeatureExtractor extractor, Options options) {
    LOG.info("PPL in {} ({}), {} pairs, distance: squared L2 of {} features", options.space(),
        options.sampling(), options.samples(), extractor.name());
    return ofEmbedding(latentDim, mapping, z -> extractor.features(synthesis.apply(z)),
        options);
  }

  /**
   * PPL with the squared Euclidean distance between the vectors {@code embed} maps latents to.
   *
   * @param latentDim k ≥ 1
   * @param mapping f (used only in W)
   * @param embed n latents (z in Z, w in W) to n vectors, e.g. features of generated images
   */
  public static Result ofEmbedding(int latentDim, UnaryOperator<double[][]> mapping,
      Function<double[][], double[][]> embed, Options options) {
    Checks.atLeast("latent dimension", latentDim, 1);
    int n = options.samples();

    // Seeded latent pairs and positions.
    Random rng = new Random(options.seed());
    double[][] z0 = new double[n][latentDim];
    double[][] z1 = new double[n][latentDim];
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < latentDim; j++) {
        z0[i][j] = rng.nextGaussian();
      }
      for (int j = 0; j < latentDim; j++) {
        z1[i][j] = rng.nextGaussian();
      }
      double u = rng.nextDouble();
      t[i] = options.sampling() == Sampling.FULL ? u : 0;
    }

    // End points in the chosen space, then the distances along the path.
    double[][] a = z0;
    double[][] b = z1;
    if (options.space() == Space.W) {
      a = mapping.apply(z0);
      b = mapping.apply(z1);
    }
    double[] values = distances(a, b, t, options.space(), embed, options.epsilon());

    // Percentile filter and mean.
    return filtered(values, options);
  }

  /**
   * l for given end points: d(embed(p(t)), embed(p(t + ε))) / ε² with p the slerp (Z) or lerp
   * (W) from a_i to b_i.
   *
   * @param a n × k start points; not modified
   * @param b n × k end points; not modified
   * @param t n positions in [0, 1]
   * @return n values
   */
  public static double[] distances(double[][] a, double[][] b, double[] t, Space space,
      Function<double[][], double[][]> embed, double epsilon) {
    Checks.pair("path start points", a, "path end points", b);
    if (t.length != a.length || a.length != b.length) {
      throw new IllegalArgumentException("path start points are " + Checks.shape(a)
          + ", end points " + Checks.shape(b) + " and positions " + t.length
          + ", expected one of each per path");
    }
    int n = a.length;
    double[] out = new double[n];
    for (int from = 0; from < n; from += BATCH_PAIRS) {
      int m = Math.min(BATCH_PAIRS, n - from);
      double[][] pts = new double[2 * m][];
      for (int i = 0; i < m; i++) {
        int q = from + i;
        pts[i] = interpolate(a[q], b[q], t[q], space);
        pts[m + i] = interpolate(a[q], b[q], t[q] + epsilon, space);
      }
      double[][] e = embed.apply(pts);
      if (e == null || e.length != 2 * m) {
        throw new IllegalArgumentException("the embedding returned "
            + (e == null ? "null" : String.valueOf(e.length))
            + " vectors for " + 2 * m + " latents, expected one per latent");
      }
      Checks.features("embedding of path points " + from + ".." + (from + m - 1), e);
      for (int i = 0; i < m; i++) {
        double s = 0;
        for (int j = 0; j < e[i].length; j++) {
          double d = e[m + i][j] - e[i][j];
          s += d * d;
        }
        out[from + i] = s / (epsilon * epsilon);
      }
    }
    return out;
  }

  /** The mean of the values within the percentile cuts of {@code options}. */
  static Result filtered(double[] values, Options options) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double lo = percentile(sorted, options.lowPercentile(), false);
    double hi = percentile(sorted, options.highPercentile(), true);
    double sum = 0;
    int kept = 0;
    for (double v : values) {
      if (v >= lo && v <= hi) {
        sum += v;
        kept++;
      }
    }
    return new Result(sum / kept, values, lo, hi, kept, options.space(), options.sampling());
  }

  /** NumPy's percentile with method 'lower' ({@code up} false) or 'higher' (true). */
  static double percentile(double[] sorted, double q, boolean up) {
    double pos = q / 100 * (sorted.length - 1);
    int i = (int) (up ? Math.ceil(pos - 1e-12) : Math.floor(pos + 1e-12));
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  /** slerp of the normalised a and b (Z), or lerp (W), at t. */
  static double[] interpolate(double[] a, double[] b, double t, Space space) {
    int k = a.length;
    double[] out = new double[k];
    if (space == Space.W) {
      for (int j = 0; j < k; j++) {
        out[j] = a[j] + t * (b[j] - a[j]);
      }
      return out;
    }
    double[] u = normalised(a);
    double[] v = normalised(b);
    double cos = 0;
    for (int j = 0; j < k; j++) {
      cos += u[j] * v[j];
    }
    cos = Math.max(-1, Math.min(1, cos));
    double angle = t * Math.acos(cos);
    double[] c = new double[k];
    for (int j = 0; j < k; j++) {
      c[j] = v[j] - cos * u[j];
    }
    c = normalised(c);
    for (int j = 0; j < k; j++) {
      out[j] = u[j] * Math.cos(angle) + c[j] * Math.sin(angle);
    }
    return normalised(out);
  }

  private static double[] normalised(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v * v;
    }
    double norm = Math.sqrt(s);
    double[] out = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      out[j] = norm == 0 ? 0 : x[j] / norm;
    }
    return out;
  }
}
