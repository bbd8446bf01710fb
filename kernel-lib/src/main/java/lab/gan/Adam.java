package lab.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam (Kingma and Ba, "Adam: A method for stochastic optimization", ICLR 2015) over a group of
 * parameters, with its moments kept as buffers in the model's {@link Params} so that a
 * checkpoint holds the optimiser state and training resumes exactly.
 *
 * <p>For each parameter w with gradient g at step t: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
 * w ← w − lr · (m / (1−β₁ᵗ)) / (√(v / (1−β₂ᵗ)) + ε). The gradients are zeroed after the update so
 * the next step sees only its own (case D1).
 */
public final class Adam {

  private final List<NDArray> weights;
  private final List<NDArray> first = new ArrayList<>();
  private final List<NDArray> second = new ArrayList<>();
  private final NDArray count;
  private final float lr;
  private final float beta1;
  private final float beta2;
  private final float eps;

  /**
   * @param params the model's arrays
   * @param group prefix of the trainable arrays this optimiser updates (e.g. {@code "g."})
   * @param lr learning rate &gt; 0
   * @param beta1 first-moment decay in [0, 1)
   * @param beta2 second-moment decay in [0, 1)
   */
  public Adam(Params params, String group, double lr, double beta1, double beta2) {
    if (!(lr > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
      throw new IllegalArgumentException("Adam for '" + group + "': lr " + lr + ", beta1 "
          + beta1 + ", beta2 " + beta2 + "; expected lr > 0 and betas in [0, 1)");
    }
    this.weights = params.trainable(group);
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("Adam: no trainable array starts with '" + group + "'");
    }
    for (NDArray w : weights) {
      long[] shape = w.getShape().getShape();
      first.add(params.buffer("adam." + w.getName() + ".m", 0f, shape));
      second.add(params.buffer("adam." + w.getName() + ".v", 0f, shape));
    }
    this.count = params.buffer("adam." + group + "t", 0f, 1);
    this.lr = (float) lr;
    this.beta1 = (float) beta1;
    this.beta2 = (float) beta2;
    this.eps = 1e-8f;
  }

  /** The parameters this optimiser updates. */
  public List<NDArray> weights() {
    return weights;
  }

  /** Zeroes the gradients of this group. */
  public void zeroGradients() {
    Torch.zeroGradients(weights);
  }

  /**
   * One update from the gradients now in the parameters' buffers, then zeroes them. Call inside
   * an {@link ai.djl.ndarray.NDScope} so temporaries are freed.
   */
  public void step() {
    boolean grad = JniUtils.isGradMode();
    JniUtils.setGradMode(false);
    try {
      update();
    } finally {
      JniUtils.setGradMode(grad);
    }
  }

  private void update() {
    float t = count.getFloat(0) + 1;
    count.set(new float[] {t});
    float c1 = (float) (1 - Math.pow(beta1, t));
    float c2 = (float) (1 - Math.pow(beta2, t));
    for (int i = 0; i < weights.size(); i++) {
      NDArray w = weights.get(i);
      NDArray g = w.getGradient();
      NDArray m = first.get(i);
      NDArray v = second.get(i);
      m.muli(beta1).addi(g.mul(1 - beta1));
      v.muli(beta2).addi(g.square().muli(1 - beta2));
      NDArray denom = v.div(c2).sqrt().addi(eps);
      w.subi(m.mul(lr / c1).divi(denom));
    }
    zeroGradients();
  }
}
