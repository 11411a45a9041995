package com.huiyi31.client;

/**
 * The token issuer refused to issue an access token: the app key or app secret is wrong, or the
 * app may not use the API. Nothing that needed the token was sent. The message names the
 * issuer's reason ({@link #error()}, e.g. {@code invalid_grant}) and never contains the secret.
 */
public final class Huiyi31AuthenticationException extends Huiyi31Exception {

  private static final long serialVersionUID = 1L;

  private final String error;

  Huiyi31AuthenticationException(String message, String error) {
    super(message, Outcome.NOT_SENT, null);
    this.error = error;
  }

  /** The issuer's OAuth 2.0 error code ({@code invalid_grant}, {@code invalid_client}, ...), or "" when it gave none. */
  public String error() {
    return error;
  }
}
