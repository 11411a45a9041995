package com.huiyi31.benchmarks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.api.AttendeeApi;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.client.model.RegisterAttendeeResponse;
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;

/**
 * Register calls per second against a minimal loopback stub (the JDK's HttpServer with
 * TCP_NODELAY, answering the recorded docs example), for four clients measured in interleaved
 * rounds in one run, so that every ratio compares numbers taken under the same conditions.
 */
final class EndToEnd {

  /** One registration; throws if it did not succeed. */
  interface Caller {
    void call() throws Exception;
  }

  record Row(String client, int concurrency, double callsPerSecond, double p50Micros, double p99Micros) {}

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  /** How often the reference JDK client had to resend (reported with the results). */
  static final java.util.concurrent.atomic.AtomicLong JDK_RESENDS = new java.util.concurrent.atomic.AtomicLong();

  static Map<String, Caller> clients(String baseUrl, List<AutoCloseable> toClose) {
    RegisterAttendeeRequest request = Payloads.request();
    String registerUrl = baseUrl + "/op/notoken/api/Attendee/v1/Register";
    ObjectMapper mapper = new ObjectMapper()
        .setSerializationInclusion(JsonInclude.Include.NON_NULL)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    Map<String, Caller> clients = new LinkedHashMap<>();

    Huiyi31Client huiyi31 = Huiyi31Client.builder().baseUrl(baseUrl).maxConcurrentRequests(64).build();
    toClose.add(huiyi31);
    AttendeeApi ours = huiyi31.attendees();
    clients.put("a Huiyi31Client", () -> check(ours.registerAttendee(request)));

    OkHttpClient okHttp = new OkHttpClient.Builder().connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES)).build();
    clients.put("b OkHttp + Jackson", () -> {
      byte[] body = mapper.writeValueAsBytes(request);
      okhttp3.Request call = new okhttp3.Request.Builder().url(registerUrl).post(RequestBody.create(body, JSON)).build();
      try (okhttp3.Response response = okHttp.newCall(call).execute()) {
        check(mapper.readValue(response.body().bytes(), RegisterAttendeeResponse.class));
      }
    });

    // The generator's stock Feign client (its own ApiClient and models, generated in this module
    // only: the published client has no ApiClient), sent the same request.
    var generated = new com.huiyi31.benchmarks.stock.invoker.ApiClient().setBasePath(baseUrl)
        .buildClient(com.huiyi31.benchmarks.stock.api.AttendeeApi.class);
    var stockRequest = mapper.convertValue(request, com.huiyi31.benchmarks.stock.model.RegisterAttendeeRequest.class);
    clients.put("c generated ApiClient", () -> check(mapper.convertValue(generated.registerAttendee(stockRequest),
        RegisterAttendeeResponse.class)));

    HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    clients.put("d JDK HttpClient + Jackson", () -> {
      HttpRequest call = HttpRequest.newBuilder(URI.create(registerUrl))
          .header("Content-Type", "application/json; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(request))).build();
      HttpResponse<byte[]> response;
      try {
        response = jdk.send(call, HttpResponse.BodyHandlers.ofByteArray());
      } catch (java.io.IOException staleConnection) {
        // The JDK client sometimes reuses a pooled connection the JDK server has closed, and
        // does not resend a POST itself; a reference client may (ours never would).
        JDK_RESENDS.incrementAndGet();
        response = jdk.send(call, HttpResponse.BodyHandlers.ofByteArray());
      }
      check(mapper.readValue(response.body(), RegisterAttendeeResponse.class));
    });
    // Bisection variants between a and b (only when asked for: -Dhuiyi31.bench.clients=a,b,e,f).
    var ourConfig = com.huiyi31.client.TransportVariants.ourConfigBareCall(registerUrl, mapper, request);
    clients.put("e b over our OkHttpClient config + SendTracking", () -> check(ourConfig.call()));
    var ourTransport = com.huiyi31.client.TransportVariants.ourTransportBareCodec(registerUrl, mapper, request);
    clients.put("f OkHttpTransport + Jackson, no Feign", () -> check(ourTransport.call()));
    var ourCodec = com.huiyi31.client.TransportVariants.ourCodecNoFeign(registerUrl, request);
    clients.put("g our codec over OkHttpTransport, no Feign", () -> check(ourCodec.call()));
    AttendeeApi plainFeign = com.huiyi31.client.TransportVariants.plainFeign(baseUrl, mapper);
    clients.put("h plain Feign + Jackson over OkHttpTransport", () -> check(plainFeign.registerAttendee(request)));
    return clients;
  }

  private static void check(RegisterAttendeeResponse response) {
    if (response.getBusinessCode() == null || response.getBusinessCode() != 0) {
      throw new IllegalStateException("not registered");
    }
  }

  /** The stub: reads the request, answers the recorded example. */
  static HttpServer stub() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
    server.createContext("/", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(200, Payloads.REGISTERED.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(Payloads.REGISTERED);
      }
    });
    server.setExecutor(Executors.newFixedThreadPool(32));
    server.start();
    return server;
  }

  /** Runs {@code caller} on {@code threads} threads for {@code window}; returns calls/s and the latencies. */
  static Measurement measure(Caller caller, int threads, Duration window) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch start = new CountDownLatch(1);
    List<java.util.concurrent.Future<long[]>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        long[] latencies = new long[1 << 16];
        int n = 0;
        start.await();
        while (!stop.get()) {
          long begin = System.nanoTime();
          caller.call();
          if (n == latencies.length) {
            latencies = Arrays.copyOf(latencies, n * 2);
          }
          latencies[n++] = System.nanoTime() - begin;
        }
        return Arrays.copyOf(latencies, n);
      }));
    }
    long begin = System.nanoTime();
    List<long[]> all = new ArrayList<>();
    try {
      start.countDown();
      Thread.sleep(window.toMillis()); // the harness waits for its measuring window (not a test)
      stop.set(true);
      for (var future : futures) {
        all.add(future.get());
      }
    } finally {
      stop.set(true);
      pool.shutdownNow(); // also when a call failed, so the JVM can exit
    }
    long elapsed = System.nanoTime() - begin;
    long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
    return new Measurement(merged.length / (elapsed / 1e9), merged);
  }

  record Measurement(double callsPerSecond, long[] latencies) {}

  static List<Row> run(int[] concurrencies, int rounds, Duration window) throws Exception {
    HttpServer server = stub();
    List<AutoCloseable> toClose = new ArrayList<>();
    try {
      String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
      Map<String, Caller> clients = clients(baseUrl, toClose);
      // -Dhuiyi31.bench.clients=a,b measures only those (quicker interleaved comparisons).
      List<String> only = List.of(System.getProperty("huiyi31.bench.clients", "a,b,c,d").split(","));
      clients.keySet().removeIf(name -> !only.contains(name.substring(0, 1)));
      List<String> names = new ArrayList<>(clients.keySet());
      Map<String, List<Double>> throughput = new LinkedHashMap<>();
      Map<String, List<long[]>> latencies = new LinkedHashMap<>();
      for (int round = -1; round < rounds; round++) { // round -1 warms every client up
        for (int concurrency : concurrencies) {
          for (int i = 0; i < names.size(); i++) {
            String name = names.get(Math.floorMod(i + round, names.size())); // rotate the order each round
            Measurement m = measure(clients.get(name), concurrency, round < 0 ? Duration.ofSeconds(2) : window);
            if (round >= 0) {
              String key = name + "@" + concurrency;
              throughput.computeIfAbsent(key, k -> new ArrayList<>()).add(m.callsPerSecond());
              latencies.computeIfAbsent(key, k -> new ArrayList<>()).add(m.latencies());
            }
          }
        }
      }
      List<Row> rows = new ArrayList<>();
      for (int concurrency : concurrencies) {
        for (String name : names) {
          String key = name + "@" + concurrency;
          long[] merged = latencies.get(key).stream().flatMapToLong(Arrays::stream).sorted().toArray();
          rows.add(new Row(name, concurrency, median(throughput.get(key)),
              merged[(int) (merged.length * 0.50)] / 1e3, merged[(int) (merged.length * 0.99)] / 1e3));
        }
      }
      return rows;
    } finally {
      for (AutoCloseable c : toClose) {
        c.close();
      }
      server.stop(0);
      ((ExecutorService) server.getExecutor()).shutdownNow();
    }
  }

  /** Runs the client whose name starts with {@code letter} alone: a warm-up window, then {@code window}. */
  static double runOne(String letter, int concurrency, Duration window) throws Exception {
    HttpServer server = stub();
    List<AutoCloseable> toClose = new ArrayList<>();
    try {
      Map<String, Caller> clients = clients("http://127.0.0.1:" + server.getAddress().getPort(), toClose);
      Caller caller = clients.entrySet().stream().filter(e -> e.getKey().startsWith(letter + " ")).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no client " + letter + "; there are " + clients.keySet()))
          .getValue();
      measure(caller, concurrency, Duration.ofSeconds(2));
      return measure(caller, concurrency, window).callsPerSecond();
    } finally {
      for (AutoCloseable c : toClose) {
        c.close();
      }
      server.stop(0);
      ((ExecutorService) server.getExecutor()).shutdownNow();
    }
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted[sorted.length / 2];
  }
}
