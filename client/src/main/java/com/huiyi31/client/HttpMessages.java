package com.huiyi31.client;

import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Reading bounded bodies and naming requests in messages. */
final class HttpMessages {

  /** The most bytes of a response body the client reads; a larger answer is not a response of the contract. */
  static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

  private static final int EXCERPT_CHARS = 200;

  private HttpMessages() {}

  /** "POST /op/notoken/api/Attendee/v1/Register": method and path, never the query (it may carry secrets). */
  static String describe(Request request) {
    if (request == null) {
      return "The request";
    }
    String path;
    try {
      path = URI.create(request.url()).getRawPath();
    } catch (IllegalArgumentException e) {
      path = "(unparseable URL)";
    }
    return request.httpMethod() + " " + path;
  }

  /**
   * The body's bytes, at most {@code limit + 1} of them (so that the caller can tell an
   * over-long body from one of exactly {@code limit} bytes). An absent body reads as empty.
   */
  static byte[] readAtMost(Response response, int limit) throws IOException {
    if (response.body() == null) {
      return new byte[0];
    }
    Integer length = response.body().length();
    try (InputStream in = response.body().asInputStream()) {
      return readAtMost(in, length == null ? -1 : length, limit);
    }
  }

  /** As {@link #readAtMost(Response, int)}, from a stream of {@code length} bytes (-1: unknown). */
  static byte[] readAtMost(InputStream in, long length, int limit) throws IOException {
    if (length >= 0 && length <= limit) {
      // The usual case (Content-Length known): one exact-size array, no growing buffers.
      byte[] body = new byte[(int) length];
      int read = in.readNBytes(body, 0, body.length);
      return read == body.length ? body : java.util.Arrays.copyOf(body, read);
    }
    return in.readNBytes(limit + 1);
  }

  /** The start of a body as one line of text, for error messages. */
  static String excerpt(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, EXCERPT_CHARS * 4), StandardCharsets.UTF_8)
        .replaceAll("[\\s\\p{Cntrl}]+", " ") // one line: a server must not be able to forge log lines
        .strip();
    return text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS) + "…";
  }
}
