package lab.latent;

import java.util.List;
import java.util.Random;
import lab.plot.ResultTable;
import lab.plot.Tables;

/**
 * Attribute editing along an SVM direction (PAPER.md §2; Shen et al., "Interpreting the latent
 * space of GANs for semantic face editing", CVPR 2020), measured rather than only pictured.
 *
 * <p>n_fit codes of a space are drawn and decoded; their {@link ImageAttributes} are split at
 * the samples' median and scaled by their standard deviation (one unit = one standard deviation
 * of the attribute over the space's samples); an {@link AttributeDirection} n̂ is fitted for the
 * target attribute, and σ is the standard deviation of n̂·c over the fitted codes. Then n_edit
 * fresh codes are moved along the normal,
 * <pre>
 *   c ↦ c + s·σ·n̂   for each step s (in units of σ),
 * </pre>
 * decoded and scored again. Reported per attribute a: the mean change Δ_a(s) = mean over codes
 * of score_a(c + sσn̂) − score_a(c), and the least-squares slope of Δ_a against s through the
 * origin, Σ s Δ_a(s) / Σ s²; for the target the share of codes whose score does not decrease
 * from one step to the next (monotone); and the selectivity |slope_target| / max over the other
 * attributes of |slope_a|. A disentangled direction has a positive target slope, monotone edits
 * and a selectivity well above 1.
 *
 * @param space the space edited
 * @param attribute the target attribute
 * @param attributes every attribute, in column order
 * @param direction the fitted direction n̂ (in the space's own coordinates)
 * @param spread σ, the standard deviation of n̂·c over the fitted codes
 * @param steps the steps s, strictly increasing
 * @param meanChange Δ_a(s), steps × attributes, in standard deviations of each attribute
 * @param slopes per attribute, the slope of Δ_a per step of σ
 * @param monotone share of edited codes whose target score is non-decreasing over the steps
 * @param selectivity |target slope| / largest |other slope| (∞ when the others do not move)
 * @param n edited codes
 */
public record AttributeEdits(String space, String attribute, List<String> attributes,
    AttributeDirection direction, double spread, double[] steps, double[][] meanChange,
    double[] slopes, double monotone, double selectivity, int n) {

  /** Tolerance of "non-decreasing", in standard deviations of the attribute. */
  public static final double MONOTONE_TOLERANCE = 1e-6;

  /**
   * Fits the direction and measures the edits.
   *
   * @param space the latent space and its decoder (images of {@code attributes}' shape)
   * @param attributes the image attributes (their centre and scale are replaced by those of
   *     the space's own samples)
   * @param attribute the target, one of {@link ImageAttributes#NAMES}
   * @param fitCodes codes for the fit, ≥ 2·{@value AttributeDirection#MIN_EXTREMES}
   * @param editCodes codes edited, ≥ 1
   * @param steps at least one non-zero step, strictly increasing, finite
   * @param seed seed of the fitted codes (the edited ones use seed + 1)
   */
  public static AttributeEdits measure(LatentSpace space, ImageAttributes attributes,
      String attribute, int fitCodes, int editCodes, double[] steps, long seed) {
    int target = ImageAttributes.index(attribute);
    checkSteps(steps);
    if (editCodes < 1) {
      throw new IllegalArgumentException("attribute edits: " + editCodes + " codes to edit;"
          + " expected ≥ 1");
    }

    // the direction, fitted on the space's own samples
    double[][] fit = space.sample(fitCodes, new Random(seed));
    double[][] samples = space.decode(fit);
    ImageAttributes centred = attributes.centredOn(samples);
    double[][] fitScores = centred.scores(samples);
    double[] s = new double[fit.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = fitScores[i][target];
    }
    AttributeDirection dir = AttributeDirection.fit(attribute, fit, s);
    double spread = spread(fit, dir.normal());

    // the edits, step by step
    double[][] codes = space.sample(editCodes, new Random(seed + 1));
    double[][] base = centred.scores(space.decode(codes));
    int count = centred.names().size();
    double[][] change = new double[steps.length][count];
    double[][] targetPath = new double[steps.length][];
    for (int j = 0; j < steps.length; j++) {
      double[][] after = centred.scores(space.decode(move(codes, dir.normal(),
          steps[j] * spread)));
      targetPath[j] = new double[codes.length];
      for (int i = 0; i < codes.length; i++) {
        for (int a = 0; a < count; a++) {
          change[j][a] += (after[i][a] - base[i][a]) / codes.length;
        }
        targetPath[j][i] = after[i][target];
      }
    }

    // slopes through the origin, monotone share, selectivity
    double ss = 0;
    for (double st : steps) {
      ss += st * st;
    }
    double[] slopes = new double[count];
    for (int a = 0; a < count; a++) {
      for (int j = 0; j < steps.length; j++) {
        slopes[a] += steps[j] * change[j][a] / ss;
      }
    }
    int monotone = 0;
    for (int i = 0; i < codes.length; i++) {
      boolean up = true;
      for (int j = 1; j < steps.length && up; j++) {
        up = targetPath[j][i] >= targetPath[j - 1][i] - MONOTONE_TOLERANCE;
      }
      monotone += up ? 1 : 0;
    }
    double others = 0;
    for (int a = 0; a < count; a++) {
      if (a != target) {
        others = Math.max(others, Math.abs(slopes[a]));
      }
    }
    double selectivity = others > 0 ? Math.abs(slopes[target]) / others
        : Double.POSITIVE_INFINITY;
    return new AttributeEdits(space.name(), attribute, centred.names(), dir, spread,
        steps.clone(), change, slopes, (double) monotone / codes.length, selectivity,
        codes.length);
  }

  /** The codes moved by {@code step}·σ along n̂ (step in units of σ). */
  public double[][] moved(double[][] codes, double step) {
    if (!Double.isFinite(step)) {
      throw new IllegalArgumentException("edit step is " + step + "; expected finite");
    }
    return move(codes, direction.normal(), step * spread);
  }

  /** The slope of the target attribute. */
  public double targetSlope() {
    return slopes[attributes.indexOf(attribute)];
  }

  /** Columns of {@link #table}. */
  public static List<Tables.Metric> metrics() {
    return List.of(Tables.Metric.higher("SVM agreement"), Tables.Metric.higher("target slope"),
        Tables.Metric.lower("max |other slope|"), Tables.Metric.higher("selectivity"),
        Tables.Metric.higher("monotone"));
  }

  /** One row per edit: space, attribute and the numbers of {@link #metrics()}. */
  public static ResultTable table(String title, List<AttributeEdits> edits) {
    ResultTable t = ResultTable.of(title, List.of("space", "attribute"), metrics());
    for (AttributeEdits e : edits) {
      int target = e.attributes.indexOf(e.attribute);
      double others = 0;
      for (int a = 0; a < e.slopes.length; a++) {
        if (a != target) {
          others = Math.max(others, Math.abs(e.slopes[a]));
        }
      }
      t.row(List.of(e.space, e.attribute), e.direction.agreement(), e.slopes[target], others,
          e.selectivity, e.monotone);
    }
    return t;
  }

  private static double[][] move(double[][] codes, double[] normal, double by) {
    double[] step = new double[codes.length];
    java.util.Arrays.fill(step, by);
    return LatentOps.shift(codes, normal, step);
  }

  private static double spread(double[][] codes, double[] normal) {
    double mean = 0;
    double[] p = new double[codes.length];
    for (int i = 0; i < codes.length; i++) {
      p[i] = Points.dot(codes[i], normal);
      mean += p[i] / codes.length;
    }
    double var = 0;
    for (double x : p) {
      var += (x - mean) * (x - mean) / (codes.length - 1);
    }
    if (!(var > 0)) {
      throw new IllegalArgumentException("attribute edits: the codes do not vary along the"
          + " fitted direction; expected a spread > 0");
    }
    return Math.sqrt(var);
  }

  private static void checkSteps(double[] steps) {
    if (steps == null || steps.length == 0) {
      throw new IllegalArgumentException("attribute edits: no steps; expected at least one"
          + " non-zero step");
    }
    boolean nonZero = false;
    for (int j = 0; j < steps.length; j++) {
      if (!Double.isFinite(steps[j]) || (j > 0 && !(steps[j] > steps[j - 1]))) {
        throw new IllegalArgumentException("attribute edit steps " + java.util.Arrays.toString(
            steps) + ": step " + j + " is " + steps[j] + "; expected finite, strictly"
            + " increasing steps");
      }
      nonZero |= steps[j] != 0;
    }
    if (!nonZero) {
      throw new IllegalArgumentException("attribute edit steps are all 0; expected at least"
          + " one non-zero step");
    }
  }
}
