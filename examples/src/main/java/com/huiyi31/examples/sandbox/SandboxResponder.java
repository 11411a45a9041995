package com.huiyi31.examples.sandbox;

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
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

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

  /** A broken request can break many rules; the message names this many and counts the rest. */
  private static final int MAX_PROBLEMS_NAMED = 10;
  private static final String JSON = "application/json; charset=utf-8";
  private static final byte[] GATEWAY_500_PAGE = resource("/sandbox/gateway-500.html");

  private final ObjectMapper json = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private final ContractCheck contract = ContractCheck.shared();
  private final FreshIds ids = new FreshIds(Clock.systemUTC());

  private final LongAdder received = new LongAdder();
  private final ConcurrentHashMap<String, AtomicInteger> registeredByName = new ConcurrentHashMap<>();

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

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    LoggedRequest request = serveEvent.getRequest();
    String url = request.getUrl();
    String path = url.indexOf('?') < 0 ? url : url.substring(0, url.indexOf('?'));
    if (!path.equals(Sandbox.REGISTER_PATH) || !request.getMethod().equals(RequestMethod.POST)) {
      return notServed(request, path);
    }
    received.increment();
    return register(request, path);
  }

  private ResponseDefinition register(LoggedRequest request, String path) {
    byte[] body = request.getBody();
    JsonNode tree = null;
    if (body != null && body.length > 0) {
      try {
        tree = json.readTree(body);
      } catch (JsonProcessingException e) {
        return rejection(INVALID_REQUEST, "Invalid request: the body is not valid JSON: " + describe(e));
      } catch (IOException e) {
        throw new UncheckedIOException(e); // reading from a byte array: does not happen
      }
    }

    List<String> problems = new ArrayList<>();
    for (ContractCheck.Problem problem : contract.specProblems(Request.Method.POST, path, headers(request), body)) {
      problems.add(problem.line());
    }
    problems.addAll(ContractCheck.platformRuleProblems(tree));
    if (problems.isEmpty() && tree == null) {
      problems.add("$: the body is empty"); // the spec requires a body, so the validator says so first
    }
    if (!problems.isEmpty()) {
      return rejection(INVALID_REQUEST, "Invalid request: " + join(problems));
    }

    Map<String, String> fields = fields(tree);
    String fullName = fields.getOrDefault("fullname", "");
    String mobile = fields.getOrDefault("mobile", "");
    String email = fields.getOrDefault("email", "");

    // The documented triggers (Sandbox.triggers()), first match wins.
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
    boolean knownPath = path.equals(Sandbox.REGISTER_PATH);
    int status = knownPath ? 405 : 404;
    String text = status + (knownPath ? " Method Not Allowed" : " Not Found") + " (huiyi31 sandbox): "
        + request.getMethod().getName() + " " + path + " is not an operation of the contract. The sandbox serves POST "
        + Sandbox.REGISTER_PATH + ".\n";
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
