package lab.gan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Case D2: the engine starts with the network off, or says what to add. */
class OfflineStartTest {

  @TempDir
  Path cache;

  @Test
  void engineStartsWithTheNetworkSwitchedOff() throws Exception {
    String out = probe(System.getProperty("java.class.path"), null, true);
    assertTrue(out.contains("engine ok, sum 6.0, connection attempts: []"), out);
  }

  @Test
  void missingNativeJarFailsFastNamingTheArtifact() throws Exception {
    String cp = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(p -> !p.contains("pytorch-native-cpu"))
        .collect(Collectors.joining(File.pathSeparator));
    String out = probe(cp, cache.toString(), false);
    assertTrue(out.contains("engine failed") && out.contains("pytorch-native-cpu:2.7.1"), out);
  }

  private static String probe(String classPath, String cacheDir, boolean netOff)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    if (netOff && canUnshare()) {
      cmd.addAll(List.of("unshare", "-rn"));
    }
    cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dai.djl.offline=true", "-cp", classPath, OfflineProbe.class.getName()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("DJL_OFFLINE", "true");
    if (cacheDir != null) {
      pb.environment().put("DJL_CACHE_DIR", cacheDir);
      pb.environment().put("ENGINE_CACHE_DIR", cacheDir);
    }
    Process p = pb.start();
    byte[] bytes = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe finished");
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Whether this machine lets an unprivileged process drop into a namespace without network. */
  private static boolean canUnshare() {
    try {
      Process p = new ProcessBuilder("unshare", "-rn", "true").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
