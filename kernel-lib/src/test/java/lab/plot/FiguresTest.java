package lab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import lab.data.FashionMnist;
import lab.data.Fixtures;
import lab.data.ImageSet;
import lab.data.Mnist;
import lab.data.PointSet;
import lab.data.Toys;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;

/** Figures render, carry title, axis labels and legend, and save as PNG and SVG. */
class FiguresTest {

  /** Figures are kept under target/figures for a look. */
  static final Path OUT = Path.of("target", "figures");

  static BufferedImage decode(byte[] png) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  static void checkSaved(List<Path> files, String title) throws IOException {
    assertEquals(2, files.size());
    BufferedImage img = ImageIO.read(files.get(0).toFile());
    assertTrue(img.getWidth() > 100 && img.getHeight() > 100);
    String svg = Files.readString(files.get(1));
    assertTrue(svg.startsWith("<?xml") || svg.startsWith("<svg"), svg.substring(0, 40));
    assertTrue(svg.contains("</svg>"));
    try (var s = Files.list(files.get(0).getParent())) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")),
          "no temporary file left");
    }
  }

  @Test
  void scatterOfSeveralSetsWithLegend() throws IOException {
    PointSet real = Toys.gaussians8(800, 1).named("real");
    PointSet fake = Toys.mixture(Toys.modes8(), 0.2, 400, 2, "generated");
    XYChart c = Figures.scatter("8 Gaussians: real and generated", real, fake);
    assertEquals("8 Gaussians: real and generated", c.getTitle());
    assertEquals("x₁", c.getXAxisTitle());
    assertEquals(2, c.getSeriesCollection().size());
    assertTrue(c.getSeries("generated") != null);
    assertTrue(c.getStyler().isLegendVisible());
    checkSaved(Figures.save(c, OUT.resolve("scatter-8gaussians")), c.getTitle());
    String svg = Figures.svg(c);
    assertTrue(svg.contains("generated") || svg.contains("<path"), "legend drawn");
    assertThrows(IllegalArgumentException.class,
        () -> Figures.scatter("3-D", Toys.swissRoll3d(10, 1)));
  }

  @Test
  void swissRollWithHoleIn3d() throws IOException {
    PointSet roll = Toys.swissRollWithHole(3000, 0.0, 1);
    XYChart c = Figures.scatter3dByLabel("Swiss roll with a hole", roll);
    assertEquals(Toys.SEGMENTS, c.getSeriesCollection().size());
    assertTrue(c.getSeries("segment 1") != null);
    for (int[] v : new int[][] {{0, 10}, {-60, 20}, {30, 70}}) {
      Figures.savePng(Figures.scatter3dByLabel("view " + v[0] + "/" + v[1], roll, v[0], v[1],
          null), OUT.resolve("roll-view" + v[0] + "_" + v[1] + ".png"));
    }
    checkSaved(Figures.save(c, OUT.resolve("swiss-roll-hole")), c.getTitle());
    XYChart two = Figures.scatter3d("roll, two views", 30, 60, roll.named("roll"));
    assertTrue(two.getXAxisTitle().contains("azimuth 30°"), two.getXAxisTitle());
    PointSet flat = Figures.project3d(roll, 0, 0);
    assertEquals(roll.points()[5][0], flat.points()[5][0], 1e-12);
    assertEquals(roll.points()[5][1], flat.points()[5][1], 1e-12);
    PointSet top = Figures.project3d(roll, 0, 90);
    assertEquals(roll.points()[5][2], top.points()[5][1], 1e-12);
  }

  @Test
  void trainingCurves() throws IOException {
    Map<String, double[]> curves = new LinkedHashMap<>();
    double[] d = new double[200];
    double[] g = new double[200];
    for (int i = 0; i < 200; i++) {
      d[i] = 1.4 * Math.exp(-i / 60.0) + 0.2;
      g[i] = 0.7 + 0.5 * Math.exp(-i / 30.0);
    }
    curves.put("discriminator", d);
    curves.put("generator", g);
    XYChart c = Figures.lines("GAN losses", "iteration", "loss", curves);
    assertEquals(2, c.getSeriesCollection().stream().filter(s -> s.isShowInLegend()).count());
    assertEquals("iteration", c.getXAxisTitle());
    assertEquals("loss", c.getYAxisTitle());
    checkSaved(Figures.save(c, OUT.resolve("curves")), c.getTitle());
    Map<String, double[]> bad = Map.of("x", new double[3]);
    assertThrows(IllegalArgumentException.class,
        () -> Figures.lines("t", "x", "y", Map.of("x", new double[2]), bad));
  }

  @Test
  void heatMapOfATransportPlan() throws IOException {
    double[][] plan = new double[12][15];
    for (int i = 0; i < 12; i++) {
      for (int j = 0; j < 15; j++) {
        plan[i][j] = Math.exp(-Math.pow(i / 12.0 - j / 15.0, 2) * 40);
      }
    }
    HeatMapChart c = Figures.heatMap("Transport plan", "target j", "source i", plan);
    assertEquals("target j", c.getXAxisTitle());
    checkSaved(Figures.save(c, OUT.resolve("heatmap")), c.getTitle());
    assertThrows(IllegalArgumentException.class,
        () -> Figures.heatMap("bad", "x", "y", new double[][] {{1, Double.NaN}}));
  }

  @Test
  void imageGridOfSyntheticImages() throws IOException {
    float[][] imgs = new float[20][28 * 28];
    int[] labels = new int[20];
    for (int k = 0; k < 20; k++) {
      labels[k] = k % 10;
      for (int p = 0; p < 28 * 28; p++) {
        imgs[k][p] = ((p / 28 + p % 28 + k) % 7) / 6f;
      }
    }
    ImageSet set = new ImageSet(imgs, labels, 28, 28, "stripes");
    ImageGrid g = Figures.imageGrid(set, 4, 5);
    BufferedImage img = decode(g.png());
    assertEquals(5 * (56 + 2) + 2, img.getWidth());
    // tile (0, 0), pixel (0, 0) has value 0 → black; pixel (0, 6) has 6/6 → white
    assertEquals(0x000000, img.getRGB(2, 28) & 0xffffff);
    assertEquals(0xffffff, img.getRGB(2 + 12, 28) & 0xffffff);
    checkSaved(Figures.save(g, OUT.resolve("grid-synthetic")), g.title());
    assertTrue(g.svg().contains("data:image/png;base64,"));
    assertThrows(IllegalArgumentException.class, () -> Figures.imageGrid(set, 0, 3));
  }

  @Test
  void fashionMnistGridInOneLine() throws IOException {
    Fixtures.requireData(FashionMnist.available(), "Fashion-MNIST");
    ImageGrid g = Figures.imageGrid(FashionMnist.train(), 8, 8);
    assertEquals(8, g.rows());
    assertEquals("Fashion-MNIST train", g.title());
    checkSaved(Figures.save(g, OUT.resolve("fashion-grid")), g.title());
  }

  @Test
  void mnistGridInOneLine() throws IOException {
    Fixtures.requireData(Mnist.digitsAvailable(), "MNIST digits");
    ImageSet digits = Mnist.digits();
    ImageGrid g = Figures.imageGrid(lab.data.Splits.sample(digits, 64, 3), 8, 8);
    checkSaved(Figures.save(g, OUT.resolve("mnist-grid")), g.title());
  }
}
