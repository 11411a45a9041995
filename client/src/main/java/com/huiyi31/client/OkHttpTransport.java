package com.huiyi31.client;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;

/**
 * Sends Feign's requests over OkHttp, bounded: at most {@code maxConcurrentRequests} exchanges
 * (and so connections) at once, and at most {@link HttpMessages#MAX_RESPONSE_BYTES} (+1) bytes
 * of each answer, read here so that the connection returns to the pool before decoding. A
 * failure before the connection was established becomes a
 * {@link SendTracking.RequestNotSentException}.
 *
 * <p>In place of feign-okhttp's adapter, which per call parses the URL and the content type
 * again, copies the headers into new maps twice and wraps the body that was then read again:
 * here the URL and the JSON content type are parsed once, and the answer is read once into
 * bytes (measured: docs/benchmarks.md).
 */
final class OkHttpTransport implements Client {

  private static final MediaType JSON_UTF8 = MediaType.get(JsonCodec.JSON_UTF8);

  private final OkHttpClient http;
  private final int maxConcurrentRequests;
  private final Semaphore permits;
  private final long waitNanos;

  /** The last URL parsed: the client's operations have few URLs, usually one. */
  private volatile ParsedUrl lastUrl = new ParsedUrl("", null);

  private record ParsedUrl(String text, HttpUrl url) {}

  OkHttpTransport(OkHttpClient http, int maxConcurrentRequests, long waitNanos) {
    this.http = http;
    this.maxConcurrentRequests = maxConcurrentRequests;
    this.permits = new Semaphore(maxConcurrentRequests);
    this.waitNanos = waitNanos;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    ObservedCall.sending();
    okhttp3.Request.Builder call = toOkHttp(request);
    acquire();
    try (okhttp3.Response response = SendTracking.execute(scoped(options), call)) {
      ObservedCall.answered(response.code());
      return toFeign(response, request);
    } finally {
      permits.release();
    }
  }

  private okhttp3.Request.Builder toOkHttp(Request request) {
    okhttp3.Request.Builder call = new okhttp3.Request.Builder().url(url(request.url()));
    boolean withBody = request.httpMethod().isWithBody();
    MediaType contentType = null;
    boolean hasAccept = false;
    for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
      String name = header.getKey();
      boolean isContentType = name.equalsIgnoreCase("Content-Type");
      hasAccept |= name.equalsIgnoreCase("Accept");
      for (String value : header.getValue()) {
        if (isContentType) {
          contentType = value.equals(JsonCodec.JSON_UTF8) ? JSON_UTF8 : MediaType.parse(value);
        }
        if (!isContentType || !withBody) { // a body carries its own content type
          call.addHeader(name, value);
        }
      }
    }
    if (!hasAccept) {
      call.addHeader("Accept", "*/*"); // as feign-okhttp does: some servers refuse a request without one
    }
    byte[] body = request.body();
    if (body == null && withBody) {
      body = new byte[0]; // OkHttp refuses a POST without a body
    }
    return call.method(request.httpMethod().name(), body == null ? null : RequestBody.create(body, contentType));
  }

  private HttpUrl url(String text) {
    ParsedUrl last = lastUrl;
    if (!last.text().equals(text)) {
      last = new ParsedUrl(text, HttpUrl.get(text));
      lastUrl = last;
    }
    return last.url();
  }

  /** This client, or (for per-call options that differ from its own) a copy sharing its pool. */
  private OkHttpClient scoped(Request.Options options) {
    if (http.connectTimeoutMillis() == options.connectTimeoutMillis()
        && http.readTimeoutMillis() == options.readTimeoutMillis()
        && http.followRedirects() == options.isFollowRedirects()) {
      return http;
    }
    return http.newBuilder()
        .connectTimeout(options.connectTimeoutMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(options.readTimeoutMillis(), TimeUnit.MILLISECONDS)
        .followRedirects(options.isFollowRedirects())
        .build();
  }

  private static Response toFeign(okhttp3.Response response, Request request) throws IOException {
    okhttp3.Headers headers = response.headers();
    Map<String, Collection<String>> copied = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < headers.size(); i++) {
      copied.computeIfAbsent(headers.name(i), name -> new ArrayList<>(1)).add(headers.value(i));
    }
    ResponseBody body = response.body();
    byte[] bytes = null;
    long length = body.contentLength();
    if (length != 0) {
      try (InputStream in = body.byteStream()) {
        bytes = HttpMessages.readAtMost(in, length, HttpMessages.MAX_RESPONSE_BYTES);
      }
    }
    return Response.builder()
        .protocolVersion(protocolVersion(response.protocol()))
        .status(response.code())
        .reason(response.message())
        .request(request)
        .headers(copied)
        .body(bytes)
        .build();
  }

  private static Request.ProtocolVersion protocolVersion(okhttp3.Protocol protocol) {
    switch (protocol) {
      case HTTP_1_0:
        return Request.ProtocolVersion.HTTP_1_0;
      case HTTP_1_1:
        return Request.ProtocolVersion.HTTP_1_1;
      case HTTP_2:
      case H2_PRIOR_KNOWLEDGE:
        return Request.ProtocolVersion.HTTP_2;
      default:
        return null;
    }
  }

  private void acquire() throws IOException {
    try {
      if (!permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
        throw new SendTracking.RequestNotSentException(new IOException(
            "all " + maxConcurrentRequests + " connections of this client stayed busy for the connect timeout"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SendTracking.RequestNotSentException(new InterruptedIOException("interrupted while waiting for a connection"));
    }
  }

  /** Exchanges in progress (for tests). */
  int inFlight() {
    return maxConcurrentRequests - permits.availablePermits();
  }
}
