package lab.data;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test helpers: fixtures from tools/fixtures/data_fixtures.py, and real-data gating. */
public final class Fixtures {

  private Fixtures() {
  }

  /** The JSON fixture {@code fixtures/<pkg>/<name>} from the test resources. */
  public static JsonObject json(String pkg, String name) {
    String path = "/fixtures/" + pkg + "/" + name;
    try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + path
            + "; regenerate with /usr/bin/python3 tools/fixtures/data_fixtures.py");
      }
      return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Skips the test when a real data set is absent, unless CI=true, where absence fails. */
  public static void requireData(boolean present, String what) {
    if (LabDirs.ci()) {
      assertTrue(present, what + " must be present when CI=true (run ./lab setup-data)");
    } else {
      assumeTrue(present, what + " not present; skipped");
    }
  }
}
