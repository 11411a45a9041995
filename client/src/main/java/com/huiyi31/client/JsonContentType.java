package com.huiyi31.client;

import feign.Contract;
import feign.MethodMetadata;
import java.util.List;

/**
 * Feign's contract for the generated APIs, with every request that carries a body sent as
 * {@code application/json; charset=UTF-8} (the platform's own example sends the charset; names
 * are Chinese), set once per method when the client is built.
 *
 * <p>The codec used to replace the generated {@code Content-Type: application/json} on every
 * call; Feign then parsed a new header template each time (measured: docs/benchmarks.md).
 */
final class JsonContentType implements Contract {

  private final Contract delegate;

  JsonContentType(Contract delegate) {
    this.delegate = delegate;
  }

  @Override
  public List<MethodMetadata> parseAndValidateMetadata(Class<?> targetType) {
    List<MethodMetadata> methods = delegate.parseAndValidateMetadata(targetType);
    for (MethodMetadata method : methods) {
      if (method.bodyIndex() != null) {
        method.template().removeHeader("Content-Type");
        // headerLiteral: the value has no {expressions} for Feign to expand.
        method.template().headerLiteral("Content-Type", JsonCodec.JSON_UTF8);
      }
    }
    return methods;
  }
}
