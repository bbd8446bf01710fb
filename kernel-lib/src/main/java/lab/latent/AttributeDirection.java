package lab.latent;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import smile.classification.SVM;
import smile.math.kernel.LinearKernel;

/**
 * An attribute's direction in a latent space, InterFaceGAN-style (Shen et al., "Interpreting
 * the latent space of GANs for semantic face editing", CVPR 2020): the positives and negatives
 * are the top and bottom {@link #SHARE} of codes by attribute score; a linear SVM
 * (Smile, C = {@value #C}) separates them; the direction is n̂ = w / ‖w‖, oriented towards
 * the positives, and the hyperplane is n̂·z + offset = 0 with offset = b / ‖w‖.
 *
 * @param attribute the attribute's name
 * @param normal n̂, unit length, k entries
 * @param offset b / ‖w‖, so that n̂·z + offset is the signed distance to the hyperplane
 * @param agreement share of all fitted codes whose side of the hyperplane agrees with the sign
 *     of their score (the attribute's linear separability as an accuracy)
 * @param extremes codes per side used for the fit
 */
public record AttributeDirection(String attribute, double[] normal, double offset,
    double agreement, int extremes) {

  /** Share of codes taken as positives (top) and as negatives (bottom), METRICS.md. */
  public static final double SHARE = 0.02;
  /** SVM soft-margin constant. */
  public static final double C = 1.0;
  /** Fewest codes per side. */
  public static final int MIN_EXTREMES = 5;

  /**
   * Fits the direction.
   *
   * @param attribute name
   * @param codes n × k codes
   * @param scores n attribute scores of the codes' samples (present when &gt; 0)
   * @param share share of codes per side, 0 &lt; share ≤ ½
   */
  public static AttributeDirection fit(String attribute, double[][] codes, double[] scores,
      double share) {
    int k = Points.check("codes", codes);
    if (scores.length != codes.length) {
      throw new IllegalArgumentException("attribute '" + attribute + "': " + codes.length
          + " codes but " + scores.length + " scores");
    }
    for (int i = 0; i < scores.length; i++) {
      if (!Double.isFinite(scores[i])) {
        throw new IllegalArgumentException("attribute '" + attribute + "': score " + i + " is "
            + scores[i] + "; expected finite scores");
      }
    }
    if (!(share > 0 && share <= 0.5)) {
      throw new IllegalArgumentException("attribute '" + attribute + "': share is " + share
          + "; expected 0 < share ≤ 0.5");
    }
    int m = Math.max(MIN_EXTREMES, (int) Math.round(share * codes.length));
    if (2 * m > codes.length) {
      throw new IllegalArgumentException("attribute '" + attribute + "': " + codes.length
          + " codes cannot give " + m + " positives and " + m + " negatives");
    }

    // positives = top m by score, negatives = bottom m
    Integer[] order = IntStream.range(0, codes.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    double lowest = scores[order[codes.length - m]];
    double highest = scores[order[m - 1]];
    if (!(lowest > highest)) {
      throw new IllegalArgumentException("attribute '" + attribute + "': the " + m
          + " highest scores reach down to " + lowest + " and the " + m + " lowest up to "
          + highest + "; expected the extremes to differ (ties make positives and negatives"
          + " arbitrary)");
    }
    double[][] x = new double[2 * m][];
    int[] y = new int[2 * m];
    for (int i = 0; i < m; i++) {
      x[i] = codes[order[i]];
      y[i] = -1;
      x[m + i] = codes[order[codes.length - 1 - i]];
      y[m + i] = 1;
    }

    // linear SVM: w = Σ α_i y_i v_i over the support vectors
    SVM<double[]> svm = SVM.fit(x, y, new LinearKernel(), C, 1e-3);
    double[] w = new double[k];
    double[][] vectors = svm.vectors();
    double[] alpha = svm.weights();
    for (int i = 0; i < vectors.length; i++) {
      for (int j = 0; j < k; j++) {
        w[j] += alpha[i] * vectors[i][j];
      }
    }
    double norm = Points.norm(w);
    if (!(norm > 0)) {
      throw new IllegalArgumentException("attribute '" + attribute + "': the SVM found no"
          + " direction (‖w‖ = " + norm + "); the extremes are not linearly separated");
    }
    double b = svm.intercept();
    double sign = meanScore(x, y, w, b) >= 0 ? 1 : -1;
    double[] normal = new double[k];
    for (int j = 0; j < k; j++) {
      normal[j] = sign * w[j] / norm;
    }
    double offset = sign * b / norm;

    // agreement of the hyperplane side with the sign of the score, over all codes
    int agree = 0;
    for (int i = 0; i < codes.length; i++) {
      boolean side = Points.dot(normal, codes[i]) + offset > 0;
      agree += side == (scores[i] > 0) ? 1 : 0;
    }
    return new AttributeDirection(attribute, normal, offset, (double) agree / codes.length, m);
  }

  /** Fits with the default {@link #SHARE}. */
  public static AttributeDirection fit(String attribute, double[][] codes, double[] scores) {
    return fit(attribute, codes, scores, SHARE);
  }

  /** Signed distance n̂·z + offset of a code to the hyperplane. */
  public double distance(double[] code) {
    return Points.dot(normal, code) + offset;
  }

  /**
   * The conditional direction that keeps other attributes fixed (METRICS.md): n̂ minus its
   * projections on the others' directions (Gram–Schmidt on the others first), renormalised;
   * the offset is kept, so edits still measure distance from the original hyperplane's level.
   */
  public AttributeDirection conditionedOn(AttributeDirection... others) {
    double[][] basis = new double[others.length][];
    int used = 0;
    for (AttributeDirection o : others) {
      double[] c = o.normal.clone();
      for (int j = 0; j < used; j++) {
        subtractProjection(c, basis[j]);
      }
      double nc = Points.norm(c);
      if (nc > 1e-12) {
        for (int q = 0; q < c.length; q++) {
          c[q] /= nc;
        }
        basis[used++] = c;
      }
    }
    double[] n = normal.clone();
    for (int j = 0; j < used; j++) {
      subtractProjection(n, basis[j]);
    }
    double nn = Points.norm(n);
    if (nn < 1e-12) {
      throw new IllegalArgumentException("attribute '" + attribute + "' lies in the span of"
          + " the attributes it is conditioned on; no direction is left");
    }
    for (int q = 0; q < n.length; q++) {
      n[q] /= nn;
    }
    return new AttributeDirection(attribute + " | others", n, offset,
        agreement, extremes);
  }

  private static void subtractProjection(double[] v, double[] unit) {
    double p = Points.dot(v, unit);
    for (int q = 0; q < v.length; q++) {
      v[q] -= p * unit[q];
    }
  }

  private static double meanScore(double[][] x, int[] y, double[] w, double b) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += y[i] * (Points.dot(w, x[i]) + b);
    }
    return s;
  }
}
