package lab.gan;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Infinite rates and weights in the model configurations are refused at construction. */
class BadConfigTest {

  private static void assertMessage(Executable call, String... parts) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "message lacks '" + part + "': "
          + e.getMessage());
    }
  }

  /** These used to be accepted and surfaced only as a NaN loss at the first training step. */
  @Test
  void infiniteLearningRatesAndWeights() {
    GanConfig g = GanConfig.toy(GanConfig.Loss.WGAN_GP, 2);
    double inf = Double.POSITIVE_INFINITY;
    assertMessage(() -> g.withLearningRates(inf, 1e-3), "lrG Infinity", "finite");
    assertMessage(() -> g.withLearningRates(1e-3, Double.NaN), "lrD NaN");
    assertMessage(() -> new GanConfig(g.loss(), g.image(), g.dim(), g.latent(), g.width(),
        g.classes(), g.lrG(), g.lrD(), g.beta1(), g.beta2(), g.criticSteps(), g.clip(), inf),
        "gpWeight Infinity");
    assertMessage(() -> new AutoencoderConfig(false, 2, 2, 8, inf), "lr is Infinity");
    StyleConfig s = StyleConfig.toy(2);
    assertMessage(() -> new StyleConfig(s.image(), s.dim(), s.latent(), s.wDim(),
        s.mappingLayers(), s.width(), s.classes(), inf, s.mappingLrScale(), s.mixing(),
        s.r1()), "lr Infinity");
    assertMessage(() -> new StyleConfig(s.image(), s.dim(), s.latent(), s.wDim(),
        s.mappingLayers(), s.width(), s.classes(), s.lr(), s.mappingLrScale(), s.mixing(),
        inf), "r1 Infinity");
  }
}
