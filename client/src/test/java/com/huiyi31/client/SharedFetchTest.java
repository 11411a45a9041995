package com.huiyi31.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.huiyi31.client.model.ListAttendeeTypesRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The token and the attendee types are each fetched once for all the callers that need them at
 * the same moment, and those callers share the outcome, failure included: against a failing
 * server they fail together, after one request, instead of one after another.
 */
class SharedFetchTest {

  private static final String TOKEN_PATH = "/connect/token";
  private static final String LIST_PATH = "/op/api/AttendeeType/v1/list";
  private static final String EVENT = Fixtures.EVENT_ID;
  private static final int THREADS = 64;
  private static final int SERVER_DELAY_MS = 1000;
  /** "Within about a second of the first failure": every caller, not one per second. */
  private static final long SPREAD_LIMIT_NANOS = Duration.ofMillis(1500).toNanos();

  /** What to do when a request has arrived (run on WireMock's thread, before it answers). */
  private final List<Consumer<ServeEvent>> onArrival = new CopyOnWriteArrayList<>();

  /** One server per test, with this test's {@link #onArrival}. */
  @RegisterExtension
  final WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().containerThreads(20).extensions(new ServeEventListener() {
        @Override
        public void afterMatch(ServeEvent event, Parameters parameters) {
          onArrival.forEach(action -> action.accept(event));
        }

        @Override
        public String getName() {
          return "on-arrival";
        }
      }))
      .build();

  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  @Test
  void sixtyFourCallersShareOneFailedTokenRequestAndFailTogether() throws Exception {
    wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(503).withBody("busy")
        .withFixedDelay(SERVER_DELAY_MS)));

    try (Huiyi31Client client = builder().build()) {
      List<Failure> failures = callAtOnce(() -> client.attendeeTypes().listAttendeeTypes(listRequest()));

      assertThat(failures).hasSize(THREADS).allSatisfy(failure -> assertThat(failure.error())
          .isInstanceOfSatisfying(Huiyi31HttpException.class, e -> assertThat(e.status()).isEqualTo(503)));
      assertThat(spread(failures)).as("time between the first and the last failure").isLessThan(SPREAD_LIMIT_NANOS);
    }
    assertThat(requests(TOKEN_PATH)).isBetween(1, 2);
    assertThat(requests(LIST_PATH)).isZero();
  }

  @Test
  void sixtyFourCallersShareOneFailedTypeListAndFailTogether() throws Exception {
    wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(token("access-1", 600)));
    wm.stubFor(post(urlPathEqualTo(LIST_PATH)).willReturn(aResponse().withStatus(503).withBody("busy")
        .withFixedDelay(SERVER_DELAY_MS)));

    try (Huiyi31Client client = builder().build()) {
      EventRegistration event = client.registration(EVENT);
      List<Failure> failures = callAtOnce(event::attendeeTypes);

      assertThat(failures).hasSize(THREADS).allSatisfy(failure -> assertThat(failure.error())
          .isInstanceOfSatisfying(Huiyi31HttpException.class, e -> assertThat(e.status()).isEqualTo(503)));
      assertThat(spread(failures)).as("time between the first and the last failure").isLessThan(SPREAD_LIMIT_NANOS);
    }
    assertThat(requests(LIST_PATH)).isBetween(1, 2);
    assertThat(requests(TOKEN_PATH)).isEqualTo(1);
  }

  @Test
  void aFailedTokenRequestAnswersForOneSecondThenTheIssuerIsAskedAgain() {
    wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(503).withBody("busy")));

    try (Huiyi31Client client = builder().nanoTime(now::get).build()) {
      Throwable first = catchFrom(() -> client.attendeeTypes().listAttendeeTypes(listRequest()));
      now.addAndGet(Duration.ofMillis(900).toNanos());
      Throwable shared = catchFrom(() -> client.attendeeTypes().listAttendeeTypes(listRequest()));
      assertThat(shared).isSameAs(first);
      assertThat(requests(TOKEN_PATH)).isEqualTo(1);

      now.addAndGet(Duration.ofMillis(100).toNanos());
      wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(token("access-1", 600)));
      wm.stubFor(post(urlPathEqualTo(LIST_PATH)).willReturn(typeList()));

      assertThat(client.attendeeTypes().listAttendeeTypes(listRequest()).getBusinessCode()).isZero();
    }
    assertThat(requests(TOKEN_PATH)).isEqualTo(2);
  }

  @Test
  void aFailedTypeListAnswersForOneSecondThenItIsLoadedAgain() {
    wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(token("access-1", 600)));
    wm.stubFor(post(urlPathEqualTo(LIST_PATH)).willReturn(aResponse().withStatus(502).withBody("gateway")));

    try (Huiyi31Client client = builder().nanoTime(now::get).build()) {
      EventRegistration event = client.registration(EVENT);
      Throwable first = catchFrom(event::attendeeTypes);
      now.addAndGet(Duration.ofMillis(900).toNanos());
      assertThat(catchFrom(event::attendeeTypes)).isSameAs(first);
      assertThat(requests(LIST_PATH)).isEqualTo(1);

      now.addAndGet(Duration.ofMillis(100).toNanos());
      wm.stubFor(post(urlPathEqualTo(LIST_PATH)).willReturn(typeList()));

      assertThat(event.attendeeTypes()).extracting("name").containsExactly("嘉宾");
    }
    assertThat(requests(LIST_PATH)).isEqualTo(2);
  }

  @Test
  void refreshForgetsARecentFailureSoThatTheNextUseLoadsAgain() {
    wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(token("access-1", 600)));
    wm.stubFor(post(urlPathEqualTo(LIST_PATH)).willReturn(aResponse().withStatus(502).withBody("gateway")));

    try (Huiyi31Client client = builder().nanoTime(now::get).build()) {
      EventRegistration event = client.registration(EVENT);
      catchFrom(event::attendeeTypes);
      wm.stubFor(post(urlPathEqualTo(LIST_PATH)).willReturn(typeList()));

      event.refresh();

      assertThat(event.attendeeTypes()).extracting("name").containsExactly("嘉宾");
    }
    assertThat(requests(LIST_PATH)).isEqualTo(2);
  }

  @Test
  void whileOneCallerRefreshesASlowTokenTheOthersGoOnWithTheValidOne() throws Exception {
    wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=custom_user_code"))
        .willReturn(token("access-1", 600)));
    wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=refresh_token"))
        .willReturn(token("access-2", 600).withFixedDelay(3000)));
    wm.stubFor(post(urlPathEqualTo(LIST_PATH)).willReturn(typeList()));
    CountDownLatch refreshArrived = whenRequested(TOKEN_PATH, "grant_type=refresh_token");
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Huiyi31Client client = builder().nanoTime(now::get).build()) {
      client.attendeeTypes().listAttendeeTypes(listRequest());
      now.addAndGet(Duration.ofSeconds(545).toNanos()); // due for refresh, valid for 55 s more

      Future<?> refreshing = pool.submit(() -> client.attendeeTypes().listAttendeeTypes(listRequest()));
      assertThat(refreshArrived.await(10, TimeUnit.SECONDS)).isTrue();
      long started = System.nanoTime();
      client.attendeeTypes().listAttendeeTypes(listRequest());
      long tookNanos = System.nanoTime() - started;
      refreshing.get(10, TimeUnit.SECONDS);

      assertThat(Duration.ofNanos(tookNanos)).as("a caller did not wait for the refresh").isLessThan(Duration.ofSeconds(2));
    } finally {
      pool.shutdownNow();
    }
    assertThat(wm.findAll(postRequestedFor(urlPathEqualTo(LIST_PATH)))).extracting(r -> r.getHeader("Authorization"))
        .containsExactlyInAnyOrder("Bearer access-1", "Bearer access-1", "Bearer access-2");
  }

  @Test
  void aTokenThatExpiresWhileItsRefreshFailsIsNotSent() {
    wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=custom_user_code"))
        .willReturn(token("access-1", 600)));
    wm.stubFor(post(urlPathEqualTo(LIST_PATH)).willReturn(typeList()));
    try (Huiyi31Client client = builder().nanoTime(now::get).build()) {
      client.attendeeTypes().listAttendeeTypes(listRequest());
      now.addAndGet(Duration.ofSeconds(545).toNanos()); // due for refresh, valid for 55 s more
      // The refresh, and the new grant after it, fail; the first one only after the token has expired.
      wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(503).withBody("busy")));
      onRequest(TOKEN_PATH, "grant_type=refresh_token", () -> now.addAndGet(Duration.ofSeconds(60).toNanos()));

      assertThatThrownBy(() -> client.attendeeTypes().listAttendeeTypes(listRequest()))
          .isInstanceOfSatisfying(Huiyi31HttpException.class, e -> assertThat(e.status()).isEqualTo(503));
    }
    assertThat(wm.findAll(postRequestedFor(urlPathEqualTo(LIST_PATH)))).hasSize(1);
  }

  // ---- helpers ----

  private record Failure(Throwable error, long atNanos) {}

  private Huiyi31Client.Builder builder() {
    return Huiyi31Client.builder().baseUrl(wm.baseUrl()).credentials("key", "secret").maxConcurrentRequests(THREADS);
  }

  /** Runs {@code call} on {@link #THREADS} threads released together; each must fail: when, and with what. */
  private static List<Failure> callAtOnce(Runnable call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch ready = new CountDownLatch(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Failure>> calls = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        calls.add(pool.submit(() -> {
          ready.countDown();
          start.await();
          try {
            call.run();
            return new Failure(null, System.nanoTime());
          } catch (RuntimeException e) {
            return new Failure(e, System.nanoTime());
          }
        }));
      }
      assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
      start.countDown();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20); // one failure per second would take 64 s
      List<Failure> failures = new ArrayList<>();
      for (Future<Failure> f : calls) {
        failures.add(f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
      }
      return failures;
    } finally {
      pool.shutdownNow();
    }
  }

  private static long spread(List<Failure> failures) {
    long first = failures.stream().mapToLong(Failure::atNanos).min().orElseThrow();
    long last = failures.stream().mapToLong(Failure::atNanos).max().orElseThrow();
    return last - first;
  }

  private static Throwable catchFrom(Runnable call) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call::run);
    assertThat(thrown).isInstanceOf(Huiyi31Exception.class);
    return thrown;
  }

  private int requests(String path) {
    return wm.findAll(postRequestedFor(urlPathEqualTo(path))).size();
  }

  /** A latch counted down when a request to {@code path} whose body contains {@code text} arrives. */
  private CountDownLatch whenRequested(String path, String text) {
    CountDownLatch arrived = new CountDownLatch(1);
    onRequest(path, text, arrived::countDown);
    return arrived;
  }

  /** Runs {@code action} on WireMock's thread when a request to {@code path} containing {@code text} arrives. */
  private void onRequest(String path, String text, Runnable action) {
    onArrival.add(event -> {
      if (event.getRequest().getUrl().startsWith(path) && event.getRequest().getBodyAsString().contains(text)) {
        action.run();
      }
    });
  }

  private static ListAttendeeTypesRequest listRequest() {
    return new ListAttendeeTypesRequest().bventId(EVENT);
  }

  private static ResponseDefinitionBuilder token(String access, int expiresIn) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"access_token\":\"" + access + "\",\"expires_in\":" + expiresIn
            + ",\"token_type\":\"Bearer\",\"refresh_token\":\"refresh-" + access + "\"}");
  }

  private static ResponseDefinitionBuilder typeList() {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"businessCode\":0,\"data\":{\"attendeeTypes\":[{\"id\":\"" + Fixtures.ATTENDEE_TYPE_ID
            + "\",\"name\":\"嘉宾\"}]}}");
  }
}
