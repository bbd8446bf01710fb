package lab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmentTest {

  static final int H = 28;
  static final int W = 28;

  /** A bar: rows 10..17 of columns 4..7 lit. */
  static float[] bar() {
    float[] x = new float[H * W];
    for (int r = 10; r < 18; r++) {
      for (int c = 4; c < 8; c++) {
        x[r * W + c] = 1f;
      }
    }
    return x;
  }

  static float sum(float[] x) {
    float s = 0;
    for (float v : x) {
      s += v;
    }
    return s;
  }

  @Test
  void flipsMirrorAndAreInvolutions() {
    float[] x = bar();
    Random rng = new Random(1);
    float[] f = Augment.flipHorizontal(1).apply(x, H, W, rng);
    assertEquals(1f, f[10 * W + (W - 1 - 4)]);
    assertEquals(0f, f[10 * W + 4]);
    assertArrayEquals(x, Augment.flipHorizontal(1).apply(f, H, W, rng));
    float[] v = Augment.flipVertical(1).apply(x, H, W, rng);
    assertEquals(1f, v[(H - 1 - 10) * W + 4]);
    assertArrayEquals(x, Augment.flipVertical(1).apply(v, H, W, rng));
    assertArrayEquals(x, Augment.flipHorizontal(0).apply(x, H, W, rng));
  }

  @Test
  void shiftsMoveByWholePixels() {
    float[] x = bar();
    float[] t = Augment.translate(x, H, W, 3, -2);
    assertEquals(1f, t[8 * W + 7]);
    assertEquals(0f, t[10 * W + 4]);
    assertEquals(sum(x), sum(t));
    float[] out = Augment.translate(x, H, W, -6, 0);
    assertEquals(sum(x) / 2, sum(out), "half the bar leaves the frame");
    Random rng = new Random(3);
    for (int k = 0; k < 50; k++) {
      float[] s = Augment.shift(2).apply(x, H, W, rng);
      assertEquals(sum(x), sum(s), "a shift of ≤ 2 keeps the bar inside");
    }
  }

  @Test
  void rotationsKeepMassAndComposeToTheIdentity() {
    float[] x = bar();
    assertArrayEquals(x, Augment.rotateBy(x, H, W, 0), 0f);
    float[] r = x;
    for (int k = 0; k < 4; k++) {
      r = Augment.rotateBy(r, H, W, 90);
    }
    assertArrayEquals(x, r, 1e-5f);
    // 90° counter-clockwise sends the top-left corner to the bottom-left corner
    float[] dot = new float[H * W];
    dot[0] = 1;
    assertEquals(1f, Augment.rotateBy(dot, H, W, 90)[(H - 1) * W], 1e-5f);
    float[] small = Augment.rotateBy(x, H, W, 10);
    assertEquals(sum(x), sum(small), 0.05 * sum(x));
    assertFalse(Arrays.equals(x, small));
  }

  @Test
  void cropZoomsAndErasingClearsARectangle() {
    float[] x = new float[H * W];
    Arrays.fill(x, 0.5f);
    float[] c = Augment.crop(0.5).apply(x, H, W, new Random(2));
    for (float v : c) {
      assertEquals(0.5f, v, 1e-6f, "a crop of a uniform image is uniform");
    }
    assertArrayEquals(x, Augment.crop(1).apply(x, H, W, new Random(2)), 1e-6f);
    float[] e = Augment.erase(1).apply(x, H, W, new Random(4));
    long zeros = 0;
    for (float v : e) {
      zeros += v == 0f ? 1 : 0;
    }
    assertTrue(zeros >= 0.02 * H * W * 0.5 && zeros <= 0.33 * H * W * 1.5, "erased " + zeros);
    assertArrayEquals(x, Augment.erase(0).apply(x, H, W, new Random(4)));
  }

  @Test
  void pipelinesAreSeededAndKeepLabels() {
    float[][] imgs = {bar(), Augment.translate(bar(), H, W, 10, 0)};
    ImageSet set = new ImageSet(imgs, new int[] {3, 7}, H, W, "bars");
    ImageSet a = Augment.clothing().apply(set, 3, 11);
    ImageSet b = Augment.clothing().apply(set, 3, 11);
    ImageSet c = Augment.clothing().apply(set, 3, 12);
    assertEquals(6, a.size());
    assertArrayEquals(new int[] {3, 7, 3, 7, 3, 7}, a.labels());
    assertTrue(Arrays.deepEquals(a.images(), b.images()));
    assertFalse(Arrays.deepEquals(a.images(), c.images()));
    assertArrayEquals(bar(), set.images()[0], "input untouched");
    ImageSet five = Augment.clothing().sample(set, 5, 11);
    assertEquals(5, five.size());
    assertArrayEquals(new int[] {3, 7, 3, 7, 3}, five.labels());
    for (int j = 0; j < 5; j++) {
      assertArrayEquals(a.images()[j], five.images()[j], "sample j = copy j / n of apply");
    }
    ImageSet d = Augment.digits().apply(set, 1, 11);
    assertEquals(2, d.size());
    for (float[] img : d.images()) {
      for (float v : img) {
        assertTrue(v >= 0f && v <= 1f);
      }
    }
    assertArrayEquals(bar(), Augment.none().apply(bar(), H, W, new Random()));
  }

  @Test
  void badParametersNameTheValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Augment.rotate(200));
    assertTrue(e.getMessage().contains("200"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Augment.shift(-1));
    assertThrows(IllegalArgumentException.class, () -> Augment.crop(0));
    assertThrows(IllegalArgumentException.class, () -> Augment.flipHorizontal(1.5));
    assertThrows(IllegalArgumentException.class, () -> Augment.erase(0.5, 0.4, 0.2, 0f));
  }
}
