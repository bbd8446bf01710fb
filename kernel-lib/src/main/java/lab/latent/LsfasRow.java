package lab.latent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.plot.ResultTable;
import lab.plot.Tables;

/**
 * One LSFAS result with every component (PAPER.md §3.5), as a {@link ResultTable} row.
 *
 * @param generator the generator
 * @param operation the latent operation that produced S
 * @param data the data set and split
 * @param n |S|
 * @param lsfas the composite
 * @param qIs q_IS
 * @param qFid q_FID
 * @param featureScore the repeated FeatureScore (mean, std, repeats, n, solver)
 * @param isSamples IS(S)
 * @param isTest IS(R_te)
 * @param fidSamples FID(S, R_te), the mean over blocks of |R_fr| samples of S
 * @param fidFresh FID(R_fr, R_te)
 * @param novelty share of S farther from R_tr than the typical neighbour distance in R_tr
 * @param validity share of S inside the k-NN manifold of R_te ∪ R_fr
 * @param perClass label → per-class FeatureScore (empty when S has no labels)
 * @param weights composite weights
 * @param space M, the encoder's name
 * @param timing seconds spent per phase
 */
public record LsfasRow(String generator, String operation, String data, int n, double lsfas,
    double qIs, double qFid, FeatureScore.Result featureScore, double isSamples, double isTest,
    double fidSamples, double fidFresh, double novelty, double validity,
    Map<Integer, FeatureScore.Result> perClass, Lsfas.Weights weights, String space,
    Timing timing) {

  /**
   * Wall-clock seconds per phase.
   *
   * @param encode encoding S into M
   * @param transport the OT distances of the FeatureScore (overall and per class)
   * @param quality IS and FID
   * @param diagnostics novelty and validity
   */
  public record Timing(double encode, double transport, double quality, double diagnostics) {

    /** The sum of the phases. */
    public double total() {
      return encode + transport + quality + diagnostics;
    }
  }

  /** The metric columns of {@link #table}, in order. */
  public static List<Tables.Metric> metrics() {
    return List.of(Tables.Metric.higher("LSFAS"), Tables.Metric.higher("q_IS"),
        Tables.Metric.higher("q_FID"), Tables.Metric.higher("FeatureScore"),
        Tables.Metric.lower("FeatureScore std"), Tables.Metric.higher("IS"),
        Tables.Metric.lower("FID"), Tables.Metric.higher("novelty"),
        Tables.Metric.higher("validity"));
  }

  /** An empty LSFAS table with the key columns generator, operation, data, n and solver. */
  public static ResultTable table(String title) {
    return ResultTable.of(title, List.of("generator", "operation", "data", "n", "OT in M"),
        metrics());
  }

  /** A table of the given rows. */
  public static ResultTable table(String title, List<LsfasRow> rows) {
    ResultTable t = table(title);
    rows.forEach(r -> r.appendTo(t));
    return t;
  }

  /** This row alone, titled by its generator; renders inline in the notebook. */
  public ResultTable toTable() {
    return appendTo(table("LSFAS, " + space));
  }

  /** Appends this row to a table made by {@link #table(String)}. */
  public ResultTable appendTo(ResultTable t) {
    String solver = featureScore.solver() + ", n = " + featureScore.n() + " + "
        + featureScore.added() + ", test " + featureScore.testSize() + ", "
        + featureScore.repeats().size() + " repeats";
    return t.row(List.of(generator, operation, data, String.valueOf(n), solver), lsfas, qIs,
        qFid, featureScore.value(), featureScore.std(), isSamples, fidSamples, novelty,
        validity);
  }

  /** The per-class FeatureScores as a table (class, mean, std). */
  public ResultTable perClassTable() {
    ResultTable t = ResultTable.of("Per-class FeatureScore, " + generator + " / " + operation,
        "class", Tables.Metric.higher("FeatureScore"), Tables.Metric.lower("std"));
    List<Integer> keys = new ArrayList<>(perClass.keySet());
    for (int c : keys) {
      t.row(String.valueOf(c), perClass.get(c).value(), perClass.get(c).std());
    }
    return t;
  }

  @Override
  public String toString() {
    return String.format("LSFAS %s / %s on %s: %.4f (q_IS %.4f, q_FID %.4f, FeatureScore"
        + " %.4f ± %.4f, novelty %.3f, validity %.3f; %s)", generator, operation, data, lsfas,
        qIs, qFid, featureScore.value(), featureScore.std(), novelty, validity,
        featureScore.solver());
  }
}
