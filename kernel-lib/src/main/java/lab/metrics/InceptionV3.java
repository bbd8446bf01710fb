package lab.metrics;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import lab.data.ImageSet;
import lab.gan.Torch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inception-v3 features from a TorchScript file the user provides, for FID and IS numbers
 * comparable with the literature. The weights (the 2015-12-05 TensorFlow FID network,
 * converted for PyTorch as "pt_inception-2015-12-05") are not shipped and never downloaded.
 *
 * <p>Preprocessing of each grey h × w image in [0, 1], as pytorch-fid does it: bilinear
 * resize to {@link Preprocessing#size()} × size (299; PyTorch's {@code interpolate} with
 * {@code align_corners=False}, no antialiasing), the grey channel replicated to RGB, then
 * v ↦ scale·v + offset (2v − 1 by default: the network expects [−1, 1]). Input: a float32
 * tensor N × 3 × size × size. Output: the module's first output, reshaped to N × d (2,048 pool
 * features for the FID network); when the module returns a second output it is taken as
 * logits for {@link #probabilities}. The module runs in inference mode with gradients off,
 * in chunks of exactly {@link #CHUNK} images (the last padded), so features do not depend on
 * the batch.
 *
 * @apiNote NVIDIA's TorchScript export of the same network (StyleGAN2-ADA's
 *     {@code inception-2015-12-05.pt}) takes values in [0, 255] and resizes by itself: use
 *     {@code new Preprocessing(299, 255, 0)}; it then sees an image already resized by the
 *     bilinear rule above, which can differ slightly from its own resize of the 28 × 28 image.
 */
public final class InceptionV3 implements FeatureExtractor {

  /** Images per forward pass. */
  public static final int CHUNK = 8;

  private static final Logger LOG = LoggerFactory.getLogger(InceptionV3.class);

  /**
   * How images become network input.
   *
   * @param size side of the square input, ≥ 1 (299 for Inception-v3)
   * @param scale factor applied to pixel values in [0, 1]
   * @param offset added after scaling
   */
  public record Preprocessing(int size, double scale, double offset) {
    /** Checks size ≥ 1 and finite scaling. */
    public Preprocessing {
      Checks.atLeast("input size", size, 1);
      if (!Double.isFinite(scale) || !Double.isFinite(offset) || scale == 0) {
        throw new IllegalArgumentException("input scaling is " + scale + "·v + " + offset
            + ", expected finite values and a non-zero scale");
      }
    }

    /** pytorch-fid: 299 × 299, values in [−1, 1]. */
    public Preprocessing() {
      this(299, 2, -1);
    }
  }

  private final String name;
  private final Model model;
  private final Preprocessing pre;
  private final int dim;
  private final int classes;

  private InceptionV3(String name, Model model, Preprocessing pre, int dim, int classes) {
    this.name = name;
    this.model = model;
    this.pre = pre;
    this.dim = dim;
    this.classes = classes;
  }

  /** The FID network at {@code file} with pytorch-fid's preprocessing. */
  public static InceptionV3 load(Path file) {
    return load(file, "Inception-v3", new Preprocessing());
  }

  /**
   * A TorchScript feature extractor.
   *
   * @param file the TorchScript file ({@code .pt})
   * @param name the name shown with scores
   * @throws IllegalArgumentException when the file is missing or is not a TorchScript module
   *     (the message names the path and says where the weights come from)
   */
  public static InceptionV3 load(Path file, String name, Preprocessing pre) {
    if (file == null || !Files.isRegularFile(file)) {
      throw new IllegalArgumentException("Inception-v3 TorchScript file " + file
          + " not found: the FID weights are not shipped and never downloaded; export"
          + " pt_inception-2015-12-05 with torch.jit.trace (or use NVIDIA's"
          + " inception-2015-12-05.pt) and pass its path");
    }
    Model model = Model.newInstance(name, Torch.engine().getEngineName());
    try {
      model.load(file.toAbsolutePath());
    } catch (IOException | MalformedModelException | RuntimeException e) {
      model.close();
      throw new IllegalArgumentException("cannot load " + file + " as a TorchScript module: "
          + e.getMessage(), e);
    }

    // One blank image tells the output sizes.
    InceptionV3 probe = new InceptionV3(name, model, pre, -1, -1);
    float[][] out = probe.forward(new float[CHUNK][pre.size() * pre.size() * 3]);
    int d = out[0].length / CHUNK;
    int c = out.length > 1 ? out[1].length / CHUNK : 0;
    LOG.info("{}: {} loaded, {} features{}", name, file, d,
        c > 0 ? ", " + c + " classes" : ", no classifier output");
    return new InceptionV3(name, model, pre, d, c);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int dim() {
    return dim;
  }

  /** Classes of the second output, 0 when the module has none. */
  @Override
  public int classes() {
    return classes;
  }

  /** The preprocessing used. */
  public Preprocessing preprocessing() {
    return pre;
  }

  @Override
  public Output extract(ImageSet images) {
    if (images.size() == 0) {
      throw new IllegalArgumentException(name + ": image set '" + images.name()
          + "' is empty (0 × " + images.pixels() + "), expected at least one image");
    }
    images.checkFinite();
    int n = images.size();
    double[][] features = new double[n][];
    double[][] logits = classes > 0 ? new double[n][] : null;
    for (int from = 0; from < n; from += CHUNK) {
      int b = Math.min(CHUNK, n - from);
      float[][] input = new float[CHUNK][];
      for (int i = 0; i < CHUNK; i++) {
        input[i] = i < b ? preprocess(images.images()[from + i], images.height(),
            images.width(), pre) : new float[3 * pre.size() * pre.size()];
      }
      float[][] out = forward(input);
      for (int i = 0; i < b; i++) {
        features[from + i] = new double[dim];
        for (int j = 0; j < dim; j++) {
          features[from + i][j] = out[0][i * dim + j];
        }
        if (logits != null) {
          logits[from + i] = new double[classes];
          for (int j = 0; j < classes; j++) {
            logits[from + i][j] = out[1][i * classes + j];
          }
        }
      }
    }
    return new Output(features, logits == null ? null : InceptionScore.fromLogits(logits));
  }

  @Override
  public double[][] probabilities(ImageSet images) {
    if (classes == 0) {
      throw new UnsupportedOperationException(name + ": the TorchScript module returns"
          + " features only; for the inception score export one that also returns logits");
    }
    return extract(images).probabilities();
  }

  /** Forward pass of CHUNK preprocessed images, gradients off: each output, flattened. */
  private float[][] forward(float[][] input) {
    int s = pre.size();
    float[] flat = new float[input.length * 3 * s * s];
    for (int i = 0; i < input.length; i++) {
      System.arraycopy(input[i], 0, flat, i * 3 * s * s, 3 * s * s);
    }
    boolean grad = JniUtils.isGradMode();
    JniUtils.setGradMode(false);
    try (NDManager m = model.getNDManager().newSubManager()) {
      NDArray x = m.create(flat, new Shape(input.length, 3, s, s));
      NDList out = model.getBlock().forward(new ParameterStore(m, false), new NDList(x), false);
      float[][] values = new float[out.size()][];
      for (int k = 0; k < out.size(); k++) {
        values[k] = out.get(k).toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
            .toFloatArray();
      }
      out.close();
      return values;
    } finally {
      JniUtils.setGradMode(grad);
    }
  }

  /**
   * One grey image as network input: bilinear resize (PyTorch, align_corners = False),
   * scale·v + offset, replicated to 3 channels; 3 × size × size floats, channel-major.
   *
   * @param image h·w pixels in [0, 1], row-major; not modified
   */
  static float[] preprocess(float[] image, int h, int w, Preprocessing pre) {
    int s = pre.size();
    float[] out = new float[3 * s * s];
    double sy = (double) h / s;
    double sx = (double) w / s;
    for (int r = 0; r < s; r++) {
      double y = Math.max(0, (r + 0.5) * sy - 0.5);
      int y0 = Math.min((int) y, h - 1);
      int y1 = Math.min(y0 + 1, h - 1);
      double ly = y - y0;
      for (int c = 0; c < s; c++) {
        double x = Math.max(0, (c + 0.5) * sx - 0.5);
        int x0 = Math.min((int) x, w - 1);
        int x1 = Math.min(x0 + 1, w - 1);
        double lx = x - x0;
        double v = (1 - ly) * ((1 - lx) * image[y0 * w + x0] + lx * image[y0 * w + x1])
            + ly * ((1 - lx) * image[y1 * w + x0] + lx * image[y1 * w + x1]);
        float scaled = (float) (pre.scale() * v + pre.offset());
        out[r * s + c] = scaled;
        out[s * s + r * s + c] = scaled;
        out[2 * s * s + r * s + c] = scaled;
      }
    }
    return out;
  }

  @Override
  public void close() {
    model.close();
  }
}
