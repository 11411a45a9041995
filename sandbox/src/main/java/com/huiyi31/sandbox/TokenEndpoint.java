package com.huiyi31.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /connect/token}: the token issuer's answers to a form, a token (200) or an OAuth 2.0
 * error (400), as the platform's OAuth server gives them. Parameters the form does not declare
 * are ignored, as the contract's {@code TokenRequest} (and RFC 6749) says. Never logs anything.
 */
final class TokenEndpoint implements SandboxServer.Endpoint {

  private final TokenIssuer tokens;
  private final BodyCheck check;

  TokenEndpoint(TokenIssuer tokens, BodyCheck check) {
    this.tokens = tokens;
    this.check = check;
  }

  @Override
  public Answer answer(Received request) {
    String contentType = request.mediaType();
    if (contentType == null || !contentType.equalsIgnoreCase("application/x-www-form-urlencoded")) {
      return oauthError("invalid_request", "the body must be a form (Content-Type: application/x-www-form-urlencoded)");
    }
    Map<String, String> form = form(new String(request.body(), StandardCharsets.UTF_8));
    String grant = form.get("grant_type");
    if (grant == null || grant.isBlank()) {
      return oauthError("invalid_request", "grant_type is missing");
    }
    if (!grant.equals("custom_user_code") && !grant.equals("refresh_token")) {
      return oauthError("unsupported_grant_type", "grant_type must be custom_user_code or refresh_token");
    }
    // The issuer's own judgements come before the contract check, which would call them all
    // invalid_request (the contract makes client_id, scope and method one-value enums): an OAuth 2.0
    // issuer answers an unknown client invalid_client and a scope it does not grant invalid_scope.
    // A missing client_id is invalid_request, from the contract check.
    String clientId = form.get("client_id");
    if (clientId != null && !clientId.equals(TokenIssuer.CLIENT_ID)) {
      return oauthError("invalid_client", "client_id must be " + TokenIssuer.CLIENT_ID);
    }
    String scope = form.get("scope");
    if (grant.equals("custom_user_code") && scope != null && !scope.isBlank()
        && !(" " + scope + " ").contains(" " + TokenIssuer.GATEWAY_SCOPE + " ")) {
      return oauthError("invalid_scope", "scope must include " + TokenIssuer.GATEWAY_SCOPE);
    }
    List<String> problems = check.specProblems(request);
    if (!problems.isEmpty()) {
      return oauthError("invalid_request", "the request breaks the contract: " + BodyCheck.join(problems));
    }
    try {
      TokenIssuer.Issued issued;
      if (grant.equals("refresh_token")) {
        String refreshToken = form.get("refresh_token");
        if (refreshToken == null || refreshToken.isBlank()) {
          return oauthError("invalid_request", "refresh_token is missing (the grant refresh_token needs it)");
        }
        issued = tokens.byRefreshToken(refreshToken);
      } else {
        List<String> missing = new ArrayList<>();
        for (String name : List.of("scope", "method", "appKey", "appSecret")) {
          if (form.get(name) == null || form.get(name).isBlank()) {
            missing.add(name);
          }
        }
        if (!missing.isEmpty()) {
          return oauthError("invalid_request", String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
              + " missing (the grant custom_user_code needs scope, method, appKey and appSecret)");
        }
        // method other than client_secret: refused by the contract check (its enum) above.
        issued = tokens.byAppCredentials(form.get("appKey"), form.get("appSecret"), form.get("scope"));
      }
      ObjectNode answer = JsonAnswers.object();
      answer.put("access_token", issued.access());
      answer.put("expires_in", TokenIssuer.ACCESS_LIFETIME_SECONDS);
      answer.put("token_type", "Bearer");
      if (issued.refresh() != null) {
        answer.put("refresh_token", issued.refresh());
      }
      answer.put("scope", issued.scope());
      return Answer.json(200, JsonAnswers.write(answer)).withHeader("Cache-Control", "no-store")
          .withHeader("Pragma", "no-cache");
    } catch (TokenIssuer.Refused refused) {
      return oauthError(refused.error, refused.getMessage());
    }
  }

  private static Answer oauthError(String error, String description) {
    ObjectNode answer = JsonAnswers.object();
    answer.put("error", error);
    answer.put("error_description", description);
    return Answer.json(400, JsonAnswers.write(answer)).withHeader("Cache-Control", "no-store");
  }

  /** A form body's parameters (the first of each name), decoded as UTF-8. */
  private static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return form;
    }
    for (String pair : body.split("&")) {
      int at = pair.indexOf('=');
      String name = at < 0 ? pair : pair.substring(0, at);
      String value = at < 0 ? "" : pair.substring(at + 1);
      try {
        form.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException malformed) {
        form.putIfAbsent(name, ""); // a broken %-escape: the value counts as missing
      }
    }
    return form;
  }
}
