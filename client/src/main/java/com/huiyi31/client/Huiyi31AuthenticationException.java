package com.huiyi31.client;

import java.util.Locale;
import java.util.Objects;

/**
 * The token issuer refused to issue an access token: the app key or app secret is wrong, or the
 * app may not use the API. Nothing that needed the token was sent. The message names the
 * issuer's reason ({@link #error()}, e.g. {@code invalid_grant}) and never contains the secret.
 */
public final class Huiyi31AuthenticationException extends Huiyi31Exception {

  private static final long serialVersionUID = 1L;

  private final String error;

  /**
   * An exception as the client throws it when the issuer refuses: for tests of code that calls
   * the client (a mocked {@code AttendeeTypeApi} whose token was refused). Its outcome is
   * {@link Outcome#NOT_SENT}. The message is built as the client's own: the issuer's reason, the
   * description with anything that looks like a phone number or an email masked, and a hint.
   *
   * @param operation the token request, as method and path ({@code POST /connect/token})
   * @param httpStatus the issuer's HTTP status (400 or 401), named when it gave no error code
   * @param error the issuer's OAuth 2.0 error code ({@code invalid_grant}), or "" when it gave none
   * @param errorDescription the issuer's {@code error_description}, or "" when it gave none
   * @throws NullPointerException if {@code operation}, {@code error} or {@code errorDescription} is null
   */
  public Huiyi31AuthenticationException(String operation, int httpStatus, String error, String errorDescription) {
    super(message(operation, httpStatus, error, errorDescription), Outcome.NOT_SENT, null);
    this.error = error;
  }

  private static String message(String operation, int httpStatus, String error, String errorDescription) {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(error, "error (\"\" for none)");
    Objects.requireNonNull(errorDescription, "errorDescription (\"\" for none)");
    String reason = error.isEmpty() ? "HTTP " + httpStatus
        : error + (errorDescription.isEmpty() ? "" : " (" + Redaction.text(errorDescription) + ")");
    return "The token issuer (" + operation + ") refused to issue an access token: " + reason + ". " + hint(error)
        + " Nothing that needed the token was sent.";
  }

  private static String hint(String error) {
    switch (error.toLowerCase(Locale.ROOT)) {
      case "invalid_grant":
      case "invalid_client":
      case "unauthorized_client":
      case "":
        return "Check the app key and app secret, and that they belong to this environment (test or production).";
      default:
        return "The issuer did not accept the token request.";
    }
  }

  /** The issuer's OAuth 2.0 error code ({@code invalid_grant}, {@code invalid_client}, ...), or "" when it gave none. */
  public String error() {
    return error;
  }
}
