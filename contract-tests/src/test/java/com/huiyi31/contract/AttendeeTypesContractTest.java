package com.huiyi31.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.huiyi31.client.Huiyi31BusinessException;
import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.Huiyi31Exception;
import com.huiyi31.client.model.AttendeeType;
import com.huiyi31.client.model.AttendeeTypeTicket;
import com.huiyi31.client.model.FormFieldDefinition;
import com.huiyi31.client.model.ListAttendeeTypesRequest;
import com.huiyi31.client.model.ListAttendeeTypesResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every recorded answer of the attendee-type list (recorded/attendee-types/) and of the token
 * issuer (recorded/token/), sent through the real client: the request sent is the recorded one,
 * every exchange is valid against the spec (or, for a case off the contract on purpose, the
 * validator says so), and the answer decodes to what it shows.
 */
class AttendeeTypesContractTest {

  static final String LIST_PATH = "/op/api/AttendeeType/v1/list";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(WireMockConfiguration.wireMockConfig().dynamicPort())
      .build();

  static List<RecordedCase> typeCases() {
    return RecordedCase.all("attendee-types");
  }

  static List<RecordedCase> tokenCases() {
    return RecordedCase.all("token");
  }

  @Test
  void theRecordingsCoverTheDocsAndTheVariants() {
    assertThat(typeCases()).extracting(RecordedCase::name).containsExactlyInAnyOrder(
        "attendee-types/docs-example", "attendee-types/types-with-traps", "attendee-types/pascal-case-keys",
        "attendee-types/unknown-event");
    assertThat(tokenCases()).extracting(RecordedCase::name).containsExactlyInAnyOrder(
        "token/issued", "token/refused-invalid-grant");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("typeCases")
  void eachTypeListCaseIsSentAsRecordedAndKeepsTheContract(RecordedCase recorded) throws IOException {
    ListAttendeeTypesRequest request = RecordedCase.STRICT.treeToValue(recorded.requestJson(), ListAttendeeTypesRequest.class);
    Object outcome = replay(recorded, request);

    ServeEvent list = exchange(LIST_PATH);
    assertThat(RecordedCase.STRICT.readTree(list.getRequest().getBody())).isEqualTo(recorded.requestJson());
    assertThat(list.getRequest().getHeader("Authorization")).isEqualTo("Bearer demo-access-token");
    assertThat(SpecValidator.INSTANCE.validateRequest(list.getRequest()).hasErrors()).isFalse();
    ValidationReport answer = SpecValidator.INSTANCE.validate(list.getRequest(), list.getResponse());
    if (recorded.offContract().isPresent()) {
      assertThat(answer.hasErrors()).as("the validator agrees the case is off the contract").isTrue();
      assertThat(outcome).as("and the client reads it anyway").isInstanceOf(ListAttendeeTypesResponse.class);
    } else {
      assertThat(answer.hasErrors()).as(SpecValidator.describe(answer)).isFalse();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tokenCases")
  void eachTokenCaseKeepsTheContract(RecordedCase recorded) {
    serveToken(recorded);
    wm.stubFor(post(urlPathEqualTo(LIST_PATH)).willReturn(json(200, RecordedCase.named("attendee-types/docs-example"))));
    try (Huiyi31Client client = client()) {
      client.attendeeTypes().listAttendeeTypes(new ListAttendeeTypesRequest().bventId("e"));
    } catch (Huiyi31Exception expectedForARefusal) {
      assertThat(recorded.status()).isEqualTo(400);
    }
    ServeEvent token = exchange("/connect/token");
    ValidationReport report = SpecValidator.INSTANCE.validate(token.getRequest(), token.getResponse());
    assertThat(report.hasErrors()).as(SpecValidator.describe(report)).isFalse();
  }

  @Test
  void theDocsExampleDecodesToItsTypeTicketAgendasAndFields() {
    ListAttendeeTypesResponse answer = (ListAttendeeTypesResponse) replay(RecordedCase.named("attendee-types/docs-example"),
        new ListAttendeeTypesRequest().bventId("07320000-fe25-16f7-4c65-08d9fb59aefd"));

    AttendeeType guest = answer.getData().getAttendeeTypes().get(0);
    assertThat(guest.getId()).isEqualTo("51f10000-4961-fe41-aba5-08dc70ba48eb");
    assertThat(guest.getName()).isEqualTo("嘉宾");
    AttendeeTypeTicket ticket = guest.getTickets().get(0);
    assertThat(ticket.getName()).isEqualTo("嘉宾票");
    assertThat(ticket.getIsCanSale()).isTrue();
    assertThat(ticket.getRelationAgendasTree()).extracting("agendaId")
        .containsExactly("51f10000-4961-fe41-c8a2-08dc70ba4988", "51f10000-4961-fe41-c8b0-08dc70ba4988");
    assertThat(ticket.getRelationAgendasTree()).extracting("skuId").containsOnly(ticket.getId());
    assertThat(guest.getFields()).extracting(FormFieldDefinition::getFieldName)
        .containsExactly("FullName", "CheckinCode", "Mobile", "Email", "Company", "Position", "StringField1");
    FormFieldDefinition choice = guest.getFields().get(6);
    assertThat(choice.getDisplayName()).isEqualTo("单选选择");
    assertThat(choice.getFieldOptions()).extracting("code", "optionDescribe")
        .containsExactly(org.assertj.core.groups.Tuple.tuple("0", "单"), org.assertj.core.groups.Tuple.tuple("1", "个"),
            org.assertj.core.groups.Tuple.tuple("2", "选"));
  }

  @Test
  void pascalCaseKeysAndUnknownPropertiesReadTheSame() {
    ListAttendeeTypesResponse answer = (ListAttendeeTypesResponse) replay(
        RecordedCase.named("attendee-types/pascal-case-keys"), new ListAttendeeTypesRequest().bventId("e"));

    AttendeeType guest = answer.getData().getAttendeeTypes().get(0);
    assertThat(guest.getName()).isEqualTo("嘉宾");
    assertThat(guest.getTickets().get(0).getIsCanSale()).isTrue();
    assertThat(guest.getTickets().get(0).getRelationAgendasTree().get(0).getAgendaId())
        .isEqualTo("51f10000-4961-fe41-c8a2-08dc70ba4988");
    assertThat(guest.getFields().get(2).getFieldOptions().get(0).getCode()).isEqualTo("0");
  }

  @Test
  void anUnknownEventIsABusinessRejection() {
    Object outcome = replay(RecordedCase.named("attendee-types/unknown-event"),
        new ListAttendeeTypesRequest().bventId("00000000-0000-0000-0000-000000000000"));

    assertThat(outcome).isInstanceOfSatisfying(Huiyi31BusinessException.class, e -> {
      assertThat(e.businessCode()).isEqualTo(40004);
      assertThat(e.getMessage()).contains("会议不存在");
    });
  }

  @Test
  void theDocsRecordingsAreTheSpecsOwnExamples() throws IOException {
    JsonNode examples;
    try (InputStream in = getClass().getResourceAsStream("/huiyi31/openapi.yaml")) {
      examples = new ObjectMapper(new YAMLFactory()).readTree(in).path("components").path("examples");
    }
    RecordedCase docs = RecordedCase.named("attendee-types/docs-example");
    assertThat(docs.requestJson()).isEqualTo(examples.path("ListAttendeeTypesRequestDocs").path("value"));
    assertThat(RecordedCase.STRICT.readTree(docs.responseBody())).isEqualTo(examples.path("ListAttendeeTypesDocs").path("value"));
    assertThat(RecordedCase.STRICT.readTree(RecordedCase.named("token/issued").responseBody()))
        .isEqualTo(examples.path("TokenIssued").path("value"));
    assertThat(RecordedCase.STRICT.readTree(RecordedCase.named("token/refused-invalid-grant").responseBody()))
        .isEqualTo(examples.path("TokenRefusedInvalidGrant").path("value"));
  }

  // ---- helpers ----

  /** The answer or the exception of one list call against the recorded answer. */
  private static Object replay(RecordedCase recorded, ListAttendeeTypesRequest request) {
    wm.resetAll();
    serveToken(RecordedCase.named("token/issued"));
    wm.stubFor(post(urlPathEqualTo(LIST_PATH)).willReturn(json(recorded.status(), recorded)));
    try (Huiyi31Client client = client()) {
      return client.attendeeTypes().listAttendeeTypes(request);
    } catch (Huiyi31Exception e) {
      return e;
    }
  }

  private static Huiyi31Client client() {
    return Huiyi31Client.builder().baseUrl(wm.baseUrl()).credentials("demo-app-key", "demo-app-secret").build();
  }

  private static void serveToken(RecordedCase recorded) {
    wm.stubFor(post(urlPathEqualTo("/connect/token")).willReturn(json(recorded.status(), recorded)));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, RecordedCase recorded) {
    return aResponse().withStatus(status).withHeader("Content-Type", recorded.contentType())
        .withBody(new String(recorded.responseBody(), StandardCharsets.UTF_8));
  }

  private static ServeEvent exchange(String path) {
    List<ServeEvent> events = wm.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith(path)).toList();
    assertThat(events).as("requests to " + path).hasSize(1);
    return events.get(0);
  }
}
