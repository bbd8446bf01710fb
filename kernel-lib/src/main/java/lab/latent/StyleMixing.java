package lab.latent;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import lab.gan.StyleGan;
import lab.metrics.FeatureExtractor;
import lab.plot.ResultTable;
import lab.plot.Tables;

/**
 * What each range of style layers controls in a StyleGAN-like model (PAPER.md §2: "style codes
 * at different levels control features at different levels"; Karras et al., CVPR 2019,
 * section 3.1), measured with the domain classifier.
 *
 * <p>Pairs of sources A and B are drawn, with z_A, z_B ~ N(0, I) and, for a conditional model,
 * different classes y_A ≠ y_B (y_A = i mod K, y_B uniform among the others), mapped to w_A and
 * w_B. For each crossover c = 1..L−1 two mixes are synthesised: coarse layers 0..c−1 from A and
 * fine layers c..L−1 from B, and the reverse. The classifier predicts the class of A, B and
 * each mix; over the pairs whose sources it predicts differently, the share of mixes whose
 * predicted class is the coarse source's (follows coarse) and the fine source's (follows fine)
 * is reported, with the mean feature distance of a mix to its coarse and to its fine source,
 * each divided by the distance between the two sources. All images share one noise image
 * ({@link ClassLatent}).
 *
 * @param generator the model's name
 * @param layers L
 * @param crossovers one entry per crossover c = 1..L−1
 * @param pairs pairs drawn
 * @param informative pairs whose two sources the classifier predicts as different classes
 * @param classifier the classifier's name
 */
public record StyleMixing(String generator, int layers, List<Crossover> crossovers, int pairs,
    int informative, String classifier) {

  /**
   * One crossover.
   *
   * @param crossover c, the first layer taken from the fine source
   * @param followsCoarse share of mixes predicted as their coarse source's class
   * @param followsFine share of mixes predicted as their fine source's class
   * @param distanceToCoarse mean ‖f(mix) − f(coarse)‖ / ‖f(A) − f(B)‖ in the features
   * @param distanceToFine mean ‖f(mix) − f(fine)‖ / ‖f(A) − f(B)‖
   */
  public record Crossover(int crossover, double followsCoarse, double followsFine,
      double distanceToCoarse, double distanceToFine) {
  }

  /**
   * Measures the mixing.
   *
   * @param model the StyleGAN-like model of 28 × 28 images (not closed here)
   * @param name its name
   * @param classifier the domain network (class predictions and features)
   * @param pairs pairs of sources, ≥ 1
   * @param seed seed of the codes and classes
   */
  public static StyleMixing measure(StyleGan model, String name, FeatureExtractor classifier,
      int pairs, long seed) {
    if (model == null || classifier == null) {
      throw new IllegalArgumentException("style mixing: model " + model + ", classifier "
          + classifier + "; expected both");
    }
    if (pairs < 1) {
      throw new IllegalArgumentException("style mixing: " + pairs + " pairs; expected ≥ 1");
    }
    if (model.dim() != 28 * 28) {
      throw new IllegalArgumentException("style mixing: '" + name + "' makes " + model.dim()
          + "-d samples; expected 28 × 28 images");
    }
    int layers = model.styleLayers();
    if (layers < 2) {
      throw new IllegalArgumentException("style mixing: '" + name + "' has " + layers
          + " style layer; expected at least 2");
    }
    Random random = new Random(seed);
    double[][][] w = sources(model, pairs, random);
    double[][] a = w[0];
    double[][] b = w[1];

    // the sources, unmixed
    Seen seenA = see(classifier, ClassLatent.synthesise(model, name, mix(a, b, layers, layers)));
    Seen seenB = see(classifier, ClassLatent.synthesise(model, name, mix(b, a, layers, layers)));
    boolean[] differ = new boolean[pairs];
    int informative = 0;
    double[] apart = new double[pairs];
    for (int i = 0; i < pairs; i++) {
      differ[i] = seenA.predicted[i] != seenB.predicted[i];
      informative += differ[i] ? 1 : 0;
      apart[i] = Math.sqrt(Points.sq(seenA.features[i], seenB.features[i]));
    }

    // both mixes at every crossover
    List<Crossover> out = new ArrayList<>();
    for (int c = 1; c < layers; c++) {
      Seen ab = see(classifier, ClassLatent.synthesise(model, name, mix(a, b, c, layers)));
      Seen ba = see(classifier, ClassLatent.synthesise(model, name, mix(b, a, c, layers)));
      double coarse = 0;
      double fine = 0;
      double toCoarse = 0;
      double toFine = 0;
      int distances = 0;
      for (int i = 0; i < pairs; i++) {
        if (differ[i]) {
          coarse += (ab.predicted[i] == seenA.predicted[i] ? 1 : 0)
              + (ba.predicted[i] == seenB.predicted[i] ? 1 : 0);
          fine += (ab.predicted[i] == seenB.predicted[i] ? 1 : 0)
              + (ba.predicted[i] == seenA.predicted[i] ? 1 : 0);
        }
        if (apart[i] > 0) {
          toCoarse += (dist(ab.features[i], seenA.features[i])
              + dist(ba.features[i], seenB.features[i])) / apart[i];
          toFine += (dist(ab.features[i], seenB.features[i])
              + dist(ba.features[i], seenA.features[i])) / apart[i];
          distances += 2;
        }
      }
      out.add(new Crossover(c, informative == 0 ? Double.NaN : coarse / (2.0 * informative),
          informative == 0 ? Double.NaN : fine / (2.0 * informative),
          distances == 0 ? Double.NaN : toCoarse / distances,
          distances == 0 ? Double.NaN : toFine / distances));
    }
    return new StyleMixing(name, layers, List.copyOf(out), pairs, informative,
        classifier.name());
  }

  /**
   * Styles w_A and w_B of {@code n} pairs: [0] = A, [1] = B, each n × wDim; classes y_A =
   * i mod K and y_B ≠ y_A for a conditional model.
   */
  static double[][][] sources(StyleGan model, int n, Random random) {
    int k = model.config().latent();
    int classes = model.classes();
    float[][] za = new float[n][k];
    float[][] zb = new float[n][k];
    int[] ya = classes > 0 ? new int[n] : null;
    int[] yb = classes > 0 ? new int[n] : null;
    for (int i = 0; i < n; i++) {
      for (int q = 0; q < k; q++) {
        za[i][q] = (float) random.nextGaussian();
      }
      for (int q = 0; q < k; q++) {
        zb[i][q] = (float) random.nextGaussian();
      }
      if (classes > 1) {
        ya[i] = i % classes;
        yb[i] = (ya[i] + 1 + random.nextInt(classes - 1)) % classes;
      } else if (classes == 1) {
        ya[i] = 0;
        yb[i] = 0;
      }
    }
    return new double[][][] {StyleGanLatent.toDouble(model.mapping(za, ya)),
        StyleGanLatent.toDouble(model.mapping(zb, yb))};
  }

  /** Per-layer styles: layers 0..c−1 from {@code coarse}, c..L−1 from {@code fine}. */
  static double[][][] mix(double[][] coarse, double[][] fine, int c, int layers) {
    double[][][] s = new double[layers][][];
    for (int l = 0; l < layers; l++) {
      s[l] = l < c ? coarse : fine;
    }
    return s;
  }

  /** The crossovers as a table, one row per crossover. */
  public ResultTable table() {
    ResultTable t = ResultTable.of("Style mixing in " + generator + " (" + pairs + " pairs, "
        + informative + " with sources of different predicted class; " + classifier + ")",
        List.of("coarse layers", "fine layers"), List.of(
            Tables.Metric.higher("follows coarse"), Tables.Metric.higher("follows fine"),
            Tables.Metric.lower("distance to coarse"), Tables.Metric.lower("distance to fine")));
    for (Crossover c : crossovers) {
      t.row(List.of(range(0, c.crossover()), range(c.crossover(), layers)), c.followsCoarse(),
          c.followsFine(), c.distanceToCoarse(), c.distanceToFine());
    }
    return t;
  }

  private static String range(int from, int to) {
    return to - from == 1 ? String.valueOf(from) : from + "–" + (to - 1);
  }

  private record Seen(int[] predicted, double[][] features) {
  }

  private static Seen see(FeatureExtractor classifier, double[][] images) {
    FeatureExtractor.Output o = classifier.extract(FeatureSpace.images(images, 28, 28));
    if (o.probabilities() == null) {
      throw new IllegalArgumentException("style mixing: " + classifier.name() + " has no"
          + " classifier head; expected class probabilities");
    }
    int[] y = new int[images.length];
    for (int i = 0; i < y.length; i++) {
      double[] p = o.probabilities()[i];
      for (int q = 1; q < p.length; q++) {
        if (p[q] > p[y[i]]) {
          y[i] = q;
        }
      }
    }
    return new Seen(y, o.features());
  }

  private static double dist(double[] a, double[] b) {
    return Math.sqrt(Points.sq(a, b));
  }
}
