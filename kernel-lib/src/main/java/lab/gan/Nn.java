package lab.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;

/**
 * The layer operations of the package written as plain differentiable array operations, with
 * the adjoints (input-gradient maps) the analytic critic gradient needs.
 *
 * <p>Shapes: dense inputs B × F, weights F × F' (so y = xW + b); images B × C × H × W, 3 × 3
 * convolution weights C' × C × 3 × 3 with padding 1 and stride 1.
 */
final class Nn {

  /** Slope of the leaky ReLU on negative inputs. */
  static final float SLOPE = 0.2f;

  private static final Shape ONE = new Shape(1, 1);

  private Nn() {
  }

  static NDArray linear(NDArray x, NDArray w, NDArray b) {
    NDArray y = x.matMul(w);
    return b == null ? y : y.add(b);
  }

  static NDArray conv(NDArray x, NDArray w, NDArray b) {
    long k = w.getShape().get(2);
    Shape pad = new Shape(k / 2, k / 2);
    return Conv2d.conv2d(x, w, b, ONE, pad, ONE, 1).singletonOrThrow();
  }

  /** The adjoint of {@link #conv} without bias: the gradient of ⟨g, conv(x)⟩ in x. */
  static NDArray convAdjoint(NDArray g, NDArray w) {
    return conv(g, w.flip(2, 3).transpose(1, 0, 2, 3), null);
  }

  static NDArray lrelu(NDArray x) {
    return Activation.leakyRelu(x, SLOPE);
  }

  /** σ'(a) of the leaky ReLU: 1 where a &gt; 0, else {@link #SLOPE} (no gradient through it). */
  static NDArray lreluSlope(NDArray a) {
    return a.gt(0).toType(DataType.FLOAT32, false).muli(1 - SLOPE).addi(SLOPE);
  }

  /** Nearest-neighbour upsampling by 2: B × C × H × W → B × C × 2H × 2W. */
  static NDArray up2(NDArray x) {
    Shape s = x.getShape();
    long n = s.get(0);
    long c = s.get(1);
    long h = s.get(2);
    long w = s.get(3);
    return x.reshape(n, c, h, 1, w, 1).broadcast(n, c, h, 2, w, 2).reshape(n, c, 2 * h, 2 * w);
  }

  /** 2 × 2 average pooling: B × C × H × W → B × C × H/2 × W/2 (H, W even). */
  static NDArray down2(NDArray x) {
    Shape s = x.getShape();
    long n = s.get(0);
    long c = s.get(1);
    long h = s.get(2);
    long w = s.get(3);
    return x.reshape(n, c, h / 2, 2, w / 2, 2).mean(new int[] {5}).mean(new int[] {3});
  }

  /** The adjoint of {@link #down2}: each value spread as a quarter over its 2 × 2 block. */
  static NDArray down2Adjoint(NDArray g) {
    return up2(g).muli(0.25f);
  }

  /** One-hot rows, B × k float. */
  static NDArray oneHot(NDArray labels, int k) {
    return labels.oneHot(k, DataType.FLOAT32);
  }

  /**
   * Batch normalisation over axis 1 with learned scale and shift; in training mode the batch
   * statistics are used and the running ones updated in place.
   */
  static NDArray batchNorm(NDArray x, NDArray runMean, NDArray runVar, NDArray gamma,
      NDArray beta, boolean training) {
    return BatchNorm.batchNorm(x, runMean, runVar, gamma, beta, 1, 0.1f, 1e-5f, training)
        .singletonOrThrow();
  }

  /** log(1 + exp(x)), stable for large |x|. */
  static NDArray softplus(NDArray x) {
    return x.maximum(0).add(x.abs().neg().exp().add(1f).log());
  }
}
