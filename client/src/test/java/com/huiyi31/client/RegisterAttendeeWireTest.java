package com.huiyi31.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.huiyi31.client.Fixtures.REGISTERED_JSON;
import static com.huiyi31.client.Fixtures.REGISTER_PATH;
import static com.huiyi31.client.Fixtures.validRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.huiyi31.client.model.OrderAttendee;
import com.huiyi31.client.model.RegisterAttendeeResponse;
import com.huiyi31.client.model.RegistrationOrder;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A successful registration: what the client sends, and what it makes of the answer. */
class RegisterAttendeeWireTest {

  @RegisterExtension
  static PlatformStub platform = new PlatformStub();

  @BeforeEach
  void setUp() {
    platform.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withHeader("X-Request-Id", "req-7f3a9c")
        .withBody(REGISTERED_JSON)));
  }

  private LoggedRequest onlyRequest() {
    platform.verify(1, postRequestedFor(urlEqualTo(REGISTER_PATH)));
    assertThat(platform.getAllServeEvents()).hasSize(1);
    return platform.getAllServeEvents().get(0).getRequest();
  }

  private static JsonNode bodyOf(LoggedRequest request) throws IOException {
    return new ObjectMapper().readTree(request.getBody());
  }

  @Test
  void successEnvelopeIsDecodedIntoTheOrder() {
    RegisterAttendeeResponse response = platform.attendees().registerAttendee(validRequest());

    assertThat(response.getBusinessCode()).isZero();
    assertThat(response.getBusinessMessage()).isEmpty();
    RegistrationOrder order = response.getData();
    assertThat(order.getStatus()).isZero();
    assertThat(order.getOrderId()).isEqualTo("b0e50000-6b13-9276-9e47-08d99f646f52");
    assertThat(order.getOrderNo()).isEqualTo("2111041526362863634");
    assertThat(order.getOrderStatus()).isEqualTo("Paid");
    assertThat(order.getOrderAmount()).isEqualByComparingTo(new BigDecimal("0.00"));
    assertThat(order.getOrderType()).isEqualTo("Main");
    assertThat(order.getOrderAttendees()).hasSize(1);
    OrderAttendee attendee = order.getOrderAttendees().get(0);
    assertThat(attendee.getAttendeeId()).isEqualTo("b0e50000-6b13-9276-9e9a-08d99f646f52");
    assertThat(attendee.getAttendeeAbstractType()).isZero();
    assertThat(attendee.getName()).isEqualTo("张晓明");
    assertThat(attendee.getMobile()).isEqualTo("13912345678");
    assertThat(attendee.getStatus()).isEmpty();
    assertThat(attendee.getCheckinCode()).isEqualTo("1475765432202956800");
  }

  @Test
  void orderAmountIsReadAsAnExactDecimal() {
    platform.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse().withStatus(200).withBody(
        "{\"businessCode\":0,\"data\":{\"orderAmount\":12345678901234567.10}}")));

    BigDecimal amount = platform.attendees().registerAttendee(validRequest()).getData().getOrderAmount();

    assertThat(amount).isEqualByComparingTo(new BigDecimal("12345678901234567.10"));
  }

  @Test
  void exactlyOnePostIsSentToTheRegisterPath() {
    platform.attendees().registerAttendee(validRequest());

    LoggedRequest request = onlyRequest();
    assertThat(request.getMethod()).isEqualTo(RequestMethod.POST);
    assertThat(request.getUrl()).isEqualTo(REGISTER_PATH);
  }

  @Test
  void requestBodyHasThePascalCaseKeysOfTheContractAndNothingElse() throws IOException {
    platform.attendees().registerAttendee(validRequest());

    JsonNode body = bodyOf(onlyRequest());
    assertThat(fieldNames(body)).containsExactlyInAnyOrder("BventId", "AttendeeTypeId", "Attendee", "Items");
    assertThat(body.get("BventId").asText()).isEqualTo(Fixtures.EVENT_ID);
    assertThat(body.get("AttendeeTypeId").asText()).isEqualTo(Fixtures.ATTENDEE_TYPE_ID);
    assertThat(fieldNames(body.get("Attendee"))).containsExactly("Fields");
    JsonNode fields = body.get("Attendee").get("Fields");
    assertThat(fields).hasSize(3);
    assertThat(fieldNames(fields.get(0))).containsExactlyInAnyOrder("FieldName", "FieldValue");
    assertThat(fields.get(1).get("FieldName").asText()).isEqualTo("Mobile");
    assertThat(fields.get(1).get("FieldValue").asText()).isEqualTo(Fixtures.MOBILE);
    JsonNode item = body.get("Items").get(0);
    assertThat(fieldNames(item)).containsExactlyInAnyOrder("ItemSkuId", "ItemSkuName", "Quantity");
  }

  @Test
  void quantityIsSentAsAJsonNumber() throws IOException {
    platform.attendees().registerAttendee(validRequest());

    LoggedRequest request = onlyRequest();
    JsonNode quantity = bodyOf(request).get("Items").get(0).get("Quantity");
    assertThat(quantity.isIntegralNumber()).as("Quantity is a JSON number, not a string").isTrue();
    assertThat(quantity.intValue()).isEqualTo(1);
    assertThat(new String(request.getBody(), StandardCharsets.UTF_8)).contains("\"Quantity\":1");
  }

  @Test
  void unsetOptionalFieldsAreLeftOutNotSentAsNull() throws IOException {
    platform.attendees().registerAttendee(validRequest());

    LoggedRequest request = onlyRequest();
    JsonNode body = bodyOf(request);
    assertThat(body.has("Purchaser")).isFalse();
    assertThat(body.has("InvitationCode")).isFalse();
    assertThat(body.has("Agendas")).isFalse();
    assertThat(nullValuePaths(body, "$")).isEmpty();
    assertThat(new String(request.getBody(), StandardCharsets.UTF_8)).doesNotContain("null");
  }

  @Test
  void chineseTextArrivesIntactAsUtf8() throws IOException {
    platform.attendees().registerAttendee(validRequest());

    LoggedRequest request = onlyRequest();
    String raw = new String(request.getBody(), StandardCharsets.UTF_8);
    assertThat(raw).contains("\"FieldValue\":\"张晓明\"").contains("\"ItemSkuName\":\"嘉宾\"");
    assertThat(raw).doesNotContain("\\u");
    assertThat(bodyOf(request).get("Attendee").get("Fields").get(0).get("FieldValue").asText()).isEqualTo("张晓明");
  }

  @Test
  void contentTypeIsJsonWithUtf8Charset() {
    platform.attendees().registerAttendee(validRequest());

    LoggedRequest request = onlyRequest();
    List<String> contentTypes = request.getHeaders().getHeader("Content-Type").values();
    assertThat(contentTypes).hasSize(1);
    assertThat(contentTypes.get(0).replace(" ", "").toLowerCase(Locale.ROOT))
        .isEqualTo("application/json;charset=utf-8");
  }

  @Test
  void acceptHeaderIncludesJson() {
    platform.attendees().registerAttendee(validRequest());

    // Feign's contract parsing prepends "*/*" to the generated "Accept: application/json".
    assertThat(onlyRequest().getHeader("Accept")).contains("application/json");
  }

  @Test
  void noAuthorizationHeaderIsSent() {
    platform.attendees().registerAttendee(validRequest());

    LoggedRequest request = onlyRequest();
    assertThat(request.containsHeader("Authorization")).isFalse();
    assertThat(request.containsHeader("Cookie")).isFalse();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.properties().forEach(e -> names.add(e.getKey()));
    return names;
  }

  private static List<String> nullValuePaths(JsonNode node, String path) {
    List<String> found = new ArrayList<>();
    if (node.isNull()) {
      found.add(path);
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        found.addAll(nullValuePaths(e.getValue(), path + "." + e.getKey()));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        found.addAll(nullValuePaths(node.get(i), path + "[" + i + "]"));
      }
    }
    return found;
  }
}
