package lab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import lab.data.FashionMnist;
import lab.data.Fixtures;
import lab.data.ImageSet;
import lab.data.PointSet;
import lab.data.Splits;
import lab.data.Toys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.knowm.xchart.XYChart;

class EmbeddingsTest {

  /** Share of points whose nearest other point in the embedding has the same label. */
  static double neighbourAgreement(double[][] y, int[] labels) {
    int same = 0;
    for (int i = 0; i < y.length; i++) {
      int best = -1;
      double bd = Double.POSITIVE_INFINITY;
      for (int j = 0; j < y.length; j++) {
        double d = Math.hypot(y[i][0] - y[j][0], y[i][1] - y[j][1]);
        if (j != i && d < bd) {
          bd = d;
          best = j;
        }
      }
      same += labels[best] == labels[i] ? 1 : 0;
    }
    return same / (double) y.length;
  }

  @Test
  void perplexityAtLeastNIsAClearError() {
    // case M1: 10 points, perplexity 20
    double[][] x = Toys.gaussians8(10, 1).points();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Embeddings.tsne(x, Embeddings.TsneOptions.perplexity(20), 1));
    assertTrue(e.getMessage().contains("perplexity is 20.0"), e.getMessage());
    assertTrue(e.getMessage().contains("n = 10"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Embeddings.tsne(x, Embeddings.TsneOptions.perplexity(10), 1));
    assertThrows(IllegalArgumentException.class, () -> new Embeddings.TsneOptions(0.5, 200,
        1000));
  }

  @Test
  void fewerPointsThanNeighboursIsAClearError() {
    double[][] x = Toys.gaussians8(12, 1).points();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Embeddings.umap(x, new Embeddings.UmapOptions(15, 50, 0.1, 2), 1));
    assertTrue(e.getMessage().contains("k is 15"), e.getMessage());
    assertTrue(e.getMessage().contains("n = 12"), e.getMessage());
  }

  @Test
  void tsneSeparatesClustersAndRepeatsWithTheSeed() {
    PointSet p = Toys.embed(Toys.gaussians8(240, 3), 20, 0.05, 3).set();
    Embeddings.Embedding a = Embeddings.tsne(p, 7);
    assertEquals(240, a.size());
    assertTrue(neighbourAgreement(a.coordinates(), p.labels()) > 0.97);
    assertTrue(Double.isFinite(a.quality()));
    Embeddings.Embedding b = Embeddings.tsne(p, 7);
    assertTrue(Arrays.deepEquals(a.coordinates(), b.coordinates()), "same seed, same layout");
    // a square input (n = d) is data, not a distance matrix
    double[][] square = new double[30][30];
    for (int i = 0; i < 30; i++) {
      square[i][i] = 1;
      square[i][(i + 1) % 30] = i < 15 ? 5 : -5;
    }
    assertEquals(30, Embeddings.tsne(square, 1).size());
  }

  @Test
  void umapKeepsEveryRowWhenTheGraphIsDisconnected() {
    // 60 points near the origin and an island of 6 far away: the 5-NN graph has two parts
    double[][] x = new double[66][];
    int[] labels = new int[66];
    java.util.Random rng = new java.util.Random(5);
    for (int i = 0; i < 66; i++) {
      double c = i < 60 ? 0 : 100;
      labels[i] = i < 60 ? 0 : 1;
      x[i] = new double[] {c + rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
    }
    Embeddings.Embedding placed =
        Embeddings.umap(x, new Embeddings.UmapOptions(5, 50, 0.1, 0), 2);
    assertEquals(66, placed.size());
    assertTrue(placed.placed().length > 0, "the island is reported");
    for (int i : placed.placed()) {
      assertTrue(Arrays.stream(placed.coordinates()[i]).allMatch(Double::isFinite));
    }
    assertTrue(Figures.embedding(placed, labels).getTitle().contains("laid out apart"));
    // the island is drawn on its own, to the right of everything else
    double mainMax = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < 66; i++) {
      int row = i;
      if (Arrays.stream(placed.placed()).noneMatch(r -> r == row)) {
        mainMax = Math.max(mainMax, placed.coordinates()[i][0]);
      }
    }
    for (int i : placed.placed()) {
      assertTrue(placed.coordinates()[i][0] > mainMax);
    }
    for (int i = 60; i < 66; i++) {
      int row = i;
      assertTrue(Arrays.stream(placed.placed()).anyMatch(r -> r == row), "island row " + i);
    }
    Embeddings.Embedding retried =
        Embeddings.umap(x, new Embeddings.UmapOptions(5, 50, 0.1, 2), 2);
    assertEquals(66, retried.size());
    assertTrue(retried.method().contains("k = 20"), "k doubled twice: " + retried.method());
  }

  @Test
  void pcaMatchesScikitLearn() {
    JsonObject ref = Fixtures.json("data", "pca.json");
    JsonArray rows = ref.getAsJsonArray("x");
    double[][] x = new double[rows.size()][];
    for (int i = 0; i < x.length; i++) {
      JsonArray r = rows.get(i).getAsJsonArray();
      x[i] = new double[r.size()];
      for (int j = 0; j < x[i].length; j++) {
        x[i][j] = r.get(j).getAsDouble();
      }
    }
    Embeddings.Embedding e = Embeddings.pca(x);
    JsonArray ratio = ref.getAsJsonArray("explainedVarianceRatio");
    assertEquals(ratio.get(0).getAsDouble() + ratio.get(1).getAsDouble(), e.quality(), 1e-9);
    JsonArray proj = ref.getAsJsonArray("projection");
    for (int c = 0; c < 2; c++) {
      // principal axes are defined up to sign
      double sign = Math.signum(proj.get(0).getAsJsonArray().get(c).getAsDouble()
          * e.coordinates()[0][c]);
      for (int i = 0; i < x.length; i++) {
        assertEquals(proj.get(i).getAsJsonArray().get(c).getAsDouble(),
            sign * e.coordinates()[i][c], 1e-8, "row " + i + " component " + c);
      }
    }
  }

  @Test
  void tsneOfFashionMnistInOneLine() throws IOException {
    Fixtures.requireData(FashionMnist.available(), "Fashion-MNIST");
    ImageSet some = Splits.sample(FashionMnist.train(), 300, 1);
    XYChart c = Figures.embedding(Embeddings.tsne(some, 1), some);
    assertEquals(10, c.getSeriesCollection().size());
    assertTrue(c.getSeries("Trouser") != null);
    Figures.save(c, FiguresTest.OUT.resolve("tsne-fashion-300"));
    XYChart p = Figures.embedding(Embeddings.pca(some), some);
    Figures.save(p, FiguresTest.OUT.resolve("pca-fashion-300"));
  }

  @Test
  @EnabledIfSystemProperty(named = "lab.heavy", matches = "true")
  void tsneOfTwoThousandFashionMnistImages() throws IOException {
    Fixtures.requireData(FashionMnist.available(), "Fashion-MNIST");
    ImageSet some = Splits.sample(FashionMnist.train(), 2000, 1);
    Embeddings.Embedding e = Embeddings.tsne(some, 1);
    assertEquals(2000, e.size());
    // classes such as trousers, bags and footwear form their own clusters
    assertTrue(neighbourAgreement(e.coordinates(), some.labels()) > 0.7);
    Path out = FiguresTest.OUT.resolve("tsne-fashion-2000");
    Figures.save(Figures.embedding(e, some), out);
  }
}
