package com.huiyi31.client;

import feign.Logger;
import feign.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/**
 * Feign's HTTP logging, through SLF4J, with every line passed through {@link Redaction}:
 * secret headers are never printed and bodies are printed with personal values masked.
 */
final class RedactingLogger extends Logger {

  static final String LOGGER_NAME = "com.huiyi31.client.http";

  /** Longest body text printed in one log line; the rest is summarised. */
  private static final int MAX_LOGGED_BODY_CHARS = 4096;

  private final org.slf4j.Logger log = LoggerFactory.getLogger(LOGGER_NAME);

  static Logger.Level feignLevel(HttpLogLevel level) {
    switch (level) {
      case BASIC:
        return Logger.Level.BASIC;
      case HEADERS:
        return Logger.Level.HEADERS;
      case BODY:
        return Logger.Level.FULL;
      default:
        return Logger.Level.NONE;
    }
  }

  @Override
  protected boolean shouldLogRequestHeader(String header) {
    return !Redaction.isSecretHeader(header);
  }

  @Override
  protected boolean shouldLogResponseHeader(String header) {
    return !Redaction.isSecretHeader(header);
  }

  @Override
  protected void logRequest(String configKey, Level logLevel, feign.Request request) {
    if (log.isDebugEnabled()) {
      super.logRequest(configKey, logLevel, request);
    }
  }

  @Override
  protected Response logAndRebufferResponse(String configKey, Level logLevel, Response response, long elapsedTime)
      throws IOException {
    // The body is already bounded and buffered (OkHttpTransport), so Feign's rebuffering is cheap.
    return log.isDebugEnabled() ? super.logAndRebufferResponse(configKey, logLevel, response, elapsedTime) : response;
  }

  @Override
  protected void log(String configKey, String format, Object... args) {
    if (!log.isDebugEnabled()) {
      return;
    }
    Object[] masked = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      masked[i] = args[i] instanceof String ? mask(format, (String) args[i]) : args[i];
    }
    log.debug(String.format(methodTag(configKey) + format, masked));
  }

  /** A lone "%s" is a body (or a stack trace); anything else is a request line or a header value. */
  private static String mask(String format, String value) {
    if (!format.equals("%s")) {
      return Redaction.text(value);
    }
    String body = Redaction.body(value.getBytes(StandardCharsets.UTF_8));
    return body.length() <= MAX_LOGGED_BODY_CHARS ? body
        : body.substring(0, MAX_LOGGED_BODY_CHARS) + "… (" + (body.length() - MAX_LOGGED_BODY_CHARS) + " more characters)";
  }
}
