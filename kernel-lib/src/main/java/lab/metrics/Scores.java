package lab.metrics;

import lab.data.ImageSet;

/**
 * The image metrics computed on the features of a {@link FeatureExtractor}, each returned with
 * the label a table or figure shows ("FID (FMNIST-Net features)") and the sample counts.
 *
 * <p>Each method extracts the features (inference mode) and calls the metric class named in
 * it with its default options; use those classes directly for other options or for features
 * computed once and reused.
 */
public final class Scores {

  private Scores() {
  }

  /**
   * A score as shown to a reader.
   *
   * @param label metric and feature network, e.g. "FID (FMNIST-Net features)"
   * @param value the score
   * @param std its standard deviation over splits or subsets, NaN when it has none
   * @param realCount real images used (0 when none)
   * @param generatedCount generated images used
   * @param higherIsBetter the direction of "better" (↑ when true)
   */
  public record Named(String label, double value, double std, int realCount,
      int generatedCount, boolean higherIsBetter) {
    /** "FID (FMNIST-Net features) ↓ = 12.3456 (N = 10000 / 10000)". */
    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "%s %s = %.4f%s (N = %d / %d)", label,
          higherIsBetter ? "↑" : "↓", value,
          Double.isNaN(std) ? "" : String.format(java.util.Locale.ROOT, " ± %.4f", std),
          realCount, generatedCount);
    }
  }

  /** FID between real and generated images ({@link Fid}). */
  public static Named fid(FeatureExtractor fx, ImageSet real, ImageSet generated) {
    Fid.Result r = Fid.between(fx.features(real), fx.features(generated));
    return new Named(fx.label("FID"), r.value(), Double.NaN, real.size(), generated.size(),
        false);
  }

  /** KID between real and generated images ({@link Kid}, subsets capped at the set sizes). */
  public static Named kid(FeatureExtractor fx, ImageSet real, ImageSet generated) {
    int m = Math.min(Kid.DEFAULT_SUBSET_SIZE, Math.min(real.size(), generated.size()));
    Kid.Result r = Kid.between(fx.features(real), fx.features(generated),
        new Kid.Options(Kid.DEFAULT_SUBSETS, m, Kid.DEFAULT_SEED));
    return new Named(fx.label("KID"), r.mean(), r.std(), real.size(), generated.size(), false);
  }

  /** Inception score of generated images ({@link InceptionScore}). */
  public static Named inceptionScore(FeatureExtractor fx, ImageSet generated) {
    InceptionScore.Result r = InceptionScore.of(fx.probabilities(generated));
    return new Named(fx.label("IS"), r.mean(), r.std(), 0, generated.size(), true);
  }

  /** Precision, recall, density and coverage, in that order (one feature extraction). */
  public static Named[] fidelityDiversity(FeatureExtractor fx, ImageSet real,
      ImageSet generated) {
    double[][] x = fx.features(real);
    double[][] y = fx.features(generated);
    PrecisionRecall.Result pr = PrecisionRecall.realVsGenerated(x, y);
    DensityCoverage.Result dc = DensityCoverage.realVsGenerated(x, y);
    int n = real.size();
    int m = generated.size();
    return new Named[] {
        new Named(fx.label("precision"), pr.precision(), Double.NaN, n, m, true),
        new Named(fx.label("recall"), pr.recall(), Double.NaN, n, m, true),
        new Named(fx.label("density"), dc.density(), Double.NaN, n, m, true),
        new Named(fx.label("coverage"), dc.coverage(), Double.NaN, n, m, true)};
  }
}
