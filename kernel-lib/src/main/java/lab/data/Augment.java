package lab.data;

import java.util.Arrays;
import java.util.Objects;
import java.util.Random;

/**
 * Classic image augmentation, the non-generative baseline of the augmentation experiments:
 * flips, shifts, small rotations, random resized crops and random erasing of grey h × w images
 * with pixels in [0, 1].
 *
 * <p>An {@code Augment} maps one image to a new image (never modifying its input), drawing
 * its random choices from the {@link Random} it is given; {@link #then(Augment)} composes two.
 * {@link #apply(ImageSet, int, long)} seeds a separate generator per (image, copy) from the
 * seed, so the result does not depend on evaluation order and the same seed gives the same
 * images bit for bit. Pixels moved in from outside the image are 0 (black background).
 *
 * <p>References: Simard, Steinkraus and Platt, "Best practices for convolutional neural networks
 * applied to visual document analysis", ICDAR 2003 (shifts, rotations); Krizhevsky, Sutskever
 * and Hinton, NeurIPS 2012 (crops, flips); Zhong, Zheng, Kang, Li and Yang, "Random erasing
 * data augmentation", AAAI 2020.
 *
 * @apiNote Flips change a digit's meaning (a mirrored 2 is no digit); for MNIST use shifts,
 *     rotations, crops and erasing only, as {@link #digits()} does.
 */
@FunctionalInterface
public interface Augment {

  /**
   * A transformed copy of {@code image}.
   *
   * @param image h·w pixels, row-major (not modified)
   * @param h height
   * @param w width
   * @param rng source of this image's random choices
   * @return a new array of h·w pixels
   */
  float[] apply(float[] image, int h, int w, Random rng);

  /** This transformation followed by {@code next}. */
  default Augment then(Augment next) {
    Objects.requireNonNull(next, "next");
    return (img, h, w, rng) -> next.apply(apply(img, h, w, rng), h, w, rng);
  }

  /**
   * {@code copies} augmented versions of every image of {@code set}, labels kept: image i's
   * copy k is at index k·n + i and is drawn with {@code new Random(mix(seed, i, k))}.
   */
  default ImageSet apply(ImageSet set, int copies, long seed) {
    if (copies < 0) {
      throw new IllegalArgumentException("copies is " + copies + ", expected ≥ 0");
    }
    int n = set.size();
    float[][] x = new float[n * copies][];
    int[] y = set.labels() == null ? null : new int[n * copies];
    for (int k = 0; k < copies; k++) {
      for (int i = 0; i < n; i++) {
        Random rng = new Random(mix(seed, i, k));
        x[k * n + i] = apply(set.images()[i], set.height(), set.width(), rng);
        if (y != null) {
          y[k * n + i] = set.labels()[i];
        }
      }
    }
    return new ImageSet(x, y, set.height(), set.width(),
        set.name() + " (augmented ×" + copies + ")");
  }

  /**
   * Exactly {@code count} augmented images, cycling through {@code set}: output j is image
   * j mod n, augmented as copy ⌊j / n⌋ of {@link #apply(ImageSet, int, long)} would be (the
   * same seed gives the same images), labels kept. Used to compare with as many generated
   * samples.
   */
  default ImageSet sample(ImageSet set, int count, long seed) {
    if (count < 0) {
      throw new IllegalArgumentException("count is " + count + ", expected ≥ 0");
    }
    int n = set.size();
    if (n == 0 && count > 0) {
      throw new IllegalArgumentException(
          "cannot draw " + count + " augmented images from the empty set '" + set.name() + "'");
    }
    float[][] x = new float[count][];
    int[] y = set.labels() == null ? null : new int[count];
    for (int j = 0; j < count; j++) {
      int i = j % n;
      x[j] = apply(set.images()[i], set.height(), set.width(), new Random(mix(seed, i, j / n)));
      if (y != null) {
        y[j] = set.labels()[i];
      }
    }
    return new ImageSet(x, y, set.height(), set.width(),
        set.name() + " (" + count + " augmented)");
  }

  /** The per-(image, copy) seed used by {@link #apply(ImageSet, int, long)}. */
  static long mix(long seed, int image, int copy) {
    long z = seed ^ (0x9E3779B97F4A7C15L * (image + 1)) ^ (0xC2B2AE3D27D4EB4FL * (copy + 1));
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The identity. */
  static Augment none() {
    return (img, h, w, rng) -> img.clone();
  }

  /** Mirror left–right with probability {@code p}. */
  static Augment flipHorizontal(double p) {
    checkProbability(p, "flipHorizontal");
    return (img, h, w, rng) -> {
      float[] out = img.clone();
      if (rng.nextDouble() < p) {
        for (int r = 0; r < h; r++) {
          for (int c = 0; c < w; c++) {
            out[r * w + c] = img[r * w + (w - 1 - c)];
          }
        }
      }
      return out;
    };
  }

  /** Mirror top–bottom with probability {@code p}. */
  static Augment flipVertical(double p) {
    checkProbability(p, "flipVertical");
    return (img, h, w, rng) -> {
      float[] out = img.clone();
      if (rng.nextDouble() < p) {
        for (int r = 0; r < h; r++) {
          System.arraycopy(img, (h - 1 - r) * w, out, r * w, w);
        }
      }
      return out;
    };
  }

  /** Translate by whole pixels, dx and dy each uniform in −max..max. */
  static Augment shift(int max) {
    if (max < 0) {
      throw new IllegalArgumentException("shift: max is " + max + " pixels, expected ≥ 0");
    }
    return (img, h, w, rng) -> {
      int dx = rng.nextInt(2 * max + 1) - max;
      int dy = rng.nextInt(2 * max + 1) - max;
      return translate(img, h, w, dx, dy);
    };
  }

  /** Translate by exactly (dx, dy) pixels (right, down); pixels leaving the frame are lost. */
  static float[] translate(float[] img, int h, int w, int dx, int dy) {
    float[] out = new float[img.length];
    for (int r = 0; r < h; r++) {
      int sr = r - dy;
      if (sr < 0 || sr >= h) {
        continue;
      }
      for (int c = 0; c < w; c++) {
        int sc = c - dx;
        if (sc >= 0 && sc < w) {
          out[r * w + c] = img[sr * w + sc];
        }
      }
    }
    return out;
  }

  /**
   * Rotate about the image centre by an angle uniform in [−maxDegrees, maxDegrees], bilinear
   * interpolation.
   */
  static Augment rotate(double maxDegrees) {
    if (!(maxDegrees >= 0 && maxDegrees <= 180)) {
      throw new IllegalArgumentException(
          "rotate: maxDegrees is " + maxDegrees + ", expected in [0, 180]");
    }
    return (img, h, w, rng) -> {
      double deg = (2 * rng.nextDouble() - 1) * maxDegrees;
      return rotateBy(img, h, w, deg);
    };
  }

  /** Rotate by exactly {@code degrees} counter-clockwise about the centre, bilinear. */
  static float[] rotateBy(float[] img, int h, int w, double degrees) {
    double a = Math.toRadians(degrees);
    double cos = Math.cos(a);
    double sin = Math.sin(a);
    double cy = (h - 1) / 2.0;
    double cx = (w - 1) / 2.0;
    float[] out = new float[img.length];
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        // inverse map: the source point that lands on (r, c)
        double x = c - cx;
        double y = cy - r;
        double sx = cos * x + sin * y + cx;
        double sy = cy - (-sin * x + cos * y);
        out[r * w + c] = bilinear(img, h, w, sy, sx);
      }
    }
    return out;
  }

  /**
   * Random resized crop: a square window of side s·min(h, w), s uniform in [minScale, 1], at a
   * uniform position, scaled back to h × w (bilinear).
   */
  static Augment crop(double minScale) {
    if (!(minScale > 0 && minScale <= 1)) {
      throw new IllegalArgumentException(
          "crop: minScale is " + minScale + ", expected in (0, 1]");
    }
    return (img, h, w, rng) -> {
      double s = minScale + (1 - minScale) * rng.nextDouble();
      double sh = s * h;
      double sw = s * w;
      double top = (h - sh) * rng.nextDouble();
      double left = (w - sw) * rng.nextDouble();
      float[] out = new float[img.length];
      for (int r = 0; r < h; r++) {
        for (int c = 0; c < w; c++) {
          double sy = top + (r + 0.5) * sh / h - 0.5;
          double sx = left + (c + 0.5) * sw / w - 0.5;
          out[r * w + c] = bilinear(img, h, w, sy, sx);
        }
      }
      return out;
    };
  }

  /**
   * Random erasing: with probability {@code p}, a rectangle of area fraction uniform in
   * [minArea, maxArea] of the image and aspect ratio in [0.3, 3.3] (log-uniform) is set to
   * {@code value}.
   */
  static Augment erase(double p, double minArea, double maxArea, float value) {
    checkProbability(p, "erase");
    if (!(0 < minArea && minArea <= maxArea && maxArea < 1)) {
      throw new IllegalArgumentException("erase: area range [" + minArea + ", " + maxArea
          + "] expected 0 < minArea ≤ maxArea < 1");
    }
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException("erase: value is " + value + ", expected in [0, 1]");
    }
    return (img, h, w, rng) -> {
      float[] out = img.clone();
      if (rng.nextDouble() >= p) {
        return out;
      }
      for (int attempt = 0; attempt < 20; attempt++) {
        double area = (minArea + (maxArea - minArea) * rng.nextDouble()) * h * w;
        double ratio = Math.exp(Math.log(0.3) + (Math.log(3.3) - Math.log(0.3))
            * rng.nextDouble());
        int eh = (int) Math.round(Math.sqrt(area * ratio));
        int ew = (int) Math.round(Math.sqrt(area / ratio));
        if (eh < 1 || ew < 1 || eh >= h || ew >= w) {
          continue;
        }
        int top = rng.nextInt(h - eh + 1);
        int left = rng.nextInt(w - ew + 1);
        for (int r = top; r < top + eh; r++) {
          Arrays.fill(out, r * w + left, r * w + left + ew, value);
        }
        return out;
      }
      return out;
    };
  }

  /** Random erasing with the defaults of Zhong et al.: p, area in [0.02, 0.33], value 0. */
  static Augment erase(double p) {
    return erase(p, 0.02, 0.33, 0f);
  }

  /**
   * The baseline for clothing images (Fashion-MNIST): horizontal flip (p = 0.5), shift of up
   * to 2 pixels, rotation of up to 10°, random erasing (p = 0.5).
   */
  static Augment clothing() {
    return flipHorizontal(0.5).then(shift(2)).then(rotate(10)).then(erase(0.5));
  }

  /** The baseline for digits (MNIST): shift of up to 2 pixels, rotation of up to 10°, crop. */
  static Augment digits() {
    return shift(2).then(rotate(10)).then(crop(0.85));
  }

  private static float bilinear(float[] img, int h, int w, double y, double x) {
    int y0 = (int) Math.floor(y);
    int x0 = (int) Math.floor(x);
    double fy = y - y0;
    double fx = x - x0;
    return (float) ((1 - fy) * ((1 - fx) * at(img, h, w, y0, x0) + fx * at(img, h, w, y0, x0 + 1))
        + fy * ((1 - fx) * at(img, h, w, y0 + 1, x0) + fx * at(img, h, w, y0 + 1, x0 + 1)));
  }

  private static float at(float[] img, int h, int w, int r, int c) {
    return r < 0 || r >= h || c < 0 || c >= w ? 0f : img[r * w + c];
  }

  private static void checkProbability(double p, String what) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(what + ": probability is " + p + ", expected in [0, 1]");
    }
  }
}
