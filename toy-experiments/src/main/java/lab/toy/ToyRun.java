package lab.toy;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lab.data.AtomicFiles;
import lab.data.LabDirs;
import lab.plot.Figures;
import lab.plot.ResultTable;
import org.knowm.xchart.internal.chartpart.Chart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a toy experiment and writes what it returns under {@code results/toy/NAME/}:
 * {@code numbers.json} (key numbers, profile, seconds), {@code table.csv}, {@code table.md},
 * and each figure as PNG and SVG. The folder is written beside the old one and swapped in by
 * renames, so a reader never sees half of a run.
 */
public final class ToyRun {

  private static final Logger LOG = LoggerFactory.getLogger(ToyRun.class);

  private ToyRun() {
  }

  /**
   * What a run wrote.
   *
   * @param result the experiment's result
   * @param folder the folder written
   * @param files the files in it
   * @param seconds wall-clock time of the experiment itself
   */
  public record Written(ToyResult result, Path folder, List<Path> files, double seconds) {
  }

  /**
   * Runs an experiment, writes what it returns under {@code results/toy/NAME/} and returns it:
   * the form a notebook cell uses, {@code var r = ToyRun.runAndWrite(profile, () ->
   * ManifoldView.run(options));}.
   */
  public static <R extends ToyResult> R runAndWrite(Profile profile,
      java.util.function.Supplier<R> experiment) {
    long t0 = System.nanoTime();
    R r = experiment.get();
    double seconds = (System.nanoTime() - t0) / 1e9;
    write(r, profile, seconds, LabDirs.results().resolve("toy"));
    return r;
  }

  /** Runs the named experiment at a profile's sizes and writes it under {@code results/toy}. */
  public static Written run(String name, Profile profile) {
    return run(name, profile, LabDirs.results().resolve("toy"));
  }

  /** Runs the named experiment and writes it under {@code base/NAME}. */
  public static Written run(String name, Profile profile, Path base) {
    ToyCatalog.Entry e = ToyCatalog.get(name);
    long t0 = System.nanoTime();
    ToyResult r = e.run().apply(profile);
    double seconds = (System.nanoTime() - t0) / 1e9;
    LOG.info("toy experiment {} ({} profile) took {} s", name, profile.label(),
        String.format("%.1f", seconds));
    return write(r, profile, seconds, base);
  }

  /** Writes a result under {@code base/NAME}, replacing an earlier run's folder whole. */
  public static Written write(ToyResult r, Profile profile, double seconds, Path base) {
    Path target = base.resolve(r.name()).toAbsolutePath().normalize();
    Path tmp = base.resolve("." + r.name() + ".partial").toAbsolutePath().normalize();
    deleteTree(tmp);

    // numbers, table and figures into the temporary folder
    JsonObject json = new JsonObject();
    json.addProperty("experiment", r.name());
    json.addProperty("profile", profile.label());
    json.addProperty("seconds", Math.round(seconds * 1000) / 1000.0);
    JsonObject numbers = new JsonObject();
    for (Map.Entry<String, Double> n : r.numbers().entrySet()) {
      double v = n.getValue();
      if (Double.isFinite(v)) {
        numbers.addProperty(n.getKey(), v);
      } else {
        numbers.addProperty(n.getKey(), String.valueOf(v));
      }
    }
    json.add("numbers", numbers);
    String text = new GsonBuilder().setPrettyPrinting().create().toJson(json) + "\n";
    AtomicFiles.write(tmp.resolve("numbers.json"), text.getBytes(StandardCharsets.UTF_8));
    ResultTable table = r.table();
    table.writeCsv(tmp.resolve("table.csv"));
    String md = "# Toy experiment " + r.name() + "\n\nProfile " + profile.label() + ", "
        + String.format("%.1f", seconds) + " s.\n\n" + table.markdown() + "\n";
    AtomicFiles.write(tmp.resolve("table.md"), md.getBytes(StandardCharsets.UTF_8));
    for (Map.Entry<String, Chart<?, ?>> f : r.figures().entrySet()) {
      Figures.save(f.getValue(), tmp.resolve(f.getKey()));
    }

    // swap the folder in
    Path old = base.resolve("." + r.name() + ".old").toAbsolutePath().normalize();
    try {
      deleteTree(old);
      if (Files.exists(target)) {
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(old);
      List<Path> files = new ArrayList<>();
      try (Stream<Path> s = Files.list(target)) {
        s.sorted().forEach(files::add);
      }
      return new Written(r, target, List.copyOf(files), seconds);
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot move the results of " + r.name() + " into "
          + target, ex);
    }
  }

  private static void deleteTree(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + p, e);
    }
  }
}
