package com.huiyi31.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's bounds: request bodies over 1 MiB are refused with 413 without being read (and
 * the sandbox goes on serving), and it keeps a bounded number of registrations. The huge bodies
 * are streamed from generators: nothing here allocates them.
 */
class SandboxLimitsTest {

  private static final long SIX_HUNDRED_MB = 600L * 1024 * 1024;
  private static final byte[] SPACES = new byte[64 * 1024];

  static {
    Arrays.fill(SPACES, (byte) ' ');
  }

  private static Huiyi31Sandbox sandbox;
  private static Huiyi31Client client;

  @BeforeAll
  static void start() {
    sandbox = Huiyi31Sandbox.start();
    client = Huiyi31Client.builder().baseUrl(sandbox.baseUrl()).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    sandbox.close();
  }

  // --- request bodies --------------------------------------------------------------------------

  @Test
  void aDeclared600MbBodyIsRefusedWith413BeforeItIsReadAndTheNextRequestIsServed() throws IOException {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST " + Huiyi31Sandbox.REGISTER_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Content-Type: application/json\r\nContent-Length: " + SIX_HUNDRED_MB + "\r\n\r\n{\"BventId\": \"")
          .getBytes(StandardCharsets.US_ASCII));
      // 256 KiB of the 600 MB (more than the JDK's server reads before closing): the answer must
      // come without the rest.
      for (int i = 0; i < 4; i++) {
        out.write(SPACES);
      }
      out.flush();

      String answer = readAnswer(socket.getInputStream());

      assertTooLarge(answer);
      assertClosedBySandbox(socket.getInputStream());
    }
    assertTheSandboxStillServes();
  }

  @Test
  void aChunked600MbBodyIsRefusedWith413OnceItPassesTheLimit() throws Exception {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST " + Huiyi31Sandbox.REGISTER_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      // Chunks of 64 KiB until 600 MB are sent or the sandbox closes the connection, from another
      // thread: this one reads the answer, which comes while the body is still being sent.
      CompletableFuture<Long> sending = CompletableFuture.supplyAsync(() -> {
        long sent = 0;
        try {
          byte[] size = (Integer.toHexString(SPACES.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
          while (sent < SIX_HUNDRED_MB) {
            out.write(size);
            out.write(SPACES);
            out.write('\r');
            out.write('\n');
            sent += SPACES.length;
          }
        } catch (IOException closedBySandbox) {
          // expected: the sandbox stops reading and closes the connection
        }
        return sent;
      });

      String answer = readAnswer(socket.getInputStream());

      assertTooLarge(answer);
      assertClosedBySandbox(socket.getInputStream());
      assertThat(sending.get(60, TimeUnit.SECONDS)).as("bytes sent before the connection closed")
          .isGreaterThan(SandboxServer.MAX_BODY_BYTES).isLessThan(SIX_HUNDRED_MB);
    }
    assertTheSandboxStillServes();
  }

  @Test
  void aBodyOfExactlyTheLimitIsReadAndChecked() throws Exception {
    byte[] body = new byte[SandboxServer.MAX_BODY_BYTES];
    Arrays.fill(body, (byte) ' ');
    byte[] json = SandboxTest.docsRequest().getBytes(StandardCharsets.UTF_8);
    System.arraycopy(json, 0, body, 0, json.length); // the documented request, padded with spaces to 1 MiB

    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(sandbox.baseUrl() + Huiyi31Sandbox.REGISTER_PATH)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(SandboxHttp.json(response).path("businessCode").asInt()).isZero();
  }

  @Test
  void anOversizedBodyOnAnotherServedPathIsRefusedToo() throws IOException {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(("POST " + Huiyi31Sandbox.TOKEN_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + (SandboxServer.MAX_BODY_BYTES + 1)
          + "\r\n\r\ngrant_type=").getBytes(StandardCharsets.US_ASCII));

      assertTooLarge(readAnswer(socket.getInputStream()));
    }
  }

  // --- registrations kept ----------------------------------------------------------------------

  @Test
  void manyRegistrationsKeepOnlyTheLastOnesInOrder() {
    try (Huiyi31Sandbox small = Huiyi31Sandbox.start(0, System::nanoTime, new Registrations(5, SandboxServer.MAX_BODY_BYTES));
        Huiyi31Client smallClient = Huiyi31Client.builder().baseUrl(small.baseUrl()).build()) {
      List<RegisterAttendeeRequest> sent = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        RegisterAttendeeRequest request = SandboxTest.request("参会人" + i, "1391234567" + (i % 9 + 1), null,
            "40180000-300e-9237-c7af-08dc6f31f78c");
        smallClient.attendees().registerAttendee(request);
        sent.add(request);
      }

      assertThat(small.registrations()).containsExactlyElementsOf(sent.subList(7, 12));
    }
  }

  @Test
  void atMostTenThousandRegistrationsAreKept() {
    Registrations kept = new Registrations();

    for (int i = 0; i < Registrations.KEPT + 50; i++) {
      kept.add(body("n" + i, 0));
    }

    List<RegisterAttendeeRequest> snapshot = kept.snapshot();
    assertThat(snapshot).hasSize(10_000);
    assertThat(snapshot.get(0).getAttendee().getFields().get(0).getFieldValue()).isEqualTo("n50");
    assertThat(snapshot.get(9_999).getAttendee().getFields().get(0).getFieldValue()).isEqualTo("n10049");
  }

  @Test
  void largeRegistrationsAreKeptUpTo32MiBTogether() {
    Registrations kept = new Registrations();

    for (int i = 0; i < 40; i++) {
      kept.add(body("n" + i, SandboxServer.MAX_BODY_BYTES - 1_000)); // 40 bodies of almost 1 MiB
    }

    List<RegisterAttendeeRequest> snapshot = kept.snapshot();
    assertThat(Registrations.KEPT_BYTES).isEqualTo(32L * 1024 * 1024);
    assertThat(snapshot).hasSize(32);
    assertThat(snapshot.get(0).getAttendee().getFields().get(0).getFieldValue()).isEqualTo("n8");
  }

  @Test
  void clearingForgetsEverything() {
    Registrations kept = new Registrations();
    IntStream.range(0, 3).forEach(i -> kept.add(body("n" + i, 0)));

    kept.clear();
    kept.add(body("after", 0));

    assertThat(kept.snapshot()).extracting(r -> r.getAttendee().getFields().get(0).getFieldValue()).containsExactly("after");
  }

  @Test
  void boundsThatCouldNotHoldOneLargestBodyAreRefused() {
    assertThatThrownBy(() -> new Registrations(0, Registrations.KEPT_BYTES)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Registrations(10, 1_000)).isInstanceOf(IllegalArgumentException.class);
  }

  // --- tokens remembered -----------------------------------------------------------------------

  @Test
  void atMostTenThousandTokensOfEachKindAreRememberedTheOldestForgottenFirst() throws TokenIssuer.Refused {
    TokenIssuer issuer = new TokenIssuer(System::nanoTime);
    String scope = "offline_access OpenAppGateway";
    TokenIssuer.Issued first = issuer.byAppCredentials(TokenIssuer.APP_KEY, TokenIssuer.APP_SECRET, scope);
    TokenIssuer.Issued second = issuer.byAppCredentials(TokenIssuer.APP_KEY, TokenIssuer.APP_SECRET, scope);

    for (int i = 2; i <= TokenIssuer.TOKENS_KEPT; i++) { // 10,001 pairs in all
      issuer.byAppCredentials(TokenIssuer.APP_KEY, TokenIssuer.APP_SECRET, scope);
    }

    assertThat(TokenIssuer.TOKENS_KEPT).isEqualTo(10_000);
    assertThat(issuer.check("Bearer " + first.access())).isEqualTo(TokenIssuer.Access.UNKNOWN);
    assertThat(issuer.check("Bearer " + second.access())).isEqualTo(TokenIssuer.Access.VALID);
    assertThatThrownBy(() -> issuer.byRefreshToken(first.refresh())).isInstanceOf(TokenIssuer.Refused.class);
    assertThat(issuer.byRefreshToken(second.refresh()).access()).isNotBlank();
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** A Register body whose FullName is {@code name}, padded with a Company field of {@code padding} characters. */
  private static byte[] body(String name, int padding) {
    String company = padding == 0 ? "" : ", {\"FieldName\": \"Company\", \"FieldValue\": \"" + "x".repeat(padding) + "\"}";
    return ("{\"BventId\": \"e\", \"AttendeeTypeId\": \"t\", \"Attendee\": {\"Fields\": [{\"FieldName\": \"FullName\", "
        + "\"FieldValue\": \"" + name + "\"}" + company + "]}, \"Items\": [{\"ItemSkuId\": \"s\", \"ItemSkuName\": \"票\", "
        + "\"Quantity\": 1}]}").getBytes(StandardCharsets.UTF_8);
  }

  private static Socket connect() throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), sandbox.port()), 5_000);
    socket.setSoTimeout(30_000); // a sandbox that waited for the whole body fails the test instead of hanging it
    return socket;
  }

  /**
   * One HTTP answer, read as a client reads it: the head, then as many bytes as its Content-Length
   * says (not until the connection closes: the sandbox may still be reading what was sent).
   */
  private static String readAnswer(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int next = in.read();
      assertThat(next).as("the answer's head ends before the connection: %s", head).isNotNegative();
      head.write(next);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    int length = text.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
        .map(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).strip())).findFirst().orElseThrow();
    return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  /** The sandbox closes the connection after a 413: the next read ends it (or finds it reset). */
  private static void assertClosedBySandbox(InputStream in) {
    int next;
    try {
      next = in.read();
    } catch (IOException reset) {
      next = -1; // reset: the sandbox closed it while the body was still arriving
    }
    assertThat(next).as("end of the connection after the answer").isEqualTo(-1);
  }

  private static void assertTooLarge(String answer) {
    assertThat(answer).startsWith("HTTP/1.1 413 ");
    String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
    assertThat(head).contains("content-type: text/plain; charset=utf-8", "connection: close");
    assertThat(answer.substring(answer.indexOf("\r\n\r\n") + 4))
        .startsWith("413 Content Too Large (huiyi31 sandbox): the request body is over the sandbox's limit of 1 MiB (1048576 bytes)");
  }

  private static void assertTheSandboxStillServes() {
    assertThat(client.attendees().registerAttendee(SandboxTest.request("张晓明", "13912345678", null,
        "40180000-300e-9237-c7af-08dc6f31f78c")).getBusinessCode()).isZero();
  }
}
