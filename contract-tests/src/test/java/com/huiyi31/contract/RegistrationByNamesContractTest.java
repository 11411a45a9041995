package com.huiyi31.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.huiyi31.client.EventRegistration;
import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.Huiyi31ValidationException;
import com.huiyi31.client.Huiyi31ValidationException.Problem;
import com.huiyi31.client.Registrant;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.client.model.RegisterAttendeeResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code client.registration(eventId)} end to end against the recorded type list
 * {@code attendee-types/types-with-traps}: what a registration by names puts on the wire, and
 * every way a registrant can fail to fit the event, each refused before any Register is sent
 * with a message that says what the event offers instead.
 */
class RegistrationByNamesContractTest {

  static final String EVENT = "07320000-fe25-16f7-4c65-08d9fb59aefd";
  static final String REGISTER_PATH = "/op/notoken/api/Attendee/v1/Register";
  static final String GUEST = "51f10000-4961-fe41-aba5-08dc70ba48eb";
  static final String GUEST_TICKET = "40180000-300e-9237-c7af-08dc6f31f78c";
  static final String AGENDA_1 = "51f10000-4961-fe41-c8a2-08dc70ba4988";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(WireMockConfiguration.wireMockConfig().dynamicPort())
      .build();

  private Huiyi31Client client;
  private EventRegistration event;

  @BeforeEach
  void serve() {
    wm.stubFor(post(urlPathEqualTo("/connect/token")).willReturn(json(RecordedCase.named("token/issued"))));
    wm.stubFor(post(urlPathEqualTo("/op/api/AttendeeType/v1/list"))
        .willReturn(json(RecordedCase.named("attendee-types/types-with-traps"))));
    wm.stubFor(post(urlPathEqualTo(REGISTER_PATH)).willReturn(json(RecordedCase.named("docs-example-registered"))));
    client = Huiyi31Client.builder().baseUrl(wm.baseUrl()).credentials("demo-app-key", "demo-app-secret").build();
    event = client.registration(EVENT);
  }

  @AfterEach
  void everyExchangeKeptTheContract() {
    client.close();
    for (ServeEvent exchange : wm.getAllServeEvents()) {
      ValidationReport report = SpecValidator.INSTANCE.validate(exchange.getRequest(), exchange.getResponse());
      assertThat(report.hasErrors()).as(exchange.getRequest().getUrl() + ": " + SpecValidator.describe(report)).isFalse();
    }
  }

  /** The docs' person, described by labels, names and option text. */
  private static Registrant.Builder guestByNames() {
    return Registrant.builder().type("嘉宾").ticket("嘉宾票")
        .field("姓名", "张晓明").field("手机", "13912345678").field("公司", "示例科技有限公司")
        .field("单选选择", "单").agenda(AGENDA_1);
  }

  @Test
  void namesLabelsAndOptionTextBecomeTheIdsFieldNamesAndCodesOnTheWire() throws Exception {
    RegisterAttendeeResponse answer = event.register(guestByNames().build());

    assertThat(answer.getData().getOrderNo()).isEqualTo("2111041526362863634");
    JsonNode sent = RecordedCase.STRICT.readTree(registerRequests().get(0).getRequest().getBodyAsString());
    assertThat(sent).isEqualTo(RecordedCase.STRICT.readTree("""
        {"BventId": "%s",
         "AttendeeTypeId": "%s",
         "Attendee": {"Fields": [
           {"FieldName": "FullName", "FieldValue": "张晓明"},
           {"FieldName": "Mobile", "FieldValue": "13912345678"},
           {"FieldName": "Company", "FieldValue": "示例科技有限公司"},
           {"FieldName": "StringField1", "FieldValue": "0"}]},
         "Items": [{"ItemSkuId": "%s", "ItemSkuName": "嘉宾票", "Quantity": 1}],
         "Agendas": [{"AgendaId": "%s", "ParentSkuId": "%s"}]}
        """.formatted(EVENT, GUEST, GUEST_TICKET, AGENDA_1, GUEST_TICKET)));
  }

  @Test
  void idsFieldNamesAndCodesWorkToo() {
    RegisterAttendeeRequest byIds = event.prepare(Registrant.builder().type(GUEST).ticket(GUEST_TICKET)
        .field("FullName", "张晓明").field("Mobile", "13912345678").field("StringField1", "0").build());

    assertThat(byIds).isEqualTo(event.prepare(Registrant.builder().type("嘉宾").ticket("嘉宾票")
        .field("姓名", "张晓明").field("手机", "13912345678").field("单选选择", "单").build()));
  }

  @Test
  void forgivingWhereThereIsOnlyOneMeaning() {
    RegisterAttendeeRequest request = event.prepare(Registrant.builder()
        .type(" 嘉宾 ")                        // surrounding spaces
        .field("fullname", "张晓明")           // a field name in another case
        .field("手机", "13912345678")
        .field("会员等级", "gold")              // option text in another case
        .field("公司", "  ")                   // blank: not answered, not sent
        .build());                              // no ticket: the type has one on sale

    assertThat(request.getItems()).singleElement().satisfies(item -> assertThat(item.getItemSkuId()).isEqualTo(GUEST_TICKET));
    assertThat(request.getAttendee().getFields()).extracting("fieldName", "fieldValue").containsExactly(
        org.assertj.core.groups.Tuple.tuple("FullName", "张晓明"),
        org.assertj.core.groups.Tuple.tuple("Mobile", "13912345678"),
        org.assertj.core.groups.Tuple.tuple("StringField4", "g"));
  }

  @Test
  void theTypeListIsLoadedOnceForManyRegistrations() {
    event.register(guestByNames().build());
    event.register(guestByNames().build());
    client.registration(EVENT).register(guestByNames().build());

    assertThat(wm.findAll(postRequestedFor(urlPathEqualTo("/op/api/AttendeeType/v1/list")))).hasSize(1);
    assertThat(registerRequests()).hasSize(3);
  }

  static Stream<Arguments> rejections() {
    return Stream.of(
        rejection("an unknown type, listing the event's types",
            b -> b.type("访客"), "type",
            "\"访客\" is not the name or id of any attendee type of event " + EVENT + "; there are: 嘉宾 [" + GUEST + "], 观众"),
        rejection("a type name shared by two types",
            b -> b.type("观众").ticket(null), "type",
            "\"观众\" names 2 attendee types of event " + EVENT + " (观众 [51f10000-4961-fe41-aba5-08dc70ba0001], "
                + "观众 [51f10000-4961-fe41-aba5-08dc70ba0002]): give the id"),
        rejection("no type, when the event has several",
            b -> b.type(null), "type", "is missing: event " + EVENT + " has 4 attendee types, so name one: 嘉宾 ["),
        rejection("a ticket that is not on sale",
            b -> b.ticket("早鸟票"), "ticket",
            "\"早鸟票\" is not on sale (isCanSale is not true); on sale for attendee type 嘉宾 [" + GUEST + "]: 嘉宾票 ["),
        rejection("an unknown ticket",
            b -> b.ticket("VIP票"), "ticket",
            "\"VIP票\" is not the name or id of any ticket on sale of attendee type 嘉宾 [" + GUEST + "]; there are: 嘉宾票 ["),
        rejection("no ticket, when the type has two on sale",
            b -> b.type("51f10000-4961-fe41-aba5-08dc70ba0001").ticket(null), "ticket",
            "is missing: attendee type 观众 [51f10000-4961-fe41-aba5-08dc70ba0001] has 2 tickets on sale, so name one: "
                + "上午票 [40180000-300e-9237-c7af-08dc6f310001], 下午票 [40180000-300e-9237-c7af-08dc6f310002]"),
        rejection("a type with no ticket on sale",
            b -> b.type("工作人员").ticket(null), "ticket",
            "cannot be chosen: attendee type 工作人员 [51f10000-4961-fe41-aba5-08dc70ba0003] has no tickets on sale"),
        rejection("a field not on the form, listing the form's fields",
            b -> b.field("性别", "男"), "field \"性别\"",
            "is not on the form of attendee type 嘉宾 [" + GUEST + "]; its fields are: 姓名 (FullName), 手机 (Mobile), "
                + "邮箱 (Email), 公司 (Company), 单选选择 (StringField1), 备注 (StringField2), 备注 (StringField3), "
                + "会员等级 (StringField4)"),
        rejection("a label shared by two fields",
            b -> b.field("备注", "素食"), "field \"备注\"",
            "is the label of 2 fields of attendee type 嘉宾 [" + GUEST + "] (StringField2, StringField3): give the field name"),
        rejection("option text that matches no option, listing the options (never the value)",
            b -> Registrant.builder().type("嘉宾").field("手机", "13912345678").field("单选选择", "双"), "field \"单选选择\"",
            "has a value that is neither the text nor the code of an option of 单选选择 (StringField1); "
                + "its options are: 单 (code 0), 个 (code 1), 选 (code 2)"),
        rejection("one field given twice, by label and by name",
            b -> b.field("Mobile", "13900000000"), "field \"Mobile\"",
            "is the same field as \"手机\" (手机 (Mobile)): give it once"),
        rejection("an agenda not bound to the ticket",
            b -> b.agenda("51f10000-4961-fe41-c8a2-000000000000"), "agendas[1]",
            "\"51f10000-4961-fe41-c8a2-000000000000\" is not a session of ticket 嘉宾票 [" + GUEST_TICKET + "]; its sessions are: "
                + AGENDA_1 + ", 51f10000-4961-fe41-c8b0-08dc70ba4988"),
        rejection("an agenda given twice",
            b -> b.agenda(AGENDA_1), "agendas[1]", "\"" + AGENDA_1 + "\" is given twice"),
        rejection("neither a mobile number nor an email (the platform's rule)",
            b -> Registrant.builder().type("嘉宾").field("姓名", "张晓明"), "$.Attendee.Fields",
            "has no non-empty Mobile or Email field (the platform requires one of them)"),
        rejection("an email address that is not one",
            b -> b.field("邮箱", "not-an-email"), "$.Attendee.Fields[4].FieldValue", "is not an email address"));
  }

  private static Arguments rejection(String what, UnaryOperator<Registrant.Builder> change, String path, String message) {
    return Arguments.of(what, change, path, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejections")
  void eachMisfitIsRefusedBeforeSendingWithWhatTheEventOffers(String what, UnaryOperator<Registrant.Builder> change,
      String path, String message) {
    Registrant registrant = change.apply(guestByNames()).build();

    assertThatThrownBy(() -> event.register(registrant)).isInstanceOfSatisfying(Huiyi31ValidationException.class, e -> {
      assertThat(e.problems()).anySatisfy(problem -> {
        assertThat(problem.path()).isEqualTo(path);
        assertThat(problem.message()).startsWith(message);
      });
      assertThat(e.getMessage()).doesNotContain("13912345678", "13900000000", "素食", "not-an-email");
    });
    assertThat(event.problemsOf(registrant)).extracting(Problem::path).contains(path);
    assertThat(registerRequests()).as("Register requests sent").isEmpty();
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    Registrant registrant = Registrant.builder().type("嘉宾").ticket("早鸟票")
        .field("性别", "男").field("单选选择", "双").build();

    assertThat(event.problemsOf(registrant)).extracting(Problem::path)
        .containsExactly("ticket", "field \"性别\"", "field \"单选选择\"");
  }

  @Test
  void aBlankEventIdIsRefusedAtOnce() {
    assertThatThrownBy(() -> client.registration(" ")).isInstanceOf(Huiyi31ValidationException.class)
        .hasMessageContaining("eventId is empty");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void theTypesHandedOutAreACopy() {
    event.attendeeTypes().get(0).setName("changed");

    assertThat(event.attendeeTypes().get(0).getName()).isEqualTo("嘉宾");
    assertThat(event.prepare(guestByNames().build()).getAttendeeTypeId()).isEqualTo(GUEST);
  }

  @Test
  void theRegistrantsToStringShowsNoValue() {
    assertThat(guestByNames().invitationCode("INV").build().toString())
        .contains("姓名=***", "手机=***").doesNotContain("张晓明", "13912345678", "INV");
  }

  private static List<ServeEvent> registerRequests() {
    return wm.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith(REGISTER_PATH)).toList();
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(RecordedCase recorded) {
    return aResponse().withStatus(recorded.status()).withHeader("Content-Type", recorded.contentType())
        .withBody(new String(recorded.responseBody(), StandardCharsets.UTF_8));
  }
}
