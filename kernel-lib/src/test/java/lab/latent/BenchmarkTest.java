package lab.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
import lab.data.PointSet;
import lab.plot.ResultTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkTest {

  /** A measurement whose LSFAS, IS and FID are given and whose other metrics are seed + 0.5. */
  private static Benchmark.Measurement m(String g, String op, long seed, double lsfas,
      double is, double fid) {
    double[] v = new double[Benchmark.METRICS.size()];
    Arrays.fill(v, seed + 0.5);
    v[0] = lsfas;
    v[4] = is;
    v[5] = fid;
    return new Benchmark.Measurement(g, op, seed, 10, v);
  }

  /** A: sampling and two operations, B: one row; rows interleaved, seeds 1 and 2. */
  private static List<Benchmark.Measurement> twoGenerators() {
    return List.of(
        m("A", "sample", 1, 0.5, 2, 30), m("B", "only", 1, 0.9, 5, 10),
        m("A", "op1", 1, 0.2, 1, 50), m("A", "op2", 1, 0.7, 3, 40),
        m("A", "sample", 2, 0.7, 4, 34), m("B", "only", 2, 0.9, 5, 10),
        m("A", "op1", 2, 0.4, 1, 70), m("A", "op2", 2, 0.1, 5, 20));
  }

  private static void assertMessage(Executable e, String part) {
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
    assertTrue(x.getMessage().contains(part), x.getMessage());
  }

  @Test
  void statIsTheMeanAndTheSampleStandardDeviation() {
    Benchmark.Stat s = Benchmark.Stat.of(1, 2, 4);
    assertEquals(7.0 / 3, s.mean(), 1e-15);
    // sample std (denominator 2): √(7/3); the population std would be √(14/9)
    assertEquals(Math.sqrt(7.0 / 3), s.std(), 1e-15);
    assertEquals(3, s.count());
    Benchmark.Stat one = Benchmark.Stat.of(0.25);
    assertEquals(0.25, one.mean());
    assertTrue(Double.isNaN(one.std()));
    assertEquals(0, Benchmark.Stat.of(3, 3, 3).std());
    assertMessage(() -> Benchmark.Stat.of(), "0 values");
  }

  @Test
  void linesGroupRowsAndAggregateOverSeeds() {
    List<Benchmark.Line> lines = Benchmark.lines(twoGenerators());
    assertEquals(4, lines.size());
    assertEquals(List.of("A / sample", "B / only", "A / op1", "A / op2"),
        lines.stream().map(l -> l.generator() + " / " + l.operation()).toList());
    assertEquals(List.of(Benchmark.Group.SAMPLING, Benchmark.Group.SAMPLING,
        Benchmark.Group.OPERATIONS, Benchmark.Group.OPERATIONS),
        lines.stream().map(Benchmark.Line::group).toList());
    Benchmark.Line a = lines.get(0);
    assertEquals(0.6, a.stat("LSFAS").mean(), 1e-15);
    assertEquals(Math.sqrt(0.02), a.stat("LSFAS").std(), 1e-15);
    assertEquals(3, a.stat("IS").mean(), 1e-15);
    assertEquals(Math.sqrt(2), a.stat("IS").std(), 1e-15);
    assertEquals(2, a.stat("KID").mean(), 1e-15);   // (1.5 + 2.5) / 2
    assertEquals(0, lines.get(1).stat("FID").std());
    assertArrayEquals(new long[] {1, 2}, a.seeds());

    // the long table: one line per row, each metric followed by its std
    Benchmark.Result r = new Benchmark.Result("toy", "toy setting", Benchmark.Options.of(2),
        twoGenerators(), lines, Benchmark.generators(twoGenerators()), List.of(), 0, 0);
    ResultTable t = r.longTable();
    assertEquals(4, t.rowCount());
    assertEquals(2 * Benchmark.METRICS.size(), t.metrics().size());
    assertEquals(Math.sqrt(0.02), t.value(0, "LSFAS std"), 1e-15);
    assertEquals("operations on latent vectors", t.table().stringColumn("group").get(3));
    assertEquals("1–2", t.table().stringColumn("seeds").get(0));
    assertEquals(2, r.lines(Benchmark.Group.OPERATIONS).size());
  }

  @Test
  void paperTableAveragesOperationsPerSeedAndPicksTheBest() {
    List<Benchmark.GeneratorLine> g = Benchmark.generators(twoGenerators());
    assertEquals(2, g.size());
    Benchmark.GeneratorLine a = g.get(0);
    assertEquals("A", a.generator());
    assertEquals(0.6, a.samplingLsfas().mean(), 1e-15);
    assertEquals(2, a.operations());
    // per-seed means over op1 and op2: 0.45 and 0.25 → 0.35 ± √0.02; the std between the
    // operations' means (0.3, 0.4) would be √0.005
    assertEquals(0.35, a.operationsLsfas().mean(), 1e-15);
    assertEquals(Math.sqrt(0.02), a.operationsLsfas().std(), 1e-15);
    assertEquals(2.5, a.operationsIs().mean(), 1e-15);
    assertEquals(45, a.operationsFid().mean(), 1e-12);
    // op2 has the higher mean LSFAS (0.4 vs 0.3) although it loses on seed 2
    assertEquals("op2", a.bestOperation());
    assertEquals(0.4, a.bestLsfas().mean(), 1e-15);

    Benchmark.GeneratorLine b = g.get(1);
    assertEquals(0, b.operations());
    assertEquals("–", b.bestOperation());
    assertTrue(Double.isNaN(b.operationsLsfas().mean()));

    Benchmark.Result r = new Benchmark.Result("toy", "toy setting", Benchmark.Options.of(2),
        twoGenerators(), Benchmark.lines(twoGenerators()), g, List.of(), 0, 0);
    ResultTable t = r.paperTable();
    assertEquals(2, t.rowCount());
    assertEquals(0.35, t.value(0, "operations LSFAS"), 1e-15);
    assertEquals(Math.sqrt(0.02), t.value(0, "operations LSFAS std"), 1e-15);
    assertEquals(32, t.value(0, "sampling FID"), 1e-12);
    assertEquals(0.4, t.value(0, "best operation LSFAS"), 1e-15);
    assertEquals("op2", t.table().stringColumn("best operation").get(0));
    assertTrue(Double.isNaN(t.value(1, "operations IS")));
  }

  @Test
  void tiedOperationsGoToTheEarlierOne() {
    List<Benchmark.Measurement> ms = List.of(m("G", "sample", 1, 0.1, 2, 1),
        m("G", "x", 1, 0.3, 2, 1), m("G", "y", 1, 0.3, 2, 1), m("G", "z", 1, 0.2, 2, 1));
    Benchmark.GeneratorLine g = Benchmark.generators(ms).get(0);
    assertEquals("x", g.bestOperation());
    assertTrue(Double.isNaN(g.operationsLsfas().std()));   // one seed
  }

  @Test
  void aggregationRejectsMissingSeedsAndBadMeasurements() {
    List<Benchmark.Measurement> ms = new ArrayList<>(twoGenerators());
    ms.remove(7);
    assertMessage(() -> Benchmark.lines(ms), "'A / op2' has seeds [1]");
    List<Benchmark.Measurement> twice = new ArrayList<>(twoGenerators());
    twice.set(4, m("A", "sample", 1, 0.1, 1, 1));
    assertMessage(() -> Benchmark.lines(twice), "'A / sample' has seeds [1, 1]");
    assertMessage(() -> Benchmark.lines(List.of()), "0 measurements");
    assertMessage(() -> new Benchmark.Measurement("g", "o", 1, 5, new double[3]),
        "has 3 values; expected 13");
    assertMessage(() -> twoGenerators().get(0).value("sharpness"), "'sharpness' is unknown");
  }

  @Test
  void optionsAreChecked() {
    assertMessage(() -> Benchmark.Options.of(0), "seeds is 0");
    assertMessage(() -> Benchmark.Options.of(2).withN(-1), "n is -1");
    assertMessage(() -> Benchmark.Options.of(2).withKid(0, 0), "KID subsets 0");
    assertMessage(() -> Benchmark.Options.of(2).withKid(5, 1), "subset size 1");
    assertMessage(() -> Benchmark.Options.of(2).withNeighbours(0, 5), "precisionK 0");
    assertMessage(() -> Benchmark.Options.of(2).withEdit(10, 1), "editCodes 10");
    assertMessage(() -> Benchmark.Options.of(2).withEdit(100, Double.NaN), "editSigmas NaN");
    assertTrue(!Benchmark.Options.of(3).lsfas().perClass());
    assertEquals(0, Benchmark.Options.of(3).n());
  }

  /** A mixture data set: R_tr 200, R_te 600, R_fr 200, and 800 held-out real points. */
  private static final class Toy {
    final PointSet[] p = Synthetic.parts(8, 3, 1.0, 11, 200, 600, 200, 800);
    final Lsfas.Reference ref = Lsfas.reference(new Lsfas.RealSets(p[0], p[1], p[2], "toy"),
        Encoder.identity(8), TestQuality.of(Synthetic.centres(8, 3, 1.0, 11), Synthetic.STD),
        Distances.exact());

    /** Real (sampled, and jittered), a shifted copy of real, and copies of R_tr. */
    LongFunction<List<SampleSet>> rows(int n) {
      return seed -> {
        PointSet held = p[3].subset(lab.data.Splits.sample(p[3].size(), n, seed), "held");
        double[][] shifted = Synthetic.noisy(held.points(), 0, seed);
        for (double[] x : shifted) {
          for (int k = 0; k < x.length; k++) {
            x[k] += 2.5;
          }
        }
        PointSet copies = p[0].subset(lab.data.Splits.sample(p[0].size(), n, seed), "copies");
        return List.of(
            new SampleSet("real", "sample", null, held.points(), held.labels()),
            new SampleSet("shifted", "sample", null, shifted, held.labels()),
            new SampleSet("real", "jitter", null, Synthetic.noisy(held.points(), 0.3, seed),
                held.labels()),
            new SampleSet("copies", "lower bound", null, copies.points(), copies.labels()));
      };
    }

    Benchmark.Options options() {
      return Benchmark.Options.of(2).withKid(5, 100).withNeighbours(4, 6)
          .withLsfas(Benchmark.Options.of(2).lsfas().withFeatureScore(
              FeatureScore.Options.defaults().withRepeats(2)));
    }
  }

  @Test
  void runScoresEveryRowForEverySeedAndKnowsTheBounds() {
    Toy toy = new Toy();
    Benchmark.Options o = toy.options();
    Benchmark.Result r = Benchmark.run("toy", toy.ref, Encoder.identity(8), toy.rows(200), o);
    assertEquals(8, r.measurements().size());
    assertEquals(200, r.options().n());
    assertTrue(r.setting().contains("n = 200, seeds 1–2"), r.setting());

    // copies of R_tr: FeatureScore 0 for every seed, so mean 0 and std 0
    Benchmark.Line copies = r.line("copies", "lower bound");
    assertEquals(0, copies.stat("FeatureScore").mean(), 1e-9);
    assertEquals(0, copies.stat("FeatureScore").std(), 1e-9);
    // real samples beat the shifted ones on LSFAS, FeatureScore, precision and KID
    Benchmark.Line real = r.line("real", "sample");
    Benchmark.Line shifted = r.line("shifted", "sample");
    assertTrue(real.stat("LSFAS").mean() > shifted.stat("LSFAS").mean());
    assertTrue(real.stat("FeatureScore").mean() > 0.3, real.stats().toString());
    assertTrue(shifted.stat("FeatureScore").mean() < 0, shifted.stats().toString());
    assertTrue(real.stat("precision").mean() > 0.6, real.stats().toString());
    assertTrue(shifted.stat("precision").mean() < 0.3, shifted.stats().toString());
    assertTrue(real.stat("KID").mean() < shifted.stat("KID").mean());
    for (Benchmark.Line l : r.lines()) {
      for (Benchmark.Stat s : l.stats()) {
        assertTrue(s.std() >= 0 && s.count() == 2, l.generator() + " " + s);
      }
      assertTrue(l.stat("LSFAS").mean() >= 0, l.toString());
    }

    // groups and the paper table
    assertEquals(Benchmark.Group.OPERATIONS, r.line("real", "jitter").group());
    assertEquals(List.of("real", "shifted", "copies"),
        r.generators().stream().map(Benchmark.GeneratorLine::generator).toList());
    assertEquals("jitter", r.generator("real").bestOperation());
    assertEquals(r.line("real", "jitter").stat("LSFAS").mean(),
        r.generator("real").operationsLsfas().mean(), 1e-15);

    // the measurement agrees with a single LSFAS score of the same set
    SampleSet first = toy.rows(200).apply(1).get(0);
    LsfasRow row = Lsfas.score(first, toy.ref, o.lsfas());
    assertEquals(row.lsfas(), r.measurements().get(0).value("LSFAS"));
    assertEquals(row.fidSamples(), r.measurements().get(0).value("FID"));

    // the same run again gives the same numbers
    Benchmark.Result again = Benchmark.run("toy", toy.ref, Encoder.identity(8),
        toy.rows(200), o);
    for (int i = 0; i < r.measurements().size(); i++) {
      assertArrayEquals(r.measurements().get(i).values(), again.measurements().get(i).values());
    }
  }

  @Test
  void runRejectsBadInput() {
    Toy toy = new Toy();
    Encoder id = Encoder.identity(8);
    Benchmark.Options o = toy.options();
    assertMessage(() -> Benchmark.run("toy", toy.ref, id, toy.rows(201), o.withN(201)),
        "n is 201; expected 1 ≤ n ≤ |R_tr| = 200");
    assertMessage(() -> Benchmark.run("toy", toy.ref, id, toy.rows(100),
        o.withN(50).withKid(5, 0)),
        "has 100 samples; expected n = 50");
    assertMessage(() -> Benchmark.run("toy", toy.ref, id, toy.rows(50),
        o.withN(50).withKid(5, 60)), "KID subset size is 60");
    assertMessage(() -> Benchmark.run("toy", toy.ref, id, seed -> List.of(), o),
        "seed 1 gives no rows");
    LongFunction<List<SampleSet>> twice = seed -> {
      SampleSet s = toy.rows(200).apply(seed).get(0);
      return List.of(s, s);
    };
    assertMessage(() -> Benchmark.run("toy", toy.ref, id, twice, o), "appears twice");
    LongFunction<List<SampleSet>> drifting = seed -> {
      List<SampleSet> all = toy.rows(200).apply(seed);
      return seed == 1 ? all.subList(0, 2) : all.subList(1, 3);
    };
    assertMessage(() -> Benchmark.run("toy", toy.ref, id, drifting, o),
        "seed 2 gives rows [shifted / sample, real / jitter]");
    assertMessage(() -> Benchmark.run(null, toy.ref, id, toy.rows(200), o), "needs data");
  }

  @Test
  void editFollowsTheAttributeAndRaisesIt() {
    StyleGenerator g = OperationsTest.layered();
    // ink of a sample = mean of its 6 values = (w0 + w1) / 2: the direction is (1, 1)/√2 in W
    Benchmark.AttributeEdit e = Benchmark.fitEdit(g, "ink", Benchmark::ink, 400, 1.5, 3);
    double[] n = e.direction().normal();
    assertEquals(1, (n[0] + n[1]) / Math.sqrt(2), 1e-3);
    assertTrue(e.direction().agreement() > 0.95, e.direction().toString());
    assertEquals("edit ink +1.5σ", e.label());
    SampleSet edited = e.apply(300, 1);
    SampleSet plain = new Operation.Sample().apply(g, 300, 1);
    assertEquals("edit ink +1.5σ", edited.operation());
    double inkPlain = Arrays.stream(plain.samples()).mapToDouble(Benchmark::ink).average()
        .orElseThrow();
    double inkEdited = Arrays.stream(edited.samples()).mapToDouble(Benchmark::ink).average()
        .orElseThrow();
    // projections p = (w0 + w1)/√2 have mean 1/√2 and std 2 (w = 2z + (1, 0)), and ink =
    // p/√2; +1.5σ moves every code to p ≈ 1/√2 + 3, so the mean ink rises by ≈ 3/√2
    assertEquals(0.5, inkPlain, 0.15);
    assertEquals(inkPlain + 3 / Math.sqrt(2), inkEdited, 0.2);
    // a negative strength lowers the attribute
    Benchmark.AttributeEdit down = Benchmark.fitEdit(g, "ink", Benchmark::ink, 400, -1, 3);
    assertEquals("edit ink −1σ", down.label());
    double inkDown = Arrays.stream(down.apply(300, 1).samples()).mapToDouble(Benchmark::ink)
        .average().orElseThrow();
    assertTrue(inkDown < inkPlain - 0.5, inkDown + " vs " + inkPlain);
    assertMessage(() -> Benchmark.fitEdit(g, "ink", Benchmark::ink, 20, 1, 3), "codes 20");
  }

  @Test
  void compareShowsTheSameGeneratorsOnTwoDataSets() {
    List<Benchmark.Measurement> ms = twoGenerators();
    Benchmark.Result a = new Benchmark.Result("one", "s", Benchmark.Options.of(2), ms,
        Benchmark.lines(ms), Benchmark.generators(ms), List.of(), 0, 0);
    List<Benchmark.Measurement> swapped = List.of(m("B", "only", 1, 0.1, 5, 10),
        m("A", "sample", 1, 0.8, 2, 30), m("B", "only", 2, 0.3, 5, 10),
        m("A", "sample", 2, 0.6, 4, 34));
    Benchmark.Result b = new Benchmark.Result("two", "s", Benchmark.Options.of(2), swapped,
        Benchmark.lines(swapped), Benchmark.generators(swapped), List.of(), 0, 0);
    ResultTable t = Benchmark.compare(a, b);
    assertEquals(2, t.rowCount());
    assertEquals("A", t.table().stringColumn("generator").get(0));
    assertEquals(0.6, t.value(0, "sampling LSFAS, one"), 1e-15);
    assertEquals(0.7, t.value(0, "sampling LSFAS, two"), 1e-15);
    assertEquals(2, t.value(0, "rank, one"));   // B (0.9) ranks above A (0.6) on "one"
    assertEquals(1, t.value(0, "rank, two"));
    assertEquals(1, t.value(1, "rank, one"));
    assertEquals(0.35, t.value(0, "operations LSFAS, one"), 1e-15);
    assertTrue(Double.isNaN(t.value(0, "operations LSFAS, two")));
    assertEquals(1.5 / 2 + 2.5 / 2, t.value(0, "sampling FeatureScore, one"), 1e-15);
    assertMessage(() -> Benchmark.compare(a, a), "different data sets");
  }

  @Test
  void writeGivesCsvAndMarkdownWithProvenance(@TempDir Path dir) throws Exception {
    List<Benchmark.Measurement> ms = twoGenerators();
    Benchmark.Result r = new Benchmark.Result("toy", "toy setting", Benchmark.Options.of(2),
        ms, Benchmark.lines(ms), Benchmark.generators(ms), List.of(), 1.5, 2.5);
    List<Path> files = r.write(dir, "05_toy");
    assertEquals(List.of("05_toy_long.csv", "05_toy_long.md", "05_toy_paper.csv",
        "05_toy_paper.md"), files.stream().map(p -> p.getFileName().toString()).toList());
    String md = Files.readString(dir.resolve("05_toy_paper.md"), StandardCharsets.UTF_8);
    assertTrue(md.startsWith("_toy setting; "), md);
    assertTrue(md.contains("cores") && md.contains("Java"), md);
    // one "mean ± std" cell per metric, the best mean in bold
    assertTrue(md.contains("| A | op2 | 0.6 ± 0.14 | 3 ± 1.4 | 32 ± 2.8 | **0.35 ± 0.14**"
        + " | **2.5 ± 0.71** | **45 ± 0** | **0.4** |"), md);
    assertEquals("0.0038", Benchmark.formatStd(0.00376));
    assertEquals("2.0e-07", Benchmark.formatStd(1.971e-7));
    assertEquals("140", Benchmark.formatStd(137.2));
    assertEquals("1.0", Benchmark.formatStd(1.038));
    assertEquals("0.020", Benchmark.formatStd(0.02017));
    assertTrue(md.contains("| B | – | **0.9 ± 0** | **5 ± 0** | **10 ± 0** | – | – | – |"), md);
    assertEquals(r.paperMarkdown(), md.substring(md.indexOf("**Benchmark")));
    String longMd = Files.readString(dir.resolve("05_toy_long.md"), StandardCharsets.UTF_8);
    assertTrue(longMd.contains("| LSFAS ↑ | q_IS ↑ |") && !longMd.contains("LSFAS std"), longMd);
    String csv = Files.readString(dir.resolve("05_toy_long.csv"), StandardCharsets.UTF_8);
    assertTrue(csv.startsWith("generator,operation,group,n,seeds,LSFAS ↑,LSFAS std ↓"), csv);
    assertEquals(5, csv.strip().split("\r\n").length);
    assertMessage(() -> r.write(dir, " "), "non-blank");
  }

  @Test
  void netViewMakesOnePassPerSetOfRows() {
    int[] calls = {0};
    lab.metrics.FeatureExtractor fake = new lab.metrics.FeatureExtractor() {
      @Override
      public String name() {
        return "fake";
      }

      @Override
      public int dim() {
        return 4;
      }

      @Override
      public int classes() {
        return 2;
      }

      @Override
      public Output extract(lab.data.ImageSet images) {
        calls[0]++;
        double[][] f = new double[images.size()][4];
        double[][] p = new double[images.size()][2];
        for (int i = 0; i < f.length; i++) {
          for (int k = 0; k < 4; k++) {
            f[i][k] = images.images()[i][k];
          }
          p[i][0] = f[i][0] / (f[i][0] + f[i][1]);
          p[i][1] = 1 - p[i][0];
        }
        return new Output(f, p);
      }
    };
    java.util.Random rng = new java.util.Random(5);
    double[][] test = new double[50][4];
    double[][] s = new double[30][4];
    for (double[][] x : new double[][][] {test, s}) {
      for (double[] row : x) {
        for (int k = 0; k < 4; k++) {
          row[k] = 0.1 + 0.8 * rng.nextDouble();
        }
      }
    }
    Benchmark.NetView v = new Benchmark.NetView(fake, 2, 2);
    Quality q = v.quality();
    Quality plain = FeatureSpace.quality(fake, 2, 2);
    double fid = q.fid(s, test);
    assertEquals(2, v.passes());
    assertEquals(fid, q.fid(Arrays.copyOf(s, s.length), test));
    assertEquals(plain.fid(s, test), fid);
    assertEquals(plain.inceptionScore(s), q.inceptionScore(s));
    assertArrayEquals(FeatureSpace.encoder(fake, 2, 2).encode(s)[3], v.encoder().encode(s)[3]);
    assertEquals(2, v.passes());
    // equal values in other row objects are another set
    double[][] copy = Arrays.stream(s).map(double[]::clone).toArray(double[][]::new);
    q.inceptionScore(copy);
    assertEquals(3, v.passes());
    assertEquals(3 + 4, calls[0]);   // 3 passes here, 4 through the plain quality and encoder
    // R_te, used for every FID, stays while more than SLOTS other sets come and go
    for (int i = 0; i < 2 * Benchmark.NetView.SLOTS; i++) {
      double[][] other = Arrays.stream(s).map(double[]::clone).toArray(double[][]::new);
      q.fid(other, test);
    }
    assertEquals(3 + 2 * Benchmark.NetView.SLOTS, v.passes());
  }

  @Test
  void sameRowsDistanceSolvesEachPairOfRowSetsOnce() {
    int[] calls = {0};
    MeasureDistance exact = Distances.exact();
    MeasureDistance counting = (x, y) -> {
      calls[0]++;
      return exact.between(x, y);
    };
    Benchmark.SameRowsDistance d = new Benchmark.SameRowsDistance(counting);
    PointSet[] p = Synthetic.parts(3, 2, 1.0, 4, 40, 30);
    double[][] x = p[0].points();
    double[][] y = p[1].points();
    double w = d.between(x, y).value();
    assertEquals(exact.between(x, y).value(), w);
    assertEquals(w, d.between(Arrays.copyOf(x, x.length), y.clone()).value());
    assertEquals(1, d.solved());
    // another order of the rows, or other row objects with equal values, is solved again
    double[][] reversed = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      reversed[i] = x[x.length - 1 - i];
    }
    assertEquals(w, d.between(reversed, y).value(), 1e-12);
    d.between(Arrays.stream(x).map(double[]::clone).toArray(double[][]::new), y);
    assertEquals(3, d.solved());
    assertEquals(3, calls[0]);
  }
}
