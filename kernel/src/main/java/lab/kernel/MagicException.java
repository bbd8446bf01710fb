package lab.kernel;

/**
 * A magic that cannot run: unknown name (the message lists the magics that exist), bad
 * arguments, a path that matches no file, an artifact that cannot be resolved.
 */
public final class MagicException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public MagicException(String message) {
    super(message);
  }

  public MagicException(String message, Throwable cause) {
    super(message, cause);
  }
}
