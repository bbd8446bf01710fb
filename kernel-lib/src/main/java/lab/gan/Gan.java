package lab.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;

/**
 * GAN, WGAN (weight clipping) and WGAN-GP, in toy and image form, optionally class-conditional.
 *
 * <p>Generator G(z, y), z ~ N(0, I_latent). Toy form: a dense net z → 3 × (width, ReLU) → dim.
 * Image form (DCGAN-like, transposed convolution replaced by nearest upsampling then a 3 × 3
 * convolution): z → dense → 4c × 7 × 7 → BN, ReLU → ×2 → conv 2c → BN, ReLU → ×2 → conv c →
 * BN, ReLU → conv 1 → sigmoid, so pixels lie in (0, 1). A conditional generator concatenates a
 * learned label embedding (latent entries) to z; the critic is a projection critic
 * ({@link Critic}).
 *
 * <p>Losses per trainer step (one critic update; the generator is updated every
 * {@code criticSteps}-th step):
 * <ul>
 *   <li>non-saturating: L_D = E softplus(−D(x)) + E softplus(D(G(z))), L_G = E softplus(−D(G(z)))
 *       (Goodfellow et al., NeurIPS 2014);</li>
 *   <li>WGAN: L_D = E f(G(z)) − E f(x), weights clipped to [−c, c] after each critic update,
 *       L_G = −E f(G(z)) (Arjovsky, Chintala and Bottou, ICML 2017);</li>
 *   <li>WGAN-GP: L_D as WGAN plus λ E(‖∇ₓ̂ f(x̂)‖ − 1)² at x̂ = εx + (1 − ε)G(z), ε ~ U(0, 1)
 *       per sample (Gulrajani et al., NeurIPS 2017), with ∇ₓ̂ f written out analytically.</li>
 * </ul>
 * Reported losses: {@code d} (L_D without penalty), {@code g} (latest L_G), {@code gp} (penalty
 * term, 0 for other losses).
 *
 * <p>Repeatable: at a fixed thread count the same seed and options give bit-identical
 * parameters (see {@link Trainer}).
 */
public final class Gan extends GenerativeModel {

  private final GanConfig config;
  private final Critic critic;
  private final List<NDArray> gw = new ArrayList<>();
  private final List<NDArray> gb = new ArrayList<>();
  private final List<NDArray[]> bn = new ArrayList<>();
  private final NDArray gEmbed;
  private final Adam optG;
  private final Adam optD;
  private float lastG;

  /**
   * A fresh model.
   *
   * @param config the configuration
   * @param seed seed of the initial parameters
   */
  public Gan(GanConfig config, long seed) {
    super(seed);
    this.config = config;
    int c = config.width();
    int zin = config.latent() * (config.classes() > 0 ? 2 : 1);
    if (config.image()) {
      gw.add(params.normal("g.fc.w", Math.sqrt(1.0 / zin), zin, 4L * c * 49));
      gb.add(params.constant("g.fc.b", 0f, 4L * c * 49));
      gw.add(params.normal("g.conv1.w", Math.sqrt(2.0 / (36 * c)), 2 * c, 4 * c, 3, 3));
      gb.add(params.constant("g.conv1.b", 0f, 1, 2L * c, 1, 1));
      gw.add(params.normal("g.conv2.w", Math.sqrt(2.0 / (18 * c)), c, 2 * c, 3, 3));
      gb.add(params.constant("g.conv2.b", 0f, 1, c, 1, 1));
      gw.add(params.normal("g.conv3.w", Math.sqrt(1.0 / (9 * c)), 1, c, 3, 3));
      gb.add(params.constant("g.conv3.b", 0f, 1, 1, 1, 1));
      long[] ch = {4L * c, 2L * c, c};
      for (int i = 0; i < 3; i++) {
        bn.add(new NDArray[] {params.buffer("g.bn" + i + ".mean", 0f, ch[i]),
            params.buffer("g.bn" + i + ".var", 1f, ch[i]),
            params.constant("g.bn" + i + ".gamma", 1f, ch[i]),
            params.constant("g.bn" + i + ".beta", 0f, ch[i])});
      }
    } else {
      int in = zin;
      for (int l = 0; l < 3; l++) {
        gw.add(params.normal("g.fc" + l + ".w", Math.sqrt(2.0 / in), in, c));
        gb.add(params.constant("g.fc" + l + ".b", 0f, c));
        in = c;
      }
      gw.add(params.normal("g.out.w", Math.sqrt(1.0 / c), c, config.dim()));
      gb.add(params.constant("g.out.b", 0f, config.dim()));
    }
    this.gEmbed = config.classes() > 0
        ? params.normal("g.embed", 1.0, config.classes(), config.latent()) : null;
    this.critic = new Critic(params, "d.", config.image(), config.dim(), c, config.classes());
    this.optG = new Adam(params, "g.", config.lrG(), config.beta1(), config.beta2());
    this.optD = new Adam(params, "d.", config.lrD(), config.beta1(), config.beta2());
  }

  @Override
  public String kind() {
    return switch (config.loss()) {
      case NON_SATURATING -> "gan";
      case WGAN_CLIP -> "wgan";
      case WGAN_GP -> "wgan-gp";
    } + (config.image() ? "-image" : "-toy") + (config.classes() > 0 ? "-cond" : "");
  }

  @Override
  public GanConfig config() {
    return config;
  }

  @Override
  public List<String> lossNames() {
    return List.of("d", "g", "gp");
  }

  @Override
  public int dim() {
    return config.dim();
  }

  @Override
  public int classes() {
    return config.classes();
  }

  /** G(z, y) for given latent codes z (B × latent) and labels (or null), B × dim. */
  public float[][] generateFrom(float[][] z, int[] labels) {
    checkLabels(labels, z.length);
    try (ai.djl.ndarray.NDScope scope = new ai.djl.ndarray.NDScope()) {
      float[] flat = new float[z.length * config.latent()];
      for (int i = 0; i < z.length; i++) {
        if (z[i].length != config.latent()) {
          throw new IllegalArgumentException("z row " + i + " has " + z[i].length
              + " entries, expected " + config.latent());
        }
        System.arraycopy(z[i], 0, flat, i * config.latent(), config.latent());
      }
      NDArray zz = manager.create(flat, new Shape(z.length, config.latent()));
      NDArray y = labels == null ? null : manager.create(labels);
      float[] out = generator(zz, y, false).toFloatArray();
      float[][] rows = new float[z.length][dim()];
      for (int i = 0; i < z.length; i++) {
        System.arraycopy(out, i * dim(), rows[i], 0, dim());
      }
      return rows;
    }
  }

  NDArray generator(NDArray z, NDArray y, boolean training) {
    NDArray h = z;
    if (gEmbed != null) {
      h = z.concat(Nn.oneHot(y, config.classes()).matMul(gEmbed), 1);
    }
    long n = z.getShape().get(0);
    if (config.image()) {
      int c = config.width();
      h = Nn.linear(h, gw.get(0), gb.get(0)).reshape(n, 4L * c, 7, 7);
      h = Activation.relu(bn(h, 0, training));
      h = Nn.conv(Nn.up2(h), gw.get(1), null).add(gb.get(1));
      h = Activation.relu(bn(h, 1, training));
      h = Nn.conv(Nn.up2(h), gw.get(2), null).add(gb.get(2));
      h = Activation.relu(bn(h, 2, training));
      h = Nn.conv(h, gw.get(3), null).add(gb.get(3));
      return Activation.sigmoid(h).reshape(n, 784);
    }
    for (int l = 0; l < 3; l++) {
      h = Activation.relu(Nn.linear(h, gw.get(l), gb.get(l)));
    }
    return Nn.linear(h, gw.get(3), gb.get(3));
  }

  private NDArray bn(NDArray h, int i, boolean training) {
    NDArray[] p = bn.get(i);
    return Nn.batchNorm(h, p[0], p[1], p[2], p[3], training);
  }

  @Override
  protected NDArray generate(int n, NDArray labels) {
    return generator(manager.randomNormal(new Shape(n, config.latent())), labels, false);
  }

  @Override
  protected float[] trainStep(NDArray x, NDArray labels) {
    long n = x.getShape().get(0);
    float dLoss;
    float gp = 0;

    // Critic update on real x and a fake batch made without recording a graph.
    NDArray fake = generator(manager.randomNormal(new Shape(n, config.latent())), labels, true);
    try (GradientCollector gc = Torch.engine().newGradientCollector()) {
      NDArray real = critic.forward(x, labels);
      NDArray gen = critic.forward(fake, labels);
      NDArray loss;
      if (config.loss() == GanConfig.Loss.NON_SATURATING) {
        loss = Nn.softplus(real.neg()).mean().add(Nn.softplus(gen).mean());
      } else {
        loss = gen.mean().sub(real.mean());
      }
      dLoss = loss.getFloat();
      if (config.loss() == GanConfig.Loss.WGAN_GP) {
        NDArray eps = manager.randomUniform(0f, 1f, new Shape(n, 1));
        NDArray mid = x.mul(eps).add(fake.mul(eps.neg().add(1)));
        NDArray grad = critic.forwardWithInputGradient(mid, labels)[1];
        NDArray norm = grad.square().sum(new int[] {1}).add(1e-12f).sqrt();
        NDArray penalty = norm.sub(1).square().mean().mul((float) config.gpWeight());
        gp = penalty.getFloat();
        loss = loss.add(penalty);
      }
      optG.zeroGradients();
      gc.backward(loss);
    }
    optD.step();
    if (config.loss() == GanConfig.Loss.WGAN_CLIP) {
      float c = (float) config.clip();
      for (NDArray w : critic.weights()) {
        w.set(w.clip(-c, c).toFloatArray());
      }
    }

    // Generator update every criticSteps-th step.
    if ((step() + 1) % config.criticSteps() == 0) {
      try (GradientCollector gc = Torch.engine().newGradientCollector()) {
        NDArray made = generator(manager.randomNormal(new Shape(n, config.latent())), labels,
            true);
        NDArray gen = critic.forward(made, labels);
        NDArray loss = config.loss() == GanConfig.Loss.NON_SATURATING
            ? Nn.softplus(gen.neg()).mean() : gen.mean().neg();
        lastG = loss.getFloat();
        optD.zeroGradients();
        gc.backward(loss);
      }
      optD.zeroGradients();
      optG.step();
    }
    return new float[] {dLoss, lastG, gp};
  }
}
