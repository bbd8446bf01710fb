package lab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitsTest {

  /** 10 classes × 30 images of 2 × 2 pixels; pixel 0 encodes the pool index. */
  static ImageSet pool() {
    int n = 300;
    float[][] x = new float[n][4];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = i / 1000f;
      y[i] = (i * 7) % 10;
    }
    return new ImageSet(x, y, 2, 2, "pool");
  }

  static ImageSet test() {
    return new ImageSet(new float[5][4], new int[5], 2, 2, "held out");
  }

  @Test
  void trainAndFreshAreDisjointBalancedAndFromThePool() {
    ImageSet pool = pool();
    Splits.Split s = Splits.of(pool, test(), 12, 42);
    assertEquals(120, s.train().size());
    assertEquals(120, s.fresh().size());
    Set<Integer> tr = new HashSet<>();
    Arrays.stream(s.trainIndices()).forEach(tr::add);
    assertEquals(120, tr.size(), "no index twice");
    assertTrue(Arrays.stream(s.freshIndices()).noneMatch(tr::contains), "disjoint");
    for (ImageSet part : new ImageSet[] {s.train(), s.fresh()}) {
      int[] counts = new int[10];
      Arrays.stream(part.labels()).forEach(c -> counts[c]++);
      Arrays.stream(counts).forEach(k -> assertEquals(12, k));
    }
    for (int k = 0; k < 120; k++) {
      int i = s.trainIndices()[k];
      assertSame(pool.images()[i], s.train().images()[k]);
      assertEquals(pool.labels()[i], s.train().labels()[k]);
    }
    assertSame(s.test().images(), s.test().images());
    assertEquals("held out", s.test().name());
    // classes are mixed, not in blocks
    assertFalse(IntStream.range(1, 12).allMatch(
        k -> s.train().labels()[k] == s.train().labels()[0]));
  }

  @Test
  void sameSeedSameSplitOtherSeedOther() {
    Splits.Split a = Splits.of(pool(), test(), 10, 1);
    Splits.Split b = Splits.of(pool(), test(), 10, 1);
    Splits.Split c = Splits.of(pool(), test(), 10, 2);
    assertArrayEquals(a.trainIndices(), b.trainIndices());
    assertArrayEquals(a.freshIndices(), b.freshIndices());
    assertFalse(Arrays.equals(a.trainIndices(), c.trainIndices()));
  }

  @Test
  void tooFewImagesPerClassIsAClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Splits.of(pool(), test(), 16, 1));
    assertTrue(e.getMessage().contains("30 images, fewer than 2 × perClass = 32"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Splits.of(pool(), test(), 0, 1));
    ImageSet unlabelled = new ImageSet(new float[3][4], null, 2, 2, "u");
    assertThrows(IllegalArgumentException.class, () -> Splits.of(unlabelled, test(), 1, 1));
  }

  @Test
  void sampleIsDistinctAndRepeatable() {
    int[] a = Splits.sample(1000, 200, 5);
    assertEquals(200, Arrays.stream(a).distinct().count());
    assertTrue(Arrays.stream(a).allMatch(i -> i >= 0 && i < 1000));
    assertArrayEquals(a, Splits.sample(1000, 200, 5));
    assertFalse(Arrays.equals(a, Splits.sample(1000, 200, 6)));
    assertThrows(IllegalArgumentException.class, () -> Splits.sample(10, 11, 5));
    ImageSet g = Splits.firstPerClass(pool(), 3);
    assertEquals(30, g.size());
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
        Arrays.copyOf(g.labels(), 10));
  }

  @Test
  void restHeldOutIsTheComplement() {
    Splits.Split s = Splits.withRestHeldOut(pool(), 5, 3);
    assertEquals(50, s.train().size());
    assertEquals(50, s.fresh().size());
    assertEquals(200, s.test().size());
    Set<Float> seen = new HashSet<>();
    for (ImageSet part : new ImageSet[] {s.train(), s.fresh(), s.test()}) {
      for (float[] img : part.images()) {
        assertTrue(seen.add(img[0]), "each pool image in one part only");
      }
    }
    assertEquals(300, seen.size());
  }

  @Test
  void mnistDigitsSplit() {
    Fixtures.requireData(Mnist.digitsAvailable(), "MNIST digits");
    Splits.Split s = Splits.mnistDigits(100, 0);
    assertEquals(1000, s.train().size());
    assertEquals(10_000 - 2000, s.test().size());
  }

  @Test
  void fashionMnistSplitIsDisjointFromItself() {
    Fixtures.requireData(FashionMnist.available(), "Fashion-MNIST");
    Splits.Split s = Splits.fashionMnist(100, 0);
    assertEquals(1000, s.train().size());
    assertEquals(1000, s.fresh().size());
    assertEquals(10_000, s.test().size());
    Set<Integer> tr = new HashSet<>();
    Arrays.stream(s.trainIndices()).forEach(tr::add);
    assertTrue(Arrays.stream(s.freshIndices()).noneMatch(tr::contains));
    assertArrayEquals(s.trainIndices(), Splits.fashionMnist(100, 0).trainIndices());
  }
}
