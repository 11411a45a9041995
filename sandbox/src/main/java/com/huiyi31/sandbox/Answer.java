package com.huiyi31.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the sandbox answers to one request, as the endpoints decide it and {@link SandboxServer}
 * writes it: a status, a content type, other headers, the body and how long to wait before
 * sending it (the SLOW trigger). Immutable.
 */
record Answer(int status, String contentType, Map<String, String> headers, byte[] body, long delayMillis) {

  static final String JSON = "application/json; charset=utf-8";
  static final String TEXT = "text/plain; charset=utf-8";
  static final String HTML = "text/html; charset=utf-8";

  Answer {
    headers = Map.copyOf(headers);
  }

  static Answer json(int status, byte[] body) {
    return new Answer(status, JSON, Map.of(), body, 0);
  }

  /** A short text for people, e.g. {@code 401 Unauthorized (huiyi31 sandbox): ...}. */
  static Answer text(int status, String text) {
    return new Answer(status, TEXT, Map.of(), text.getBytes(StandardCharsets.UTF_8), 0);
  }

  static Answer html(int status, byte[] page) {
    return new Answer(status, HTML, Map.of(), page, 0);
  }

  Answer withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Answer(status, contentType, more, body, delayMillis);
  }

  /** The same answer, sent {@code millis} after the request was read. */
  Answer delayedBy(long millis) {
    return new Answer(status, contentType, headers, body, millis);
  }

  @Override
  public String toString() {
    return "Answer[" + status + ", " + contentType + ", " + body.length + " bytes"
        + (delayMillis > 0 ? ", after " + delayMillis + " ms" : "") + "]";
  }
}
