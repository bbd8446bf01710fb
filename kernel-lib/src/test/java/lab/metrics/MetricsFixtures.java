package lab.metrics;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import lab.data.Fixtures;

/** Fixtures of tools/fixtures/metrics_fixtures.py and the generator it shares with the tests. */
final class MetricsFixtures {

  private MetricsFixtures() {
  }

  /** fixtures/metrics/{name}. */
  static JsonObject json(String name) {
    return Fixtures.json("metrics", name);
  }

  static double[][] matrix(JsonElement e) {
    JsonArray rows = e.getAsJsonArray();
    double[][] m = new double[rows.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = vector(rows.get(i));
    }
    return m;
  }

  static double[] vector(JsonElement e) {
    JsonArray a = e.getAsJsonArray();
    double[] v = new double[a.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = a.get(i).getAsDouble();
    }
    return v;
  }

  /** count uniforms in [0, 1) from SplitMix64 started at seed, as splitmix_uniform. */
  static double[] splitmixUniform(long seed, int count) {
    double[] u = new double[count];
    for (int i = 0; i < count; i++) {
      long z = seed + 0x9E3779B97F4A7C15L * (i + 1);
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      z = z ^ (z >>> 31);
      u[i] = (z >>> 11) * 0x1.0p-53;
    }
    return u;
  }

  /** x[i][j] = scale · (u[i][j] + 0.5 · u[i][j − 1]) + shift, as coupled_features. */
  static double[][] coupled(long seed, int n, int d, double scale, double shift) {
    double[] u = splitmixUniform(seed, n * d);
    double[][] x = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        double prev = j == 0 ? 0 : u[i * d + j - 1];
        x[i][j] = scale * (u[i * d + j] + 0.5 * prev) + shift;
      }
    }
    return x;
  }

  /** |actual − expected| ≤ rel · max(1, |expected|). */
  static void close(double expected, double actual, double rel, String what) {
    double tol = rel * Math.max(1, Math.abs(expected));
    if (!(Math.abs(actual - expected) <= tol)) {
      throw new AssertionError(what + ": expected " + expected + " ± " + tol + ", got " + actual);
    }
  }
}
