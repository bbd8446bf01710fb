package lab.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;

/**
 * A small StyleGAN-like generator (Karras, Laine and Aila, CVPR 2019; Karras et al., "Analyzing
 * and improving the image quality of StyleGAN", CVPR 2020), in toy and image form, optionally
 * class-conditional.
 *
 * <p>Mapping network: z ~ N(0, I) normalised to unit mean square (a learned label embedding
 * concatenated for a conditional model), then {@code mappingLayers} dense leaky-ReLU layers to
 * w ∈ R^wDim, trained with the learning rate scaled by {@code mappingLrScale}. Synthesis network:
 * from a learned constant, L style layers; layer l takes its own w_l, turns it into per-channel
 * scales s = A_l w_l + 1 and applies a modulated, demodulated convolution (dense layer in toy
 * form): y = (W ∗ (x ⊙ s)) ⊙ d with d_o = (Σ_{i,k} W²_{o,i,k} s²_i + 10⁻⁸)^{-1/2}, then adds
 * per-layer Gaussian noise scaled by a learned strength, a bias and a leaky ReLU. The last layer
 * (to pixels or to coordinates) is modulated but not demodulated. Image form: constant
 * 2c × 7 × 7 → conv 2c (7²) → ×2, conv 2c (14²) → ×2, conv c (28²) → conv c (28²) → 1 × 1 to
 * one channel, sigmoid: L = 5 style layers. Toy form: constant of width H → 3 modulated dense
 * layers → d: L = 4. Upsampling is nearest-neighbour followed by convolution.
 *
 * <p>Training: non-saturating loss with the R1 penalty (γ/2)E‖∇ₓD(x)‖² on real data, computed
 * through the critic's analytic input gradient ({@link Critic}); style mixing regularisation
 * (with probability {@code mixing} two latents are mapped and the layers from a random crossover
 * on take the second w); the mean w̄ is tracked (moving average 0.995) for truncation
 * w' = w̄ + ψ(w − w̄). Losses: {@code d}, {@code g}, {@code r1}.
 *
 * <p>Per-layer access for style mixing and editing: {@link #mapping}, {@link #synthesize},
 * {@link #meanW}, {@link #styleLayers}. Repeatable at a fixed thread count (see
 * {@link Trainer}).
 */
public final class StyleGan extends GenerativeModel {

  private final StyleConfig config;
  private final List<NDArray> mw = new ArrayList<>();
  private final List<NDArray> mb = new ArrayList<>();
  private final NDArray mEmbed;
  private final NDArray constant;
  private final List<Layer> layers = new ArrayList<>();
  private final NDArray meanW;
  private final Critic critic;
  private final Adam optM;
  private final Adam optS;
  private final Adam optD;
  private float lastG;

  private record Layer(NDArray affW, NDArray affB, NDArray w, NDArray b, NDArray noise,
      boolean up, boolean last) {
  }

  /**
   * @param config the configuration
   * @param seed seed of the initial parameters
   */
  public StyleGan(StyleConfig config, long seed) {
    super(seed);
    this.config = config;
    int in = config.latent() * (config.classes() > 0 ? 2 : 1);
    for (int l = 0; l < config.mappingLayers(); l++) {
      mw.add(params.normal("m.fc" + l + ".w", Math.sqrt(2.0 / in), in, config.wDim()));
      mb.add(params.constant("m.fc" + l + ".b", 0f, config.wDim()));
      in = config.wDim();
    }
    this.mEmbed = config.classes() > 0
        ? params.normal("m.embed", 1.0, config.classes(), config.latent()) : null;
    int c = config.width();
    if (config.image()) {
      this.constant = params.normal("s.const", 1.0, 1, 2L * c, 7, 7);
      layer(0, 2 * c, 2 * c, 3, false, false);
      layer(1, 2 * c, 2 * c, 3, true, false);
      layer(2, 2 * c, c, 3, true, false);
      layer(3, c, c, 3, false, false);
      layer(4, c, 1, 1, false, true);
    } else {
      this.constant = params.normal("s.const", 1.0, 1, c);
      for (int l = 0; l < 3; l++) {
        layer(l, c, c, 0, false, false);
      }
      layer(3, c, config.dim(), 0, false, true);
    }
    this.meanW = params.buffer("meanW", 0f, config.wDim());
    this.critic = new Critic(params, "d.", config.image(), config.dim(), c, config.classes());
    this.optM = new Adam(params, "m.", config.lr() * config.mappingLrScale(), 0.0, 0.99);
    this.optS = new Adam(params, "s.", config.lr(), 0.0, 0.99);
    this.optD = new Adam(params, "d.", config.lr(), 0.0, 0.99);
  }

  private void layer(int l, int cin, int cout, int k, boolean up, boolean last) {
    String p = "s.l" + l + ".";
    long[] shape = k > 0 ? new long[] {cout, cin, k, k} : new long[] {cin, cout};
    double fan = k > 0 ? (double) cin * k * k : cin;
    NDArray w = params.normal(p + "w", Math.sqrt(1.0 / fan), shape);
    NDArray b = k > 0 ? params.constant(p + "b", 0f, 1, cout, 1, 1)
        : params.constant(p + "b", 0f, cout);
    layers.add(new Layer(params.normal(p + "a.w", Math.sqrt(1.0 / config.wDim()), config.wDim(),
        cin), params.constant(p + "a.b", 1f, cin), w, b,
        last ? null : params.constant(p + "noise", 0f, 1), up, last));
  }

  @Override
  public String kind() {
    return "stylegan" + (config.image() ? "-image" : "-toy") + (config.classes() > 0 ? "-cond"
        : "");
  }

  @Override
  public StyleConfig config() {
    return config;
  }

  @Override
  public List<String> lossNames() {
    return List.of("d", "g", "r1");
  }

  @Override
  public int dim() {
    return config.dim();
  }

  @Override
  public int classes() {
    return config.classes();
  }

  /** Number L of style layers (each takes its own w). */
  public int styleLayers() {
    return layers.size();
  }

  /** Dimension of w. */
  public int wDim() {
    return config.wDim();
  }

  NDArray map(NDArray z, NDArray y) {
    NDArray h = z.mul(z.square().mean(new int[] {1}, true).add(1e-8f).pow(-0.5f));
    if (mEmbed != null) {
      h = h.concat(Nn.oneHot(y, config.classes()).matMul(mEmbed), 1);
    }
    for (int l = 0; l < mw.size(); l++) {
      h = Nn.lrelu(Nn.linear(h, mw.get(l), mb.get(l)));
    }
    return h;
  }

  NDArray synth(List<NDArray> ws) {
    return synth(ws, false);
  }

  /** The synthesis network; {@code sharedNoise}: one noise image for every sample. */
  NDArray synth(List<NDArray> ws, boolean sharedNoise) {
    long n = ws.get(0).getShape().get(0);
    boolean image = config.image();
    NDArray x = image
        ? constant.broadcast(n, constant.getShape().get(1), 7, 7)
        : constant.broadcast(n, constant.getShape().get(1));
    for (int l = 0; l < layers.size(); l++) {
      Layer layer = layers.get(l);
      NDArray s = Nn.linear(ws.get(l), layer.affW(), layer.affB());
      if (layer.up()) {
        x = Nn.up2(x);
      }
      NDArray y;
      NDArray wsq;
      if (image) {
        y = Nn.conv(x.mul(s.reshape(n, -1, 1, 1)), layer.w(), null);
        wsq = layer.last() ? null : layer.w().square().sum(new int[] {2, 3}).transpose();
      } else {
        y = x.mul(s).matMul(layer.w());
        wsq = layer.last() ? null : layer.w().square();
      }
      if (!layer.last()) {
        NDArray d = s.square().matMul(wsq).add(1e-8f).pow(-0.5f);
        y = y.mul(image ? d.reshape(n, -1, 1, 1) : d);
        long rows = sharedNoise ? 1 : n;
        Shape noiseShape = image
            ? new Shape(rows, 1, y.getShape().get(2), y.getShape().get(3))
            : new Shape(rows, y.getShape().get(1));
        y = y.add(manager.randomNormal(noiseShape).mul(layer.noise()));
        x = Nn.lrelu(y.add(layer.b()));
      } else {
        x = y.add(layer.b());
      }
    }
    return image ? Activation.sigmoid(x).reshape(n, 784) : x;
  }

  /** The per-layer w: w for every layer, or w up to a random crossover and w2 after it. */
  private List<NDArray> styles(NDArray z, NDArray y, boolean mix) {
    NDArray w = map(z, y);
    List<NDArray> ws = new ArrayList<>();
    int cross = layers.size();
    NDArray w2 = null;
    if (mix && config.mixing() > 0
        && manager.randomUniform(0f, 1f, new Shape(1)).getFloat(0) < config.mixing()) {
      w2 = map(manager.randomNormal(z.getShape()), y);
      cross = 1 + (int) (manager.randomUniform(0f, 1f, new Shape(1)).getFloat(0)
          * (layers.size() - 1));
    }
    for (int l = 0; l < layers.size(); l++) {
      ws.add(l < cross ? w : w2);
    }
    return ws;
  }

  @Override
  protected NDArray generate(int n, NDArray labels) {
    return generate(n, labels, 1.0);
  }

  private NDArray generate(int n, NDArray labels, double psi) {
    NDArray w = map(manager.randomNormal(new Shape(n, config.latent())), labels);
    if (psi != 1.0) {
      w = meanW.add(w.sub(meanW).mul((float) psi));
    }
    List<NDArray> ws = new ArrayList<>();
    for (int l = 0; l < layers.size(); l++) {
      ws.add(w);
    }
    return synth(ws);
  }

  /**
   * n samples with truncation ψ around the mean w (ψ = 1: none; ψ = 0: the mean image).
   *
   * @param n number of samples
   * @param labels n labels for a conditional model, else null
   * @param seed seed of latents and noise
   * @param psi truncation ψ in [0, 1]
   */
  public float[][] sample(int n, int[] labels, long seed, double psi) {
    if (!(psi >= 0 && psi <= 1)) {
      throw new IllegalArgumentException("truncation psi is " + psi + ", expected in [0, 1]");
    }
    checkLabels(labels, n);
    Torch.seed(seed);
    try (NDScope scope = new NDScope()) {
      NDArray y = labels == null ? null : manager.create(labels);
      return rows(generate(n, y, psi), dim());
    }
  }

  /** w = mapping(z, y) for n latents z (n × latent), n × wDim. */
  public float[][] mapping(float[][] z, int[] labels) {
    checkLabels(labels, z.length);
    try (NDScope scope = new NDScope()) {
      NDArray y = labels == null ? null : manager.create(labels);
      return rows(map(manager.create(flat(z, config.latent()), new Shape(z.length,
          config.latent())), y), config.wDim());
    }
  }

  /** The mean w̄ tracked during training (truncation centre), length wDim. */
  public float[] meanW() {
    return meanW.toFloatArray();
  }

  /**
   * Images (or points) from per-layer styles: {@code ws[i][l]} is the w of sample i at layer l
   * (n × L × wDim); noise drawn from {@code noiseSeed}, a different noise image for each row of
   * the batch.
   */
  public float[][] synthesize(float[][][] ws, long noiseSeed) {
    return synthesize(ws, noiseSeed, false);
  }

  /**
   * As {@link #synthesize(float[][][], long)}; with {@code sharedNoise} every row of the batch
   * gets the same noise image (drawn from {@code noiseSeed}), so that a sample depends on its
   * styles only and not on its row: equal styles give equal images anywhere in any batch, as
   * path lengths and interpolation paths need.
   */
  public float[][] synthesize(float[][][] ws, long noiseSeed, boolean sharedNoise) {
    int n = ws.length;
    Torch.seed(noiseSeed);
    try (NDScope scope = new NDScope()) {
      List<NDArray> per = new ArrayList<>();
      for (int l = 0; l < layers.size(); l++) {
        float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) {
          if (ws[i].length != layers.size()) {
            throw new IllegalArgumentException("sample " + i + " has " + ws[i].length
                + " layer styles, expected " + layers.size());
          }
          rows[i] = ws[i][l];
        }
        per.add(manager.create(flat(rows, config.wDim()), new Shape(n, config.wDim())));
      }
      return rows(synth(per, sharedNoise), dim());
    }
  }

  private static float[] flat(float[][] rows, int width) {
    float[] f = new float[rows.length * width];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != width) {
        throw new IllegalArgumentException("row " + i + " has " + rows[i].length
            + " values, expected " + width);
      }
      System.arraycopy(rows[i], 0, f, i * width, width);
    }
    return f;
  }

  private static float[][] rows(NDArray a, int width) {
    float[] f = a.toFloatArray();
    float[][] out = new float[f.length / width][width];
    for (int i = 0; i < out.length; i++) {
      System.arraycopy(f, i * width, out[i], 0, width);
    }
    return out;
  }

  @Override
  protected float[] trainStep(NDArray x, NDArray labels) {
    long n = x.getShape().get(0);
    float dLoss;
    float r1 = 0;

    // Discriminator: non-saturating loss and R1 on the real batch.
    NDArray fake = synth(styles(manager.randomNormal(new Shape(n, config.latent())), labels,
        true));
    try (GradientCollector gc = Torch.engine().newGradientCollector()) {
      NDArray loss;
      NDArray real;
      if (config.r1() > 0) {
        NDArray[] out = critic.forwardWithInputGradient(x, labels);
        real = out[0];
        NDArray pen = out[1].square().sum(new int[] {1}).mean().mul((float) config.r1() / 2);
        r1 = pen.getFloat();
        loss = Nn.softplus(real.neg()).mean().add(pen);
      } else {
        real = critic.forward(x, labels);
        loss = Nn.softplus(real.neg()).mean();
      }
      NDArray gen = critic.forward(fake, labels);
      loss = loss.add(Nn.softplus(gen).mean());
      dLoss = loss.getFloat() - r1;
      gc.backward(loss);
    }
    optD.step();
    optM.zeroGradients();
    optS.zeroGradients();

    // Generator: mapping and synthesis.
    try (GradientCollector gc = Torch.engine().newGradientCollector()) {
      NDArray z = manager.randomNormal(new Shape(n, config.latent()));
      List<NDArray> ws = styles(z, labels, true);
      NDArray gen = critic.forward(synth(ws), labels);
      NDArray loss = Nn.softplus(gen.neg()).mean();
      lastG = loss.getFloat();
      gc.backward(loss);
      meanW.muli(0.995f).addi(ws.get(0).stopGradient().mean(new int[] {0}).mul(0.005f));
    }
    optD.zeroGradients();
    optM.step();
    optS.step();
    return new float[] {dLoss, lastG, r1};
  }
}
