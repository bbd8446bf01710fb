package lab.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import lab.data.Toys;
import org.junit.jupiter.api.Test;

class StyleGanTest {

  /**
   * Toy StyleGAN-like on 8 Gaussians: 600 steps cut the sliced W2 to the target by 30% (the heavy
   * tier, -Dlab.heavy=true, runs 1,500 steps and asks for 4 modes and a distance below 0.6).
   */
  @Test
  void toyFormLearnsTheRing() {
    Trainer.Data data = Trainer.Data.of(Toys.gaussians8(4000, 1)).unlabelled();
    double[][] target = Toys.gaussians8(1000, 2).points();
    try (StyleGan g = new StyleGan(StyleConfig.toy(2), 3)) {
      double before = ToyQuality.slicedW2(g.sample(1000, 7), target, 64, 1);
      boolean heavy = Boolean.getBoolean("lab.heavy");
      Trainer.train(g, data, TrainOptions.of(heavy ? 1500 : 600).withBatchSize(256)
          .withThreads(1).withLogEvery(500));
      float[][] s = g.sample(1000, 7);
      double after = ToyQuality.slicedW2(s, target, 64, 1);
      ToyQuality.ModeReport modes = ToyQuality.modes(s, Toys.modes8(), ToyQuality.RADIUS,
          ToyQuality.MIN_SHARE);
      assertTrue(after < 0.7 * before, "sliced W2 " + before + " -> " + after + ", " + modes);
      if (heavy) {
        assertTrue(after < 0.6 && modes.modesHit() >= 4, after + ", " + modes);
      }
    }
  }

  /** Per-layer styles, mixing and truncation behave as documented. */
  @Test
  void stylesMixingAndTruncation() {
    try (StyleGan g = new StyleGan(StyleConfig.images().withWidth(4), 2)) {
      Trainer.train(g, new Trainer.Data(noiseImages(32), null),
          TrainOptions.of(3).withBatchSize(8).withThreads(1));
      assertEquals(5, g.styleLayers());
      float[][] z = new float[2][64];
      SplittableRandom r = new SplittableRandom(3);
      for (float[] row : z) {
        for (int j = 0; j < row.length; j++) {
          row[j] = (float) r.nextGaussian();
        }
      }
      float[][] w = g.mapping(z, null);
      assertEquals(64, w[0].length);

      // Same w at every layer, same noise seed: same image; a crossover changes it.
      float[][][] same = new float[1][5][];
      float[][][] mixed = new float[1][5][];
      for (int l = 0; l < 5; l++) {
        same[0][l] = w[0];
        mixed[0][l] = l < 2 ? w[0] : w[1];
      }
      float[] a = g.synthesize(same, 7)[0];
      assertArrayEquals(a, g.synthesize(same, 7)[0]);
      assertNotEquals(Arrays.toString(a), Arrays.toString(g.synthesize(mixed, 7)[0]));

      // ψ = 0 maps every latent to the mean w: samples differ only by noise, less than ψ = 1.
      float[][] t0 = g.sample(2, null, 5, 0.0);
      float[][] t1 = g.sample(2, null, 5, 1.0);
      assertTrue(distance(t0[0], t0[1]) < distance(t1[0], t1[1]));
      assertEquals(64, g.meanW().length);
      assertThrows(IllegalArgumentException.class, () -> g.sample(2, null, 5, 1.5));
    }
  }

  @Test
  void conditionalFormsTrain() {
    int[] labels = new int[32];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % 10;
    }
    try (StyleGan g = new StyleGan(StyleConfig.images().withWidth(4).conditional(10), 2)) {
      Trainer.train(g, new Trainer.Data(noiseImages(32), labels),
          TrainOptions.of(2).withBatchSize(8).withThreads(1));
      float[][] s = g.sample(3, new int[] {1, 2, 3}, 4);
      assertEquals(784, s[0].length);
      assertTrue(Float.isFinite(g.history().get(1)[2]));
    }
  }

  @Test
  void mappingNetworkLearnsSlowerByItsScale() {
    try (StyleGan g = new StyleGan(StyleConfig.toy(2), 1)) {
      float[] m0 = g.params().values().get("m.fc0.w");
      float[] s0 = g.params().values().get("s.l0.w");
      Trainer.train(g, Trainer.Data.of(Toys.gaussians8(256, 1)).unlabelled(),
          TrainOptions.of(5).withBatchSize(64).withThreads(1));
      double dm = maxChange(m0, g.params().values().get("m.fc0.w"));
      double ds = maxChange(s0, g.params().values().get("s.l0.w"));
      assertTrue(dm < 0.05 * ds && dm > 0, "mapping moved " + dm + ", synthesis " + ds);
    }
  }

  @Test
  void badConfigurationsAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StyleConfig.toy(2).withMixing(1.5));
    assertTrue(e.getMessage().contains("mixing 1.5"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> StyleConfig.toy(2).withMappingLrScale(0));
  }

  private static double maxChange(float[] a, float[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  private static double distance(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(s);
  }

  static float[][] noiseImages(int n) {
    SplittableRandom r = new SplittableRandom(1);
    float[][] images = new float[n][784];
    for (float[] im : images) {
      for (int j = 0; j < 784; j++) {
        im[j] = (float) r.nextDouble();
      }
    }
    return images;
  }
}
