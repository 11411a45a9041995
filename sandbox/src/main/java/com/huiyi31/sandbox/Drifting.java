package com.huiyi31.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@link Drift}s of a sandbox: wraps an endpoint and changes its successful JSON answers (HTTP
 * 200, {@code businessCode} 0 where there is one) as each drift says, and nothing else. A
 * refusal, an error page or an invalid request's answer passes unchanged.
 */
final class Drifting implements SandboxServer.Endpoint {

  /** A moment (2100-01-01, in seconds since 1970) where a lifetime in seconds belongs: over int32. */
  static final long EXPIRES_AT = 4_102_444_800L;
  static final String NEW_ORDER_STATUS = "PendingReview";

  private final String path;
  private final SandboxServer.Endpoint endpoint;
  private final Set<Drift> drifts;

  private Drifting(String path, SandboxServer.Endpoint endpoint, Set<Drift> drifts) {
    this.path = path;
    this.endpoint = endpoint;
    this.drifts = drifts;
  }

  /** The endpoints, each answering with {@code drifts} (unchanged when there are none). */
  static Map<String, SandboxServer.Endpoint> apply(Map<String, SandboxServer.Endpoint> endpoints, Set<Drift> drifts) {
    if (drifts.isEmpty()) {
      return endpoints;
    }
    Set<Drift> copy = EnumSet.copyOf(drifts);
    Map<String, SandboxServer.Endpoint> drifting = new HashMap<>();
    endpoints.forEach((path, endpoint) -> drifting.put(path, new Drifting(path, endpoint, copy)));
    return drifting;
  }

  @Override
  public Answer answer(Received request) {
    Answer answer = endpoint.answer(request);
    if (answer.status() != 200 || !answer.contentType().equals(Answer.JSON)) {
      return answer;
    }
    JsonNode tree;
    try {
      tree = JsonAnswers.JSON.readTree(answer.body());
    } catch (IOException e) {
      return answer; // the sandbox writes its own answers: does not happen
    }
    if (!(tree instanceof ObjectNode) || tree.has("businessCode") && tree.path("businessCode").asInt() != 0) {
      return answer;
    }
    ObjectNode body = (ObjectNode) tree;
    String contentType = answer.contentType();
    switch (path) {
      case Huiyi31Sandbox.TOKEN_PATH:
        if (drifts.contains(Drift.INT32_OVERFLOW)) {
          body.put("expires_in", EXPIRES_AT);
        }
        break;
      case Huiyi31Sandbox.REGISTER_PATH:
        if (drifts.contains(Drift.NEW_ENUM_VALUE) && body.path("data").isObject()) {
          ((ObjectNode) body.get("data")).put("orderStatus", NEW_ORDER_STATUS);
        }
        break;
      default: // the type list
        driftTypes(body.path("data").path("attendeeTypes"));
        if (drifts.contains(Drift.CONTENT_TYPE)) {
          contentType = Answer.TEXT;
        }
        break;
    }
    return new Answer(answer.status(), contentType, answer.headers(), JsonAnswers.write(body), answer.delayMillis());
  }

  private void driftTypes(JsonNode types) {
    int order = 0;
    for (JsonNode type : types) {
      if (drifts.contains(Drift.EXTRA_PROPERTY)) {
        ((ObjectNode) type).put("sortOrder", ++order);
      }
      for (JsonNode ticket : type.path("tickets")) {
        if (drifts.contains(Drift.KEY_CASING) && ticket.has("isCanSale")) {
          ((ObjectNode) ticket).set("IsCanSale", ((ObjectNode) ticket).remove("isCanSale"));
        }
      }
      for (JsonNode field : type.path("fields")) {
        if (drifts.contains(Drift.MISSING_PROPERTY)) {
          ((ObjectNode) field).remove("displayName");
        }
        for (JsonNode option : field.path("fieldOptions")) {
          if (drifts.contains(Drift.NUMBER_FOR_STRING) && option.path("code").asText("").matches("[0-9]{1,9}")) {
            ((ObjectNode) option).put("code", Integer.parseInt(option.path("code").textValue()));
          }
        }
      }
    }
  }
}
