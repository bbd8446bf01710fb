package lab.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import lab.data.Toys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GanTest {

  @TempDir
  Path dir;

  /**
   * WGAN-GP on 8 Gaussians (σ = 0.02, ring radius 2): after 4,000 critic steps (800 generator
   * steps) all 8 modes hold at least 2% of 2,000 samples within 0.25 of their centre, at most
   * 60% of samples lie off every mode, the sliced W2 to a fresh target sample is below 0.35
   * (from above 1 at the start), and the exact W2 (network simplex, 500 against 500 points) is
   * within 0.3 of the W2 between two target samples of that size.
   */
  @Test
  void wganGpRecoversAllEightModes() {
    Trainer.Data data = Trainer.Data.of(Toys.gaussians8(4000, 1)).unlabelled();
    double[][] target = Toys.gaussians8(2000, 2).points();
    try (Gan g = new Gan(GanConfig.toy(GanConfig.Loss.WGAN_GP, 2), 3)) {
      double before = ToyQuality.slicedW2(g.sample(2000, 7), target, 64, 1);
      Trainer.train(g, data, TrainOptions.of(4000).withBatchSize(256).withThreads(1)
          .withLogEvery(1000));
      float[][] s = g.sample(2000, 7);
      ToyQuality.ModeReport modes = ToyQuality.modes(s, Toys.modes8(), ToyQuality.RADIUS,
          ToyQuality.MIN_SHARE);
      double sw2 = ToyQuality.slicedW2(s, target, 64, 1);
      double[][] t500 = Toys.gaussians8(500, 11).points();
      double w2 = ToyQuality.exactW2(java.util.Arrays.copyOf(s, 500), t500);
      double floor = ToyQuality.exactW2(Trainer.Data.of(Toys.gaussians8(500, 12)).x(), t500);
      String msg = modes + ", sliced W2 " + sw2 + " (start " + before + "), exact W2 " + w2
          + " (two target samples: " + floor + ")";
      System.out.println(msg);
      assertEquals(8, modes.modesHit(), msg);
      assertTrue(modes.offModeShare() < 0.6, msg);
      assertTrue(sw2 < 0.35 && before > 1.0, msg);
      assertTrue(w2 < floor + 0.3, msg);
    }
  }

  /** The conditional WGAN-GP puts samples of label k mostly at mode k. */
  @Test
  void conditionalWganGpFollowsLabels() {
    Trainer.Data data = Trainer.Data.of(Toys.gaussians8(4000, 1));
    try (Gan g = new Gan(GanConfig.toy(GanConfig.Loss.WGAN_GP, 2).conditional(8), 3)) {
      Trainer.train(g, data, TrainOptions.of(1500).withBatchSize(256).withThreads(1)
          .withLogEvery(1000));
      int n = 800;
      int[] labels = new int[n];
      for (int i = 0; i < n; i++) {
        labels[i] = i % 8;
      }
      float[][] s = g.sample(n, labels, 9);
      int agree = 0;
      for (int i = 0; i < n; i++) {
        double[] p = {s[i][0], s[i][1]};
        if (Toys.nearestMode(p, Toys.modes8()) == labels[i]) {
          agree++;
        }
      }
      assertTrue(agree > 0.7 * n, agree + " of " + n + " samples at their label's mode");
      assertThrows(IllegalArgumentException.class, () -> g.sample(2, new int[] {0, 8}, 1));
      assertThrows(IllegalArgumentException.class, () -> g.sample(2, 1));
    }
  }

  /** Every loss, toy and image, plain and conditional, runs steps with finite losses. */
  @ParameterizedTest
  @EnumSource(GanConfig.Loss.class)
  void everyFormTrains(GanConfig.Loss loss) {
    SplittableRandom r = new SplittableRandom(1);
    float[][] images = new float[64][784];
    int[] labels = new int[64];
    for (int i = 0; i < 64; i++) {
      labels[i] = i % 10;
      for (int j = 0; j < 784; j++) {
        images[i][j] = (float) r.nextDouble();
      }
    }
    GanConfig[] forms = {GanConfig.toy(loss, 3), GanConfig.toy(loss, 2).conditional(4),
        GanConfig.image(loss).withWidth(4), GanConfig.image(loss).withWidth(4).conditional(10)};
    for (int i = 0; i < forms.length; i++) {
      forms[i] = forms[i].withCriticSteps(Math.min(2, forms[i].criticSteps()));
    }
    for (GanConfig cfg : forms) {
      try (Gan g = new Gan(cfg, 1)) {
        Trainer.Data data = cfg.image() ? new Trainer.Data(images, labels)
            : cfg.dim() == 3 ? Trainer.Data.of(Toys.sCurve3d(64, 1)).unlabelled()
            : new Trainer.Data(Trainer.Data.of(Toys.gaussians8(64, 1)).x(),
                Trainer.Data.of(Toys.gaussians8(64, 1)).labels().clone());
        if (cfg.classes() == 4) {
          int[] l = data.labels();
          for (int i = 0; i < l.length; i++) {
            l[i] %= 4;
          }
        }
        Trainer.train(g, data, TrainOptions.of(cfg.criticSteps() + 1)
            .withBatchSize(16).withThreads(1));
        for (float[] row : g.history()) {
          for (float v : row) {
            assertTrue(Float.isFinite(v), g.kind() + " loss " + v);
          }
        }
        int[] want = cfg.classes() > 0 ? new int[] {0, 1, 2} : null;
        float[][] s = g.sample(3, want, 5);
        assertEquals(cfg.dim(), s[0].length);
        if (cfg.image()) {
          for (float v : s[0]) {
            assertTrue(v > 0 && v < 1, "pixel " + v);
          }
        }
        if (loss == GanConfig.Loss.WGAN_CLIP) {
          for (float v : g.params().values().get("d.out.w")) {
            assertTrue(Math.abs(v) <= cfg.clip() + 1e-7, "clipped weight " + v);
          }
        }
      }
    }
  }

  @Test
  void imageModelCheckpointRoundTripsBitExactly() {
    GanConfig cfg = GanConfig.image(GanConfig.Loss.NON_SATURATING).withWidth(4);
    Path file = dir.resolve("g.ckpt");
    float[][] images = new float[32][784];
    float[][] before;
    Map<String, float[]> values;
    try (Gan g = new Gan(cfg, 1)) {
      Trainer.train(g, new Trainer.Data(images, null), TrainOptions.of(2)
          .withBatchSize(8).withThreads(1));
      Checkpoint.save(file, g);
      before = g.sample(4, 3);
      values = g.params().values();
    }
    try (Gan g = new Gan(cfg, 2)) {
      Checkpoint.load(file, g);
      for (Map.Entry<String, float[]> e : values.entrySet()) {
        assertArrayEquals(e.getValue(), g.params().values().get(e.getKey()), e.getKey());
      }
      float[][] after = g.sample(4, 3);
      for (int i = 0; i < 4; i++) {
        assertArrayEquals(before[i], after[i]);
      }
    }
  }

  @Test
  void badConfigurationsAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new GanConfig(GanConfig.Loss.WGAN_GP, true, 100, 8, 8, 0, 1e-3, 1e-3, 0, 0.9, 5,
            0.01, 1));
    assertTrue(e.getMessage().contains("784"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> GanConfig.toy(GanConfig.Loss.WGAN_GP, 2).conditional(1));
    assertThrows(IllegalArgumentException.class,
        () -> GanConfig.toy(GanConfig.Loss.WGAN_GP, 2).withLearningRates(0, 1e-3));
  }
}
