package lab.latent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import lab.data.FashionMnist;
import lab.data.ImageSet;
import lab.data.Mnist;
import lab.gan.Autoencoder;
import lab.metrics.LinearSeparability;
import lab.plot.ResultTable;
import lab.plot.Tables;

/**
 * The three properties of PAPER.md §2 measured for several latent spaces with one yardstick,
 * so that a generator's Z, a StyleGAN-like model's W and the candidate common spaces M can be
 * read side by side (notebook 03).
 *
 * <p>The yardstick is an {@link Encoder} of images, a perceptual space (the domain network's
 * features, as PPL uses VGG features): linearity and PPL are measured on the images of latent
 * paths mapped into it, and a sample is <em>valid</em> when its point there lies inside the
 * k-NN manifold (k = {@value #K}) of a reference set of real images. Attributes are the pixel
 * attributes of {@link ImageAttributes}, split at the median of each space's own samples.
 *
 * <p>Each space is first standardised by one scalar, c ↦ (c − c̄) / s with c̄ the mean and s the
 * root mean coordinate variance of its codes, so that the edit distance α means the same in Z,
 * W and M; linearity, convexity and separability do not change under this affine map, PPL is
 * measured on the unstandardised generator (as StyleGAN reports it).
 *
 * <p>A space without a decoder (M = classifier features) is measured on the codes of real
 * images ({@link #codesOnly}): separability and SVM agreement of the attributes, and
 * convexity with the validity test applied in M itself; linearity, PPL and edits need a decoder
 * and are reported as not measured (NaN).
 *
 * @apiNote For a class-conditional generator measure one class at a time ({@link ClassLatent});
 *     the reference and code images should then be of that class.
 */
public final class PropertySurvey {

  /** Neighbour rank of the validity test ({@link Diagnostics#K}). */
  public static final int K = Diagnostics.K;

  private final Encoder yardstick;
  private final ImageSet codeImages;
  private final ImageSet reference;
  private final double[][] referencePoints;
  private final Validity validity;
  private final PropertiesRow.Options options;
  private final long seed;

  private PropertySurvey(Encoder yardstick, ImageSet codeImages, ImageSet reference,
      PropertiesRow.Options options, long seed) {
    this.yardstick = yardstick;
    this.codeImages = codeImages;
    this.reference = reference;
    this.referencePoints = yardstick.encode(reference);
    this.validity = Validity.knnManifold(yardstick, referencePoints, K);
    this.options = options;
    this.seed = seed;
  }

  /**
   * A survey with a given yardstick and real images.
   *
   * @param yardstick E, the perceptual space of linearity, PPL and validity
   * @param codeImages real images whose codes are the codes of a space M ({@link #autoencoder},
   *     {@link #codesOnly}); at least 2·{@value AttributeDirection#MIN_EXTREMES}
   * @param reference real images, disjoint from {@code codeImages}, whose k-NN manifold in the
   *     yardstick defines a valid sample; more than {@value #K}
   * @param options sizes of the measurements
   * @param seed seed of every draw
   */
  public static PropertySurvey of(Encoder yardstick, ImageSet codeImages, ImageSet reference,
      PropertiesRow.Options options, long seed) {
    if (yardstick == null || codeImages == null || reference == null || options == null) {
      throw new IllegalArgumentException("property survey: yardstick " + yardstick
          + ", code images " + codeImages + ", reference " + reference + ", options " + options
          + "; expected all four");
    }
    if (codeImages.size() < 2 * AttributeDirection.MIN_EXTREMES) {
      throw new IllegalArgumentException("property survey: " + codeImages.size()
          + " code images; expected at least " + 2 * AttributeDirection.MIN_EXTREMES);
    }
    if (reference.size() <= K) {
      throw new IllegalArgumentException("property survey: " + reference.size()
          + " reference images; expected more than k = " + K);
    }
    return new PropertySurvey(yardstick, codeImages, reference, options, seed);
  }

  /**
   * The survey of one class of a study: the yardstick is the study's domain-network features;
   * {@code codeImages} + {@code referenceImages} real images of class {@code cls} are drawn
   * (seeded) from the study's pool outside R_tr and R_fr, the first {@code codeImages} as codes
   * of M, the rest as the reference of validity.
   *
   * @param study the study
   * @param cls the class
   * @param codeImages ≥ 2·{@value AttributeDirection#MIN_EXTREMES}
   * @param referenceImages &gt; {@value #K}
   * @param options sizes of the measurements
   * @param seed seed of the draw and of the measurements
   */
  public static PropertySurvey of(Study study, int cls, int codeImages, int referenceImages,
      PropertiesRow.Options options, long seed) {
    if (codeImages < 1 || referenceImages < 1) {
      throw new IllegalArgumentException("property survey: " + codeImages + " code images and "
          + referenceImages + " reference images; expected both ≥ 1");
    }
    ImageSet real = realOfClass(study, cls, codeImages + referenceImages, seed);
    int[] first = IntStream.range(0, codeImages).toArray();
    int[] rest = IntStream.range(codeImages, real.size()).toArray();
    return of(study.featureSpace(), real.subset(first, "codes of M (class " + cls + ")"),
        real.subset(rest, "reference (class " + cls + ")"), options, seed);
  }

  /**
   * {@code count} real images of class {@code cls} from the study's pool (Fashion-MNIST's
   * official training set, or the MNIST digits) outside R_tr and R_fr, drawn by a seeded
   * permutation.
   */
  public static ImageSet realOfClass(Study study, int cls, int count, long seed) {
    ImageSet pool = study.data() == Study.DataSet.FASHION_MNIST ? FashionMnist.train()
        : Mnist.digits();
    boolean[] used = new boolean[pool.size()];
    for (int i : study.split().trainIndices()) {
      used[i] = true;
    }
    for (int i : study.split().freshIndices()) {
      used[i] = true;
    }
    int[] candidates = IntStream.range(0, pool.size())
        .filter(i -> !used[i] && pool.labels()[i] == cls).toArray();
    if (count < 1 || count > candidates.length) {
      throw new IllegalArgumentException("real images of class " + cls + ": " + count
          + " asked for, " + candidates.length + " available outside R_tr and R_fr; expected"
          + " 1 ≤ count ≤ " + candidates.length);
    }
    int[] perm = Points.permutation(candidates.length, new Random(seed));
    int[] chosen = new int[count];
    for (int i = 0; i < count; i++) {
      chosen[i] = candidates[perm[i]];
    }
    return pool.subset(chosen, study.data().label() + " class " + cls + " (" + count
        + " outside R_tr, R_fr)");
  }

  /** The yardstick E. */
  public Encoder yardstick() {
    return yardstick;
  }

  /** The validity test: inside the k-NN manifold of the reference in the yardstick. */
  public Validity validity() {
    return validity;
  }

  /** The real images whose codes make a space M. */
  public ImageSet codeImages() {
    return codeImages;
  }

  /** The reference images of validity. */
  public ImageSet reference() {
    return reference;
  }

  /** The sizes. */
  public PropertiesRow.Options options() {
    return options;
  }

  /**
   * The row of a generator's own space: W for a {@link StyleGenerator}, else Z; PPL in the
   * yardstick.
   */
  public PropertiesRow generator(LatentGenerator generator) {
    LatentSpace space = generator instanceof StyleGenerator s ? LatentSpace.w(s)
        : LatentSpace.z(generator);
    double ppl = LatentProperties.ppl(generator, yardstick, options.pplPairs(), seed).mean();
    return measure(space, ppl);
  }

  /** The row of any decodable space (PPL not measured). */
  public PropertiesRow space(LatentSpace space) {
    return measure(space, Double.NaN);
  }

  /**
   * The row of M = an autoencoder's codes: codes are the encoded {@link #codeImages()}, drawn
   * with replacement, decoded by the autoencoder's decoder.
   *
   * @param ae the autoencoder (not closed here)
   * @param name the space's name
   */
  public PropertiesRow autoencoder(Autoencoder ae, String name) {
    Encoder e = AutoencoderSpace.encoder(ae, name);
    return space(AutoencoderSpace.space(ae, name, e.encode(codeImages)));
  }

  /**
   * The row of a space M without a decoder, measured on the codes m(x) of the
   * {@link #codeImages()}: separability and agreement of the attributes (split at the codes'
   * images' median), |cos| between their directions, and convexity with validity tested in M
   * against the k-NN manifold of m(reference). Linearity, PPL and edit success are NaN.
   *
   * @param m the encoder into M
   */
  public PropertiesRow codesOnly(Encoder m) {
    double[][] raw = m.encode(codeImages);
    Standard st = Standard.of(raw);
    double[][] codes = st.apply(raw);
    double[][] ref = st.apply(m.encode(reference));
    double[][] pixels = Points.toDouble(codeImages.images());
    ImageAttributes attributes = ImageAttributes.of(codeImages.height(), codeImages.width())
        .centredOn(pixels);
    double[][] scores = attributes.scores(pixels);
    LatentProperties.Disentanglement d = separabilityOnly(m.name(), codes, scores,
        attributes.names());
    LatentSpace space = LatentSpace.ofCodes(m.name(), codes, c -> c);
    LatentProperties.Convexity c = LatentProperties.convexity(space,
        Validity.knnManifold(Encoder.identity(codes[0].length), ref, K), options.codes(),
        options.combinations(), seed);
    LatentProperties.Linearity none = new LatentProperties.Linearity(Double.NaN, Double.NaN,
        Double.NaN, 0, options.steps(), m.name() + " (no decoder)");
    return new PropertiesRow("M = " + m.name(), yardstick.name(), none, Double.NaN, d, c);
  }

  /**
   * Validity of real codes against a control: the share of m(codeImages) inside the k-NN
   * manifold of m(reference), and the same share for the codes with every coordinate shuffled
   * independently across the images (seeded), which keeps each coordinate's distribution and
   * breaks their joint structure.
   *
   * @param realValid share of real codes inside
   * @param shuffledValid share of shuffled codes inside
   * @param n codes
   * @param space M
   */
  public record Control(double realValid, double shuffledValid, int n, String space) {
  }

  /** The {@link Control} of M = m. */
  public Control shuffledControl(Encoder m) {
    double[][] codes = m.encode(codeImages);
    Validity inM = Validity.knnManifold(Encoder.identity(codes[0].length),
        m.encode(reference), K);
    double[][] shuffled = new double[codes.length][codes[0].length];
    Random random = new Random(seed);
    for (int q = 0; q < codes[0].length; q++) {
      int[] perm = Points.permutation(codes.length, random);
      for (int i = 0; i < codes.length; i++) {
        shuffled[i][q] = codes[perm[i]][q];
      }
    }
    return new Control(share(inM.test(codes)), share(inM.test(shuffled)), codes.length,
        m.name());
  }

  /**
   * The columns of {@link #table}: those of {@link PropertiesRow#metrics()} with the mean SVM
   * agreement of the attributes after the separability.
   */
  public static List<Tables.Metric> metrics() {
    List<Tables.Metric> m = new ArrayList<>(PropertiesRow.metrics());
    m.add(m.indexOf(Tables.Metric.lower("separability")) + 1,
        Tables.Metric.higher("SVM agreement"));
    return List.copyOf(m);
  }

  /**
   * The rows as one table keyed by space (the yardstick belongs in the title): departure,
   * path ratio, PPL, separability, mean SVM agreement, edit success, max |cos|, convexity.
   */
  public static ResultTable table(String title, List<PropertiesRow> rows) {
    ResultTable t = ResultTable.of(title, List.of("space"), metrics());
    for (PropertiesRow r : rows) {
      LatentProperties.Disentanglement d = r.disentanglement();
      double agreement = 0;
      for (double a : d.agreement()) {
        agreement += a / d.agreement().length;
      }
      t.row(List.of(r.space()), r.linearity().departure(), r.linearity().pathRatio(), r.ppl(),
          d.separability(), agreement, d.meanEditSuccess(), d.maxCosine(),
          r.convexity().share());
    }
    return t;
  }

  private PropertiesRow measure(LatentSpace raw, double ppl) {
    Standard st = Standard.of(raw.sample(options.codes(), new Random(seed - 1)));
    LatentSpace space = new LatentSpace(raw.name(), raw.dim(),
        (n, r) -> st.apply(raw.sample(n, r)), memo(c -> raw.decode(st.invert(c))));

    // attributes split at the median of this space's samples (the codes disentanglement draws)
    double[][] own = space.decode(space.sample(options.codes(), new Random(seed)));
    ImageAttributes attributes = ImageAttributes.of(reference.height(), reference.width())
        .centredOn(own);

    return new PropertiesRow(raw.name(), yardstick.name(),
        LatentProperties.linearity(space, yardstick, options.pairs(), options.steps(), seed),
        ppl,
        LatentProperties.disentanglement(space, attributes, options.codes(), options.alpha(),
            seed),
        LatentProperties.convexity(space, validity, options.codes(), options.combinations(),
            seed));
  }

  /** Directions, agreement, |cos| and separability of codes with known scores, no edits. */
  static LatentProperties.Disentanglement separabilityOnly(String name, double[][] codes,
      double[][] scores, List<String> names) {
    int count = names.size();
    List<AttributeDirection> dirs = new ArrayList<>();
    double[] agreement = new double[count];
    double[][] probabilities = new double[codes.length][count];
    for (int a = 0; a < count; a++) {
      double[] s = new double[codes.length];
      for (int i = 0; i < codes.length; i++) {
        s[i] = scores[i][a];
        probabilities[i][a] = 1 / (1 + Math.exp(-s[i]));
      }
      dirs.add(AttributeDirection.fit(names.get(a), codes, s));
      agreement[a] = dirs.get(a).agreement();
    }
    double[][] cosines = new double[count][count];
    for (int a = 0; a < count; a++) {
      for (int b = 0; b < count; b++) {
        cosines[a][b] = Math.abs(Points.dot(dirs.get(a).normal(), dirs.get(b).normal()));
      }
    }
    double[] noEdits = new double[count];
    Arrays.fill(noEdits, Double.NaN);
    double separability = LinearSeparability.of(codes, probabilities).score();
    return new LatentProperties.Disentanglement(List.copyOf(names), separability, agreement,
        noEdits, cosines, Double.NaN, Double.NaN, codes.length, name);
  }

  /**
   * The decoder remembering the first batch it decodes: the attributes' centring, the
   * disentanglement and the convexity draw the same seeded codes, which are decoded once. Rows
   * of the remembered result are shared between callers, which only read them.
   */
  static UnaryOperator<double[][]> memo(UnaryOperator<double[][]> decoder) {
    double[][][][] first = new double[1][][][];
    return codes -> {
      if (first[0] != null && Arrays.deepEquals(first[0][0], codes)) {
        return first[0][1].clone();
      }
      double[][] samples = decoder.apply(codes);
      if (first[0] == null) {
        double[][] copy = new double[codes.length][];
        for (int i = 0; i < codes.length; i++) {
          copy[i] = codes[i].clone();
        }
        first[0] = new double[][][] {copy, samples};
      }
      return samples.clone();
    };
  }

  private static double share(boolean[] b) {
    int k = 0;
    for (boolean x : b) {
      k += x ? 1 : 0;
    }
    return (double) k / b.length;
  }

  /** c ↦ (c − mean) / s with one scalar s, the root mean coordinate variance. */
  record Standard(double[] mean, double scale) {

    static Standard of(double[][] codes) {
      Points.check("codes", codes);
      double[] mean = Distances.mean(codes);
      double var = 0;
      for (double[] c : codes) {
        var += Points.sq(c, mean);
      }
      var /= (double) codes.length * mean.length;
      if (!(var > 0)) {
        throw new IllegalArgumentException("standardising " + codes.length + " codes: they are"
            + " all equal; expected codes that vary");
      }
      return new Standard(mean, Math.sqrt(var));
    }

    double[][] apply(double[][] c) {
      double[][] y = new double[c.length][mean.length];
      for (int i = 0; i < c.length; i++) {
        for (int q = 0; q < mean.length; q++) {
          y[i][q] = (c[i][q] - mean[q]) / scale;
        }
      }
      return y;
    }

    double[][] invert(double[][] c) {
      double[][] y = new double[c.length][mean.length];
      for (int i = 0; i < c.length; i++) {
        for (int q = 0; q < mean.length; q++) {
          y[i][q] = c[i][q] * scale + mean[q];
        }
      }
      return y;
    }
  }
}
