package com.huiyi31.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.Huiyi31DecodeException;
import com.huiyi31.client.Huiyi31Exception;
import com.huiyi31.client.Huiyi31Exception.Outcome;
import com.huiyi31.client.Huiyi31HttpException;
import com.huiyi31.client.Huiyi31TransportException;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per way the network or the server can fail a registration: which {@link
 * Huiyi31Exception} the caller gets, what its {@link Outcome} says, that its message says what
 * happened in one clean sentence, and how often the request reached the server (a registration
 * sent twice can create two orders, so every row counts exactly).
 *
 * <p>HTTP-level faults are served by WireMock; faults below HTTP (nothing listening, a TLS peer
 * that hangs up, a reset before any answer) by a raw loopback socket that counts connections.
 */
class FaultMatrixTest {

  /**
   * Short, yet beyond what WireMock itself needs for a first answer on a cold JVM on two busy
   * cores: a row that is not about timing must never fail by timing.
   */
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

  /** For the row that is about timing: the answer comes {@link #SLOW_ANSWER_DELAY_MS} late. */
  private static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(300);

  private static final int SLOW_ANSWER_DELAY_MS = 1_500;

  /**
   * For the 20 MB row, which is about size: WireMock needs 200-600 ms before the first byte of a
   * 20 MB stub (measured on two cores), which a short read timeout would turn into a timeout.
   */
  private static final Duration BIG_BODY_READ_TIMEOUT = Duration.ofSeconds(5);

  /** Counts POSTs as they arrive, before WireMock answers: its journal may log a fault only after the client saw it. */
  private static final PostCounter POSTS = new PostCounter();

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(WireMockConfiguration.wireMockConfig().dynamicPort().gzipDisabled(true)
          .disableRequestJournal().extensions(POSTS))
      .build();

  /** The docs case's request: valid, so every failure below comes from the fault, not the request. */
  private static final RegisterAttendeeRequest REQUEST = RecordedCase.named("docs-example-registered").request();

  /** A row served by WireMock: the answer (or fault) and what the caller must get. */
  record HttpRow(String fault, ResponseDefinitionBuilder answer, Class<? extends Huiyi31Exception> type,
      Outcome outcome, List<String> keywords, Consumer<Huiyi31Exception> more, Duration readTimeout) {
    HttpRow withReadTimeout(Duration timeout) {
      return new HttpRow(fault, answer, type, outcome, keywords, more, timeout);
    }

    @Override
    public String toString() {
      return fault;
    }
  }

  static Stream<HttpRow> httpFaults() {
    String html500 = htmlPage("500 Internal Server Error");
    String html502 = htmlPage("502 Bad Gateway");
    return Stream.of(
        row("connection reset by peer (WireMock CONNECTION_RESET_BY_PEER)",
            aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
            Huiyi31TransportException.class, Outcome.UNKNOWN, List.of("after the request was sent", "may have processed")),
        row("connection closed without an answer (WireMock EMPTY_RESPONSE)",
            aResponse().withFault(Fault.EMPTY_RESPONSE),
            Huiyi31TransportException.class, Outcome.UNKNOWN, List.of("after the request was sent", "may have processed")),
        row("200 then a malformed chunk (WireMock MALFORMED_RESPONSE_CHUNK)",
            aResponse().withStatus(200).withFault(Fault.MALFORMED_RESPONSE_CHUNK),
            Huiyi31TransportException.class, Outcome.UNKNOWN, List.of("after the request was sent", "may have processed")),
        row("garbage instead of HTTP, then close (WireMock RANDOM_DATA_THEN_CLOSE)",
            aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE),
            Huiyi31TransportException.class, Outcome.UNKNOWN, List.of("after the request was sent", "may have processed")),
        row("answer slower than the read timeout",
            json(200, "{\"businessCode\": 0}").withFixedDelay(SLOW_ANSWER_DELAY_MS),
            Huiyi31TransportException.class, Outcome.UNKNOWN,
            List.of("after the request was sent", "SocketTimeoutException", "may have processed"))
            .withReadTimeout(SHORT_READ_TIMEOUT),
        row("307 redirect (following it would send the POST again)",
            json(307, "").withHeader("Location", Replay.REGISTER_PATH + "?redirected=1"),
            Huiyi31HttpException.class, Outcome.NOT_PROCESSED, List.of("HTTP 307", "empty body", "did not act"),
            e -> assertThat(((Huiyi31HttpException) e).status()).isEqualTo(307)),
        row("500 with an HTML page",
            aResponse().withStatus(500).withHeader("Content-Type", "text/html; charset=utf-8").withBody(html500),
            Huiyi31HttpException.class, Outcome.UNKNOWN, List.of("HTTP 500", "500 Internal Server Error", "may have processed"),
            e -> assertExcerpt((Huiyi31HttpException) e, 500, "<!DOCTYPE html>")),
        row("502 with a gateway's HTML page",
            aResponse().withStatus(502).withHeader("Content-Type", "text/html").withBody(html502),
            Huiyi31HttpException.class, Outcome.UNKNOWN, List.of("HTTP 502", "502 Bad Gateway", "may have processed"),
            e -> assertExcerpt((Huiyi31HttpException) e, 502, "<!DOCTYPE html>")),
        row("401 unauthorized",
            json(401, "{\"message\": \"Unauthorized\"}"),
            Huiyi31HttpException.class, Outcome.NOT_PROCESSED, List.of("HTTP 401", "Unauthorized", "did not act"),
            e -> assertThat(((Huiyi31HttpException) e).status()).isEqualTo(401)),
        row("429 with Retry-After: 1",
            json(429, "{\"message\": \"Too Many Requests\"}").withHeader("Retry-After", "1"),
            Huiyi31HttpException.class, Outcome.NOT_PROCESSED, List.of("HTTP 429", "Too Many Requests", "did not act"),
            e -> assertThat(((Huiyi31HttpException) e).status()).isEqualTo(429)),
        row("200 with invalid JSON",
            json(200, "{\"businessCode\": 0, \"data\": {"),
            Huiyi31DecodeException.class, Outcome.UNKNOWN,
            // The position is where the input ends. (The client words this as "the value of $.data
            // does not fit the contract" rather than "not valid JSON": see the report on JsonCodec.)
            List.of("HTTP 200", "could not be read", "at line 1, column 30", "may have processed"),
            e -> assertThat(((Huiyi31DecodeException) e).httpStatus()).isEqualTo(200)),
        row("200 with Content-Type text/plain (and a JSON body)",
            aResponse().withStatus(200).withHeader("Content-Type", "text/plain; charset=utf-8")
                .withBody("{\"businessCode\": 0, \"businessMessage\": \"\", \"data\": null}"),
            Huiyi31DecodeException.class, Outcome.UNKNOWN, List.of("HTTP 200", "content type", "text/plain", "not JSON"),
            e -> assertThat(((Huiyi31DecodeException) e).httpStatus()).isEqualTo(200)),
        row("200 with a 20 MB body",
            aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(twentyMegabytesOfJson()),
            Huiyi31DecodeException.class, Outcome.UNKNOWN, List.of("HTTP 200", "larger than 4194304 bytes", "may have processed"),
            e -> assertThat(((Huiyi31DecodeException) e).httpStatus()).isEqualTo(200))
            .withReadTimeout(BIG_BODY_READ_TIMEOUT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("httpFaults")
  void anHttpLevelFaultBecomesItsHuiyi31ExceptionAndThePostIsSentExactlyOnce(HttpRow row) {
    wm.stubFor(post(urlPathEqualTo(Replay.REGISTER_PATH)).willReturn(row.answer()));
    POSTS.reset();

    Huiyi31Exception e = register(client(b -> b.baseUrl(wm.baseUrl()).readTimeout(row.readTimeout())));

    assertTranslated(e, row.type(), row.outcome(), row.keywords());
    row.more().accept(e);
    assertThat(POSTS.count()).as("POSTs the server received for: %s", row.fault()).isEqualTo(1);
  }

  @Test
  void aRefusedConnectionIsATransportErrorWhoseRequestWasNotSent() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort(); // closed on leaving: nothing listens on this port any more
    }

    Huiyi31Exception e = register(client(b -> b.baseUrl("http://127.0.0.1:" + port)));

    assertTranslated(e, Huiyi31TransportException.class, Outcome.NOT_SENT,
        List.of("before the request was sent", "ConnectException", "safe to send it again"));
  }

  @Test
  void aTlsHandshakeFailureIsNotSentAndIsTriedOncePlusTheTwoDefaultConnectRetries() throws IOException {
    try (HangUpServer server = HangUpServer.start(HangUp.CLOSE_AT_ONCE)) {
      Huiyi31Exception e = register(client(b -> b.baseUrl("https://localhost:" + server.port())));

      assertTranslated(e, Huiyi31TransportException.class, Outcome.NOT_SENT,
          List.of("before the request was sent", "safe to send it again"));
      assertThat(server.connections()).as("TCP connections accepted (1 try + 2 connect retries)").isEqualTo(3);
    }
  }

  @Test
  void aTlsHandshakeFailureWithConnectRetriesOffIsTriedExactlyOnce() throws IOException {
    try (HangUpServer server = HangUpServer.start(HangUp.CLOSE_AT_ONCE)) {
      Huiyi31Exception e = register(client(b -> b.baseUrl("https://localhost:" + server.port()).connectRetries(0)));

      assertTranslated(e, Huiyi31TransportException.class, Outcome.NOT_SENT,
          List.of("before the request was sent", "safe to send it again"));
      assertThat(server.connections()).as("TCP connections accepted").isEqualTo(1);
    }
  }

  @Test
  void aResetAfterTheRequestArrivedButBeforeAnyAnswerIsUnknownAndNeverRetried() throws IOException {
    try (HangUpServer server = HangUpServer.start(HangUp.RESET_AFTER_FIRST_BYTES)) {
      Huiyi31Exception e = register(client(b -> b.baseUrl("http://127.0.0.1:" + server.port())));

      assertTranslated(e, Huiyi31TransportException.class, Outcome.UNKNOWN,
          List.of("after the request was sent", "SocketException", "may have processed"));
      assertThat(server.connections()).as("TCP connections accepted (a possibly processed POST is never retried)")
          .isEqualTo(1);
      assertThat(server.requestsStarted()).as("connections on which a POST arrived before the reset").isEqualTo(1);
    }
  }

  /**
   * An RST sent the moment the connection is accepted races the client's own connect: when the
   * RST lands before the JDK has confirmed the connect, {@code Socket.connect} itself fails
   * ("Connection reset by peer" from {@code Net.pollConnect}), nothing was written and the
   * client rightly retries; when it lands after, the request may have been written and is never
   * retried. Either way the outcome must match what the server saw.
   */
  @Test
  void aResetTheMomentTheConnectionIsAcceptedIsRetriedOnlyWhileTheConnectItselfFails() throws IOException {
    try (HangUpServer server = HangUpServer.start(HangUp.RESET_AT_ONCE)) {
      Huiyi31Exception e = register(client(b -> b.baseUrl("http://127.0.0.1:" + server.port())));

      assertThat(e).isExactlyInstanceOf(Huiyi31TransportException.class);
      if (e.outcome() == Outcome.NOT_SENT) {
        assertTranslated(e, Huiyi31TransportException.class, Outcome.NOT_SENT,
            List.of("before the request was sent", "safe to send it again"));
        assertThat(server.connections()).as("every try failed in connect: 1 try + 2 connect retries").isEqualTo(3);
      } else {
        assertTranslated(e, Huiyi31TransportException.class, Outcome.UNKNOWN,
            List.of("after the request was sent", "may have processed"));
        assertThat(server.connections()).as("tries until one got past connect; none after it").isBetween(1, 3);
      }
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  private static Huiyi31Client client(UnaryOperator<Huiyi31Client.Builder> configure) {
    return configure.apply(Huiyi31Client.builder()
            .readTimeout(READ_TIMEOUT)
            .connectRetryBackoff(Duration.ofMillis(1), Duration.ofMillis(2)))
        .build();
  }

  /** Registers the docs request and returns what was thrown; fails if anything else happened. */
  private static Huiyi31Exception register(Huiyi31Client client) {
    Throwable thrown;
    try (client) {
      thrown = catchThrowable(() -> client.attendees().registerAttendee(REQUEST));
    }
    assertThat(thrown).as("what registerAttendee threw").isInstanceOf(Huiyi31Exception.class);
    return (Huiyi31Exception) thrown;
  }

  private static void assertTranslated(Huiyi31Exception e, Class<? extends Huiyi31Exception> type, Outcome outcome,
      List<String> keywords) {
    assertThat(e).as("exception type").isExactlyInstanceOf(type);
    assertThat(e.outcome()).as("outcome of: %s", e.getMessage()).isEqualTo(outcome);
    assertThat(e.getMessage())
        .as("message")
        .startsWith(e instanceof Huiyi31DecodeException ? "The answer to POST " + Replay.REGISTER_PATH
            : "POST " + Replay.REGISTER_PATH)
        .contains(keywords)
        .doesNotContain("\n\tat ", "\tat ", "Caused by", "Exception:", "feign.", "okhttp3.", "java.", "\n");
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      assertThat(cause.getClass().getName()).as("cause chain of: %s", e.getMessage()).doesNotStartWith("feign.");
    }
  }

  private static void assertExcerpt(Huiyi31HttpException e, int status, String start) {
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.bodyExcerpt())
        .startsWith(start)
        .doesNotContain("\n")
        .hasSizeLessThanOrEqualTo(201) // 200 characters and an ellipsis
        .endsWith("…");
    assertThat(e.getMessage()).contains(e.bodyExcerpt()).hasSizeLessThan(600);
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
  }

  private static HttpRow row(String fault, ResponseDefinitionBuilder answer, Class<? extends Huiyi31Exception> type,
      Outcome outcome, List<String> keywords) {
    return new HttpRow(fault, answer, type, outcome, keywords, e -> { }, READ_TIMEOUT);
  }

  private static HttpRow row(String fault, ResponseDefinitionBuilder answer, Class<? extends Huiyi31Exception> type,
      Outcome outcome, List<String> keywords, Consumer<Huiyi31Exception> more) {
    return new HttpRow(fault, answer, type, outcome, keywords, more, READ_TIMEOUT);
  }

  /** A gateway's error page, padded well beyond any excerpt so that the bound is visible. */
  private static String htmlPage(String title) {
    return "<!DOCTYPE html>\n<html>\n<head><title>" + title + "</title></head>\n<body>\n<center><h1>" + title
        + "</h1></center>\n<hr><center>nginx</center>\n" + "<!-- padding -->\n".repeat(400) + "</body>\n</html>\n";
  }

  /** A JSON envelope of 20 MB (valid JSON, so only its size can be the problem). */
  private static byte[] twentyMegabytesOfJson() {
    byte[] body = new byte[20 * 1024 * 1024];
    byte[] head = "{\"businessCode\": 0, \"businessMessage\": \"".getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "\"}".getBytes(StandardCharsets.US_ASCII);
    Arrays.fill(body, (byte) 'x');
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
    return body;
  }

  /** Counts the POSTs WireMock receives (to any URL: a followed redirect counts too), the moment each arrives. */
  private static final class PostCounter implements ServeEventListener {
    private final AtomicInteger posts = new AtomicInteger();

    @Override
    public void beforeMatch(ServeEvent serveEvent, Parameters parameters) {
      if (serveEvent.getRequest().getMethod().getName().equals("POST")) {
        posts.incrementAndGet();
      }
    }

    int count() {
      return posts.get();
    }

    void reset() {
      posts.set(0);
    }

    @Override
    public String getName() {
      return "post-counter";
    }
  }

  /** How {@link HangUpServer} ends each connection. */
  private enum HangUp {
    /** A normal close right after accept: a TLS client sees its handshake fail. */
    CLOSE_AT_ONCE,
    /** An RST (SO_LINGER 0) right after accept, as a crashing server or a middlebox sends. */
    RESET_AT_ONCE,
    /** An RST once the first bytes of the request have arrived, before any answer. */
    RESET_AFTER_FIRST_BYTES
  }

  /** A loopback TCP server that accepts every connection, counts it, and hangs up without answering. */
  private static final class HangUpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final HangUp hangUp;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requestsStarted = new AtomicInteger();
    private final Thread acceptor;

    private HangUpServer(HangUp hangUp) throws IOException {
      this.socket = new ServerSocket();
      this.socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      this.hangUp = hangUp;
      this.acceptor = new Thread(this::acceptUntilClosed, "hang-up-server");
      this.acceptor.setDaemon(true);
    }

    static HangUpServer start(HangUp hangUp) throws IOException {
      HangUpServer server = new HangUpServer(hangUp);
      server.acceptor.start();
      return server;
    }

    int port() {
      return socket.getLocalPort();
    }

    int connections() {
      return connections.get();
    }

    int requestsStarted() {
      return requestsStarted.get();
    }

    private void acceptUntilClosed() {
      while (!socket.isClosed()) {
        try (Socket accepted = socket.accept()) {
          connections.incrementAndGet(); // counted before the hang-up the client will see
          if (hangUp == HangUp.RESET_AFTER_FIRST_BYTES) {
            accepted.setSoTimeout(5_000);
            byte[] start = accepted.getInputStream().readNBytes(4);
            if (new String(start, StandardCharsets.US_ASCII).equals("POST")) {
              requestsStarted.incrementAndGet();
            }
          }
          if (hangUp != HangUp.CLOSE_AT_ONCE) {
            accepted.setSoLinger(true, 0);
          }
        } catch (IOException closedOrTimedOut) {
          if (socket.isClosed()) {
            return;
          }
        }
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
