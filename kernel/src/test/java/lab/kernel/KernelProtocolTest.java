package lab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import lab.kernel.KernelClient.Execution;
import lab.kernel.KernelClient.Msg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel over ZeroMQ, as Jupyter talks to it: one kernel JVM for the class, started under
 * the C locale, with a connection file on 127.0.0.1 and HMAC-signed messages.
 */
class KernelProtocolTest {

  @TempDir
  static Path dir;

  static KernelClient kernel;
  static Path repo;

  @BeforeAll
  static void start() throws Exception {
    repo = TestJars.mavenRepo(dir);
    kernel = KernelClient.start(dir, Map.of(
        "LC_ALL", "C", "LANG", "C",
        "LAB_MAVEN_REPOS", repo.toUri().toString(),
        "LAB_MAVEN_LOCAL", dir.resolve("m2").toString()));
  }

  @AfterAll
  static void stop() throws Exception {
    if (kernel != null) {
      kernel.close();
    }
  }

  private static Execution ok(String code) {
    Execution e = kernel.execute(code);
    assertEquals("ok", e.status(), () -> code + " -> " + e.traceback() + e.iopub());
    return e;
  }

  @Test
  void lastExpressionIsTheValueAndMessagesComeInOrder() {
    Execution e = ok("int a = 20;\nint b = a * 2;\nb + 2");
    assertEquals("42", e.text());
    assertEquals(List.of("status", "execute_input", "execute_result", "status"), e.types());
    assertEquals("busy", e.iopub().get(0).content().get("execution_state").getAsString());
    assertEquals("int a = 20;\nint b = a * 2;\nb + 2",
        e.iopub().get(1).content().get("code").getAsString());
    String id = e.reply().parentId();
    for (Msg m : e.iopub()) {
      assertEquals(id, m.parentId(), m.type());
    }
    assertEquals(e.reply().content().get("execution_count").getAsInt(),
        e.iopub().get(2).content().get("execution_count").getAsInt());
  }

  @Test
  void declarationsAloneHaveNoValue() {
    Execution e = ok("int unused = 5;\nvoid helper() {}");
    assertNull(e.result());
    assertEquals("null", ok("String nothing = null;\nnothing").text());
  }

  @Test
  void printsFromTheCellAndAJoinedThreadArriveInOrder() {
    Execution e = ok("""
        System.out.println("one");
        Thread t = new Thread(() -> System.out.println("two from thread"));
        t.start();
        t.join();
        System.out.print("three");
        System.err.println("to stderr");
        """);
    assertEquals("one\ntwo from thread\nthree", e.stdout());
    assertEquals("to stderr\n", e.stderr());
  }

  @Test
  void outputIsUtf8UnderTheCLocale() {
    Execution e = ok("System.out.println(\"π ≈ 3.14159 — grüße ✓\");\n\"ü\"");
    assertEquals("π ≈ 3.14159 — grüße ✓\n", e.stdout());
    assertEquals("ü", e.text());
  }

  @Test
  void compileErrorShowsTheLineAndACaret() {
    Execution e = kernel.execute("int fine = 1;\nint broken = \"text\";");
    assertEquals("error", e.status());
    assertEquals("CompilationException", e.reply().content().get("ename").getAsString());
    String tb = e.traceback();
    assertTrue(tb.contains("incompatible types"), tb);
    List<String> lines = tb.lines().toList();
    int at = lines.indexOf("line 2: int broken = \"text\";");
    assertTrue(at > 0, tb);
    assertEquals("line 2: int broken = ".length(), lines.get(at + 1).indexOf('^'), tb);
    assertEquals("2", ok("1 + 1").text(), "the kernel survives a compile error");
  }

  @Test
  void runtimeExceptionShowsItsClassMessageAndOnlyUserFrames() {
    ok("void boom(int depth) {\n  if (depth == 0) throw new IllegalStateException(\"bad state\");"
        + "\n  boom(depth - 1);\n}");
    Execution e = kernel.execute("boom(2)");
    assertEquals("error", e.status());
    Msg err = e.error();
    assertEquals("IllegalStateException", err.content().get("ename").getAsString());
    assertEquals("bad state", err.content().get("evalue").getAsString());
    String tb = e.traceback();
    assertTrue(tb.startsWith("java.lang.IllegalStateException: bad state"), tb);
    assertEquals(4, tb.lines().filter(l -> l.contains("at ")).count(), tb);
    assertTrue(tb.contains("boom("), tb);
    for (String kernelPart : List.of("lab.kernel", "jdk.jshell", "java.lang.reflect",
        "jdk.internal", "java.lang.Thread")) {
      assertFalse(tb.contains(kernelPart), kernelPart + " in\n" + tb);
    }
    assertEquals("2", ok("1 + 1").text());
  }

  @Test
  void libraryExceptionKeepsTheLibraryFramesAndTheCause() {
    Execution e = kernel.execute(
        "throw new RuntimeException(\"outer\", new java.io.IOException(\"inner\"));");
    assertEquals("RuntimeException", e.error().content().get("ename").getAsString());
    String tb = e.traceback();
    assertTrue(tb.contains("Caused by: java.io.IOException: inner"), tb);
  }

  @Test
  void redeclarationReplacesAsInJShell() {
    ok("int x = 2;");
    ok("int x = 3;");
    assertEquals("3", ok("x").text());
    ok("String x = \"now text\";");
    assertEquals("now text", ok("x").text());
    ok("int f(int a) { return a + 1; }");
    ok("int f(int a, int b) { return a + b; }");
    assertEquals("2 5", ok("f(1) + \" \" + f(2, 3)").text());
    ok("int f(int a) { return a * 10; }");
    assertEquals("10", ok("f(1)").text());
  }

  @Test
  void imagesRenderAsPng() throws Exception {
    Execution e = ok("var img = new java.awt.image.BufferedImage(4, 3,"
        + " java.awt.image.BufferedImage.TYPE_INT_RGB);\nimg");
    String png = e.result().get("image/png").getAsString();
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder()
        .decode(png.replace("\n", ""))));
    assertEquals(4, back.getWidth());
    assertEquals(3, back.getHeight());
  }

  @Test
  void htmlMarkdownAndDisplayUpdates() {
    Execution html = ok("var d = new org.dflib.jjava.jupyter.kernel.display.DisplayData();\n"
        + "d.putHTML(\"<b>bold</b>\");\nd.putMarkdown(\"**bold**\");\nd");
    assertEquals("<b>bold</b>", html.result().get("text/html").getAsString());
    assertEquals("**bold**", html.result().get("text/markdown").getAsString());

    Execution shown = ok("System.out.println(\"before\");\n"
        + "String id = display(\"first\");\nupdateDisplay(id, \"second\");");
    assertEquals(List.of("status", "execute_input", "stream", "display_data",
        "update_display_data", "status"), shown.types());
    Msg update = shown.iopub().get(4);
    assertEquals("second", update.content().getAsJsonObject("data").get("text/plain")
        .getAsString());
    assertEquals(shown.iopub().get(3).content().getAsJsonObject("transient")
        .get("display_id").getAsString(),
        update.content().getAsJsonObject("transient").get("display_id").getAsString());
  }

  @Test
  void labChartsRenderThroughTheExtension() {
    Execution e = ok("lab.plot.Figures.line(\"loss\", \"step\", \"loss\", \"train\","
        + " new double[] {3, 2, 1})");
    assertNotNull(e.result().get("image/png"), e.result().keySet().toString());
  }

  @Test
  void completionFromJShell() {
    ok("String greeting = \"hi\";");
    String code = "int unrelated = 1;\ngreeting.toUpp";
    JsonObject c = new JsonObject();
    c.addProperty("code", code);
    c.addProperty("cursor_pos", code.length());
    Msg reply = kernel.request("complete_request", c);
    List<String> matches = KernelClient.strings(reply.content().getAsJsonArray("matches"));
    assertTrue(matches.contains("toUpperCase("), matches.toString());
    assertEquals(code.length() - "toUpp".length(),
        reply.content().get("cursor_start").getAsInt());
    assertEquals(code.length(), reply.content().get("cursor_end").getAsInt());

    JsonObject m = new JsonObject();
    m.addProperty("code", "%ja");
    m.addProperty("cursor_pos", 3);
    Msg magic = kernel.request("complete_request", m);
    assertEquals(List.of("jars"), KernelClient.strings(magic.content().getAsJsonArray("matches")));
  }

  @Test
  void inspectionAndCompleteness() {
    JsonObject c = new JsonObject();
    c.addProperty("code", "Math.max(1, 2)");
    c.addProperty("cursor_pos", 6);
    c.addProperty("detail_level", 0);
    Msg reply = kernel.request("inspect_request", c);
    assertTrue(reply.content().get("found").getAsBoolean(), reply.content().toString());
    String text = reply.content().getAsJsonObject("data").get("text/plain").getAsString();
    assertTrue(text.contains("max("), text);

    JsonObject open = new JsonObject();
    open.addProperty("code", "for (int i = 0; i < 3; i++) {");
    Msg incomplete = kernel.request("is_complete_request", open);
    assertEquals("incomplete", incomplete.content().get("status").getAsString());
    JsonObject done = new JsonObject();
    done.addProperty("code", "int y = 1;\ny + 1");
    assertEquals("complete",
        kernel.request("is_complete_request", done).content().get("status").getAsString());
  }

  @Test
  void wronglySignedMessageIsDroppedAndLogged() throws Exception {
    String bad = "0".repeat(64);
    String id = kernel.sendShellWithSignature("execute_request",
        KernelClient.executeContent("System.out.println(\"must not run\");"), bad);
    long end = System.nanoTime() + Duration.ofMillis(1500).toNanos();
    while (System.nanoTime() < end) {
      Msg m = kernel.recvIopub(Duration.ofMillis(100));
      assertTrue(m == null || !m.parentId().equals(id), "the kernel answered a forged message");
      Msg r = kernel.recvShell(Duration.ofMillis(1));
      assertTrue(r == null || !r.parentId().equals(id), "the kernel replied to a forged message");
    }
    assertTrue(kernel.readLog().contains("invalid signature"), kernel.readLog());
    Execution next = ok("System.out.println(\"signed\");");
    assertEquals("signed\n", next.stdout());
    assertTrue(kernel.heartbeat());
  }

  private static Execution interruptAfter(String code, long delayMs) throws Exception {
    long t0 = System.nanoTime();
    String id = kernel.sendShell("execute_request", KernelClient.executeContent(code));
    List<Msg> early = new java.util.ArrayList<>();
    while (early.stream().noneMatch(m -> m.type().equals("execute_input"))) {
      Msg m = kernel.recvIopub(Duration.ofSeconds(30));
      assertNotNull(m, "no execute_input");
      if (m.parentId().equals(id)) {
        early.add(m);
      }
    }
    Thread.sleep(delayMs);
    long sent = System.nanoTime();
    String irq = kernel.sendControl("interrupt_request", new JsonObject());
    Msg reply = kernel.recvControl(Duration.ofSeconds(10));
    assertNotNull(reply, "no interrupt_reply");
    assertEquals(irq, reply.parentId());
    Execution rest = kernel.collect(id, t0, Duration.ofSeconds(30));
    early.addAll(rest.iopub());
    Execution e = new Execution(early, rest.reply(), rest.elapsed());
    double afterInterrupt = (System.nanoTime() - sent) / 1e9;
    assertTrue(afterInterrupt < 1.5, "the cell ended " + afterInterrupt + " s after the interrupt");
    assertEquals("error", e.status(), "an interrupted cell is not a success");
    assertEquals("CellInterruptedException", e.error().content().get("ename").getAsString());
    assertEquals("2", ok("1 + 1").text(), "the next cell runs");
    return e;
  }

  @Test
  void interruptStopsABusyLoop() throws Exception {
    interruptAfter("long n = 0;\nwhile (true) { n++; }", 700);
  }

  @Test
  void interruptStopsASleep() throws Exception {
    interruptAfter("Thread.sleep(60_000);\n\"woke\"", 700);
  }

  @Test
  void interruptStopsALongLibraryCall() throws Exception {
    interruptAfter("var rnd = new java.util.Random(1);\nlong[] big = new long[5_000_000];\n"
        + "for (int r = 0; r < 1000; r++) { for (int i = 0; i < big.length; i++) "
        + "big[i] = rnd.nextLong(); java.util.Arrays.sort(big); }", 1200);
  }

  /** K1: a loop that prints and sleeps stops at once; later cells still show their output. */
  @Test
  void interruptedPrintingLoopThenOutputStillArrives() throws Exception {
    Execution e = interruptAfter("""
        for (int i = 0; i < 20; i++) {
          System.out.println("tick " + i);
          Thread.sleep(1000);
        }
        """, 2500);
    assertTrue(e.stdout().startsWith("tick 0\ntick 1\n"), e.stdout());
    assertTrue(e.stdout().lines().count() <= 4, e.stdout());
    assertEquals("after\n", ok("System.out.println(\"after\");").stdout());
  }

  /** K3: prints, sleeps a second, returns a value: all outputs, in order, in about a second. */
  @Test
  void printSleepValueKeepsEverythingAndTakesAboutASecond() {
    Execution e = ok("System.out.println(\"start\");\nThread.sleep(1000);\n\"done\"");
    assertEquals(List.of("status", "execute_input", "stream", "execute_result", "status"),
        e.types());
    assertEquals("start\n", e.stdout());
    assertEquals("done", e.text());
    double s = e.elapsed().toMillis() / 1000.0;
    assertTrue(s >= 1.0 && s < 2.5, "took " + s + " s");
  }

  @Test
  void unknownMagicNamesTheOnesThatExist() {
    Execution e = kernel.execute("%nosuch arg");
    assertEquals("error", e.status());
    assertEquals("MagicException", e.error().content().get("ename").getAsString());
    String v = e.error().content().get("evalue").getAsString();
    for (String name : List.of("%jars", "%classpath", "%maven", "%load", "%%time")) {
      assertTrue(v.contains(name), v);
    }
  }

  @Test
  void timeMagicReportsWallTimeAndKeepsTheValue() {
    Execution e = ok("%%time\nThread.sleep(50);\n6 * 7");
    assertTrue(e.stdout().startsWith("Wall time: "), e.stdout());
    assertEquals("42", e.text());
  }

  @Test
  void jarsClasspathLoadAndMavenMagics() throws Exception {
    Path jar = TestJars.greeterJar(Files.createDirectories(dir.resolve("jars")), "hi from jar");
    Execution jars = ok("%jars " + jar.getParent() + "/greeter-*.jar\ndemo.Greeter.hi()");
    assertEquals("hi from jar", jars.text());
    assertFalse(jars.stdout().contains("added") || jars.stderr().contains("added"),
        "the kernel log stays out of cells: " + jars.stdout() + jars.stderr());

    Execution missing = kernel.execute("%jars /no/such/dir/*.jar");
    assertEquals("MagicException", missing.error().content().get("ename").getAsString());

    Path script = dir.resolve("defs.jsh");
    Files.writeString(script, "int loaded = 41;\nint plusOne(int v) { return v + 1; }\n",
        StandardCharsets.UTF_8);
    assertEquals("42", ok("%load " + script + "\nplusOne(loaded)").text());

    Execution maven = ok("%maven demo:greeter:1.0");
    assertNull(maven.result());
    assertTrue(Files.exists(dir.resolve("m2/demo/greeter/1.0/greeter-1.0.jar")));
    Execution unresolved = kernel.execute("%maven demo:absent:9.9");
    assertEquals("MagicException", unresolved.error().content().get("ename").getAsString());
  }
}
