package lab.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.magic.CellMagic;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.magic.UndefinedMagicException;
import org.dflib.jjava.jupyter.kernel.util.PathsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IJava's magics, registered in the protocol library's {@link MagicsRegistry}:
 *
 * <table>
 *   <caption>Magics</caption>
 *   <tr><th>magic</th><th>does</th></tr>
 *   <tr><td>{@code %jars a.jar lib/*.jar}</td><td>adds jars (globs allowed)</td></tr>
 *   <tr><td>{@code %classpath dir-or-jar ...}</td><td>adds class folders or jars (globs)</td></tr>
 *   <tr><td>{@code %maven g:a:v ...}</td><td>resolves artifacts and their runtime
 *       dependencies with the Maven Resolver ({@link MavenDeps}) and adds the jars</td></tr>
 *   <tr><td>{@code %load file.jsh}</td><td>runs the snippets of a {@code .jsh} or
 *       {@code .java} file</td></tr>
 *   <tr><td>{@code %%time} (first line)</td><td>runs the cell and prints its wall time</td></tr>
 * </table>
 *
 * <p>A line magic is a line whose first non-blank characters are {@code %} and a letter; it
 * runs in order with the Java code around it. Arguments are split at blanks; double quotes keep
 * blanks in one argument. Jars added through a magic are searched for kernel extensions.
 *
 * @apiNote Magic lines are found by their first character, before Java parsing: a line inside
 * a text block or a comment that starts with {@code %} followed by a letter is taken as a magic.
 */
final class Magics {

  private static final Logger LOG = LoggerFactory.getLogger(Magics.class);

  /**
   * A piece of a cell: Java code ({@code name == null}), a line magic, or a cell magic (its
   * body in {@code text}). {@code firstLine} is the 0-based line where the code or body starts.
   */
  record Segment(String name, List<String> args, String text, int firstLine, boolean cellMagic) {
  }

  private final JavaKernel kernel;
  private MagicsRegistry registry;
  private int bodyFirstLine;

  Magics(JavaKernel kernel) {
    this.kernel = kernel;
  }

  void registerAll(MagicsRegistry r) {
    this.registry = r;
    r.registerLineMagic("jars", (LineMagic<Object, JavaKernel>) (k, a) -> {
      addPaths("jars", a, true);
      return null;
    });
    r.registerLineMagic("classpath", (LineMagic<Object, JavaKernel>) (k, a) -> {
      addPaths("classpath", a, false);
      return null;
    });
    r.registerLineMagic("maven", (LineMagic<Object, JavaKernel>) (k, a) -> {
      maven(a);
      return null;
    });
    r.registerLineMagic("load", (LineMagic<Object, JavaKernel>) (k, a) -> {
      load(a);
      return null;
    });
    r.registerCellMagic("time", (CellMagic<Object, JavaKernel>) (k, a, body) -> time(body));
  }

  // ---------------------------------------------------------------------------------------
  // Splitting a cell

  /** Splits a cell into Java code, line magics and (on its first line) a cell magic. */
  static List<Segment> split(String cell) {
    String[] lines = cell.split("\n", -1);
    List<Segment> out = new ArrayList<>();
    int first = 0;
    while (first < lines.length && lines[first].isBlank()) {
      first++;
    }
    if (first < lines.length && lines[first].stripLeading().startsWith("%%")) {
      List<String> words = words(lines[first].strip().substring(2));
      String body = String.join("\n", List.of(lines).subList(first + 1, lines.length));
      String name = words.isEmpty() ? "" : words.get(0);
      out.add(new Segment(name, words.subList(Math.min(1, words.size()), words.size()), body,
          first + 1, true));
      return out;
    }
    StringBuilder code = new StringBuilder();
    int codeStart = 0;
    for (int i = 0; i < lines.length; i++) {
      if (isMagicLine(lines[i])) {
        if (!code.toString().isBlank()) {
          out.add(new Segment(null, List.of(), code.toString(), codeStart, false));
        }
        List<String> words = words(lines[i].strip().substring(1));
        out.add(new Segment(words.get(0), words.subList(1, words.size()), lines[i], i, false));
        code.setLength(0);
        codeStart = i + 1;
      } else {
        code.append(lines[i]).append('\n');
      }
    }
    if (!code.toString().isBlank()) {
      out.add(new Segment(null, List.of(), code.toString(), codeStart, false));
    }
    return out;
  }

  static boolean isMagicLine(String line) {
    String s = line.stripLeading();
    return s.length() > 1 && s.charAt(0) == '%' && Character.isLetter(s.charAt(1));
  }

  /** Splits at blanks; double quotes group, a backslash escapes the next character. */
  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        cur.append(s.charAt(++i));
        any = true;
      } else if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (any) {
          out.add(cur.toString());
        }
        cur.setLength(0);
        any = false;
      } else {
        cur.append(c);
        any = true;
      }
    }
    if (any) {
      out.add(cur.toString());
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------
  // Running

  void runLine(String name, List<String> args) {
    try {
      registry.evalLineMagic(kernel, name, args);
    } catch (UndefinedMagicException e) {
      throw new MagicException(unknown("line magic %" + name));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new MagicException("%" + name + ": " + e.getMessage(), e);
    }
  }

  Object runCell(String name, List<String> args, String body, int firstLine) {
    bodyFirstLine = firstLine;
    try {
      return registry.evalCellMagic(kernel, name, args, body);
    } catch (UndefinedMagicException e) {
      throw new MagicException(unknown("cell magic %%" + name));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new MagicException("%%" + name + ": " + e.getMessage(), e);
    }
  }

  private String unknown(String what) {
    return "unknown " + what + "; line magics: "
        + String.join(", ", registry.getLineMagicNames().stream().sorted().map(n -> "%" + n)
            .toList())
        + "; cell magics: "
        + String.join(", ", registry.getCellMagicNames().stream().sorted().map(n -> "%%" + n)
            .toList());
  }

  ReplacementOptions complete(String prefix, int at) {
    String line = prefix.substring(prefix.lastIndexOf('\n') + 1).stripLeading();
    boolean cell = line.startsWith("%%");
    String typed = line.substring(cell ? 2 : 1);
    if (!typed.chars().allMatch(Character::isLetterOrDigit)) {
      return new ReplacementOptions(List.of(), at, at);
    }
    TreeSet<String> names = new TreeSet<>(cell ? registry.getCellMagicNames()
        : registry.getLineMagicNames());
    List<String> options = names.stream().filter(n -> n.startsWith(typed)).toList();
    return new ReplacementOptions(options, at - typed.length(), at);
  }

  private void addPaths(String magic, List<String> args, boolean jarsOnly) {
    if (args.isEmpty()) {
      throw new MagicException("%" + magic + " needs at least one path (globs allowed)");
    }
    for (String arg : args) {
      List<Path> found;
      try {
        found = PathsHandler.resolveGlobs(arg).stream().filter(Files::exists).toList();
      } catch (RuntimeException e) {
        found = List.of();
      }
      if (found.isEmpty()) {
        throw new MagicException("%" + magic + ": no file matches '" + arg + "' (working folder "
            + Path.of("").toAbsolutePath() + ")");
      }
      for (Path p : found) {
        if (jarsOnly && !Files.isRegularFile(p)) {
          throw new MagicException("%jars: '" + p + "' is a folder; use %classpath for folders");
        }
        kernel.addToClasspath(p.toAbsolutePath().toString());
        LOG.info("added {} to the class path", p.toAbsolutePath());
      }
    }
  }

  private void maven(List<String> args) {
    List<String> coords = new ArrayList<>();
    List<String> repos = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("--repo=")) {
        repos.add(a.substring("--repo=".length()));
      } else if (a.equals("--repo") && i + 1 < args.size()) {
        repos.add(args.get(++i));
      } else if (a.startsWith("-")) {
        throw new MagicException("%maven: unknown option '" + a + "'; use --repo=URL");
      } else {
        coords.add(a);
      }
    }
    if (coords.isEmpty()) {
      throw new MagicException("%maven needs group:artifact:version coordinates");
    }
    for (Path jar : MavenDeps.fromEnvironment(repos).resolve(coords)) {
      kernel.addToClasspath(jar.toString());
    }
  }

  private void load(List<String> args) throws IOException {
    if (args.size() != 1) {
      throw new MagicException("%load takes one file (.jsh or .java), got " + args.size());
    }
    Path file = Path.of(args.get(0));
    if (!Files.isRegularFile(file)) {
      throw new MagicException("%load: no file '" + args.get(0) + "' (working folder "
          + Path.of("").toAbsolutePath() + ")");
    }
    kernel.evalCell(Files.readString(file, StandardCharsets.UTF_8), 0);
  }

  private Object time(String body) {
    long t0 = System.nanoTime();
    try {
      return kernel.evalCell(body, bodyFirstLine);
    } finally {
      double ms = (System.nanoTime() - t0) / 1e6;
      System.out.println(ms < 1000
          ? String.format(Locale.ROOT, "Wall time: %.1f ms", ms)
          : String.format(Locale.ROOT, "Wall time: %.2f s", ms / 1000));
    }
  }
}
