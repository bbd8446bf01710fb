package lab.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KidTest {

  @Test
  void unbiasedMmdMatchesNumpy() {
    for (JsonElement e : MetricsFixtures.json("kid.json").getAsJsonArray("cases")) {
      JsonObject c = e.getAsJsonObject();
      double[][] x = MetricsFixtures.matrix(c.get("x"));
      double[][] y = MetricsFixtures.matrix(c.get("y"));
      double expected = c.get("mmd2").getAsDouble();
      MetricsFixtures.close(expected, Kid.mmd2Unbiased(x, y), 1e-9, c.get("name").getAsString());
      if (x.length == y.length) {
        // One subset of the whole set is a permutation of it: the same value.
        Kid.Result r = Kid.between(x, y, new Kid.Options(1, x.length, 3));
        MetricsFixtures.close(expected, r.mean(), 1e-9, "one full subset");
        assertEquals(0.0, r.std(), 0.0);
      }
    }
  }

  @Test
  void subsetsAreSeededAndCanBeNegative() {
    Random rng = new Random(1);
    double[][] x = new double[300][4];
    double[][] y = new double[250][4];
    for (double[] row : x) {
      for (int j = 0; j < 4; j++) {
        row[j] = rng.nextGaussian();
      }
    }
    for (double[] row : y) {
      for (int j = 0; j < 4; j++) {
        row[j] = rng.nextGaussian();
      }
    }
    Kid.Options o = new Kid.Options(20, 100, 11);
    Kid.Result a = Kid.between(x, y, o);
    Kid.Result b = Kid.between(x, y, o);
    assertArrayEquals(a.values(), b.values());
    assertEquals(20, a.values().length);
    assertTrue(java.util.Arrays.stream(a.values()).anyMatch(v -> v < 0),
        "same distribution: some unbiased estimates fall below 0");
    assertTrue(Math.abs(a.mean()) < 3 * a.std(), a.toString());
    Kid.Result c = Kid.between(x, y, new Kid.Options(20, 100, 12));
    assertTrue(c.mean() != a.mean());
  }

  /** I3: a subset larger than a set fails, naming both numbers. */
  @Test
  void subsetLargerThanASetNamesBothNumbers() {
    double[][] x = new double[876][2];
    double[][] y = new double[2000][2];
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Kid.between(x, y));
    assertTrue(e.getMessage().contains("1000") && e.getMessage().contains("876"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Kid.between(y, x));
    assertTrue(e.getMessage().contains("generated features (876 × 2)"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Kid.Options(0, 10, 0));
    assertThrows(IllegalArgumentException.class, () -> new Kid.Options(10, 1, 0));
  }
}
