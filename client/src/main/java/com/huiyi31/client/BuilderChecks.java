package com.huiyi31.client;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks of {@link Huiyi31Client.Builder}'s settings: each returns the value to use, or
 * throws a {@link Huiyi31ConfigurationException} saying what is wrong with it.
 */
final class BuilderChecks {

  private static final Duration MIN_TIMEOUT = Duration.ofMillis(1);
  private static final Duration MAX_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

  private BuilderChecks() {}

  /** A URL's authority, after "scheme://" or "//": up to the path, query or fragment. */
  private static final Pattern AUTHORITY = Pattern.compile("^(?:[A-Za-z][A-Za-z0-9+.-]*:)?//([^/?#\\\\]*)");

  /**
   * A base URL of the platform, a token issuer or a stand-in: http(s), no user-info, no query,
   * no trailing slash. {@code name} is the setting's name in messages ({@code baseUrl},
   * {@code oauthBaseUrl}). Messages never repeat a user name, password or query of the URL.
   */
  static String baseUrl(String name, String baseUrl) {
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new Huiyi31ConfigurationException(name + " is empty; use Huiyi31Client.TEST_BASE_URL or PRODUCTION_BASE_URL.");
    }
    String text = baseUrl.strip();
    Matcher authority = AUTHORITY.matcher(text);
    if (authority.find() && authority.group(1).contains("@")) {
      // OkHttp would not send it (nor would any request of the platform's use it), and a URL is
      // printed, logged and kept in shell history: a password has no place there.
      throw new Huiyi31ConfigurationException(name + " is refused: the URL contains a user name or password "
          + "(user-info), which is never sent and must not be kept in a URL; pass credentials with "
          + "credentials(appKey, appSecret). (The URL is not repeated here.)");
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (java.net.URISyntaxException e) {
      throw new Huiyi31ConfigurationException(name + " " + shown(text) + " is not a URL: " + e.getReason() + ".");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
      throw new Huiyi31ConfigurationException(name + " " + shown(text) + " is not an http(s) URL with a host.");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new Huiyi31ConfigurationException(name + " " + shown(text) + " must not have a query or fragment "
          + "(not repeated here: it may carry a secret).");
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw new Huiyi31ConfigurationException(name + " " + shown(text) + " is plain http to a remote host; "
          + "requests carry personal data, so use https (plain http is allowed for localhost only).");
    }
    String normalized = uri.toString();
    while (normalized.endsWith("/")) { // "https://host/" + "/op/..." would request "//op/..."
      normalized = normalized.substring(0, normalized.length() - 1);
    }
    return normalized;
  }

  /**
   * The URL in quotes, for a message: without its query and fragment (they may carry a secret),
   * and not at all when it has an "@" anywhere (a user-info the pattern above did not recognise,
   * in text that is not a URL).
   */
  private static String shown(String url) {
    if (url.indexOf('@') >= 0) {
      return "(not repeated here: it contains \"@\")";
    }
    int end = url.length();
    for (char c : new char[] {'?', '#'}) {
      int at = url.indexOf(c);
      end = at >= 0 ? Math.min(end, at) : end;
    }
    return "\"" + url.substring(0, end) + "\"";
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
