package lab.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import lab.gan.Gan;
import lab.gan.GanConfig;
import org.junit.jupiter.api.Test;

class GanLatentTest {

  @Test
  void aToyGanDecodesItsCodesAndFeedsTheOperations() {
    try (Gan gan = new Gan(GanConfig.toy(GanConfig.Loss.WGAN_GP, 2), 3)) {
      GanLatent g = GanLatent.of(gan, "WGAN-GP toy");
      assertEquals(8, g.latentDim());
      double[][] z = g.sampleCodes(16, new Random(1));
      float[][] zf = new float[16][8];
      for (int i = 0; i < 16; i++) {
        for (int k = 0; k < 8; k++) {
          zf[i][k] = (float) z[i][k];
        }
      }
      float[][] direct = gan.generateFrom(zf, null);
      double[][] viaView = g.decode(z);
      for (int i = 0; i < 16; i++) {
        assertArrayEquals(new double[] {direct[i][0], direct[i][1]}, viaView[i], 0);
      }
      assertNull(g.labels(z));
      SampleSet mid = new Operation.Interpolate().apply(g, 32, 2);
      assertEquals(32, mid.size());
      LatentProperties.Linearity lin = LatentProperties.linearity(LatentSpace.z(g),
          Encoder.identity(2), 10, 6, 1);
      assertTrue(lin.departure() >= 0 && lin.pairs() == 10, lin.toString());
      assertThrows(IllegalArgumentException.class, () -> g.decode(new double[][] {{1, 2}}));
    }
  }

  @Test
  void conditionalLabelsFollowTheRowAndInversionReducesTheLoss() {
    try (Gan gan = new Gan(GanConfig.toy(GanConfig.Loss.WGAN_GP, 2).conditional(3), 4)) {
      GanLatent g = GanLatent.of(gan, "conditional");
      assertArrayEquals(new int[] {0, 1, 2, 0, 1}, g.labels(new double[5][8]));
      double[][] truth = g.sampleCodes(6, new Random(5));
      double[][] targets = g.decode(truth);
      Inversion.Result r = Inversion.invert(Differentiable.finiteDifferences(g, 1e-2), targets,
          x -> new double[x.length][8], new Inversion.Options(60, 0.05, 0));
      assertTrue(r.meanFinalLoss() < 0.5 * r.meanInitialLoss(),
          r.meanInitialLoss() + " → " + r.meanFinalLoss());
    }
  }
}
