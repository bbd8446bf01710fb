package lab.latent;

import java.util.Arrays;
import java.util.List;

/**
 * Three attributes of a grey image that any generator of the image can be asked to change, read
 * off the pixels without a classifier: for pixel intensities x_p ∈ [0, 1] at row r_p and column
 * c_p of an h × w image, with mass m = Σ_p x_p,
 * <pre>
 *   ink    = m / (h·w)                                   (mean intensity)
 *   width  = ( Σ_p x_p (c_p − c̄)² / m )^½,  c̄ = Σ_p x_p c_p / m     (pixels)
 *   height = ( Σ_p x_p (r_p − r̄)² / m )^½,  r̄ = Σ_p x_p r_p / m     (pixels)
 * </pre>
 * (width and height are the intensity-weighted spreads of the columns and rows; 0 for an empty
 * image). As {@link Attributes} the scores are standardised, a(x) ↦ (a(x) − centre) / scale,
 * so that "present" (score &gt; 0) means "above the centre" and one unit is one scale;
 * {@link #centredOn} takes the median and the standard deviation of a set of samples (e.g. a
 * generator's own samples, so that each space is split at its own median).
 *
 * @param height h
 * @param width w
 * @param centres per attribute, subtracted
 * @param scales per attribute, &gt; 0, divided by
 */
public record ImageAttributes(int height, int width, double[] centres, double[] scales)
    implements Attributes {

  /** The attribute names, in score order. */
  public static final List<String> NAMES = List.of("ink", "width", "height");

  /** Checks the shape and the standardisation. */
  public ImageAttributes {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("image attributes: image is " + height + " × "
          + width + "; expected both ≥ 1");
    }
    if (centres == null || scales == null || centres.length != NAMES.size()
        || scales.length != NAMES.size()) {
      throw new IllegalArgumentException("image attributes: " + NAMES.size() + " centres and "
          + "scales expected (" + NAMES + "), got " + (centres == null ? "null" : centres.length)
          + " and " + (scales == null ? "null" : scales.length));
    }
    for (int a = 0; a < NAMES.size(); a++) {
      if (!Double.isFinite(centres[a]) || !(scales[a] > 0) || Double.isInfinite(scales[a])) {
        throw new IllegalArgumentException("image attribute '" + NAMES.get(a) + "': centre "
            + centres[a] + ", scale " + scales[a] + "; expected a finite centre and a finite"
            + " scale > 0");
      }
    }
    centres = centres.clone();
    scales = scales.clone();
  }

  /** The raw attributes of h × w images (centre 0, scale 1). */
  public static ImageAttributes of(int height, int width) {
    return new ImageAttributes(height, width, new double[NAMES.size()],
        new double[] {1, 1, 1});
  }

  /** The index of an attribute by name. */
  public static int index(String attribute) {
    int a = NAMES.indexOf(attribute);
    if (a < 0) {
      throw new IllegalArgumentException("image attribute is '" + attribute + "'; expected one"
          + " of " + NAMES);
    }
    return a;
  }

  @Override
  public List<String> names() {
    return NAMES;
  }

  /**
   * The raw attributes (ink, width, height) of n images.
   *
   * @param samples n × (h·w) pixel rows (not modified)
   * @return n × 3
   */
  public double[][] values(double[][] samples) {
    int p = Points.check("images", samples);
    if (p != height * width) {
      throw new IllegalArgumentException("images have " + p + " pixels; expected " + height
          + " × " + width + " = " + height * width);
    }
    double[][] v = new double[samples.length][NAMES.size()];
    for (int i = 0; i < samples.length; i++) {
      double[] x = samples[i];

      // mass and centre of mass
      double mass = 0;
      double rowMean = 0;
      double colMean = 0;
      for (int r = 0; r < height; r++) {
        for (int c = 0; c < width; c++) {
          double px = x[r * width + c];
          mass += px;
          rowMean += px * r;
          colMean += px * c;
        }
      }
      v[i][0] = mass / p;
      if (!(mass > 0)) {
        continue;
      }
      rowMean /= mass;
      colMean /= mass;

      // spreads around it
      double rowVar = 0;
      double colVar = 0;
      for (int r = 0; r < height; r++) {
        for (int c = 0; c < width; c++) {
          double px = x[r * width + c];
          rowVar += px * (r - rowMean) * (r - rowMean);
          colVar += px * (c - colMean) * (c - colMean);
        }
      }
      v[i][1] = Math.sqrt(Math.max(colVar, 0) / mass);
      v[i][2] = Math.sqrt(Math.max(rowVar, 0) / mass);
    }
    return v;
  }

  /** Standardised scores (value − centre) / scale, n × 3. */
  @Override
  public double[][] scores(double[][] samples) {
    double[][] v = values(samples);
    for (double[] row : v) {
      for (int a = 0; a < row.length; a++) {
        row[a] = (row[a] - centres[a]) / scales[a];
      }
    }
    return v;
  }

  /**
   * The same attributes centred on the median and scaled by the standard deviation of the raw
   * values of {@code samples}.
   *
   * @param samples at least 2 images whose attributes vary
   * @throws IllegalArgumentException when an attribute is constant over the samples
   */
  public ImageAttributes centredOn(double[][] samples) {
    double[][] v = values(samples);
    if (v.length < 2) {
      throw new IllegalArgumentException("centring image attributes needs at least 2 samples;"
          + " got " + v.length);
    }
    double[] c = new double[NAMES.size()];
    double[] s = new double[NAMES.size()];
    for (int a = 0; a < c.length; a++) {
      double[] col = new double[v.length];
      double mean = 0;
      for (int i = 0; i < v.length; i++) {
        col[i] = v[i][a];
        mean += col[i] / v.length;
      }
      double var = 0;
      for (double x : col) {
        var += (x - mean) * (x - mean) / (v.length - 1);
      }
      Arrays.sort(col);
      c[a] = col.length % 2 == 1 ? col[col.length / 2]
          : 0.5 * (col[col.length / 2 - 1] + col[col.length / 2]);
      s[a] = Math.sqrt(var);
      if (!(s[a] > 0)) {
        throw new IllegalArgumentException("image attribute '" + NAMES.get(a) + "' is "
            + col[0] + " for all " + v.length + " samples; expected samples that differ in it");
      }
    }
    return new ImageAttributes(height, width, c, s);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageAttributes a && a.height == height && a.width == width
        && Arrays.equals(a.centres, centres) && Arrays.equals(a.scales, scales);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * height + width) + 17 * Arrays.hashCode(centres) + Arrays.hashCode(scales);
  }

  @Override
  public String toString() {
    return "ImageAttributes[" + height + " × " + width + ", centres " + Arrays.toString(centres)
        + ", scales " + Arrays.toString(scales) + "]";
  }

  /** The centres (a copy). */
  @Override
  public double[] centres() {
    return centres.clone();
  }

  /** The scales (a copy). */
  @Override
  public double[] scales() {
    return scales.clone();
  }
}
