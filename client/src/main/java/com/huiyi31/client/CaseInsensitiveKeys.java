package com.huiyi31.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import java.io.IOException;
import java.util.Iterator;

/**
 * Reads a key whose casing differs from the contract's ({@code "OrderNo"} for {@code "orderNo"})
 * into the property it names, and skips keys the contract does not know.
 *
 * <p>Jackson's own {@code ACCEPT_CASE_INSENSITIVE_PROPERTIES} lower-cases every key of every
 * answer; this handler costs nothing for keys that match exactly, the usual case, and is
 * consulted only for the others.
 */
final class CaseInsensitiveKeys extends DeserializationProblemHandler {

  @Override
  public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
      JsonDeserializer<?> deserializer, Object bean, String key) throws IOException {
    if (deserializer instanceof BeanDeserializerBase && bean != null && !(bean instanceof Class)) {
      Iterator<SettableBeanProperty> properties = ((BeanDeserializerBase) deserializer).properties();
      while (properties.hasNext()) {
        SettableBeanProperty property = properties.next();
        if (property.getName().equalsIgnoreCase(key)) {
          property.deserializeAndSet(parser, context, bean);
          return true;
        }
      }
    }
    parser.skipChildren(); // a key the contract does not know: responses may grow
    return true;
  }
}
