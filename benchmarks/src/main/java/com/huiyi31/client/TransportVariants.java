package com.huiyi31.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.client.model.RegisterAttendeeResponse;
import feign.Request;
import feign.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;

/** Bisection variants between client (a) and bare OkHttp + Jackson (b), for the end-to-end harness. */
public final class TransportVariants {

  private TransportVariants() {}

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  /** The OkHttpClient as Huiyi31Client configures it. */
  public static OkHttpClient oursConfigured(int max) {
    Duration timeout = Duration.ofSeconds(5);
    return new OkHttpClient.Builder()
        .connectTimeout(timeout)
        .readTimeout(Duration.ofSeconds(30))
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .connectionPool(new ConnectionPool(max, 30, TimeUnit.SECONDS))
        .dns(okhttp3.Dns.SYSTEM)
        .addNetworkInterceptor(SendTracking.MARK_CONNECTED)
        .build();
  }

  /** b's code, but over our OkHttpClient configuration and through SendTracking.execute. */
  public static Callable<RegisterAttendeeResponse> ourConfigBareCall(String url, ObjectMapper mapper,
      RegisterAttendeeRequest request) {
    OkHttpClient http = oursConfigured(64);
    return () -> {
      byte[] body = mapper.writeValueAsBytes(request);
      okhttp3.Request.Builder call = new okhttp3.Request.Builder().url(url).post(RequestBody.create(body, JSON));
      try (okhttp3.Response response = SendTracking.execute(http, call)) {
        return mapper.readValue(response.body().bytes(), RegisterAttendeeResponse.class);
      }
    };
  }

  /** Our OkHttpTransport (semaphore, conversions, bounded read) with bare Jackson, without Feign. */
  public static Callable<RegisterAttendeeResponse> ourTransportBareCodec(String url, ObjectMapper mapper,
      RegisterAttendeeRequest request) {
    OkHttpTransport transport = new OkHttpTransport(oursConfigured(64), 64, Duration.ofSeconds(5).toNanos());
    Request.Options options = new Request.Options(Duration.ofSeconds(5), Duration.ofSeconds(30), false);
    Map<String, Collection<String>> headers = Map.of("Content-Type", List.of(JsonCodec.JSON_UTF8));
    return () -> {
      byte[] body = mapper.writeValueAsBytes(request);
      Request sent = Request.create(Request.HttpMethod.POST, url, headers, body, StandardCharsets.UTF_8, null);
      try (Response response = transport.execute(sent, options)) {
        return mapper.readValue(response.body().asInputStream().readAllBytes(), RegisterAttendeeResponse.class);
      }
    };
  }

  /** Our codec (validation, envelope, duplicate keys, bounded read) over OkHttpTransport, without Feign's proxy. */
  public static Callable<RegisterAttendeeResponse> ourCodecNoFeign(String url, RegisterAttendeeRequest request) {
    OkHttpTransport transport = new OkHttpTransport(oursConfigured(64), 64, Duration.ofSeconds(5).toNanos());
    Request.Options options = new Request.Options(Duration.ofSeconds(5), Duration.ofSeconds(30), false);
    JsonCodec codec = new JsonCodec(JsonCodec.newObjectMapper());
    Map<String, Collection<String>> headers = Map.of("Content-Type", List.of(JsonCodec.JSON_UTF8),
        "Accept", List.of("application/json"));
    return () -> {
      feign.RequestTemplate template = new feign.RequestTemplate();
      codec.encode(request, RegisterAttendeeRequest.class, template);
      Request sent = Request.create(Request.HttpMethod.POST, url, headers, template.body(), StandardCharsets.UTF_8, null);
      try (Response response = transport.execute(sent, options)) {
        return (RegisterAttendeeResponse) codec.decode(response, RegisterAttendeeResponse.class);
      }
    };
  }

  /** Feign with its defaults and a bare Jackson encoder/decoder over OkHttpTransport: Feign's own cost. */
  public static com.huiyi31.client.api.AttendeeApi plainFeign(String baseUrl, ObjectMapper mapper) {
    OkHttpTransport transport = new OkHttpTransport(oursConfigured(64), 64, Duration.ofSeconds(5).toNanos());
    return feign.Feign.builder()
        .client(transport)
        .encoder((object, type, template) -> {
          try {
            template.body(mapper.writeValueAsBytes(object), StandardCharsets.UTF_8);
          } catch (java.io.IOException e) {
            throw new feign.codec.EncodeException(e.getMessage(), e);
          }
        })
        .decoder((response, type) -> mapper.readValue(response.body().asInputStream(),
            mapper.constructType(type)))
        .options(new Request.Options(Duration.ofSeconds(5), Duration.ofSeconds(30), false))
        .target(com.huiyi31.client.api.AttendeeApi.class, baseUrl);
  }
}
