package lab.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corrupt IDX headers and bodies beyond those of {@link IdxTest}. */
class CorruptIdxTest {

  @TempDir
  Path dir;

  private Path write(String name, byte[] bytes, boolean gz) throws IOException {
    Path f = dir.resolve(name);
    try (OutputStream o = gz ? new GZIPOutputStream(Files.newOutputStream(f))
        : Files.newOutputStream(f)) {
      o.write(bytes);
    }
    return f;
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  /**
   * A header announcing about 2^31 values over a 20-byte body is reported as truncated without
   * allocating the announced size first (it used to allocate 2 GiB, an OutOfMemoryError on a
   * smaller heap).
   */
  @Test
  void hugeAnnouncedSizeIsTruncatedWithoutAllocatingIt() throws IOException {
    byte[] bytes = IdxTest.idx(8, new int[] {46_340, 46_340}, new byte[20]);
    for (boolean gz : new boolean[] {false, true}) {
      Path f = write("huge" + gz, bytes, gz);
      long before = allocatedBytes();
      DataFileException e = assertThrows(DataFileException.class, () -> Idx.read(f));
      long used = allocatedBytes() - before;
      assertTrue(e.getMessage().contains("announces 2147395600 values but only 20 follow"),
          e.getMessage());
      assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
      assertTrue(used < 64L << 20, "allocated " + used + " bytes for a 20-byte body");
    }
  }

  @Test
  void labelFileAsImagesAndImagesAsLabels() throws IOException {
    Path labels = write("labels", IdxTest.labels(4), false);
    Path images = write("images", IdxTest.images(4, 2, 2), false);
    DataFileException e = assertThrows(DataFileException.class, () -> Idx.readImages(labels));
    assertTrue(e.getMessage().contains("3 dimensions") && e.getMessage().contains("[4]"),
        e.getMessage());
    e = assertThrows(DataFileException.class, () -> Idx.readLabels(images));
    assertTrue(e.getMessage().contains("1 dimension") && e.getMessage().contains("[4, 2, 2]"),
        e.getMessage());
  }

  @Test
  void emptyFileNegativeSizeAndOtherValueTypes() throws IOException {
    Path empty = write("empty", new byte[0], false);
    DataFileException e = assertThrows(DataFileException.class, () -> Idx.read(empty));
    assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("magic"),
        e.getMessage());
    Path negative = write("negative", IdxTest.idx(8, new int[] {-5}, new byte[0]), false);
    e = assertThrows(DataFileException.class, () -> Idx.read(negative));
    assertTrue(e.getMessage().contains("dimension 0 has size -5"), e.getMessage());
    Path floats = write("floats", IdxTest.idx(0x0d, new int[] {1}, new byte[4]), false);
    e = assertThrows(DataFileException.class, () -> Idx.read(floats));
    assertTrue(e.getMessage().contains("value type 0x0d"), e.getMessage());
    Path overflow = write("overflow",
        IdxTest.idx(8, new int[] {65_536, 65_536, 2}, new byte[0]), false);
    e = assertThrows(DataFileException.class, () -> Idx.read(overflow));
    assertTrue(e.getMessage().contains("more than one array can hold"), e.getMessage());
  }

  /** Random bytes that happen to start with the gzip signature are a clear error. */
  @Test
  void garbageAfterGzipSignature() throws IOException {
    byte[] bytes = {0x1f, (byte) 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    Path f = write("garbage.gz", bytes, false);
    DataFileException e = assertThrows(DataFileException.class, () -> Idx.read(f));
    assertTrue(e.getMessage().contains("garbage.gz"), e.getMessage());
  }
}
