package com.huiyi31.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox's HTTP layer, on the JDK's own server ({@code com.sun.net.httpserver}, module
 * {@code jdk.httpserver}): it binds {@code 127.0.0.1} only, reads each request's body up to
 * {@link #MAX_BODY_BYTES}, hands POSTs to the served paths to their {@link Endpoint} and writes
 * the {@link Answer}. Everything else is answered here: 404 for other paths, 405 for other
 * methods, 413 for a body over the limit. It never keeps a request once it is answered.
 *
 * <p>Bounded by construction: {@link #WORKERS} threads read and answer requests (a queue of
 * {@link #QUEUED} waiting connections; beyond that the server's own thread answers, which slows
 * down accepting new ones); a body is read into memory only up to the limit, so memory per
 * request is bounded whatever a client sends; a delayed answer (SLOW) waits on one scheduler
 * thread, not on a worker.
 */
final class SandboxServer implements AutoCloseable {

  /**
   * The largest request body read (1 MiB). A Register body is a few kilobytes; anything above
   * this is answered 413 and the connection closed, without reading the rest.
   */
  static final int MAX_BODY_BYTES = 1024 * 1024;

  static final int WORKERS = 16;
  static final int QUEUED = 1_000;

  /**
   * How long a connection refused with 413 stays open after the answer, before it is closed with
   * the rest of the body unread. Closing a socket with unread data makes the kernel reset the
   * connection at once, discarding whatever of the answer it had not sent yet (the JDK writes the
   * head and the body separately, and the body may still wait for the client's ACK): the client
   * would see a reset instead of the 413. This lingering gives the answer time to leave.
   */
  static final long LINGER_MILLIS = 250;

  /** One served path: its answer to a POST. */
  @FunctionalInterface
  interface Endpoint {
    Answer answer(Received request);
  }

  private static final byte[] LOOPBACK = {127, 0, 0, 1};

  private final HttpServer server;
  private final ThreadPoolExecutor workers;
  private final ScheduledExecutorService delays;
  private final ScheduledExecutorService closings;
  private final Map<String, Endpoint> endpoints;
  private final int port;

  private SandboxServer(HttpServer server, ThreadPoolExecutor workers, ScheduledExecutorService delays,
      ScheduledExecutorService closings, Map<String, Endpoint> endpoints) {
    this.server = server;
    this.workers = workers;
    this.delays = delays;
    this.closings = closings;
    this.endpoints = endpoints;
    this.port = server.getAddress().getPort();
  }

  /** Listens on {@code 127.0.0.1:port} (0: a free port) and serves {@code endpoints} by path. */
  static SandboxServer start(int port, Map<String, Endpoint> endpoints) throws IOException {
    InetSocketAddress address = new InetSocketAddress(InetAddress.getByAddress("127.0.0.1", LOOPBACK), port);
    HttpServer server = HttpServer.create(address, 0);
    String prefix = "huiyi31-sandbox-" + server.getAddress().getPort();
    ThreadPoolExecutor workers = new ThreadPoolExecutor(WORKERS, WORKERS, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(QUEUED), threads(prefix + "-worker-"), new ThreadPoolExecutor.CallerRunsPolicy());
    workers.allowCoreThreadTimeOut(true); // idle workers end after 30 s
    ScheduledThreadPoolExecutor delays = new ScheduledThreadPoolExecutor(1, threads(prefix + "-delayed-"));
    // Its own thread: closing a refused connection reads up to 64 KiB more of its body first
    // (the JDK's drain), which waits on the client; SLOW answers must not wait behind that.
    ScheduledThreadPoolExecutor closings = new ScheduledThreadPoolExecutor(1, threads(prefix + "-closing-"));
    SandboxServer sandbox = new SandboxServer(server, workers, delays, closings, Map.copyOf(endpoints));
    server.setExecutor(workers);
    server.createContext("/", sandbox::handle);
    server.start();
    return sandbox;
  }

  int port() {
    return port;
  }

  /** Stops listening, closes every connection (a delayed answer still waiting is dropped) and ends the threads. */
  @Override
  public void close() {
    server.stop(0);
    delays.shutdownNow();
    closings.shutdownNow();
    workers.shutdownNow();
  }

  private void handle(HttpExchange exchange) {
    try {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      Endpoint endpoint = endpoints.get(path);
      if (endpoint == null || !method.equals("POST")) {
        send(exchange, notServed(method, path, endpoint != null));
        return;
      }
      byte[] body = readBody(exchange);
      if (body == null) {
        if (write(exchange, tooLarge())) {
          closings.schedule(exchange::close, LINGER_MILLIS, TimeUnit.MILLISECONDS);
        }
        return;
      }
      Answer answer = endpoint.answer(new Received(path, exchange.getRequestHeaders(), body));
      if (answer.delayMillis() > 0) {
        delays.schedule(() -> send(exchange, answer), answer.delayMillis(), TimeUnit.MILLISECONDS);
      } else {
        send(exchange, answer);
      }
    } catch (IOException broken) {
      exchange.close(); // the client went away while sending: nobody to answer
    } catch (RuntimeException bug) {
      send(exchange, Answer.text(500, "500 Internal Server Error (huiyi31 sandbox): the sandbox failed: " + bug + "\n")
          .withHeader("Connection", "close"));
    }
  }

  /**
   * The body, or null when it is over {@link #MAX_BODY_BYTES}: a declared Content-Length over
   * the limit is refused before reading anything, a chunked body as soon as it passes the limit.
   */
  private static byte[] readBody(HttpExchange exchange) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null && Long.parseLong(declared.strip()) > MAX_BODY_BYTES) { // the JDK has checked it is a number
      return null;
    }
    InputStream in = exchange.getRequestBody();
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    return body.length > MAX_BODY_BYTES ? null : body;
  }

  /** 413, and the connection closes: what is left of the body is not read. */
  private static Answer tooLarge() {
    return Answer.text(413, "413 Content Too Large (huiyi31 sandbox): the request body is over the sandbox's limit of "
        + MAX_BODY_BYTES / 1024 / 1024 + " MiB (" + MAX_BODY_BYTES + " bytes); a Register body is a few kilobytes.\n")
        .withHeader("Connection", "close");
  }

  /** Any other path or method: what a gateway would answer, with a line saying what is served. */
  private Answer notServed(String method, String path, boolean knownPath) {
    int status = knownPath ? 405 : 404;
    String text = status + (knownPath ? " Method Not Allowed" : " Not Found") + " (huiyi31 sandbox): " + method + " " + path
        + " is not an operation of the contract. The sandbox serves "
        + String.join(", ", Huiyi31Sandbox.PATHS.stream().map(served -> "POST " + served).toList()) + ".\n";
    Answer answer = Answer.text(status, text);
    return knownPath ? answer.withHeader("Allow", "POST") : answer;
  }

  /** Writes the answer and ends the exchange. */
  private static void send(HttpExchange exchange, Answer answer) {
    try (exchange) {
      write(exchange, answer);
    }
  }

  /**
   * Writes the answer, head and body, without ending the exchange; false when the client has gone
   * away (the exchange is then closed: nothing more to do).
   */
  private static boolean write(HttpExchange exchange, Answer answer) {
    try {
      Headers headers = exchange.getResponseHeaders();
      headers.set("Content-Type", answer.contentType());
      answer.headers().forEach(headers::set);
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(answer.status(), head || answer.body().length == 0 ? -1 : answer.body().length);
      if (!head) {
        OutputStream out = exchange.getResponseBody();
        out.write(answer.body());
        out.flush();
      }
      return true;
    } catch (IOException clientGone) {
      exchange.close();
      return false;
    }
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger next = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + next.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
