package lab.toy;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Command line: {@code ./lab toy} lists the experiments, {@code ./lab toy NAME [PROFILE]} runs
 * one (or {@code all}) and writes its figures and numbers under {@code results/toy/NAME/}.
 * The profile is the second argument, else {@code LAB_PROFILE}, else {@code default}.
 */
public final class ToyMain {

  private ToyMain() {
  }

  /** Entry point; exits with status 2 on a bad argument. */
  public static void main(String[] args) {
    try {
      run(args, System.out);
    } catch (IllegalArgumentException e) {
      System.err.println("lab toy: " + e.getMessage());
      System.exit(2);
    }
  }

  /** Lists or runs, printing to {@code out}. */
  static void run(String[] args, PrintStream out) {
    if (args.length == 0) {
      out.println("toy experiments (./lab toy NAME [small|default|paper], or ./lab toy all):");
      for (ToyCatalog.Entry e : ToyCatalog.all()) {
        out.printf("  %-14s %s%n", e.name(), e.description());
      }
      return;
    }
    if (args.length > 2) {
      throw new IllegalArgumentException(
          "expected NAME [PROFILE], got " + args.length + " arguments");
    }
    Profile profile = args.length == 2 ? Profile.parse(args[1]) : Profile.fromEnvironment();
    if (args[0].equals("all")) {
      for (ToyCatalog.Entry e : ToyCatalog.all()) {
        report(ToyRun.run(e.name(), profile), out);
      }
    } else {
      report(ToyRun.run(args[0], profile), out);
    }
  }

  private static void report(ToyRun.Written w, PrintStream out) {
    Path root = Path.of("").toAbsolutePath();
    Path shown = w.folder().startsWith(root) ? root.relativize(w.folder()) : w.folder();
    out.printf("%s: %.1f s, %d files in %s%n", w.result().name(), w.seconds(), w.files().size(),
        shown);
    w.result().numbers().forEach((k, v) -> out.printf("  %-36s %.6g%n", k, v));
  }
}
