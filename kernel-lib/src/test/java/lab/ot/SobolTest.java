package lab.ot;

import static lab.ot.NetworkSimplexTest.assertMessage;
import static lab.ot.OtFixtures.matrix;
import static lab.ot.OtFixtures.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

class SobolTest {

  @Test
  void matchesScipyUnscrambledSobol() {
    JsonObject f = OtFixtures.json("sobol.json");
    double[][] expected = matrix(f.get("first64d8"));
    double[][] got = new Sobol(8).points(0, 64);
    for (int i = 0; i < 64; i++) {
      assertArrayEquals(expected[i], got[i], 0, "point " + i);
    }
    Sobol wide = new Sobol(Sobol.MAX_DIMENSION);
    double[] p = new double[Sobol.MAX_DIMENSION];
    wide.point(999, p);
    assertArrayEquals(vector(f.get("point999")), p, 0);
    wide.point(37, p);
    assertArrayEquals(vector(f.get("point37")), p, 0);
  }

  @Test
  void rejectsUnsupportedDimension() {
    assertMessage("Sobol dimension 1025; expected 1 to 1024", () -> new Sobol(1025));
    assertMessage("Sobol dimension 0", () -> new Sobol(0));
  }
}
