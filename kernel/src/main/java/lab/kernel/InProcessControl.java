package lab.kernel;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JShell's execution engine inside the kernel JVM: snippet classes are defined by a class loader
 * whose parent is the kernel's own, so a cell's values are real objects that the renderers and
 * the lab's library share.
 *
 * <p>Each snippet runs on a fresh thread (named {@code cell}) that the kernel can stop; the
 * kernel thread waits for that thread only, so pools and background threads a cell starts never
 * hold the cell open. A snippet's return value is kept under a key that JShell reports as the
 * snippet's value string; {@link #take(String)} hands the object back.
 *
 * <p>Stopping: {@link #stop()} interrupts the cell thread (ends {@code sleep}, {@code wait},
 * interruptible I/O), waits {@value #GRACE_MS} ms, then forces it with {@code Thread.stop}
 * until it ends.
 *
 * @apiNote {@code Thread.stop} works on Java 17 to 19. On Java 20 and later it throws
 * {@code UnsupportedOperationException}; there only code that sleeps, waits or checks
 * {@code Thread.interrupted()} can be interrupted, and a busy loop runs on.
 */
final class InProcessControl extends DirectExecutionControl {

  private static final Logger LOG = LoggerFactory.getLogger(InProcessControl.class);

  /** Time a cell gets to end on its own after an interrupt before it is forced. */
  static final long GRACE_MS = 200;

  private final CellLoader loader;
  private final AtomicReference<Thread> running = new AtomicReference<>();
  private final Map<String, Object> results = new ConcurrentHashMap<>();
  private final AtomicLong keys = new AtomicLong();
  private volatile boolean cancelled;
  private volatile Throwable lastThrown;

  private InProcessControl(CellLoader loader) {
    super(loader);
    this.loader = loader;
  }

  /** An engine whose snippet classes see {@code parent}'s classes. */
  static InProcessControl create(ClassLoader parent) {
    return new InProcessControl(new CellLoader(parent));
  }

  /** The class loader of snippet classes and of jars added to the class path. */
  ClassLoader classLoader() {
    return loader.loader;
  }

  /** Whether a snippet is running now. */
  boolean busy() {
    return running.get() != null;
  }

  /** The value a snippet returned, under the key JShell reported as its value (once). */
  Object take(String key) {
    return key == null ? null : results.remove(key);
  }

  /** The throwable the last failed snippet threw (once). */
  Throwable takeThrown() {
    Throwable t = lastThrown;
    lastThrown = null;
    return t;
  }

  /** Clears a stop request, at the start of a cell: a stop ends the cell it arrives in. */
  void resetStop() {
    cancelled = false;
  }

  /** Forgets every kept value (at the end of a cell). */
  void clearResults() {
    results.clear();
  }

  @Override
  protected String invoke(Method doit) throws Exception {
    Object[] value = new Object[1];
    Throwable[] thrown = new Throwable[1];
    Thread cell = new Thread(() -> {
      try {
        value[0] = doit.invoke(null);
      } catch (InvocationTargetException e) {
        thrown[0] = e.getCause();
      } catch (Throwable e) {
        thrown[0] = e;
      }
    }, "cell");
    cell.setDaemon(true);
    cell.setContextClassLoader(loader.loader);
    running.set(cell);
    try {
      // A stop that came while the snippet compiled ends it before it starts.
      if (!cancelled) {
        cell.start();
        cell.join();
      }
    } finally {
      running.set(null);
    }
    if (cancelled) {
      throw new ExecutionControl.StoppedException();
    }
    if (thrown[0] != null) {
      lastThrown = thrown[0];
      throw new InvocationTargetException(thrown[0]);
    }
    String key = "lab-value-" + keys.incrementAndGet();
    if (value[0] != null) {
      results.put(key, value[0]);
    }
    return key;
  }

  @Override
  @SuppressWarnings({"deprecation", "removal"})
  public void stop() {
    cancelled = true;
    Thread cell = running.get();
    if (cell == null || !cell.isAlive()) {
      return;
    }
    cell.interrupt();
    try {
      cell.join(GRACE_MS);
      // A cell that catches ThreadDeath is stopped again until it ends.
      for (int i = 0; cell.isAlive() && i < 50; i++) {
        cell.stop();
        cell.join(100);
      }
    } catch (UnsupportedOperationException e) {
      LOG.warn("this Java cannot force a running cell to stop (Thread.stop is not supported);"
          + " only sleeping or waiting code ends on interrupt");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Defines snippet classes from JShell's bytes; jars added later join its class path. */
  private static final class CellLoader implements LoaderDelegate {

    private final Map<String, byte[]> bytes = new ConcurrentHashMap<>();
    private final Loader loader;

    CellLoader(ClassLoader parent) {
      this.loader = new Loader(parent);
    }

    private final class Loader extends URLClassLoader {
      Loader(ClassLoader parent) {
        super("cells", new URL[0], parent);
      }

      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = bytes.get(name);
        if (b != null) {
          return defineClass(name, b, 0, b.length);
        }
        return super.findClass(name);
      }

      void add(URL url) {
        addURL(url);
      }
    }

    @Override
    public void load(ExecutionControl.ClassBytecodes[] cbcs)
        throws ExecutionControl.ClassInstallException {
      boolean[] installed = new boolean[cbcs.length];
      for (ExecutionControl.ClassBytecodes c : cbcs) {
        bytes.put(c.name(), c.bytecodes());
      }
      for (int i = 0; i < cbcs.length; i++) {
        try {
          Class.forName(cbcs[i].name(), false, loader);
          installed[i] = true;
        } catch (ClassNotFoundException | LinkageError e) {
          throw new ExecutionControl.ClassInstallException(
              "cannot define " + cbcs[i].name() + ": " + e, installed);
        }
      }
    }

    @Override
    public void classesRedefined(ExecutionControl.ClassBytecodes[] cbcs) {
      for (ExecutionControl.ClassBytecodes c : cbcs) {
        bytes.put(c.name(), c.bytecodes());
      }
    }

    @Override
    public void addToClasspath(String path) throws ExecutionControl.InternalException {
      for (String entry : path.split(File.pathSeparator)) {
        if (entry.isBlank()) {
          continue;
        }
        try {
          loader.add(Path.of(entry).toAbsolutePath().toUri().toURL());
        } catch (MalformedURLException e) {
          throw new ExecutionControl.InternalException("bad class path entry " + entry);
        }
      }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
      return Class.forName(name, false, loader);
    }
  }
}
