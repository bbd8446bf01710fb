package lab.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import lab.gan.Gan;
import lab.gan.GanConfig;
import lab.gan.StyleConfig;
import lab.gan.StyleGan;
import org.junit.jupiter.api.Test;

class ClassLatentTest {

  @Test
  void everyRowOfAGanViewHasTheChosenClass() {
    try (Gan gan = new Gan(GanConfig.toy(GanConfig.Loss.NON_SATURATING, 2).conditional(3), 4)) {
      LatentGenerator one = ClassLatent.of(gan, "GAN", 1);
      double[] z = one.sampleCodes(1, new Random(2))[0];
      double[][] x = one.decode(new double[][] {z, z, z, z});
      for (int i = 1; i < 4; i++) {
        assertArrayEquals(x[0], x[i], 1e-5, "row " + i);
      }
      assertArrayEquals(new int[] {1, 1, 1, 1}, one.labels(new double[4][2]));
      double[][] other = ClassLatent.of(gan, "GAN", 2).decode(new double[][] {z});
      assertFalse(Arrays.equals(x[0], other[0]), "class 2 draws another sample");
      // the row-position view of GanLatent gives row i the class i mod 3
      double[][] byRow = GanLatent.of(gan, "GAN").decode(new double[][] {z, z});
      assertArrayEquals(x[0], byRow[1], 1e-5);
      assertEquals("GAN", one.name());

      var e = assertThrows(IllegalArgumentException.class, () -> ClassLatent.of(gan, "GAN", 3));
      assertTrue(e.getMessage().contains("0 ≤ class < 3"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> one.decode(new double[][] {{1, 2}}));
    }
    try (Gan plain = new Gan(GanConfig.toy(GanConfig.Loss.NON_SATURATING, 2), 4)) {
      assertEquals(null, ClassLatent.of(plain, "plain", 0).labels(new double[2][8]));
      assertThrows(IllegalArgumentException.class, () -> ClassLatent.of(plain, "plain", 1));
    }
  }

  @Test
  void styleViewsShareTheNoiseSoEqualStylesGiveEqualSamples() {
    try (StyleGan model = new StyleGan(StyleConfig.toy(2).conditional(3), 5)) {
      StyleGenerator w = ClassLatent.w(model, "StyleGAN-like", 2);
      double[] z = w.sampleCodes(1, new Random(1))[0];
      double[][] styles = w.map(new double[][] {z, z, z});
      assertArrayEquals(styles[0], styles[2], 0);
      double[][] x = w.synthesise(w.broadcast(styles));
      assertArrayEquals(x[0], x[1], 1e-5);
      assertArrayEquals(x[0], x[2], 1e-5);
      // the same style alone in a batch of one: the same sample
      assertArrayEquals(x[0], w.synthesise(w.broadcast(new double[][] {styles[0]}))[0], 1e-6);

      // the Z view decodes through the same mapping and synthesis
      LatentGenerator zView = ClassLatent.z(model, "StyleGAN-like", 2);
      assertFalse(zView instanceof StyleGenerator);
      assertArrayEquals(x[0], zView.decode(new double[][] {z})[0], 1e-6);

      // the shared-noise synthesis of lab.gan
      float[][][] ws = new float[2][model.styleLayers()][];
      for (int i = 0; i < 2; i++) {
        for (int l = 0; l < model.styleLayers(); l++) {
          ws[i][l] = StyleGanLatent.toFloat(new double[][] {styles[0]})[0];
        }
      }
      float[][] perRow = model.synthesize(ws, 0);
      float[][] shared = model.synthesize(ws, 0, true);
      assertArrayEquals(shared[0], shared[1], 1e-5f);
      assertEquals(2, perRow.length);
      assertArrayEquals(StyleGanLatent.toFloat(x)[0], shared[0], 1e-5f);

      var e = assertThrows(IllegalArgumentException.class,
          () -> w.synthesise(new double[1][][]));
      assertTrue(e.getMessage().contains("style layers"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> ClassLatent.w(model, "s", -1));
    }
  }
}
