package com.huiyi31.client;

/** A request was refused before sending because it cannot be a valid request of the contract. */
public final class Huiyi31ValidationException extends Huiyi31Exception {

  private static final long serialVersionUID = 1L;

  Huiyi31ValidationException(String message, Throwable cause) {
    super(message, Outcome.NOT_SENT, cause);
  }
}
