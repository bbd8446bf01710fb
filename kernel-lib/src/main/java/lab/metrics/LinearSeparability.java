package lab.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import smile.classification.Classifier;
import smile.classification.SVM;

/**
 * Linear separability of latent codes (Karras, Laine and Aila, "A style-based generator
 * architecture for generative adversarial networks", CVPR 2019, section 4.2).
 *
 * <p>For each binary attribute a: codes z_i (n × k) are labelled y_i = 1[p_a(z_i) &gt; ½] by an
 * attribute classifier; the half of the codes with the most confident labels (largest
 * |p − ½|) is kept; a linear SVM is fitted on the kept codes (Smile's {@link SVM}, linear
 * kernel, soft margin C); X is the side of the hyperplane each kept code falls on. From the
 * 2 × 2 table of joint frequencies p(x, y):
 * <pre>
 *   H(Y | X) = − Σ_{x,y} p(x, y) log₂ ( p(x, y) / p(x) )      (bits, 0·log 0 = 0, ≥ 0)
 *   separability = 2^( Σ_a H_a(Y | X) )                      (↓ better, 1 = separable)
 * </pre>
 *
 * @apiNote An attribute whose kept codes all carry one label has no hyperplane to fit: it is
 *     listed in the result with {@code singleClass = true} and a NaN entropy, left out of the
 *     sum, and logged as a warning, so a degenerate attribute is never silently scored 0. The
 *     SVM solver is Smile's LASVM with a linear kernel, not LIBLINEAR as in the original code;
 *     its time grows about quadratically with the number of kept codes.
 */
public final class LinearSeparability {

  /** Soft-margin constant of the SVM. */
  public static final double DEFAULT_C = 1.0;
  /** Share of codes kept per attribute (the most confident half). */
  public static final double DEFAULT_KEEP = 0.5;
  /** Convergence tolerance of the SVM solver. */
  public static final double DEFAULT_TOLERANCE = 1e-3;

  private static final Logger LOG = LoggerFactory.getLogger(LinearSeparability.class);

  private LinearSeparability() {
  }

  /**
   * Options.
   *
   * @param c soft-margin constant, &gt; 0
   * @param keep share of codes kept per attribute, in (0, 1]
   * @param tolerance SVM solver tolerance, &gt; 0
   */
  public record Options(double c, double keep, double tolerance) {
    /** Checks the ranges. */
    public Options {
      if (!(c > 0) || !Double.isFinite(c)) {
        throw new IllegalArgumentException("SVM C is " + c + ", expected a finite value > 0");
      }
      if (!(keep > 0 && keep <= 1)) {
        throw new IllegalArgumentException("kept share is " + keep + ", expected in (0, 1]");
      }
      if (!(tolerance > 0)) {
        throw new IllegalArgumentException("SVM tolerance is " + tolerance + ", expected > 0");
      }
    }

    /** C = 1, the most confident half, tolerance 1e-3. */
    public Options() {
      this(DEFAULT_C, DEFAULT_KEEP, DEFAULT_TOLERANCE);
    }
  }

  /**
   * One attribute's outcome.
   *
   * @param attribute column index of the attribute
   * @param kept codes kept (the most confident share)
   * @param positives kept codes labelled 1
   * @param table 2 × 2 joint frequencies, rows = SVM side (0, 1), columns = label (0, 1);
   *     {@code null} for a single-class attribute
   * @param bits H(Y | X) in bits, NaN for a single-class attribute
   * @param singleClass whether all kept codes carry one label
   */
  public record Attribute(int attribute, int kept, int positives, double[][] table, double bits,
      boolean singleClass) {
  }

  /**
   * The score and its parts.
   *
   * @param score 2^(Σ bits over the attributes with two classes); ↓ better, ≥ 1
   * @param totalBits Σ bits over the attributes with two classes
   * @param attributes every attribute, single-class ones included
   * @param singleClassCount how many attributes had one class only
   */
  public record Result(double score, double totalBits, List<Attribute> attributes,
      int singleClassCount) {
  }

  /** Separability with the default options. */
  public static Result of(double[][] codes, double[][] attributeProbabilities) {
    return of(codes, attributeProbabilities, new Options());
  }

  /**
   * Linear separability of {@code codes} with respect to every attribute.
   *
   * @param codes n × k latent codes; not modified
   * @param attributeProbabilities n × A probabilities in [0, 1] that attribute a holds for
   *     code i (for instance one column per class of a classifier, one-vs-rest); not modified
   * @throws IllegalArgumentException for empty, ragged or non-finite input, a probability
   *     outside [0, 1], different row counts, or when every attribute has a single class
   *     (no attribute could be scored, and a score of 1 would read as perfect)
   */
  public static Result of(double[][] codes, double[][] attributeProbabilities, Options options) {
    Checks.features("latent codes", codes);
    int attrs = Checks.features("attribute probabilities", attributeProbabilities);
    if (codes.length != attributeProbabilities.length) {
      throw new IllegalArgumentException("latent codes are " + Checks.shape(codes)
          + " but attribute probabilities are " + Checks.shape(attributeProbabilities)
          + ", expected one row per code");
    }
    int n = codes.length;
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < attrs; a++) {
        double p = attributeProbabilities[i][a];
        if (p < 0 || p > 1) {
          throw new IllegalArgumentException("attribute probabilities ("
              + Checks.shape(attributeProbabilities) + "): entry [" + i + "][" + a + "] is " + p
              + ", expected in [0, 1]");
        }
      }
    }
    int kept = Math.max(1, (int) Math.round(options.keep() * n));
    LOG.info("linear separability: {} codes of dimension {}, {} attributes, {} kept each", n,
        codes[0].length, attrs, kept);

    List<Attribute> out = new ArrayList<>();
    double total = 0;
    int single = 0;
    for (int a = 0; a < attrs; a++) {
      final int col = a;

      // Labels and the most confident share of the codes.
      Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
      Arrays.sort(order, Comparator.comparingDouble(
          (Integer i) -> -Math.abs(attributeProbabilities[i][col] - 0.5)).thenComparing(i -> i));
      double[][] x = new double[kept][];
      int[] y = new int[kept];
      int positives = 0;
      for (int r = 0; r < kept; r++) {
        x[r] = codes[order[r]];
        y[r] = attributeProbabilities[order[r]][col] > 0.5 ? 1 : 0;
        positives += y[r];
      }
      if (positives == 0 || positives == kept) {
        LOG.warn("attribute {}: all {} kept codes have label {}; reported as single-class and"
            + " left out of the score", a, kept, positives == 0 ? 0 : 1);
        out.add(new Attribute(a, kept, positives, null, Double.NaN, true));
        single++;
        continue;
      }

      // Linear SVM on the kept codes, side of the hyperplane per code.
      int[] pm = new int[kept];
      for (int r = 0; r < kept; r++) {
        pm[r] = y[r] == 1 ? 1 : -1;
      }
      Classifier<double[]> svm = SVM.fit(x, pm, options.c(), options.tolerance());
      double[][] table = new double[2][2];
      for (int r = 0; r < kept; r++) {
        int side = svm.predict(x[r]) > 0 ? 1 : 0;
        table[side][y[r]] += 1.0 / kept;
      }

      // Conditional entropy of the label given the side.
      double bits = conditionalEntropy(table);
      total += bits;
      out.add(new Attribute(a, kept, positives, table, bits, false));
    }
    if (single == attrs) {
      throw new IllegalArgumentException("linear separability: each of the " + attrs
          + " attributes has one class only among its " + kept + " most confident codes, so"
          + " none can be scored; expected at least one attribute with both labels");
    }
    return new Result(Math.pow(2, total), total, List.copyOf(out), single);
  }

  /**
   * H(Y | X) in bits of a joint table, rows x and columns y, normalised by its total first.
   *
   * @param table r × c non-negative counts or frequencies with a positive total; not modified
   * @return − Σ p(x, y) log₂(p(x, y) / p(x)), clamped at ≥ 0
   */
  public static double conditionalEntropy(double[][] table) {
    int cols = Checks.features("contingency table", table);
    double total = 0;
    for (int x = 0; x < table.length; x++) {
      for (int y = 0; y < cols; y++) {
        if (table[x][y] < 0) {
          throw new IllegalArgumentException("contingency table (" + Checks.shape(table)
              + "): entry [" + x + "][" + y + "] is " + table[x][y] + ", expected ≥ 0");
        }
        total += table[x][y];
      }
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("contingency table (" + Checks.shape(table)
          + ") sums to " + total + ", expected a positive total");
    }
    double h = 0;
    for (double[] row : table) {
      double px = 0;
      for (double v : row) {
        px += v / total;
      }
      for (double v : row) {
        double p = v / total;
        if (p > 0) {
          h -= p * (Math.log(p / px) / Math.log(2));
        }
      }
    }
    return Math.max(0, h);
  }
}
