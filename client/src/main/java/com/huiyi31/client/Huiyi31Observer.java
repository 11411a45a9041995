package com.huiyi31.client;

import jakarta.annotation.Nullable;
import java.util.OptionalInt;

/**
 * Watches the client's calls, for metrics and tracing: one {@link #start} and one
 * {@link Call#end} per call of an operation ({@code registerAttendee}, {@code listAttendeeTypes},
 * {@code requestAccessToken}), failures included. Set with
 * {@link Huiyi31Client.Builder#observer(Huiyi31Observer)}; for Micrometer, see
 * {@code com.huiyi31.client.micrometer.MicrometerObserver}.
 *
 * <p>A call is one call of a generated API's method (or one token request), from before its
 * request is checked to its answer or error, connect retries included. Both methods run on the
 * calling thread, and calls nest: a token fetched for a type list starts and ends within it.
 * An observer that throws does not change the call: its exception is logged and dropped.
 */
@FunctionalInterface
public interface Huiyi31Observer {

  /** Observes nothing: the default. */
  Huiyi31Observer NONE = operation -> result -> { };

  /**
   * A call of {@code operation} (the contract's operationId, e.g. {@code registerAttendee}) starts.
   *
   * @return what to tell when it ends: exactly once, on this thread
   */
  Call start(String operation);

  /** One call under way. */
  @FunctionalInterface
  interface Call {

    /** The call ended: with an answer, or with the error its caller gets. */
    void end(Result result);
  }

  /**
   * How a call ended. It carries no value of the request or of the answer: no personal data, no
   * ids, no tokens.
   */
  final class Result {

    /** {@link #outcome()} of a call that got a successful answer. */
    public static final String SUCCESS = "SUCCESS";

    private final String operation;
    private final @Nullable Throwable error;
    private final int businessCode;
    private final boolean hasBusinessCode;
    private final int httpStatus;

    Result(String operation, @Nullable Throwable error, @Nullable Integer businessCode, int httpStatus) {
      this.operation = operation;
      this.error = error;
      this.hasBusinessCode = businessCode != null;
      this.businessCode = businessCode == null ? 0 : businessCode;
      this.httpStatus = httpStatus;
    }

    /** The operation, as given to {@link Huiyi31Observer#start(String)}. */
    public String operation() {
      return operation;
    }

    /**
     * {@link #SUCCESS}, or the name of the error's {@link Huiyi31Exception#outcome()}:
     * {@code NOT_SENT}, {@code NOT_PROCESSED} or {@code UNKNOWN} ({@code UNKNOWN} too for an
     * error that is not a {@link Huiyi31Exception}).
     */
    public String outcome() {
      if (error == null) {
        return SUCCESS;
      }
      return error instanceof Huiyi31Exception ? ((Huiyi31Exception) error).outcome().name()
          : Huiyi31Exception.Outcome.UNKNOWN.name();
    }

    /** The error the caller gets, or null after a successful answer. */
    public @Nullable Throwable error() {
      return error;
    }

    /**
     * The platform's {@code businessCode} when it answered with one (0 on success); empty when it
     * did not answer, answered with an HTTP error, or the operation has none (the token issuer's).
     */
    public OptionalInt businessCode() {
      return hasBusinessCode ? OptionalInt.of(businessCode) : OptionalInt.empty();
    }

    /**
     * The HTTP status of the answer to the call's last attempt; empty when it got none (nothing
     * sent, a connection failure, a read timeout).
     */
    public OptionalInt httpStatus() {
      return httpStatus > 0 ? OptionalInt.of(httpStatus) : OptionalInt.empty();
    }

    @Override
    public String toString() {
      return "Result[" + operation + ", " + outcome() + ", businessCode " + (hasBusinessCode ? businessCode : "none")
          + ", HTTP " + (httpStatus > 0 ? httpStatus : "none") + "]";
    }
  }
}
