package com.huiyi31.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link Huiyi31Sandbox#start(int, Set)}: each {@link Drift} changes its operation's successful
 * answers exactly as documented, and nothing else (refusals and other operations stay as the
 * contract says).
 */
class SandboxDriftTest {

  private static final HttpClient RAW = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String GUEST = "51f10000-4961-fe41-aba5-08dc70ba48eb";
  private static final String GUEST_TICKET = "40180000-300e-9237-c7af-08dc6f31f78c";

  @Test
  void everyDriftAtOnceChangesTheAnswersWhereItsDescriptionSays() throws Exception {
    try (Huiyi31Sandbox sandbox = Huiyi31Sandbox.start(0, EnumSet.allOf(Drift.class))) {
      HttpResponse<String> token = token(sandbox);
      JsonNode issued = SandboxHttp.JSON.readTree(token.body());
      assertThat(issued.path("expires_in").asLong()).isEqualTo(4_102_444_800L);

      HttpResponse<String> list = listTypes(sandbox, issued.path("access_token").asText());
      assertThat(list.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
      JsonNode guest = SandboxHttp.JSON.readTree(list.body()).path("data").path("attendeeTypes").get(0);
      assertThat(guest.path("sortOrder").asInt()).isEqualTo(1);
      JsonNode ticket = guest.path("tickets").get(0);
      assertThat(ticket.has("isCanSale")).isFalse();
      assertThat(ticket.path("IsCanSale").asBoolean()).isTrue();
      JsonNode choice = guest.path("fields").get(6);
      assertThat(choice.has("displayName")).isFalse();
      assertThat(choice.path("fieldName").asText()).isEqualTo("StringField1");
      assertThat(choice.path("fieldOptions").get(1).path("code").isInt()).isTrue();
      assertThat(choice.path("fieldOptions").get(1).path("code").asInt()).isEqualTo(1);

      JsonNode order = SandboxHttp.JSON.readTree(register(sandbox, "13912345678").body()).path("data");
      assertThat(order.path("orderStatus").asText()).isEqualTo("PendingReview");
      assertThat(order.path("orderNo").asText()).matches("[0-9]{19}");
    }
  }

  @Test
  void oneDriftChangesOnlyItsOwnPlace() throws Exception {
    try (Huiyi31Sandbox sandbox = Huiyi31Sandbox.start(0, EnumSet.of(Drift.EXTRA_PROPERTY))) {
      HttpResponse<String> token = token(sandbox);
      SandboxHttp.assertFitsTheContract(Huiyi31Sandbox.TOKEN_PATH, token);
      HttpResponse<String> list = listTypes(sandbox, SandboxHttp.JSON.readTree(token.body()).path("access_token").asText());

      assertThat(list.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
      JsonNode guest = SandboxHttp.JSON.readTree(list.body()).path("data").path("attendeeTypes").get(0);
      assertThat(guest.path("sortOrder").asInt()).isEqualTo(1);
      assertThat(guest.path("tickets").get(0).has("isCanSale")).isTrue();
      assertThat(guest.path("fields").get(6).path("displayName").asText()).isEqualTo("单选选择");
      assertThat(guest.path("fields").get(6).path("fieldOptions").get(0).path("code").isTextual()).isTrue();
      HttpResponse<String> registered = register(sandbox, "13912345678");
      SandboxHttp.assertFitsTheContract(Huiyi31Sandbox.REGISTER_PATH, registered);
      assertThat(SandboxHttp.JSON.readTree(registered.body()).path("data").path("orderStatus").asText()).isEqualTo("Paid");
    }
  }

  @Test
  void refusalsDoNotDrift() throws Exception {
    try (Huiyi31Sandbox sandbox = Huiyi31Sandbox.start(0, EnumSet.allOf(Drift.class))) {
      HttpResponse<String> refused = register(sandbox, "13900000000"); // the 1001 trigger

      SandboxHttp.assertFitsTheContract(Huiyi31Sandbox.REGISTER_PATH, refused);
      assertThat(SandboxHttp.JSON.readTree(refused.body()).path("businessCode").asInt()).isEqualTo(1001);
      assertThat(sandbox.registrations()).isEmpty();
    }
  }

  @Test
  void noDriftIsTheSandboxOfStart() throws Exception {
    try (Huiyi31Sandbox sandbox = Huiyi31Sandbox.start(0, Set.of())) {
      HttpResponse<String> token = token(sandbox);
      SandboxHttp.assertFitsTheContract(Huiyi31Sandbox.TOKEN_PATH, token);
      HttpResponse<String> list = listTypes(sandbox, SandboxHttp.JSON.readTree(token.body()).path("access_token").asText());
      SandboxHttp.assertFitsTheContract(Huiyi31Sandbox.LIST_TYPES_PATH, list);
      assertThat(SandboxHttp.JSON.readTree(list.body()).path("data").path("attendeeTypes"))
          .isEqualTo(DemoEvent.shared().attendeeTypes());
    }
  }

  @Test
  void everyDriftIsDescribedWithItsOperationAndPath() {
    assertThat(Drift.values()).hasSize(7).allSatisfy(drift ->
        assertThat(drift.description()).matches("(requestAccessToken|listAttendeeTypes|registerAttendee): .+"));
    assertThatThrownBy(() -> Huiyi31Sandbox.start(0, null)).isInstanceOf(NullPointerException.class);
  }

  private static HttpResponse<String> token(Huiyi31Sandbox sandbox) throws IOException, InterruptedException {
    String form = "grant_type=custom_user_code&client_id=openapi&scope=offline_access%20OpenAppGateway"
        + "&method=client_secret&appKey=" + Huiyi31Sandbox.DEMO_APP_KEY + "&appSecret=" + Huiyi31Sandbox.DEMO_APP_SECRET;
    return post(sandbox, Huiyi31Sandbox.TOKEN_PATH, "application/x-www-form-urlencoded", form, null);
  }

  private static HttpResponse<String> listTypes(Huiyi31Sandbox sandbox, String token) throws IOException, InterruptedException {
    return post(sandbox, Huiyi31Sandbox.LIST_TYPES_PATH, "application/json",
        "{\"BventId\":\"" + Huiyi31Sandbox.DEMO_EVENT_ID + "\"}", "Bearer " + token);
  }

  private static HttpResponse<String> register(Huiyi31Sandbox sandbox, String mobile) throws IOException, InterruptedException {
    String body = "{\"BventId\":\"" + Huiyi31Sandbox.DEMO_EVENT_ID + "\",\"AttendeeTypeId\":\"" + GUEST + "\","
        + "\"Attendee\":{\"Fields\":[{\"FieldName\":\"FullName\",\"FieldValue\":\"张晓明\"},"
        + "{\"FieldName\":\"Mobile\",\"FieldValue\":\"" + mobile + "\"}]},"
        + "\"Items\":[{\"ItemSkuId\":\"" + GUEST_TICKET + "\",\"ItemSkuName\":\"嘉宾票\",\"Quantity\":1}]}";
    return post(sandbox, Huiyi31Sandbox.REGISTER_PATH, "application/json", body, null);
  }

  private static HttpResponse<String> post(Huiyi31Sandbox sandbox, String path, String contentType, String body,
      String authorization) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response = RAW.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response;
  }
}
