package com.huiyi31.sandbox;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One POST to a served path, as the endpoints see it: its path, its headers (names compare
 * ignoring case) and its whole body, already read and never larger than
 * {@link SandboxServer#MAX_BODY_BYTES}.
 */
record Received(String path, Map<String, List<String>> headers, byte[] body) {

  Received {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = copy;
  }

  /** The first value of a header, or null. */
  String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The media type of the Content-Type header without its parameters, e.g. {@code application/json}; null without one. */
  String mediaType() {
    String type = header("Content-Type");
    if (type == null) {
      return null;
    }
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).strip();
  }
}
