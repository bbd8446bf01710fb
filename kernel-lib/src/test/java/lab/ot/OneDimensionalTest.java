package lab.ot;

import static lab.ot.NetworkSimplexTest.assertMessage;
import static lab.ot.OtFixtures.assertMarginals;
import static lab.ot.OtFixtures.assertRel;
import static lab.ot.OtFixtures.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

class OneDimensionalTest {

  @Test
  void matchesPotWasserstein1d() {
    JsonObject f = OtFixtures.json("onedim.json");
    double[] x = vector(f.get("x"));
    double[] a = vector(f.get("a"));
    double[] y = vector(f.get("y"));
    double[] b = vector(f.get("b"));
    for (JsonElement e : f.getAsJsonArray("values")) {
      double p = e.getAsJsonObject().get("p").getAsDouble();
      OtResult r = OneDimensional.solve(x, a, y, b, p);
      assertRel(e.getAsJsonObject().get("wpp").getAsDouble(), r.cost(), 1e-9, "W_p^p, p=" + p);
      assertMarginals(r.plan(), a, b, 1e-12);

      // the exact solver on |x - y|^p agrees (costs from Costs.euclideanPower)
      double[][] px = new double[x.length][];
      double[][] py = new double[y.length][];
      for (int i = 0; i < x.length; i++) {
        px[i] = new double[] {x[i]};
      }
      for (int j = 0; j < y.length; j++) {
        py[j] = new double[] {y[j]};
      }
      double[][] cost = Costs.euclideanPower(px, py, p);
      assertEquals(Math.pow(Math.abs(x[2] - y[3]), p), cost[2][3], 1e-14);
      assertRel(NetworkSimplex.solve(a, b, cost).cost(), r.cost(), 1e-9, "against emd");
    }
  }

  /** O4: weights travel with their points when sorting. */
  @Test
  void sortsWeightsWithPoints() {
    assertEquals(0.1, OneDimensional.wasserstein(new double[] {1, 0}, new double[] {.1, .9},
        new double[] {0}, new double[] {1}, 1), 1e-15);
    assertEquals(Math.sqrt(0.1), OneDimensional.wasserstein(new double[] {1, 0},
        new double[] {.1, .9}, new double[] {0}, new double[] {1}, 2), 1e-15);
  }

  @Test
  void rejectsBadInput() {
    double[] h = {.5, .5};
    assertMessage("p = 0.5", () -> OneDimensional.solve(h, h, h, h, 0.5));
    assertMessage("points x[1] = NaN", () -> OneDimensional.solve(new double[] {0,
        Double.NaN}, h, h, h, 1));
    assertMessage("weights a have length 2; expected 3", () -> OneDimensional.solve(
        new double[] {0, 1, 2}, h, h, h, 1));
    assertMessage("points y are empty", () -> OneDimensional.solve(h, h, new double[0],
        new double[0], 1));
  }
}
