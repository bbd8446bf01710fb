package lab.latent;

import lab.gan.StyleGan;

/**
 * The StyleGAN-like model of lab.gan seen as a {@link StyleGenerator}: z ∈ ℝ^latent, the
 * mapping network z ↦ w ∈ ℝ^wDim, and the synthesis network with one w per style layer.
 *
 * <p>Per-layer noise is drawn from a fixed seed ({@link #NOISE_SEED}) on every call, so equal
 * styles give equal samples, as the properties and operations need. The truncation centre is
 * the model's tracked mean w̄ ({@link StyleGan#meanW()}). A class-conditional model gets its
 * labels from the row position (row i has class i mod K), as in {@link GanLatent}.
 *
 * @apiNote The model is not closed here; close it where it was opened.
 */
public final class StyleGanLatent implements StyleGenerator {

  /** Seed of the per-layer noise of every synthesis call. */
  public static final long NOISE_SEED = 0;

  private final StyleGan model;
  private final String name;

  private StyleGanLatent(StyleGan model, String name) {
    this.model = model;
    this.name = name;
  }

  /**
   * The view of a StyleGAN-like model.
   *
   * @param model the model (not closed by this view)
   * @param name name for tables
   */
  public static StyleGanLatent of(StyleGan model, String name) {
    if (model == null) {
      throw new IllegalArgumentException("StyleGAN-like model '" + name + "' is null");
    }
    return new StyleGanLatent(model, name);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int latentDim() {
    return model.config().latent();
  }

  @Override
  public int layers() {
    return model.styleLayers();
  }

  @Override
  public int styleDim() {
    return model.wDim();
  }

  @Override
  public double[][] map(double[][] codes) {
    if (Points.check("codes of " + name, codes) != latentDim()) {
      throw new IllegalArgumentException("'" + name + "' takes " + latentDim()
          + "-d codes but got " + codes[0].length);
    }
    return toDouble(model.mapping(toFloat(codes), labels(codes)));
  }

  @Override
  public double[][] synthesise(double[][][] styles) {
    if (styles.length != layers()) {
      throw new IllegalArgumentException("'" + name + "' has " + layers() + " style layers but "
          + styles.length + " were given");
    }
    int n = styles[0].length;
    float[][][] ws = new float[n][layers()][];
    for (int l = 0; l < layers(); l++) {
      if (Points.check("styles of layer " + l, styles[l]) != styleDim()
          || styles[l].length != n) {
        throw new IllegalArgumentException("styles of layer " + l + " are " + styles[l].length
            + " × " + styles[l][0].length + "; expected " + n + " × " + styleDim());
      }
      for (int i = 0; i < n; i++) {
        ws[i][l] = new float[styleDim()];
        for (int k = 0; k < styleDim(); k++) {
          ws[i][l][k] = (float) styles[l][i][k];
        }
      }
    }
    return toDouble(model.synthesize(ws, NOISE_SEED));
  }

  /** The model's tracked mean style w̄ (the arguments are not used). */
  @Override
  public double[] meanStyle(int n, long seed) {
    float[] w = model.meanW();
    double[] m = new double[w.length];
    for (int k = 0; k < w.length; k++) {
      m[k] = w[k];
    }
    return m;
  }

  @Override
  public int[] labels(double[][] codes) {
    int k = model.classes();
    if (k == 0) {
      return null;
    }
    int[] y = new int[codes.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = i % k;
    }
    return y;
  }

  static float[][] toFloat(double[][] x) {
    float[][] f = new float[x.length][];
    for (int i = 0; i < x.length; i++) {
      f[i] = new float[x[i].length];
      for (int k = 0; k < f[i].length; k++) {
        f[i][k] = (float) x[i][k];
      }
    }
    return f;
  }

  static double[][] toDouble(float[][] x) {
    double[][] d = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      d[i] = new double[x[i].length];
      for (int k = 0; k < d[i].length; k++) {
        d[i][k] = x[i][k];
      }
    }
    return d;
  }
}
