package com.huiyi31.client;

/**
 * The one type of every error {@link Huiyi31Client} raises.
 *
 * <p>Each error says what happened in its message and, through {@link #outcome()}, what it means
 * for the request: whether the platform may have acted on it. For a registration this is the
 * difference between "safe to send again" and "an order may already exist".
 */
public abstract class Huiyi31Exception extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What an error means for the request that raised it. */
  public enum Outcome {
    /** The request never left this machine. Nothing happened on the platform; it is safe to send again. */
    NOT_SENT,
    /** The platform received the request and refused it. Nothing was created. */
    NOT_PROCESSED,
    /**
     * The platform may have processed the request. For a registration an order may exist: look it
     * up (or ask a person to) before sending the same registration again.
     */
    UNKNOWN
  }

  private final Outcome outcome;

  Huiyi31Exception(String message, Outcome outcome, Throwable cause) {
    super(message, cause);
    this.outcome = outcome;
  }

  /** Whether the platform may have acted on the request. */
  public final Outcome outcome() {
    return outcome;
  }

  /** Appends to a message what the outcome means for the caller. */
  static String withConsequence(String message, Outcome outcome) {
    switch (outcome) {
      case NOT_SENT:
        return message + " The request was not sent; it is safe to send it again.";
      case NOT_PROCESSED:
        return message + " The platform did not act on the request.";
      default:
        return message + " The platform may have processed the request: check before sending it again.";
    }
  }
}
