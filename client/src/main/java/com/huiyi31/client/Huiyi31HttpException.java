package com.huiyi31.client;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The server answered with an HTTP status other than 2xx, for example 401, 429, 500 or a
 * gateway's 502 with an HTML page.
 *
 * <p>After a 5xx the platform may have processed the request ({@link Outcome#UNKNOWN}); after a
 * 3xx or 4xx it did not ({@link Outcome#NOT_PROCESSED}).
 */
public final class Huiyi31HttpException extends Huiyi31Exception {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String bodyExcerpt;

  /**
   * An exception as the client throws it for a non-2xx answer: for tests of code that calls the
   * client (a mocked API answering 502). The outcome follows from the status as described above.
   * The body is treated as the client treats a real one: only its start is kept, on one line,
   * with anything that looks like a phone number or an email masked, in both the message and
   * {@link #bodyExcerpt()}.
   *
   * @param operation the request, as method and path ({@code POST /op/notoken/api/Attendee/v1/Register})
   * @param status the HTTP status: not 2xx
   * @param body the response body as text, or "" when it was empty
   * @throws NullPointerException if {@code operation} or {@code body} is null
   * @throws IllegalArgumentException if {@code status} is 2xx or not a three-digit status
   */
  public Huiyi31HttpException(String operation, int status, String body) {
    this(Objects.requireNonNull(operation, "operation"), checkStatus(status),
        excerpt(Objects.requireNonNull(body, "body").getBytes(StandardCharsets.UTF_8)));
  }

  /** From an excerpt already made with {@link #excerpt(byte[])}. */
  Huiyi31HttpException(String operation, int status, Excerpt excerpt) {
    this(operation, status, excerpt.text, status >= 500 ? Outcome.UNKNOWN : Outcome.NOT_PROCESSED);
  }

  private Huiyi31HttpException(String operation, int status, String bodyExcerpt, Outcome outcome) {
    super(withConsequence(operation + " failed with HTTP " + status
            + (bodyExcerpt.isEmpty() ? " and an empty body." : "; the body begins: \"" + bodyExcerpt + "\"."), outcome),
        outcome, null);
    this.status = status;
    this.bodyExcerpt = bodyExcerpt;
  }

  /** The start of a body, bounded, on one line and masked: the only form a body may take in this exception. */
  record Excerpt(String text) {}

  static Excerpt excerpt(byte[] body) {
    return new Excerpt(Redaction.text(HttpMessages.excerpt(body)));
  }

  private static int checkStatus(int status) {
    if (status < 100 || status > 999 || status >= 200 && status < 300) {
      throw new IllegalArgumentException("HTTP " + status + " is not an error status (2xx is success; statuses have three digits)");
    }
    return status;
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /**
   * The start of the response body (bounded, whitespace collapsed, phone numbers and emails
   * masked), or an empty string.
   */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }
}
