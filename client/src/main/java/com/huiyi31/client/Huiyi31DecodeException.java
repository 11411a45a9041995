package com.huiyi31.client;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The server answered 2xx but the answer is not a readable response of the contract: not JSON,
 * empty, too large, of the wrong shape, or without the {@code businessCode} that says whether the
 * request succeeded.
 *
 * <p>The request reached the server, so the outcome is {@link Outcome#UNKNOWN}: for a
 * registration an order may exist. One exception: when the unusable answer is the token
 * issuer's (an access token that cannot be sent, no lifetime, not JSON), the operation that
 * needed the token was not sent, and the outcome is {@link Outcome#NOT_SENT}.
 */
public final class Huiyi31DecodeException extends Huiyi31Exception {

  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  /** What is wrong with the answer, as put into the message (quoting no value of it). */
  private final String problem;

  /**
   * An exception as the client throws it for an unreadable 2xx answer: for tests of code that
   * calls the client (a mocked API whose answer lacks {@code businessCode}). Its outcome is
   * {@link Outcome#UNKNOWN}. The problem is put into the message as the client's own are: on one
   * line, shortened, with anything that looks like a phone number or an email masked.
   *
   * @param operation the request, as method and path ({@code POST /op/notoken/api/Attendee/v1/Register})
   * @param httpStatus the status of the answer: 2xx (other statuses are {@link Huiyi31HttpException}s)
   * @param problem what is wrong with the answer ({@code "the body is empty"})
   * @throws NullPointerException if {@code operation} or {@code problem} is null
   * @throws IllegalArgumentException if {@code httpStatus} is not 2xx
   */
  public Huiyi31DecodeException(String operation, int httpStatus, String problem) {
    this(Objects.requireNonNull(operation, "operation"), checkStatus(httpStatus),
        Redaction.text(HttpMessages.excerpt(Objects.requireNonNull(problem, "problem").getBytes(StandardCharsets.UTF_8))),
        null);
  }

  /** For the client: {@code problem} must quote no value of the answer (it may be personal data). */
  Huiyi31DecodeException(String operation, int httpStatus, String problem, Throwable cause) {
    super(withConsequence("The answer to " + operation + " (HTTP " + httpStatus + ") could not be read: " + problem + ".",
            Outcome.UNKNOWN),
        Outcome.UNKNOWN, cause);
    this.httpStatus = httpStatus;
    this.problem = problem;
  }

  private Huiyi31DecodeException(String message, int httpStatus, String problem, Outcome outcome, Throwable cause) {
    super(message, outcome, cause);
    this.httpStatus = httpStatus;
    this.problem = problem;
  }

  /**
   * For the client: the token issuer's answer cannot be used, so the operation that needed the
   * token was not sent ({@link Outcome#NOT_SENT}). The issuer's fault, not the caller's: the
   * message says so. {@code problem} must quote no value of the answer (it may be a secret).
   */
  static Huiyi31DecodeException unusableTokenAnswer(String operation, int httpStatus, String problem, Throwable cause) {
    return new Huiyi31DecodeException("The token issuer's answer to " + operation + " (HTTP " + httpStatus
        + ") cannot be used: " + problem + ". The fault is the issuer's, not the request's. Nothing that needed the "
        + "token was sent; it is safe to send it again.", httpStatus, problem, Outcome.NOT_SENT, cause);
  }

  /** What is wrong with the answer, as the message says it. */
  String problem() {
    return problem;
  }

  private static int checkStatus(int httpStatus) {
    if (httpStatus < 200 || httpStatus > 299) {
      throw new IllegalArgumentException("HTTP " + httpStatus + " is not 2xx: an error status is a Huiyi31HttpException");
    }
    return httpStatus;
  }

  /** The HTTP status of the unreadable answer. */
  public int httpStatus() {
    return httpStatus;
  }
}
