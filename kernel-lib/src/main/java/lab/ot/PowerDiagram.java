package lab.ot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import lab.data.PointSet;

/**
 * The power diagram of targets y_i (n×d) with heights h_i: cell W_i = {x : ⟨y_i, x⟩ + h_i is
 * the largest}, the cells of the Brenier potential u_h(x) = max_i (⟨y_i, x⟩ + h_i) found by
 * {@link SemiDiscrete}. Gives the transport map x ↦ y_{cell(x)}, Monte Carlo cell measures,
 * AE-OT's generation between neighbouring targets and, in 2-D, rasters for pictures.
 *
 * <p>In a notebook, a solved 2-D diagram draws in two lines:
 * <pre>{@code
 * PowerDiagram pd = SemiDiscrete.diagram(targets, SemiDiscrete.solve(targets, w, opts));
 * Figures.scatter("Power diagram", pd.boundary(-0.5, 0.5, -0.5, 0.5, 400), pd.targetSet());
 * // or the cells as colours:
 * Figures.heatMap("cells", "x", "y", pd.cellRaster(-.5, .5, -.5, .5, 80));
 * }</pre>
 *
 * @param targets the points y, n×d
 * @param heights h, length n
 */
public record PowerDiagram(double[][] targets, double[] heights) {

  /** Checks shapes and finiteness. */
  public PowerDiagram {
    Costs.checkPoints("targets", targets, -1);
    if (heights == null || heights.length != targets.length) {
      throw new IllegalArgumentException("heights have length " + (heights == null ? "null"
          : heights.length) + "; expected " + targets.length + " (one per target)");
    }
    for (int i = 0; i < heights.length; i++) {
      if (!Double.isFinite(heights[i])) {
        throw new IllegalArgumentException("heights[" + i + "] = " + heights[i]
            + "; expected finite");
      }
    }
  }

  /** Number of targets n. */
  public int size() {
    return targets.length;
  }

  /** Dimension d. */
  public int dim() {
    return targets[0].length;
  }

  /** The index of the cell holding x (length d), argmax_i ⟨y_i, x⟩ + h_i (lowest on ties). */
  public int cell(double[] x) {
    checkPoint(x);
    int arg = 0;
    double top = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < targets.length; i++) {
      double s = score(i, x);
      if (s > top) {
        top = s;
        arg = i;
      }
    }
    return arg;
  }

  /** The transport map T(x) = y_{cell(x)} (a new array). */
  public double[] map(double[] x) {
    return targets[cell(x)].clone();
  }

  /**
   * Monte Carlo measures μ(W_i) of the cells from {@code samples} pseudo-random draws of the
   * source (seeded; independent of the Sobol points the solver used).
   */
  public double[] cellMeasures(SemiDiscrete.Source source, int samples, long seed) {
    if (samples < 1) {
      throw new IllegalArgumentException("samples = " + samples + "; expected >= 1");
    }
    SplittableRandom rng = new SplittableRandom(seed);
    int d = dim();
    double[] u = new double[source.sobolDimension(d)];
    double[] x = new double[d];
    long[] counts = new long[size()];
    for (int s = 0; s < samples; s++) {
      draw(rng, source, u, x);
      counts[cell(x)]++;
    }
    double[] mu = new double[size()];
    for (int i = 0; i < mu.length; i++) {
      mu[i] = (double) counts[i] / samples;
    }
    return mu;
  }

  /**
   * New points generated between neighbouring targets (AE-OT, without mode mixture).
   *
   * @param points the generated points, k×d (k = count − rejected)
   * @param first index of the best cell of each generated point's source sample
   * @param second index of the neighbouring cell it was combined with
   * @param t the convex weight: point = (1 − t) y_first + t y_second, t in [0, ½]
   * @param rejected samples on the singular set (no neighbour passed the angle test)
   */
  public record Generation(double[][] points, int[] first, int[] second, double[] t,
      int rejected) {
  }

  /**
   * AE-OT generation: for each of {@code count} seeded source samples x, take its top-k cells
   * by score s_i = ⟨y_i, x⟩ + h_i; the normals (y_i, −1)/‖(y_i, −1)‖ of the best cell and of
   * the highest-ranked other cell whose angle with it is below {@code angle} mark two
   * neighbouring targets, and the new point is (1 − t) y_best + t y_other with
   * t = (s_other − s_k)/((s_best − s_k) + (s_other − s_k)), s_k the k-th score (t = ½ on a tie).
   * A sample with no such cell lies on the singular set and is not interpolated (counted in
   * {@code rejected}).
   *
   * @param count number of source samples
   * @param source the source measure the diagram was solved for
   * @param topK k ≥ 2 (AE-OT's CelebA setting 20; capped at n)
   * @param angle the angle threshold in radians (AE-OT's CelebA setting 0.7)
   * @param seed seed of the source samples
   * @apiNote The weight t is this package's choice (the AE-OT paper leaves it open): samples
   *     near the shared boundary give points near the midpoint, deep ones near y_best.
   */
  public Generation generate(int count, SemiDiscrete.Source source, int topK, double angle,
      long seed) {
    if (count < 1 || topK < 2 || !(angle > 0)) {
      throw new IllegalArgumentException("count = " + count + ", topK = " + topK + ", angle = "
          + angle + "; expected count >= 1, topK >= 2, angle > 0");
    }
    int n = size();
    int d = dim();
    int k = Math.min(topK, n);
    double[] norms = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 1;
      for (double c : targets[i]) {
        s += c * c;
      }
      norms[i] = Math.sqrt(s);
    }
    double cosLimit = Math.cos(angle);
    SplittableRandom rng = new SplittableRandom(seed);
    double[] u = new double[source.sobolDimension(d)];
    double[] x = new double[d];
    double[] scores = new double[n];
    Integer[] order = new Integer[n];
    List<double[]> pts = new ArrayList<>();
    List<int[]> pairs = new ArrayList<>();
    List<Double> ts = new ArrayList<>();
    int rejected = 0;
    for (int c = 0; c < count; c++) {
      draw(rng, source, u, x);
      for (int i = 0; i < n; i++) {
        scores[i] = score(i, x);
        order[i] = i;
      }
      Arrays.sort(order, (p, q) -> Double.compare(scores[q], scores[p]));
      int b = order[0];
      double sk = scores[order[k - 1]];
      int other = -1;
      for (int r = 1; r < k && other < 0; r++) {
        int j = order[r];
        double dot = 1;
        for (int q = 0; q < d; q++) {
          dot += targets[b][q] * targets[j][q];
        }
        if (dot / (norms[b] * norms[j]) > cosLimit) {
          other = j;
        }
      }
      if (other < 0) {
        rejected++;
        continue;
      }
      double wb = scores[b] - sk;
      double wo = scores[other] - sk;
      double t = wb + wo > 0 ? wo / (wb + wo) : 0.5;
      double[] p = new double[d];
      for (int q = 0; q < d; q++) {
        p[q] = (1 - t) * targets[b][q] + t * targets[other][q];
      }
      pts.add(p);
      pairs.add(new int[] {b, other});
      ts.add(t);
    }
    int[] first = new int[pts.size()];
    int[] second = new int[pts.size()];
    double[] tv = new double[pts.size()];
    for (int i = 0; i < first.length; i++) {
      first[i] = pairs.get(i)[0];
      second[i] = pairs.get(i)[1];
      tv[i] = ts.get(i);
    }
    return new Generation(pts.toArray(new double[0][]), first, second, tv, rejected);
  }

  /**
   * The cell index of each pixel centre of a width×height grid over [x0, x1]×[y0, y1]
   * (2-D only); row 0 is y0 (bottom), as {@code lab.plot.Figures.heatMap} draws it.
   */
  public int[][] raster(double x0, double x1, double y0, double y1, int width, int height) {
    if (dim() != 2) {
      throw new IllegalArgumentException("raster needs 2-d targets; these have dimension "
          + dim());
    }
    if (width < 1 || height < 1 || !(x1 > x0) || !(y1 > y0)) {
      throw new IllegalArgumentException("raster grid " + width + "x" + height + " over ["
          + x0 + ", " + x1 + "] x [" + y0 + ", " + y1 + "]; expected sizes >= 1 and x0 < x1, "
          + "y0 < y1");
    }
    int[][] r = new int[height][width];
    double[] p = new double[2];
    for (int row = 0; row < height; row++) {
      p[1] = y0 + (row + 0.5) * (y1 - y0) / height;
      for (int col = 0; col < width; col++) {
        p[0] = x0 + (col + 0.5) * (x1 - x0) / width;
        r[row][col] = cell(p);
      }
    }
    return r;
  }

  /** {@link #raster} as doubles, ready for {@code Figures.heatMap}. */
  public double[][] cellRaster(double x0, double x1, double y0, double y1, int size) {
    int[][] r = raster(x0, x1, y0, y1, size, size);
    double[][] v = new double[size][size];
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < size; j++) {
        v[i][j] = r[i][j];
      }
    }
    return v;
  }

  /**
   * Pixel centres of a size×size raster whose right or upper neighbour lies in another cell:
   * the cell walls as a point set for {@code Figures.scatter}.
   */
  public PointSet boundary(double x0, double x1, double y0, double y1, int size) {
    int[][] r = raster(x0, x1, y0, y1, size, size);
    List<double[]> pts = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < size; j++) {
        boolean wall = (j + 1 < size && r[i][j + 1] != r[i][j])
            || (i + 1 < size && r[i + 1][j] != r[i][j]);
        if (wall) {
          pts.add(new double[] {x0 + (j + 0.5) * (x1 - x0) / size,
              y0 + (i + 0.5) * (y1 - y0) / size});
        }
      }
    }
    return new PointSet(pts.toArray(new double[0][]), "cell walls");
  }

  /** The targets as a point set labelled by index, for plots. */
  public PointSet targetSet() {
    int[] labels = new int[size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i;
    }
    double[][] copy = new double[size()][];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = targets[i].clone();
    }
    return new PointSet(copy, labels, "targets");
  }

  private double score(int i, double[] x) {
    double s = heights[i];
    double[] y = targets[i];
    for (int k = 0; k < y.length; k++) {
      s += y[k] * x[k];
    }
    return s;
  }

  private void checkPoint(double[] x) {
    if (x == null || x.length != dim()) {
      throw new IllegalArgumentException("point has length " + (x == null ? "null" : x.length)
          + "; expected " + dim());
    }
  }

  private static void draw(SplittableRandom rng, SemiDiscrete.Source source, double[] u,
      double[] x) {
    for (int k = 0; k < u.length; k++) {
      u[k] = ((rng.nextLong() >>> 11) + 0.5) * 0x1p-53;
    }
    source.transform(u, x, x.length);
  }
}
