package lab.kernel;

/**
 * Carries a {@link Throwable} from a cell that is not an {@link Exception} (an {@link Error}
 * such as {@code StackOverflowError}); exceptions are reported as themselves.
 */
public final class UserCodeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UserCodeException(Throwable error) {
    super(error.toString(), error);
  }
}
