package lab.gan;

import lab.ot.OtResult;
import lab.ot.PowerDiagram;
import lab.ot.SemiDiscrete;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AE-OT generator (An et al., "AE-OT: a new generative model based on extended
 * semi-discrete optimal transport", ICLR 2020): encode the training set with an
 * {@link Autoencoder}, solve semi-discrete OT from the uniform measure on the cube [−½, ½]^k to
 * the codes (equal weights, {@link SemiDiscrete}), generate new codes between neighbouring codes
 * with the angle test on the power diagram (samples on the singular set are rejected, which is
 * how AE-OT avoids mode mixture), and decode them. The codes are centred and scaled into the
 * cube (divided by twice their largest deviation) before the OT and mapped back after.
 *
 * <p>Shapes: data n × dim, codes n × k (k = the autoencoder's latent). The OT problem has one
 * target per code, so {@code maxCodes} bounds its size (a seeded subset is used above it).
 */
public final class AeOt {

  private static final Logger LOG = LoggerFactory.getLogger(AeOt.class);

  private final Autoencoder autoencoder;
  private final PowerDiagram diagram;
  private final OtResult ot;
  private final Options options;
  private final double[] centre;
  private final double scale;

  /**
   * Options of the OT and generation stage.
   *
   * @param ot semi-discrete solver options (source must be the cube or ball)
   * @param maxCodes codes used as OT targets at most, ≥ 2
   * @param topK cells ranked per source sample in the angle test, ≥ 2 (AE-OT: 20)
   * @param angle angle threshold in radians, &gt; 0 (AE-OT: 0.7)
   */
  public record Options(SemiDiscrete.Options ot, int maxCodes, int topK, double angle) {

    /** Checks every field. */
    public Options {
      if (ot == null || maxCodes < 2 || topK < 2 || !(angle > 0)) {
        throw new IllegalArgumentException("ot " + ot + ", maxCodes " + maxCodes + ", topK "
            + topK + ", angle " + angle + ": expected solver options, maxCodes ≥ 2, topK ≥ 2, "
            + "angle > 0");
      }
    }

    /** Defaults: the solver's defaults, 2,000 codes, top 20, angle 0.7. */
    public Options() {
      this(new SemiDiscrete.Options(), 2000, 20, 0.7);
    }

    /** A copy with other solver options. */
    public Options withOt(SemiDiscrete.Options o) {
      return new Options(o, maxCodes, topK, angle);
    }

    /** A copy with another code cap. */
    public Options withMaxCodes(int n) {
      return new Options(ot, n, topK, angle);
    }
  }

  private AeOt(Autoencoder autoencoder, PowerDiagram diagram, OtResult ot, Options options,
      double[] centre, double scale) {
    this.centre = centre;
    this.scale = scale;
    this.autoencoder = autoencoder;
    this.diagram = diagram;
    this.ot = ot;
    this.options = options;
  }

  /**
   * Fits the OT stage on a trained autoencoder.
   *
   * @param autoencoder trained autoencoder (kept, not closed)
   * @param data training rows (n × dim)
   * @param options OT and generation options
   * @param seed seed of the subset when n exceeds {@code maxCodes}
   */
  public static AeOt fit(Autoencoder autoencoder, float[][] data, Options options, long seed) {
    float[][] rows = data;
    if (data.length > options.maxCodes()) {
      int[] idx = Trainer.batch(data.length, options.maxCodes(),
          new java.util.SplittableRandom(seed));
      rows = new float[idx.length][];
      for (int i = 0; i < idx.length; i++) {
        rows[i] = data[idx[i]];
      }
    }
    float[][] codes = autoencoder.encode(rows);

    // Codes scaled into the source cube: centre on the mean, divide by twice the largest |c|.
    int k = codes[0].length;
    double[] centre = new double[k];
    for (float[] c : codes) {
      for (int j = 0; j < k; j++) {
        centre[j] += c[j] / (double) codes.length;
      }
    }
    double radius = 1e-12;
    for (float[] c : codes) {
      for (int j = 0; j < k; j++) {
        radius = Math.max(radius, Math.abs(c[j] - centre[j]));
      }
    }
    double scale = 2 * radius;
    double[][] targets = new double[codes.length][k];
    for (int i = 0; i < codes.length; i++) {
      for (int j = 0; j < k; j++) {
        targets[i][j] = (codes[i][j] - centre[j]) / scale;
      }
    }
    double[] w = new double[targets.length];
    java.util.Arrays.fill(w, 1.0 / targets.length);
    OtResult ot = SemiDiscrete.solve(targets, w, options.ot());
    LOG.info("AE-OT: semi-discrete OT to {} codes in {} dimensions: {}", targets.length,
        targets[0].length, ot);
    return new AeOt(autoencoder, SemiDiscrete.diagram(targets, ot), ot, options, centre, scale);
  }

  /** The samples of one {@link #sample} call and how many source samples were rejected. */
  public record Samples(float[][] points, float[][] codes, int rejected) {
  }

  /**
   * Generates new samples: {@code count} source samples, of which those on the singular set are
   * rejected, the rest mapped to codes between neighbouring codes and decoded.
   */
  public Samples sample(int count, long seed) {
    PowerDiagram.Generation g = diagram.generate(count, options.ot().source(), options.topK(),
        options.angle(), seed);
    float[][] codes = new float[g.points().length][];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = new float[g.points()[i].length];
      for (int j = 0; j < codes[i].length; j++) {
        codes[i][j] = (float) (g.points()[i][j] * scale + centre[j]);
      }
    }
    float[][] points = codes.length == 0 ? new float[0][] : autoencoder.decode(codes);
    return new Samples(points, codes, g.rejected());
  }

  /** The autoencoder. */
  public Autoencoder autoencoder() {
    return autoencoder;
  }

  /** The power diagram of the scaled codes (for figures). */
  public PowerDiagram diagram() {
    return diagram;
  }

  /** The semi-discrete OT result (convergence, marginal error, steps). */
  public OtResult ot() {
    return ot;
  }
}
