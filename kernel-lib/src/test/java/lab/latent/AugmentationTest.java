package lab.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import lab.data.ImageSet;
import lab.latent.Augmentation.Correlation;
import lab.latent.Augmentation.Gains;
import lab.latent.Augmentation.Metric;
import lab.latent.Augmentation.Row;
import lab.latent.Augmentation.Scores;
import lab.metrics.ClassifierScores;
import lab.metrics.RankCorrelation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AugmentationTest {

  private static final RankCorrelation.Options BOOT = new RankCorrelation.Options(400, 0.05, 3);

  // ---------------------------------------------------------------- gains

  /** n images of 2 × 2 pixels, all equal to {@code value}, labels i mod 2. */
  private static ImageSet flat(int n, float value, String name) {
    float[][] x = new float[n][];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      x[i] = new float[] {value, value, value, value};
      y[i] = i % 2;
    }
    return new ImageSet(x, y, 2, 2, name);
  }

  /** A "classifier" whose accuracy is the mean pixel of its training set plus 0.01·seed. */
  private static final class MeanPixel implements Augmentation.Classifier {
    final List<String> calls = new ArrayList<>();

    @Override
    public double accuracy(ImageSet train, ImageSet test, long seed) {
      calls.add(train.name() + " #" + seed);
      double s = 0;
      for (float[] img : train.images()) {
        s += img[0];
      }
      return s / train.size() + 0.01 * seed;
    }
  }

  private static Scores scoresOfMean(SampleSet s) {
    double m = s.samples()[0][0];
    return new Scores(m, 2 * m, 1 + m, 1 - m, 0.5 - m);
  }

  private static List<SampleSet> rows(int n, long seed) {
    ImageSet train = flat(n, 0.2f, "R_tr");
    return List.of(
        SampleSet.of("fresh real data", "upper bound", flat(n, 0.6f, "fresh")),
        SampleSet.of("copies of R_tr", "lower bound", train.subset(
            java.util.stream.IntStream.range(0, n).map(i -> n - 1 - i).toArray(), "copies")),
        SampleSet.of("generator", "sample", flat(n, 0.1f + 0.01f * seed, "gen")));
  }

  @Test
  void gainsArePairedBySeedAndTheRealOnlyClassifierIsTrainedOncePerSeed() {
    ImageSet train = flat(4, 0.2f, "R_tr");
    ImageSet test = flat(6, 0.5f, "R_te");
    var classifier = new MeanPixel();
    var options = Augmentation.Options.defaults().withRepeats(2).withSampleSeeds(1, 2);
    Gains g = Augmentation.gains("toy", train, test, List.of(rows(4, 1), rows(4, 2)),
        classifier, AugmentationTest::scoresOfMean, options);

    // 2 real-only classifiers per seed, then 3 rows × 2 sample seeds × 2 seeds
    assertEquals(2 * 2 + 3 * 2 * 2, classifier.calls.size(), classifier.calls.toString());
    assertEquals(1, classifier.calls.stream().filter(c -> c.equals("R_tr listed twice #1"))
        .count());
    assertEquals(0.215, g.baseline().accuracy().mean(), 1e-6);

    // fresh data: mean pixel (0.2 + 0.6) / 2 = 0.4, gain 0.2 on every seed, std 0
    Row fresh = g.row("fresh real data", "upper bound");
    assertEquals(0.2, fresh.gain(), 1e-6);
    assertEquals(0, fresh.gainStd(), 1e-6);
    assertEquals(4, fresh.gains().length);
    // copies leave the training distribution unchanged: gain 0
    assertEquals(0, g.row("copies of R_tr", "lower bound").gain(), 1e-6);
    // the generator differs by sample seed (0.11 and 0.12): gains −0.045 and −0.04
    Row gen = g.row("generator", "sample");
    assertEquals(-0.0425, gen.gain(), 1e-6);
    assertEquals(0.0025, gen.gainStd(), 1e-6);
    // scores are averaged over the sample seeds
    assertEquals(0.115, gen.scores().lsfas(), 1e-6);
    assertEquals(4, gen.added());
    // the same-epochs baseline trains on R_tr alone
    assertEquals(g.baseline().accuracy().mean(), g.baseline().sameEpochs().mean(), 1e-6);
    assertTrue(classifier.calls.contains("R_tr #2"), classifier.calls.toString());
  }

  @Test
  void gainsTableHasTheBaselinesAndEveryRow() {
    ImageSet train = flat(4, 0.2f, "R_tr");
    Gains g = Augmentation.gains("toy", train, flat(6, 0.5f, "R_te"), List.of(rows(4, 1)),
        new MeanPixel(), AugmentationTest::scoresOfMean, Augmentation.Options.defaults());
    var t = g.table();
    assertEquals(2 + 3, t.rowCount());
    assertEquals(20, t.value(2, "gain"), 1e-4);
    assertTrue(Double.isNaN(t.value(0, "LSFAS")));
  }

  @Test
  void rowOfAnUnknownGeneratorIsNamed() {
    Gains g = Augmentation.gains("toy", flat(4, 0.2f, "R_tr"), flat(6, 0.5f, "R_te"),
        List.of(rows(4, 1)), new MeanPixel(), AugmentationTest::scoresOfMean,
        Augmentation.Options.defaults().withRepeats(1));
    var e = assertThrows(IllegalArgumentException.class, () -> g.row("GAN", "sample"));
    assertTrue(e.getMessage().contains("'GAN / sample'"), e.getMessage());
  }

  @Test
  void aSampleSetOfTheWrongSizeIsNamed() {
    ImageSet train = flat(4, 0.2f, "R_tr");
    var sets = List.of(List.of(SampleSet.of("GAN", "sample", flat(5, 0.3f, "gan"))));
    var e = assertThrows(IllegalArgumentException.class, () -> Augmentation.gains("toy",
        train, flat(6, 0.5f, "R_te"), sets, new MeanPixel(), AugmentationTest::scoresOfMean,
        Augmentation.Options.defaults()));
    assertTrue(e.getMessage().contains("GAN / sample has 5 samples, expected |R_tr| = 4"),
        e.getMessage());
  }

  @Test
  void unlabelledSamplesAndMismatchedSeedsAreNamed() {
    ImageSet train = flat(4, 0.2f, "R_tr");
    var unlabelled = new SampleSet("GAN", "sample", null, new double[4][4], null);
    var e = assertThrows(IllegalArgumentException.class, () -> Augmentation.gains("toy",
        train, flat(6, 0.5f, "R_te"), List.of(List.of(unlabelled)), new MeanPixel(),
        AugmentationTest::scoresOfMean, Augmentation.Options.defaults()));
    assertTrue(e.getMessage().contains("GAN / sample have no labels"), e.getMessage());

    var other = List.of(rows(4, 1), rows(4, 2).subList(0, 2));
    e = assertThrows(IllegalArgumentException.class, () -> Augmentation.gains("toy", train,
        flat(6, 0.5f, "R_te"), other, new MeanPixel(), AugmentationTest::scoresOfMean,
        Augmentation.Options.defaults()));
    assertTrue(e.getMessage().contains("sample seed 1 has rows"), e.getMessage());

    var unlabelledTrain = new ImageSet(train.images(), null, 2, 2, "bare");
    e = assertThrows(IllegalArgumentException.class, () -> Augmentation.gains("toy",
        unlabelledTrain, flat(6, 0.5f, "R_te"), List.of(rows(4, 1)), new MeanPixel(),
        AugmentationTest::scoresOfMean, Augmentation.Options.defaults()));
    assertTrue(e.getMessage().contains("R_tr 'bare' (4 images) has no labels"),
        e.getMessage());
  }

  @Test
  void optionsCheckTheirValuesAndKeepNonDefaults() {
    var o = Augmentation.Options.defaults().withRepeats(5).withEpochs(4).withResamples(50)
        .withSampleSeeds(3, 4).withFeatureScoreRepeats(2);
    assertEquals(5, o.repeats());
    assertEquals(4, o.classifier().epochs());
    assertEquals(50, o.bootstrap().resamples());
    assertEquals(List.of(3L, 4L), o.sampleSeeds());
    assertFalse(o.lsfas().perClass());
    assertEquals(2, o.lsfas().featureScore().repeats());
    var e = assertThrows(IllegalArgumentException.class,
        () -> Augmentation.Options.defaults().withRepeats(0));
    assertTrue(e.getMessage().contains("repeats is 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Augmentation.Options.defaults().withSampleSeeds());
    assertTrue(e.getMessage().contains("sample seeds are []"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Augmentation.Options.defaults().withSampleSeeds(2, 2));
    assertTrue(e.getMessage().contains("[2, 2] repeat a seed"), e.getMessage());
  }

  // ---------------------------------------------------------------- correlations

  private static Row row(String data, int i, double gain, Scores s) {
    return new Row(data, "G" + i, "sample", 10,
        new ClassifierScores.MeanStd(0.5 + gain, 0, new double[] {0.5 + gain}),
        new double[] {gain}, gain, 0, s);
  }

  /** The gains of rows with a dummy baseline. */
  private static Gains gainsOf(String data, List<Row> rows) {
    var acc = new ClassifierScores.MeanStd(0.5, 0, new double[] {0.5});
    return new Gains(data, new Augmentation.Baseline(10, acc, acc), rows, 0);
  }

  /** Rows whose LSFAS rises with the gain, whose FID falls with it and IS is noise. */
  private static List<Row> monotone(String data, int n, double offset, long seed) {
    Random r = new Random(seed);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double gain = offset + 0.01 * i;
      rows.add(row(data, i, gain, new Scores(0.1 * i, 0.05 * i + 0.02 * r.nextGaussian(),
          1 + r.nextDouble(), 100 - 5 * i, 1.0 / (1 + i))));
    }
    return rows;
  }

  @Test
  void fidAndKidAreNegatedSoThatHigherPredictsMoreGain() {
    List<Correlation> c = Augmentation.correlate("toy", monotone("toy", 8, 0, 1), BOOT);
    Correlation fid = c.stream().filter(x -> x.metric() == Metric.FID).findFirst().get();
    Correlation kid = c.stream().filter(x -> x.metric() == Metric.KID).findFirst().get();
    Correlation lsfas = c.stream().filter(x -> x.metric() == Metric.LSFAS).findFirst().get();
    assertEquals(1, fid.spearman().value(), 1e-12);
    assertEquals(1, fid.kendall().value(), 1e-12);
    assertEquals(1, kid.spearman().value(), 1e-12);
    assertEquals(1, lsfas.spearman().value(), 1e-12);
    assertEquals("−FID", Metric.FID.orientedLabel());
    assertEquals("IS", Metric.IS.orientedLabel());
    assertEquals(-3.0, Metric.FID.oriented(3.0));
    assertEquals(3.0, Metric.IS.oriented(3.0));
  }

  @Test
  void pooledCorrelationRanksAllRowsTogether() {
    // each data set alone: LSFAS rises with the gain; pooled, the data set with the higher
    // LSFAS has the lower gains, so the pooled ρ is far below 1
    List<Row> a = monotone("A", 6, 0.5, 1);
    List<Row> b = new ArrayList<>();
    for (Row r : monotone("B", 6, 0, 2)) {
      Scores s = r.scores();
      b.add(new Row("B", r.generator(), r.operation(), r.added(), r.accuracy(), r.gains(),
          r.gain(), r.gainStd(), new Scores(s.lsfas() + 10, s.featureScore(), s.is(), s.fid(),
          s.kid())));
    }
    var ga = gainsOf("A", a);
    var gb = gainsOf("B", b);
    var result = AugmentationResult.of(List.of(ga, gb), BOOT);
    assertEquals(5 * 3, result.correlations().size());
    assertEquals(1, result.correlation(Metric.LSFAS, "A").spearman().value(), 1e-12);
    assertEquals(1, result.correlation(Metric.LSFAS, "B").spearman().value(), 1e-12);
    Correlation pooled = result.correlation(Metric.LSFAS, AugmentationResult.POOLED);
    assertEquals(12, pooled.rows());
    double[] x = new double[12];
    double[] y = new double[12];
    for (int i = 0; i < 12; i++) {
      Row r = i < 6 ? a.get(i) : b.get(i - 6);
      x[i] = r.scores().lsfas();
      y[i] = r.gain();
    }
    assertEquals(RankCorrelation.spearman(x, y), pooled.spearman().value(), 1e-12);
    assertTrue(pooled.spearman().value() < 0, "pooled ρ " + pooled.spearman().value());
    assertEquals("pooled", result.group());
    assertEquals(2 + 6 + 2 + 6, result.gainsTable().rowCount(),
        "two baselines and six rows per data set");
  }

  @Test
  void intervalsContainTheEstimateAndLieInMinusOneToOne() {
    Random r = new Random(11);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      double gain = r.nextGaussian();
      rows.add(row("noisy", i, gain, new Scores(gain + r.nextGaussian(),
          0.3 * gain + r.nextGaussian(), r.nextGaussian(), -gain + 2 * r.nextGaussian(),
          r.nextGaussian())));
    }
    for (Correlation c : Augmentation.correlate("noisy", rows, BOOT)) {
      for (RankCorrelation.Result x : List.of(c.spearman(), c.kendall())) {
        assertTrue(-1 <= x.low() && x.low() <= x.value() && x.value() <= x.high()
            && x.high() <= 1, c.metric() + ": " + x);
        assertTrue(x.high() > x.low(), c.metric() + ": " + x);
      }
    }
  }

  @Test
  void verdictNamesTheBestMetricAndItsLead() {
    List<Row> rows = new ArrayList<>();
    Random r = new Random(5);
    for (int i = 0; i < 30; i++) {
      double gain = 0.01 * i;
      // FeatureScore follows the gain exactly, LSFAS with noise, IS against it
      rows.add(row("D", i, gain, new Scores(i + 8 * r.nextGaussian(), i, -i, r.nextGaussian(),
          r.nextGaussian())));
    }
    var result = AugmentationResult.of(List.of(gainsOf("D", rows)), BOOT);
    var v = result.verdict();
    assertEquals("D", v.group());
    assertEquals(Metric.FEATURE_SCORE, v.best());
    assertEquals(Metric.LSFAS, v.runnerUp());
    assertTrue(v.excludesZero());
    assertTrue(v.leadLow() <= v.lead() && v.lead() <= v.leadHigh(), v.toString());
    assertTrue(v.sentence().contains("FeatureScore predicts the augmentation gain best"),
        v.sentence());
    assertTrue(v.sentence().contains("ρ = 1.00"), v.sentence());
    assertEquals(-1, result.correlation(Metric.IS, "D").spearman().value(), 1e-12);
  }

  @Test
  void verdictSaysWhenNoMetricIsClearlyAhead() {
    Random r = new Random(8);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      rows.add(row("D", i, r.nextGaussian(), new Scores(r.nextGaussian(), r.nextGaussian(),
          r.nextGaussian(), r.nextGaussian(), r.nextGaussian())));
    }
    var v = AugmentationResult.of(List.of(gainsOf("D", rows)), BOOT).verdict();
    assertFalse(v.clearlyAhead(), v.sentence());
    assertTrue(v.sentence().contains("is not clear"), v.sentence());
  }

  @Test
  void badRowsAreNamed() {
    List<Row> rows = new ArrayList<>(monotone("D", 4, 0, 1));
    var e = assertThrows(IllegalArgumentException.class,
        () -> Augmentation.correlate("D", rows.subList(0, 2), BOOT));
    assertTrue(e.getMessage().contains("2 rows, expected at least 3"), e.getMessage());
    rows.set(1, row("D", 1, 0.01, new Scores(0.1, 0.1, 1, Double.NaN, 0)));
    e = assertThrows(IllegalArgumentException.class,
        () -> Augmentation.correlate("D", rows, BOOT));
    assertTrue(e.getMessage().contains("D / G1 / sample has FID = NaN"), e.getMessage());
    var result = AugmentationResult.of(List.of(gainsOf("D", monotone("D", 4, 0, 1))), BOOT);
    e = assertThrows(IllegalArgumentException.class, () -> result.verdict("E"));
    assertTrue(e.getMessage().contains("no data set 'E'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> AugmentationResult.of(List.of(), BOOT));
    assertTrue(e.getMessage().contains("at least one"), e.getMessage());
  }

  // ---------------------------------------------------------------- figures and files

  @Test
  void scatterHasOneSeriesPerMetricAndFilesAreWritten(@TempDir Path dir) {
    var result = AugmentationResult.of(List.of(gainsOf("A", monotone("A", 5, 0, 1)),
        gainsOf("B", monotone("B", 4, 0, 2))), BOOT);
    var chart = result.scatter();
    assertEquals(Metric.values().length, chart.getSeriesCollection().size());
    var lsfas = chart.getSeriesCollection().stream()
        .filter(s -> s.getName().startsWith("LSFAS")).findFirst().get();
    assertEquals(9, lsfas.getXData().length);
    var one = result.scatter(Metric.FID);
    assertEquals(2, one.getSeriesCollection().size());
    assertTrue(one.getXAxisTitle().contains("↓"), one.getXAxisTitle());
    List<Path> files = result.write(dir, "06_");
    assertEquals(6, files.size());
    for (Path f : files) {
      assertTrue(Files.isRegularFile(f), f.toString());
    }
    assertTrue(files.get(3).getFileName().toString().equals("06_correlations.md"));
  }
}
