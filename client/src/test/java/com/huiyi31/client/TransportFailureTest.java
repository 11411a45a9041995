package com.huiyi31.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.huiyi31.client.Fixtures.REGISTERED_JSON;
import static com.huiyi31.client.Fixtures.REGISTER_PATH;
import static com.huiyi31.client.Fixtures.thrownBy;
import static com.huiyi31.client.Fixtures.validRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.huiyi31.client.Huiyi31Exception.Outcome;
import feign.FeignException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Connection failures become {@link Huiyi31TransportException}s whose outcome says whether the
 * request may have reached the server, and nothing is ever sent twice.
 */
class TransportFailureTest {

  private static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(200);

  private static final JournalSignal JOURNALED = new JournalSignal();

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().extensions(JOURNALED)).build();

  @BeforeEach
  void forgetEarlierRequests() {
    JOURNALED.reset();
  }

  private static int unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private void answerWith(Fault fault) {
    wm.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse().withFault(fault)));
  }

  @Test
  void connectionRefusedIsTransportExceptionNotSent() throws IOException {
    int port = unusedPort();

    try (Huiyi31Client client = Fixtures.clientFor("http://localhost:" + port)) {
      assertThatThrownBy(() -> client.attendees().registerAttendee(validRequest()))
          .isInstanceOf(Huiyi31TransportException.class)
          .isNotInstanceOf(FeignException.class);

      Huiyi31TransportException e = thrownBy(Huiyi31TransportException.class,
          () -> client.attendees().registerAttendee(validRequest()));
      assertThat(e.outcome()).isEqualTo(Outcome.NOT_SENT);
      assertThat(e.getMessage()).contains("before the request was sent").contains("safe to send it again");
      assertThat(e).hasRootCauseInstanceOf(ConnectException.class);
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void connectionRefusedOn127001IsNotSentToo() throws IOException {
    int port = unusedPort();

    try (Huiyi31Client client = Fixtures.clientFor("http://127.0.0.1:" + port)) {
      Huiyi31TransportException e = thrownBy(Huiyi31TransportException.class,
          () -> client.attendees().registerAttendee(validRequest()));
      assertThat(e.outcome()).isEqualTo(Outcome.NOT_SENT);
    }
  }

  @Test
  void readTimeoutIsTransportExceptionWithUnknownOutcomeAfterExactlyOnePost() throws InterruptedException {
    wm.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse()
        .withStatus(200).withBody(REGISTERED_JSON).withFixedDelay(3_000)));

    try (Huiyi31Client client = Fixtures.clientFor(wm.baseUrl(), SHORT_READ_TIMEOUT)) {
      Huiyi31TransportException e = thrownBy(Huiyi31TransportException.class,
          () -> client.attendees().registerAttendee(validRequest()));

      assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN);
      assertThat(e.getMessage()).contains("after the request was sent").contains("check before sending it again");
      assertThat(e.getCause()).isInstanceOf(InterruptedIOException.class);
    }
    JOURNALED.await(1);
    wm.verify(1, postRequestedFor(urlEqualTo(REGISTER_PATH)));
    wm.verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void delayShorterThanTheReadTimeoutSucceeds() {
    wm.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse()
        .withStatus(200).withBody(REGISTERED_JSON).withFixedDelay(50)));

    try (Huiyi31Client client = Fixtures.clientFor(wm.baseUrl(), Duration.ofSeconds(5))) {
      assertThat(client.attendees().registerAttendee(validRequest()).getBusinessCode()).isZero();
    }
    wm.verify(1, anyRequestedFor(anyUrl()));
  }

  /** The connection fails after the request was written: reset, closed, garbage, a body cut off. */
  @ParameterizedTest
  @EnumSource(value = Fault.class,
      names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE", "MALFORMED_RESPONSE_CHUNK"})
  void aConnectionFailingAfterSendingIsUnknownAndNotRetried(Fault fault) {
    answerWith(fault);

    try (Huiyi31Client client = Fixtures.clientFor(wm.baseUrl())) {
      Huiyi31TransportException e = thrownBy(Huiyi31TransportException.class,
          () -> client.attendees().registerAttendee(validRequest()));
      assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN);
    }
    wm.verify(1, postRequestedFor(urlEqualTo(REGISTER_PATH)));
    wm.verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void aFailedCallDoesNotPoisonTheNextOne() {
    answerWith(Fault.CONNECTION_RESET_BY_PEER);

    try (Huiyi31Client client = Fixtures.clientFor(wm.baseUrl())) {
      thrownBy(Huiyi31TransportException.class, () -> client.attendees().registerAttendee(validRequest()));
      wm.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse().withStatus(200).withBody(REGISTERED_JSON)));

      assertThat(client.attendees().registerAttendee(validRequest()).getBusinessCode()).isZero();
    }
    wm.verify(2, anyRequestedFor(anyUrl()));
  }
}
