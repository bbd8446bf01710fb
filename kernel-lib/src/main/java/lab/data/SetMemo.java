package lab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Decoded data sets kept for the life of the JVM, keyed by their files' paths, sizes and
 * modification times, so that a notebook that asks twice decodes once. A load that throws
 * stores nothing.
 */
final class SetMemo {

  private static final Map<String, ImageSet> SETS = new ConcurrentHashMap<>();

  private SetMemo() {
  }

  static ImageSet get(List<Path> files, Supplier<ImageSet> load) {
    StringBuilder key = new StringBuilder();
    for (Path f : files) {
      Path p = f.toAbsolutePath().normalize();
      try {
        key.append(p).append('|').append(Files.size(p)).append('|')
            .append(Files.getLastModifiedTime(p).toMillis()).append(';');
      } catch (IOException e) {
        return load.get();
      }
    }
    ImageSet hit = SETS.get(key.toString());
    if (hit != null) {
      return hit;
    }
    ImageSet set = load.get();
    SETS.put(key.toString(), set);
    return set;
  }

  static void clear() {
    SETS.clear();
  }
}
