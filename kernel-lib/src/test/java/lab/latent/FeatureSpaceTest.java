package lab.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import lab.data.ImageSet;
import lab.metrics.DomainNet;
import org.junit.jupiter.api.Test;

class FeatureSpaceTest {

  /** Two classes of 28 × 28 images: a bright stripe on the left (0) or the right (1). */
  static ImageSet stripes(int n, long seed) {
    Random rng = new Random(seed);
    float[][] x = new float[n][784];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = rng.nextInt(2);
      for (int r = 0; r < 28; r++) {
        for (int c = 0; c < 28; c++) {
          boolean on = y[i] == 0 ? c < 10 : c >= 18;
          x[i][r * 28 + c] = Math.min(1f, (on ? 0.8f : 0.1f) + 0.2f * (float) rng.nextDouble());
        }
      }
    }
    return new ImageSet(x, y, 28, 28, "stripes");
  }

  @Test
  void theDomainClassifierGivesMAndTheQualityParts() {
    try (DomainNet net = DomainNet.trainFresh("Stripes-Net", stripes(128, 1),
        new DomainNet.Options(4, 8, 16, 1e-2, 3, 32, 7, 1))) {
      Encoder e = FeatureSpace.encoder(net, 28, 28);
      assertEquals(16, e.dim());
      ImageSet some = stripes(40, 2);
      double[][] rows = Points.toDouble(some.images());
      double[][] viaRows = e.encode(rows);
      double[][] direct = net.features(some);
      for (int i = 0; i < 40; i += 13) {
        assertArrayEquals(direct[i], viaRows[i], 1e-6);
      }
      Quality q = FeatureSpace.quality(net, 28, 28);
      assertTrue(q.inceptionScore(Points.toDouble(stripes(100, 3).images())) > 1.3);
      assertEquals(0, q.fid(rows, rows), 1e-6);
      assertThrows(IllegalArgumentException.class, () -> e.encode(new double[][] {{1, 2}}));
    }
  }
}
