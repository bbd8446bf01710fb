package lab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearSeparabilityTest {

  /** I5: the three check tables. */
  @Test
  void checkTables() {
    assertEquals(0.7219280948873623,
        LinearSeparability.conditionalEntropy(new double[][] {{.4, .1}, {.1, .4}}), 1e-12);
    assertEquals(0.0,
        LinearSeparability.conditionalEntropy(new double[][] {{.5, 0}, {0, .5}}), 0.0);
    assertEquals(1.0,
        LinearSeparability.conditionalEntropy(new double[][] {{.25, .25}, {.25, .25}}), 1e-15);
  }

  @Test
  void tablesMatchNumpy() {
    JsonObject fix = MetricsFixtures.json("entropy.json");
    for (String group : new String[] {"tables", "counts"}) {
      for (JsonElement e : fix.getAsJsonArray(group)) {
        JsonObject c = e.getAsJsonObject();
        assertEquals(c.get("bits").getAsDouble(),
            LinearSeparability.conditionalEntropy(MetricsFixtures.matrix(c.get("table"))), 1e-12,
            c.toString());
      }
    }
    assertThrows(IllegalArgumentException.class,
        () -> LinearSeparability.conditionalEntropy(new double[][] {{0, 0}, {0, 0}}));
    assertThrows(IllegalArgumentException.class,
        () -> LinearSeparability.conditionalEntropy(new double[][] {{-1, 2}, {0, 0}}));
  }

  @Test
  void separableAttributeScoresOneAndNoiseScoresAboutTwo() {
    Random rng = new Random(3);
    int n = 400;
    double[][] z = new double[n][4];
    double[][] p = new double[n][3];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 4; j++) {
        z[i][j] = rng.nextGaussian();
      }
      p[i][0] = 1 / (1 + Math.exp(-8 * (z[i][0] + 0.5 * z[i][1])));
      p[i][1] = rng.nextDouble();
      p[i][2] = 0.9;
    }
    LinearSeparability.Result r = LinearSeparability.of(z, p);
    LinearSeparability.Attribute sep = r.attributes().get(0);
    assertEquals(200, sep.kept());
    assertTrue(sep.bits() < 0.1, "separable attribute: " + sep);
    LinearSeparability.Attribute noise = r.attributes().get(1);
    assertTrue(noise.bits() > 0.8, "random attribute: " + noise);
    assertFalse(noise.singleClass());

    // The constant attribute is listed as single-class, not scored 0 and not dropped.
    LinearSeparability.Attribute single = r.attributes().get(2);
    assertTrue(single.singleClass());
    assertTrue(Double.isNaN(single.bits()));
    assertNull(single.table());
    assertEquals(1, r.singleClassCount());
    assertEquals(3, r.attributes().size());
    assertEquals(sep.bits() + noise.bits(), r.totalBits(), 1e-12);
    assertEquals(Math.pow(2, r.totalBits()), r.score(), 1e-12);

    // A non-default kept share.
    LinearSeparability.Result all = LinearSeparability.of(z, p,
        new LinearSeparability.Options(10, 1.0, 1e-3));
    assertEquals(n, all.attributes().get(0).kept());
  }

  @Test
  void badInputIsNamed() {
    double[][] z = {{0, 1}, {1, 0}};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LinearSeparability.of(z, new double[][] {{0.5}, {1.5}}));
    assertTrue(e.getMessage().contains("entry [1][0] is 1.5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> LinearSeparability.of(z, new double[][] {{0.5}}));
    assertTrue(e.getMessage().contains("2 × 2") && e.getMessage().contains("1 × 1"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new LinearSeparability.Options(0, 0.5, 1e-3));
    assertThrows(IllegalArgumentException.class,
        () -> new LinearSeparability.Options(1, 1.5, 1e-3));
  }
}
