package lab.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * The discriminator / critic f(x, y) shared by every adversarial model, with its input gradient
 * ∇ₓf written out analytically.
 *
 * <p>Toy form (points, x ∈ Rᵈ): φ = σ(…σ(xW₁ + b₁)…W_L + b_L), L = 3 hidden layers of width H.
 * Image form (x ∈ [0,1]^{28×28}): φ = flatten(pool(σ(conv₂(pool(σ(conv₁(x))))))), 3 × 3
 * convolutions with c and 2c channels, 2 × 2 average pooling, so φ has 2c·7·7 entries. Output
 * f = φ·v + b, plus φ·e_y with a learned class embedding e_y for a conditional critic (the
 * projection discriminator of Miyato and Koyama, ICLR 2018). σ is the leaky ReLU with slope 0.2.
 *
 * <p>The input gradient follows the chain backwards with ordinary operations: g = v + e_y,
 * g ← g ⊙ σ'(a_l) then g ← g W_lᵀ (dense) or the adjoint of pooling (¼ on each 2 × 2 block) and
 * of convolution (the kernel flipped and its channel axes swapped). Because each of these is an
 * ordinary differentiable operation, a penalty on ‖∇ₓf‖ is differentiated with respect to the
 * critic's weights by a plain backward pass: no second-order graph of the engine is needed, and
 * native memory stays flat (the engine's own route keeps a reference cycle on {@code .grad}).
 */
final class Critic {

  private final boolean image;
  private final int classes;
  private final List<NDArray> w = new ArrayList<>();
  private final List<NDArray> b = new ArrayList<>();
  private final NDArray v;
  private final NDArray bias;
  private final NDArray embed;

  Critic(Params p, String prefix, boolean image, int dim, int width, int classes) {
    this.image = image;
    this.classes = classes;
    long feat;
    if (image) {
      if (dim != 784) {
        throw new IllegalArgumentException("image critic expects 784 pixels, got " + dim);
      }
      w.add(p.normal(prefix + "conv1.w", Math.sqrt(2.0 / 9), width, 1, 3, 3));
      b.add(p.constant(prefix + "conv1.b", 0f, 1, width, 1, 1));
      w.add(p.normal(prefix + "conv2.w", Math.sqrt(2.0 / (9 * width)), 2 * width, width, 3, 3));
      b.add(p.constant(prefix + "conv2.b", 0f, 1, 2L * width, 1, 1));
      feat = 2L * width * 49;
    } else {
      int in = dim;
      for (int l = 0; l < 3; l++) {
        w.add(p.normal(prefix + "fc" + l + ".w", Math.sqrt(2.0 / in), in, width));
        b.add(p.constant(prefix + "fc" + l + ".b", 0f, width));
        in = width;
      }
      feat = width;
    }
    this.v = p.normal(prefix + "out.w", Math.sqrt(1.0 / feat), feat, 1);
    this.bias = p.constant(prefix + "out.b", 0f, 1);
    this.embed = classes > 0 ? p.normal(prefix + "embed", Math.sqrt(1.0 / feat), classes, feat)
        : null;
  }

  /** Scores f(x, y), shape B. */
  NDArray forward(NDArray x, NDArray y) {
    return run(x, y, false)[0];
  }

  /** Scores f(x, y) (B) and their input gradients ∇ₓf (B × dim). */
  NDArray[] forwardWithInputGradient(NDArray x, NDArray y) {
    return run(x, y, true);
  }

  private NDArray[] run(NDArray x, NDArray y, boolean gradient) {
    long n = x.getShape().get(0);
    List<NDArray> pre = new ArrayList<>();
    NDArray h;
    if (image) {
      h = x.reshape(n, 1, 28, 28);
      for (int l = 0; l < 2; l++) {
        NDArray a = Nn.conv(h, w.get(l), null).add(b.get(l));
        pre.add(a);
        h = Nn.down2(Nn.lrelu(a));
      }
      h = h.reshape(n, -1);
    } else {
      h = x;
      for (int l = 0; l < w.size(); l++) {
        NDArray a = Nn.linear(h, w.get(l), b.get(l));
        pre.add(a);
        h = Nn.lrelu(a);
      }
    }
    NDArray out = h.matMul(v).reshape(n).add(bias);
    NDArray top = null;
    if (embed != null) {
      NDArray e = Nn.oneHot(y, classes).matMul(embed);
      out = out.add(h.mul(e).sum(new int[] {1}));
      if (gradient) {
        top = e.add(v.reshape(1, -1));
      }
    } else if (gradient) {
      top = v.reshape(1, -1).broadcast(n, v.getShape().get(0));
    }
    if (!gradient) {
      return new NDArray[] {out};
    }

    // Backward through the features with ordinary operations.
    NDArray g = top;
    if (image) {
      Shape s = pre.get(1).getShape();
      g = g.reshape(n, s.get(1), s.get(2) / 2, s.get(3) / 2);
      for (int l = 1; l >= 0; l--) {
        g = Nn.down2Adjoint(g).mul(Nn.lreluSlope(pre.get(l)));
        g = Nn.convAdjoint(g, w.get(l));
      }
      g = g.reshape(n, 784);
    } else {
      for (int l = w.size() - 1; l >= 0; l--) {
        g = g.mul(Nn.lreluSlope(pre.get(l))).matMul(w.get(l).transpose());
      }
    }
    return new NDArray[] {out, g};
  }

  /** The weights to clip for the original WGAN (all of the critic's arrays). */
  List<NDArray> weights() {
    List<NDArray> all = new ArrayList<>(w);
    all.addAll(b);
    all.add(v);
    all.add(bias);
    if (embed != null) {
      all.add(embed);
    }
    return all;
  }
}
