package lab.data;

import java.util.Arrays;

/**
 * A finite sample of points in R^d with an optional integer label per point: the unit the toy
 * experiments exchange (samples of a toy distribution, generated samples, latent codes).
 *
 * <p>Shapes: {@code points} is n × d, every row of the same length d ≥ 1; {@code labels} has
 * length n (the mixture component, mode or segment each point was drawn from) or is
 * {@code null}. Arrays are not copied; callers must not modify them after construction.
 *
 * @param points n × d coordinates
 * @param labels n labels (component or mode id per point), or {@code null}
 * @param name what the points are, shown in figures and tables
 */
public record PointSet(double[][] points, int[] labels, String name) {

  /** Checks that the points form a finite n × d array and that labels match n. */
  public PointSet {
    if (points == null) {
      throw new IllegalArgumentException("PointSet '" + name + "': points is null");
    }
    int d = points.length == 0 ? 0 : points[0] == null ? -1 : points[0].length;
    for (int i = 0; i < points.length; i++) {
      if (points[i] == null || points[i].length != d || d < 1) {
        throw new IllegalArgumentException(
            "PointSet '" + name + "': row " + i + " has "
                + (points[i] == null ? "no" : String.valueOf(points[i].length))
                + " coordinates, expected the same d ≥ 1 as row 0 (" + d + ")");
      }
      for (int j = 0; j < d; j++) {
        if (!Double.isFinite(points[i][j])) {
          throw new IllegalArgumentException(
              "PointSet '" + name + "': point " + i + " coordinate " + j + " is "
                  + points[i][j] + ", expected a finite value");
        }
      }
    }
    if (labels != null && labels.length != points.length) {
      throw new IllegalArgumentException(
          "PointSet '" + name + "': " + points.length + " points but " + labels.length
              + " labels");
    }
  }

  /** Unlabelled points. */
  public PointSet(double[][] points, String name) {
    this(points, null, name);
  }

  /** Number of points n. */
  public int size() {
    return points.length;
  }

  /** Dimension d of the ambient space (0 for an empty set). */
  public int dim() {
    return points.length == 0 ? 0 : points[0].length;
  }

  /** Whether every point has a label. */
  public boolean labelled() {
    return labels != null;
  }

  /** Coordinate j of every point, a new array of length n. */
  public double[] column(int j) {
    if (j < 0 || j >= dim()) {
      throw new IndexOutOfBoundsException(
          "PointSet '" + name + "': coordinate " + j + " outside 0.." + (dim() - 1));
    }
    double[] c = new double[points.length];
    for (int i = 0; i < points.length; i++) {
      c[i] = points[i][j];
    }
    return c;
  }

  /** The points at the given indices, in that order, under a new name (rows are shared). */
  public PointSet subset(int[] indices, String newName) {
    double[][] x = new double[indices.length][];
    int[] y = labels == null ? null : new int[indices.length];
    for (int k = 0; k < indices.length; k++) {
      int i = indices[k];
      if (i < 0 || i >= points.length) {
        throw new IndexOutOfBoundsException(
            "PointSet '" + name + "': index " + i + " outside 0.." + (points.length - 1));
      }
      x[k] = points[i];
      if (y != null) {
        y[k] = labels[i];
      }
    }
    return new PointSet(x, y, newName);
  }

  /** The points whose label equals {@code label}, under the name "name[label]". */
  public PointSet withLabel(int label) {
    if (labels == null) {
      throw new IllegalStateException("PointSet '" + name + "' has no labels");
    }
    int[] idx = java.util.stream.IntStream.range(0, labels.length)
        .filter(i -> labels[i] == label).toArray();
    return subset(idx, name + "[" + label + "]");
  }

  /** The same points and labels under another name. */
  public PointSet named(String newName) {
    return new PointSet(points, labels, newName);
  }

  /** The points as floats, n × d (a copy), for networks that train in single precision. */
  public float[][] toFloat() {
    float[][] f = new float[points.length][dim()];
    for (int i = 0; i < points.length; i++) {
      for (int j = 0; j < f[i].length; j++) {
        f[i][j] = (float) points[i][j];
      }
    }
    return f;
  }

  @Override
  public String toString() {
    return "PointSet[" + name + ", " + points.length + " × " + dim()
        + (labels == null ? ", unlabelled" : ", labels " + Arrays.stream(labels).distinct().count()
            + " distinct") + "]";
  }
}
