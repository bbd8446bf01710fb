package lab.kernel;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.Loop;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the kernel: {@code java -cp kernel.jar:lib/* lab.kernel.Main CONNECTION_FILE}.
 *
 * <p>The kernel binds the five sockets on the transport, address and ports of the connection
 * file, checks every message's HMAC signature with its key (a message with a wrong signature is
 * logged and dropped), and exits when the process named by {@code JPY_PARENT_PID} is gone. Its
 * own log goes to the process's standard error as it was at start (or to the file named by
 * {@code LAB_KERNEL_LOG}), never into a cell; standard output and error are UTF-8 whatever the
 * locale.
 */
public final class Main {

  /** How often the parent process is checked. */
  static final long PARENT_POLL_MS = 500;

  private Main() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: lab.kernel.Main CONNECTION_FILE");
      System.exit(2);
    }
    setUpOutput();
    Logger log = LoggerFactory.getLogger(Main.class);
    long t0 = System.nanoTime();
    Path file = Path.of(args[0]);
    KernelConnectionProperties props = KernelConnectionProperties.parse(
        Files.readString(file, StandardCharsets.UTF_8));
    JavaKernel kernel = new JavaKernel();
    JupyterConnection connection = new JupyterConnection(props);
    kernel.becomeHandlerForConnection(connection);
    connection.connect();
    keepLoopsAlive(log);
    kernel.startInBackground();
    watchParent(log);
    log.info("kernel listening on {}://{} (shell {}), {} ms after start", props.getTransport(),
        props.getIp(), props.getShellPort(), (System.nanoTime() - t0) / 1_000_000);
    connection.waitUntilClose();
    log.info("kernel shut down");
    System.exit(0);
  }

  /**
   * UTF-8 standard streams; slf4j-simple and java.util.logging bound to the standard error of
   * this moment, before cells replace {@code System.out} and {@code System.err}.
   */
  private static void setUpOutput() {
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true,
        StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true,
        StandardCharsets.UTF_8));
    String logFile = System.getenv("LAB_KERNEL_LOG");
    setDefault("org.slf4j.simpleLogger.logFile",
        logFile != null && !logFile.isBlank() ? logFile : "System.err");
    setDefault("org.slf4j.simpleLogger.cacheOutputStream", "true");
    setDefault("org.slf4j.simpleLogger.defaultLogLevel", "info");
    setDefault("org.slf4j.simpleLogger.showDateTime", "true");
    setDefault("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
    setDefault("org.slf4j.simpleLogger.log.org.dflib.jjava", "warn");
    java.util.logging.Logger.getLogger("").getHandlers();
  }

  private static void setDefault(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  /**
   * The protocol library's channel loops end on an uncaught exception, and a message with a
   * wrong signature throws one: it is logged and dropped here, and the loop goes on.
   */
  private static void keepLoopsAlive(Logger log) {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t instanceof Loop loop) {
        loop.onError(e -> {
          if (e instanceof SecurityException) {
            log.warn("{}: dropped a message with an invalid signature ({})", loop.getName(),
                e.getMessage());
          } else {
            log.error("{}: error in the channel loop, going on", loop.getName(), e);
          }
          return 1;
        });
      }
    }
  }

  /** Exits when {@code JPY_PARENT_PID}'s process ends, so no kernel outlives its Jupyter. */
  private static void watchParent(Logger log) {
    String pid = System.getenv("JPY_PARENT_PID");
    if (pid == null || pid.isBlank()) {
      return;
    }
    long parentPid;
    try {
      parentPid = Long.parseLong(pid.trim());
    } catch (NumberFormatException e) {
      log.warn("JPY_PARENT_PID is '{}', not a process id; the parent is not watched", pid);
      return;
    }
    Thread watcher = new Thread(() -> {
      while (true) {
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        if (parent.isEmpty() || !parent.get().isAlive()) {
          log.warn("parent process {} is gone; the kernel exits", parentPid);
          Runtime.getRuntime().halt(0);
        }
        try {
          Thread.sleep(PARENT_POLL_MS);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "parent-watch");
    watcher.setDaemon(true);
    watcher.start();
  }
}
