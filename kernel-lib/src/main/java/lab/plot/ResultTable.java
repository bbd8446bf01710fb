package lab.plot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A results table built row by row: one or more key columns (method, data set, n per class)
 * then metric columns whose headers carry ↑ or ↓. Rendered inline as HTML by
 * {@link LabExtension}; written as CSV and Markdown by {@link #writeCsv(Path)} and
 * {@link #writeMarkdown(Path)}.
 *
 * <pre>{@code
 * ResultTable t = ResultTable.of("Toy results", "method",
 *     Tables.Metric.lower("W2"), Tables.Metric.higher("coverage"));
 * t.row("GAN", 0.31, 0.72).row("AE-OT", 0.12, 0.98);
 * }</pre>
 */
public final class ResultTable {

  private final String title;
  private final List<String> keys;
  private final List<Tables.Metric> metrics;
  private final Table table;

  private ResultTable(String title, List<String> keys, List<Tables.Metric> metrics) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("result table '" + title + "' needs a key column");
    }
    Set<String> seen = new HashSet<>();
    List<String> all = new ArrayList<>(keys);
    all.addAll(Tables.headers(metrics));
    for (String h : all) {
      if (!seen.add(h)) {
        throw new IllegalArgumentException(
            "result table '" + title + "': column '" + h + "' appears twice");
      }
    }
    this.title = title;
    this.keys = List.copyOf(keys);
    this.metrics = List.copyOf(metrics);
    this.table = Table.create(title);
    for (String k : keys) {
      table.addColumns(StringColumn.create(k));
    }
    for (Tables.Metric m : metrics) {
      table.addColumns(DoubleColumn.create(m.header()));
    }
  }

  /** A table with one key column. */
  public static ResultTable of(String title, String key, Tables.Metric... metrics) {
    return new ResultTable(title, List.of(key), List.of(metrics));
  }

  /** A table with several key columns. */
  public static ResultTable of(String title, List<String> keys, List<Tables.Metric> metrics) {
    return new ResultTable(title, keys, metrics);
  }

  /** Appends a row; one value per metric, NaN for "not measured". */
  public ResultTable row(String key, double... values) {
    return row(List.of(key), values);
  }

  /** Appends a row with one key per key column and one value per metric. */
  public ResultTable row(List<String> keyValues, double... values) {
    if (keyValues.size() != keys.size()) {
      throw new IllegalArgumentException("result table '" + title + "': row has "
          + keyValues.size() + " keys, expected " + keys.size() + " " + keys);
    }
    if (values.length != metrics.size()) {
      throw new IllegalArgumentException("result table '" + title + "': row " + keyValues
          + " has " + values.length + " values, expected " + metrics.size() + " "
          + Tables.headers(metrics));
    }
    for (int k = 0; k < keys.size(); k++) {
      table.stringColumn(k).append(keyValues.get(k));
    }
    for (int m = 0; m < metrics.size(); m++) {
      table.doubleColumn(keys.size() + m).append(values[m]);
    }
    return this;
  }

  /** The Tablesaw table (shared, not a copy); metric headers end in ↑ or ↓. */
  public Table table() {
    return table;
  }

  /** The title. */
  public String title() {
    return title;
  }

  /** The metric columns. */
  public List<Tables.Metric> metrics() {
    return metrics;
  }

  /** Number of rows. */
  public int rowCount() {
    return table.rowCount();
  }

  /** The value of {@code metric} in row {@code row}. */
  public double value(int row, String metric) {
    for (int m = 0; m < metrics.size(); m++) {
      if (metrics.get(m).name().equals(metric)) {
        return table.doubleColumn(keys.size() + m).getDouble(row);
      }
    }
    throw new IllegalArgumentException("result table '" + title + "' has no metric '" + metric
        + "'; metrics are " + Tables.headers(metrics));
  }

  /** HTML for the notebook. */
  public String html() {
    return Tables.html(table);
  }

  /** Markdown for the README. */
  public String markdown() {
    return Tables.markdown(table);
  }

  /** CSV at full precision. */
  public String csv() {
    return Tables.csv(table);
  }

  /** Writes the CSV atomically; returns the absolute path. */
  public Path writeCsv(Path file) {
    return Tables.writeCsv(table, file);
  }

  /** Writes the Markdown atomically; returns the absolute path. */
  public Path writeMarkdown(Path file) {
    return Tables.writeMarkdown(table, file);
  }

  /** Writes the HTML atomically; returns the absolute path. */
  public Path writeHtml(Path file) {
    return Tables.writeHtml(table, file);
  }

  @Override
  public String toString() {
    return markdown();
  }
}
