package lab.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The analytic input gradient of the critic against autograd and finite differences. */
class CriticGradientTest {

  @ParameterizedTest
  @CsvSource({"false, 2, 0", "false, 3, 4", "true, 784, 0", "true, 784, 10"})
  void analyticInputGradientMatches(boolean image, int dim, int classes) {
    Torch.seed(11);
    try (NDManager m = Torch.engine().newBaseManager(); NDScope scope = new NDScope()) {
      Params p = new Params(m, 5);
      Critic critic = new Critic(p, "d.", image, dim, image ? 4 : 16, classes);
      int n = 3;
      NDArray x = m.randomUniform(0f, 1f, new Shape(n, dim));
      NDArray y = classes > 0 ? m.create(new int[] {0, classes - 1, 1}) : null;
      float[] analytic = critic.forwardWithInputGradient(x, y)[1].toFloatArray();

      // Autograd of the summed scores with respect to x.
      NDArray xg = x.duplicate();
      xg.setRequiresGradient(true);
      try (GradientCollector gc = Torch.engine().newGradientCollector()) {
        gc.backward(critic.forward(xg, y).sum());
      }
      float[] auto = xg.getGradient().toFloatArray();
      double scale = 0;
      for (float v : auto) {
        scale = Math.max(scale, Math.abs(v));
      }
      for (int i = 0; i < auto.length; i++) {
        assertEquals(auto[i], analytic[i], 1e-5 * scale + 1e-7, "entry " + i);
      }

      // Central finite differences (double-precision sums of float scores) on a few entries.
      float[] base = x.toFloatArray();
      float h = 1e-3f;
      int[] probe = {0, dim / 2, dim + 1, n * dim - 1};
      for (int i : probe) {
        float[] plus = base.clone();
        float[] minus = base.clone();
        plus[i] += h;
        minus[i] -= h;
        double fp = critic.forward(m.create(plus, new Shape(n, dim)), y).sum().getFloat();
        double fm = critic.forward(m.create(minus, new Shape(n, dim)), y).sum().getFloat();
        double fd = (fp - fm) / (2 * h);
        assertEquals(fd, analytic[i], 2e-2 * scale + 1e-4, "finite difference, entry " + i);
      }
      assertTrue(scale > 0);
    }
  }
}
