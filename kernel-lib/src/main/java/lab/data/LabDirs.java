package lab.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the lab's project root and its {@code data/} folders are.
 *
 * <p>The root is, in order: the system property {@code lab.root} (the test runner sets it),
 * the environment variable {@code LAB_ROOT}, else the first directory at or above the working
 * directory that holds both the {@code lab} launcher and {@code pom.xml}. When none is found the
 * working directory is used.
 */
public final class LabDirs {

  private LabDirs() {
  }

  /** The project root (absolute, normalised). */
  public static Path root() {
    String prop = System.getProperty("lab.root");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop).toAbsolutePath().normalize();
    }
    String env = System.getenv("LAB_ROOT");
    if (env != null && !env.isBlank()) {
      return Path.of(env).toAbsolutePath().normalize();
    }
    Path cwd = Path.of("").toAbsolutePath().normalize();
    for (Path p = cwd; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("lab")) && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
    }
    return cwd;
  }

  /** {@code <root>/data}: data sets, checkpoints and caches (ignored by git). */
  public static Path data() {
    return root().resolve("data");
  }

  /** {@code <root>/data/cache}: derived arrays. */
  public static Path cache() {
    return data().resolve("cache");
  }

  /** {@code <root>/data/checkpoints}: trained models. */
  public static Path checkpoints() {
    return data().resolve("checkpoints");
  }

  /** {@code <root>/results}: figures and tables written by the notebooks and experiments. */
  public static Path results() {
    return root().resolve("results");
  }

  /** Whether the environment variable {@code CI} is {@code true}: data sets must be present. */
  public static boolean ci() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }
}
