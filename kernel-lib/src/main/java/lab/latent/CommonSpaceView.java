package lab.latent;

import java.util.ArrayList;
import java.util.List;
import lab.data.PointSet;
import lab.plot.Embeddings;
import lab.plot.Figures;
import org.knowm.xchart.XYChart;

/**
 * A 2-D picture of the common space M (PAPER.md §3.3): real samples and the samples of
 * generators A and B, encoded into M, embedded together by t-SNE or UMAP
 * ({@link Embeddings}), one colour per set.
 */
public final class CommonSpaceView {

  private CommonSpaceView() {
  }

  /** The embedding method. */
  public enum Method {
    /** t-SNE with {@link Embeddings.TsneOptions#defaults()}. */
    TSNE,
    /** UMAP with {@link Embeddings.UmapOptions#defaults()}. */
    UMAP
  }

  /**
   * The view.
   *
   * @param chart the scatter plot, one series per set
   * @param sets the embedded sets (2-D), in the order given
   * @param method the method used
   * @param embedding the embedding of all rows (for UMAP, {@code placed} lists rows laid out
   *     apart from the main component)
   */
  public record View(XYChart chart, List<PointSet> sets, Method method,
      Embeddings.Embedding embedding) {
  }

  /**
   * Embeds the sets together and plots them.
   *
   * @param title figure title
   * @param method t-SNE or UMAP
   * @param seed seed of the embedding
   * @param sets points of M (same dimension), e.g. real, A, B; named by their set names
   */
  public static View view(String title, Method method, long seed, PointSet... sets) {
    if (sets.length == 0) {
      throw new IllegalArgumentException("common-space view needs at least one set");
    }
    List<double[]> rows = new ArrayList<>();
    int d = sets[0].dim();
    for (PointSet s : sets) {
      if (s.dim() != d) {
        throw new IllegalArgumentException("set '" + s.name() + "' has dimension " + s.dim()
            + " but '" + sets[0].name() + "' has " + d + "; expected points of one M");
      }
      rows.addAll(List.of(s.points()));
    }
    double[][] all = rows.toArray(double[][]::new);
    Embeddings.Embedding e = method == Method.TSNE ? Embeddings.tsne(all, seed)
        : Embeddings.umap(all, seed);

    // split the embedding back into the sets (row i of the embedding is input row i)
    int[] owner = new int[all.length];
    int at = 0;
    for (int k = 0; k < sets.length; k++) {
      for (int i = 0; i < sets[k].size(); i++) {
        owner[at++] = k;
      }
    }
    List<List<double[]>> parts = new ArrayList<>();
    for (PointSet s : sets) {
      parts.add(new ArrayList<>());
    }
    for (int r = 0; r < e.size(); r++) {
      parts.get(owner[r]).add(e.coordinates()[r]);
    }
    List<PointSet> out = new ArrayList<>();
    for (int k = 0; k < sets.length; k++) {
      out.add(new PointSet(parts.get(k).toArray(double[][]::new), sets[k].name()));
    }
    String x = method == Method.TSNE ? "t-SNE 1" : "UMAP 1";
    String y = method == Method.TSNE ? "t-SNE 2" : "UMAP 2";
    XYChart chart = Figures.scatter(title, x, y, out.toArray(PointSet[]::new));
    return new View(chart, List.copyOf(out), method, e);
  }
}
