package lab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start, parent death, shutdown, and the launcher's kernelspec install (K2). */
class KernelLifecycleTest {

  static Path root() {
    return Path.of(System.getProperty("lab.root", "..")).toAbsolutePath().normalize();
  }

  @Test
  void kernelExitsWhenItsParentDies(@TempDir Path dir) throws Exception {
    Process parent = new ProcessBuilder("sleep", "120").start();
    try (KernelClient k = KernelClient.start(dir,
        Map.of("JPY_PARENT_PID", Long.toString(parent.pid())))) {
      assertEquals("2", k.execute("1 + 1").text());
      parent.destroyForcibly();
      assertTrue(k.process.waitFor(10, TimeUnit.SECONDS),
          "the kernel outlived its parent: " + k.readLog());
      assertTrue(k.readLog().contains("parent process " + parent.pid() + " is gone"));
    } finally {
      parent.destroyForcibly();
    }
  }

  @Test
  void shutdownRequestEndsTheKernel(@TempDir Path dir) throws Exception {
    KernelClient k = KernelClient.start(dir);
    JsonObject c = new JsonObject();
    c.addProperty("restart", false);
    k.sendControl("shutdown_request", c);
    KernelClient.Msg reply = k.recvControl(java.time.Duration.ofSeconds(10));
    assertEquals("shutdown_reply", reply.type());
    assertTrue(k.process.waitFor(10, TimeUnit.SECONDS), "still running after shutdown");
    assertEquals(0, k.process.exitValue());
    k.close();
  }

  private static Process lab(Path dir, Map<String, String> env, String... args)
      throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("bash", root().resolve("lab")
        .toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().remove("JAVA_HOME");
    pb.environment().putAll(env);
    pb.redirectOutput(dir.resolve("lab.out").toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return p;
  }

  /** K2: an older Java is named at install time, with the version the kernel needs. */
  @Test
  void installRefusesAnOlderJava(@TempDir Path dir) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path fake = bin.resolve("java");
    Files.writeString(fake, "#!/bin/sh\necho '    java.specification.version = 11' >&2\n");
    assertTrue(fake.toFile().setExecutable(true));
    Process p = lab(dir, Map.of("PATH", bin + ":" + System.getenv("PATH"),
        "JUPYTER_DATA_DIR", dir.resolve("data").toString()), "install");
    String out = Files.readString(dir.resolve("lab.out"), StandardCharsets.UTF_8);
    assertNotEquals(0, p.exitValue(), out);
    assertTrue(out.contains("found Java 11 at " + fake), out);
    assertTrue(out.contains("needs Java 17 or newer"), out);
    assertTrue(!Files.exists(dir.resolve("data/kernels/java/kernel.json")));
  }

  @Test
  void installWritesAnIJavaCompatibleKernelspec(@TempDir Path dir) throws Exception {
    Process p = lab(dir, Map.of("JUPYTER_DATA_DIR", dir.resolve("data").toString(),
        "LAB_NO_BUILD", "1"), "install");
    String out = Files.readString(dir.resolve("lab.out"), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("Java 17 found at") || out.contains("found at"), out);
    JsonObject spec = JsonParser.parseString(Files.readString(
        dir.resolve("data/kernels/java/kernel.json"))).getAsJsonObject();
    assertEquals("java", spec.get("language").getAsString());
    assertEquals("message", spec.get("interrupt_mode").getAsString());
    assertEquals("true", spec.getAsJsonObject("env").get("DJL_OFFLINE").getAsString());
    List<String> argv = KernelClient.strings(spec.getAsJsonArray("argv"));
    assertTrue(argv.contains("-Dai.djl.offline=true"), argv.toString());
    assertEquals("{connection_file}", argv.get(argv.size() - 1));
    assertEquals("lab.kernel.Main", argv.get(argv.size() - 2));
  }
}
