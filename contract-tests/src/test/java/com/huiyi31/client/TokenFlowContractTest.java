package com.huiyi31.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.huiyi31.client.model.ListAttendeeTypesRequest;
import com.huiyi31.client.model.ListAttendeeTypesResponse;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.contract.SpecValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * The token flow on the wire: the documented form body, reuse, refresh shortly before expiry,
 * a new grant when refresh is refused, one token request for many threads, and "refresh once
 * and retry" after a 401 on the read-only type list. Every exchange is validated against the spec.
 * (In the client's package for its test clock.)
 */
class TokenFlowContractTest {

  static final String TOKEN_PATH = "/connect/token";
  static final String LIST_PATH = "/op/api/AttendeeType/v1/list";
  static final String APP_KEY = "demo-app-key";
  static final String APP_SECRET = "s3cret-不要打印";
  static final String EVENT = "07320000-fe25-16f7-4c65-08d9fb59aefd";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(WireMockConfiguration.wireMockConfig().dynamicPort())
      .build();

  /** The client's clock, moved by the tests (nanoseconds). */
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private Huiyi31Client client;

  @BeforeEach
  void serveTokensAndTypes() {
    wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=custom_user_code"))
        .willReturn(json(200, token("access-1", "refresh-1", 600))));
    wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=refresh_token"))
        .willReturn(json(200, token("access-2", "refresh-2", 600))));
    wm.stubFor(post(urlPathEqualTo(LIST_PATH)).willReturn(json(200, fixture("attendee-types/docs-example/response.json"))));
    client = clientBuilder().build();
  }

  @AfterEach
  void everyExchangeKeptTheContract() {
    client.close();
    for (ServeEvent event : wm.getAllServeEvents()) {
      ValidationReport report = SpecValidator.INSTANCE.validate(event.getRequest(), event.getResponse());
      assertThat(report.hasErrors()).as(event.getRequest().getUrl() + ": " + SpecValidator.describe(report)).isFalse();
    }
  }

  private Huiyi31Client.Builder clientBuilder() {
    return Huiyi31Client.builder().baseUrl(wm.baseUrl()).credentials(APP_KEY, APP_SECRET).nanoTime(now::get)
        .maxConcurrentRequests(64);
  }

  @Test
  void theFirstCallTakesATokenWithTheDocumentedFormBodyAndSendsItAsBearer() {
    ListAttendeeTypesResponse answer = list();

    assertThat(answer.getData().getAttendeeTypes()).extracting("name").containsExactly("嘉宾");
    LoggedRequest tokenRequest = tokenRequests().get(0);
    assertThat(tokenRequest.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(form(tokenRequest)).containsExactly(
        Map.entry("grant_type", "custom_user_code"),
        Map.entry("client_id", "openapi"),
        Map.entry("scope", "offline_access OpenAppGateway"),
        Map.entry("method", "client_secret"),
        Map.entry("appKey", APP_KEY),
        Map.entry("appSecret", APP_SECRET));
    assertThat(listRequests()).singleElement()
        .satisfies(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer access-1"));
  }

  @Test
  void oneTokenServesEveryCallUntilShortlyBeforeItExpires() {
    list();
    now.addAndGet(Duration.ofSeconds(539).toNanos()); // expires_in 600, refreshed 60 s early
    list();
    assertThat(tokenRequests()).hasSize(1);

    now.addAndGet(Duration.ofSeconds(2).toNanos());
    list();

    assertThat(tokenRequests()).hasSize(2);
    assertThat(form(tokenRequests().get(1))).containsExactly(
        Map.entry("grant_type", "refresh_token"),
        Map.entry("client_id", "openapi"),
        Map.entry("refresh_token", "refresh-1"));
    assertThat(listRequests()).extracting(r -> r.getHeader("Authorization"))
        .containsExactly("Bearer access-1", "Bearer access-1", "Bearer access-2");
  }

  @Test
  void anExpiredTokenIsNeverSent() {
    list();
    now.addAndGet(Duration.ofSeconds(601).toNanos());

    list();

    assertThat(tokenRequests()).hasSize(2);
    assertThat(listRequests()).extracting(r -> r.getHeader("Authorization"))
        .containsExactly("Bearer access-1", "Bearer access-2");
  }

  @Test
  void aShortLivedTokenIsRefreshedATenthOfItsLifeEarly() {
    wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=custom_user_code"))
        .willReturn(json(200, token("short-1", "refresh-1", 30))));
    list();
    now.addAndGet(Duration.ofSeconds(26).toNanos());
    list();
    assertThat(tokenRequests()).hasSize(1);

    now.addAndGet(Duration.ofSeconds(2).toNanos()); // 28 s: within the last 3 s

    list();
    assertThat(tokenRequests()).hasSize(2);
  }

  @Test
  void aRefusedRefreshFallsBackToANewGrant() {
    wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=refresh_token"))
        .willReturn(json(400, fixture("token/refused-invalid-grant/response.json"))));
    list();
    wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=custom_user_code"))
        .willReturn(json(200, token("access-3", "refresh-3", 600))));
    now.addAndGet(Duration.ofSeconds(601).toNanos());

    list();

    assertThat(tokenRequests()).extracting(r -> form(r).get("grant_type"))
        .containsExactly("custom_user_code", "refresh_token", "custom_user_code");
    assertThat(listRequests()).extracting(r -> r.getHeader("Authorization"))
        .containsExactly("Bearer access-1", "Bearer access-3");
  }

  @Test
  void aFailedEarlyRefreshKeepsTheValidTokenAndTriesAgainAfterAPause() {
    list();
    wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(503).withBody("busy")));
    now.addAndGet(Duration.ofSeconds(545).toNanos()); // due for refresh, valid for 55 s more

    list(); // refresh and new grant fail: the call goes on with the current token
    list(); // within the pause: no token request
    assertThat(tokenRequests()).hasSize(3);
    now.addAndGet(Duration.ofSeconds(6).toNanos());
    list();

    assertThat(tokenRequests()).hasSize(5);
    assertThat(listRequests()).extracting(r -> r.getHeader("Authorization")).containsOnly("Bearer access-1").hasSize(4);
    wm.removeServeEventsMatching(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=")).build()
        .getRequest()); // the 503s break the contract on purpose: not validated
  }

  @Test
  void sixtyFourThreadsNeedingATokenAtOnceCauseOneTokenRequest() throws Exception {
    wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=custom_user_code"))
        .willReturn(json(200, token("access-1", "refresh-1", 600)).withFixedDelay(300)));
    ExecutorService pool = Executors.newFixedThreadPool(64);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<ListAttendeeTypesResponse>> calls = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        calls.add(pool.submit(() -> {
          start.await();
          return list();
        }));
      }
      start.countDown();
      for (Future<ListAttendeeTypesResponse> call : calls) {
        assertThat(call.get(30, TimeUnit.SECONDS).getBusinessCode()).isZero();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(tokenRequests()).hasSize(1);
    assertThat(listRequests()).hasSize(64).allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer access-1"));
  }

  @Test
  void a401OnTheReadOnlyListTakesANewTokenAndAsksOnceMore() {
    wm.stubFor(post(urlPathEqualTo(LIST_PATH)).inScenario("revoked").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "text/plain").withBody("token revoked"))
        .willSetStateTo("second"));
    wm.stubFor(post(urlPathEqualTo(LIST_PATH)).inScenario("revoked").whenScenarioStateIs("second")
        .willReturn(json(200, fixture("attendee-types/docs-example/response.json"))));

    ListAttendeeTypesResponse answer = list();

    assertThat(answer.getBusinessCode()).isZero();
    assertThat(listRequests()).extracting(r -> r.getHeader("Authorization"))
        .containsExactly("Bearer access-1", "Bearer access-2");
    assertThat(tokenRequests()).extracting(r -> form(r).get("grant_type"))
        .containsExactly("custom_user_code", "refresh_token");
  }

  @Test
  void a401OnTheRetryIsTheCallersErrorAndNothingLoops() {
    wm.stubFor(post(urlPathEqualTo(LIST_PATH))
        .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "text/plain").withBody("no")));

    assertThatThrownBy(this::list).isInstanceOfSatisfying(Huiyi31HttpException.class, e -> {
      assertThat(e.status()).isEqualTo(401);
      assertThat(e.outcome()).isEqualTo(Huiyi31Exception.Outcome.NOT_PROCESSED);
    });
    assertThat(listRequests()).hasSize(2);
    assertThat(tokenRequests()).hasSize(2);
  }

  @Test
  void refusedCredentialsAreAnAuthenticationErrorThatNamesTheReasonButNotTheSecret() {
    wm.stubFor(post(urlPathEqualTo(TOKEN_PATH))
        .willReturn(json(400, fixture("token/refused-invalid-grant/response.json"))));

    assertThatThrownBy(this::list).isInstanceOfSatisfying(Huiyi31AuthenticationException.class, e -> {
      assertThat(e.error()).isEqualTo("invalid_grant");
      assertThat(e.outcome()).isEqualTo(Huiyi31Exception.Outcome.NOT_SENT);
      assertThat(e.getMessage()).contains("invalid_grant", "app key and app secret", "/connect/token")
          .doesNotContain(APP_SECRET);
    });
    assertThat(listRequests()).isEmpty();
  }

  @Test
  void aTokenAnswerWithoutALifetimeIsRefused() {
    wm.stubFor(post(urlPathEqualTo(TOKEN_PATH))
        .willReturn(json(200, "{\"access_token\":\"x\",\"token_type\":\"Bearer\"}")));

    assertThatThrownBy(this::list).isInstanceOf(Huiyi31DecodeException.class).hasMessageContaining("expires_in");
    assertThat(listRequests()).isEmpty();
    wm.resetRequests(); // the answer above breaks the contract on purpose: not validated
  }

  @Test
  void registerCarriesNoTokenEvenWhenTheClientHasCredentials() {
    wm.stubFor(post(urlPathEqualTo("/op/notoken/api/Attendee/v1/Register"))
        .willReturn(json(200, fixture("docs-example-registered/response.json"))));

    client.attendees().registerAttendee(registerRequest());

    assertThat(wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
        urlPathEqualTo("/op/notoken/api/Attendee/v1/Register")))).singleElement()
        .satisfies(r -> assertThat(r.containsHeader("Authorization")).isFalse());
    assertThat(tokenRequests()).isEmpty();
  }

  @Test
  void withoutCredentialsTheListSaysHowToGetThemAndSendsNothing() {
    try (Huiyi31Client anonymous = Huiyi31Client.builder().baseUrl(wm.baseUrl()).build()) {
      assertThatThrownBy(() -> anonymous.attendeeTypes().listAttendeeTypes(new ListAttendeeTypesRequest().bventId(EVENT)))
          .isInstanceOf(Huiyi31ConfigurationException.class)
          .hasMessageContaining("credentials(appKey, appSecret)");
    }
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void theEventsTypesAreLoadedOncePerTimeToLive() {
    client.close();
    client = clientBuilder().attendeeTypesCacheTtl(Duration.ofMinutes(5)).build();
    EventRegistration event = client.registration(EVENT);

    event.attendeeTypes();
    now.addAndGet(Duration.ofMinutes(4).toNanos());
    event.attendeeTypes();
    client.registration(EVENT).attendeeTypes();
    assertThat(listRequests()).hasSize(1);

    now.addAndGet(Duration.ofMinutes(2).toNanos());
    event.attendeeTypes();
    assertThat(listRequests()).hasSize(2);

    event.refresh();
    event.attendeeTypes();
    assertThat(listRequests()).hasSize(3);
  }

  @Test
  void neitherTheSecretNorAnyTokenIsEverLogged() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level previous = root.getLevel();
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    root.setLevel(Level.TRACE);
    try (Huiyi31Client verbose = clientBuilder().httpLogLevel(HttpLogLevel.BODY).build()) {
      verbose.attendeeTypes().listAttendeeTypes(new ListAttendeeTypesRequest().bventId(EVENT));
      now.addAndGet(Duration.ofSeconds(601).toNanos());
      verbose.attendeeTypes().listAttendeeTypes(new ListAttendeeTypesRequest().bventId(EVENT));
      LoggerFactory.getLogger("com.example.application").info("client: {}", verbose);
    } finally {
      root.detachAppender(captured);
      root.setLevel(previous);
    }

    List<String> clientLines = captured.list.stream()
        .filter(e -> e.getLoggerName().startsWith("com.huiyi31") || e.getLoggerName().startsWith("com.example"))
        .map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(clientLines).as("the client logged the exchanges").anyMatch(line -> line.contains("/connect/token"));
    assertThat(String.join("\n", clientLines))
        .doesNotContain(APP_SECRET, URLDecoder.decode("s3cret", StandardCharsets.UTF_8), "access-1", "access-2",
            "refresh-1", "refresh-2");
  }

  // ---- helpers ----

  private ListAttendeeTypesResponse list() {
    return client.attendeeTypes().listAttendeeTypes(new ListAttendeeTypesRequest().bventId(EVENT));
  }

  private static List<LoggedRequest> requestsTo(String path) {
    return wm.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().startsWith(path))
        .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
        .map(ServeEvent::getRequest).toList();
  }

  private static List<LoggedRequest> tokenRequests() {
    return requestsTo(TOKEN_PATH);
  }

  private static List<LoggedRequest> listRequests() {
    return requestsTo(LIST_PATH);
  }

  /** The form's pairs in the order sent, decoded. */
  static Map<String, String> form(LoggedRequest request) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String pair : request.getBodyAsString().split("&")) {
      String[] kv = pair.split("=", 2);
      pairs.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return pairs;
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
  }

  private static String token(String access, String refresh, int expiresIn) {
    return "{\"access_token\":\"" + access + "\",\"expires_in\":" + expiresIn + ",\"token_type\":\"Bearer\","
        + "\"refresh_token\":\"" + refresh + "\",\"scope\":\"offline_access OpenAppGateway\"}";
  }

  static String fixture(String path) {
    try (InputStream in = TokenFlowContractTest.class.getResourceAsStream("/recorded/" + path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RegisterAttendeeRequest registerRequest() {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .readValue(fixture("docs-example-registered/request.json"), RegisterAttendeeRequest.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
