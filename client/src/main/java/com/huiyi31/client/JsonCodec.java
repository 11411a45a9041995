package com.huiyi31.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.huiyi31.client.model.ListAttendeeTypesResponse;
import com.huiyi31.client.model.RegisterAttendeeResponse;
import com.huiyi31.client.model.TokenResponse;
import feign.RequestTemplate;
import feign.Response;
import feign.Types;
import feign.codec.Decoder;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * JSON on the wire: writes requests as UTF-8 bytes without nulls, reads responses from bytes
 * (bounded), and lets through only envelopes whose {@code businessCode} is 0.
 */
final class JsonCodec implements Encoder, Decoder {

  static final String JSON_UTF8 = "application/json; charset=UTF-8";

  /** How to read the success of one envelope type: its {@code businessCode} and {@code businessMessage}. */
  private record Envelope<T>(Class<T> type, Function<T, Integer> businessCode, Function<T, String> businessMessage) {
    void requireSuccess(Response response, Object body) {
      T envelope = type.cast(body);
      JsonCodec.requireSuccess(response, businessCode.apply(envelope), businessMessage.apply(envelope));
    }
  }

  /**
   * One line per envelope schema of the contract (a response with {@code businessCode}): decode
   * checks every answer against this list, and {@link #ENVELOPES} is read from it, so the two
   * cannot disagree.
   */
  private static final List<Envelope<?>> ENVELOPE_CHECKS = List.of(
      new Envelope<>(RegisterAttendeeResponse.class, RegisterAttendeeResponse::getBusinessCode,
          RegisterAttendeeResponse::getBusinessMessage),
      new Envelope<>(ListAttendeeTypesResponse.class, ListAttendeeTypesResponse::getBusinessCode,
          ListAttendeeTypesResponse::getBusinessMessage));

  /** The answer types whose {@code businessCode} decode checks. */
  static final Set<Class<?>> ENVELOPES = ENVELOPE_CHECKS.stream().map(Envelope::type)
      .collect(Collectors.toUnmodifiableSet());

  /**
   * The answer types that are not envelopes, deliberately: they have no {@code businessCode}.
   * The token issuer's answer is OAuth 2.0's (its refusals are HTTP errors, TokenProvider.IssuerErrors).
   * OperationCoverageTest fails when an operation returns a type in neither set.
   */
  static final Set<Class<?>> NOT_ENVELOPES = Set.of(TokenResponse.class);

  private final ObjectMapper mapper;
  private final ConcurrentHashMap<Type, ObjectReader> readers = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Type, ObjectWriter> writers = new ConcurrentHashMap<>();

  JsonCodec(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * The mapper for the contract's models. Requests: optional properties left null are omitted
   * (the contract has no nullable request property). Responses: unknown properties are ignored
   * and keys match case-insensitively (CaseInsensitiveKeys), because the platform's responses
   * grow and its docs mix key casings.
   */
  static ObjectMapper newObjectMapper() {
    return JsonMapper.builder()
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
        .addHandler(new CaseInsensitiveKeys())
        // Tolerant of what the contract allows to change (new keys, key casing), strict about
        // what decides success: no second JSON value after the first, no key given twice (the
        // last one would win: "businessCode":1001,...,"businessCode":0), no 0.5 or "0" read as 0.
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .withCoercionConfig(LogicalType.Integer, config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
        .addModule(new JavaTimeModule())
        .build();
  }

  @Override
  public void encode(Object object, Type bodyType, RequestTemplate template) {
    RequestValidator.validate(object);
    byte[] json;
    try {
      json = writers.computeIfAbsent(bodyType, t -> mapper.writerFor(mapper.constructType(t))).writeValueAsBytes(object);
    } catch (JsonProcessingException e) {
      throw new EncodeException("The request could not be written as JSON.", e);
    }
    // The Content-Type (JSON_UTF8) is set once per method: JsonContentType.
    template.body(json, StandardCharsets.UTF_8);
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    Type bodyType = type;

    String contentType = firstHeader(response, "Content-Type");
    if (contentType != null && !isJson(contentType)) {
      throw unreadable(response,
          "its content type is " + HttpMessages.excerpt(contentType.getBytes(StandardCharsets.UTF_8)) + ", not JSON");
    }
    byte[] bytes = HttpMessages.readAtMost(response, HttpMessages.MAX_RESPONSE_BYTES);
    if (bytes.length > HttpMessages.MAX_RESPONSE_BYTES) {
      throw unreadable(response, "the body is larger than " + HttpMessages.MAX_RESPONSE_BYTES + " bytes");
    }
    if (bytes.length == 0) {
      throw unreadable(response, "the body is empty");
    }
    Object body;
    try {
      body = readers.computeIfAbsent(bodyType, t -> mapper.readerFor(mapper.constructType(t))).readValue(bytes);
    } catch (IOException e) {
      // JsonProcessingException, or a CharConversionException for bytes that are no encoding of
      // JSON: either way the bytes are in memory, so it is the answer that is wrong, not the network.
      // Not attached as the cause: Jackson's message quotes the offending value (personal data),
      // and loggers print the messages of causes. describe(e) keeps the path and position.
      throw unreadable(response, describe(e));
    }
    if (body == null) {
      throw unreadable(response, "the body is JSON null");
    }
    requireSuccess(response, body);
    return body;
  }

  /** Built only on failure: naming the operation parses the URL. */
  private static Huiyi31DecodeException unreadable(Response response, String problem) {
    return new Huiyi31DecodeException(HttpMessages.describe(response.request()), response.status(), problem, null);
  }

  /** application/json, text/json or any +json type; parameters (charset) do not matter. */
  static boolean isJson(String contentType) {
    // Compared in place: this runs on every answer, and split/strip/toLowerCase allocated each time.
    int end = contentType.indexOf(';');
    end = end < 0 ? contentType.length() : end;
    int start = 0;
    while (start < end && Character.isWhitespace(contentType.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(contentType.charAt(end - 1))) {
      end--;
    }
    return isType(contentType, start, end, "application/json") || isType(contentType, start, end, "text/json")
        || end - start >= "+json".length() && contentType.regionMatches(true, end - 5, "+json", 0, 5);
  }

  private static boolean isType(String contentType, int start, int end, String type) {
    return end - start == type.length() && contentType.regionMatches(true, start, type, 0, type.length());
  }

  private static String firstHeader(Response response, String name) {
    java.util.Collection<String> values = response.headers().get(name);
    return values == null || values.isEmpty() ? null : values.iterator().next();
  }

  /** Throws unless an envelope (one of {@link #ENVELOPES}) says success; other answers pass. */
  private static void requireSuccess(Response response, Object body) {
    for (Envelope<?> envelope : ENVELOPE_CHECKS) {
      if (envelope.type().isInstance(body)) {
        envelope.requireSuccess(response, body);
        return;
      }
    }
  }

  private static void requireSuccess(Response response, Integer businessCode, String businessMessage) {
    if (businessCode == null) {
      throw unreadable(response, "it has no businessCode, so it does not say whether the request succeeded");
    }
    ObservedCall.businessCode(businessCode);
    if (businessCode != 0) {
      throw new Huiyi31BusinessException(HttpMessages.describe(response.request()), response.status(),
          businessCode, businessMessage);
    }
  }

  /**
   * Where and what, without quoting the body: Jackson's own messages echo values, which may be
   * personal data.
   */
  private static String describe(IOException e) {
    if (!(e instanceof JsonProcessingException)) {
      return "the body is not text in a JSON encoding";
    }
    JsonProcessingException json = (JsonProcessingException) e;
    String where = json.getLocation() == null ? ""
        : " at line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr();
    if (isSyntaxError(e)) {
      return "the body is not valid JSON" + where;
    }
    if (e instanceof JsonMappingException && !((JsonMappingException) e).getPath().isEmpty()) {
      return "the value of " + jsonPath((JsonMappingException) e) + " does not fit the contract" + where;
    }
    return "the body is not valid JSON" + where;
  }

  /** Jackson reports a syntax error deep inside a value as a mapping error wrapping a parse error. */
  private static boolean isSyntaxError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JsonParseException) {
        return true;
      }
    }
    return false;
  }

  private static String jsonPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder("$");
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append('.').append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
