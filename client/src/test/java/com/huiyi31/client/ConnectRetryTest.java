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
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.huiyi31.client.Huiyi31Exception.Outcome;
import feign.Request;
import feign.RetryableException;
import feign.Retryer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Connect retries: only a request that certainly never left this machine is sent again, after a
 * doubling, jittered, capped backoff. Nothing here waits for real: every sleep goes to a
 * recording fake.
 */
class ConnectRetryTest {

  private static final Duration INITIAL = Duration.ofMillis(100);
  private static final Duration MAX = Duration.ofSeconds(2);
  /** The largest double below 1: the jitter source's upper end ({@code nextDouble()} is in [0, 1)). */
  private static final double ALMOST_ONE = Math.nextDown(1.0);
  private static final Duration ONE_NANO = Duration.ofNanos(1);

  private static final Request REQUEST =
      Request.create(Request.HttpMethod.POST, "http://localhost/x", Map.of(), null, null, null);

  private static RetryableException retryable(Throwable cause) {
    return new RetryableException(-1, "failed", Request.HttpMethod.POST, cause, (Long) null, REQUEST);
  }

  private static RetryableException notSent() {
    return retryable(new SendTracking.RequestNotSentException(new ConnectException("Connection refused")));
  }

  private static int unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  // =============================================================== backoff

  @Nested
  class Backoff {

    private ConnectRetryer retryer(Duration initial, Duration max, double jitter) {
      return new ConnectRetryer(10, initial, max, d -> { }, () -> jitter);
    }

    @Test
    void jitterZeroWaitsHalfOfTheStep() {
      ConnectRetryer retryer = retryer(INITIAL, MAX, 0.0);

      assertThat(retryer.backoff(0)).isEqualTo(Duration.ofMillis(50));
      assertThat(retryer.backoff(1)).isEqualTo(Duration.ofMillis(100));
      assertThat(retryer.backoff(2)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void jitterAlmostOneWaitsAlmostTheFullStep() {
      ConnectRetryer retryer = retryer(INITIAL, MAX, ALMOST_ONE);

      assertThat(retryer.backoff(0)).isBetween(Duration.ofMillis(100).minus(ONE_NANO), Duration.ofMillis(100));
      assertThat(retryer.backoff(1)).isBetween(Duration.ofMillis(200).minus(ONE_NANO), Duration.ofMillis(200));
      assertThat(retryer.backoff(2)).isBetween(Duration.ofMillis(400).minus(ONE_NANO), Duration.ofMillis(400));
    }

    @Test
    void jitterHalfWaitsThreeQuartersOfTheStep() {
      assertThat(retryer(INITIAL, MAX, 0.5).backoff(0)).isEqualTo(Duration.ofMillis(75));
    }

    @Test
    void stepsDoubleFromTheInitialBackoffAndAreCappedAtMaxBackoff() {
      ConnectRetryer retryer = retryer(INITIAL, Duration.ofMillis(1000), 0.0);

      List<Duration> steps = new ArrayList<>();
      for (int retry = 0; retry < 7; retry++) {
        steps.add(retryer.backoff(retry).multipliedBy(2)); // jitter 0: the wait is exactly half the step
      }

      assertThat(steps).containsExactly(
          Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800),
          Duration.ofMillis(1000), Duration.ofMillis(1000), Duration.ofMillis(1000));
    }

    @Test
    void defaultSettingsGiveStepsOf100200400800And1600MillisThenTheTwoSecondCap() {
      ConnectRetryer retryer = retryer(INITIAL, MAX, ALMOST_ONE);

      assertThat(retryer.backoff(3)).isBetween(Duration.ofMillis(800).minus(ONE_NANO), Duration.ofMillis(800));
      assertThat(retryer.backoff(4)).isBetween(Duration.ofMillis(1600).minus(ONE_NANO), Duration.ofMillis(1600));
      assertThat(retryer.backoff(5)).isBetween(MAX.minus(ONE_NANO), MAX);
      assertThat(retryer.backoff(9)).isBetween(MAX.minus(ONE_NANO), MAX);
    }

    @Test
    void initialEqualToMaxGivesTheSameStepEveryTime() {
      ConnectRetryer retryer = retryer(Duration.ofMillis(300), Duration.ofMillis(300), 0.0);

      for (int retry = 0; retry < 10; retry++) {
        assertThat(retryer.backoff(retry)).isEqualTo(Duration.ofMillis(150));
      }
    }

    @ParameterizedTest(name = "retry {0}")
    @ValueSource(ints = {29, 30, 31, 40, 62, 63, 64, 100, 1000, Integer.MAX_VALUE})
    void largeRetryNumbersDoNotOverflowAndStayAtTheCap(int retry) {
      assertThat(retryer(INITIAL, MAX, 0.0).backoff(retry)).isEqualTo(MAX.dividedBy(2));
      assertThat(retryer(INITIAL, MAX, ALMOST_ONE).backoff(retry)).isBetween(MAX.minus(ONE_NANO), MAX);
    }

    @ParameterizedTest(name = "retry {0}")
    @ValueSource(ints = {0, 1, 5, 9, 13, 30, 40, 1000})
    void theLongestBackoffTheBuilderAcceptsNeitherOverflowsNorExceedsItsCap(int retry) {
      Duration longest = Duration.ofMillis(Integer.MAX_VALUE);

      Duration wait = retryer(longest, longest, ALMOST_ONE).backoff(retry);

      assertThat(wait).isPositive().isLessThanOrEqualTo(longest).isGreaterThanOrEqualTo(longest.dividedBy(2));
    }
  }

  // =============================================================== continueOrPropagate

  @Nested
  class ContinueOrPropagate {

    private final List<Duration> sleeps = new ArrayList<>();

    private ConnectRetryer retryer(int maxRetries) {
      return new ConnectRetryer(maxRetries, INITIAL, MAX, sleeps::add, () -> 0.0);
    }

    @Test
    void notSentFailureIsRetriedAfterSleepingTheFirstBackoff() {
      ConnectRetryer retryer = retryer(2);

      assertThatCode(() -> retryer.continueOrPropagate(notSent())).doesNotThrowAnyException();

      assertThat(sleeps).containsExactly(Duration.ofMillis(50));
    }

    static Stream<Arguments> causesThatMayHaveBeenSent() {
      return Stream.of(
          Arguments.of(new IOException("Broken pipe")),
          Arguments.of(new SocketTimeoutException("timeout")),
          // Only the wrapper says "not sent"; a bare ConnectException did not go through SendTracking.
          Arguments.of(new ConnectException("Connection refused")),
          Arguments.of(new UnknownHostException("test2-31api.31huiyi.com")),
          Arguments.of(new RuntimeException("unexpected")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("causesThatMayHaveBeenSent")
    void failureNotMarkedNotSentIsRethrownAtOnceWithoutSleeping(Throwable cause) {
      ConnectRetryer retryer = retryer(10);
      RetryableException e = retryable(cause);

      assertThat(catchThrowable(() -> retryer.continueOrPropagate(e))).isSameAs(e);
      assertThat(sleeps).isEmpty();
    }

    @Test
    void failureWithoutCauseIsRethrownAtOnceWithoutSleeping() {
      ConnectRetryer retryer = retryer(10);
      RetryableException e = new RetryableException(503, "Service Unavailable", Request.HttpMethod.POST,
          null, 1000L, REQUEST);

      assertThat(catchThrowable(() -> retryer.continueOrPropagate(e))).isSameAs(e);
      assertThat(sleeps).isEmpty();
    }

    @Test
    void notSentFailureIsRethrownOnceMaxRetriesAreUsedUp() {
      ConnectRetryer retryer = retryer(2);
      retryer.continueOrPropagate(notSent());
      retryer.continueOrPropagate(notSent());
      RetryableException third = notSent();

      assertThat(catchThrowable(() -> retryer.continueOrPropagate(third))).isSameAs(third);
      assertThat(sleeps).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
    }

    @Test
    void zeroMaxRetriesRethrowsTheFirstNotSentFailureWithoutSleeping() {
      ConnectRetryer retryer = retryer(0);
      RetryableException e = notSent();

      assertThat(catchThrowable(() -> retryer.continueOrPropagate(e))).isSameAs(e);
      assertThat(sleeps).isEmpty();
    }

    @Test
    void cloneStartsAFreshCountAndLeavesTheOriginalExhausted() {
      ConnectRetryer original = retryer(1);
      original.continueOrPropagate(notSent());
      assertThatThrownBy(() -> original.continueOrPropagate(notSent())).isInstanceOf(RetryableException.class);
      sleeps.clear();

      Retryer copy = original.clone();

      assertThat(copy).isNotSameAs(original).isInstanceOf(ConnectRetryer.class);
      assertThatCode(() -> copy.continueOrPropagate(notSent())).doesNotThrowAnyException();
      assertThat(sleeps).as("the copy starts again at the first backoff").containsExactly(Duration.ofMillis(50));
      assertThatThrownBy(() -> copy.continueOrPropagate(notSent())).isInstanceOf(RetryableException.class);
      assertThatThrownBy(() -> original.continueOrPropagate(notSent())).isInstanceOf(RetryableException.class);
      assertThat(sleeps).hasSize(1);
    }

    @Test
    void interruptedSleepStopsRetryingRethrowsAndKeepsTheInterruptFlag() {
      List<Duration> attempted = new ArrayList<>();
      ConnectRetryer retryer = new ConnectRetryer(5, INITIAL, MAX, d -> {
        attempted.add(d);
        throw new InterruptedException("shutting down");
      }, () -> 0.0);
      RetryableException e = notSent();
      try {
        Throwable thrown = catchThrowable(() -> retryer.continueOrPropagate(e));

        assertThat(thrown).isSameAs(e);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(attempted).hasSize(1);
      } finally {
        Thread.interrupted(); // clear the flag for the tests that follow on this thread
      }
    }
  }

  // =============================================================== through the real client

  @Nested
  class ThroughTheClient {

    private final JournalSignal journaled = new JournalSignal();

    @RegisterExtension
    final WireMockExtension wm = WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort().extensions(journaled)).build();

    private final List<Duration> sleeps = new ArrayList<>();

    private Huiyi31Client.Builder builder(String baseUrl) {
      return Huiyi31Client.builder().baseUrl(baseUrl).sleeper(sleeps::add);
    }

    private Huiyi31TransportException refusedThrough(Huiyi31Client.Builder builder) {
      try (Huiyi31Client client = builder.build()) {
        Huiyi31TransportException e = thrownBy(Huiyi31TransportException.class,
            () -> client.attendees().registerAttendee(validRequest()));
        assertThat(e.outcome()).isEqualTo(Outcome.NOT_SENT);
        assertThat(e).hasRootCauseInstanceOf(ConnectException.class);
        return e;
      }
    }

    @Test
    void connectionRefusedIsRetriedTwiceByDefaultThenNotSent() throws IOException {
      refusedThrough(builder("http://localhost:" + unusedPort()));

      assertThat(sleeps).hasSize(2);
      assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
      assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
      wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void connectionRefusedWithConnectRetriesZeroIsNotRetried() throws IOException {
      refusedThrough(builder("http://127.0.0.1:" + unusedPort()).connectRetries(0));

      assertThat(sleeps).isEmpty();
    }

    @Test
    void connectionRefusedWithFiveRetriesSleepsFiveTimesWithGrowingBackoffs() throws IOException {
      refusedThrough(builder("http://127.0.0.1:" + unusedPort()).connectRetries(5));

      assertThat(sleeps).hasSize(5);
      // Steps 100, 200, 400, 800, 1600 ms: each wait lies in [step/2, step], so even with jitter a
      // wait is never shorter than the one before (the next step's half is this step).
      long step = 100;
      for (Duration sleep : sleeps) {
        assertThat(sleep).isBetween(Duration.ofMillis(step / 2), Duration.ofMillis(step));
        step *= 2;
      }
      assertThat(sleeps).isSorted().allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(MAX));
    }

    @Test
    void connectionRefusedBackoffsNeverExceedAConfiguredMaximum() throws IOException {
      Duration max = Duration.ofMillis(300);

      refusedThrough(builder("http://127.0.0.1:" + unusedPort())
          .connectRetries(5)
          .connectRetryBackoff(Duration.ofMillis(100), max));

      assertThat(sleeps).hasSize(5).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(max));
      assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
      assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
      assertThat(sleeps.subList(2, 5)).allSatisfy(d -> assertThat(d).isBetween(max.dividedBy(2), max));
    }

    @Test
    void requestRefusedOnceIsSentExactlyOnceWhenTheServerComesUpBeforeTheRetry() throws IOException {
      int port = unusedPort();
      WireMockServer late = new WireMockServer(wireMockConfig().port(port));
      late.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse()
          .withStatus(200).withHeader("Content-Type", "application/json").withBody(REGISTERED_JSON)));
      try (Huiyi31Client client = Huiyi31Client.builder()
          .baseUrl("http://127.0.0.1:" + port)
          .sleeper(d -> {
            sleeps.add(d);
            if (!late.isRunning()) {
              late.start(); // the server comes up while the client "waits"
            }
          })
          .build()) {

        assertThat(client.attendees().registerAttendee(validRequest()).getBusinessCode()).isZero();

        assertThat(sleeps).hasSize(1);
        late.verify(1, postRequestedFor(urlEqualTo(REGISTER_PATH)));
        assertThat(late.getAllServeEvents()).hasSize(1);
      } finally {
        late.stop();
      }
    }

    @Test
    void readTimeoutIsNeverRetried() throws InterruptedException {
      wm.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse()
          .withStatus(200).withBody(REGISTERED_JSON).withFixedDelay(3_000)));

      try (Huiyi31Client client = builder(wm.baseUrl()).readTimeout(Duration.ofMillis(200)).build()) {
        Huiyi31TransportException e = thrownBy(Huiyi31TransportException.class,
            () -> client.attendees().registerAttendee(validRequest()));
        assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(e.getCause()).isInstanceOf(InterruptedIOException.class);
      }

      journaled.await(1);
      assertThat(sleeps).isEmpty();
      wm.verify(1, postRequestedFor(urlEqualTo(REGISTER_PATH)));
      wm.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void connectionResetByPeerIsNeverRetried() {
      wm.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

      try (Huiyi31Client client = builder(wm.baseUrl()).connectRetries(10).build()) {
        Huiyi31TransportException e = thrownBy(Huiyi31TransportException.class,
            () -> client.attendees().registerAttendee(validRequest()));
        assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN);
      }

      assertThat(sleeps).isEmpty();
      wm.verify(1, postRequestedFor(urlEqualTo(REGISTER_PATH)));
      wm.verify(1, anyRequestedFor(anyUrl()));
    }

    static Stream<Arguments> busyAnswers() {
      return Stream.of(
          Arguments.of(503, Outcome.UNKNOWN),
          Arguments.of(429, Outcome.NOT_PROCESSED));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @MethodSource("busyAnswers")
    void httpErrorWithRetryAfterIsNeverRetried(int status, Outcome outcome) {
      wm.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse()
          .withStatus(status)
          .withHeader("Retry-After", "1")
          .withHeader("Content-Type", "text/plain")
          .withBody("busy")));

      try (Huiyi31Client client = builder(wm.baseUrl()).connectRetries(10).build()) {
        Huiyi31HttpException e = thrownBy(Huiyi31HttpException.class,
            () -> client.attendees().registerAttendee(validRequest()));
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.outcome()).isEqualTo(outcome);
      }

      assertThat(sleeps).isEmpty();
      wm.verify(1, postRequestedFor(urlEqualTo(REGISTER_PATH)));
      wm.verify(1, anyRequestedFor(anyUrl()));
    }
  }

  // =============================================================== builder

  @Nested
  class BuilderSettings {

    @ParameterizedTest(name = "connectRetries({0})")
    @ValueSource(ints = {-1, 11, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void connectRetriesOutsideZeroToTenIsAConfigurationError(int retries) {
      Huiyi31ConfigurationException e = thrownBy(Huiyi31ConfigurationException.class,
          () -> Huiyi31Client.builder().connectRetries(retries));

      assertThat(e.outcome()).isEqualTo(Outcome.NOT_SENT);
      assertThat(e.getMessage()).contains("connectRetries").contains(String.valueOf(retries));
    }

    @ParameterizedTest(name = "connectRetries({0})")
    @ValueSource(ints = {0, 1, 10})
    void connectRetriesFromZeroToTenIsAccepted(int retries) {
      assertThatCode(() -> Huiyi31Client.builder().connectRetries(retries)).doesNotThrowAnyException();
    }

    static Stream<Arguments> unusableBackoffs() {
      return Stream.of(
          Arguments.of(Duration.ofMillis(200), Duration.ofMillis(100)),
          Arguments.of(Duration.ZERO, Duration.ofSeconds(1)),
          Arguments.of(Duration.ofMillis(100), Duration.ZERO),
          Arguments.of(Duration.ZERO, Duration.ZERO),
          Arguments.of(Duration.ofMillis(-100), Duration.ofSeconds(1)),
          Arguments.of(Duration.ofMillis(100), Duration.ofMillis(-1)),
          Arguments.of(null, Duration.ofSeconds(1)),
          Arguments.of(Duration.ofMillis(100), null),
          Arguments.of(null, null),
          Arguments.of(Duration.ofNanos(1), Duration.ofSeconds(1)));
    }

    @ParameterizedTest(name = "connectRetryBackoff({0}, {1})")
    @MethodSource("unusableBackoffs")
    void unusableConnectRetryBackoffIsAConfigurationError(Duration initial, Duration max) {
      Huiyi31ConfigurationException e = thrownBy(Huiyi31ConfigurationException.class,
          () -> Huiyi31Client.builder().connectRetryBackoff(initial, max));

      assertThat(e.outcome()).isEqualTo(Outcome.NOT_SENT);
      assertThat(e.getMessage()).contains("connectRetryBackoff");
    }

    @Test
    void connectRetryBackoffWithMaxEqualToInitialIsAccepted() {
      assertThatCode(() -> Huiyi31Client.builder().connectRetryBackoff(Duration.ofMillis(250), Duration.ofMillis(250)))
          .doesNotThrowAnyException();
    }
  }
}
