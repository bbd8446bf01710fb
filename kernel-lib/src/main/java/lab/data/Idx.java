package lab.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reader of the IDX format of the MNIST files (LeCun, Bottou, Bengio and Haffner, "Gradient-based
 * learning applied to document recognition", Proc. IEEE 1998; format description at
 * yann.lecun.com/exdb/mnist), gzip-compressed or not.
 *
 * <p>An IDX file is a big-endian header: two zero bytes, a type byte (0x08 for unsigned bytes,
 * the only type used by MNIST-like data and the only one read here), the number of dimensions k,
 * then k 32-bit sizes; then the product of the sizes in values, row-major. Image files have
 * k = 3 (n × rows × cols), label files k = 1 (n). A file that starts with the gzip signature
 * 0x1f 0x8b is decompressed on the fly, whatever its name.
 *
 * <p>Every defect is a {@link DataFileException} naming the file: missing file, wrong magic
 * number, unsupported value type, wrong dimension count, a size that is not positive, a
 * truncated body, bytes after the end, an image count that disagrees with the label count.
 * Nothing is cached here; {@link FashionMnist} and {@link Mnist} keep decoded sets in memory,
 * and a file that failed is never kept.
 */
public final class Idx {

  private static final Logger LOG = LoggerFactory.getLogger(Idx.class);
  private static final int UNSIGNED_BYTE = 0x08;

  private Idx() {
  }

  /**
   * A decoded IDX array of unsigned bytes.
   *
   * @param file where it was read from
   * @param dims the sizes, outermost first
   * @param data the values, row-major, as stored (read with {@code b & 0xff})
   */
  public record Array(Path file, int[] dims, byte[] data) {

    /** Number of entries along the first dimension. */
    public int count() {
      return dims[0];
    }
  }

  /** Reads any unsigned-byte IDX file, checking header and length. */
  public static Array read(Path file) {
    return decode(file);
  }

  /**
   * Reads an image file (k = 3) as n × (rows·cols) floats, value/255 in [0, 1].
   *
   * @return the images, unlabelled, named after the file
   */
  public static ImageSet readImages(Path file) {
    Array a = read(file);
    if (a.dims().length != 3) {
      throw new DataFileException(file, "an image file must have 3 dimensions (n × rows × cols)"
          + " but the header says " + a.dims().length + " " + Arrays.toString(a.dims()));
    }
    int n = a.dims()[0];
    int px = a.dims()[1] * a.dims()[2];
    float[][] x = new float[n][px];
    byte[] d = a.data();
    for (int i = 0; i < n; i++) {
      int off = i * px;
      for (int p = 0; p < px; p++) {
        x[i][p] = (d[off + p] & 0xff) / 255f;
      }
    }
    return new ImageSet(x, null, a.dims()[1], a.dims()[2], file.getFileName().toString());
  }

  /** Reads a label file (k = 1) as n integers 0..255. */
  public static int[] readLabels(Path file) {
    Array a = read(file);
    if (a.dims().length != 1) {
      throw new DataFileException(file, "a label file must have 1 dimension (n) but the header"
          + " says " + a.dims().length + " " + Arrays.toString(a.dims()));
    }
    int[] y = new int[a.dims()[0]];
    for (int i = 0; i < y.length; i++) {
      y[i] = a.data()[i] & 0xff;
    }
    return y;
  }

  /**
   * Reads an image file and its label file into one labelled set.
   *
   * @throws DataFileException if either file is defective or the counts differ
   */
  public static ImageSet read(Path images, Path labels, String name) {
    ImageSet x = readImages(images);
    int[] y = readLabels(labels);
    if (y.length != x.size()) {
      throw new DataFileException(images, "holds " + x.size() + " images but " + labels
          + " holds " + y.length + " labels; expected the same count");
    }
    return new ImageSet(x.images(), y, x.height(), x.width(), name);
  }

  private static Array decode(Path file) {
    if (!Files.exists(file)) {
      throw new DataFileException(file, "no such file");
    }
    long t0 = System.nanoTime();
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      raw.mark(2);
      int b0 = raw.read();
      int b1 = raw.read();
      raw.reset();
      boolean gz = b0 == 0x1f && b1 == 0x8b;
      InputStream in = gz ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16)
          : raw;
      DataInputStream data = new DataInputStream(in);

      // header: two zero bytes, the type, the number of dimensions, the sizes
      int[] magic = new int[4];
      for (int i = 0; i < 4; i++) {
        magic[i] = data.read();
        if (magic[i] < 0) {
          throw new DataFileException(file, "truncated: the file ends inside the 4-byte magic"
              + " number (" + i + " bytes" + (gz ? " after decompression" : "") + ")");
        }
      }
      if (magic[0] != 0 || magic[1] != 0) {
        throw new DataFileException(file, String.format(
            "wrong magic number 0x%02x%02x%02x%02x; an IDX file starts with two zero bytes,"
                + " e.g. 0x00000803 (images) or 0x00000801 (labels)",
            magic[0], magic[1], magic[2], magic[3]));
      }
      if (magic[2] != UNSIGNED_BYTE) {
        throw new DataFileException(file, String.format(
            "value type 0x%02x is not supported; expected 0x08 (unsigned byte)", magic[2]));
      }
      int k = magic[3];
      if (k < 1 || k > 4) {
        throw new DataFileException(file, "wrong dimension count " + k
            + " in the magic number; expected 1 (labels) or 3 (images)");
      }
      int[] dims = new int[k];
      long total = 1;
      for (int i = 0; i < k; i++) {
        try {
          dims[i] = data.readInt();
        } catch (EOFException e) {
          throw new DataFileException(file, "truncated: the header ends after " + i + " of "
              + k + " dimension sizes");
        }
        if (dims[i] <= 0) {
          throw new DataFileException(file, "dimension " + i + " has size " + dims[i]
              + "; expected > 0");
        }
        total *= dims[i];
      }
      if (total > Integer.MAX_VALUE - 16) {
        throw new DataFileException(file, "sizes " + Arrays.toString(dims) + " give " + total
            + " values, more than one array can hold");
      }

      // body: exactly the product of the sizes, nothing after it (read in chunks, so that a
      // corrupt header announcing gigabytes does not allocate them before the file ends)
      byte[] body = data.readNBytes((int) total);
      int got = body.length;
      if (got < total) {
        throw new DataFileException(file, "truncated: the header " + Arrays.toString(dims)
            + " announces " + total + " values but only " + got + " follow"
            + (gz ? " after decompression" : ""));
      }
      if (data.read() >= 0) {
        throw new DataFileException(file, "has bytes after the " + total + " values announced"
            + " by the header " + Arrays.toString(dims));
      }
      LOG.debug("read {} {} in {} ms", file, Arrays.toString(dims),
          (System.nanoTime() - t0) / 1_000_000);
      return new Array(file, dims, body);
    } catch (NoSuchFileException e) {
      throw new DataFileException(file, "no such file");
    } catch (EOFException | ZipException e) {
      throw new DataFileException(file, "truncated or corrupt gzip stream", e);
    } catch (IOException e) {
      throw new DataFileException(file, "cannot be read", e);
    }
  }
}
