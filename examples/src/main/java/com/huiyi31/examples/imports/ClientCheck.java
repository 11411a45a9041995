package com.huiyi31.examples.imports;

import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.Huiyi31Exception;
import com.huiyi31.client.Huiyi31ValidationException;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs requests through the client's own validation, so the import applies exactly the client's
 * rules (required ids and ticket, Mobile or Email present, their formats, duplicate fields, JSON
 * encoding) without a second copy of them that could drift.
 *
 * <p>The client validates inside {@code registerAttendee}, just before it sends, and its validator
 * is not public. So this check gives the requests to a second client whose "platform" is a sink
 * in this process, on the loopback interface: nothing reaches the platform or leaves this
 * machine. Whatever the sink answers, a {@link Huiyi31ValidationException} means the row is
 * invalid, and anything else means it passed validation.
 *
 * <p>The price: a loopback round trip per row, about 1 ms of CPU (10,000 rows: seconds, not
 * minutes). If the client ever offers a public {@code validate(request)}, use it and delete the sink.
 */
final class ClientCheck implements AutoCloseable {

  private static final byte[] ANSWER = "{\"businessCode\":0,\"businessMessage\":\"validation only\"}"
      .getBytes(StandardCharsets.UTF_8);

  private final ExecutorService sinkThreads;
  private final HttpServer sink;
  private final Huiyi31Client client;

  ClientCheck(int threads) {
    // The JDK's server writes an answer's headers and body separately; with Nagle's algorithm on,
    // the body then waits for the client's delayed ACK: 40 ms a row. Read once, when the first
    // server of this JVM starts (the sink is the tool's only one).
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    try {
      sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("could not open the local validation sink", e);
    }
    sinkThreads = Executors.newFixedThreadPool(threads, daemon("import-validation-sink"));
    sink.setExecutor(sinkThreads);
    sink.createContext("/", exchange -> {
      try (exchange) {
        exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, ANSWER.length);
        exchange.getResponseBody().write(ANSWER);
      }
    });
    sink.start();
    client = Huiyi31Client.builder()
        .baseUrl("http://127.0.0.1:" + sink.getAddress().getPort())
        .connectRetries(0)
        .maxConcurrentRequests(threads)
        .build();
  }

  /** The client's objections to the request, in the order it found them; empty when it would send it. */
  List<Huiyi31ValidationException.Problem> problems(RegisterAttendeeRequest request) {
    try {
      client.attendees().registerAttendee(request);
      return List.of();
    } catch (Huiyi31ValidationException e) {
      return e.problems();
    } catch (Huiyi31Exception e) {
      return List.of(); // validation passed; the request got as far as the sink
    }
  }

  @Override
  public void close() {
    client.close();
    sink.stop(0);
    sinkThreads.shutdownNow();
  }

  static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
