package lab.latent;

import java.util.List;
import lab.plot.ResultTable;
import lab.plot.Tables;

/**
 * The three properties of one latent space (PAPER.md §2) side by side, as a
 * {@link ResultTable} row, so that Z, W and the two choices of M (autoencoder encoder,
 * classifier features) can be compared in one table.
 *
 * @param space the space measured (e.g. "WGAN Z")
 * @param m the encoder into M used for linearity
 * @param linearity departure from straight segments in M
 * @param ppl perceptual path length in M ({@link LatentProperties#ppl}); NaN when not measured
 *     (a space without a generator's prior, such as M itself)
 * @param disentanglement separability and editing success
 * @param convexity share of valid convex combinations
 */
public record PropertiesRow(String space, String m, LatentProperties.Linearity linearity,
    double ppl, LatentProperties.Disentanglement disentanglement,
    LatentProperties.Convexity convexity) {

  /**
   * Sizes of the measurements.
   *
   * @param pairs linearity: random segments (default 200)
   * @param steps linearity: points per segment − 1 (default 10)
   * @param codes disentanglement and convexity: codes drawn (default 2000)
   * @param alpha disentanglement: edit distance α (default 3, InterFaceGAN's range end)
   * @param combinations convexity: convex combinations tested (default 2000)
   * @param pplPairs PPL: latent pairs (default 1000)
   */
  public record Options(int pairs, int steps, int codes, double alpha, int combinations,
      int pplPairs) {

    /** Checks ranges. */
    public Options {
      if (pairs < 1 || steps < 2 || codes < 2 || !(alpha > 0) || combinations < 1
          || pplPairs < 2) {
        throw new IllegalArgumentException("property options pairs " + pairs + ", steps "
            + steps + ", codes " + codes + ", alpha " + alpha + ", combinations " + combinations
            + ", PPL pairs " + pplPairs + "; expected pairs ≥ 1, steps ≥ 2, codes ≥ 2,"
            + " alpha > 0, combinations ≥ 1, PPL pairs ≥ 2");
      }
    }

    /** 200 pairs of 10 steps, 2000 codes, α = 3, 2000 combinations, 1000 PPL pairs. */
    public static Options defaults() {
      return new Options(200, 10, 2000, 3, 2000, 1000);
    }
  }

  /**
   * Measures the properties of a generator's own space, Z (or W for a
   * {@link StyleGenerator}), PPL included.
   *
   * @param generator the generator
   * @param encoder E into M
   * @param attributes the domain classifier's attributes
   * @param validity what a valid sample is
   * @param options sizes
   * @param seed seed of every draw
   */
  public static PropertiesRow measure(LatentGenerator generator, Encoder encoder,
      Attributes attributes, Validity validity, Options options, long seed) {
    LatentSpace space = generator instanceof StyleGenerator s ? LatentSpace.w(s)
        : LatentSpace.z(generator);
    PropertiesRow row = measure(space, encoder, attributes, validity, options, seed);
    double ppl = LatentProperties.ppl(generator, encoder, options.pplPairs(), seed).mean();
    return new PropertiesRow(row.space, row.m, row.linearity, ppl, row.disentanglement,
        row.convexity);
  }

  /**
   * Measures the three properties of {@code space} (PPL not measured: NaN).
   *
   * @param space the latent space and its decoder
   * @param encoder E into M (linearity is measured on the image in M)
   * @param attributes the domain classifier's attributes
   * @param validity what a valid sample is
   * @param options sizes
   * @param seed seed of every draw
   */
  public static PropertiesRow measure(LatentSpace space, Encoder encoder, Attributes attributes,
      Validity validity, Options options, long seed) {
    return new PropertiesRow(space.name(), encoder.name(),
        LatentProperties.linearity(space, encoder, options.pairs(), options.steps(), seed),
        Double.NaN, LatentProperties.disentanglement(space, attributes, options.codes(),
            options.alpha(), seed),
        LatentProperties.convexity(space, validity, options.codes(), options.combinations(),
            seed));
  }

  /** The metric columns, in order. */
  public static List<Tables.Metric> metrics() {
    return List.of(Tables.Metric.lower("departure"), Tables.Metric.lower("path ratio"),
        Tables.Metric.lower("PPL"),
        Tables.Metric.lower("separability"), Tables.Metric.higher("edit success"),
        Tables.Metric.lower("max |cos|"), Tables.Metric.higher("convexity"));
  }

  /** An empty table with key columns space and M. */
  public static ResultTable table(String title) {
    return ResultTable.of(title, List.of("space", "M"), metrics());
  }

  /** Appends this row to a table made by {@link #table(String)}. */
  public ResultTable appendTo(ResultTable t) {
    return t.row(List.of(space, m), linearity.departure(), linearity.pathRatio(), ppl,
        disentanglement.separability(), disentanglement.meanEditSuccess(),
        disentanglement.maxCosine(), convexity.share());
  }

  /** This row alone. */
  public ResultTable toTable() {
    return appendTo(table("Latent-space properties"));
  }
}
