package lab.plot;

import lab.data.AtomicFiles;
import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import lab.data.FashionMnist;
import lab.data.ImageSet;
import lab.data.PointSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The figures the paper draws, as XChart charts with a title, axis labels and a legend:
 * scatter plots of several named sample sets in 2-D, 3-D scatter plots seen from an azimuth
 * and elevation, line charts of training curves, image grids, heat maps (transport plans,
 * power-diagram cells), and 2-D embeddings coloured by class. Each method returns the chart,
 * so that a notebook can restyle it; {@link #save(Chart, Path)} writes PNG and SVG.
 *
 * <p>Charts are rendered inline in the kernel by {@link LabExtension}.
 */
public final class Figures {

  /** Default chart width in pixels. */
  public static final int WIDTH = 640;
  /** Default chart height in pixels. */
  public static final int HEIGHT = 480;

  /** Default azimuth of 3-D views, degrees. */
  public static final double AZIMUTH = -20;
  /** Default elevation of 3-D views, degrees. */
  public static final double ELEVATION = 55;

  /** Ten well-separated colours (Tableau 10), used in order for series and classes. */
  public static final Color[] PALETTE = {
      new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
      new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
      new Color(0xbcbd22), new Color(0x17becf)};

  private Figures() {
  }

  // ---------------------------------------------------------------- scatter plots

  /**
   * A 2-D scatter plot of several sample sets, one legend entry per set (its name).
   *
   * @param title chart title
   * @param xLabel x-axis label (with units where they apply)
   * @param yLabel y-axis label
   * @param sets point sets of dimension 2
   */
  public static XYChart scatter(String title, String xLabel, String yLabel, PointSet... sets) {
    XYChart chart = xy(title, xLabel, yLabel);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(markerSize(sets));
    for (PointSet s : sets) {
      if (s.dim() != 2) {
        throw new IllegalArgumentException("scatter: set '" + s.name() + "' has dimension "
            + s.dim() + ", expected 2 (use scatter3d, or Embeddings for d > 3)");
      }
      addPoints(chart, uniqueName(chart, s.name()), s.column(0), s.column(1));
    }
    return chart;
  }

  /** {@link #scatter(String, String, String, PointSet...)} with axes labelled x₁ and x₂. */
  public static XYChart scatter(String title, PointSet... sets) {
    return scatter(title, "x₁", "x₂", sets);
  }

  /**
   * A 2-D scatter plot of one labelled set, one colour and legend entry per label.
   *
   * @param classNames legend text per label value, or {@code null} for "class k"
   */
  public static XYChart scatterByLabel(String title, PointSet set, List<String> classNames) {
    if (!set.labelled()) {
      return scatter(title, set);
    }
    List<PointSet> parts = new ArrayList<>();
    for (int label : new TreeSet<>(Arrays.stream(set.labels()).boxed().toList())) {
      String name = classNames != null && label >= 0 && label < classNames.size()
          ? classNames.get(label) : "class " + label;
      parts.add(set.withLabel(label).named(name));
    }
    String[] axes = set.dim() == 2 ? new String[] {"x₁", "x₂"} : new String[] {"", ""};
    return scatter(title, axes[0], axes[1], parts.toArray(new PointSet[0]));
  }

  /**
   * A 3-D scatter plot drawn as an orthographic projection: the view is rotated by
   * {@code azimuth} degrees about the vertical axis x₂ (the swiss roll's height), then tilted by
   * {@code elevation} degrees towards the viewer, and the first two rotated coordinates are
   * plotted.
   *
   * @param sets point sets of dimension 3
   */
  public static XYChart scatter3d(String title, double azimuth, double elevation,
      PointSet... sets) {
    PointSet[] flat = new PointSet[sets.length];
    for (int k = 0; k < sets.length; k++) {
      flat[k] = project3d(sets[k], azimuth, elevation);
    }
    String view = String.format("view: azimuth %.0f°, elevation %.0f°", azimuth, elevation);
    return scatter(title, "horizontal (" + view + ")", "vertical", flat);
  }

  /** 3-D scatter plot from azimuth {@value #AZIMUTH}°, elevation {@value #ELEVATION}°. */
  public static XYChart scatter3d(String title, PointSet... sets) {
    return scatter3d(title, AZIMUTH, ELEVATION, sets);
  }

  /**
   * A 3-D scatter of one labelled set, one colour and legend entry per label ("label k", or
   * the given names), seen from {@code azimuth} and {@code elevation} degrees.
   */
  public static XYChart scatter3dByLabel(String title, PointSet set, double azimuth,
      double elevation, List<String> classNames) {
    XYChart chart = scatterByLabel(title, project3d(set, azimuth, elevation),
        classNames == null ? labelNames(set, "label ") : classNames);
    chart.setXAxisTitle(String.format("horizontal (view: azimuth %.0f°, elevation %.0f°)",
        azimuth, elevation));
    chart.setYAxisTitle("vertical");
    return chart;
  }

  /**
   * A 3-D scatter of one labelled set coloured by label from azimuth {@value #AZIMUTH}°,
   * elevation {@value #ELEVATION}°: for the swiss roll and S-curve, whose labels are
   * segments of the rolled-up parameter, the legend reads "segment k".
   */
  public static XYChart scatter3dByLabel(String title, PointSet set) {
    return scatter3dByLabel(title, set, AZIMUTH, ELEVATION, labelNames(set, "segment "));
  }

  private static List<String> labelNames(PointSet set, String prefix) {
    int max = set.labelled() ? Arrays.stream(set.labels()).max().orElse(-1) : -1;
    List<String> names = new ArrayList<>();
    for (int k = 0; k <= max; k++) {
      names.add(prefix + (k + 1));
    }
    return names;
  }

  /**
   * The orthographic projection used by {@link #scatter3d}: rotate (x₀, x₁, x₂) by the azimuth
   * about x₁ (up), tilt by the elevation, keep (horizontal, vertical). Labels are kept.
   */
  public static PointSet project3d(PointSet set, double azimuth, double elevation) {
    if (set.dim() != 3) {
      throw new IllegalArgumentException("scatter3d: set '" + set.name() + "' has dimension "
          + set.dim() + ", expected 3");
    }
    double a = Math.toRadians(azimuth);
    double e = Math.toRadians(elevation);
    double[][] p = new double[set.size()][2];
    for (int i = 0; i < p.length; i++) {
      double[] x = set.points()[i];
      double h = Math.cos(a) * x[0] + Math.sin(a) * x[2];
      double depth = -Math.sin(a) * x[0] + Math.cos(a) * x[2];
      p[i][0] = h;
      p[i][1] = Math.cos(e) * x[1] + Math.sin(e) * depth;
    }
    return new PointSet(p, set.labels(), set.name());
  }

  // ---------------------------------------------------------------- embeddings

  /** A 2-D embedding coloured by class, legend "class k". */
  public static XYChart embedding(Embeddings.Embedding e, int[] labels) {
    return embedding(e, labels, null);
  }

  /**
   * A 2-D embedding coloured by class, title the method's name.
   *
   * @param labels one label per row, or {@code null}
   * @param classNames legend text per label, or {@code null}
   */
  public static XYChart embedding(Embeddings.Embedding e, int[] labels,
      List<String> classNames) {
    PointSet s = e.toPointSet(labels, e.method());
    String title = e.method() + " of " + e.size() + " points"
        + (e.placed().length > 0 ? " (" + e.placed().length + " laid out apart, right)"
            : "");
    XYChart chart = scatterByLabel(title, s, classNames);
    chart.setXAxisTitle(e.method().split(" ")[0] + " 1");
    chart.setYAxisTitle(e.method().split(" ")[0] + " 2");
    return chart;
  }

  /** A t-SNE picture of images coloured by class (Fashion-MNIST names when 10 classes). */
  public static XYChart embedding(Embeddings.Embedding e, ImageSet images) {
    List<String> names = images.labelled()
        && Arrays.stream(images.labels()).max().orElse(0) < 10
        && images.name().startsWith("Fashion") ? FashionMnist.CLASSES : null;
    return embedding(e, images.labels(), names);
  }

  // ---------------------------------------------------------------- line charts

  /**
   * Line chart of curves against their step index 1..len (training losses, metrics per
   * epoch), one legend entry per curve, in map order.
   */
  public static XYChart lines(String title, String xLabel, String yLabel,
      Map<String, double[]> curves) {
    Map<String, double[]> xs = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> c : curves.entrySet()) {
      double[] x = new double[c.getValue().length];
      for (int i = 0; i < x.length; i++) {
        x[i] = i + 1;
      }
      xs.put(c.getKey(), x);
    }
    return lines(title, xLabel, yLabel, xs, curves);
  }

  /** Line chart of curves y against their own x values, one legend entry per curve. */
  public static XYChart lines(String title, String xLabel, String yLabel,
      Map<String, double[]> x, Map<String, double[]> y) {
    XYChart chart = xy(title, xLabel, yLabel);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    for (Map.Entry<String, double[]> c : y.entrySet()) {
      double[] xv = x.get(c.getKey());
      if (xv == null || xv.length != c.getValue().length) {
        throw new IllegalArgumentException("lines: curve '" + c.getKey() + "' has "
            + c.getValue().length + " values but "
            + (xv == null ? "no" : String.valueOf(xv.length)) + " x values");
      }
      if (xv.length == 0) {
        continue;
      }
      XYSeries s = chart.addSeries(c.getKey(), xv, c.getValue());
      s.setMarker(xv.length > 30 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
      s.setLineWidth(1.8f);
    }
    roundTicks(chart);
    return chart;
  }

  /** One curve. */
  public static XYChart line(String title, String xLabel, String yLabel, String name,
      double[] y) {
    Map<String, double[]> m = new LinkedHashMap<>();
    m.put(name, y);
    return lines(title, xLabel, yLabel, m);
  }

  // ---------------------------------------------------------------- image grids

  /**
   * The first rows·cols images of a set as a grid, titled by the set's name, each captioned by
   * its label (the class name for Fashion-MNIST).
   */
  public static ImageGrid imageGrid(ImageSet set, int rows, int cols) {
    List<String> captions = null;
    if (set.labelled()) {
      captions = new ArrayList<>();
      boolean fashion = set.name().startsWith("Fashion");
      for (int i = 0; i < Math.min(set.size(), rows * cols); i++) {
        int y = set.labels()[i];
        captions.add(fashion && y >= 0 && y < 10 ? FashionMnist.CLASSES.get(y)
            : String.valueOf(y));
      }
    }
    return ImageGrid.of(set.images(), set.height(), set.width(), rows, cols,
        set.name(), captions, 2);
  }

  /** The first rows·cols images as a grid without captions. */
  public static ImageGrid imageGrid(float[][] images, int h, int w, int rows, int cols,
      String title) {
    return ImageGrid.of(images, h, w, rows, cols, title, null, 2);
  }

  // ---------------------------------------------------------------- heat maps

  /**
   * A heat map of an m × n matrix (transport plan P_ij, cell index of a power diagram on a
   * grid): column j along x, row i along y (row 0 at the bottom), value by colour (white →
   * dark blue), with a colour scale as legend.
   *
   * @param values m × n finite values
   */
  public static HeatMapChart heatMap(String title, String xLabel, String yLabel,
      double[][] values) {
    if (values.length == 0 || values[0].length == 0) {
      throw new IllegalArgumentException("heatMap '" + title + "': empty matrix");
    }
    int m = values.length;
    int n = values[0].length;
    List<Integer> xs = new ArrayList<>();
    List<Integer> ys = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      xs.add(j);
    }
    for (int i = 0; i < m; i++) {
      ys.add(i);
    }
    List<Number[]> cells = new ArrayList<>();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < m; i++) {
      if (values[i].length != n) {
        throw new IllegalArgumentException("heatMap '" + title + "': row " + i + " has "
            + values[i].length + " values, expected " + n);
      }
      for (int j = 0; j < n; j++) {
        double v = values[i][j];
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("heatMap '" + title + "': value (" + i + ", " + j
              + ") is " + v + ", expected finite");
        }
        min = Math.min(min, v);
        max = Math.max(max, v);
        cells.add(new Number[] {j, i, v});
      }
    }
    HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    chart.getStyler().setRangeColors(new Color[] {
        Color.WHITE, new Color(0x9ecae1), new Color(0x3182bd), new Color(0x08306b)});
    // the colour scale's ends are printed as they are: round them to 3 digits, 0 when tiny
    double lo = min >= 0 && min < 0.01 * max ? 0 : round3(min, java.math.RoundingMode.FLOOR);
    double hi = round3(max, java.math.RoundingMode.CEILING);
    chart.getStyler().setMin(lo);
    chart.getStyler().setMax(hi <= lo ? lo + 1 : hi);
    chart.getStyler().setShowValue(m * n <= 64);
    chart.getStyler().setHeatMapDecimalValueFormatter(Figures::shortNumber);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotContentSize(1.0);
    boolean dense = Math.max(m, n) > 20;
    chart.getStyler().setXAxisTicksVisible(!dense);
    chart.getStyler().setYAxisTicksVisible(!dense);
    chart.getStyler().setDrawBorder(!dense);
    chart.addSeries("value", xs, ys, cells);
    return chart;
  }

  // ---------------------------------------------------------------- output

  /** PNG bytes of a chart at its own size. */
  public static byte[] png(Chart<?, ?> chart) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode chart '" + chart.getTitle() + "'", e);
    }
  }

  /**
   * An SVG document of a chart at its own size, drawn through VectorGraphics2D (the encoder
   * XChart's {@code VectorGraphicsEncoder} uses).
   */
  public static String svg(Chart<?, ?> chart) {
    try {
      VectorGraphics2D g = new VectorGraphics2D();
      chart.paint(g, chart.getWidth(), chart.getHeight());
      Document doc = Processors.get("svg").getDocument(g.getCommands(),
          new PageSize(0.0, 0.0, chart.getWidth(), chart.getHeight()));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.writeTo(out);
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode chart '" + chart.getTitle() + "'", e);
    }
  }

  /** Writes the chart's PNG atomically; returns the absolute path. */
  public static Path savePng(Chart<?, ?> chart, Path file) {
    return AtomicFiles.write(file, png(chart));
  }

  /** Writes the chart's SVG atomically; returns the absolute path. */
  public static Path saveSvg(Chart<?, ?> chart, Path file) {
    return AtomicFiles.write(file, svg(chart).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes {@code base.png} and {@code base.svg} (base is a path without extension, e.g.
   * {@code results/fig1}); returns both paths.
   */
  public static List<Path> save(Chart<?, ?> chart, Path base) {
    return List.of(savePng(chart, withExtension(base, ".png")),
        saveSvg(chart, withExtension(base, ".svg")));
  }

  /** Writes {@code base.png} and {@code base.svg} of an image grid; returns both paths. */
  public static List<Path> save(ImageGrid grid, Path base) {
    return List.of(grid.savePng(withExtension(base, ".png")),
        grid.saveSvg(withExtension(base, ".svg")));
  }

  // ---------------------------------------------------------------- helpers

  /** A number in at most 3 significant digits ("0.125", "1.2e-05"), for legends and cells. */
  static String shortNumber(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return v == 0 ? "0" : String.valueOf(v);
    }
    double a = Math.abs(v);
    if (a >= 1e-3 && a < 1e5) {
      return new java.math.BigDecimal(v).round(new java.math.MathContext(3))
          .stripTrailingZeros().toPlainString();
    }
    return String.format(java.util.Locale.ROOT, "%.2e", v);
  }

  private static double round3(double v, java.math.RoundingMode mode) {
    if (v == 0) {
      return 0;
    }
    return new java.math.BigDecimal(v).round(new java.math.MathContext(3, mode)).doubleValue();
  }

  private static Path withExtension(Path base, String ext) {
    String name = base.getFileName().toString();
    return name.endsWith(ext) ? base : base.resolveSibling(name + ext);
  }

  /**
   * XChart puts x ticks on data values when the x values of all series are equally spaced
   * (ticks 1, 14, 27, ... for 200 steps). One hidden point half a step off the grid, outside
   * the legend, gives the usual round ticks (0, 50, 100, ...).
   */
  private static void roundTicks(XYChart chart) {
    TreeSet<Double> xs = new TreeSet<>();
    double y0 = Double.NaN;
    for (XYSeries s : chart.getSeriesCollection()) {
      for (double v : s.getXData()) {
        xs.add(v);
      }
      if (Double.isNaN(y0) && s.getYData().length > 0) {
        y0 = s.getYData()[0];
      }
    }
    if (xs.size() < 12 || Double.isNaN(y0)) {
      return;
    }
    double first = xs.first();
    double step = (xs.last() - first) / (xs.size() - 1);
    XYSeries hidden = chart.addSeries(" ", new double[] {first + step / 2}, new double[] {y0});
    hidden.setMarker(SeriesMarkers.NONE);
    hidden.setLineStyle(new BasicStroke(0f));
    hidden.setLineColor(new Color(0, 0, 0, 0));
    hidden.setShowInLegend(false);
  }

  private static XYChart xy(String title, String xLabel, String yLabel) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    Styler s = chart.getStyler();
    s.setSeriesColors(PALETTE);
    s.setChartBackgroundColor(Color.WHITE);
    s.setLegendPosition(Styler.LegendPosition.OutsideE);
    s.setLegendVisible(true);
    s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    chart.getStyler().setPlotGridLinesColor(new Color(0xe0e0e0));
    chart.getStyler().setPlotGridLinesStroke(new BasicStroke(0.6f));
    chart.getStyler().setPlotBorderColor(Color.GRAY);
    return chart;
  }

  private static void addPoints(XYChart chart, String name, double[] x, double[] y) {
    if (x.length == 0) {
      x = new double[] {Double.NaN};
      y = new double[] {Double.NaN};
    }
    XYSeries s = chart.addSeries(name, x, y);
    s.setMarker(SeriesMarkers.CIRCLE);
  }

  private static String uniqueName(XYChart chart, String name) {
    String n = name == null || name.isBlank() ? "set" : name;
    String out = n;
    for (int k = 2; chart.getSeries(out) != null; k++) {
      out = n + " (" + k + ")";
    }
    return out;
  }

  private static int markerSize(PointSet[] sets) {
    int n = Arrays.stream(sets).mapToInt(PointSet::size).sum();
    return n > 5000 ? 2 : n > 1000 ? 3 : n > 200 ? 5 : 7;
  }
}
