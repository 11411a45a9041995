package com.huiyi31.client;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import feign.Response;
import feign.RetryableException;
import feign.Retryer;
import feign.codec.ErrorDecoder;
import java.util.Collection;

/**
 * Bearer tokens for the read-only operations that need them ({@code security: bearerAuth} and
 * {@code x-read-only: true} in the spec): each request carries the current token, and a 401
 * answer makes the token provider take a new token and the request go once more. Only for
 * read-only operations: sending them twice changes nothing.
 */
final class BearerAuth {

  private static final String AUTHORIZATION = "Authorization";
  private static final String PREFIX = "Bearer ";

  private BearerAuth() {}

  /** Puts the current token on each attempt (Feign applies interceptors again before a retry). */
  static RequestInterceptor interceptor(TokenProvider tokens) {
    return template -> {
      if (tokens == null) {
        throw new Huiyi31ConfigurationException(describe(template) + " needs an access token: build the client with "
            + "credentials(appKey, appSecret).");
      }
      template.removeHeader(AUTHORIZATION);
      template.headerLiteral(AUTHORIZATION, PREFIX + tokens.accessToken());
    };
  }

  private static String describe(RequestTemplate template) {
    return template.method() + " " + template.path();
  }

  /** A 401 becomes a retryable {@link TokenRejected} carrying the rejected token; anything else as before. */
  static ErrorDecoder errorDecoder(ErrorDecoder otherwise) {
    return (methodKey, response) -> {
      Exception error = otherwise.decode(methodKey, response);
      if (response.status() != 401) {
        return error;
      }
      return new TokenRejected(response, token(response), error);
    };
  }

  private static String token(Response response) {
    Collection<String> values = response.request().headers().get(AUTHORIZATION);
    if (values == null || values.isEmpty()) {
      return null;
    }
    String value = values.iterator().next();
    return value.startsWith(PREFIX) ? value.substring(PREFIX.length()) : null;
  }

  /** Retries a 401 once, with a new token; everything else as {@code otherwise} decides. */
  static Retryer retryer(Retryer otherwise, TokenProvider tokens) {
    return new OnceAfter401(otherwise, tokens);
  }

  /** A 401: the cause is the HTTP error the caller sees if the retry is answered 401 as well. */
  static final class TokenRejected extends RetryableException {
    private static final long serialVersionUID = 1L;
    private final transient String token;

    TokenRejected(Response response, String token, Exception httpError) {
      super(response.status(), "401", response.request().httpMethod(), httpError, (Long) null, response.request());
      this.token = token;
    }
  }

  private static final class OnceAfter401 implements Retryer {
    private final Retryer otherwise;
    private final TokenProvider tokens;
    private boolean retried;

    OnceAfter401(Retryer otherwise, TokenProvider tokens) {
      this.otherwise = otherwise;
      this.tokens = tokens;
    }

    @Override
    public void continueOrPropagate(RetryableException e) {
      if (!(e instanceof TokenRejected)) {
        otherwise.continueOrPropagate(e);
        return;
      }
      if (retried || ((TokenRejected) e).token == null) {
        throw e;
      }
      retried = true;
      tokens.rejected(((TokenRejected) e).token);
    }

    @Override
    public Retryer clone() {
      return new OnceAfter401(otherwise.clone(), tokens);
    }
  }
}
