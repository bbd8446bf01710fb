package lab.ot;

import static lab.ot.NetworkSimplexTest.assertMessage;
import static lab.ot.OtFixtures.assertRel;
import static lab.ot.OtFixtures.matrix;
import static lab.ot.OtFixtures.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

class SlicedWassersteinTest {

  @Test
  void matchesPotWithTheSameDirections() {
    JsonObject f = OtFixtures.json("sliced.json");
    double[][] x = matrix(f.get("x"));
    double[][] y = matrix(f.get("y"));
    double[] a = vector(f.get("a"));
    double[] b = vector(f.get("b"));
    double[][] th = matrix(f.get("directions"));
    for (JsonElement e : f.getAsJsonArray("values")) {
      double p = e.getAsJsonObject().get("p").getAsDouble();
      OtResult r = SlicedWasserstein.solve(x, a, y, b, th, p);
      assertRel(e.getAsJsonObject().get("sw").getAsDouble(), r.distance(p), 1e-9, "SW_" + p);
      assertEquals(th.length, r.iterations());
    }
  }

  @Test
  void seededDirectionsAreRepeatableUnitVectorsAndBoundedByW2() {
    JsonObject f = OtFixtures.json("sliced.json");
    double[][] x = matrix(f.get("x"));
    double[][] y = matrix(f.get("y"));
    double[] a = vector(f.get("a"));
    double[] b = vector(f.get("b"));
    double[][] d1 = SlicedWasserstein.directions(100, 5, 42);
    assertArrayEquals(d1[7], SlicedWasserstein.directions(100, 5, 42)[7]);
    assertNotEquals(d1[7][0], SlicedWasserstein.directions(100, 5, 43)[7][0]);
    for (double[] t : d1) {
      double s = 0;
      for (double v : t) {
        s += v * v;
      }
      assertEquals(1, s, 1e-12);
    }
    SlicedWasserstein.Options o = new SlicedWasserstein.Options(200, 2, 9);
    double sw = SlicedWasserstein.distance(x, a, y, b, o);
    assertEquals(sw, SlicedWasserstein.distance(x, a, y, b, o));
    double w2 = Math.sqrt(NetworkSimplex.solve(x, a, y, b, new NetworkSimplex.Options()).cost());
    assertTrue(sw > 0 && sw <= w2, "SW_2 = " + sw + " must lie in (0, W_2 = " + w2 + "]");
  }

  @Test
  void rejectsBadInput() {
    double[][] x = {{0, 0}, {1, 1}};
    double[] h = {.5, .5};
    assertMessage("projections = 0", () -> new SlicedWasserstein.Options(0, 2, 0));
    assertMessage("p = 0.0", () -> new SlicedWasserstein.Options(5, 0, 0));
    assertMessage("points y row 0 has dimension 3; expected 2", () -> SlicedWasserstein
        .distance(x, h, new double[][] {{0, 0, 0}}, new double[] {1},
            new SlicedWasserstein.Options()));
  }
}
