package com.huiyi31.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiyi31.client.api.TokenApi;
import com.huiyi31.client.model.TokenResponse;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Access tokens for the operations that need one: fetched on first need, cached, refreshed with
 * the refresh token shortly before they expire (a new grant from the app's credentials when the
 * refresh is refused), and fetched once however many threads need one at the same moment.
 *
 * <p>While a token is still valid but due for refresh, one caller refreshes it and the others
 * go on with the current token; once it has expired, every caller waits for the one fetch and
 * shares its outcome: its token, or its failure (so that N callers fail together, after one
 * token request, instead of one after another, each after its own). A failure also answers for
 * the callers who come within {@link SharedFetch#FAILURE_BACKOFF_NANOS} after it; after that the
 * next caller asks again. An expired token is never handed out. Neither the secret nor any token
 * is ever put into a message or a log line.
 */
final class TokenProvider {

  /** What the platform's docs prescribe for the custom_user_code grant. */
  static final String CLIENT_ID = "openapi";
  static final String SCOPE = "offline_access OpenAppGateway";
  static final String METHOD = "client_secret";

  /** Refresh this long before expiry, but never more than this fraction of the lifetime. */
  private static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);
  private static final int REFRESH_MARGIN_MAX_FRACTION = 10;
  /** After a failed early refresh, let calls use the current token this long before trying again. */
  private static final long EARLY_REFRESH_PAUSE_NANOS = Duration.ofSeconds(5).toNanos();

  /** One issued token; times on the {@code nanoTime} clock. */
  private record Token(String access, String refresh, long refreshAt, long expiresAt) {
    @Override
    public String toString() {
      return "Token[****]";
    }
  }

  private final TokenApi issuer;
  private final String issuerUrl;
  private final String appKey;
  private final String appSecret;
  private final LongSupplier nanoTime;
  private final Huiyi31Observer observer;
  private final AtomicReference<Token> current = new AtomicReference<>();
  /** The token request under way, if any: every caller that needs its result joins it. */
  private final AtomicReference<CompletableFuture<Token>> fetching = new AtomicReference<>();
  /** The last fetch's failure (null after a success). */
  private volatile SharedFetch.Failure lastFailure;
  private volatile long nextEarlyRefresh;

  TokenProvider(TokenApi issuer, String issuerUrl, String appKey, String appSecret, LongSupplier nanoTime,
      Huiyi31Observer observer) {
    this.issuer = issuer;
    this.issuerUrl = issuerUrl;
    this.appKey = appKey;
    this.appSecret = appSecret;
    this.nanoTime = nanoTime;
    this.observer = observer;
  }

  /** A valid access token, fetching or refreshing one if needed. */
  String accessToken() {
    while (true) {
      Token token = current.get();
      long now = nanoTime.getAsLong();
      if (token != null && now - token.refreshAt < 0) {
        return token.access;
      }
      if (token != null && now - token.expiresAt < 0) {
        // Due for refresh but still valid: one caller refreshes, the others do not wait.
        CompletableFuture<Token> mine = new CompletableFuture<>();
        if (now - nextEarlyRefresh < 0 || !fetching.compareAndSet(null, mine)) {
          return token.access;
        }
        try {
          return fetchShared(mine, token, true).access;
        } catch (RuntimeException | Error refreshFailed) {
          continue; // the current token, if it is still valid (a failed fetch may have outlived it)
        }
      }
      // None yet, or expired: every caller waits for the one fetch.
      CompletableFuture<Token> running = fetching.get();
      if (running != null) {
        return SharedFetch.await(running).access;
      }
      SharedFetch.Failure failure = lastFailure;
      if (failure != null && failure.holdsAt(now)) {
        throw failure.error(); // the issuer has just failed: do not ask it again yet
      }
      CompletableFuture<Token> mine = new CompletableFuture<>();
      if (!fetching.compareAndSet(null, mine)) {
        continue; // another caller started one meanwhile: join it
      }
      // A fetch may have ended between the reads above and this one's start: use its outcome.
      Token latest = current.get();
      if (latest != token && latest != null && nanoTime.getAsLong() - latest.expiresAt < 0) {
        fetching.set(null);
        mine.complete(latest);
        return latest.access;
      }
      SharedFetch.Failure latestFailure = lastFailure;
      if (latestFailure != failure && latestFailure != null && latestFailure.holdsAt(now)) {
        fetching.set(null);
        mine.completeExceptionally(latestFailure.error());
        throw latestFailure.error();
      }
      return fetchShared(mine, latest, false).access;
    }
  }

  /**
   * The server answered 401 to a request carrying {@code rejected}: unless a newer token has
   * been fetched since, the next {@link #accessToken()} gets a new one.
   */
  void rejected(String rejected) {
    Token token = current.get();
    if (token != null && token.access.equals(rejected)) {
      long now = nanoTime.getAsLong();
      current.compareAndSet(token, new Token(token.access, token.refresh, now, now));
    }
  }

  /**
   * Runs the fetch registered as {@code mine} on this thread and hands its outcome to everyone
   * who joined it. The outcome is recorded before {@code mine} is unregistered, so a caller that
   * finds no fetch under way finds the new token or the failure instead.
   */
  private Token fetchShared(CompletableFuture<Token> mine, Token old, boolean early) {
    Token fetched;
    try {
      fetched = renew(old);
    } catch (RuntimeException | Error e) {
      long now = nanoTime.getAsLong();
      if (e instanceof RuntimeException) {
        lastFailure = SharedFetch.Failure.at((RuntimeException) e, now);
      }
      if (early) {
        nextEarlyRefresh = now + EARLY_REFRESH_PAUSE_NANOS; // the current token still works
      }
      fetching.set(null);
      mine.completeExceptionally(e);
      throw e;
    }
    lastFailure = null;
    current.set(fetched);
    fetching.set(null);
    mine.complete(fetched);
    return fetched;
  }

  /** A new token: by refresh when there is a refresh token, else (or when that fails) by the app's credentials. */
  private Token renew(Token old) {
    if (old != null && old.refresh != null) {
      try {
        return fetch(true, old.refresh);
      } catch (Huiyi31Exception refreshFailed) {
        // An expired or already used refresh token: the credentials still work.
      }
    }
    return fetch(false, null);
  }

  /**
   * One token request, observed here rather than at the token API (whose calls are not observed)
   * so that the observer sees the outcome the caller gets: an answer without a usable token is a
   * failure, and an unreadable one is {@code NOT_SENT} for the operation that needed it.
   */
  private Token fetch(boolean refresh, String refreshToken) {
    ObservedCall call = ObservedCall.start(observer, "requestAccessToken");
    Throwable error = null;
    try {
      return unobservedFetch(refresh, refreshToken);
    } catch (RuntimeException | Error e) {
      error = e;
      throw e;
    } finally {
      call.end(error);
    }
  }

  private Token unobservedFetch(boolean refresh, String refreshToken) {
    long sentAt = nanoTime.getAsLong(); // the token's life is counted from before it was asked for
    TokenResponse answer;
    try {
      answer = refresh
          ? issuer.requestAccessToken("refresh_token", CLIENT_ID, null, null, null, null, refreshToken)
          : issuer.requestAccessToken("custom_user_code", CLIENT_ID, SCOPE, METHOD, appKey, appSecret, null);
    } catch (Huiyi31DecodeException unreadable) {
      throw Huiyi31DecodeException.unusableTokenAnswer("POST " + issuerUrl, unreadable.httpStatus(),
          unreadable.problem(), unreadable);
    }
    String access = answer.getAccessToken();
    Integer expiresIn = answer.getExpiresIn();
    if (access == null || access.isBlank()) {
      throw Huiyi31DecodeException.unusableTokenAnswer("POST " + issuerUrl, 200, "the token answer has no access_token",
          null);
    }
    if (!isSendable(access)) {
      throw Huiyi31DecodeException.unusableTokenAnswer("POST " + issuerUrl, 200, "its access_token has characters that "
          + "an Authorization header cannot carry (control characters such as CR or LF, spaces, or non-ASCII "
          + "characters)", null);
    }
    if (expiresIn == null || expiresIn < 1) {
      throw Huiyi31DecodeException.unusableTokenAnswer("POST " + issuerUrl, 200,
          "the token answer has no positive expires_in, so the token's lifetime is unknown", null);
    }
    long lifetime = Duration.ofSeconds(expiresIn).toNanos();
    long margin = Math.min(REFRESH_MARGIN.toNanos(), lifetime / REFRESH_MARGIN_MAX_FRACTION);
    String nextRefresh = answer.getRefreshToken() == null || answer.getRefreshToken().isBlank() ? null : answer.getRefreshToken();
    return new Token(access, nextRefresh, sentAt + lifetime - margin, sentAt + lifetime);
  }

  /**
   * Whether {@code token} can go into {@code Authorization: Bearer <token>} as it is: visible
   * ASCII only (RFC 9110's VCHAR). A CR or LF would end the header (HTTP clients refuse to send
   * it), a space would split it, and non-ASCII has no agreed encoding in a header. RFC 6750's
   * b64token is narrower still, but refusing a token the header can carry would break an issuer
   * that works.
   */
  static boolean isSendable(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "TokenProvider[issuer=" + issuerUrl + ", appKey=" + appKey + ", appSecret=****]";
  }

  /**
   * The issuer's refusals (400 and 401 with an OAuth 2.0 error body) become
   * {@link Huiyi31AuthenticationException}s; anything else is an ordinary HTTP error.
   */
  static final class IssuerErrors implements ErrorDecoder {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ErrorDecoder otherwise = new HttpErrorDecoder();

    @Override
    public Exception decode(String methodKey, Response response) {
      if (response.status() != 400 && response.status() != 401) {
        return otherwise.decode(methodKey, response);
      }
      String error = "";
      String description = "";
      try {
        byte[] body = HttpMessages.readAtMost(response, 4096);
        JsonNode json = MAPPER.readTree(body);
        if (json != null && json.isObject()) {
          error = json.path("error").asText("");
          description = json.path("error_description").asText("");
        }
      } catch (IOException notJson) {
        // no OAuth error body: the status alone says it
      }
      return new Huiyi31AuthenticationException(HttpMessages.describe(response.request()), response.status(), error,
          description);
    }
  }
}
