package com.huiyi31.client;

/** {@link Huiyi31Client.Builder} was given a setting it cannot use. Nothing was sent. */
public final class Huiyi31ConfigurationException extends Huiyi31Exception {

  private static final long serialVersionUID = 1L;

  Huiyi31ConfigurationException(String message) {
    super(message, Outcome.NOT_SENT, null);
  }
}
