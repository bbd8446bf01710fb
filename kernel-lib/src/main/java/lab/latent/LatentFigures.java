package lab.latent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import lab.gan.StyleGan;
import lab.plot.Figures;
import lab.plot.ImageGrid;
import lab.plot.Tables;
import org.knowm.xchart.XYChart;

/**
 * Figures of latent operations on images: attribute-edit strips and their curves
 * ({@link AttributeEdits}), and style-mixing grids of 28 × 28 images (StyleGAN's figure 3).
 */
public final class LatentFigures {

  private static final int SIDE = 28;

  private LatentFigures() {
  }

  /**
   * An edit strip: row r shows one code moved along the fitted direction by each step of
   * {@code edits} (columns), captioned with the step in units of σ. The space must decode to
   * square images.
   *
   * @param space the space the edits were measured in (same name)
   * @param edits the measured edits (their direction, σ and steps)
   * @param rows codes shown, ≥ 1
   * @param seed seed of the codes
   */
  public static ImageGrid editStrip(LatentSpace space, AttributeEdits edits, int rows,
      long seed) {
    if (!space.name().equals(edits.space())) {
      throw new IllegalArgumentException("edit strip: the edits were measured in '"
          + edits.space() + "' but the space is '" + space.name() + "'; expected the same");
    }
    if (rows < 1) {
      throw new IllegalArgumentException("edit strip: rows is " + rows + "; expected ≥ 1");
    }
    double[][] codes = space.sample(rows, new Random(seed));
    double[] steps = edits.steps();
    double[][][] columns = new double[steps.length][][];
    for (int j = 0; j < steps.length; j++) {
      columns[j] = space.decode(edits.moved(codes, steps[j]));
    }
    int side = (int) Math.round(Math.sqrt(columns[0][0].length));
    if (side * side != columns[0][0].length) {
      throw new IllegalArgumentException("edit strip: '" + space.name() + "' decodes to "
          + columns[0][0].length + " values; expected square images");
    }
    float[][] tiles = new float[rows * steps.length][];
    List<String> captions = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < steps.length; j++) {
        tiles[r * steps.length + j] = toFloat(columns[j][r]);
        captions.add((steps[j] > 0 ? "+" : "") + Tables.format(steps[j]) + "σ");
      }
    }
    return ImageGrid.of(tiles, side, side, rows, steps.length, edits.space() + ": "
        + edits.attribute() + " along the SVM normal", captions, 2);
  }

  /**
   * The mean change of every attribute against the step, one curve per edit and attribute
   * ("space, edited attribute edit: attribute").
   */
  public static XYChart editCurves(List<AttributeEdits> edits) {
    if (edits.isEmpty()) {
      throw new IllegalArgumentException("edit curves: no edits; expected at least one");
    }
    Map<String, double[]> x = new LinkedHashMap<>();
    Map<String, double[]> y = new LinkedHashMap<>();
    for (AttributeEdits e : edits) {
      for (int a = 0; a < e.attributes().size(); a++) {
        String key = e.space() + ", " + e.attribute() + " edit: " + e.attributes().get(a);
        if (y.containsKey(key)) {
          throw new IllegalArgumentException("edit curves: the edit of " + e.attribute()
              + " in '" + e.space() + "' is given twice; expected one curve per edit");
        }
        double[] v = new double[e.steps().length];
        for (int j = 0; j < v.length; j++) {
          v[j] = e.meanChange()[j][a];
        }
        x.put(key, e.steps().clone());
        y.put(key, v);
      }
    }
    return Figures.lines("Attribute change along the fitted direction", "step along n̂ (σ of"
        + " n̂·code)", "mean change (sd of the attribute)", x, y);
  }

  /**
   * A style-mixing grid: the top row shows {@code cols} column sources, the left column
   * {@code rows} row sources, and tile (i, j) takes layers {@code from}..{@code to}−1 from
   * column source j and the other layers from row source i. For a conditional model row
   * sources have classes 0, 2, 4, … and column sources 1, 3, 5, … (mod K). One noise image is
   * shared by every tile.
   *
   * @param model a StyleGAN-like model of 28 × 28 images (not closed here)
   * @param name its name, for the title
   * @param from first layer from the column source, 0 ≤ from &lt; to
   * @param to one past the last, ≤ L
   * @param rows row sources, ≥ 1
   * @param cols column sources, ≥ 1
   * @param classNames names of the classes for the sources' captions, or {@code null}
   * @param seed seed of the codes
   */
  public static ImageGrid styleMixGrid(StyleGan model, String name, int from, int to, int rows,
      int cols, List<String> classNames, long seed) {
    int layers = model.styleLayers();
    if (model.dim() != SIDE * SIDE) {
      throw new IllegalArgumentException("style-mixing grid: '" + name + "' makes "
          + model.dim() + "-d samples; expected 28 × 28 images");
    }
    if (!(0 <= from && from < to && to <= layers) || rows < 1 || cols < 1) {
      throw new IllegalArgumentException("style-mixing grid: layers " + from + ".." + (to - 1)
          + " of " + layers + ", " + rows + " × " + cols + " sources; expected 0 ≤ from < to ≤ "
          + layers + " and at least one row and one column");
    }
    Random random = new Random(seed);
    int classes = model.classes();
    int[] rowClass = new int[rows];
    int[] colClass = new int[cols];
    for (int i = 0; i < rows; i++) {
      rowClass[i] = classes > 0 ? (2 * i) % classes : 0;
    }
    for (int j = 0; j < cols; j++) {
      colClass[j] = classes > 0 ? (2 * j + 1) % classes : 0;
    }
    double[][] wr = styles(model, rowClass, random);
    double[][] wc = styles(model, colClass, random);

    // every tile's per-layer styles, then one synthesis call
    int n = rows * cols + rows + cols;
    double[][][] per = new double[layers][n][];
    int at = 0;
    for (int j = 0; j < cols; j++, at++) {
      for (int l = 0; l < layers; l++) {
        per[l][at] = wc[j];
      }
    }
    for (int i = 0; i < rows; i++) {
      for (int l = 0; l < layers; l++) {
        per[l][at] = wr[i];
      }
      at++;
      for (int j = 0; j < cols; j++, at++) {
        for (int l = 0; l < layers; l++) {
          per[l][at] = l >= from && l < to ? wc[j] : wr[i];
        }
      }
    }
    double[][] images = ClassLatent.synthesise(model, name, per);

    // lay out: blank corner, column sources, then each row source followed by its mixes
    float[][] tiles = new float[(rows + 1) * (cols + 1)][];
    List<String> captions = new ArrayList<>();
    tiles[0] = new float[SIDE * SIDE];
    captions.add("");
    for (int j = 0; j < cols; j++) {
      tiles[1 + j] = toFloat(images[j]);
      captions.add(caption(classNames, classes, colClass[j]));
    }
    for (int i = 0; i < rows; i++) {
      int base = cols + i * (cols + 1);
      int tile = (i + 1) * (cols + 1);
      tiles[tile] = toFloat(images[base]);
      captions.add(caption(classNames, classes, rowClass[i]));
      for (int j = 0; j < cols; j++) {
        tiles[tile + 1 + j] = toFloat(images[base + 1 + j]);
        captions.add("");
      }
    }
    String range = to - from == 1 ? "layer " + from : "layers " + from + "–" + (to - 1);
    return ImageGrid.of(tiles, SIDE, SIDE, rows + 1, cols + 1, name + ": " + range
        + " from the top row", captions, 2);
  }

  private static double[][] styles(StyleGan model, int[] classes, Random random) {
    int k = model.config().latent();
    float[][] z = new float[classes.length][k];
    for (float[] row : z) {
      for (int q = 0; q < k; q++) {
        row[q] = (float) random.nextGaussian();
      }
    }
    return StyleGanLatent.toDouble(model.mapping(z, model.classes() > 0 ? classes : null));
  }

  private static String caption(List<String> names, int classes, int y) {
    if (classes == 0) {
      return "";
    }
    return names != null && y < names.size() ? names.get(y) : "class " + y;
  }

  private static float[] toFloat(double[] x) {
    float[] f = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      f[i] = (float) x[i];
    }
    return f;
  }
}
