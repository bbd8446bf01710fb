package lab.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AttributeEditsTest {

  static final double[] STEPS = {-2, -1, 0, 1, 2};

  @Test
  void editingWidthAlongItsDirectionChangesWidthAloneAndMonotonically() {
    Blobs blobs = new Blobs("blobs");
    LatentSpace z = LatentSpace.z(blobs);
    AttributeEdits w = AttributeEdits.measure(z, ImageAttributes.of(8, 8), "width", 300, 40,
        STEPS, 3);
    assertTrue(Math.abs(w.direction().normal()[0]) > 0.95, "width lives on z₀: "
        + java.util.Arrays.toString(w.direction().normal()));
    assertTrue(w.direction().normal()[0] > 0, "oriented towards wider blobs");
    assertTrue(w.targetSlope() > 0.3, "slope " + w.targetSlope());
    assertEquals(1.0, w.monotone());
    assertTrue(w.selectivity() > 5, "selectivity " + w.selectivity());
    assertArrayEquals(new double[] {0, 0, 0}, w.meanChange()[2], 0);
    assertTrue(w.spread() > 0.5 && w.spread() < 2, "spread of n̂·z for N(0, I): " + w.spread());

    AttributeEdits h = AttributeEdits.measure(z, ImageAttributes.of(8, 8), "height", 300, 40,
        STEPS, 3);
    assertTrue(Math.abs(h.direction().normal()[1]) > 0.95);
    var t = AttributeEdits.table("edits", List.of(w, h));
    assertEquals(2, t.rowCount());
    assertEquals(w.selectivity(), t.value(0, "selectivity"), 1e-12);

    double[][] c = z.sample(3, new Random(1));
    assertArrayEquals(c[1], w.moved(c, 0)[1], 0);
    assertEquals(w.spread(), Points.dot(w.direction().normal(), w.moved(c, 1)[0])
        - Points.dot(w.direction().normal(), c[0]), 1e-12);

    var strip = LatentFigures.editStrip(z, w, 2, 4);
    assertEquals(2, strip.rows());
    assertEquals(STEPS.length, strip.cols());
    assertEquals(6, LatentFigures.editCurves(List.of(w, h)).getSeriesCollection().size());
    assertThrows(IllegalArgumentException.class, () -> LatentFigures.editStrip(
        new LatentSpace("other", 3, z.sampler(), z.decoder()), w, 2, 4));
  }

  @Test
  void badInputIsNamed() {
    LatentSpace z = LatentSpace.z(new Blobs("blobs"));
    ImageAttributes a = ImageAttributes.of(8, 8);
    var e = assertThrows(IllegalArgumentException.class,
        () -> AttributeEdits.measure(z, a, "width", 100, 5, new double[] {1, 1}, 1));
    assertTrue(e.getMessage().contains("strictly increasing"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> AttributeEdits.measure(z, a, "width", 100, 5, new double[] {0}, 1));
    assertTrue(e.getMessage().contains("all 0"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> AttributeEdits.measure(z, a, "slant", 100, 5, STEPS, 1));
    assertThrows(IllegalArgumentException.class,
        () -> AttributeEdits.measure(z, a, "width", 100, 0, STEPS, 1));
  }
}
