package com.huiyi31.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The transport under Feign: what goes over the wire, what comes back, and its bounds. */
class OkHttpTransportTest {

  private static final byte[] BODY = "{\"Name\":\"张晓明\"}".getBytes(StandardCharsets.UTF_8);
  private static final Request.Options OPTIONS = new Request.Options(5, TimeUnit.SECONDS, 5, TimeUnit.SECONDS, false);

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final OkHttpClient http = new OkHttpClient.Builder()
      .connectTimeout(5, TimeUnit.SECONDS)
      .readTimeout(5, TimeUnit.SECONDS)
      .followRedirects(false)
      .retryOnConnectionFailure(false)
      .addNetworkInterceptor(SendTracking.MARK_CONNECTED)
      .build();

  @AfterEach
  void closeConnections() {
    http.connectionPool().evictAll();
  }

  private static Request postTo(String url, Map<String, Collection<String>> headers) {
    return Request.create(Request.HttpMethod.POST, url, headers, BODY, StandardCharsets.UTF_8, null);
  }

  private static Map<String, Collection<String>> jsonHeaders() {
    Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.put("Content-Type", List.of(JsonCodec.JSON_UTF8));
    headers.put("Accept", List.of("*/*,application/json"));
    return headers;
  }

  @Test
  void sendsTheBodyWithOneJsonContentTypeAndFeignsHeaders() throws IOException {
    wm.stubFor(post(urlEqualTo("/register")).willReturn(aResponse().withStatus(200).withBody("{}")));
    OkHttpTransport transport = new OkHttpTransport(http, 4, TimeUnit.SECONDS.toNanos(1));

    try (Response response = transport.execute(postTo(wm.baseUrl() + "/register", jsonHeaders()), OPTIONS)) {
      assertThat(response.status()).isEqualTo(200);
    }

    wm.verify(postRequestedFor(urlEqualTo("/register"))
        .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
        .withHeader("Accept", equalTo("*/*,application/json"))
        .withRequestBody(binaryEqualTo(BODY)));
    assertThat(wm.getAllServeEvents().get(0).getRequest().getHeaders().getHeader("Content-Type").values()).hasSize(1);
  }

  @Test
  void addsAnAcceptHeaderWhenFeignGaveNone() throws IOException {
    wm.stubFor(post(urlEqualTo("/register")).willReturn(aResponse().withStatus(200).withBody("{}")));
    OkHttpTransport transport = new OkHttpTransport(http, 4, TimeUnit.SECONDS.toNanos(1));
    Map<String, Collection<String>> headers = new TreeMap<>(Map.of("Content-Type", List.of("text/plain")));

    transport.execute(postTo(wm.baseUrl() + "/register", headers), OPTIONS).close();

    wm.verify(postRequestedFor(urlEqualTo("/register"))
        .withHeader("Accept", equalTo("*/*"))
        .withHeader("Content-Type", equalTo("text/plain")));
  }

  @Test
  void readsTheAnswerIntoBytesAndReturnsTheConnectionBeforeDecoding() throws IOException {
    wm.stubFor(post(urlEqualTo("/register")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withHeader("X-Trace", "a", "b").withBody("{\"ok\":1}")));
    OkHttpTransport transport = new OkHttpTransport(http, 4, TimeUnit.SECONDS.toNanos(1));

    Response response = transport.execute(postTo(wm.baseUrl() + "/register", jsonHeaders()), OPTIONS);

    assertThat(http.connectionPool().idleConnectionCount()).as("connection back in the pool").isEqualTo(1);
    assertThat(transport.inFlight()).isZero();
    assertThat(response.status()).isEqualTo(201);
    assertThat(response.headers().get("content-type")).containsExactly("application/json");
    assertThat(response.headers().get("x-trace")).containsExactly("a", "b");
    assertThat(response.protocolVersion()).isEqualTo(Request.ProtocolVersion.HTTP_1_1);
    assertThat(response.body().isRepeatable()).isTrue();
    assertThat(response.body().length()).isEqualTo(8);
    try (InputStream in = response.body().asInputStream()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":1}");
    }
  }

  @Test
  void readsAtMostOneByteMoreThanTheLimit() throws IOException {
    byte[] huge = new byte[HttpMessages.MAX_RESPONSE_BYTES + 1000];
    wm.stubFor(post(urlEqualTo("/register")).willReturn(aResponse().withStatus(200).withBody(huge)));
    OkHttpTransport transport = new OkHttpTransport(http, 4, TimeUnit.SECONDS.toNanos(1));

    Response response = transport.execute(postTo(wm.baseUrl() + "/register", jsonHeaders()), OPTIONS);

    assertThat(response.body().length()).isEqualTo(HttpMessages.MAX_RESPONSE_BYTES + 1);
  }

  @Test
  void anEmptyAnswerHasNoBody() throws IOException {
    wm.stubFor(post(urlEqualTo("/register")).willReturn(aResponse().withStatus(204)));
    OkHttpTransport transport = new OkHttpTransport(http, 4, TimeUnit.SECONDS.toNanos(1));

    Response response = transport.execute(postTo(wm.baseUrl() + "/register", jsonHeaders()), OPTIONS);

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.body()).isNull();
  }

  @Test
  void alternatingUrlsEachReachTheirOwnPath() throws IOException {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
    OkHttpTransport transport = new OkHttpTransport(http, 4, TimeUnit.SECONDS.toNanos(1));

    for (String path : List.of("/one", "/two", "/one", "/two?x=1")) {
      transport.execute(postTo(wm.baseUrl() + path, jsonHeaders()), OPTIONS).close();
    }

    assertThat(wm.getAllServeEvents()).extracting(event -> event.getRequest().getUrl())
        .containsExactlyInAnyOrder("/one", "/two", "/one", "/two?x=1");
  }

  @Test
  void aRefusedConnectionIsReportedAsNotSentAndFreesItsPermit() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    OkHttpTransport transport = new OkHttpTransport(http, 4, TimeUnit.SECONDS.toNanos(1));

    Throwable thrown = catchThrowable(() -> transport.execute(postTo("http://127.0.0.1:" + port + "/register", jsonHeaders()), OPTIONS));

    assertThat(thrown).isInstanceOf(SendTracking.RequestNotSentException.class);
    assertThat(transport.inFlight()).isZero();
  }

  @Test
  void aResetAfterSendingIsNotReportedAsNotSent() {
    wm.stubFor(post(urlEqualTo("/register")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    OkHttpTransport transport = new OkHttpTransport(http, 4, TimeUnit.SECONDS.toNanos(1));

    Throwable thrown = catchThrowable(() -> transport.execute(postTo(wm.baseUrl() + "/register", jsonHeaders()), OPTIONS));

    assertThat(thrown).isInstanceOf(IOException.class).isNotInstanceOf(SendTracking.RequestNotSentException.class);
    assertThat(transport.inFlight()).isZero();
  }

  @Test
  void aCallBeyondTheLimitWaitsAtMostTheConnectTimeoutAndIsNotSent() throws Exception {
    OkHttpTransport transport = new OkHttpTransport(http, 1, TimeUnit.MILLISECONDS.toNanos(50));
    try (ServerSocket silent = new ServerSocket(0)) {
      String url = "http://127.0.0.1:" + silent.getLocalPort() + "/register";
      CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> {
        try {
          return transport.execute(postTo(url, jsonHeaders()), OPTIONS);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      try (Socket accepted = silent.accept()) { // the first call holds the only permit now
        assertThat(accepted.isConnected()).isTrue();
        Throwable second = catchThrowable(() -> transport.execute(postTo(url, jsonHeaders()), OPTIONS));

        assertThat(second).isInstanceOf(SendTracking.RequestNotSentException.class).hasMessageContaining("stayed busy");
        assertThat(transport.inFlight()).isEqualTo(1);
      }
      Throwable firstFailure = catchThrowable(() -> first.get(10, TimeUnit.SECONDS)); // closed without an answer
      assertThat(firstFailure).isInstanceOf(ExecutionException.class);
    }
    assertThat(transport.inFlight()).isZero();
  }
}
