package lab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notebooks run end to end through Jupyter's own {@code nbconvert --execute} (nbclient) on
 * Debian's {@code /usr/bin/python3}, with a kernelspec in a temporary {@code JUPYTER_PATH}.
 */
class NotebookRunTest {

  /** Debian's Python, where the Jupyter packages live (an earlier python3 may lack them). */
  static final String PYTHON = "/usr/bin/python3";

  @TempDir
  static Path dir;

  @BeforeAll
  static void kernelspec() throws IOException {
    Path spec = Files.createDirectories(dir.resolve("jupyter/kernels/java"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    JsonObject k = new JsonObject();
    JsonArray argv = new JsonArray();
    for (String a : List.of(java, "-Dai.djl.offline=true", "-cp", KernelClient.classPath(),
        "lab.kernel.Main", "{connection_file}")) {
      argv.add(a);
    }
    k.add("argv", argv);
    k.addProperty("display_name", "Java (lab, test)");
    k.addProperty("language", "java");
    k.addProperty("interrupt_mode", "message");
    Files.writeString(spec.resolve("kernel.json"), k.toString());
  }

  record Run(int exit, String output, Path executed) {
  }

  static Run nbconvert(String notebook) throws Exception {
    Path source = dir.resolve(notebook);
    try (InputStream in = NotebookRunTest.class.getResourceAsStream("/notebooks/" + notebook)) {
      Files.copy(in, source);
    }
    Path out = Files.createDirectories(dir.resolve("out"));
    ProcessBuilder pb = new ProcessBuilder(PYTHON, "-m", "jupyter", "nbconvert", "--to",
        "notebook", "--execute", "--ExecutePreprocessor.kernel_name=java",
        "--ExecutePreprocessor.timeout=120", "--output-dir", out.toString(), source.toString());
    pb.environment().put("JUPYTER_PATH", dir.resolve("jupyter").toString());
    pb.environment().put("JUPYTER_DATA_DIR", dir.resolve("data").toString());
    pb.environment().put("JUPYTER_RUNTIME_DIR", dir.resolve("runtime").toString());
    pb.environment().put("JUPYTER_CONFIG_DIR", dir.resolve("config").toString());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "nbconvert did not finish");
    assertTrue(!output.contains("No module named"),
        "Jupyter is missing from " + PYTHON + " (./lab setup-data installs it): " + output);
    return new Run(p.exitValue(), output, out.resolve(notebook));
  }

  private static JsonArray outputs(JsonObject nb, int cell) {
    return nb.getAsJsonArray("cells").get(cell).getAsJsonObject().getAsJsonArray("outputs");
  }

  @Test
  void notebookRunsThroughNbconvertWithAllOutputs() throws Exception {
    Run run = nbconvert("ok.ipynb");
    assertEquals(0, run.exit(), run.output());
    JsonObject nb = JsonParser.parseString(Files.readString(run.executed())).getAsJsonObject();

    JsonObject value = outputs(nb, 1).get(0).getAsJsonObject();
    assertEquals("execute_result", value.get("output_type").getAsString());
    assertEquals("42", value.getAsJsonObject("data").get("text/plain").getAsString());

    // K3: print, sleep one second, value: both outputs kept, about one second of execution.
    JsonArray k3 = outputs(nb, 2);
    assertEquals(2, k3.size(), k3.toString());
    assertEquals("start\n", k3.get(0).getAsJsonObject().get("text").getAsString());
    assertEquals("done", k3.get(1).getAsJsonObject().getAsJsonObject("data")
        .get("text/plain").getAsString());
    JsonObject timing = nb.getAsJsonArray("cells").get(2).getAsJsonObject()
        .getAsJsonObject("metadata").getAsJsonObject("execution");
    Duration busy = Duration.between(
        Instant.parse(timing.get("iopub.status.busy").getAsString()),
        Instant.parse(timing.get("iopub.status.idle").getAsString()));
    assertTrue(busy.toMillis() >= 1000 && busy.toMillis() < 2500, "busy for " + busy);

    JsonObject chart = outputs(nb, 3).get(0).getAsJsonObject();
    assertTrue(chart.getAsJsonObject("data").has("image/png"), chart.toString());
    assertEquals("π ≈ 3.14\n", outputs(nb, 4).get(0).getAsJsonObject().get("text")
        .getAsString());
  }

  @Test
  void failingCellFailsTheCommandWithTheCellsError() throws Exception {
    Run run = nbconvert("failing.ipynb");
    assertNotEquals(0, run.exit(), run.output());
    assertTrue(run.output().contains("IllegalStateException"), run.output());
    assertTrue(run.output().contains("boom from notebook"), run.output());
    assertTrue(!run.output().contains("never reached"), run.output());
  }
}
