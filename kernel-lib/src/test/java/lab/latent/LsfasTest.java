package lab.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import lab.data.PointSet;
import lab.plot.ResultTable;
import org.junit.jupiter.api.Test;

class LsfasTest {

  /** A "generator" that replays rows of a pool: code = (row index), drawn without repeats. */
  static final class Replay implements LatentGenerator {
    private final String name;
    private final PointSet pool;

    Replay(String name, PointSet pool) {
      this.name = name;
      this.pool = pool;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public int latentDim() {
      return 1;
    }

    @Override
    public double[][] sampleCodes(int n, Random random) {
      int[] perm = Points.permutation(pool.size(), random);
      double[][] z = new double[n][1];
      for (int i = 0; i < n; i++) {
        z[i][0] = perm[i % perm.length];
      }
      return z;
    }

    @Override
    public double[][] decode(double[][] codes) {
      double[][] x = new double[codes.length][];
      for (int i = 0; i < codes.length; i++) {
        x[i] = pool.points()[(int) codes[i][0]];
      }
      return x;
    }

    @Override
    public int[] labels(double[][] codes) {
      int[] y = new int[codes.length];
      for (int i = 0; i < codes.length; i++) {
        y[i] = pool.labels()[(int) codes[i][0]];
      }
      return y;
    }
  }

  @Test
  void partsAreNormalisedAndClipped() {
    assertEquals(0, Lsfas.qIs(1, 5));
    assertEquals(0.5, Lsfas.qIs(3, 5), 1e-15);
    assertEquals(1, Lsfas.qIs(9, 5));
    assertEquals(0, Lsfas.qIs(0.5, 5));
    assertEquals(0.5, Lsfas.qFid(2, 4), 1e-15);
    assertEquals(1, Lsfas.qFid(2, 1));
    assertEquals(1, Lsfas.qFid(0, 0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Lsfas.qIs(2, 1));
    assertTrue(e.getMessage().contains("IS(R_te) = 1.0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Lsfas.qFid(-1, 2));
  }

  @Test
  void compositeUsesThePositivePartAndTheWeights() {
    Lsfas.Weights eq = Lsfas.Weights.equal();
    assertEquals((0.6 + 0.9 + 0.3) / 3, Lsfas.composite(0.6, 0.9, 0.3, eq), 1e-15);
    assertEquals((0.6 + 0.9) / 3, Lsfas.composite(0.6, 0.9, -2, eq), 1e-15);
    assertEquals(0.3, Lsfas.composite(0.6, 0.9, 0.3, new Lsfas.Weights(0, 0, 2)), 1e-15);
    assertEquals((0.6 * 2 + 0.9) / 3, Lsfas.composite(0.6, 0.9, 0.3,
        new Lsfas.Weights(2, 1, 0)), 1e-15);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Lsfas.Weights(0, 0, 0));
    assertTrue(e.getMessage().contains("(0.0, 0.0, 0.0)"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Lsfas.Weights(-1, 1, 1));
  }

  @Test
  void memorisingGeneratorScoresBelowAGeneralisingOneEvenWithLowerFid() {
    boolean memoriserHadLowerFid = false;
    for (long seed = 1; seed <= 4; seed++) {
      // one pool of overlapping classes: train 200, test 800, fresh 200, held-out real 400
      PointSet[] p = Synthetic.parts(8, 3, 1.0, seed, 200, 800, 200, 400);
      Lsfas.RealSets real = new Lsfas.RealSets(p[0], p[1], p[2], "mixture seed " + seed);
      Lsfas.Reference ref = Lsfas.reference(real, Encoder.identity(8),
          TestQuality.of(Synthetic.centres(8, 3, 1.0, seed), Synthetic.STD), Distances.exact());
      Lsfas.Options o = Lsfas.Options.defaults().withFeatureScore(
          FeatureScore.Options.defaults().withRepeats(4));
      LsfasRow memoriser = Lsfas.evaluate(new Replay("memoriser", p[0]),
          new Operation.Sample(), ref, o, seed);
      LsfasRow held = Lsfas.evaluate(new Replay("held-out real", p[3]),
          new Operation.Sample(), ref, o, seed);

      assertEquals(0, memoriser.featureScore().value(), 1e-9, memoriser.toString());
      assertEquals(0, memoriser.novelty());
      assertTrue(held.featureScore().value() > 0.5, held.toString());
      assertTrue(memoriser.lsfas() < held.lsfas(), memoriser + " vs " + held);
      memoriserHadLowerFid |= memoriser.fidSamples() < held.fidSamples();

      // every component in the row
      ResultTable t = LsfasRow.table("rows", java.util.List.of(memoriser, held));
      assertEquals(2, t.rowCount());
      assertEquals(held.lsfas(), t.value(1, "LSFAS"), 1e-12);
      assertEquals(held.qFid(), t.value(1, "q_FID"), 1e-12);
      assertEquals(held.featureScore().value(), t.value(1, "FeatureScore"), 1e-12);
      assertEquals(3, held.perClass().size());
      held.perClass().values().forEach(r -> assertTrue(r.value() > 0, r.toString()));
      assertEquals(200, held.n());
    }
    assertTrue(memoriserHadLowerFid, "no seed where the memoriser's FID was lower");
  }

  private static lab.data.ImageSet images(PointSet p, String name) {
    float[][] x = new float[p.size()][];
    for (int i = 0; i < x.length; i++) {
      x[i] = new float[p.dim()];
      for (int k = 0; k < x[i].length; k++) {
        x[i][k] = (float) p.points()[i][k];
      }
    }
    return new lab.data.ImageSet(x, p.labels(), 2, 4, name);
  }

  @Test
  void oneCallGivesTheRowOfASplit() {
    PointSet[] p = Synthetic.parts(8, 3, 1.0, 9, 900, 600, 300);
    lab.data.Splits.Split split = lab.data.Splits.of(images(p[0], "pool"),
        images(p[1], "test"), 60, 2);
    PointSet held = p[2];
    LsfasRow row = Lsfas.row(new Replay("held-out real", held), new Operation.Sample(), split,
        Encoder.identity(8), TestQuality.of(Synthetic.centres(8, 3, 1.0, 9), Synthetic.STD));
    assertEquals(180, row.n());
    assertEquals(180, row.featureScore().n());
    assertTrue(row.featureScore().solver().startsWith("exact"), row.toString());
    assertTrue(row.featureScore().value() > 0.5, row.toString());
    assertTrue(row.lsfas() > 0.6 && row.lsfas() <= 1.2, row.toString());
    assertEquals(3, row.perClass().size());
    assertEquals(3, row.perClassTable().rowCount());
    assertTrue(row.timing().total() > 0);
    ResultTable t = row.toTable();
    assertEquals(row.validity(), t.value(0, "validity"), 1e-12);
    assertEquals(row.novelty(), t.value(0, "novelty"), 1e-12);
  }

  @Test
  void fidOfSamplesIsTakenAtTheFreshSetsCount() {
    PointSet[] p = Synthetic.parts(4, 2, 1.0, 3, 60, 120, 60, 130);
    Quality q = TestQuality.of(Synthetic.centres(4, 2, 1.0, 3), Synthetic.STD);
    Lsfas.Reference ref = Lsfas.reference(new Lsfas.RealSets(p[0], p[1], p[2], "fid"),
        Encoder.identity(4), q, Distances.exact());
    double[][] s = p[3].points();
    double expected = (q.fid(java.util.Arrays.copyOfRange(s, 0, 60), p[1].points())
        + q.fid(java.util.Arrays.copyOfRange(s, 60, 120), p[1].points())) / 2;
    assertEquals(expected, Lsfas.fidAtEqualCount(s, ref), 1e-12);
    double[][] few = java.util.Arrays.copyOf(s, 30);
    assertEquals(q.fid(few, p[1].points()), Lsfas.fidAtEqualCount(few, ref), 1e-12);
  }

  @Test
  void nonDefaultOptionsAreUsed() {
    PointSet[] p = Synthetic.parts(8, 3, 1.0, 5, 100, 400, 100, 400);
    Lsfas.Reference ref = Lsfas.reference(new Lsfas.RealSets(p[0], p[1], p[2], "options"),
        Encoder.identity(8), TestQuality.of(Synthetic.centres(8, 3, 1.0, 5), Synthetic.STD),
        Distances.exact());
    Lsfas.Options o = new Lsfas.Options(new Lsfas.Weights(0, 0, 1),
        new FeatureScore.Options(2, 150, 4), 300, 5, false);
    SampleSet set = new Operation.Sample().apply(new Replay("held-out real", p[3]), 300, 2);
    LsfasRow row = Lsfas.score(set, ref, o);
    assertEquals(300, row.n());
    assertEquals(Math.max(row.featureScore().value(), 0), row.lsfas(), 1e-12);
    assertTrue(row.perClass().isEmpty());
    assertEquals(2, row.featureScore().repeats().size());
    assertEquals(150, row.featureScore().testSize());
    double[][] real = Points.concat(p[1].points(), p[2].points());
    assertEquals(Diagnostics.validity(real, set.samples(), 5), row.validity(), 0);
    assertTrue(row.validity() >= Diagnostics.validity(real, set.samples(), 3));
    assertEquals(300, Lsfas.evaluate(new Replay("held-out real", p[3]), new Operation.Sample(),
        ref, o, 2).n());
    assertThrows(IllegalArgumentException.class, () -> new Lsfas.Options(Lsfas.Weights.equal(),
        FeatureScore.Options.defaults(), -1, 3, true));
    assertThrows(IllegalArgumentException.class, () -> new Lsfas.Options(Lsfas.Weights.equal(),
        FeatureScore.Options.defaults(), 0, 0, true));
  }
}
