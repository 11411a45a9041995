package com.huiyi31.client;

import jakarta.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call of an operation as the {@link Huiyi31Observer} sees it. The call is the current one of
 * its thread while it runs (Feign runs a call, its retries, the transport and the decoder on the
 * caller's thread), so that the transport and the decoder can note the HTTP status and the
 * {@code businessCode} without passing them up through Feign. Calls nest: a token fetch inside a
 * type-list call is its own call, and the outer one is current again when it ends.
 */
final class ObservedCall {

  private static final Logger LOG = LoggerFactory.getLogger(ObservedCall.class);
  private static final ThreadLocal<ObservedCall> CURRENT = new ThreadLocal<>();
  /** The call of a client without an observer: notes nothing. */
  private static final ObservedCall UNOBSERVED = new ObservedCall("", null, null);

  private final String operation;
  private final @Nullable Huiyi31Observer.Call observation;
  private final @Nullable ObservedCall outer;
  private int httpStatus;
  private @Nullable Integer businessCode;

  private ObservedCall(String operation, @Nullable Huiyi31Observer.Call observation, @Nullable ObservedCall outer) {
    this.operation = operation;
    this.observation = observation;
    this.outer = outer;
  }

  /** Starts observing a call of {@code operation} on this thread; end it with {@link #end} in a finally. */
  static ObservedCall start(Huiyi31Observer observer, String operation) {
    if (observer == Huiyi31Observer.NONE) {
      return UNOBSERVED;
    }
    Huiyi31Observer.Call observation = null;
    try {
      observation = observer.start(operation);
    } catch (RuntimeException e) {
      LOG.warn("The Huiyi31Observer failed to start observing {}; the call goes on unobserved.", operation, e);
    }
    ObservedCall call = new ObservedCall(operation, observation, CURRENT.get());
    CURRENT.set(call);
    return call;
  }

  /** The call ended with {@code error} (null: a successful answer). Call once. */
  void end(@Nullable Throwable error) {
    if (this == UNOBSERVED) {
      return;
    }
    if (outer == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(outer);
    }
    if (observation == null) {
      return;
    }
    try {
      observation.end(new Huiyi31Observer.Result(operation, error, businessCode, httpStatus));
    } catch (RuntimeException e) {
      LOG.warn("The Huiyi31Observer failed to end observing {}; the call's outcome is unchanged.", operation, e);
    }
  }

  /** An attempt of the current call is about to be sent: it has no answer yet. */
  static void sending() {
    ObservedCall call = CURRENT.get();
    if (call != null) {
      call.httpStatus = 0;
      call.businessCode = null;
    }
  }

  /** The current call's attempt was answered with HTTP {@code status}. */
  static void answered(int status) {
    ObservedCall call = CURRENT.get();
    if (call != null) {
      call.httpStatus = status;
    }
  }

  /** The current call's answer carried {@code businessCode}. */
  static void businessCode(int businessCode) {
    ObservedCall call = CURRENT.get();
    if (call != null) {
      call.businessCode = businessCode;
    }
  }
}
