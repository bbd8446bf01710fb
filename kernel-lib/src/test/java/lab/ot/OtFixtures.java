package lab.ot;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test helpers: fixtures written by tools/fixtures/ot_fixtures.py (POT, SciPy). */
final class OtFixtures {

  private OtFixtures() {
  }

  /** The JSON fixture {@code fixtures/ot/<name>} from the test resources. */
  static JsonObject json(String name) {
    String path = "/fixtures/ot/" + name;
    try (InputStream in = OtFixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + path
            + "; regenerate with /usr/bin/python3 tools/fixtures/ot_fixtures.py");
      }
      return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double[] vector(JsonElement e) {
    JsonArray a = e.getAsJsonArray();
    double[] v = new double[a.size()];
    for (int i = 0; i < v.length; i++) {
      JsonElement x = a.get(i);
      boolean inf = x.getAsJsonPrimitive().isString() && x.getAsString().equals("inf");
      v[i] = inf ? Double.POSITIVE_INFINITY : x.getAsDouble();
    }
    return v;
  }

  static double[][] matrix(JsonElement e) {
    JsonArray a = e.getAsJsonArray();
    double[][] m = new double[a.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = vector(a.get(i));
    }
    return m;
  }

  /** Checks the marginals of a plan: ‖P1 − a‖∞ and ‖Pᵀ1 − b‖∞ within tol. */
  static void assertMarginals(TransportPlan plan, double[] a, double[] b, double tol) {
    double[] r = plan.rowSums();
    double[] c = plan.colSums();
    for (int i = 0; i < a.length; i++) {
      if (Math.abs(r[i] - a[i]) > tol) {
        throw new AssertionError("row " + i + " sums to " + r[i] + ", expected " + a[i]);
      }
    }
    for (int j = 0; j < b.length; j++) {
      if (Math.abs(c[j] - b[j]) > tol) {
        throw new AssertionError("column " + j + " sums to " + c[j] + ", expected " + b[j]);
      }
    }
  }

  /** |actual − expected| ≤ rel · max(|expected|, 1e-300), with a message. */
  static void assertRel(double expected, double actual, double rel, String what) {
    double tol = rel * Math.max(Math.abs(expected), 1e-300);
    if (!(Math.abs(actual - expected) <= tol)) {
      throw new AssertionError(what + ": expected " + expected + " but got " + actual
          + " (relative error " + Math.abs(actual - expected) / Math.abs(expected) + " > " + rel
          + ")");
    }
  }
}
