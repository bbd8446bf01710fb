package lab.gan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.data.PointSet;
import lab.plot.Figures;
import lab.plot.ImageGrid;
import org.knowm.xchart.XYChart;

/** Figures of a generative model: loss curves, sample grids (images) and sample point sets. */
public final class GanFigures {

  private GanFigures() {
  }

  /**
   * The training losses against the step, each smoothed by a trailing moving average.
   *
   * @param model a model with at least one step done
   * @param window moving-average window in steps, ≥ 1
   */
  public static XYChart lossCurves(TrainableModel model, int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window is " + window + ", expected at least 1");
    }
    List<float[]> h = model.history();
    if (h.isEmpty()) {
      throw new IllegalArgumentException(model.kind() + " has no training steps to plot");
    }
    Map<String, double[]> curves = new LinkedHashMap<>();
    for (int k = 0; k < model.lossNames().size(); k++) {
      double[] y = new double[h.size()];
      double sum = 0;
      for (int i = 0; i < h.size(); i++) {
        sum += h.get(i)[k];
        if (i >= window) {
          sum -= h.get(i - window)[k];
        }
        y[i] = sum / Math.min(i + 1, window);
      }
      curves.put(model.lossNames().get(k), y);
    }
    return Figures.lines(model.kind() + ": training losses (moving average of " + window
        + " steps)", "step", "loss", curves);
  }

  /**
   * A rows × cols grid of generated 28 × 28 images; for a conditional model row r shows class
   * r mod classes.
   */
  public static ImageGrid sampleGrid(GenerativeModel model, int rows, int cols, long seed) {
    if (model.dim() != 784) {
      throw new IllegalArgumentException(model.kind() + " makes " + model.dim()
          + "-d points, not 28 × 28 images; use samplePoints");
    }
    int[] labels = null;
    if (model.classes() > 0) {
      labels = new int[rows * cols];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = (i / cols) % model.classes();
      }
    }
    float[][] s = model.sample(rows * cols, labels, seed);
    return Figures.imageGrid(s, 28, 28, rows, cols, model.kind() + " samples, step "
        + model.step());
  }

  /** n generated points as a point set (labelled by class for a conditional model). */
  public static PointSet samplePoints(GenerativeModel model, int n, long seed) {
    int[] labels = null;
    if (model.classes() > 0) {
      labels = new int[n];
      for (int i = 0; i < n; i++) {
        labels[i] = i % model.classes();
      }
    }
    float[][] s = model.sample(n, labels, seed);
    double[][] p = new double[n][];
    for (int i = 0; i < n; i++) {
      p[i] = new double[s[i].length];
      for (int j = 0; j < s[i].length; j++) {
        p[i][j] = s[i][j];
      }
    }
    return new PointSet(p, labels, model.kind() + " samples");
  }
}
