package lab.plot;

import lab.data.AtomicFiles;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Result tables: a Tablesaw {@link Table} whose metric columns say in their header whether
 * higher (↑) or lower (↓) is better, written as HTML (the notebook), Markdown (the README) and
 * CSV (full precision, for other tools). {@link ResultTable} builds such a table row by row.
 *
 * <p>HTML and Markdown show numbers to 4 significant digits and mark the best value of each
 * ↑/↓ column in bold; CSV keeps every digit ({@link Double#toString(double)}). Files are
 * written to a temporary file and renamed, so a reader never sees half a table.
 */
public final class Tables {

  private Tables() {
  }

  /** Which way a metric improves. */
  public enum Better {
    /** Larger values are better (accuracy, coverage). */
    HIGHER("↑"),
    /** Smaller values are better (FID, W2, error). */
    LOWER("↓");

    private final String arrow;

    Better(String arrow) {
      this.arrow = arrow;
    }

    /** "↑" or "↓". */
    public String arrow() {
      return arrow;
    }
  }

  /**
   * A metric column.
   *
   * @param name what is measured ("FID", "accuracy")
   * @param better which way it improves
   * @param unit unit shown in the header ("%", "s"), or empty
   */
  public record Metric(String name, Better better, String unit) {

    /** Checks that name and direction are given. */
    public Metric {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("metric name is empty");
      }
      if (better == null) {
        throw new IllegalArgumentException(
            "metric '" + name + "': better is null, expected HIGHER or LOWER");
      }
      unit = unit == null ? "" : unit;
    }

    /** A unitless metric where higher is better. */
    public static Metric higher(String name) {
      return new Metric(name, Better.HIGHER, "");
    }

    /** A unitless metric where lower is better. */
    public static Metric lower(String name) {
      return new Metric(name, Better.LOWER, "");
    }

    /** The column header: "name (unit) ↑". */
    public String header() {
      return name + (unit.isEmpty() ? "" : " (" + unit + ")") + " " + better.arrow();
    }
  }

  /** The direction a column header announces by its final arrow, or {@code null}. */
  public static Better direction(String header) {
    String h = header.strip();
    if (h.endsWith(Better.HIGHER.arrow())) {
      return Better.HIGHER;
    }
    if (h.endsWith(Better.LOWER.arrow())) {
      return Better.LOWER;
    }
    return null;
  }

  /** An HTML table with caption (the table's name) and the best ↑/↓ values in bold. */
  public static String html(Table t) {
    StringBuilder sb = new StringBuilder("<table class=\"lab-table\">\n");
    if (t.name() != null && !t.name().isBlank()) {
      sb.append("<caption>").append(escape(t.name())).append("</caption>\n");
    }
    sb.append("<thead><tr>");
    for (String c : t.columnNames()) {
      sb.append("<th>").append(escape(c)).append("</th>");
    }
    sb.append("</tr></thead>\n<tbody>\n");
    int[] best = bestRows(t);
    for (int r = 0; r < t.rowCount(); r++) {
      sb.append("<tr>");
      for (int c = 0; c < t.columnCount(); c++) {
        Column<?> col = t.column(c);
        boolean num = col instanceof NumericColumn;
        sb.append(num ? "<td style=\"text-align:right\">" : "<td>");
        String v = escape(cell(col, r));
        sb.append(best[c] == r ? "<b>" + v + "</b>" : v).append("</td>");
      }
      sb.append("</tr>\n");
    }
    return sb.append("</tbody>\n</table>\n").toString();
  }

  /** A GitHub-flavoured Markdown table, preceded by the table's name in bold. */
  public static String markdown(Table t) {
    StringBuilder sb = new StringBuilder();
    if (t.name() != null && !t.name().isBlank()) {
      sb.append("**").append(t.name()).append("**\n\n");
    }
    sb.append("|");
    for (String c : t.columnNames()) {
      sb.append(' ').append(mdEscape(c)).append(" |");
    }
    sb.append("\n|");
    for (int c = 0; c < t.columnCount(); c++) {
      sb.append(t.column(c) instanceof NumericColumn ? "---:|" : "---|");
    }
    sb.append('\n');
    int[] best = bestRows(t);
    for (int r = 0; r < t.rowCount(); r++) {
      sb.append("|");
      for (int c = 0; c < t.columnCount(); c++) {
        String v = mdEscape(cell(t.column(c), r));
        sb.append(' ').append(best[c] == r ? "**" + v + "**" : v).append(" |");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** CSV (RFC 4180): header row, then rows; numbers at full precision, NaN as "NaN". */
  public static String csv(Table t) {
    StringBuilder sb = new StringBuilder();
    List<String> names = t.columnNames();
    for (int c = 0; c < names.size(); c++) {
      sb.append(c == 0 ? "" : ",").append(csvField(names.get(c)));
    }
    sb.append("\r\n");
    for (int r = 0; r < t.rowCount(); r++) {
      for (int c = 0; c < t.columnCount(); c++) {
        Column<?> col = t.column(c);
        String v;
        if (col instanceof NumericColumn<?> n) {
          double d = n.getDouble(r);
          v = col.type() == ColumnType.DOUBLE ? Double.toString(d) : col.getString(r);
        } else {
          v = col.getString(r);
        }
        sb.append(c == 0 ? "" : ",").append(csvField(v));
      }
      sb.append("\r\n");
    }
    return sb.toString();
  }

  /** Writes {@link #csv(Table)} atomically (UTF-8); returns the absolute path. */
  public static Path writeCsv(Table t, Path file) {
    return AtomicFiles.write(file, csv(t).getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@link #markdown(Table)} atomically (UTF-8); returns the absolute path. */
  public static Path writeMarkdown(Table t, Path file) {
    return AtomicFiles.write(file, markdown(t).getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@link #html(Table)} atomically (UTF-8); returns the absolute path. */
  public static Path writeHtml(Table t, Path file) {
    return AtomicFiles.write(file, html(t).getBytes(StandardCharsets.UTF_8));
  }

  /** A number to 4 significant digits; NaN as "–". */
  public static String format(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    if (Double.isInfinite(v) || v == 0) {
      return v == 0 ? "0" : (v > 0 ? "∞" : "−∞");
    }
    double a = Math.abs(v);
    if (a >= 1e-3 && a < 1e6) {
      return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
    return String.format(Locale.ROOT, "%.3e", v);
  }

  /** For each column, the row of the best value when the header has an arrow, else −1. */
  static int[] bestRows(Table t) {
    int[] best = new int[t.columnCount()];
    for (int c = 0; c < best.length; c++) {
      best[c] = -1;
      Column<?> col = t.column(c);
      Better b = direction(col.name());
      if (b == null || !(col instanceof NumericColumn<?> n) || t.rowCount() < 2) {
        continue;
      }
      double bestV = Double.NaN;
      for (int r = 0; r < t.rowCount(); r++) {
        double v = n.getDouble(r);
        if (Double.isNaN(v)) {
          continue;
        }
        if (Double.isNaN(bestV) || (b == Better.HIGHER ? v > bestV : v < bestV)) {
          bestV = v;
          best[c] = r;
        }
      }
    }
    return best;
  }

  private static String cell(Column<?> col, int r) {
    if (col instanceof NumericColumn<?> n && col.type() == ColumnType.DOUBLE) {
      return format(n.getDouble(r));
    }
    return col.getString(r);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String mdEscape(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }

  private static String csvField(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  /** The metric headers, in order. */
  static List<String> headers(List<Metric> metrics) {
    List<String> h = new ArrayList<>();
    for (Metric m : metrics) {
      h.add(m.header());
    }
    return h;
  }
}
