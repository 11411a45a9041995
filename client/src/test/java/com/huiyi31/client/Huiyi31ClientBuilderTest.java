package com.huiyi31.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.huiyi31.client.Fixtures.REGISTERED_JSON;
import static com.huiyi31.client.Fixtures.REGISTER_PATH;
import static com.huiyi31.client.Fixtures.validRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.huiyi31.client.Huiyi31Exception.Outcome;
import com.huiyi31.client.api.AttendeeApi;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class Huiyi31ClientBuilderTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private void stubRegistered() {
    wm.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(REGISTERED_JSON)));
  }

  @Test
  void buildWithoutBaseUrlFailsWithConfigurationExceptionNamingTestBaseUrl() {
    assertThatThrownBy(() -> Huiyi31Client.builder().build())
        .isExactlyInstanceOf(Huiyi31ConfigurationException.class)
        .hasMessageContaining("TEST_BASE_URL")
        .satisfies(e -> assertThat(((Huiyi31Exception) e).outcome()).isEqualTo(Outcome.NOT_SENT));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t\n"})
  void blankBaseUrlIsRejectedWithConfigurationException(String baseUrl) {
    assertThatThrownBy(() -> Huiyi31Client.builder().baseUrl(baseUrl))
        .isExactlyInstanceOf(Huiyi31ConfigurationException.class);
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {
      "not a url",
      "test2-31api.31huiyi.com",
      "/op/notoken",
      "ftp://example.com",
      "file:///etc/passwd",
      "mailto:someone@example.com",
      "https://",
      "http://",
      "https:///no-host",
      "https://exa mple.com",
      "https://example.com/?token=secret",
      "https://example.com/#fragment"})
  void garbageOrNonHttpBaseUrlIsRejectedWithConfigurationException(String baseUrl) {
    assertThatThrownBy(() -> Huiyi31Client.builder().baseUrl(baseUrl))
        .isExactlyInstanceOf(Huiyi31ConfigurationException.class)
        .hasMessageContaining("baseUrl");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
      "http://example.com",
      "http://31api.31huiyi.com",
      "HTTP://EXAMPLE.COM/",
      "http://10.0.0.8:8080",
      "http://127.example.com",
      "http://localhost.example.com"})
  void plainHttpToNonLoopbackHostIsRejected(String baseUrl) {
    assertThatThrownBy(() -> Huiyi31Client.builder().baseUrl(baseUrl))
        .isExactlyInstanceOf(Huiyi31ConfigurationException.class)
        .hasMessageContaining("https");
  }

  @Test
  void httpsToRemoteHostIsAccepted() {
    try (Huiyi31Client client = Huiyi31Client.builder().baseUrl(Huiyi31Client.TEST_BASE_URL).build()) {
      assertThat(client.baseUrl()).isEqualTo("https://test2-31api.31huiyi.com");
    }
  }

  @Test
  void plainHttpToLocalhostIsAcceptedAndReachesTheServer() {
    stubRegistered();
    String baseUrl = "http://localhost:" + wm.getPort();

    try (Huiyi31Client client = Huiyi31Client.builder().baseUrl(baseUrl).build()) {
      assertThat(client.attendees().registerAttendee(validRequest()).getBusinessCode()).isZero();
    }
    assertThat(wm.getAllServeEvents()).hasSize(1);
  }

  @Test
  void plainHttpTo127001IsAcceptedAndReachesTheServer() {
    stubRegistered();
    String baseUrl = "http://127.0.0.1:" + wm.getPort();

    try (Huiyi31Client client = Huiyi31Client.builder().baseUrl(baseUrl).build()) {
      assertThat(client.attendees().registerAttendee(validRequest()).getBusinessCode()).isZero();
    }
    assertThat(wm.getAllServeEvents()).hasSize(1);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"http://LOCALHOST:8080", "http://127.0.0.2:8080", "http://[::1]:8080"})
  void plainHttpToOtherLoopbackSpellingsIsAccepted(String baseUrl) {
    try (Huiyi31Client client = Huiyi31Client.builder().baseUrl(baseUrl).build()) {
      assertThat(client.baseUrl()).isEqualTo(baseUrl);
    }
  }

  @Test
  void trailingSlashOfBaseUrlIsStrippedSoThePathOnTheWireHasNoDoubleSlash() {
    stubRegistered();

    try (Huiyi31Client client = Huiyi31Client.builder().baseUrl(wm.baseUrl() + "/").build()) {
      assertThat(client.baseUrl()).isEqualTo(wm.baseUrl());
      client.attendees().registerAttendee(validRequest());
    }

    List<ServeEvent> events = wm.getAllServeEvents();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).getRequest().getUrl()).isEqualTo(REGISTER_PATH);
  }

  @Test
  void baseUrlWithAPathPrefixKeepsThePrefixOnTheWire() {
    wm.stubFor(post(urlEqualTo("/gateway" + REGISTER_PATH)).willReturn(aResponse()
        .withStatus(200).withBody(REGISTERED_JSON)));

    try (Huiyi31Client client = Huiyi31Client.builder().baseUrl(wm.baseUrl() + "/gateway/").build()) {
      client.attendees().registerAttendee(validRequest());
    }

    assertThat(wm.getAllServeEvents()).singleElement()
        .satisfies(e -> assertThat(e.getRequest().getUrl()).isEqualTo("/gateway" + REGISTER_PATH));
  }

  static Stream<Arguments> badTimeouts() {
    return Stream.of(
        Arguments.of("zero", Duration.ZERO),
        Arguments.of("negative", Duration.ofSeconds(-1)),
        Arguments.of("null", null),
        // OkHttp would read a sub-millisecond timeout as 0, which means "wait forever".
        Arguments.of("sub-millisecond", Duration.ofNanos(1)),
        // OkHttp refuses more than Integer.MAX_VALUE ms (about 24.8 days) with an IllegalArgumentException.
        Arguments.of("too large", Duration.ofDays(30)),
        Arguments.of("overflowing", Duration.ofSeconds(Long.MAX_VALUE)));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("badTimeouts")
  void unusableConnectTimeoutIsRejectedWithConfigurationException(String label, Duration timeout) {
    assertThatThrownBy(() -> Huiyi31Client.builder()
            .baseUrl(Huiyi31Client.TEST_BASE_URL).connectTimeout(timeout).build())
        .isExactlyInstanceOf(Huiyi31ConfigurationException.class)
        .hasMessageContaining("connectTimeout");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("badTimeouts")
  void unusableReadTimeoutIsRejectedWithConfigurationException(String label, Duration timeout) {
    assertThatThrownBy(() -> Huiyi31Client.builder()
            .baseUrl(Huiyi31Client.TEST_BASE_URL).readTimeout(timeout).build())
        .isExactlyInstanceOf(Huiyi31ConfigurationException.class)
        .hasMessageContaining("readTimeout");
  }

  @Test
  void positiveTimeoutsAreAccepted() {
    try (Huiyi31Client client = Huiyi31Client.builder()
        .baseUrl(Huiyi31Client.TEST_BASE_URL)
        .connectTimeout(Duration.ofMillis(1))
        .readTimeout(Duration.ofDays(24))
        .build()) {
      assertThat(client.attendees()).isNotNull();
    }
  }

  @Test
  void attendeesReturnsTheSameInstanceOnEveryCall() {
    try (Huiyi31Client client = Huiyi31Client.builder().baseUrl(Huiyi31Client.TEST_BASE_URL).build()) {
      AttendeeApi first = client.attendees();
      assertThat(client.attendees()).isSameAs(first);
    }
  }

  @Test
  void callAfterCloseStillWorksOnANewConnection() {
    stubRegistered();
    Huiyi31Client client = Fixtures.clientFor(wm.baseUrl());
    client.attendees().registerAttendee(validRequest());

    client.close();

    assertThat(client.attendees().registerAttendee(validRequest()).getBusinessCode()).isZero();
    assertThat(wm.getAllServeEvents()).hasSize(2);
  }

  @Test
  void everyBuilderRejectionIsAConfigurationExceptionNeverAnNpeOrIae() {
    List<Function<Huiyi31Client.Builder, Object>> misuses = List.of(
        b -> b.build(),
        b -> b.baseUrl(null),
        b -> b.baseUrl("::::"),
        b -> b.baseUrl("http://[not-ipv6]"),
        b -> b.baseUrl("https://%zz"),
        b -> b.connectTimeout(null),
        b -> b.readTimeout(Duration.ofMillis(-5)));
    for (Function<Huiyi31Client.Builder, Object> misuse : misuses) {
      assertThatThrownBy(() -> misuse.apply(Huiyi31Client.builder()))
          .isExactlyInstanceOf(Huiyi31ConfigurationException.class);
    }
  }
}
