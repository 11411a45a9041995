package com.huiyi31.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON answers in the platform's shapes: the envelope ({@code businessCode},
 * {@code businessMessage}, {@code data}) of a success or a business rejection, and any other
 * JSON object. One ObjectMapper for the whole sandbox (thread-safe once configured).
 */
final class JsonAnswers {

  /** Reads request bodies (no trailing garbage after the JSON) and writes answers. */
  static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonAnswers() {}

  /** An empty JSON object to fill in. */
  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** A success envelope: businessCode 0, an empty businessMessage and {@code data}. */
  static Answer success(ObjectNode data) {
    ObjectNode answer = object();
    answer.put("businessMessage", "");
    answer.put("businessCode", 0);
    answer.set("data", data);
    return Answer.json(200, write(answer));
  }

  /** A business rejection as the platform sends it: HTTP 200, a non-zero businessCode, data null. */
  static Answer rejection(int businessCode, String businessMessage) {
    ObjectNode answer = object();
    answer.put("businessCode", businessCode);
    answer.put("businessMessage", businessMessage);
    answer.putNull("data");
    return Answer.json(200, write(answer));
  }

  static byte[] write(ObjectNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write a JSON tree", e); // a tree of plain values: does not happen
    }
  }
}
