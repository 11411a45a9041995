package com.huiyi31.client;

/**
 * The server answered 2xx but the answer is not a readable response of the contract: not JSON,
 * empty, too large, of the wrong shape, or without the {@code businessCode} that says whether the
 * request succeeded.
 *
 * <p>The request reached the server, so the outcome is {@link Outcome#UNKNOWN}: for a
 * registration an order may exist.
 */
public final class Huiyi31DecodeException extends Huiyi31Exception {

  private static final long serialVersionUID = 1L;

  private final int httpStatus;

  Huiyi31DecodeException(String operation, int httpStatus, String problem, Throwable cause) {
    super(withConsequence("The answer to " + operation + " (HTTP " + httpStatus + ") could not be read: " + problem + ".",
            Outcome.UNKNOWN),
        Outcome.UNKNOWN, cause);
    this.httpStatus = httpStatus;
  }

  /** The HTTP status of the unreadable answer. */
  public int httpStatus() {
    return httpStatus;
  }
}
