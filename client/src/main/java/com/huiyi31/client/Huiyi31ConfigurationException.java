package com.huiyi31.client;

import java.util.Objects;

/** {@link Huiyi31Client.Builder} was given a setting it cannot use. Nothing was sent. */
public final class Huiyi31ConfigurationException extends Huiyi31Exception {

  private static final long serialVersionUID = 1L;

  /**
   * An exception as the builder throws it; its outcome is {@link Outcome#NOT_SENT}. For tests of
   * code that builds or wraps the client.
   *
   * @param message which setting is wrong and why; it must not contain a secret
   * @throws NullPointerException if {@code message} is null
   */
  public Huiyi31ConfigurationException(String message) {
    super(Objects.requireNonNull(message, "message"), Outcome.NOT_SENT, null);
  }
}
