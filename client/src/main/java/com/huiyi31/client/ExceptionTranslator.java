package com.huiyi31.client;

import feign.DefaultInvocationHandlerFactory;
import feign.FeignException;
import feign.InvocationHandlerFactory;
import feign.Target;
import feign.codec.EncodeException;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The one place where Feign's exceptions become {@link Huiyi31Exception}s, so that a caller of
 * a generated API never sees a {@link FeignException}; and where each call of an API method is
 * observed ({@link Huiyi31Observer}), once, with the error its caller gets.
 */
final class ExceptionTranslator implements InvocationHandlerFactory {

  private final InvocationHandlerFactory delegate = new DefaultInvocationHandlerFactory();
  private final Huiyi31Observer observer;

  /**
   * {@code observer}: {@link Huiyi31Observer#NONE} to observe nothing, null for an API whose calls
   * are observed elsewhere (the token API: TokenProvider, which sees the outcome the caller gets).
   */
  ExceptionTranslator(Huiyi31Observer observer) {
    this.observer = observer;
  }

  @Override
  @SuppressWarnings("rawtypes") // Feign's own signature
  public InvocationHandler create(Target target, Map<Method, MethodHandler> dispatch) {
    InvocationHandler feign = delegate.create(target, dispatch);
    InvocationHandler translated = (proxy, method, args) -> translated(feign, proxy, method, args);
    if (observer == null || observer == Huiyi31Observer.NONE) {
      return translated; // no observation, and no cost for it
    }
    return (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return feign.invoke(proxy, method, args); // equals, hashCode, toString: not calls of the platform
      }
      ObservedCall call = ObservedCall.start(observer, method.getName()); // the operationId
      Throwable error = null;
      try {
        return translated.invoke(proxy, method, args);
      } catch (Throwable e) {
        error = e;
        throw e;
      } finally {
        call.end(error);
      }
    };
  }

  private static Object translated(InvocationHandler feign, Object proxy, Method method, Object[] args) throws Throwable {
    try {
      return feign.invoke(proxy, method, args);
    } catch (Huiyi31Exception e) {
      throw e;
    } catch (FeignException e) {
      throw translate(e);
    } catch (IllegalArgumentException e) {
      // Feign checks its arguments while building the request, before anything is sent; the
      // one it refuses in practice is a null body.
      String problem = args != null && Arrays.asList(args).contains(null)
          ? "is null: " + method.getName() + " needs a request object"
          : e.getMessage() != null ? e.getMessage() : "was refused by Feign (IllegalArgumentException)";
      throw new Huiyi31ValidationException(List.of(new Huiyi31ValidationException.Problem(
          Huiyi31ValidationException.Subject.REQUEST, "$", problem)));
    }
  }

  static Huiyi31Exception translate(FeignException e) {
    if (e.getCause() instanceof Huiyi31Exception) {
      return (Huiyi31Exception) e.getCause(); // thrown by our codec; Feign wraps decoder exceptions
    }
    String operation = HttpMessages.describe(e.request());
    if (e instanceof EncodeException) {
      return new Huiyi31ValidationException("it could not be written as JSON (" + operation + ").", e);
    }
    if (e.getCause() instanceof SendTracking.RequestNotSentException) {
      return new Huiyi31TransportException(operation, false, (IOException) e.getCause().getCause());
    }
    if (e.getCause() instanceof IOException) {
      // Either while sending (RetryableException) or while reading the answer: sent either way.
      return new Huiyi31TransportException(operation, true, (IOException) e.getCause());
    }
    return new Huiyi31DecodeException(operation, e.status(), e.getClass().getSimpleName(), e);
  }
}
