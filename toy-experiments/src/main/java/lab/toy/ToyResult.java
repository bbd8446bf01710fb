package lab.toy;

import java.util.Map;
import lab.plot.ResultTable;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * What every toy experiment returns: its key numbers by name, a table of its measurements
 * (metric columns marked ↑/↓) and its figures by file name. {@link ToyRun#write} saves all
 * three under {@code results/toy/NAME/}; a notebook shows them inline.
 */
public interface ToyResult {

  /** The experiment's name, as in {@code ./lab toy NAME}. */
  String name();

  /** The key numbers, in a stable order, by a name that says what and in which unit. */
  Map<String, Double> numbers();

  /** The measurements as a table. */
  ResultTable table();

  /** The figures, by file name without extension, in the order a reader should see them. */
  Map<String, Chart<?, ?>> figures();
}
