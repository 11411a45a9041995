package com.huiyi31.sandbox;

import static com.huiyi31.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.huiyi31.client.Huiyi31AuthenticationException;
import com.huiyi31.client.Huiyi31BusinessException;
import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.model.AttendeeType;
import com.huiyi31.client.model.ListAttendeeTypesRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sandbox's token issuer and the demo event's type list: raw HTTP, and through the real client. */
class SandboxTokenAndTypesTest {

  private static final String OTHER_EVENT = "07320000-0000-0000-0000-000000000000";

  /** The sandbox's clock: tests move it forward instead of waiting. */
  private static final AtomicLong NOW = new AtomicLong(1_000_000_000L);
  private static Huiyi31Sandbox sandbox;
  private static SandboxHttp http;

  @BeforeAll
  static void start() {
    sandbox = Huiyi31Sandbox.start(0, NOW::get, new Registrations());
    http = new SandboxHttp(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  // --- POST /connect/token -------------------------------------------------------------------

  @Test
  void theDemoCredentialsGetFreshBearerTokensFor600Seconds() {
    HttpResponse<String> first = http.token(Huiyi31Sandbox.DEMO_APP_KEY, Huiyi31Sandbox.DEMO_APP_SECRET);
    HttpResponse<String> second = http.token(Huiyi31Sandbox.DEMO_APP_KEY, Huiyi31Sandbox.DEMO_APP_SECRET);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-store");
    JsonNode a = json(first);
    JsonNode b = json(second);
    assertThat(a.path("expires_in").asInt()).isEqualTo(600);
    assertThat(a.path("token_type").asText()).isEqualTo("Bearer");
    assertThat(a.path("scope").asText()).isEqualTo("offline_access OpenAppGateway");
    assertThat(a.path("access_token").asText()).matches("[A-Za-z0-9_-]{40,}");
    assertThat(a.path("refresh_token").asText()).matches("[A-Za-z0-9_-]{40,}");
    assertThat(b.path("access_token").asText()).isNotEqualTo(a.path("access_token").asText());
    assertThat(b.path("refresh_token").asText()).isNotEqualTo(a.path("refresh_token").asText());
  }

  @Test
  void aWrongSecretOrKeyIsInvalidGrantAndTheAnswerDoesNotEchoIt() {
    HttpResponse<String> wrongSecret = http.token(Huiyi31Sandbox.DEMO_APP_KEY, "guessed-secret-123");
    HttpResponse<String> wrongKey = http.token("someone-else", Huiyi31Sandbox.DEMO_APP_SECRET);

    for (HttpResponse<String> refused : List.of(wrongSecret, wrongKey)) {
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(json(refused).path("error").asText()).isEqualTo("invalid_grant");
      assertThat(json(refused).path("error_description").asText()).contains("invalid appKey or appSecret");
      assertThat(refused.body()).doesNotContain("guessed-secret-123").doesNotContain(Huiyi31Sandbox.DEMO_APP_SECRET);
    }
  }

  @Test
  void aRefreshTokenGetsNewTokensOnceAndTheNewAccessTokenWorks() {
    String[] tokens = http.demoTokens();

    HttpResponse<String> refreshed = http.refresh(tokens[1]);
    HttpResponse<String> again = http.refresh(tokens[1]);

    assertThat(refreshed.statusCode()).isEqualTo(200);
    JsonNode answer = json(refreshed);
    assertThat(answer.path("access_token").asText()).isNotEqualTo(tokens[0]);
    assertThat(answer.path("refresh_token").asText()).isNotEqualTo(tokens[1]).isNotEmpty();
    assertThat(answer.path("expires_in").asInt()).isEqualTo(600);
    assertThat(http.listTypes(Huiyi31Sandbox.DEMO_EVENT_ID, "Bearer " + answer.path("access_token").asText()).statusCode())
        .isEqualTo(200);
    assertThat(again.statusCode()).as("a used refresh token").isEqualTo(400);
    assertThat(json(again).path("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void anUnknownRefreshTokenIsInvalidGrant() {
    HttpResponse<String> refused = http.refresh("never-issued");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(json(refused).path("error").asText()).isEqualTo("invalid_grant");
    assertThat(json(refused).path("error_description").asText()).contains("refresh_token");
  }

  @Test
  void malformedTokenRequestsGetTheMatchingOAuthError() {
    Map<String, String> otherGrant = SandboxHttp.appCredentials(Huiyi31Sandbox.DEMO_APP_KEY, Huiyi31Sandbox.DEMO_APP_SECRET);
    otherGrant.put("grant_type", "password");
    Map<String, String> otherClient = SandboxHttp.appCredentials(Huiyi31Sandbox.DEMO_APP_KEY, Huiyi31Sandbox.DEMO_APP_SECRET);
    otherClient.put("client_id", "web");
    Map<String, String> noSecret = SandboxHttp.appCredentials(Huiyi31Sandbox.DEMO_APP_KEY, Huiyi31Sandbox.DEMO_APP_SECRET);
    noSecret.remove("appSecret");

    assertThat(json(http.token(otherGrant)).path("error").asText()).isEqualTo("unsupported_grant_type");
    assertThat(json(http.token(otherClient)).path("error").asText()).isEqualTo("invalid_client");
    JsonNode missing = json(http.token(noSecret));
    assertThat(missing.path("error").asText()).isEqualTo("invalid_request");
    assertThat(missing.path("error_description").asText()).contains("appSecret is missing");
    HttpResponse<String> asJson = http.post(Huiyi31Sandbox.TOKEN_PATH, "application/json", "{\"grant_type\":\"custom_user_code\"}", null);
    assertThat(asJson.statusCode()).isEqualTo(400);
    assertThat(json(asJson).path("error").asText()).isEqualTo("invalid_request");
  }

  @Test
  void theFormsFixedValuesOtherThanTheContractsAreRefusedAsAnIssuerWould() {
    Map<String, String> otherScope = SandboxHttp.appCredentials(Huiyi31Sandbox.DEMO_APP_KEY, Huiyi31Sandbox.DEMO_APP_SECRET);
    otherScope.put("scope", "offline_access");
    Map<String, String> gatewayOnly = SandboxHttp.appCredentials(Huiyi31Sandbox.DEMO_APP_KEY, Huiyi31Sandbox.DEMO_APP_SECRET);
    gatewayOnly.put("scope", "OpenAppGateway");
    Map<String, String> otherMethod = SandboxHttp.appCredentials(Huiyi31Sandbox.DEMO_APP_KEY, Huiyi31Sandbox.DEMO_APP_SECRET);
    otherMethod.put("method", "client-secret");

    assertThat(json(http.token(otherScope)).path("error").asText()).isEqualTo("invalid_scope");
    // The contract's scope is the docs' exact value (TokenScope, one value): anything else breaks it.
    JsonNode notTheContracts = json(http.token(gatewayOnly));
    assertThat(notTheContracts.path("error").asText()).isEqualTo("invalid_request");
    assertThat(notTheContracts.path("error_description").asText()).contains("breaks the contract", "scope");
    JsonNode method = json(http.token(otherMethod));
    assertThat(method.path("error").asText()).isEqualTo("invalid_request");
    assertThat(method.path("error_description").asText()).contains("breaks the contract", "method");
  }

  // --- POST /op/api/AttendeeType/v1/list -------------------------------------------------------

  @Test
  void theDemoEventsTypesAreTheResourceFilesAndTheDocsExampleFirst() throws IOException {
    HttpResponse<String> answer = http.listTypes(Huiyi31Sandbox.DEMO_EVENT_ID, "Bearer " + http.demoTokens()[0]);

    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode body = json(answer);
    assertThat(body.path("businessCode").asInt()).isZero();
    JsonNode types = body.path("data").path("attendeeTypes");
    assertThat(types).isEqualTo(demoFile().path("attendeeTypes"));
    assertThat(types.get(0)).as("嘉宾, exactly the platform's documented example")
        .isEqualTo(docsExample().path("data").path("attendeeTypes").get(0));
    assertThat(types.get(1).path("name").asText()).isEqualTo("观众");
    assertThat(types.get(1).path("tickets")).extracting(t -> t.path("isCanSale").asBoolean()).containsExactly(true, false);
    assertThat(types.get(1).path("fields").findValues("optionDescribe")).extracting(JsonNode::asText).containsExactly("男", "女");
  }

  @Test
  void theDemoEventIdIsTheOneInTheResourceFile() throws IOException {
    assertThat(demoFile().path("eventId").asText()).isEqualTo(Huiyi31Sandbox.DEMO_EVENT_ID);
    assertThat(Huiyi31Sandbox.demoTypeNames()).isEqualTo("嘉宾, 观众");
  }

  @Test
  void anotherEventIsABusinessRejectionInChinese() {
    JsonNode body = json(http.listTypes(OTHER_EVENT, "Bearer " + http.demoTokens()[0]));

    assertThat(body.path("businessCode").asInt()).isEqualTo(1010);
    assertThat(body.path("businessMessage").asText()).startsWith("会议不存在").contains(Huiyi31Sandbox.DEMO_EVENT_ID);
    assertThat(body.get("data").isNull()).isTrue();
  }

  @Test
  void withoutATokenOrWithOneItDidNotIssueIts401() {
    HttpResponse<String> none = http.listTypes(Huiyi31Sandbox.DEMO_EVENT_ID, null);
    HttpResponse<String> unknown = http.listTypes(Huiyi31Sandbox.DEMO_EVENT_ID, "Bearer not-a-token-it-issued");
    HttpResponse<String> malformed = http.listTypes(Huiyi31Sandbox.DEMO_EVENT_ID, "Basic c2FuZGJveA==");

    for (HttpResponse<String> refused : List.of(none, unknown, malformed)) {
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
      assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
      assertThat(refused.body()).startsWith("401 Unauthorized (huiyi31 sandbox)").hasLineCount(1);
    }
    assertThat(none.body()).contains("no access token");
    assertThat(unknown.body()).contains("not one this sandbox issued");
    assertThat(malformed.body()).contains("not \"Bearer <access_token>\"");
  }

  @Test
  void anExpiredTokenIs401UntilRefreshed() {
    String[] tokens = http.demoTokens();
    NOW.addAndGet(Duration.ofSeconds(599).toNanos());
    assertThat(http.listTypes(Huiyi31Sandbox.DEMO_EVENT_ID, "Bearer " + tokens[0]).statusCode()).as("599 s old").isEqualTo(200);

    NOW.addAndGet(Duration.ofSeconds(1).toNanos());
    HttpResponse<String> expired = http.listTypes(Huiyi31Sandbox.DEMO_EVENT_ID, "Bearer " + tokens[0]);

    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(expired.body()).contains("expired");
    String fresh = json(http.refresh(tokens[1])).path("access_token").asText();
    assertThat(http.listTypes(Huiyi31Sandbox.DEMO_EVENT_ID, "Bearer " + fresh).statusCode()).isEqualTo(200);
  }

  @Test
  void anInvalidListRequestGetsTheSandboxsInvalidRequestCode() {
    JsonNode body = json(http.post(Huiyi31Sandbox.LIST_TYPES_PATH, "application/json", "{\"BventId\":\"\"}",
        "Bearer " + http.demoTokens()[0]));

    assertThat(body.path("businessCode").asInt()).isEqualTo(400);
    assertThat(body.path("businessMessage").asText()).startsWith("Invalid request: $.BventId");
    assertThat(body.get("data").isNull()).isTrue();
  }

  @Test
  void otherMethodsOnTheNewPathsAre405() throws Exception {
    var get = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(sandbox.baseUrl() + Huiyi31Sandbox.TOKEN_PATH)).GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.body()).contains("POST /connect/token", "POST /op/api/AttendeeType/v1/list");
  }

  // --- through the Java client ------------------------------------------------------------------

  @Test
  void theJavaClientGetsTheTypesWithTheDemoCredentials() {
    try (Huiyi31Client client = Huiyi31Client.builder().baseUrl(sandbox.baseUrl())
        .credentials(Huiyi31Sandbox.DEMO_APP_KEY, Huiyi31Sandbox.DEMO_APP_SECRET).build()) {
      List<AttendeeType> types = client.attendeeTypes()
          .listAttendeeTypes(new ListAttendeeTypesRequest().bventId(Huiyi31Sandbox.DEMO_EVENT_ID)).getData().getAttendeeTypes();

      assertThat(types).extracting(AttendeeType::getName).containsExactly("嘉宾", "观众");
      Huiyi31BusinessException unknown = catchThrowableOfType(Huiyi31BusinessException.class,
          () -> client.attendeeTypes().listAttendeeTypes(new ListAttendeeTypesRequest().bventId(OTHER_EVENT)));
      assertThat(unknown.businessCode()).isEqualTo(1010);
    }
  }

  @Test
  void theJavaClientReportsWrongCredentialsAsAnAuthenticationFailure() {
    try (Huiyi31Client client = Huiyi31Client.builder().baseUrl(sandbox.baseUrl())
        .credentials(Huiyi31Sandbox.DEMO_APP_KEY, "wrong-secret-456").build()) {
      Huiyi31AuthenticationException refused = catchThrowableOfType(Huiyi31AuthenticationException.class,
          () -> client.attendeeTypes().listAttendeeTypes(new ListAttendeeTypesRequest().bventId(Huiyi31Sandbox.DEMO_EVENT_ID)));

      assertThat(refused.error()).isEqualTo("invalid_grant");
      assertThat(refused.getMessage()).doesNotContain("wrong-secret-456");
    }
  }

  private static JsonNode demoFile() throws IOException {
    try (InputStream in = SandboxTokenAndTypesTest.class.getResourceAsStream("/sandbox/demo-event.json")) {
      return SandboxHttp.JSON.readTree(in);
    }
  }

  private static JsonNode docsExample() throws IOException {
    try (InputStream spec = SandboxTokenAndTypesTest.class.getResourceAsStream("/huiyi31/openapi.yaml")) {
      return new YAMLMapper().readTree(spec).path("components").path("examples").path("ListAttendeeTypesDocs").path("value");
    }
  }
}
