package lab.ot;

import static lab.ot.NetworkSimplexTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import lab.data.PointSet;
import lab.plot.Figures;
import org.junit.jupiter.api.Test;

class SemiDiscreteTest {

  /**
   * 1-D: uniform on [−½, ½] to y = (−1, 0, 2) with ν = (.2, .5, .3). The cell walls must sit at
   * −0.3 and 0.2, so h₁ − h₂ = −0.3 and h₂ − h₃ = 0.4; with mean 0, h₂ = 0.7/3.
   */
  @Test
  void oneDimensionalKnownPotential() {
    double[][] y = {{-1}, {0}, {2}};
    double[] nu = {.2, .5, .3};
    SemiDiscrete.Options o = new SemiDiscrete.Options(SemiDiscrete.Source.CUBE, 1e-3, 1e-4,
        1 << 12, 1 << 16, 30, 20_000);
    OtResult r = SemiDiscrete.solve(y, nu, o);
    assertTrue(r.converged(), r.toString());
    double h2 = 0.7 / 3;
    assertArrayEquals(new double[] {h2 - 0.3, h2, h2 - 0.4}, r.v(), 1e-3);
    assertTrue(r.marginalError() < 1e-4);
    assertEquals(null, r.plan());

    // the map sends x to the target of its cell; the walls are where they must be
    PowerDiagram pd = SemiDiscrete.diagram(y, r);
    assertEquals(0, pd.cell(new double[] {-0.31}));
    assertEquals(1, pd.cell(new double[] {-0.29}));
    assertEquals(1, pd.cell(new double[] {0.19}));
    assertArrayEquals(new double[] {2}, pd.map(new double[] {0.21}));
    // cost ∫ (x − T(x))² dμ in closed form
    double exact = integral(-0.5, -0.3, -1) + integral(-0.3, 0.2, 0) + integral(0.2, 0.5, 2);
    assertEquals(exact, r.cost(), 1e-3);
  }

  private static double integral(double lo, double hi, double y) {
    return (Math.pow(hi - y, 3) - Math.pow(lo - y, 3)) / 3;
  }

  /** Uniform cube with a few atoms: independent Monte Carlo cell measures ≈ the weights. */
  @Test
  void cubeCellMeasuresMatchWeights() {
    Random rng = new Random(5);
    int n = 6;
    double[][] y = new double[n][3];
    double[] nu = new double[n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < 3; k++) {
        y[i][k] = rng.nextGaussian() * 0.5;
      }
      nu[i] = 0.5 + rng.nextDouble();
    }
    double total = Weights.sum(nu);
    OtResult r = SemiDiscrete.solve(y, nu, new SemiDiscrete.Options());
    assertTrue(r.converged());
    double[] mu = SemiDiscrete.diagram(y, r).cellMeasures(SemiDiscrete.Source.CUBE, 200_000,
        17);
    for (int i = 0; i < n; i++) {
      assertEquals(nu[i] / total, mu[i], 5e-3, "cell " + i);
    }
    // bit-exact repeat
    assertArrayEquals(r.v(), SemiDiscrete.solve(y, nu, new SemiDiscrete.Options()).v(), 0);
  }

  @Test
  void gaussianAndBallSources() {
    double[][] y = {{-1, 0}, {1, 0}, {0, 1.5}};
    double[] nu = {.5, .3, .2};
    for (SemiDiscrete.Source s : new SemiDiscrete.Source[] {SemiDiscrete.Source.GAUSSIAN,
        SemiDiscrete.Source.BALL}) {
      OtResult r = SemiDiscrete.solve(y, nu, new SemiDiscrete.Options().withSource(s));
      assertTrue(r.converged(), s + ": " + r);
      double[] mu = SemiDiscrete.diagram(y, r).cellMeasures(s, 100_000, 3);
      for (int i = 0; i < 3; i++) {
        assertEquals(nu[i], mu[i], 8e-3, s + " cell " + i);
      }
    }
  }

  /**
   * AE-OT generation with two modes (4 targets around (−0.6, 0), 4 around (0.6, 0)): points are
   * combined only within a mode; samples whose runner-up lies in the other mode are rejected.
   */
  @Test
  void generationDoesNotMixModes() {
    int n = 8;
    double[][] y = new double[n][];
    for (int i = 0; i < n; i++) {
      double a = 2 * Math.PI * (i % 4) / 4;
      y[i] = new double[] {(i < 4 ? -0.6 : 0.6) + 0.1 * Math.cos(a), 0.1 * Math.sin(a)};
    }
    OtResult r = SemiDiscrete.solve(y, Weights.uniform(n), new SemiDiscrete.Options());
    PowerDiagram pd = SemiDiscrete.diagram(y, r);
    // normals (y, −1)/‖(y, −1)‖ within a mode are < 0.2 rad apart, across modes > 0.8 rad
    PowerDiagram.Generation g = pd.generate(4000, SemiDiscrete.Source.CUBE, 2, 0.5, 1);
    assertTrue(g.points().length > 1000 && g.rejected() > 0, "generated " + g.points().length
        + ", rejected " + g.rejected());
    assertEquals(4000, g.points().length + g.rejected());
    for (int k = 0; k < g.points().length; k++) {
      assertEquals(g.first()[k] / 4, g.second()[k] / 4, "mixed " + g.first()[k] + " and "
          + g.second()[k]);
      assertTrue(g.t()[k] >= 0 && g.t()[k] <= 0.5);
      double[] expect = new double[2];
      for (int q = 0; q < 2; q++) {
        expect[q] = (1 - g.t()[k]) * y[g.first()[k]][q] + g.t()[k] * y[g.second()[k]][q];
      }
      assertArrayEquals(expect, g.points()[k], 1e-12);
    }
    // without the angle test (a threshold above π) the modes do get mixed
    PowerDiagram.Generation all = pd.generate(4000, SemiDiscrete.Source.CUBE, 2, 3.2, 1);
    assertEquals(0, all.rejected());
    boolean mixed = false;
    for (int k = 0; k < all.points().length; k++) {
      mixed |= all.first()[k] / 4 != all.second()[k] / 4;
    }
    assertTrue(mixed);
  }

  /** The 2-D raster for pictures: pixel shares ≈ weights; walls and targets as point sets. */
  @Test
  void powerDiagramRaster() {
    double[][] y = {{-0.3, -0.2}, {0.25, -0.1}, {0, 0.3}, {0.1, 0.05}};
    double[] nu = {.4, .3, .2, .1};
    OtResult r = SemiDiscrete.solve(y, nu, new SemiDiscrete.Options());
    PowerDiagram pd = SemiDiscrete.diagram(y, r);
    int size = 200;
    int[][] raster = pd.raster(-0.5, 0.5, -0.5, 0.5, size, size);
    double[] share = new double[4];
    for (int[] row : raster) {
      for (int c : row) {
        share[c] += 1.0 / (size * size);
      }
    }
    assertArrayEquals(nu, share, 1e-2);
    assertEquals(pd.cell(new double[] {-0.5 + 0.5 / size, -0.5 + 0.5 / size}), raster[0][0]);
    PointSet walls = pd.boundary(-0.5, 0.5, -0.5, 0.5, 100);
    assertTrue(walls.size() > 100 && walls.size() < 1000, "wall pixels " + walls.size());
    assertEquals(4, pd.targetSet().size());
    assertEquals(80, pd.cellRaster(-0.5, 0.5, -0.5, 0.5, 80).length);

    // the notebook recipe: cell walls and targets in one scatter, cells as a heat map
    byte[] png = Figures.png(Figures.scatter("Power diagram", walls, pd.targetSet()));
    assertTrue(png.length > 1000);
    byte[] cells = Figures.png(Figures.heatMap("Power cells", "x", "y",
        pd.cellRaster(-0.5, 0.5, -0.5, 0.5, 40)));
    assertTrue(cells.length > 1000);
  }

  @Test
  void rejectsBadInput() {
    double[][] y = {{0, 0}, {1, 1}};
    assertMessage("weights weights[1] = -1.0", () -> SemiDiscrete.solve(y,
        new double[] {2, -1}, new SemiDiscrete.Options()));
    assertMessage("points targets are empty", () -> SemiDiscrete.solve(new double[0][],
        new double[0], new SemiDiscrete.Options()));
    assertMessage("initialSamples = 1000", () -> new SemiDiscrete.Options(
        SemiDiscrete.Source.CUBE, 1e-3, 2e-3, 1000, 1 << 20, 30, 100));
    assertMessage("learningRate = 0.0", () -> new SemiDiscrete.Options(
        SemiDiscrete.Source.CUBE, 0, 2e-3, 1 << 10, 1 << 20, 30, 100));
    assertMessage("targets have dimension 1024; the BALL source needs 1025", () ->
        SemiDiscrete.solve(new double[][] {new double[1024]}, new double[] {1},
            new SemiDiscrete.Options().withSource(SemiDiscrete.Source.BALL)));
    assertMessage("raster needs 2-d targets", () -> new PowerDiagram(new double[][] {{0}},
        new double[] {0}).raster(0, 1, 0, 1, 2, 2));
  }

  /** A tolerance below the Monte Carlo resolution stalls, and the sample count doubles. */
  @Test
  void stalledProgressDoublesTheSamples() {
    double[][] y = {{-1}, {0}, {2}};
    LogCapture.Captured<OtResult> run = LogCapture.run(() -> SemiDiscrete.solve(y,
        new double[] {.2, .5, .3}, new SemiDiscrete.Options(SemiDiscrete.Source.CUBE, 2e-2, 1e-9,
            1 << 6, 1 << 8, 5, 400)));
    assertTrue(run.log().contains("stalled; 128 samples")
        && run.log().contains("stalled; 256 samples"), run.log());
  }

  @Test
  void stepCapIsReported() {
    double[][] y = {{-1}, {0}, {2}};
    LogCapture.Captured<OtResult> run = LogCapture.run(() -> SemiDiscrete.solve(y,
        new double[] {.2, .5, .3}, new SemiDiscrete.Options(SemiDiscrete.Source.CUBE, 1e-4, 1e-6,
            1 << 10, 1 << 10, 30, 5)));
    OtResult r = run.value();
    assertTrue(run.log().contains("WARN") && run.log().contains("raise Options.maxSteps"),
        run.log());
    assertEquals(5, r.iterations());
    assertTrue(!r.converged() && r.marginalError() > 1e-6);
  }
}
