package com.huiyi31.cli.drift;

import java.nio.charset.StandardCharsets;

/**
 * One request sent and the platform's raw answer, as bytes: what the drift check judges and the
 * recorder writes. The token request's body is never kept (it holds the app secret); the token
 * answer's body is kept in memory only, for the check and for the recorder to remove its tokens.
 *
 * @param operation the spec's operationId
 * @param path the path requested, as the spec names it
 * @param requestBody the JSON sent, or null (the token form)
 * @param status the HTTP status
 * @param contentType the answer's Content-Type header, or "" without one
 * @param responseBody the answer's body (empty when it had none)
 */
record Exchange(String operation, String path, byte[] requestBody, int status, String contentType, byte[] responseBody) {

  /** The Content-Type's media type, lower-cased, without parameters ({@code application/json}). */
  String mediaType() {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public String toString() { // never a body: the token answer is in one
    return "Exchange[" + operation + ", HTTP " + status + ", " + contentType + ", " + responseBody.length + " bytes]";
  }

  /** The request body as text (for the recorder); "" without one. */
  String requestText() {
    return requestBody == null ? "" : new String(requestBody, StandardCharsets.UTF_8);
  }
}
