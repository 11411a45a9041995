package com.huiyi31.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The sandbox's token issuer: access and refresh tokens for its demo credentials, as the
 * platform's OAuth server issues them ({@code POST /connect/token}), and the check of a bearer
 * token. Tokens are random, live {@link #ACCESS_LIFETIME_SECONDS} seconds, and a refresh token
 * can be used once (IdentityServer's default: using it gets a new one). It remembers at most
 * {@link #TOKENS_KEPT} tokens of each kind, forgetting the oldest first, so that its memory stays
 * flat however many tokens are asked for. Thread-safe.
 */
final class TokenIssuer {

  static final String APP_KEY = "sandbox-app-key";
  static final String APP_SECRET = "sandbox-app-secret";
  static final String CLIENT_ID = "openapi";
  static final String GATEWAY_SCOPE = "OpenAppGateway";
  static final String OFFLINE_SCOPE = "offline_access";
  static final int ACCESS_LIFETIME_SECONDS = 600;
  static final Duration REFRESH_LIFETIME = Duration.ofDays(1);
  /** Access tokens, and refresh tokens, remembered at most (the oldest are forgotten first). */
  static final int TOKENS_KEPT = 10_000;

  /** An issued pair; {@code refresh} is null when the scope did not ask for offline_access. */
  record Issued(String access, String refresh, String scope) {
    @Override
    public String toString() {
      return "Issued[****]";
    }
  }

  /** A refused grant: the OAuth 2.0 error code and description (RFC 6749, 5.2). */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final String error;

    Refused(String error, String description) {
      super(description, null, false, false);
      this.error = error;
    }
  }

  /** What a bearer token is. */
  enum Access { VALID, MISSING, MALFORMED, UNKNOWN, EXPIRED }

  private static final byte[] SECRET_BYTES = APP_SECRET.getBytes(StandardCharsets.UTF_8);
  private static final long ACCESS_LIFETIME_NANOS = Duration.ofSeconds(ACCESS_LIFETIME_SECONDS).toNanos();
  /** Expired tokens are kept this long (to say "expired" rather than "unknown"), then forgotten. */
  private static final long FORGET_AFTER_NANOS = Duration.ofHours(1).toNanos();

  private final LongSupplier nanoTime;
  private final SecureRandom random = new SecureRandom();
  /** Token -> its expiry on the nanoTime clock, oldest first. */
  private final Map<String, Long> accessTokens = Collections.synchronizedMap(new Kept());
  private final Map<String, Long> refreshTokens = Collections.synchronizedMap(new Kept());

  TokenIssuer(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** The custom_user_code grant: the app's key and secret. */
  Issued byAppCredentials(String appKey, String appSecret, String scope) throws Refused {
    boolean keyOk = APP_KEY.equals(appKey);
    // Constant time, as a real issuer compares secrets.
    boolean secretOk = MessageDigest.isEqual(SECRET_BYTES, appSecret.getBytes(StandardCharsets.UTF_8));
    if (!keyOk || !secretOk) {
      throw new Refused("invalid_grant", "invalid appKey or appSecret; the sandbox's demo app key is " + APP_KEY
          + ", its secret is in the sandbox's banner");
    }
    return issue(scope);
  }

  /** The refresh_token grant: a refresh token this issuer gave out, not used yet and not expired. */
  Issued byRefreshToken(String refreshToken) throws Refused {
    Long expiresAt = refreshTokens.remove(refreshToken); // once only
    if (expiresAt == null || nanoTime.getAsLong() - expiresAt >= 0) {
      throw new Refused("invalid_grant", "invalid refresh_token (unknown, already used or expired)");
    }
    return issue(OFFLINE_SCOPE + " " + GATEWAY_SCOPE);
  }

  /** What the value of an {@code Authorization} header (or null) carries. */
  Access check(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return Access.MISSING;
    }
    String value = authorization.strip();
    if (value.length() < 7 || !value.substring(0, 7).equalsIgnoreCase("Bearer ") || value.substring(7).isBlank()) {
      return Access.MALFORMED;
    }
    Long expiresAt = accessTokens.get(value.substring(7).strip());
    if (expiresAt == null) {
      return Access.UNKNOWN;
    }
    return nanoTime.getAsLong() - expiresAt < 0 ? Access.VALID : Access.EXPIRED;
  }

  private Issued issue(String scope) {
    long now = nanoTime.getAsLong();
    forgetOld(now);
    String access = randomToken();
    accessTokens.put(access, now + ACCESS_LIFETIME_NANOS);
    String refresh = null;
    if (scope != null && (" " + scope + " ").contains(" " + OFFLINE_SCOPE + " ")) {
      refresh = randomToken();
      refreshTokens.put(refresh, now + REFRESH_LIFETIME.toNanos());
    }
    return new Issued(access, refresh, scope);
  }

  /** Keeps memory flat however long the sandbox runs. */
  private void forgetOld(long now) {
    accessTokens.values().removeIf(expiresAt -> now - expiresAt > FORGET_AFTER_NANOS);
    refreshTokens.values().removeIf(expiresAt -> now - expiresAt > 0);
  }

  /** Tokens in the order they were issued, at most {@link #TOKENS_KEPT}: the oldest goes first. */
  private static final class Kept extends LinkedHashMap<String, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
      return size() > TOKENS_KEPT;
    }
  }

  private String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
