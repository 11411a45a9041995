package com.huiyi31.sandbox;

import static com.huiyi31.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolverFactory;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.huiyi31.sandbox.junit.Huiyi31SandboxExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A key the contract does not declare is treated as the contract says: refused in the JSON
 * request bodies ({@code additionalProperties: false}, a Decision in the spec), ignored in the
 * token form (left open). Atlassian's validator, reading the spec exactly as written (without its
 * own default of treating every schema as closed), agrees with the sandbox on every case. (The
 * sandbox comes from its JUnit extension: each test starts with no registrations.)
 */
@ExtendWith(Huiyi31SandboxExtension.class)
class UndeclaredKeysTest {

  private static Huiyi31Sandbox sandbox;
  private static SandboxHttp http;
  private static OpenApiInteractionValidator specAsWritten;

  @BeforeAll
  static void start(Huiyi31Sandbox started) throws IOException {
    sandbox = started;
    http = new SandboxHttp(sandbox);
    try (InputStream spec = UndeclaredKeysTest.class.getResourceAsStream("/huiyi31/openapi.yaml")) {
      specAsWritten = OpenApiInteractionValidator.createForInlineApiSpecification(
              new String(spec.readAllBytes(), StandardCharsets.UTF_8))
          .withLevelResolver(LevelResolverFactory.withAdditionalPropertiesIgnored())
          .build();
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "top level, a misspelt key | Mobil      | \"BventId\":              | \"Mobil\": \"13912345678\", \"BventId\":",
      "camelCase for PascalCase  | bventId    | \"BventId\":              | \"bventId\": \"x\", \"BventId\":",
      "in Attendee               | Nickname   | \"Fields\":               | \"Nickname\": \"x\", \"Fields\":",
      "in a form field           | Field_Name | \"FieldName\": \"Company\" | \"FieldName\": \"Company\", \"Field_Name\": \"x\"",
      "in a ticket item          | ItemSku    | \"Quantity\": 1           | \"Quantity\": 1, \"ItemSku\": \"x\""})
  void anUndeclaredKeyInARegisterBodyIsRefusedNamingIt(String where, String undeclared, String before, String after) {
    String body = SandboxTest.docsRequest().replaceFirst(Pattern.quote(before), Matcher.quoteReplacement(after));
    assertThat(body).as("the key was added").contains("\"" + undeclared + "\"");

    JsonNode answer = json(http.register(body));

    assertThat(answer.path("businessCode").asInt()).isEqualTo(Huiyi31Sandbox.INVALID_REQUEST_CODE);
    assertThat(answer.path("businessMessage").asText()).startsWith("Invalid request: ")
        .contains("not allowed", "\"" + undeclared + "\"");
    assertThat(errors(Huiyi31Sandbox.REGISTER_PATH, "application/json", body, null))
        .as("the spec as written").anySatisfy(message -> assertThat(message).contains("\"" + undeclared + "\""));
    assertThat(sandbox.registrations()).isEmpty();
  }

  @Test
  void theDocumentedRequestHasNoUndeclaredKeyAndIsAccepted() {
    JsonNode answer = json(http.register(SandboxTest.docsRequest()));

    assertThat(answer.path("businessCode").asInt()).isZero();
    assertThat(errors(Huiyi31Sandbox.REGISTER_PATH, "application/json", SandboxTest.docsRequest(), null)).isEmpty();
  }

  @Test
  void anUndeclaredKeyInATypeListBodyIsRefused() {
    String body = "{\"BventId\": \"" + Huiyi31Sandbox.DEMO_EVENT_ID + "\", \"PageSize\": 10}";

    JsonNode answer = json(http.post(Huiyi31Sandbox.LIST_TYPES_PATH, "application/json", body, "Bearer " + http.demoTokens()[0]));

    assertThat(answer.path("businessCode").asInt()).isEqualTo(Huiyi31Sandbox.INVALID_REQUEST_CODE);
    assertThat(answer.path("businessMessage").asText()).contains("not allowed", "\"PageSize\"");
    assertThat(errors(Huiyi31Sandbox.LIST_TYPES_PATH, "application/json", body, "Bearer x")).isNotEmpty();
  }

  @Test
  void anUndeclaredParameterInTheTokenFormIsIgnored() {
    Map<String, String> form = SandboxHttp.appCredentials(Huiyi31Sandbox.DEMO_APP_KEY, Huiyi31Sandbox.DEMO_APP_SECRET);
    form.put("response_type", "token");
    String encoded = "grant_type=custom_user_code&client_id=openapi&scope=offline_access%20OpenAppGateway"
        + "&method=client_secret&appKey=" + Huiyi31Sandbox.DEMO_APP_KEY + "&appSecret=" + Huiyi31Sandbox.DEMO_APP_SECRET
        + "&response_type=token";

    JsonNode answer = json(http.token(form));

    assertThat(answer.path("access_token").asText()).isNotEmpty();
    assertThat(errors(Huiyi31Sandbox.TOKEN_PATH, "application/x-www-form-urlencoded", encoded, null))
        .as("the spec as written").isEmpty();
  }

  @Test
  void theSpecSaysWhyRequestsAreClosedAndResponsesOpen() throws IOException {
    JsonNode schemas;
    try (InputStream spec = UndeclaredKeysTest.class.getResourceAsStream("/huiyi31/openapi.yaml")) {
      schemas = new YAMLMapper().readTree(spec).path("components").path("schemas");
    }

    for (String request : new String[] {"RegisterAttendeeRequest", "AttendeeForm", "FormField", "Purchaser", "TicketItem",
        "AgendaChoice", "ListAttendeeTypesRequest"}) {
      assertThat(schemas.path(request).path("additionalProperties").isBoolean()).as(request).isTrue();
      assertThat(schemas.path(request).path("additionalProperties").booleanValue()).as(request).isFalse();
      assertThat(schemas.path(request).path("description").asText()).as(request).contains("**Decision (undeclared keys):**");
    }
    assertThat(schemas.path("RegisterAttendeeRequest").path("description").asText())
        .contains("ignores keys it does not know", "Responses stay open");
    for (String open : new String[] {"TokenRequest", "RegisterAttendeeResponse", "RegistrationOrder", "ListAttendeeTypesResponse"}) {
      assertThat(schemas.path(open).has("additionalProperties")).as(open).isFalse();
    }
  }

  /** The errors Atlassian's validator finds in a POST, reading the spec as written. */
  private static List<String> errors(String path, String contentType, String body, String authorization) {
    SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.POST, path).withContentType(contentType)
        .withBody(body, StandardCharsets.UTF_8);
    if (authorization != null) {
      request.withAuthorization(authorization);
    }
    return specAsWritten.validateRequest(request.build()).getMessages().stream()
        .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
        .map(ValidationReport.Message::getMessage)
        .toList();
  }
}
