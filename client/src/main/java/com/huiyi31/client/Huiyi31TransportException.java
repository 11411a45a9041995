package com.huiyi31.client;

import java.io.IOException;

/**
 * The connection failed: the host could not be resolved or reached, a timeout ran out, or the
 * connection broke.
 *
 * <p>{@link #outcome()} tells the two cases apart. {@link Outcome#NOT_SENT}: the failure came
 * before any byte of the request was written (DNS, connect, TLS handshake), so it is safe to send
 * again. {@link Outcome#UNKNOWN}: the request may have reached the server (a read timeout, a
 * connection reset after sending); for a registration an order may exist.
 */
public final class Huiyi31TransportException extends Huiyi31Exception {

  private static final long serialVersionUID = 1L;

  Huiyi31TransportException(String operation, boolean sent, IOException cause) {
    this(operation, sent ? Outcome.UNKNOWN : Outcome.NOT_SENT, cause);
  }

  private Huiyi31TransportException(String operation, Outcome outcome, IOException cause) {
    super(withConsequence(operation + (outcome == Outcome.NOT_SENT ? " failed before the request was sent: "
            : " failed after the request was sent: ") + describe(cause) + ".", outcome),
        outcome, cause);
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
  }
}
