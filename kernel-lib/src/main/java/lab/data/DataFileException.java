package lab.data;

import java.nio.file.Path;
import java.util.List;

/**
 * A data set file that is missing or cannot be decoded. The message names the file (or, for a
 * missing file, every path that was searched) and what is wrong with it.
 */
public class DataFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final transient List<Path> searched;

  /** A file that exists but is not what it should be. */
  public DataFileException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
    this.searched = List.of(file);
  }

  /** A file that exists but cannot be read, with the I/O error as cause. */
  public DataFileException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem + (cause.getMessage() == null ? "" : " (" + cause.getMessage()
        + ")"), cause);
    this.file = file;
    this.searched = List.of(file);
  }

  /** A file that was found nowhere; {@code searched} lists the paths tried, in order. */
  public DataFileException(String what, List<Path> searched, String hint) {
    super(what + " not found; searched " + searched + (hint == null ? "" : ". " + hint));
    this.file = null;
    this.searched = List.copyOf(searched);
  }

  /** The file at fault, or {@code null} when nothing was found. */
  public Path file() {
    return file;
  }

  /** The paths searched, in order (the file itself when it was found). */
  public List<Path> searched() {
    return searched;
  }
}
