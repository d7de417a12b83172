package dev.eventsmith.insight.diagram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless chromium driven over the Chrome DevTools Protocol, with the JDK's own
 * WebSocket client: no browser download, no driver. One page; every console error and uncaught
 * exception of it is kept.
 */
final class Chromium implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = Collections.synchronizedList(new ArrayList<>());

  private Chromium(Process process, Path profile, WebSocket socket) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
  }

  /**
   * The installed chromium, or the test stops here: a failure on CI ({@code EVENTSMITH_CI=1}), where
   * {@code .ci/run} installs it, and a skipped test elsewhere, saying what to install.
   */
  static Path executable() {
    Optional<Path> found = Stream.of(System.getenv("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser")
        .filter(p -> p != null && !p.isBlank()).map(Path::of).filter(Files::isExecutable).findFirst();
    String missing = "the browser test needs Debian's chromium: apt-get install -y chromium"
        + " (or set CHROMIUM to a chromium executable)";
    if (found.isEmpty()) {
      if ("1".equals(System.getenv("EVENTSMITH_CI"))) {
        Assertions.fail(missing);
      }
      Assumptions.abort(missing);
    }
    return found.get();
  }

  static Chromium launch(Path executable) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("eventsmith-chromium");
    Process process = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--remote-debugging-port=0", "--remote-allow-origins=*",
        "--window-size=1600,1000", "about:blank")
        .redirectErrorStream(true).start();
    String browserSocket = null;
    BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    for (String line = output.readLine(); line != null; line = output.readLine()) {
      int at = line.indexOf("ws://");
      if (line.startsWith("DevTools listening on") && at >= 0) {
        browserSocket = line.substring(at).strip();
        break;
      }
    }
    if (browserSocket == null) {
      process.destroyForcibly();
      throw new IOException("chromium printed no DevTools address (exit " + process.waitFor() + ")");
    }
    Thread drain = new Thread(() -> {
      try {
        output.lines().forEach(line -> { });
      } catch (java.io.UncheckedIOException closed) {
        // the browser was closed: nothing more to read
      }
    }, "chromium-output");
    drain.setDaemon(true);
    drain.start();
    URI browser = URI.create(browserSocket);
    HttpClient http = HttpClient.newHttpClient();
    JsonNode pages = JSON.readTree(http.send(HttpRequest.newBuilder(
        URI.create("http://" + browser.getHost() + ":" + browser.getPort() + "/json/list")).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    String pageSocket = null;
    for (JsonNode page : pages) {
      if ("page".equals(page.path("type").asText())) {
        pageSocket = page.path("webSocketDebuggerUrl").asText();
      }
    }
    if (pageSocket == null) {
      process.destroyForcibly();
      throw new IOException("chromium opened no page: " + pages);
    }
    Chromium[] self = new Chromium[1];
    StringBuilder frame = new StringBuilder();
    WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new WebSocket.Listener() {
      @Override
      public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        frame.append(data);
        if (last) {
          String text = frame.toString();
          frame.setLength(0);
          self[0].receive(text);
        }
        webSocket.request(1);
        return null;
      }
    }).join();
    self[0] = new Chromium(process, profile, socket);
    return self[0];
  }

  private void receive(String text) {
    try {
      JsonNode message = JSON.readTree(text);
      if (message.has("id")) {
        CompletableFuture<JsonNode> waiting = pending.remove(message.get("id").asInt());
        if (waiting != null) {
          waiting.complete(message);
        }
      } else {
        events.add(message);
      }
    } catch (IOException e) {
      events.add(JSON.createObjectNode().put("method", "unreadable").put("text", text));
    }
  }

  /** Sends one command and waits for its result; a protocol error fails the test. */
  JsonNode send(String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", JSON.valueToTree(params));
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    socket.sendText(JSON.writeValueAsString(message), true).join();
    JsonNode reply = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new AssertionError(method + " failed: " + reply.get("error"));
    }
    return reply.path("result");
  }

  /** Evaluates a JavaScript expression in the page and returns its value. */
  JsonNode evaluate(String expression) throws Exception {
    JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
        "awaitPromise", true));
    if (result.has("exceptionDetails")) {
      throw new AssertionError("script failed: " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** Opens {@code url} and waits until it has loaded. */
  void open(URI url) throws Exception {
    send("Page.enable", Map.of());
    send("Runtime.enable", Map.of());
    send("Log.enable", Map.of());
    send("Page.navigate", Map.of("url", url.toString()));
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (events().stream().noneMatch(e -> "Page.loadEventFired".equals(e.path("method").asText()))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the page did not finish loading");
      }
      Thread.sleep(50);
    }
  }

  /** A real click: the mouse pressed and released at a point of the page's viewport. */
  void click(double x, double y) throws Exception {
    for (String type : List.of("mousePressed", "mouseReleased")) {
      send("Input.dispatchMouseEvent", Map.of("type", type, "x", x, "y", y, "button", "left", "clickCount", 1));
    }
  }

  byte[] screenshot() throws Exception {
    return java.util.Base64.getDecoder().decode(send("Page.captureScreenshot", Map.of("format", "png")).path("data")
        .asText());
  }

  /** The page's console errors, uncaught exceptions and error log entries, as text. */
  List<String> errors() {
    List<String> errors = new ArrayList<>();
    for (JsonNode event : events()) {
      String method = event.path("method").asText();
      JsonNode params = event.path("params");
      if (method.equals("Runtime.exceptionThrown")) {
        errors.add("exception: " + params.path("exceptionDetails"));
      } else if (method.equals("Runtime.consoleAPICalled") && params.path("type").asText().equals("error")) {
        errors.add("console.error: " + params.path("args"));
      } else if (method.equals("Log.entryAdded") && params.path("entry").path("level").asText().equals("error")) {
        errors.add("log: " + params.path("entry").path("text").asText());
      }
    }
    return errors;
  }

  private List<JsonNode> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  @Override
  public void close() throws Exception {
    socket.abort();
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    }
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
