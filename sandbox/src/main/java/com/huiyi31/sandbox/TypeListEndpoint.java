package com.huiyi31.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /op/api/AttendeeType/v1/list}: the demo event's attendee types for a caller with a
 * live token it issued (401 without one), a business rejection 1010 for any other event.
 */
final class TypeListEndpoint implements SandboxServer.Endpoint {

  private final TokenIssuer tokens;
  private final BodyCheck check;
  private final DemoEvent demo = DemoEvent.shared();

  TypeListEndpoint(TokenIssuer tokens, BodyCheck check) {
    this.tokens = tokens;
    this.check = check;
  }

  @Override
  public Answer answer(Received request) {
    TokenIssuer.Access access = tokens.check(request.header("Authorization"));
    if (access != TokenIssuer.Access.VALID) {
      return unauthorized(access);
    }
    BodyCheck.Checked checked = check.check(request, false);
    if (checked.rejection() != null) {
      return checked.rejection();
    }
    String eventId = checked.tree().path("BventId").asText().strip();
    if (!eventId.equals(demo.eventId())) {
      return JsonAnswers.rejection(DemoEvent.EVENT_NOT_FOUND, DemoEvent.EVENT_NOT_FOUND_MESSAGE
          + " (no such event): the sandbox has one event, " + demo.eventId());
    }
    ObjectNode data = JsonAnswers.object();
    data.set("attendeeTypes", demo.attendeeTypes());
    return JsonAnswers.success(data);
  }

  /** What a gateway answers to a missing or dead token: 401, a short text, and how to authenticate. */
  private static Answer unauthorized(TokenIssuer.Access access) {
    String why;
    switch (access) {
      case MISSING:
        why = "no access token: send Authorization: Bearer <access_token> (POST " + Huiyi31Sandbox.TOKEN_PATH
            + " issues one)";
        break;
      case MALFORMED:
        why = "the Authorization header is not \"Bearer <access_token>\"";
        break;
      case EXPIRED:
        why = "the access token has expired: refresh it (grant_type=refresh_token) or get a new one";
        break;
      default:
        why = "the access token is not one this sandbox issued (tokens do not outlive a sandbox run)";
        break;
    }
    return Answer.text(401, "401 Unauthorized (huiyi31 sandbox): " + why + ".\n")
        .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
  }
}
