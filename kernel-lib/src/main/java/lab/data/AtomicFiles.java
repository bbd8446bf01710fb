package lab.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a whole file or nothing: a temporary file in the same directory, then a rename. */
public final class AtomicFiles {

  private AtomicFiles() {
  }

  /** Writes {@code bytes} to {@code target} atomically; returns the absolute path. */
  public static Path write(Path target, byte[] bytes) {
    Path abs = target.toAbsolutePath().normalize();
    Path dir = abs.getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      return abs;
    } catch (IOException e) {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw new UncheckedIOException("cannot write " + abs, e);
    }
  }
}
