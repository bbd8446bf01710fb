package lab.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImageAttributesTest {

  @Test
  void inkWidthAndHeightOfHandWorkedImages() {
    ImageAttributes a = ImageAttributes.of(4, 5);
    double[] dot = new double[20];
    dot[2 * 5 + 3] = 1;
    double[] bar = new double[20];
    bar[5] = 0.5;
    bar[6] = 0.5;
    bar[7] = 0.5;
    double[] column = new double[20];
    column[1] = 1;
    column[6] = 1;
    double[][] v = a.values(new double[][] {dot, bar, column, new double[20]});
    assertArrayEquals(new double[] {1 / 20.0, 0, 0}, v[0], 1e-15);
    // three columns 0, 1, 2 of equal weight: variance 2/3
    assertArrayEquals(new double[] {1.5 / 20, Math.sqrt(2.0 / 3), 0}, v[1], 1e-15);
    // two rows 0, 1 of equal weight: variance 1/4
    assertArrayEquals(new double[] {2 / 20.0, 0, 0.5}, v[2], 1e-15);
    assertArrayEquals(new double[] {0, 0, 0}, v[3], 0);
    assertArrayEquals(v[1], a.scores(new double[][] {bar})[0], 0);
  }

  @Test
  void centringSplitsAtTheMedianInStandardDeviations() {
    Blobs g = new Blobs("blobs");
    double[][] x = g.decode(g.sampleCodes(101, new java.util.Random(3)));
    ImageAttributes c = ImageAttributes.of(8, 8).centredOn(x);
    double[][] s = c.scores(x);
    for (int a = 0; a < 3; a++) {
      int above = 0;
      double mean = 0;
      for (double[] row : s) {
        above += row[a] > 0 ? 1 : 0;
        mean += row[a] / s.length;
      }
      double var = 0;
      for (double[] row : s) {
        var += (row[a] - mean) * (row[a] - mean) / (s.length - 1);
      }
      assertEquals(50, above, "attribute " + a + ": half above the median (101 samples)");
      assertEquals(1, var, 1e-12);
    }
    assertEquals(3, c.names().size());
    assertEquals(1, ImageAttributes.index("width"));
  }

  @Test
  void badInputIsNamed() {
    ImageAttributes a = ImageAttributes.of(8, 8);
    double[][] one = new Blobs("blobs").decode(new double[][] {{0.1, 0.2, 0.3}});
    double[][] x = {one[0], one[0], one[0]};
    // identical images: a constant attribute cannot be standardised
    var e = assertThrows(IllegalArgumentException.class, () -> a.centredOn(x));
    assertTrue(e.getMessage().contains("'ink'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> a.values(new double[][] {{1, 2}}));
    assertTrue(e.getMessage().contains("8 × 8 = 64"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ImageAttributes.index("slant"));
    assertTrue(e.getMessage().contains("slant"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new ImageAttributes(8, 8, new double[3], new double[] {1, 0, 1}));
    assertThrows(IllegalArgumentException.class,
        () -> new ImageAttributes(0, 8, new double[3], new double[] {1, 1, 1}));
  }
}
