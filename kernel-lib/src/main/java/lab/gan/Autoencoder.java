package lab.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;

/**
 * An autoencoder x → E(x) = c ∈ R^latent → D(c) ≈ x with a low-dimensional code: the latent of
 * AE-OT ({@link AeOt}) and the common space M of the latent package.
 *
 * <p>Toy form: dense E: d → w → w → latent and D: latent → w → w → d (leaky ReLU), squared
 * error. Image form: E = conv c, pool, conv 2c, pool, dense → latent; D = dense → 2c × 7 × 7,
 * ×2, conv c, ×2, conv c, conv 1, sigmoid (nearest upsampling then 3 × 3 convolution); binary
 * cross-entropy per pixel. Loss reported: {@code rec} (mean per sample and coordinate).
 *
 * <p>As a {@link GenerativeModel} on its own, {@link #sample} decodes codes drawn from a Gaussian
 * with the per-coordinate mean and variance of the training codes (moving averages kept as
 * buffers): a weak baseline; {@link AeOt} is the generator built on it.
 */
public final class Autoencoder extends GenerativeModel {

  private final AutoencoderConfig config;
  private final List<NDArray> ew = new ArrayList<>();
  private final List<NDArray> eb = new ArrayList<>();
  private final List<NDArray> dw = new ArrayList<>();
  private final List<NDArray> db = new ArrayList<>();
  private final NDArray codeMean;
  private final NDArray codeVar;
  private final Adam adam;

  /**
   * @param config the configuration
   * @param seed seed of the initial parameters
   */
  public Autoencoder(AutoencoderConfig config, long seed) {
    super(seed);
    this.config = config;
    int c = config.width();
    int k = config.latent();
    if (config.image()) {
      ew.add(params.normal("e.conv1.w", Math.sqrt(2.0 / 9), c, 1, 3, 3));
      eb.add(params.constant("e.conv1.b", 0f, 1, c, 1, 1));
      ew.add(params.normal("e.conv2.w", Math.sqrt(2.0 / (9 * c)), 2 * c, c, 3, 3));
      eb.add(params.constant("e.conv2.b", 0f, 1, 2L * c, 1, 1));
      ew.add(params.normal("e.fc.w", Math.sqrt(1.0 / (98 * c)), 98L * c, k));
      eb.add(params.constant("e.fc.b", 0f, k));
      dw.add(params.normal("d.fc.w", Math.sqrt(2.0 / k), k, 98L * c));
      db.add(params.constant("d.fc.b", 0f, 98L * c));
      dw.add(params.normal("d.conv1.w", Math.sqrt(2.0 / (18 * c)), c, 2 * c, 3, 3));
      db.add(params.constant("d.conv1.b", 0f, 1, c, 1, 1));
      dw.add(params.normal("d.conv2.w", Math.sqrt(2.0 / (9 * c)), c, c, 3, 3));
      db.add(params.constant("d.conv2.b", 0f, 1, c, 1, 1));
      dw.add(params.normal("d.conv3.w", Math.sqrt(1.0 / (9 * c)), 1, c, 3, 3));
      db.add(params.constant("d.conv3.b", 0f, 1, 1, 1, 1));
    } else {
      int[] enc = {config.dim(), c, c, k};
      for (int l = 0; l < 3; l++) {
        ew.add(params.normal("e.fc" + l + ".w", Math.sqrt(2.0 / enc[l]), enc[l], enc[l + 1]));
        eb.add(params.constant("e.fc" + l + ".b", 0f, enc[l + 1]));
        dw.add(params.normal("d.fc" + l + ".w", Math.sqrt(2.0 / enc[3 - l]), enc[3 - l],
            enc[2 - l]));
        db.add(params.constant("d.fc" + l + ".b", 0f, enc[2 - l]));
      }
    }
    this.codeMean = params.buffer("codes.mean", 0f, k);
    this.codeVar = params.buffer("codes.var", 1f, k);
    this.adam = new Adam(params, "", config.lr(), 0.9, 0.999);
  }

  @Override
  public String kind() {
    return "autoencoder" + (config.image() ? "-image" : "-toy");
  }

  @Override
  public AutoencoderConfig config() {
    return config;
  }

  @Override
  public List<String> lossNames() {
    return List.of("rec");
  }

  @Override
  public int dim() {
    return config.dim();
  }

  @Override
  public int classes() {
    return 0;
  }

  /** Code dimension. */
  public int latent() {
    return config.latent();
  }

  NDArray encoder(NDArray x) {
    long n = x.getShape().get(0);
    if (config.image()) {
      NDArray h = x.reshape(n, 1, 28, 28);
      for (int l = 0; l < 2; l++) {
        h = Nn.down2(Nn.lrelu(Nn.conv(h, ew.get(l), null).add(eb.get(l))));
      }
      return Nn.linear(h.reshape(n, -1), ew.get(2), eb.get(2));
    }
    NDArray h = x;
    for (int l = 0; l < 3; l++) {
      h = Nn.linear(h, ew.get(l), eb.get(l));
      if (l < 2) {
        h = Nn.lrelu(h);
      }
    }
    return h;
  }

  /** Decoder output before the final squashing: logits for images, points for the toy form. */
  NDArray decoderRaw(NDArray c) {
    long n = c.getShape().get(0);
    if (config.image()) {
      int w = config.width();
      NDArray h = Activation.relu(Nn.linear(c, dw.get(0), db.get(0))).reshape(n, 2L * w, 7, 7);
      h = Activation.relu(Nn.conv(Nn.up2(h), dw.get(1), null).add(db.get(1)));
      h = Activation.relu(Nn.conv(Nn.up2(h), dw.get(2), null).add(db.get(2)));
      return Nn.conv(h, dw.get(3), null).add(db.get(3)).reshape(n, 784);
    }
    NDArray h = c;
    for (int l = 0; l < 3; l++) {
      h = Nn.linear(h, dw.get(l), db.get(l));
      if (l < 2) {
        h = Nn.lrelu(h);
      }
    }
    return h;
  }

  NDArray decoder(NDArray c) {
    NDArray raw = decoderRaw(c);
    return config.image() ? Activation.sigmoid(raw) : raw;
  }

  @Override
  protected float[] trainStep(NDArray x, NDArray labels) {
    float loss;
    try (GradientCollector gc = Torch.engine().newGradientCollector()) {
      NDArray code = encoder(x);
      NDArray raw = decoderRaw(code);
      NDArray l;
      if (config.image()) {
        l = Nn.softplus(raw).sub(raw.mul(x)).mean();
      } else {
        l = raw.sub(x).square().mean();
      }
      loss = l.getFloat();
      gc.backward(l);

      // Moving code statistics for sampling.
      NDArray c = code.stopGradient();
      codeMean.muli(0.99f).addi(c.mean(new int[] {0}).mul(0.01f));
      NDArray centred = c.sub(codeMean);
      codeVar.muli(0.99f).addi(centred.square().mean(new int[] {0}).mul(0.01f));
    }
    adam.step();
    return new float[] {loss};
  }

  @Override
  protected NDArray generate(int n, NDArray labels) {
    NDArray z = manager.randomNormal(new Shape(n, config.latent()));
    return decoder(z.mul(codeVar.sqrt()).add(codeMean));
  }

  /** Codes E(x) of n rows of {@link #dim()} floats, n × latent. */
  public float[][] encode(float[][] x) {
    return map(x, dim(), config.latent(), true);
  }

  /** Decoded samples D(c) of n codes, n × dim. */
  public float[][] decode(float[][] codes) {
    return map(codes, config.latent(), dim(), false);
  }

  private float[][] map(float[][] in, int from, int to, boolean encode) {
    float[][] out = new float[in.length][];
    int chunk = 256;
    for (int s = 0; s < in.length; s += chunk) {
      int b = Math.min(chunk, in.length - s);
      float[] flat = new float[b * from];
      for (int i = 0; i < b; i++) {
        if (in[s + i].length != from) {
          throw new IllegalArgumentException((encode ? "encode" : "decode") + ": row " + (s + i)
              + " has " + in[s + i].length + " values, expected " + from);
        }
        System.arraycopy(in[s + i], 0, flat, i * from, from);
      }
      try (NDScope scope = new NDScope()) {
        NDArray x = manager.create(flat, new Shape(b, from));
        float[] r = (encode ? encoder(x) : decoder(x)).toFloatArray();
        for (int i = 0; i < b; i++) {
          out[s + i] = new float[to];
          System.arraycopy(r, i * to, out[s + i], 0, to);
        }
      }
    }
    return out;
  }
}
