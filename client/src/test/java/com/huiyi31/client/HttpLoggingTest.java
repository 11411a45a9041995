package com.huiyi31.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.huiyi31.client.Fixtures.REGISTERED_JSON;
import static com.huiyi31.client.Fixtures.REGISTER_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** HTTP logging goes through SLF4J, says what happened, and never prints personal data or secrets. */
class HttpLoggingTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private void answerRegistered() {
    wm.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse()
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withHeader("Set-Cookie", "session=s3ss10n-secret; HttpOnly")
        .withBody(REGISTERED_JSON)));
  }

  private static Huiyi31Client client(HttpLogLevel level) {
    return Huiyi31Client.builder().baseUrl(wm.baseUrl()).httpLogLevel(level).build();
  }

  @Test
  void bodyLevelLogsBothBodiesWithPersonalValuesMasked() {
    answerRegistered();

    try (LogCapture logs = new LogCapture(RedactingLogger.LOGGER_NAME); Huiyi31Client client = client(HttpLogLevel.BODY)) {
      client.attendees().registerAttendee(Fixtures.validRequest());

      assertThat(logs.all())
          .contains("---> POST", REGISTER_PATH, "<--- HTTP/1.1 200", "Content-Type: application/json")
          .contains("\"FieldName\":\"Mobile\"", "139****5678", "张**", "z***@example.com", "2111041526362863634")
          .doesNotContain(Fixtures.MOBILE, Fixtures.FULL_NAME, Fixtures.EMAIL)
          .doesNotContain("s3ss10n-secret", "Set-Cookie");
    }
  }

  @Test
  void basicLevelLogsOneLineEachWayWithoutBodies() {
    answerRegistered();

    try (LogCapture logs = new LogCapture(RedactingLogger.LOGGER_NAME); Huiyi31Client client = client(HttpLogLevel.BASIC)) {
      client.attendees().registerAttendee(Fixtures.validRequest());

      assertThat(logs.lines()).hasSize(2);
      assertThat(logs.all()).contains("---> POST", "<--- HTTP/1.1 200").doesNotContain("FieldName", "139");
    }
  }

  @Test
  void nothingIsLoggedByDefault() {
    answerRegistered();

    try (LogCapture logs = new LogCapture("com.huiyi31"); Huiyi31Client client = Huiyi31Client.builder().baseUrl(wm.baseUrl()).build()) {
      client.attendees().registerAttendee(Fixtures.validRequest());

      assertThat(logs.lines()).isEmpty();
    }
  }

  @Test
  void nothingIsLoggedWhenTheLoggerIsOffEvenAtBodyLevel() {
    answerRegistered();
    Logger logger = (Logger) LoggerFactory.getLogger(RedactingLogger.LOGGER_NAME);

    try (LogCapture logs = new LogCapture(RedactingLogger.LOGGER_NAME); Huiyi31Client client = client(HttpLogLevel.BODY)) {
      logger.setLevel(Level.INFO);
      client.attendees().registerAttendee(Fixtures.validRequest());

      assertThat(logs.lines()).isEmpty();
    }
  }

  @Test
  void aHugeBodyIsLoggedShortened() {
    String huge = "{\"businessCode\":0,\"businessMessage\":\"" + "x".repeat(100_000) + "\"}";
    wm.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(huge)));

    try (LogCapture logs = new LogCapture(RedactingLogger.LOGGER_NAME); Huiyi31Client client = client(HttpLogLevel.BODY)) {
      client.attendees().registerAttendee(Fixtures.validRequest());

      assertThat(logs.lines()).allSatisfy(line -> assertThat(line.length()).isLessThan(5_000));
      assertThat(logs.all()).contains("more characters");
    }
  }

  @Test
  void theAuthorizationHeaderIsNeverLogged() {
    assertThat(new RedactingLogger().shouldLogRequestHeader("Authorization")).isFalse();
    assertThat(new RedactingLogger().shouldLogRequestHeader("authorization")).isFalse();
    assertThat(new RedactingLogger().shouldLogResponseHeader("Set-Cookie")).isFalse();
    assertThat(new RedactingLogger().shouldLogRequestHeader("Content-Type")).isTrue();
  }
}
