package lab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

class RankCorrelationTest {

  @Test
  void matchesScipyWithTies() {
    for (JsonElement e : MetricsFixtures.json("rank.json").getAsJsonArray("cases")) {
      JsonObject c = e.getAsJsonObject();
      double[] x = MetricsFixtures.vector(c.get("x"));
      double[] y = MetricsFixtures.vector(c.get("y"));
      String name = c.get("name").getAsString();
      assertEquals(c.get("spearman").getAsDouble(), RankCorrelation.spearman(x, y), 1e-12, name);
      assertEquals(c.get("kendall").getAsDouble(), RankCorrelation.kendall(x, y), 1e-12, name);
    }
  }

  @Test
  void bootstrapIntervalsAreSeededAndHoldTheEstimate() {
    JsonObject c = MetricsFixtures.json("rank.json").getAsJsonArray("cases").get(0)
        .getAsJsonObject();
    double[] x = MetricsFixtures.vector(c.get("x"));
    double[] y = MetricsFixtures.vector(c.get("y"));
    RankCorrelation.Options o = new RankCorrelation.Options(500, 0.1, 7);
    RankCorrelation.Result s = RankCorrelation.spearman(x, y, o);
    assertEquals(s, RankCorrelation.spearman(x, y, o));
    assertTrue(s.low() <= s.value() && s.value() <= s.high(), s.toString());
    assertTrue(s.high() - s.low() > 0.05 && s.high() - s.low() < 1, s.toString());
    assertEquals(0.9, s.level(), 1e-12);
    RankCorrelation.Result wide = RankCorrelation.spearman(x, y,
        new RankCorrelation.Options(500, 0.01, 7));
    assertTrue(wide.high() - wide.low() > s.high() - s.low());
    RankCorrelation.Result k = RankCorrelation.kendall(x, y, new RankCorrelation.Options());
    assertTrue(k.low() <= k.value() && k.value() <= k.high(), k.toString());

    // A perfectly monotone relation: every resample gives 1 (or is undefined and skipped).
    double[] a = {1, 2, 3, 4, 5, 6};
    double[] b = {10, 20, 25, 40, 41, 90};
    RankCorrelation.Result perfect = RankCorrelation.kendall(a, b, o);
    assertEquals(1.0, perfect.value(), 0.0);
    assertEquals(1.0, perfect.low(), 0.0);
    assertEquals(1.0, perfect.high(), 0.0);
  }

  @Test
  void badInputIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RankCorrelation.spearman(new double[] {1, 2}, new double[] {1}));
    assertTrue(e.getMessage().contains("lengths 2 and 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> RankCorrelation.kendall(new double[] {1, Double.NaN}, new double[] {1, 2}));
    assertTrue(e.getMessage().contains("model 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new RankCorrelation.Options(5, 0.05, 0));
    assertTrue(Double.isNaN(RankCorrelation.spearman(new double[] {1, 1, 1},
        new double[] {1, 2, 3})));
  }
}
