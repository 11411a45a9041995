package com.huiyi31.client;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;

/**
 * Tells a failure before sending from one after: OkHttp calls network interceptors only once a
 * connection (TCP and TLS) is established, just before it writes the request. An I/O failure
 * before that point (DNS, connect, TLS handshake) cannot have reached the server.
 */
final class SendTracking {

  private SendTracking() {}

  /** Thrown in place of an I/O failure that happened before any byte of the request was written. */
  static final class RequestNotSentException extends IOException {
    private static final long serialVersionUID = 1L;

    RequestNotSentException(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  private static final class Connected {
    volatile boolean value;
  }

  /** Register as an application interceptor. */
  static final Interceptor MARK_NOT_SENT = chain -> {
    Connected connected = new Connected();
    Request request = chain.request().newBuilder().tag(Connected.class, connected).build();
    try {
      return chain.proceed(request);
    } catch (IOException e) {
      if (connected.value) {
        throw e;
      }
      throw new RequestNotSentException(e);
    }
  };

  /** Register as a network interceptor. */
  static final Interceptor MARK_CONNECTED = chain -> {
    Connected connected = chain.request().tag(Connected.class);
    if (connected != null) {
      connected.value = true;
    }
    return chain.proceed(chain.request());
  };
}
