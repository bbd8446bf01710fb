package lab.kernel;

/** A cell stopped by an interrupt request; the kernel stays alive for the next cell. */
public final class CellInterruptedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CellInterruptedException(String message) {
    super(message);
  }
}
