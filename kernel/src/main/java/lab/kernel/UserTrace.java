package lab.kernel;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The traceback of an exception thrown by a cell: its class and message, then the frames of
 * the user's call chain only. Frames of the kernel (JShell's runner, reflection, the cell
 * thread) are cut: a trace ends at its outermost snippet frame, and a trace without snippet
 * frames (a cause thrown elsewhere) loses the kernel's frames only. Snippet frames are shown as
 * JShell shows them, {@code (#id:line)}: snippet id and line within the snippet.
 */
final class UserTrace {

  private static final List<String> KERNEL_PREFIXES = List.of("lab.kernel.", "jdk.jshell.",
      "java.lang.reflect.", "jdk.internal.reflect.", "java.lang.Thread");

  /** A snippet's wrapper class, and a class the user declared inside it (group 1). */
  private static final Pattern SNIPPET_CLASS =
      Pattern.compile("REPL\\.\\$JShell\\$\\d+[A-Z]*(?:\\$(.+))?");

  private UserTrace() {
  }

  static List<String> lines(Throwable t) {
    List<String> out = new ArrayList<>();
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    String prefix = "";
    for (Throwable c = t; c != null && seen.put(c, Boolean.TRUE) == null; c = c.getCause()) {
      out.add(prefix + c);
      for (StackTraceElement f : userFrames(c.getStackTrace())) {
        out.add("    at " + frame(f));
      }
      prefix = "Caused by: ";
    }
    return out;
  }

  static List<StackTraceElement> userFrames(StackTraceElement[] frames) {
    int lastSnippet = -1;
    for (int i = 0; i < frames.length; i++) {
      if (isSnippet(frames[i])) {
        lastSnippet = i;
      }
    }
    List<StackTraceElement> out = new ArrayList<>();
    for (int i = 0; i < frames.length; i++) {
      if (lastSnippet >= 0 ? i <= lastSnippet : !isKernel(frames[i])) {
        out.add(frames[i]);
      }
    }
    return out;
  }

  private static boolean isSnippet(StackTraceElement f) {
    return f.getClassName().startsWith("REPL.");
  }

  private static boolean isKernel(StackTraceElement f) {
    return KERNEL_PREFIXES.stream().anyMatch(p -> f.getClassName().startsWith(p));
  }

  private static String frame(StackTraceElement f) {
    if (!isSnippet(f)) {
      return f.toString();
    }
    Matcher m = SNIPPET_CLASS.matcher(f.getClassName());
    String owner = m.matches() && m.group(1) != null ? m.group(1) + "." : "";
    String method = f.getMethodName().equals("do_it$") ? "" : f.getMethodName();
    String where = f.getFileName() != null ? f.getFileName() + ":" + f.getLineNumber() : "?";
    return owner + method + "(" + where + ")";
  }
}
