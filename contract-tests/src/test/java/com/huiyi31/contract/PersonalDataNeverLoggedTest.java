package com.huiyi31.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.huiyi31.client.HttpLogLevel;
import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.Huiyi31Exception;
import com.huiyi31.client.model.RegisterAttendeeResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Runs every recorded case, and a set of faults, with the client's most verbose HTTP logging and
 * every logger at TRACE, logs every answer and exception the way an application would, and
 * fails if any personal value of the fixtures appears anywhere in what was logged.
 */
class PersonalDataNeverLoggedTest {

  /** The test server's own loggers: they are not the client's output. */
  private static final List<String> TEST_SERVER_LOGGERS = List.of("wiremock", "com.github.tomakehurst", "org.eclipse.jetty");

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(WireMockConfiguration.wireMockConfig().dynamicPort())
      .build();

  private final org.slf4j.Logger application = LoggerFactory.getLogger("com.example.application");

  @Test
  void noPersonalValueOfAnyFixtureIsEverLogged() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level previous = root.getLevel();
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    root.setLevel(Level.TRACE);
    try (Huiyi31Client client = Huiyi31Client.builder().baseUrl(wm.baseUrl())
        .httpLogLevel(HttpLogLevel.BODY).readTimeout(Duration.ofMillis(300)).build()) {
      for (RecordedCase recorded : RecordedCase.all()) {
        serve(recorded.status(), recorded.contentType(), recorded.responseBody());
        call(client, recorded);
      }
      RecordedCase docs = RecordedCase.named("docs-example-registered");
      for (Fault fault : Fault.values()) {
        wm.stubFor(post(urlPathEqualTo(Replay.REGISTER_PATH)).willReturn(aResponse().withFault(fault)));
        call(client, docs);
      }
      wm.stubFor(post(urlPathEqualTo(Replay.REGISTER_PATH)).willReturn(aResponse().withFixedDelay(2_000)));
      call(client, docs);
      serve(200, "application/json", "{\"businessCode\": 0, \"data\": {\"orderAttendees\": [{\"name\": 13912345678".getBytes());
      call(client, docs);
      serve(200, "application/json", "{\"businessCode\": 1002, \"businessMessage\": \"手机号13912345678已被注册\"}".getBytes());
      call(client, docs);
    } finally {
      root.setLevel(previous);
      root.detachAppender(captured);
    }

    List<String> clientOutput = captured.list.stream()
        .filter(e -> TEST_SERVER_LOGGERS.stream().noneMatch(e.getLoggerName()::startsWith))
        .map(e -> e.getLoggerName() + " " + e.getFormattedMessage()
            + (e.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())))
        .collect(Collectors.toList());
    String logged = String.join("\n", clientOutput);

    assertThat(clientOutput).as("the client logged its HTTP traffic").anyMatch(line -> line.contains("---> POST"));
    assertThat(personalValues()).isNotEmpty().allSatisfy(value -> assertThat(logged).doesNotContain(value));
  }

  private void serve(int status, String contentType, byte[] body) {
    wm.resetAll();
    wm.stubFor(post(urlPathEqualTo(Replay.REGISTER_PATH)).willReturn(aResponse()
        .withStatus(status).withHeader("Content-Type", contentType).withBody(body)));
  }

  /** Calls the client and logs what came back, as an application would (models and exceptions). */
  private void call(Huiyi31Client client, RecordedCase recorded) {
    try {
      RegisterAttendeeResponse response = client.attendees().registerAttendee(recorded.request());
      application.info("registered: {}", response);
    } catch (Huiyi31Exception e) {
      application.info("registration failed", e); // INFO: captured at TRACE, kept off the console
    }
    application.info("request was: {}", recorded.request());
  }

  /** Every name, mobile number, email and form answer in the fixtures (ids and codes are not personal). */
  private static Set<String> personalValues() {
    Set<String> values = new HashSet<>(List.of("13912345678"));
    for (RecordedCase recorded : RecordedCase.all()) {
      collect(recorded.requestJson(), values);
      if (recorded.contentType().contains("json") && recorded.responseBody().length > 0) {
        try {
          collect(RecordedCase.STRICT.readTree(recorded.responseBody()), values);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }
    return values;
  }

  private static final Set<String> PERSONAL_KEYS = Set.of("name", "mobile", "email");
  private static final Set<String> PERSONAL_FIELD_NAMES = Set.of("fullname", "name", "mobile", "email");

  private static void collect(JsonNode node, Set<String> values) {
    if (node.has("FieldName") && node.has("FieldValue")
        && PERSONAL_FIELD_NAMES.contains(node.get("FieldName").asText().toLowerCase())) {
      values.add(node.get("FieldValue").asText());
    }
    node.properties().forEach(entry -> {
      if (entry.getValue().isTextual() && PERSONAL_KEYS.contains(entry.getKey().toLowerCase())) {
        values.add(entry.getValue().asText());
      } else {
        collect(entry.getValue(), values);
      }
    });
    if (node.isArray()) {
      node.forEach(child -> collect(child, values));
    }
  }
}
