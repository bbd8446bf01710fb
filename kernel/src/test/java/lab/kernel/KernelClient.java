package lab.kernel;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A Jupyter client for tests: writes a connection file on 127.0.0.1 with an HMAC-SHA256 key,
 * starts the kernel as its own JVM, and talks to it over ZeroMQ as Jupyter does.
 */
final class KernelClient implements AutoCloseable {

  /** One message as received: its header, parent header and content. */
  record Msg(String type, JsonObject header, JsonObject parent, JsonObject content) {
    String parentId() {
      return parent.has("msg_id") ? parent.get("msg_id").getAsString() : "";
    }
  }

  /** An execute request's outcome: every IOPub message of the request in order, the reply. */
  record Execution(List<Msg> iopub, Msg reply, Duration elapsed) {
    String status() {
      return reply.content().get("status").getAsString();
    }

    String stdout() {
      return stream("stdout");
    }

    String stderr() {
      return stream("stderr");
    }

    String stream(String name) {
      StringBuilder b = new StringBuilder();
      for (Msg m : iopub) {
        if (m.type().equals("stream") && m.content().get("name").getAsString().equals(name)) {
          b.append(m.content().get("text").getAsString());
        }
      }
      return b.toString();
    }

    /** The execute_result's data, or null. */
    JsonObject result() {
      for (Msg m : iopub) {
        if (m.type().equals("execute_result")) {
          return m.content().getAsJsonObject("data");
        }
      }
      return null;
    }

    String text() {
      JsonObject r = result();
      return r == null ? null : r.get("text/plain").getAsString();
    }

    Msg error() {
      for (Msg m : iopub) {
        if (m.type().equals("error")) {
          return m;
        }
      }
      return null;
    }

    String traceback() {
      Msg e = error();
      if (e == null) {
        return "";
      }
      List<String> lines = new ArrayList<>();
      e.content().getAsJsonArray("traceback").forEach(l -> lines.add(l.getAsString()));
      return String.join("\n", lines);
    }

    List<String> types() {
      return iopub.stream().map(Msg::type).toList();
    }
  }

  private static final Gson GSON = new Gson();

  final Path dir;
  final Path log;
  final String key;
  final Process process;
  private final ZContext ctx = new ZContext();
  private final ZMQ.Socket shell;
  private final ZMQ.Socket control;
  private final ZMQ.Socket iopub;
  private final ZMQ.Socket hb;
  private final Mac mac;
  private final String session = UUID.randomUUID().toString();

  private KernelClient(Path dir, Map<String, Integer> ports, String key, Process process)
      throws NoSuchAlgorithmException, InvalidKeyException {
    this.dir = dir;
    this.log = dir.resolve("kernel.log");
    this.key = key;
    this.process = process;
    this.mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    shell = connect(SocketType.DEALER, ports.get("shell_port"));
    control = connect(SocketType.DEALER, ports.get("control_port"));
    iopub = connect(SocketType.SUB, ports.get("iopub_port"));
    iopub.subscribe(new byte[0]);
    hb = connect(SocketType.REQ, ports.get("hb_port"));
  }

  private ZMQ.Socket connect(SocketType type, int port) {
    ZMQ.Socket s = ctx.createSocket(type);
    s.setLinger(0);
    s.connect("tcp://127.0.0.1:" + port);
    return s;
  }

  /** The class path of the test JVM: the kernel, kernel-lib and every dependency. */
  static String classPath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
  }

  /** Free TCP ports on 127.0.0.1 for the five channels. */
  static Map<String, Integer> freePorts() throws IOException {
    Map<String, Integer> ports = new LinkedHashMap<>();
    List<ServerSocket> held = new ArrayList<>();
    try {
      for (String name : List.of("shell_port", "iopub_port", "stdin_port", "control_port",
          "hb_port")) {
        ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        held.add(s);
        ports.put(name, s.getLocalPort());
      }
    } finally {
      for (ServerSocket s : held) {
        s.close();
      }
    }
    return ports;
  }

  /** Writes a connection file on 127.0.0.1 with the given ports and key. */
  static Path connectionFile(Path dir, Map<String, Integer> ports, String key) throws IOException {
    JsonObject c = new JsonObject();
    ports.forEach(c::addProperty);
    c.addProperty("ip", "127.0.0.1");
    c.addProperty("transport", "tcp");
    c.addProperty("signature_scheme", "hmac-sha256");
    c.addProperty("key", key);
    Path file = dir.resolve("connection.json");
    Files.writeString(file, GSON.toJson(c));
    return file;
  }

  /** Starts a kernel JVM with extra environment variables and waits until it answers. */
  static KernelClient start(Path dir, Map<String, String> env) throws Exception {
    Map<String, Integer> ports = freePorts();
    String key = UUID.randomUUID().toString();
    Path conn = connectionFile(dir, ports, key);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Dai.djl.offline=true",
        "-cp", classPath(), "lab.kernel.Main", conn.toString());
    pb.environment().putAll(env);
    pb.redirectError(dir.resolve("kernel.log").toFile());
    pb.redirectOutput(dir.resolve("kernel.out").toFile());
    Process p = pb.start();
    KernelClient c = new KernelClient(dir, ports, key, p);
    c.kernelInfo(Duration.ofSeconds(60));
    return c;
  }

  static KernelClient start(Path dir) throws Exception {
    return start(dir, Map.of());
  }

  // ---------------------------------------------------------------------------------------

  private String sign(byte[]... parts) {
    synchronized (mac) {
      for (byte[] p : parts) {
        mac.update(p);
      }
      return HexFormat.of().formatHex(mac.doFinal());
    }
  }

  JsonObject header(String type) {
    JsonObject h = new JsonObject();
    h.addProperty("msg_id", UUID.randomUUID().toString());
    h.addProperty("session", session);
    h.addProperty("username", "test");
    h.addProperty("date", Instant.now().toString());
    h.addProperty("msg_type", type);
    h.addProperty("version", "5.3");
    return h;
  }

  /** Sends a request; {@code signature} null means a correct signature. Returns its msg_id. */
  String send(ZMQ.Socket socket, String type, JsonObject content, String signature) {
    JsonObject header = header(type);
    byte[] h = GSON.toJson(header).getBytes(StandardCharsets.UTF_8);
    byte[] parent = "{}".getBytes(StandardCharsets.UTF_8);
    byte[] meta = "{}".getBytes(StandardCharsets.UTF_8);
    byte[] c = GSON.toJson(content).getBytes(StandardCharsets.UTF_8);
    String sig = signature != null ? signature : sign(h, parent, meta, c);
    socket.sendMore("<IDS|MSG>");
    socket.sendMore(sig);
    socket.sendMore(h);
    socket.sendMore(parent);
    socket.sendMore(meta);
    socket.send(c);
    return header.get("msg_id").getAsString();
  }

  String sendShell(String type, JsonObject content) {
    return send(shell, type, content, null);
  }

  String sendShellWithSignature(String type, JsonObject content, String signature) {
    return send(shell, type, content, signature);
  }

  String sendControl(String type, JsonObject content) {
    return send(control, type, content, null);
  }

  /** Receives one message (checking its signature), or null after {@code timeout}. */
  Msg recv(ZMQ.Socket socket, Duration timeout) {
    socket.setReceiveTimeOut((int) Math.max(1, timeout.toMillis()));
    List<byte[]> frames = new ArrayList<>();
    byte[] first = socket.recv();
    if (first == null) {
      return null;
    }
    frames.add(first);
    while (socket.hasReceiveMore()) {
      frames.add(socket.recv());
    }
    int d = 0;
    while (!new String(frames.get(d), StandardCharsets.UTF_8).equals("<IDS|MSG>")) {
      d++;
    }
    String sig = new String(frames.get(d + 1), StandardCharsets.UTF_8);
    byte[][] parts = {frames.get(d + 2), frames.get(d + 3), frames.get(d + 4), frames.get(d + 5)};
    if (!sig.equals(sign(parts))) {
      throw new IllegalStateException("the kernel sent a message with a wrong signature");
    }
    JsonObject header = json(parts[0]);
    return new Msg(header.get("msg_type").getAsString(), header, json(parts[1]), json(parts[3]));
  }

  private static JsonObject json(byte[] b) {
    return JsonParser.parseString(new String(b, StandardCharsets.UTF_8)).getAsJsonObject();
  }

  Msg recvShell(Duration timeout) {
    return recv(shell, timeout);
  }

  Msg recvControl(Duration timeout) {
    return recv(control, timeout);
  }

  Msg recvIopub(Duration timeout) {
    return recv(iopub, timeout);
  }

  /** Sends kernel_info_request until the kernel answers (IOPub is connected by then). */
  Msg kernelInfo(Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the kernel exited: " + readLog());
      }
      String id = sendShell("kernel_info_request", new JsonObject());
      Msg m = recvShell(Duration.ofSeconds(2));
      while (m != null && !m.parentId().equals(id)) {
        m = recvShell(Duration.ofSeconds(2));
      }
      if (m != null) {
        drainIopub(Duration.ofMillis(300));
        return m;
      }
    }
    throw new IllegalStateException("no kernel_info_reply in " + timeout + ": " + readLog());
  }

  void drainIopub(Duration quiet) {
    while (recvIopub(quiet) != null) {
      // Discard.
    }
  }

  String readLog() {
    try {
      return Files.exists(log) ? Files.readString(log) : "(no log)";
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  static JsonObject executeContent(String code) {
    JsonObject c = new JsonObject();
    c.addProperty("code", code);
    c.addProperty("silent", false);
    c.addProperty("store_history", true);
    c.add("user_expressions", new JsonObject());
    c.addProperty("allow_stdin", false);
    c.addProperty("stop_on_error", true);
    return c;
  }

  /** Sends a cell and returns its IOPub messages up to idle and its reply. */
  Execution execute(String code, Duration timeout) {
    long t0 = System.nanoTime();
    String id = sendShell("execute_request", executeContent(code));
    return collect(id, t0, timeout);
  }

  Execution execute(String code) {
    return execute(code, Duration.ofSeconds(60));
  }

  /** The IOPub messages of request {@code id} up to its idle status, and its shell reply. */
  Execution collect(String id, long t0, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    List<Msg> iopubs = new ArrayList<>();
    Msg reply = null;
    boolean idle = false;
    while ((reply == null || !idle) && System.nanoTime() < end) {
      Msg m = recvIopub(Duration.ofMillis(20));
      if (m != null && m.parentId().equals(id)) {
        iopubs.add(m);
        idle |= m.type().equals("status")
            && m.content().get("execution_state").getAsString().equals("idle");
      }
      if (reply == null) {
        Msg r = recvShell(Duration.ofMillis(1));
        if (r != null && r.parentId().equals(id)) {
          reply = r;
        }
      }
    }
    if (reply == null || !idle) {
      throw new IllegalStateException("request " + id + " did not finish in " + timeout
          + " (reply " + reply + ", iopub " + iopubs + "); log: " + readLog());
    }
    return new Execution(iopubs, reply, Duration.ofNanos(System.nanoTime() - t0));
  }

  /** Sends a request on shell and returns its reply. */
  Msg request(String type, JsonObject content) {
    String id = sendShell(type, content);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < end) {
      Msg m = recvShell(Duration.ofSeconds(1));
      if (m != null && m.parentId().equals(id)) {
        return m;
      }
    }
    throw new IllegalStateException("no reply to " + type + ": " + readLog());
  }

  /** A heartbeat round trip. */
  boolean heartbeat() {
    hb.send("ping");
    hb.setReceiveTimeOut(5000);
    byte[] echo = hb.recv();
    return echo != null && new String(echo, StandardCharsets.UTF_8).equals("ping");
  }

  static List<String> strings(JsonArray a) {
    List<String> out = new ArrayList<>();
    a.forEach(e -> out.add(e.getAsString()));
    return out;
  }

  @Override
  public void close() throws Exception {
    try {
      if (process.isAlive()) {
        JsonObject c = new JsonObject();
        c.addProperty("restart", false);
        sendControl("shutdown_request", c);
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          process.waitFor(5, TimeUnit.SECONDS);
        }
      }
    } finally {
      ctx.close();
    }
  }

  static String pathSeparator() {
    return File.pathSeparator;
  }
}
