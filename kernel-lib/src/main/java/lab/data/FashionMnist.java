package lab.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Fashion-MNIST: 70,000 grey 28 × 28 images of clothing in 10 classes, 60,000 for training and
 * 10,000 for testing (Xiao, Rasul and Vollgraf, "Fashion-MNIST: a novel image dataset for
 * benchmarking machine learning algorithms", arXiv:1708.07747, 2017).
 *
 * <p>The four IDX files ({@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}, each gzipped or not) are
 * looked up in this order: the directory in the environment variable
 * {@code FASHION_MNIST_DIR}, then {@code <root>/data/fashion-mnist/}, then
 * {@code /usr/share/datasets/fashion-mnist} (Debian package {@code dataset-fashion-mnist}).
 * The first directory that holds all four is used. Pixels are scaled to [0, 1]; labels are
 * 0..9 as in {@link #CLASSES}. Decoded sets are kept in memory, so repeated calls are cheap;
 * the arrays are shared, do not modify them.
 */
public final class FashionMnist {

  /** The Debian package's location. */
  public static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");

  /** Class names by label. */
  public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover",
      "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

  private FashionMnist() {
  }

  /** The directories searched, in order. */
  public static List<Path> searchPath() {
    return IdxDataset.searchPath(System.getenv("FASHION_MNIST_DIR"),
        LabDirs.data().resolve("fashion-mnist"), DEBIAN_DIR);
  }

  /** Whether some directory of the search path holds the four files. */
  public static boolean available() {
    return IdxDataset.find(searchPath()) != null;
  }

  /**
   * The directory used.
   *
   * @throws DataFileException listing the paths searched when none holds the four files
   */
  public static Path dir() {
    return IdxDataset.require("Fashion-MNIST", searchPath(),
        "Install it with `sudo apt-get install dataset-fashion-mnist` (or ./lab setup-data),"
            + " or set FASHION_MNIST_DIR to a directory holding the files", "FASHION_MNIST_DIR");
  }

  /** The 60,000 training images with labels. */
  public static ImageSet train() {
    return train(dir());
  }

  /** The 10,000 test images with labels: the held-out set of every experiment. */
  public static ImageSet test() {
    return test(dir());
  }

  /** The training images of the copy in {@code dir}. */
  public static ImageSet train(Path dir) {
    return IdxDataset.load(dir, IdxDataset.TRAIN_IMAGES, IdxDataset.TRAIN_LABELS,
        "Fashion-MNIST train");
  }

  /** The test images of the copy in {@code dir}. */
  public static ImageSet test(Path dir) {
    return IdxDataset.load(dir, IdxDataset.TEST_IMAGES, IdxDataset.TEST_LABELS,
        "Fashion-MNIST test");
  }

  /** The name of class {@code label}. */
  public static String className(int label) {
    if (label < 0 || label >= CLASSES.size()) {
      throw new IllegalArgumentException(
          "Fashion-MNIST label is " + label + ", expected 0..9");
    }
    return CLASSES.get(label);
  }
}
