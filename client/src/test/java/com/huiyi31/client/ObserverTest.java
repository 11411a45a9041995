package com.huiyi31.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.huiyi31.client.model.ListAttendeeTypesRequest;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The observer sees every call of an operation exactly once, failures included, with the outcome
 * its caller gets, the businessCode and the HTTP status; token fetches are calls of their own,
 * nested in the call that needed the token.
 */
class ObserverTest {

  private static final String TOKEN_PATH = "/connect/token";
  private static final String LIST_PATH = "/op/api/AttendeeType/v1/list";
  private static final String TOKEN_JSON = "{\"access_token\":\"t1\",\"expires_in\":600,\"token_type\":\"Bearer\"}";
  private static final String TYPES_JSON = "{\"businessCode\":0,\"data\":{\"attendeeTypes\":[]}}";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** What the observer was told, in order: "start op" and "end Result[...]". */
  private final List<String> seen = new ArrayList<>();
  private final List<Huiyi31Observer.Result> results = new ArrayList<>();
  private final Huiyi31Observer recording = operation -> {
    seen.add("start " + operation);
    return result -> {
      seen.add("end " + result);
      results.add(result);
    };
  };

  @Test
  void aRegistrationIsOneCallWithItsStatusAndBusinessCode() {
    stub(Fixtures.REGISTER_PATH, 200, Fixtures.REGISTERED_JSON);

    try (Huiyi31Client client = client().build()) {
      client.attendees().registerAttendee(Fixtures.validRequest());
    }

    assertThat(seen).containsExactly("start registerAttendee",
        "end Result[registerAttendee, SUCCESS, businessCode 0, HTTP 200]");
    assertThat(results.get(0).error()).isNull();
  }

  @Test
  void aRefusalIsNotProcessedWithThePlatformsCode() {
    stub(Fixtures.REGISTER_PATH, 200, "{\"businessCode\":1001,\"businessMessage\":\"手机号已被注册\"}");

    Throwable thrown = register();

    assertThat(seen).containsExactly("start registerAttendee",
        "end Result[registerAttendee, NOT_PROCESSED, businessCode 1001, HTTP 200]");
    assertThat(results.get(0).error()).isSameAs(thrown).isInstanceOf(Huiyi31BusinessException.class);
  }

  @Test
  void aServerErrorIsUnknownWithItsStatusAndNoBusinessCode() {
    stub(Fixtures.REGISTER_PATH, 502, "<html>Bad Gateway</html>");

    register();

    assertThat(seen).containsExactly("start registerAttendee",
        "end Result[registerAttendee, UNKNOWN, businessCode none, HTTP 502]");
    assertThat(results.get(0).businessCode()).isEmpty();
    assertThat(results.get(0).httpStatus()).hasValue(502);
  }

  @Test
  void anInvalidRequestIsObservedAsNotSentWithoutStatus() {
    try (Huiyi31Client client = client().build()) {
      catchThrowable(() -> client.attendees().registerAttendee(new RegisterAttendeeRequest()));
    }

    assertThat(seen).containsExactly("start registerAttendee",
        "end Result[registerAttendee, NOT_SENT, businessCode none, HTTP none]");
    assertThat(results.get(0).error()).isInstanceOf(Huiyi31ValidationException.class);
  }

  @Test
  void connectRetriesAreOneCall() {
    List<String> lookups = new ArrayList<>();
    try (Huiyi31Client client = Huiyi31Client.builder().baseUrl("https://no-such-host.example").observer(recording)
        .dns(host -> {
          lookups.add(host);
          throw new UnknownHostException(host);
        })
        .sleeper(wait -> { })
        .build()) {
      catchThrowable(() -> client.attendees().registerAttendee(Fixtures.validRequest()));
    }

    assertThat(lookups).hasSize(3); // the first attempt and 2 retries
    assertThat(seen).containsExactly("start registerAttendee",
        "end Result[registerAttendee, NOT_SENT, businessCode none, HTTP none]");
  }

  @Test
  void theTokenFetchIsItsOwnCallInsideTheCallThatNeededIt() {
    stub(TOKEN_PATH, 200, TOKEN_JSON);
    stub(LIST_PATH, 200, TYPES_JSON);

    try (Huiyi31Client client = client().credentials("key", "secret").build()) {
      listTypes(client);
      listTypes(client); // the token is cached: no second fetch
    }

    assertThat(seen).containsExactly(
        "start listAttendeeTypes",
        "start requestAccessToken",
        "end Result[requestAccessToken, SUCCESS, businessCode none, HTTP 200]",
        "end Result[listAttendeeTypes, SUCCESS, businessCode 0, HTTP 200]",
        "start listAttendeeTypes",
        "end Result[listAttendeeTypes, SUCCESS, businessCode 0, HTTP 200]");
  }

  @Test
  void aRejectedTokenAndTheSecondAttemptAreOneCallWithTheLastStatus() {
    stub(TOKEN_PATH, 200, TOKEN_JSON);
    wm.stubFor(post(urlPathEqualTo(LIST_PATH)).inScenario("401 once").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(401)).willSetStateTo("token renewed"));
    wm.stubFor(post(urlPathEqualTo(LIST_PATH)).inScenario("401 once").whenScenarioStateIs("token renewed")
        .willReturn(json(200, TYPES_JSON)));

    try (Huiyi31Client client = client().credentials("key", "secret").build()) {
      listTypes(client);
    }

    assertThat(wm.findAll(postRequestedFor(urlPathEqualTo(LIST_PATH)))).hasSize(2);
    assertThat(seen).containsExactly(
        "start listAttendeeTypes",
        "start requestAccessToken",
        "end Result[requestAccessToken, SUCCESS, businessCode none, HTTP 200]",
        "start requestAccessToken",
        "end Result[requestAccessToken, SUCCESS, businessCode none, HTTP 200]",
        "end Result[listAttendeeTypes, SUCCESS, businessCode 0, HTTP 200]");
  }

  @Test
  void anUnusableTokenAnswerIsObservedWithTheOutcomeTheCallerGets() {
    stub(TOKEN_PATH, 200, "{\"token_type\":\"Bearer\"}"); // no access_token

    Throwable thrown;
    try (Huiyi31Client client = client().credentials("key", "secret").build()) {
      thrown = catchThrowable(() -> listTypes(client));
    }

    assertThat(thrown).isInstanceOf(Huiyi31DecodeException.class);
    assertThat(seen).containsExactly(
        "start listAttendeeTypes",
        "start requestAccessToken",
        "end Result[requestAccessToken, NOT_SENT, businessCode none, HTTP 200]",
        "end Result[listAttendeeTypes, NOT_SENT, businessCode none, HTTP none]");
    assertThat(results).allSatisfy(result -> assertThat(result.error()).isSameAs(thrown));
  }

  @Test
  void aRefusedTokenRequestIsObservedWithTheIssuersStatus() {
    stub(TOKEN_PATH, 400, "{\"error\":\"invalid_grant\"}");

    try (Huiyi31Client client = client().credentials("key", "wrong").build()) {
      catchThrowable(() -> listTypes(client));
    }

    assertThat(seen).contains("end Result[requestAccessToken, NOT_SENT, businessCode none, HTTP 400]");
  }

  @Test
  void anObserverThatThrowsChangesNothing() {
    stub(Fixtures.REGISTER_PATH, 200, Fixtures.REGISTERED_JSON);
    Huiyi31Observer failingToEnd = operation -> result -> {
      throw new IllegalStateException("metrics backend down");
    };
    Huiyi31Observer failingToStart = operation -> {
      throw new IllegalStateException("metrics backend down");
    };

    for (Huiyi31Observer observer : List.of(failingToEnd, failingToStart)) {
      try (Huiyi31Client client = Huiyi31Client.builder().baseUrl(wm.baseUrl()).observer(observer).build()) {
        assertThat(client.attendees().registerAttendee(Fixtures.validRequest()).getData().getOrderNo())
            .isEqualTo("2111041526362863634");
      }
    }
  }

  @Test
  void theProxysObjectMethodsAreNotCalls() {
    try (Huiyi31Client client = client().build()) {
      assertThat(client.attendees().toString()).isNotEmpty();
      assertThat(client.attendees().hashCode()).isEqualTo(client.attendees().hashCode());
    }

    assertThat(seen).isEmpty();
  }

  @Test
  void aNullObserverIsAConfigurationError() {
    assertThat(catchThrowable(() -> Huiyi31Client.builder().observer(null)))
        .isInstanceOf(Huiyi31ConfigurationException.class).hasMessageContaining("Huiyi31Observer.NONE");
  }

  private Huiyi31Client.Builder client() {
    return Huiyi31Client.builder().baseUrl(wm.baseUrl()).observer(recording);
  }

  private Throwable register() {
    try (Huiyi31Client client = client().build()) {
      return catchThrowable(() -> client.attendees().registerAttendee(Fixtures.validRequest()));
    }
  }

  private static void listTypes(Huiyi31Client client) {
    client.attendeeTypes().listAttendeeTypes(new ListAttendeeTypesRequest().bventId(Fixtures.EVENT_ID));
  }

  private static void stub(String path, int status, String body) {
    wm.stubFor(post(urlPathEqualTo(path)).willReturn(json(status, body)));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", status >= 500 ? "text/html" : "application/json")
        .withBody(body);
  }
}
