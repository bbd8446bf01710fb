package lab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {

  @TempDir
  Path dir;

  /** An IDX file: magic bytes, sizes, then the given body. */
  static byte[] idx(int type, int[] dims, byte[] body) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(b);
    out.write(new byte[] {0, 0, (byte) type, (byte) dims.length});
    for (int d : dims) {
      out.writeInt(d);
    }
    out.write(body);
    out.flush();
    return b.toByteArray();
  }

  static byte[] images(int n, int h, int w) throws IOException {
    byte[] body = new byte[n * h * w];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) (i * 37);
    }
    return idx(8, new int[] {n, h, w}, body);
  }

  static byte[] labels(int n) throws IOException {
    byte[] body = new byte[n];
    for (int i = 0; i < n; i++) {
      body[i] = (byte) (i % 10);
    }
    return idx(8, new int[] {n}, body);
  }

  Path write(String name, byte[] bytes, boolean gz) throws IOException {
    Path f = dir.resolve(name);
    try (OutputStream o = gz ? new GZIPOutputStream(Files.newOutputStream(f))
        : Files.newOutputStream(f)) {
      o.write(bytes);
    }
    return f;
  }

  @Test
  void readsPlainAndGzippedAlike() throws IOException {
    Path xs = write("x", images(5, 3, 4), false);
    Path xz = write("x.gz", images(5, 3, 4), true);
    Path ys = write("y.gz", labels(5), true);
    ImageSet a = Idx.read(xs, ys, "plain");
    ImageSet b = Idx.read(xz, ys, "gz");
    assertEquals(5, a.size());
    assertEquals(3, a.height());
    assertEquals(4, a.width());
    assertTrue(Arrays.deepEquals(a.images(), b.images()));
    assertArrayEquals(new int[] {0, 1, 2, 3, 4}, a.labels());
    // pixel 13 of the body is image 1, pixel 1: byte 13·37 = 481 → 481 mod 256 = 225
    assertEquals(225 / 255f, a.images()[1][1], 0f);
    assertEquals("gz", b.name());
  }

  @Test
  void wrongMagicNumber() throws IOException {
    byte[] bad = images(2, 2, 2);
    bad[0] = 0x50;
    bad[1] = 0x4b;
    Path f = write("zip-not-idx", bad, false);
    DataFileException e = assertThrows(DataFileException.class, () -> Idx.readImages(f));
    assertTrue(e.getMessage().contains("zip-not-idx"), e.getMessage());
    assertTrue(e.getMessage().contains("wrong magic number 0x504b0803"), e.getMessage());
    assertEquals(f, e.file());
    byte[] type = images(2, 2, 2);
    type[2] = 0x0d;
    Path g = write("floats", type, false);
    e = assertThrows(DataFileException.class, () -> Idx.readImages(g));
    assertTrue(e.getMessage().contains("value type 0x0d"), e.getMessage());
  }

  @Test
  void wrongDimensionCount() throws IOException {
    Path asImages = write("labels-as-images", labels(4), false);
    DataFileException e = assertThrows(DataFileException.class,
        () -> Idx.readImages(asImages));
    assertTrue(e.getMessage().contains("labels-as-images"), e.getMessage());
    assertTrue(e.getMessage().contains("must have 3 dimensions"), e.getMessage());
    Path asLabels = write("images-as-labels", images(2, 2, 2), false);
    e = assertThrows(DataFileException.class, () -> Idx.readLabels(asLabels));
    assertTrue(e.getMessage().contains("must have 1 dimension"), e.getMessage());
    Path zero = write("zero-dims", idx(8, new int[0], new byte[0]), false);
    e = assertThrows(DataFileException.class, () -> Idx.read(zero));
    assertTrue(e.getMessage().contains("wrong dimension count 0"), e.getMessage());
  }

  @Test
  void imageAndLabelCountsDisagree() throws IOException {
    Path x = write("imgs", images(5, 2, 2), false);
    Path y = write("labs", labels(4), false);
    DataFileException e = assertThrows(DataFileException.class, () -> Idx.read(x, y, "s"));
    assertTrue(e.getMessage().contains("5 images"), e.getMessage());
    assertTrue(e.getMessage().contains("4 labels"), e.getMessage());
    assertTrue(e.getMessage().contains("labs"), e.getMessage());
  }

  @Test
  void truncatedFiles() throws IOException {
    byte[] full = images(5, 3, 4);
    for (boolean gz : new boolean[] {false, true}) {
      Path body = write("cut-body" + gz, Arrays.copyOf(full, full.length - 7), gz);
      DataFileException e = assertThrows(DataFileException.class, () -> Idx.readImages(body));
      assertTrue(e.getMessage().contains("truncated"), e.getMessage());
      assertTrue(e.getMessage().contains("announces 60 values but only 53"), e.getMessage());
      Path header = write("cut-header" + gz, Arrays.copyOf(full, 9), gz);
      e = assertThrows(DataFileException.class, () -> Idx.readImages(header));
      assertTrue(e.getMessage().contains("header ends after 1 of 3"), e.getMessage());
      Path magic = write("cut-magic" + gz, Arrays.copyOf(full, 2), gz);
      e = assertThrows(DataFileException.class, () -> Idx.readImages(magic));
      assertTrue(e.getMessage().contains("magic"), e.getMessage());
    }
    // a gzip stream cut in the middle: the compressed file itself is truncated
    Path whole = write("whole.gz", images(50, 28, 28), true);
    byte[] gz = Files.readAllBytes(whole);
    Path cut = write("cut.gz", new byte[0], false);
    Files.write(cut, Arrays.copyOf(gz, gz.length / 2));
    DataFileException e = assertThrows(DataFileException.class, () -> Idx.readImages(cut));
    assertTrue(e.getMessage().contains("cut.gz"), e.getMessage());
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void trailingBytesAndEmptySizes() throws IOException {
    byte[] full = images(2, 2, 2);
    byte[] longer = Arrays.copyOf(full, full.length + 3);
    Path f = write("long", longer, false);
    DataFileException e = assertThrows(DataFileException.class, () -> Idx.readImages(f));
    assertTrue(e.getMessage().contains("bytes after the 8 values"), e.getMessage());
    Path z = write("zero-size", idx(8, new int[] {0, 28, 28}, new byte[0]), false);
    e = assertThrows(DataFileException.class, () -> Idx.readImages(z));
    assertTrue(e.getMessage().contains("dimension 0 has size 0"), e.getMessage());
  }

  @Test
  void missingFileListsTheSearchedPaths() throws IOException {
    Path missing = dir.resolve("nope");
    DataFileException e = assertThrows(DataFileException.class, () -> Idx.readImages(missing));
    assertTrue(e.getMessage().contains("nope: no such file"), e.getMessage());

    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Files.createDirectories(b);
    write("b/" + IdxDataset.TRAIN_IMAGES, images(1, 2, 2), false);
    e = assertThrows(DataFileException.class,
        () -> IdxDataset.require("Fashion-MNIST", List.of(a, b), "install it", null));
    assertTrue(e.getMessage().contains(a.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(b.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("install it"), e.getMessage());
    assertEquals(2, e.searched().size());
  }

  @Test
  void searchOrderPrefersTheEnvironmentThenTheOthers() throws IOException {
    Path first = dir.resolve("env");
    Path second = dir.resolve("local");
    for (Path d : List.of(first, second)) {
      Files.createDirectories(d);
      write(d.getFileName() + "/" + IdxDataset.TRAIN_IMAGES + ".gz", images(3, 2, 2), true);
      write(d.getFileName() + "/" + IdxDataset.TRAIN_LABELS, labels(3), false);
      write(d.getFileName() + "/" + IdxDataset.TEST_IMAGES, images(2, 2, 2), false);
      write(d.getFileName() + "/" + IdxDataset.TEST_LABELS + ".gz", labels(2), true);
    }
    List<Path> path = IdxDataset.searchPath(first.toString(), second, dir.resolve("x"));
    assertEquals(List.of(first, second, dir.resolve("x")), path);
    assertEquals(first, IdxDataset.find(path));
    assertEquals(second, IdxDataset.find(IdxDataset.searchPath(null, second)));
    assertEquals(second, IdxDataset.find(IdxDataset.searchPath("", dir.resolve("x"), second)));
    ImageSet train = FashionMnist.train(first);
    ImageSet test = FashionMnist.test(first);
    assertEquals(3, train.size());
    assertEquals(2, test.size());
  }

  @Test
  void nothingIsKeptFromAFailedFile() throws IOException {
    Path d = dir.resolve("set");
    Files.createDirectories(d);
    Path x = write("set/" + IdxDataset.TRAIN_IMAGES, images(3, 2, 2), false);
    write("set/" + IdxDataset.TRAIN_LABELS, labels(2), false);
    assertThrows(DataFileException.class, () -> FashionMnist.train(d));
    assertThrows(DataFileException.class, () -> FashionMnist.train(d));
    // fix the label file: the next call reads the new content
    Files.write(d.resolve(IdxDataset.TRAIN_LABELS), labels(3));
    assertEquals(3, FashionMnist.train(d).size());
    assertTrue(Files.exists(x));
  }
}
