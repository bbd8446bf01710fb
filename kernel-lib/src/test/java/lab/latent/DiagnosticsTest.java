package lab.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import lab.data.Fixtures;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {

  @Test
  void matchesScikitLearnNeighbours() {
    JsonObject f = Fixtures.json("latent", "diagnostics.json");
    double[][] tr = FeatureScoreTest.matrix(f.get("train").getAsJsonArray());
    double[][] real = FeatureScoreTest.matrix(f.get("real").getAsJsonArray());
    double[][] s = FeatureScoreTest.matrix(f.get("samples").getAsJsonArray());
    assertEquals(f.get("novelty").getAsDouble(), Diagnostics.novelty(tr, s), 1e-12);
    assertEquals(f.get("validity").getAsDouble(),
        Diagnostics.validity(real, s, f.get("k").getAsInt()), 1e-12);
  }

  @Test
  void copiesAreNotNovelAndRealIsValid() {
    double[][] tr = Synthetic.parts(4, 1, 2, 100)[0].points();
    assertEquals(0, Diagnostics.novelty(tr, tr));
    assertEquals(1, Diagnostics.validity(tr, tr, 3));
    double[][] far = Synthetic.noisy(tr, 0, 1);
    for (double[] row : far) {
      row[0] += 100;
    }
    assertEquals(1, Diagnostics.novelty(tr, far));
    assertEquals(0, Diagnostics.validity(tr, far, 3));
  }

  @Test
  void kMustBeBelowTheReferenceSize() {
    double[][] tr = Synthetic.parts(4, 1, 2, 5)[0].points();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Diagnostics.validity(tr, tr, 5));
    assertTrue(e.getMessage().contains("k is 5 for 5 points"), e.getMessage());
  }
}
