package lab.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged, foreign and unwritable checkpoint files beyond those of {@link FoundationTest}. */
class CheckpointFaultTest {

  private static final ShiftModel.Config CFG = new ShiftModel.Config(3, 0.01);

  /** Offset of the JSON length: magic (6), version (4), kind "shift" as UTF (2 + 5). */
  private static final int JSON_LENGTH_AT = 17;

  @TempDir
  Path dir;

  private byte[] bytes;

  @BeforeEach
  void save() throws IOException {
    Path file = dir.resolve("good.ckpt");
    try (ShiftModel m = new ShiftModel(CFG, 5)) {
      Checkpoint.save(file, m);
    }
    bytes = Files.readAllBytes(file);
  }

  private static byte[] withChecksum(byte[] b) {
    CRC32 crc = new CRC32();
    crc.update(b, 0, b.length - Long.BYTES);
    ByteBuffer.wrap(b, b.length - Long.BYTES, Long.BYTES).putLong(crc.getValue());
    return b;
  }

  /** A damaged JSON length used to escape as NegativeArraySizeException. */
  @Test
  void damagedCountIsACheckpointError() throws IOException {
    byte[] bad = bytes.clone();
    ByteBuffer.wrap(bad).putInt(JSON_LENGTH_AT, -1);
    Path damaged = Files.write(dir.resolve("count.ckpt"), bad);
    Path crafted = Files.write(dir.resolve("crafted.ckpt"), withChecksum(bad.clone()));
    try (ShiftModel m = new ShiftModel(CFG, 6)) {
      float[] init = m.params().values().get("g.a");
      Checkpoint.CheckpointException e = assertThrows(Checkpoint.CheckpointException.class,
          () -> Checkpoint.load(damaged, m));
      assertTrue(e.getMessage().contains("count.ckpt") && e.getMessage().contains("checksum"),
          e.getMessage());
      e = assertThrows(Checkpoint.CheckpointException.class, () -> Checkpoint.load(crafted, m));
      assertTrue(e.getMessage().contains("crafted.ckpt"), e.getMessage());
      assertArrayEquals(init, m.params().values().get("g.a"));
      assertEquals(0, m.step());
    }
  }

  /** Truncation anywhere, down to an empty file, is refused with the file named. */
  @Test
  void everyTruncationIsRefused() throws IOException {
    for (int len : new int[] {0, 5, 10, 12, JSON_LENGTH_AT + 2, bytes.length / 2,
        bytes.length - 1}) {
      Path cut = Files.write(dir.resolve("cut" + len + ".ckpt"),
          java.util.Arrays.copyOf(bytes, len));
      try (ShiftModel m = new ShiftModel(CFG, 6)) {
        Checkpoint.CheckpointException e = assertThrows(Checkpoint.CheckpointException.class,
            () -> Checkpoint.load(cut, m), "length " + len);
        assertTrue(e.getMessage().contains("cut" + len + ".ckpt"), e.getMessage());
        assertEquals(0, m.step());
      }
    }
  }

  /**
   * A damaged file is never overwritten by loadOrTrain, even in a folder whose name contains
   * "configuration" (the decision used to rest on the message text); another configuration is.
   */
  @Test
  void loadOrTrainKeepsDamagedFilesAndReplacesForeignOnes() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("configuration"));
    byte[] bad = bytes.clone();
    bad[bad.length - 12] ^= 1;
    Path damaged = Files.write(folder.resolve("m.ckpt"), bad);
    int[] trainings = {0};
    try (ShiftModel m = new ShiftModel(CFG, 6)) {
      assertThrows(Checkpoint.CheckpointException.class,
          () -> Checkpoint.loadOrTrain(damaged, m, 0, mm -> trainings[0]++));
    }
    assertEquals(0, trainings[0]);
    assertArrayEquals(bad, Files.readAllBytes(damaged));

    Path foreign = Files.write(folder.resolve("other.ckpt"), bytes);
    try (ShiftModel m = new ShiftModel(new ShiftModel.Config(3, 0.02), 6)) {
      assertEquals(false, Checkpoint.loadOrTrain(foreign, m, 0, mm -> trainings[0]++));
    }
    assertEquals(1, trainings[0]);
    try (ShiftModel m = new ShiftModel(new ShiftModel.Config(3, 0.02), 7)) {
      Checkpoint.load(foreign, m);
    }
  }

  /** A save that cannot complete leaves no temporary file behind and the old file intact. */
  @Test
  void failedSaveLeavesNothingHalfWritten() throws IOException {
    Path target = Files.createDirectories(dir.resolve("busy.ckpt"));
    Files.write(target.resolve("inside"), new byte[] {1});
    try (ShiftModel m = new ShiftModel(CFG, 6)) {
      assertThrows(UncheckedIOException.class, () -> Checkpoint.save(target, m));
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")),
          "temporary file left in " + dir);
    }
    assertTrue(Files.isDirectory(target));
  }
}
