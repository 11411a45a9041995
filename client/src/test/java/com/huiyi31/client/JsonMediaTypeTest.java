package com.huiyi31.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which Content-Type headers of an answer the codec reads as JSON: the type alone decides, in any case. */
class JsonMediaTypeTest {

  @ParameterizedTest
  @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8",
      " text/json ", "TEXT/JSON; x=y", "application/problem+json", "application/vnd.api+JSON ; charset=utf-8", "+json"})
  void theseAreJson(String contentType) {
    assertThat(JsonCodec.isJson(contentType)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "text/html", "text/plain; charset=application/json", "application/jsonx",
      "application/json-seq", "json", "application/+jsonx", ";application/json", "application/xml+json5"})
  void theseAreNot(String contentType) {
    assertThat(JsonCodec.isJson(contentType)).isFalse();
  }
}
