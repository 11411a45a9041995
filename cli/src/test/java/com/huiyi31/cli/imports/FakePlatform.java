package com.huiyi31.cli.imports;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in for the platform that behaves like it where it matters here: it registers every
 * request it receives (it cannot detect duplicates), and counts. By FullName: "refuse-..." gets
 * businessCode 1001, "reset-..." a connection reset after the request arrived (outcome unknown to
 * the client, though the platform may have acted), "busy-..." HTTP 429, "hostile-..." businessCode
 * 1001 with {@link #HOSTILE_MESSAGE}, "formula-..." registered with an orderNo, attendeeId and
 * checkinCode that a spreadsheet would run as formulas, "gateway-..." HTTP 502 with an error page
 * that quotes a person; everything else is
 * registered, with orderNo "order-" + FullName (FullName must be the first column).
 */
final class FakePlatform implements AutoCloseable {

  static final String PATH = "/op/notoken/api/Attendee/v1/Register";
  /**
   * A refusal as a hostile or careless platform could word it: terminal control sequences (clear
   * the screen, set the window title, a C1 CSI, a bidi override), a full mobile number and a name.
   */
  static final String HOSTILE_MESSAGE = "\u001b[2J\u001b]0;pwned\u0007手机号13912345678已被张晓明注册\u009b31m\u202e";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Counter counter = new Counter();
  private final WireMockServer server;

  FakePlatform(int delayMillis) {
    server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().globalTemplating(true)
        .extensions(counter));
    server.start();
    server.stubFor(post(urlPathEqualTo(PATH)).atPriority(10).withName("register").willReturn(aResponse()
        .withFixedDelay(delayMillis)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody("{\"businessCode\":0,\"businessMessage\":\"\",\"data\":{\"orderNo\":"
            + "\"order-{{jsonPath request.body '$.Attendee.Fields[0].FieldValue'}}\",\"orderAttendees\":[{"
            + "\"attendeeId\":\"attendee-{{jsonPath request.body '$.Attendee.Fields[0].FieldValue'}}\","
            + "\"checkinCode\":\"{{randomValue length=19 type='NUMERIC'}}\"}]}}")));
    server.stubFor(post(urlPathEqualTo(PATH)).atPriority(1).withName("refuse").withRequestBody(containing("refuse-"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json; charset=utf-8")
            .withBody("{\"businessCode\":1001,\"businessMessage\":\"手机号已被注册\",\"data\":null}")));
    server.stubFor(post(urlPathEqualTo(PATH)).atPriority(1).withName("hostile").withRequestBody(containing("hostile-"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json; charset=utf-8")
            .withBody(JSON.createObjectNode().put("businessCode", 1001).put("businessMessage", HOSTILE_MESSAGE)
                .putNull("data").toString())));
    server.stubFor(post(urlPathEqualTo(PATH)).atPriority(1).withName("formula").withRequestBody(containing("formula-"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json; charset=utf-8")
            .withBody("{\"businessCode\":0,\"businessMessage\":\"\",\"data\":{\"orderNo\":\"=1+2\",\"orderAttendees\":[{"
                + "\"attendeeId\":\"@SUM(1)\",\"checkinCode\":\"-2+3+cmd|' /C calc'!A0\"}]}}")));
    server.stubFor(post(urlPathEqualTo(PATH)).atPriority(1).withName("gateway").withRequestBody(containing("gateway-"))
        .willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html; charset=utf-8")
            .withBody("<html><body>\u001b[2J系统繁忙: 张晓明 13912345678</body></html>")));
    server.stubFor(post(urlPathEqualTo(PATH)).atPriority(1).withName("reset").withRequestBody(containing("reset-"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    server.stubFor(post(urlPathEqualTo(PATH)).atPriority(1).withName("busy").withRequestBody(containing("busy-"))
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  /** Requests received, all stubs. */
  int requests() {
    return counter.requests.get();
  }

  /** Requests received, by FullName. */
  Map<String, Integer> received() {
    return Map.copyOf(counter.received);
  }

  /** Registrations made (the "register" stub matched), by FullName: more than 1 is a duplicate. */
  Map<String, Integer> registered() {
    return Map.copyOf(counter.registered);
  }

  /** The most requests that were being served at the same time. */
  int maxInFlight() {
    return counter.maxInFlight.get();
  }

  /** The FullName of each request, in the order they were received. */
  List<String> receivedInOrder() {
    return List.copyOf(counter.order);
  }

  /** {@link System#nanoTime()} at which each request arrived, in arrival order. */
  List<Long> arrivals() {
    return List.copyOf(counter.arrivals);
  }

  /** A latch that opens when {@code n} more requests have been received. */
  CountDownLatch afterRequests(int n) {
    CountDownLatch latch = new CountDownLatch(n);
    counter.latch.set(latch);
    return latch;
  }

  void resetCounts() {
    counter.requests.set(0);
    counter.received.clear();
    counter.registered.clear();
    counter.arrivals.clear();
    counter.order.clear();
    counter.maxInFlight.set(0);
  }

  @Override
  public void close() {
    server.stop();
  }

  static String fullName(String body) {
    try {
      JsonNode fields = JSON.readTree(body).path("Attendee").path("Fields");
      for (JsonNode field : fields) {
        if (field.path("FieldName").asText().equals("FullName")) {
          return field.path("FieldValue").asText();
        }
      }
      return "";
    } catch (IOException e) {
      return "(not JSON)";
    }
  }

  private static final class Counter implements ServeEventListener {
    final AtomicInteger requests = new AtomicInteger();
    final Map<String, Integer> received = new ConcurrentHashMap<>();
    final Map<String, Integer> registered = new ConcurrentHashMap<>();
    final List<Long> arrivals = new CopyOnWriteArrayList<>();
    final List<String> order = new CopyOnWriteArrayList<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final AtomicReference<CountDownLatch> latch = new AtomicReference<>(new CountDownLatch(0));

    @Override
    public String getName() {
      return "counter";
    }

    @Override
    public void beforeMatch(ServeEvent event, Parameters parameters) {
      arrivals.add(System.nanoTime());
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    @Override
    public void afterMatch(ServeEvent event, Parameters parameters) {
      // The platform acts on a request when it receives it, whether or not the answer arrives.
      String name = fullName(event.getRequest().getBodyAsString());
      received.merge(name, 1, Integer::sum);
      order.add(name);
      if (event.getStubMapping() != null && "register".equals(event.getStubMapping().getName())) {
        registered.merge(name, 1, Integer::sum);
      }
      requests.incrementAndGet();
      latch.get().countDown();
    }

    @Override
    public void afterComplete(ServeEvent event, Parameters parameters) {
      inFlight.decrementAndGet();
    }
  }
}
