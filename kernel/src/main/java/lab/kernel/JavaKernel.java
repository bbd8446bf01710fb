package lab.kernel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jdk.jshell.SourceCodeAnalysis.Suggestion;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab's Java kernel: cells are JShell snippets run inside the kernel JVM
 * ({@link InProcessControl}), so a cell's value is a real object rendered by the renderer
 * registry, where extensions found on the class path (such as {@code lab.plot.LabExtension})
 * register their types.
 *
 * <p>A cell is split into JShell snippets and IJava-style magic lines ({@link Magics}); they run
 * in order and the first failure ends the cell. The value of the last snippet, when it is an
 * expression, is the cell's result. Errors are reported as: a compile error with the cell line
 * and a caret ({@link CompilationException}); a runtime exception as itself, with the frames of
 * the user's code only; an interrupted cell as {@link CellInterruptedException}.
 */
public final class JavaKernel extends BaseKernel {

  private static final Logger LOG = LoggerFactory.getLogger(JavaKernel.class);

  /** The implementation name reported in {@code kernel_info}. */
  public static final String IMPLEMENTATION = "lab-java";

  /** The kernel's version. */
  public static final String VERSION = "0.1.0";

  /** Imports every cell starts with: JShell's defaults and the display functions. */
  static final List<String> STARTUP = List.of(
      "import java.io.*;",
      "import java.math.*;",
      "import java.net.*;",
      "import java.nio.file.*;",
      "import java.util.*;",
      "import java.util.concurrent.*;",
      "import java.util.function.*;",
      "import java.util.regex.*;",
      "import java.util.stream.*;",
      "import static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.display;",
      "import static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.render;",
      "import static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.updateDisplay;");

  private static final Object NO_VALUE = new Object();

  private final InProcessControl control;
  private final Magics magics;
  private final CompletableFuture<JShell> shell = new CompletableFuture<>();
  private volatile boolean executing;
  private volatile boolean interruptRequested;
  private volatile Throwable lastUserFailure;

  /** A kernel whose cells see the classes of the kernel's own class loader. */
  public JavaKernel() {
    this(new MagicsRegistry());
  }

  private JavaKernel(MagicsRegistry registry) {
    super(IMPLEMENTATION, VERSION, languageInfo(),
        List.of(new HelpLink("Java API", "https://docs.oracle.com/en/java/javase/17/docs/api/")),
        null, new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(), null,
        registry, true, new StringStyler("", "", "", line -> ""));
    this.control = InProcessControl.create(JavaKernel.class.getClassLoader());
    this.magics = new Magics(this);
    magics.registerAll(registry);
  }

  private static LanguageInfo languageInfo() {
    return new LanguageInfo.Builder("java")
        .version(Runtime.version().toString())
        .mimetype("text/x-java-source")
        .fileExtension(".jshell")
        .pygments("java")
        .codemirror("text/x-java")
        .build();
  }

  /**
   * Builds JShell, installs the extensions found on the class path and compiles a first snippet,
   * on a background thread: the kernel answers {@code kernel_info} meanwhile and the first cell
   * waits for this to finish.
   */
  public void startInBackground() {
    Thread init = new Thread(() -> {
      try {
        long t0 = System.nanoTime();
        JShell js = newShell();
        onStartup();
        LOG.info("JShell ready in {} ms", (System.nanoTime() - t0) / 1_000_000);
        shell.complete(js);
      } catch (Throwable e) {
        LOG.error("the Java engine failed to start", e);
        shell.completeExceptionally(e);
      }
    }, "kernel-init");
    init.setDaemon(true);
    init.start();
  }

  private JShell newShell() {
    ExecutionControlProvider provider = new ExecutionControlProvider() {
      @Override
      public String name() {
        return "lab-in-process";
      }

      @Override
      public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return control;
      }
    };
    JShell js = JShell.builder()
        .executionEngine(provider, Map.of())
        .compilerOptions("-encoding", "UTF-8")
        .build();
    js.addToClasspath(System.getProperty("java.class.path"));
    for (String s : STARTUP) {
      for (SnippetEvent ev : js.eval(s)) {
        if (ev.status() == Snippet.Status.REJECTED) {
          LOG.warn("startup snippet rejected: {}", s);
        }
      }
    }
    js.sourceCodeAnalysis().analyzeCompletion("1 + 1");
    return js;
  }

  private JShell shell() {
    try {
      return shell.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the Java engine was starting", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the Java engine failed to start: " + e.getCause(), e);
    }
  }

  /** JShell if it is ready, else null (completion and inspection do not wait for it). */
  private JShell shellIfReady() {
    return shell.getNow(null);
  }

  @Override
  protected ClassLoader getClassLoader() {
    return control.classLoader();
  }

  /** Adds a jar or class folder to the compiler's and the cells' class path. */
  void addToClasspath(String path) {
    shell().addToClasspath(path);
    installExtensions(control.classLoader());
  }

  // ---------------------------------------------------------------------------------------
  // Evaluation

  @Override
  public Object evalRaw(String code) {
    interruptRequested = false;
    control.resetStop();
    lastUserFailure = null;
    executing = true;
    try {
      shell();
      Object value = evalCell(code, 0);
      if (value == NO_VALUE) {
        return null;
      }
      return value == null ? new DisplayData("null") : value;
    } finally {
      executing = false;
      io.out.flush();
      io.err.flush();
      control.clearResults();
    }
  }

  /**
   * Runs a cell's magics and snippets in order.
   *
   * @param code the cell (or a file for {@code %load}, or the body of a cell magic)
   * @param firstLine the 0-based line of the cell where {@code code} starts (for messages)
   * @return the last snippet's value, or {@link #NO_VALUE}
   */
  Object evalCell(String code, int firstLine) {
    Object last = NO_VALUE;
    for (Magics.Segment seg : Magics.split(code)) {
      checkInterrupt();
      if (seg.cellMagic()) {
        last = magics.runCell(seg.name(), seg.args(), seg.text(), firstLine + seg.firstLine());
      } else if (seg.name() != null) {
        magics.runLine(seg.name(), seg.args());
        last = NO_VALUE;
      } else {
        last = evalJava(seg.text(), firstLine + seg.firstLine());
      }
    }
    checkInterrupt();
    return last;
  }

  private void checkInterrupt() {
    if (interruptRequested) {
      throw new CellInterruptedException("the cell was interrupted");
    }
  }

  /** Whether {@code value} (from {@link #evalCell}) is a value rather than "no value". */
  static boolean hasValue(Object value) {
    return value != NO_VALUE;
  }

  private Object evalJava(String code, int firstLine) {
    JShell js = shell();
    SourceCodeAnalysis sca = js.sourceCodeAnalysis();
    Object last = NO_VALUE;
    int consumed = 0;
    String remaining = code;
    while (!remaining.isBlank()) {
      checkInterrupt();
      CompletionInfo info = sca.analyzeCompletion(remaining);
      String src = info.source();
      String rest = info.remaining();
      boolean complete = info.completeness() == Completeness.COMPLETE
          || info.completeness() == Completeness.COMPLETE_WITH_SEMI;
      if (!complete || src == null || src.isBlank() || rest == null) {
        // Incomplete or unparsable: JShell compiles the rest as one snippet and reports it.
        src = remaining;
        rest = "";
      }
      // Diagnostic positions count from the snippet's source, found here in the cell.
      String core = src.endsWith(";") ? src.substring(0, src.length() - 1) : src;
      int start = consumed + Math.max(0, remaining.indexOf(core));
      consumed += remaining.length() - rest.length();
      remaining = rest;
      last = evalSnippet(js, src, code, start, firstLine);
    }
    return last;
  }

  private static int leadingSpace(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private Object evalSnippet(JShell js, String src, String code, int start, int firstLine) {
    List<SnippetEvent> events = js.eval(src);
    Object last = NO_VALUE;
    for (SnippetEvent ev : events) {
      if (ev.causeSnippet() != null) {
        continue;
      }
      Snippet s = ev.snippet();
      if (ev.status() == Snippet.Status.REJECTED) {
        throw compileError(js, s, code, start, firstLine);
      }
      if (interruptRequested) {
        throw new CellInterruptedException("the cell was interrupted");
      }
      if (ev.exception() instanceof EvalException) {
        Throwable thrown = control.takeThrown();
        if (thrown == null) {
          throw new IllegalStateException(ev.exception().getMessage(), ev.exception());
        }
        lastUserFailure = thrown;
        throw sneaky(thrown instanceof Exception ? thrown : new UserCodeException(thrown));
      }
      if (ev.exception() instanceof UnresolvedReferenceException u) {
        throw new CompilationException(unresolved(js, u.getSnippet()),
            List.of(unresolved(js, u.getSnippet())));
      }
      if (ev.exception() != null) {
        throw new IllegalStateException(ev.exception().toString(), ev.exception());
      }
      if (ev.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
        String msg = unresolved(js, s);
        throw new CompilationException(msg, List.of(msg));
      }
      last = isExpression(s) ? valueOf(ev, s) : NO_VALUE;
    }
    return last;
  }

  private Object valueOf(SnippetEvent ev, Snippet s) {
    Object v = control.take(ev.value());
    if (v == null && "void".equals(typeName(s))) {
      return NO_VALUE;
    }
    return v;
  }

  private static boolean isExpression(Snippet s) {
    return s.kind() == Snippet.Kind.EXPRESSION
        || s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
  }

  private static String typeName(Snippet s) {
    if (s instanceof jdk.jshell.ExpressionSnippet e) {
      return e.typeName();
    }
    if (s instanceof jdk.jshell.VarSnippet v) {
      return v.typeName();
    }
    return "";
  }

  private static String unresolved(JShell js, Snippet s) {
    List<String> deps = js.unresolvedDependencies((jdk.jshell.DeclarationSnippet) s).toList();
    return s.source().strip().lines().findFirst().orElse("") + " cannot run until "
        + String.join(", ", deps) + (deps.size() == 1 ? " is" : " are") + " declared";
  }

  private static CompilationException compileError(JShell js, Snippet s, String code, int start,
      int firstLine) {
    List<String> report = new ArrayList<>();
    String first = null;
    for (Diag d : js.diagnostics(s).toList()) {
      if (!d.isError()) {
        continue;
      }
      String msg = d.getMessage(Locale.ENGLISH);
      first = first == null ? msg.lines().findFirst().orElse(msg) : first;
      report.addAll(msg.lines().map(l -> "error: " + l).toList().subList(0, 1));
      msg.lines().skip(1).forEach(report::add);
      long pos = d.getPosition() >= 0 ? d.getPosition() : d.getStartPosition();
      int at = (int) Math.min(code.length(), start + Math.max(0, pos));
      int lineStart = code.lastIndexOf('\n', at - 1) + 1;
      int lineEnd = code.indexOf('\n', at);
      String line = code.substring(lineStart, lineEnd < 0 ? code.length() : lineEnd)
          .replace('\t', ' ');
      int lineNo = firstLine + (int) code.substring(0, lineStart).chars()
          .filter(c -> c == '\n').count() + 1;
      String prefix = "line " + lineNo + ": ";
      report.add(prefix + line);
      report.add(" ".repeat(prefix.length() + Math.min(at - lineStart, line.length())) + "^");
    }
    if (first == null) {
      first = "the snippet was rejected: " + s.source().strip();
      report.add(first);
    }
    return new CompilationException(first, report);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
    throw (T) t;
  }

  // ---------------------------------------------------------------------------------------
  // Errors

  @Override
  public List<String> formatError(Throwable e) {
    if (e instanceof CompilationException c) {
      return c.report();
    }
    if (e instanceof CellInterruptedException || e instanceof MagicException) {
      List<String> lines = new ArrayList<>();
      lines.add(e.getClass().getSimpleName() + ": " + e.getMessage());
      for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
        lines.add("Caused by: " + c);
      }
      return lines;
    }
    Throwable user = e instanceof UserCodeException ? e.getCause() : e;
    if (user != null && user == lastUserFailure) {
      return UserTrace.lines(user);
    }
    return super.formatError(e);
  }

  // ---------------------------------------------------------------------------------------
  // Interrupt, display

  @Override
  public void interrupt() {
    if (!executing) {
      return;
    }
    LOG.info("interrupt requested");
    interruptRequested = true;
    control.stop();
  }

  @Override
  public void display(DisplayData data) {
    io.out.flush();
    io.err.flush();
    super.display(data);
  }

  // ---------------------------------------------------------------------------------------
  // Completion, inspection, completeness

  /** Start of the snippet that contains the end of {@code prefix}. */
  private static int snippetStart(SourceCodeAnalysis sca, String prefix) {
    int lineStart = prefix.lastIndexOf('\n') + 1;
    if (prefix.substring(lineStart).stripLeading().startsWith("%")) {
      return -1;
    }
    int start = 0;
    String remaining = prefix;
    while (true) {
      CompletionInfo info = sca.analyzeCompletion(remaining);
      String rest = info.remaining();
      boolean complete = info.completeness() == Completeness.COMPLETE
          || info.completeness() == Completeness.COMPLETE_WITH_SEMI;
      if (!complete || rest == null || rest.isBlank() || rest.length() >= remaining.length()) {
        return start + leadingSpace(remaining);
      }
      start += remaining.length() - rest.length();
      remaining = rest;
    }
  }

  @Override
  public ReplacementOptions complete(String code, int at) {
    JShell js = shellIfReady();
    if (js == null) {
      return null;
    }
    SourceCodeAnalysis sca = js.sourceCodeAnalysis();
    String prefix = code.substring(0, at);
    int start = snippetStart(sca, prefix);
    if (start < 0) {
      return magics.complete(prefix, at);
    }
    String input = code.substring(start, at);
    int[] anchor = new int[1];
    List<Suggestion> suggestions = sca.completionSuggestions(input, input.length(), anchor);
    Set<String> typed = new LinkedHashSet<>();
    Set<String> other = new LinkedHashSet<>();
    for (Suggestion s : suggestions) {
      (s.matchesType() ? typed : other).add(s.continuation());
    }
    typed.addAll(other);
    return new ReplacementOptions(new ArrayList<>(typed), start + anchor[0], at);
  }

  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    JShell js = shellIfReady();
    if (js == null) {
      return null;
    }
    int end = at;
    while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
      end++;
    }
    if (end < code.length() && code.charAt(end) == '(') {
      end++;
    }
    SourceCodeAnalysis sca = js.sourceCodeAnalysis();
    String prefix = code.substring(0, end);
    int start = snippetStart(sca, prefix);
    if (start < 0) {
      return null;
    }
    String input = code.substring(start, end);
    List<Documentation> docs = sca.documentation(input, input.length(), true);
    StringBuilder text = new StringBuilder();
    for (Documentation d : docs) {
      text.append(d.signature()).append('\n');
      if (extraDetail && d.javadoc() != null && !d.javadoc().isBlank()) {
        text.append(d.javadoc().strip()).append("\n\n");
      }
    }
    if (text.length() == 0) {
      String type = sca.analyzeType(input, input.length());
      if (type == null || type.isBlank()) {
        return null;
      }
      text.append(type);
    }
    return new DisplayData(text.toString().strip());
  }

  @Override
  public String isComplete(String code) {
    JShell js = shellIfReady();
    if (js == null) {
      return IS_COMPLETE_MAYBE;
    }
    StringBuilder java = new StringBuilder();
    for (String line : code.split("\n", -1)) {
      java.append(line.stripLeading().startsWith("%") ? "" : line).append('\n');
    }
    String remaining = java.toString();
    SourceCodeAnalysis sca = js.sourceCodeAnalysis();
    while (!remaining.isBlank()) {
      CompletionInfo info = sca.analyzeCompletion(remaining);
      switch (info.completeness()) {
        case COMPLETE, COMPLETE_WITH_SEMI, EMPTY -> remaining = info.remaining();
        case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
          return "    ";
        }
        default -> {
          return IS_COMPLETE_BAD;
        }
      }
      if (info.completeness() == Completeness.EMPTY) {
        break;
      }
    }
    return IS_COMPLETE_YES;
  }

  @Override
  public void onShutdown(boolean isRestarting) {
    super.onShutdown(isRestarting);
    JShell js = shellIfReady();
    if (js != null) {
      js.close();
    }
  }
}
