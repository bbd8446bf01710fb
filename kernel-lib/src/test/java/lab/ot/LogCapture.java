package lab.ot;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Runs a call with System.err captured (slf4j-simple writes there) and returns the text. */
final class LogCapture {

  private LogCapture() {
  }

  /** The result of a call and what was logged meanwhile. */
  record Captured<T>(T value, String log) {
  }

  static synchronized <T> Captured<T> run(Supplier<T> call) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      T value = call.get();
      return new Captured<>(value, buf.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(old);
    }
  }
}
