package com.huiyi31.client;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * The checks of {@link Huiyi31Client.Builder}'s settings: each returns the value to use, or
 * throws a {@link Huiyi31ConfigurationException} saying what is wrong with it.
 */
final class BuilderChecks {

  private static final Duration MIN_TIMEOUT = Duration.ofMillis(1);
  private static final Duration MAX_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

  private BuilderChecks() {}

  /** A base URL of the platform, a token issuer or a stand-in: http(s), no query, no trailing slash. */
  static String baseUrl(String baseUrl) {
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new Huiyi31ConfigurationException("baseUrl is empty; use Huiyi31Client.TEST_BASE_URL or PRODUCTION_BASE_URL.");
    }
    URI uri;
    try {
      uri = new URI(baseUrl.strip());
    } catch (java.net.URISyntaxException e) {
      throw new Huiyi31ConfigurationException("baseUrl \"" + baseUrl + "\" is not a URL: " + e.getReason() + ".");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
      throw new Huiyi31ConfigurationException("baseUrl \"" + baseUrl + "\" is not an http(s) URL with a host.");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new Huiyi31ConfigurationException("baseUrl \"" + baseUrl + "\" must not have a query or fragment.");
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw new Huiyi31ConfigurationException("baseUrl \"" + baseUrl + "\" is plain http to a remote host; "
          + "requests carry personal data, so use https (plain http is allowed for localhost only).");
    }
    String normalized = uri.toString();
    while (normalized.endsWith("/")) { // "https://host/" + "/op/..." would request "//op/..."
      normalized = normalized.substring(0, normalized.length() - 1);
    }
    return normalized;
  }

  private static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    // 127.0.0.0/8 as an IPv4 literal only: a name such as "127.example.com" is a remote host.
    return h.equals("localhost") || h.matches("127(\\.\\d{1,3}){3}") || h.equals("[::1]") || h.equals("::1");
  }

  /** A timeout OkHttp can honour: between 1 ms and Integer.MAX_VALUE ms. */
  static Duration timeout(String name, Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new Huiyi31ConfigurationException(name + " must be a positive duration, was " + timeout + ".");
    }
    // OkHttp counts whole milliseconds in an int: less than 1 ms would become 0, which means
    // "no timeout at all", and more than Integer.MAX_VALUE ms (about 24.8 days) is refused.
    if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new Huiyi31ConfigurationException(name + " must be between " + MIN_TIMEOUT + " and " + MAX_TIMEOUT
          + ", was " + timeout + ".");
    }
    return timeout;
  }
}
