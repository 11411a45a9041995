package com.huiyi31.client;

import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.util.Arrays;

/** Turns every non-2xx answer into a {@link Huiyi31HttpException} carrying the start of its body. */
final class HttpErrorDecoder implements ErrorDecoder {

  private static final int EXCERPT_BYTES = 1024;

  @Override
  public Exception decode(String methodKey, Response response) {
    String operation = HttpMessages.describe(response.request());
    Huiyi31HttpException.Excerpt excerpt;
    try {
      byte[] body = HttpMessages.readAtMost(response, EXCERPT_BYTES);
      excerpt = Huiyi31HttpException.excerpt(Arrays.copyOf(body, Math.min(body.length, EXCERPT_BYTES)));
    } catch (IOException e) {
      excerpt = Huiyi31HttpException.excerpt(new byte[0]);
    }
    return new Huiyi31HttpException(operation, response.status(), excerpt);
  }
}
