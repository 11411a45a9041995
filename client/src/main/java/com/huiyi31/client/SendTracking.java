package com.huiyi31.client;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

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

  /**
   * Executes {@code request} on {@code http} (which must have {@link #MARK_CONNECTED} as a
   * network interceptor); an I/O failure before the connection was established becomes a
   * {@link RequestNotSentException}.
   */
  static Response execute(OkHttpClient http, Request.Builder request) throws IOException {
    Connected connected = new Connected();
    try {
      return http.newCall(request.tag(Connected.class, connected).build()).execute();
    } catch (IOException e) {
      if (connected.value) {
        throw e;
      }
      throw new RequestNotSentException(e);
    }
  }

  /** Register as a network interceptor; requests are sent through {@link #execute}. */
  static final Interceptor MARK_CONNECTED = chain -> {
    Connected connected = chain.request().tag(Connected.class);
    if (connected != null) {
      connected.value = true;
    }
    return chain.proceed(chain.request());
  };
}
