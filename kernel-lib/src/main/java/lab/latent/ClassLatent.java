package lab.latent;

import java.util.Arrays;
import lab.gan.Gan;
import lab.gan.StyleGan;

/**
 * The latent space of a class-conditional generator with the class held fixed: G(·, y) for one
 * class y. The code of a conditional generator is the pair (z, y), of which only z is
 * continuous; straight lines, convex combinations and edits make sense in z for a fixed y, so
 * the properties of PAPER.md §2 are measured one class at a time through these views.
 *
 * <p>{@link GanLatent} and {@link StyleGanLatent} give row i of a batch the class i mod K,
 * which suits sampling balanced classes but not a path decoded as one batch (its points would
 * change class from row to row); here every row has class y. The StyleGAN-like views also
 * share one noise image across the rows of a batch ({@link StyleGan#synthesize(float[][][],
 * long, boolean)}), so that a sample depends on its code alone, wherever it sits in a batch.
 *
 * <p>A view is named as given (say the class in the table's title).
 *
 * @apiNote The models are not closed here; close them where they were opened. An
 *     unconditional model is accepted with class 0 only (its class is ignored).
 */
public final class ClassLatent {

  /** Seed of the shared per-layer noise of the StyleGAN-like views. */
  public static final long NOISE_SEED = StyleGanLatent.NOISE_SEED;

  private ClassLatent() {
  }

  /**
   * Z of a conditional GAN (GAN, WGAN, WGAN-GP) for class {@code cls}.
   *
   * @param gan the model
   * @param name the generator's name, e.g. "WGAN-GP"
   * @param cls the class y, 0 ≤ y &lt; K (0 for an unconditional model)
   */
  public static LatentGenerator of(Gan gan, String name, int cls) {
    if (gan == null) {
      throw new IllegalArgumentException("GAN '" + name + "' is null");
    }
    int[] fixed = checkClass(name, gan.classes(), cls);
    int k = gan.config().latent();
    String label = name;
    return new LatentGenerator() {
      @Override
      public String name() {
        return label;
      }

      @Override
      public int latentDim() {
        return k;
      }

      @Override
      public double[][] decode(double[][] codes) {
        if (Points.check("codes of " + label, codes) != k) {
          throw new IllegalArgumentException("'" + label + "' takes " + k
              + "-d codes but got " + codes[0].length);
        }
        return StyleGanLatent.toDouble(gan.generateFrom(StyleGanLatent.toFloat(codes),
            ClassLatent.labels(fixed, codes.length)));
      }

      @Override
      public int[] labels(double[][] codes) {
        return ClassLatent.labels(fixed, codes.length);
      }
    };
  }

  /**
   * Z of a StyleGAN-like model for class {@code cls}, seen as a plain generator
   * G(z) = synthesis(mapping(z, y)) (so that PPL and the properties are measured in Z).
   *
   * @param model the model
   * @param name the generator's name
   * @param cls the class y
   */
  public static LatentGenerator z(StyleGan model, String name, int cls) {
    StyleGenerator w = w(model, name, cls);
    String label = name;
    return new LatentGenerator() {
      @Override
      public String name() {
        return label;
      }

      @Override
      public int latentDim() {
        return w.latentDim();
      }

      @Override
      public double[][] decode(double[][] codes) {
        return w.decode(codes);
      }

      @Override
      public int[] labels(double[][] codes) {
        return w.labels(codes);
      }
    };
  }

  /**
   * The StyleGAN-like model for class {@code cls} as a {@link StyleGenerator}: z ↦ w =
   * mapping(z, y), per-layer styles to images with shared noise. {@link LatentSpace#w} of this
   * view is W of class y.
   *
   * @param model the model
   * @param name the generator's name
   * @param cls the class y
   */
  public static StyleGenerator w(StyleGan model, String name, int cls) {
    if (model == null) {
      throw new IllegalArgumentException("StyleGAN-like model '" + name + "' is null");
    }
    int[] fixed = checkClass(name, model.classes(), cls);
    String label = name;
    int k = model.config().latent();
    return new StyleGenerator() {
      @Override
      public String name() {
        return label;
      }

      @Override
      public int latentDim() {
        return k;
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
        if (Points.check("codes of " + label, codes) != k) {
          throw new IllegalArgumentException("'" + label + "' takes " + k
              + "-d codes but got " + codes[0].length);
        }
        return StyleGanLatent.toDouble(model.mapping(StyleGanLatent.toFloat(codes),
            ClassLatent.labels(fixed, codes.length)));
      }

      @Override
      public double[][] synthesise(double[][][] styles) {
        return ClassLatent.synthesise(model, label, styles);
      }

      @Override
      public int[] labels(double[][] codes) {
        return ClassLatent.labels(fixed, codes.length);
      }
    };
  }

  /**
   * Images from per-layer styles with one noise image shared by every row
   * ({@value #NOISE_SEED}).
   *
   * @param model the model
   * @param name for messages
   * @param styles [layers][n][wDim] (not modified)
   * @return n × 784
   */
  static double[][] synthesise(StyleGan model, String name, double[][][] styles) {
    int layers = model.styleLayers();
    if (styles.length != layers) {
      throw new IllegalArgumentException("'" + name + "' has " + layers + " style layers but "
          + styles.length + " were given");
    }
    int n = styles[0] == null ? 0 : styles[0].length;
    float[][][] ws = new float[n][layers][];
    for (int l = 0; l < layers; l++) {
      int d = Points.check("styles of layer " + l, styles[l]);
      if (d != model.wDim() || styles[l].length != n) {
        throw new IllegalArgumentException("styles of layer " + l + " are " + styles[l].length
            + " × " + d + "; expected " + n + " × " + model.wDim() + " (as layer 0)");
      }
      for (int i = 0; i < n; i++) {
        ws[i][l] = new float[d];
        for (int q = 0; q < d; q++) {
          ws[i][l][q] = (float) styles[l][i][q];
        }
      }
    }
    return StyleGanLatent.toDouble(model.synthesize(ws, NOISE_SEED, true));
  }

  /** n copies of the fixed class, or null for an unconditional model. */
  static int[] labels(int[] fixed, int n) {
    if (fixed == null) {
      return null;
    }
    int[] y = new int[n];
    Arrays.fill(y, fixed[0]);
    return y;
  }

  private static int[] checkClass(String name, int classes, int cls) {
    if (classes == 0) {
      if (cls != 0) {
        throw new IllegalArgumentException("'" + name + "' is unconditional but class " + cls
            + " was asked for; expected class 0");
      }
      return null;
    }
    if (cls < 0 || cls >= classes) {
      throw new IllegalArgumentException("class of '" + name + "' is " + cls + "; expected 0 ≤"
          + " class < " + classes);
    }
    return new int[] {cls};
  }
}
