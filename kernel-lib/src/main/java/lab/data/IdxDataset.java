package lab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Locating the four files of an MNIST-like IDX data set along a search path. */
final class IdxDataset {

  static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
  static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
  static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
  static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
  static final String[] STEMS = {TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS};

  private IdxDataset() {
  }

  /** The search path: the directory named by {@code env} (when set), then the others. */
  static List<Path> searchPath(String envValue, Path... rest) {
    List<Path> dirs = new ArrayList<>();
    if (envValue != null && !envValue.isBlank()) {
      dirs.add(Path.of(envValue).toAbsolutePath().normalize());
    }
    dirs.addAll(List.of(rest));
    return dirs;
  }

  /** The file {@code stem} or {@code stem.gz} in {@code dir}, or {@code null}. */
  static Path file(Path dir, String stem) {
    Path plain = dir.resolve(stem);
    if (Files.isRegularFile(plain)) {
      return plain;
    }
    Path gz = dir.resolve(stem + ".gz");
    return Files.isRegularFile(gz) ? gz : null;
  }

  /** The first directory holding all four files, or {@code null}. */
  static Path find(List<Path> dirs) {
    for (Path d : dirs) {
      boolean all = true;
      for (String s : STEMS) {
        all &= file(d, s) != null;
      }
      if (all) {
        return d;
      }
    }
    return null;
  }

  /**
   * The directory holding all four files, or an error listing every file path tried. When the
   * user's directory ({@code envVar}) is set but not used, one WARN says so.
   */
  static Path require(String what, List<Path> dirs, String hint, String envVar) {
    Path d = find(dirs);
    String env = envVar == null ? null : System.getenv(envVar);
    if (d != null && env != null && !env.isBlank()
        && !d.equals(Path.of(env).toAbsolutePath().normalize())) {
      LoggerFactory.getLogger(IdxDataset.class).warn("{}={} does not hold the four {} files;"
          + " using {} instead", envVar, env, what, d);
    }
    if (d != null) {
      return d;
    }
    List<Path> tried = new ArrayList<>();
    for (Path dir : dirs) {
      tried.add(dir.resolve(TRAIN_IMAGES + "[.gz]"));
    }
    throw new DataFileException(what + " (" + String.join(", ", STEMS) + ", gzipped or not)",
        tried, hint);
  }

  /** Reads one split from a directory. */
  static ImageSet load(Path dir, String images, String labels, String name) {
    Path x = file(dir, images);
    Path y = file(dir, labels);
    if (x == null || y == null) {
      Path missing = x == null ? dir.resolve(images + "[.gz]") : dir.resolve(labels + "[.gz]");
      throw new DataFileException(name, List.of(missing), null);
    }
    return SetMemo.get(List.of(x, y), () -> Idx.read(x, y, name));
  }
}
