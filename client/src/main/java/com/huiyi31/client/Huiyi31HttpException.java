package com.huiyi31.client;

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

  Huiyi31HttpException(String operation, int status, String bodyExcerpt) {
    this(operation, status, bodyExcerpt, status >= 500 ? Outcome.UNKNOWN : Outcome.NOT_PROCESSED);
  }

  private Huiyi31HttpException(String operation, int status, String bodyExcerpt, Outcome outcome) {
    super(withConsequence(operation + " failed with HTTP " + status
            + (bodyExcerpt.isEmpty() ? " and an empty body." : "; the body begins: \"" + bodyExcerpt + "\"."), outcome),
        outcome, null);
    this.status = status;
    this.bodyExcerpt = bodyExcerpt;
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
