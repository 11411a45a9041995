package com.huiyi31.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /op/notoken/api/Attendee/v1/Register}: checks the body (contract, platform rules,
 * the demo event's forms), answers the documented triggers ({@link Huiyi31Sandbox#triggers()}),
 * and otherwise registers: a success in the shape of the platform's documented example, with
 * fresh ids, and the request kept in {@link Registrations}.
 */
final class RegisterEndpoint implements SandboxServer.Endpoint {

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

  private static final byte[] GATEWAY_500_PAGE = resource("/sandbox/gateway-500.html");

  private final BodyCheck check;
  private final Registrations registrations;
  private final FreshIds ids = new FreshIds(Clock.systemUTC());
  private final DemoEvent demo = DemoEvent.shared();

  RegisterEndpoint(BodyCheck check, Registrations registrations) {
    this.check = check;
    this.registrations = registrations;
  }

  @Override
  public Answer answer(Received request) {
    BodyCheck.Checked checked = check.check(request, true);
    if (checked.rejection() != null) {
      return checked.rejection();
    }
    try {
      Registrations.decode(request.body()); // what registrations() hands out must decode: check it now
    } catch (JsonProcessingException e) {
      return BodyCheck.invalid("the body does not decode as a RegisterAttendeeRequest: " + BodyCheck.describe(e))
          .rejection();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading from a byte array: does not happen
    }
    JsonNode tree = checked.tree();

    // For the demo event: its types, tickets, sessions, form fields and option codes.
    List<DemoEvent.Refusal> refusals = demo.problemsOf(tree, List.of(SOLD_OUT_SKU));
    if (!refusals.isEmpty()) {
      return JsonAnswers.rejection(refusals.get(0).code(),
          BodyCheck.join(refusals.stream().map(DemoEvent.Refusal::message).toList()));
    }

    Map<String, String> fields = fields(tree);
    String fullName = fields.getOrDefault("fullname", "");
    String mobile = fields.getOrDefault("mobile", "");
    String email = fields.getOrDefault("email", "");

    // The documented triggers (Huiyi31Sandbox.triggers()), first match wins.
    if (fullName.equals(NAME_HTTP_500)) {
      return Answer.html(500, GATEWAY_500_PAGE);
    }
    if (mobile.strip().endsWith(MOBILE_TAKEN_SUFFIX)) {
      return JsonAnswers.rejection(MOBILE_TAKEN, MOBILE_TAKEN_MESSAGE);
    }
    if (email.strip().toLowerCase(Locale.ROOT).endsWith(EMAIL_TAKEN_DOMAIN)) {
      return JsonAnswers.rejection(EMAIL_TAKEN, EMAIL_TAKEN_MESSAGE);
    }
    for (JsonNode item : tree.path("Items")) {
      if (SOLD_OUT_SKU.equals(item.path("ItemSkuId").textValue())) {
        return JsonAnswers.rejection(SOLD_OUT, SOLD_OUT_MESSAGE);
      }
    }

    // Registered when received, as on the platform: a SLOW order exists even if the client gave up waiting.
    registrations.add(request.body());
    Answer success = JsonAnswers.success(order(fullName, mobile));
    return fullName.equals(NAME_SLOW) ? success.delayedBy(SLOW_MILLIS) : success;
  }

  /** The order of a successful registration, in the shape of the platform's documented example. */
  private ObjectNode order(String fullName, String mobile) {
    ObjectNode order = JsonAnswers.object();
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
    return order;
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

  private static byte[] resource(String name) {
    try (InputStream in = RegisterEndpoint.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
