package com.huiyi31.sandbox;

import com.atlassian.oai.validator.model.Request;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The sandbox's behaviour, as a WireMock extension: every request the catch-all stub matches
 * comes here, and the answer is decided in Java (no templates). One instance per sandbox; it
 * counts what it receives, so WireMock's request journal can stay off. Thread-safe.
 */
final class SandboxResponder implements ResponseDefinitionTransformerV2 {

  static final String NAME = "huiyi31-sandbox";

  /** The sandbox's own businessCode for a request that breaks the contract or a platform rule. */
  static final int INVALID_REQUEST = 400;
  static final int MOBILE_TAKEN = 1001;
  static final int EMAIL_TAKEN = 1002;
  static final int SOLD_OUT = 1003;
  static final String MOBILE_TAKEN_MESSAGE = "手机号已被注册";
  static final String EMAIL_TAKEN_MESSAGE = "邮箱已被注册";
  static final String SOLD_OUT_MESSAGE = "门票已售罄";

  static final String MOBILE_TAKEN_SUFFIX = "0000";
  static final String EMAIL_TAKEN_DOMAIN = "@taken.example";
  static final String SOLD_OUT_SKU = "sold-out";
  static final String NAME_HTTP_500 = "HTTP500";
  static final String NAME_SLOW = "SLOW";
  static final int SLOW_MILLIS = 3_000;

  /** Register bodies kept for {@link Huiyi31Sandbox#recentRegistrations()}. */
  static final int RECENT_KEPT = 100;

  /** A broken request can break many rules; the message names this many and counts the rest. */
  private static final int MAX_PROBLEMS_NAMED = 10;
  private static final String JSON = "application/json; charset=utf-8";
  private static final byte[] GATEWAY_500_PAGE = resource("/sandbox/gateway-500.html");

  private final ObjectMapper json = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private final ContractCheck contract = ContractCheck.shared();
  private final FreshIds ids = new FreshIds(Clock.systemUTC());

  private final DemoEvent demo = DemoEvent.shared();
  private final TokenIssuer tokens;

  private final LongAdder received = new LongAdder();
  private final ConcurrentHashMap<String, AtomicInteger> registeredByName = new ConcurrentHashMap<>();
  private final Deque<String> recent = new ArrayDeque<>();

  SandboxResponder(LongSupplier nanoTime) {
    this.tokens = new TokenIssuer(nanoTime);
  }

  @Override
  public String getName() {
    return NAME;
  }

  /** Only the sandbox's own stub uses it. */
  @Override
  public boolean applyGlobally() {
    return false;
  }

  int registrationsReceived() {
    return received.intValue();
  }

  Map<String, Integer> registeredByName() {
    Map<String, Integer> snapshot = new TreeMap<>();
    registeredByName.forEach((name, count) -> snapshot.put(name, count.get()));
    return Collections.unmodifiableMap(snapshot);
  }

  /** The last Register bodies received (at most {@link #RECENT_KEPT}), oldest first. */
  List<String> recentRegistrations() {
    synchronized (recent) {
      return List.copyOf(recent);
    }
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    LoggedRequest request = serveEvent.getRequest();
    String url = request.getUrl();
    String path = url.indexOf('?') < 0 ? url : url.substring(0, url.indexOf('?'));
    if (!Huiyi31Sandbox.PATHS.contains(path) || !request.getMethod().equals(RequestMethod.POST)) {
      return notServed(request, path);
    }
    if (path.equals(Huiyi31Sandbox.TOKEN_PATH)) {
      return token(request, path);
    }
    if (path.equals(Huiyi31Sandbox.LIST_TYPES_PATH)) {
      return listTypes(request, path);
    }
    received.increment();
    synchronized (recent) {
      if (recent.size() == RECENT_KEPT) {
        recent.removeFirst();
      }
      recent.addLast(request.getBodyAsString());
    }
    return register(request, path);
  }

  // --- POST /connect/token -------------------------------------------------------------------

  /** The token issuer's answers: a token (200) or an OAuth 2.0 error (400), never logged. */
  private ResponseDefinition token(LoggedRequest request, String path) {
    String contentType = request.contentTypeHeader().mimeTypePart();
    if (contentType == null || !contentType.equalsIgnoreCase("application/x-www-form-urlencoded")) {
      return oauthError("invalid_request", "the body must be a form (Content-Type: application/x-www-form-urlencoded)");
    }
    Map<String, String> form = form(request.getBodyAsString());
    String grant = form.get("grant_type");
    if (grant == null || grant.isBlank()) {
      return oauthError("invalid_request", "grant_type is missing");
    }
    if (!grant.equals("custom_user_code") && !grant.equals("refresh_token")) {
      return oauthError("unsupported_grant_type", "grant_type must be custom_user_code or refresh_token");
    }
    List<String> problems = new ArrayList<>();
    for (ContractCheck.Problem problem : contract.specProblems(Request.Method.POST, path, headers(request),
        request.getBody())) {
      problems.add(problem.line());
    }
    if (!problems.isEmpty()) {
      return oauthError("invalid_request", "the request breaks the contract: " + join(problems));
    }
    if (!TokenIssuer.CLIENT_ID.equals(form.get("client_id"))) {
      return oauthError("invalid_client", "client_id must be " + TokenIssuer.CLIENT_ID);
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
        if (!form.get("method").equals("client_secret")) {
          return oauthError("invalid_request", "method must be client_secret");
        }
        if (!(" " + form.get("scope") + " ").contains(" " + TokenIssuer.GATEWAY_SCOPE + " ")) {
          return oauthError("invalid_scope", "scope must include " + TokenIssuer.GATEWAY_SCOPE);
        }
        issued = tokens.byAppCredentials(form.get("appKey"), form.get("appSecret"), form.get("scope"));
      }
      ObjectNode answer = json.createObjectNode();
      answer.put("access_token", issued.access());
      answer.put("expires_in", TokenIssuer.ACCESS_LIFETIME_SECONDS);
      answer.put("token_type", "Bearer");
      if (issued.refresh() != null) {
        answer.put("refresh_token", issued.refresh());
      }
      answer.put("scope", issued.scope());
      return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
          .withHeader("Content-Type", JSON).withHeader("Cache-Control", "no-store").withHeader("Pragma", "no-cache")
          .withBody(write(answer)).build();
    } catch (TokenIssuer.Refused refused) {
      return oauthError(refused.error, refused.getMessage());
    }
  }

  private ResponseDefinition oauthError(String error, String description) {
    ObjectNode answer = json.createObjectNode();
    answer.put("error", error);
    answer.put("error_description", description);
    return ResponseDefinitionBuilder.responseDefinition().withStatus(400)
        .withHeader("Content-Type", JSON).withHeader("Cache-Control", "no-store").withBody(write(answer)).build();
  }

  /** A form body's parameters (the first of each name), decoded as UTF-8. */
  private static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    if (body == null || body.isEmpty()) {
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

  // --- POST /op/api/AttendeeType/v1/list -------------------------------------------------------

  /** The demo event's attendee types for a caller with a live token; 401 without one. */
  private ResponseDefinition listTypes(LoggedRequest request, String path) {
    TokenIssuer.Access access = tokens.check(request.getHeader("Authorization"));
    if (access != TokenIssuer.Access.VALID) {
      return unauthorized(access);
    }
    CheckedBody checked = checkBody(request, path, false);
    if (checked.rejection() != null) {
      return checked.rejection();
    }
    JsonNode tree = checked.tree();
    String eventId = tree.path("BventId").asText().strip();
    if (!eventId.equals(demo.eventId())) {
      return rejection(DemoEvent.EVENT_NOT_FOUND, DemoEvent.EVENT_NOT_FOUND_MESSAGE + " (no such event): the sandbox "
          + "has one event, " + demo.eventId());
    }
    ObjectNode answer = json.createObjectNode();
    answer.put("businessMessage", "");
    answer.put("businessCode", 0);
    answer.putObject("data").set("attendeeTypes", demo.attendeeTypes());
    return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
        .withHeader("Content-Type", JSON).withBody(write(answer)).build();
  }

  /** What a gateway answers to a missing or dead token: 401, a short text, and how to authenticate. */
  private static ResponseDefinition unauthorized(TokenIssuer.Access access) {
    String why;
    switch (access) {
      case MISSING:
        why = "no access token: send Authorization: Bearer <access_token> (POST " + Huiyi31Sandbox.TOKEN_PATH + " issues one)";
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
    return ResponseDefinitionBuilder.responseDefinition().withStatus(401)
        .withHeader("Content-Type", "text/plain; charset=utf-8")
        .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
        .withBody("401 Unauthorized (huiyi31 sandbox): " + why + ".\n").build();
  }

  /** A request's JSON body when it keeps the contract; otherwise the rejection to answer. */
  private record CheckedBody(JsonNode tree, ResponseDefinition rejection) {}

  /**
   * The body checked against the spec and, with {@code platformRules} (Register), the platform's
   * own rules (mobile or email, no repeated field); every problem named in one rejection.
   */
  private CheckedBody checkBody(LoggedRequest request, String path, boolean platformRules) {
    byte[] body = request.getBody();
    JsonNode tree = null;
    if (body != null && body.length > 0) {
      try {
        tree = json.readTree(body);
      } catch (JsonProcessingException e) {
        return new CheckedBody(null,
            rejection(INVALID_REQUEST, "Invalid request: the body is not valid JSON: " + describe(e)));
      } catch (IOException e) {
        throw new UncheckedIOException(e); // reading from a byte array: does not happen
      }
    }
    List<String> problems = new ArrayList<>();
    for (ContractCheck.Problem problem : contract.specProblems(Request.Method.POST, path, headers(request), body)) {
      problems.add(problem.line());
    }
    if (platformRules) {
      problems.addAll(ContractCheck.platformRuleProblems(tree));
    }
    if (problems.isEmpty() && tree == null) {
      problems.add("$: the body is empty"); // the spec requires a body, so the validator says so first
    }
    return problems.isEmpty() ? new CheckedBody(tree, null)
        : new CheckedBody(null, rejection(INVALID_REQUEST, "Invalid request: " + join(problems)));
  }

  // --- POST /op/notoken/api/Attendee/v1/Register -----------------------------------------------

  private ResponseDefinition register(LoggedRequest request, String path) {
    CheckedBody checked = checkBody(request, path, true);
    if (checked.rejection() != null) {
      return checked.rejection();
    }
    JsonNode tree = checked.tree();

    // For the demo event: its types, tickets, sessions, form fields and option codes.
    List<DemoEvent.Refusal> refusals = demo.problemsOf(tree, List.of(SOLD_OUT_SKU));
    if (!refusals.isEmpty()) {
      return rejection(refusals.get(0).code(), join(refusals.stream().map(DemoEvent.Refusal::message).toList()));
    }

    Map<String, String> fields = fields(tree);
    String fullName = fields.getOrDefault("fullname", "");
    String mobile = fields.getOrDefault("mobile", "");
    String email = fields.getOrDefault("email", "");

    // The documented triggers (Huiyi31Sandbox.triggers()), first match wins.
    if (fullName.equals(NAME_HTTP_500)) {
      return ResponseDefinitionBuilder.responseDefinition().withStatus(500)
          .withHeader("Content-Type", "text/html; charset=utf-8").withBody(GATEWAY_500_PAGE).build();
    }
    if (mobile.strip().endsWith(MOBILE_TAKEN_SUFFIX)) {
      return rejection(MOBILE_TAKEN, MOBILE_TAKEN_MESSAGE);
    }
    if (email.strip().toLowerCase(Locale.ROOT).endsWith(EMAIL_TAKEN_DOMAIN)) {
      return rejection(EMAIL_TAKEN, EMAIL_TAKEN_MESSAGE);
    }
    for (JsonNode item : tree.path("Items")) {
      if (SOLD_OUT_SKU.equals(item.path("ItemSkuId").textValue())) {
        return rejection(SOLD_OUT, SOLD_OUT_MESSAGE);
      }
    }

    registeredByName.computeIfAbsent(fullName, name -> new AtomicInteger()).incrementAndGet();
    ResponseDefinitionBuilder success = ResponseDefinitionBuilder.responseDefinition().withStatus(200)
        .withHeader("Content-Type", JSON).withBody(write(registered(fullName, mobile)));
    if (fullName.equals(NAME_SLOW)) {
      success.withFixedDelay(SLOW_MILLIS);
    }
    return success.build();
  }

  /** The answer of a successful registration, in the shape of the platform's documented example. */
  private ObjectNode registered(String fullName, String mobile) {
    ObjectNode answer = json.createObjectNode();
    answer.put("businessMessage", "");
    answer.put("businessCode", 0);
    ObjectNode order = answer.putObject("data");
    order.put("status", 0);
    order.put("orderId", ids.guid());
    order.put("orderNo", ids.orderNo());
    order.put("orderStatus", "Paid");
    order.put("orderAmount", 0.0);
    order.put("orderType", "Main");
    ObjectNode attendee = order.putArray("orderAttendees").addObject();
    attendee.put("attendeeId", ids.guid());
    attendee.put("attendeeAbstractType", 0);
    attendee.put("name", fullName);
    attendee.put("mobile", mobile);
    attendee.put("status", "");
    attendee.put("checkinCode", ids.checkinCode());
    return answer;
  }

  /** A business rejection as the platform sends it: HTTP 200, a non-zero businessCode, data null. */
  private ResponseDefinition rejection(int businessCode, String businessMessage) {
    ObjectNode answer = json.createObjectNode();
    answer.put("businessCode", businessCode);
    answer.put("businessMessage", businessMessage);
    answer.putNull("data");
    return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
        .withHeader("Content-Type", JSON).withBody(write(answer)).build();
  }

  /** Any other path or method: what a gateway would answer, with a line saying what is served. */
  private ResponseDefinition notServed(LoggedRequest request, String path) {
    boolean knownPath = Huiyi31Sandbox.PATHS.contains(path);
    int status = knownPath ? 405 : 404;
    String text = status + (knownPath ? " Method Not Allowed" : " Not Found") + " (huiyi31 sandbox): "
        + request.getMethod().getName() + " " + path + " is not an operation of the contract. The sandbox serves "
        + String.join(", ", Huiyi31Sandbox.PATHS.stream().map(served -> "POST " + served).toList()) + ".\n";
    ResponseDefinitionBuilder answer = ResponseDefinitionBuilder.responseDefinition().withStatus(status)
        .withHeader("Content-Type", "text/plain; charset=utf-8").withBody(text);
    if (knownPath) {
      answer.withHeader("Allow", "POST");
    }
    return answer.build();
  }

  /** The form's answers by lower-cased FieldName (names are case-insensitive on the platform). */
  private static Map<String, String> fields(JsonNode body) {
    Map<String, String> values = new LinkedHashMap<>();
    for (JsonNode field : body.path("Attendee").path("Fields")) {
      String name = field.path("FieldName").textValue();
      String value = field.path("FieldValue").textValue();
      if (name != null && value != null) {
        values.putIfAbsent(name.strip().toLowerCase(Locale.ROOT), value);
      }
    }
    return values;
  }

  private static Map<String, List<String>> headers(LoggedRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpHeader header : request.getHeaders().all()) {
      headers.put(header.key(), header.values());
    }
    return headers;
  }

  private static String join(List<String> problems) {
    if (problems.size() <= MAX_PROBLEMS_NAMED) {
      return String.join("; ", problems);
    }
    return String.join("; ", problems.subList(0, MAX_PROBLEMS_NAMED))
        + "; and " + (problems.size() - MAX_PROBLEMS_NAMED) + " more";
  }

  /** Jackson's complaint on one line, with where it is: "Unexpected end-of-input ... (line 1, column 12)". */
  private static String describe(JsonProcessingException e) {
    String text = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    return text.replaceAll("\\s+", " ").strip() + where;
  }

  private byte[] write(ObjectNode node) {
    try {
      return json.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write a JSON tree", e); // a tree of plain values: does not happen
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = SandboxResponder.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
