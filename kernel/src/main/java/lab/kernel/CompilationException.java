package lab.kernel;

import java.util.List;

/**
 * A cell that does not compile: JShell's diagnostics, each shown with the offending line of the
 * cell and a caret under the column it names.
 */
public final class CompilationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> report;

  /**
   * @param message the first diagnostic's message (the error's one-line value)
   * @param report the full report, one string per line
   */
  public CompilationException(String message, List<String> report) {
    super(message);
    this.report = List.copyOf(report);
  }

  /** The report: for each diagnostic its message, the cell line and a caret line. */
  public List<String> report() {
    return report;
  }
}
