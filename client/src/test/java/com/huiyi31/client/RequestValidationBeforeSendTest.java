package com.huiyi31.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.huiyi31.client.Fixtures.REGISTERED_JSON;
import static com.huiyi31.client.Fixtures.REGISTER_PATH;
import static com.huiyi31.client.Fixtures.thrownBy;
import static com.huiyi31.client.Fixtures.validRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.huiyi31.client.Huiyi31Exception.Outcome;
import com.huiyi31.client.model.AgendaChoice;
import com.huiyi31.client.model.AttendeeForm;
import com.huiyi31.client.model.FormField;
import com.huiyi31.client.model.Purchaser;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.client.model.RegisterAttendeeResponse;
import com.huiyi31.client.model.TicketItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented rule of a Register request is checked by the real client before anything is
 * sent: a request with a defect is refused with a {@link Huiyi31ValidationException} naming the
 * JSON path of the defect, and the server (which would have answered "registered") never sees
 * it. All people here are fictitious.
 */
class RequestValidationBeforeSendTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private Huiyi31Client client;

  @BeforeEach
  void setUp() {
    // A server that would register anything: a refusal can only come from the client.
    wm.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(REGISTERED_JSON)));
    client = Fixtures.clientFor(wm.baseUrl());
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  // ---------------------------------------------------------------- helpers

  /** A request made by changing {@link Fixtures#validRequest()} in one place. */
  private static RegisterAttendeeRequest validRequestWith(Consumer<RegisterAttendeeRequest> change) {
    RegisterAttendeeRequest request = validRequest();
    change.accept(request);
    return request;
  }

  private static FormField field(String name, String value) {
    return new FormField().fieldName(name).fieldValue(value);
  }

  /** The valid request with exactly these attendee fields. */
  private static RegisterAttendeeRequest withFields(FormField... fields) {
    return validRequestWith(r -> r.getAttendee().setFields(new ArrayList<>(List.of(fields))));
  }

  /** The valid request with exactly this one ticket item. */
  private static RegisterAttendeeRequest withItem(TicketItem item) {
    return validRequestWith(r -> r.setItems(new ArrayList<>(List.of(item))));
  }

  private static TicketItem ticket() {
    return new TicketItem().itemSkuId(Fixtures.TICKET_ID).itemSkuName("嘉宾").quantity(1);
  }

  /** Sends the request through the real client; it must be refused before sending. */
  private Huiyi31ValidationException refused(RegisterAttendeeRequest request) {
    Huiyi31ValidationException e = thrownBy(Huiyi31ValidationException.class,
        () -> client.attendees().registerAttendee(request));
    assertThat(e.outcome()).isEqualTo(Outcome.NOT_SENT);
    assertThat(e.getCause()).as("a refusal carries no cause whose message could quote values").isNull();
    assertNothingReachedTheServer();
    return e;
  }

  private static void assertNothingReachedTheServer() {
    wm.verify(0, anyRequestedFor(anyUrl()));
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  private static List<String> pathsOf(Huiyi31ValidationException e) {
    return e.problems().stream().map(Huiyi31ValidationException.Problem::path).toList();
  }

  // ---------------------------------------------------------------- one defect each

  static Stream<Arguments> requestsWithExactlyOneDefect() {
    return Stream.of(
        arguments(named("missing BventId", validRequestWith(r -> r.setBventId(null))), "$.BventId"),
        arguments(named("empty BventId", validRequestWith(r -> r.setBventId(""))), "$.BventId"),
        arguments(named("blank BventId", validRequestWith(r -> r.setBventId("  \t"))), "$.BventId"),
        arguments(named("missing AttendeeTypeId", validRequestWith(r -> r.setAttendeeTypeId(null))), "$.AttendeeTypeId"),
        arguments(named("blank AttendeeTypeId", validRequestWith(r -> r.setAttendeeTypeId(" "))), "$.AttendeeTypeId"),
        arguments(named("missing Attendee", validRequestWith(r -> r.setAttendee(null))), "$.Attendee"),
        arguments(named("missing Items", validRequestWith(r -> r.setItems(null))), "$.Items"),
        arguments(named("empty Items list", validRequestWith(r -> r.setItems(new ArrayList<>()))), "$.Items"),
        arguments(named("null item", validRequestWith(r -> {
          List<TicketItem> items = new ArrayList<>();
          items.add(null);
          r.setItems(items);
        })), "$.Items[0]"),
        arguments(named("item without ItemSkuId", withItem(ticket().itemSkuId(null))), "$.Items[0].ItemSkuId"),
        arguments(named("item with blank ItemSkuId", withItem(ticket().itemSkuId(" "))), "$.Items[0].ItemSkuId"),
        arguments(named("item without ItemSkuName", withItem(ticket().itemSkuName(null))), "$.Items[0].ItemSkuName"),
        arguments(named("item with blank ItemSkuName", withItem(ticket().itemSkuName(""))), "$.Items[0].ItemSkuName"),
        arguments(named("Quantity 0", withItem(ticket().quantity(0))), "$.Items[0].Quantity"),
        arguments(named("Quantity -1", withItem(ticket().quantity(-1))), "$.Items[0].Quantity"),
        arguments(named("Quantity null", withItem(ticket().quantity(null))), "$.Items[0].Quantity"),
        arguments(named("second item with Quantity 0",
            validRequestWith(r -> r.addItemsItem(ticket().quantity(0)))), "$.Items[1].Quantity"),
        arguments(named("neither Mobile nor Email among Fields",
            withFields(field("FullName", "张晓明"), field("Company", "示例科技有限公司"))), "$.Attendee.Fields"),
        arguments(named("Fields null", validRequestWith(r -> r.setAttendee(new AttendeeForm()))), "$.Attendee.Fields"),
        arguments(named("Fields empty", withFields()), "$.Attendee.Fields"),
        arguments(named("Mobile present but blank, no Email",
            withFields(field("FullName", "张晓明"), field("Mobile", "   "))), "$.Attendee.Fields"),
        arguments(named("Mobile and Email present but both empty",
            withFields(field("FullName", "张晓明"), field("Mobile", ""), field("Email", " "))), "$.Attendee.Fields"),
        arguments(named("blank FieldName",
            validRequestWith(r -> r.getAttendee().getFields().get(1).setFieldName(" "))), "$.Attendee.Fields[1].FieldName"),
        arguments(named("missing FieldName",
            validRequestWith(r -> r.getAttendee().getFields().get(1).setFieldName(null))), "$.Attendee.Fields[1].FieldName"),
        arguments(named("duplicate FieldName",
            validRequestWith(r -> r.getAttendee().addFieldsItem(field("FullName", "李四")))), "$.Attendee.Fields[3].FieldName"),
        arguments(named("duplicate FieldName differing only in case (mobile vs Mobile)",
            validRequestWith(r -> r.getAttendee().addFieldsItem(field("mobile", "13800000000")))), "$.Attendee.Fields[3].FieldName"),
        arguments(named("malformed mobile 13912abc678",
            validRequestWith(r -> r.getAttendee().getFields().get(1).setFieldValue("13912abc678"))), "$.Attendee.Fields[1].FieldValue"),
        arguments(named("malformed mobile 12",
            validRequestWith(r -> r.getAttendee().getFields().get(1).setFieldValue("12"))), "$.Attendee.Fields[1].FieldValue"),
        arguments(named("malformed email zhang@",
            validRequestWith(r -> r.getAttendee().getFields().get(2).setFieldValue("zhang@"))), "$.Attendee.Fields[2].FieldValue"),
        arguments(named("malformed email no-at-sign",
            validRequestWith(r -> r.getAttendee().getFields().get(2).setFieldValue("no-at-sign"))), "$.Attendee.Fields[2].FieldValue"),
        arguments(named("malformed Purchaser.Mobile",
            validRequestWith(r -> r.purchaser(new Purchaser().name("王小红").areaCode("+86").mobile("139-abcd-5678")))),
            "$.Purchaser.Mobile"),
        arguments(named("null Agendas entry", validRequestWith(r -> {
          List<AgendaChoice> agendas = new ArrayList<>();
          agendas.add(null);
          r.setAgendas(agendas);
        })), "$.Agendas[0]"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("requestsWithExactlyOneDefect")
  void requestWithOneDefectIsRefusedWithItsPathAndNothingIsSent(RegisterAttendeeRequest request, String expectedPath) {
    Huiyi31ValidationException e = refused(request);

    assertThat(pathsOf(e)).containsExactly(expectedPath);
    assertThat(e.problems().get(0).message()).isNotBlank();
    assertThat(e.getMessage()).startsWith("The request was not sent: 1 problem: ").contains(expectedPath);
  }

  // ---------------------------------------------------------------- several defects, personal data

  @Test
  void requestWithSeveralDefectsListsAllOfThemInPropertyOrderInOneException() {
    List<AgendaChoice> agendas = new ArrayList<>();
    agendas.add(null);
    RegisterAttendeeRequest request = new RegisterAttendeeRequest()
        .bventId(null)
        .attendeeTypeId("  ")
        .attendee(new AttendeeForm()
            .addFieldsItem(field("FullName", "张晓明"))
            .addFieldsItem(field("Mobile", "13912abc678"))
            .addFieldsItem(field("Email", "zhang@"))
            .addFieldsItem(field("", "无名"))
            .addFieldsItem(field("FULLNAME", "张三")))
        .purchaser(new Purchaser().name("王小红").mobile("139-abcd-5678"))
        .addItemsItem(new TicketItem().itemSkuName(" ").quantity(0))
        .agendas(agendas);

    Huiyi31ValidationException e = refused(request);

    List<String> expected = List.of(
        "$.BventId",
        "$.AttendeeTypeId",
        "$.Attendee.Fields[1].FieldValue",
        "$.Attendee.Fields[2].FieldValue",
        "$.Attendee.Fields[3].FieldName",
        "$.Attendee.Fields[4].FieldName",
        "$.Purchaser.Mobile",
        "$.Items[0].ItemSkuId",
        "$.Items[0].ItemSkuName",
        "$.Items[0].Quantity",
        "$.Agendas[0]");
    assertThat(pathsOf(e)).containsExactlyElementsOf(expected);
    assertThat(e.getMessage()).startsWith("The request was not sent: 11 problems: ");
    assertThat(e.getMessage()).contains(expected);
  }

  static Stream<Arguments> requestsWithAnOffendingPersonalValue() {
    return Stream.of(
        arguments(named("malformed mobile", validRequestWith(
            r -> r.getAttendee().getFields().get(1).setFieldValue("13912abc678"))), "13912abc678",
            "$.Attendee.Fields[1].FieldValue"),
        arguments(named("too short mobile", validRequestWith(
            r -> r.getAttendee().getFields().get(1).setFieldValue("139x"))), "139x",
            "$.Attendee.Fields[1].FieldValue"),
        arguments(named("malformed email", validRequestWith(
            r -> r.getAttendee().getFields().get(2).setFieldValue("zhang.xiaoming@"))), "zhang.xiaoming@",
            "$.Attendee.Fields[2].FieldValue"),
        arguments(named("email without at sign", validRequestWith(
            r -> r.getAttendee().getFields().get(2).setFieldValue("zhang.xiaoming.example.com"))),
            "zhang.xiaoming.example.com", "$.Attendee.Fields[2].FieldValue"),
        arguments(named("malformed purchaser mobile", validRequestWith(
            r -> r.purchaser(new Purchaser().name("王小红").mobile("1391234567x")))), "1391234567x",
            "$.Purchaser.Mobile"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requestsWithAnOffendingPersonalValue")
  void messageNamesThePathButNeverQuotesPersonalValues(RegisterAttendeeRequest request, String offendingValue,
      String expectedPath) {
    Huiyi31ValidationException e = refused(request);

    assertThat(e.getMessage()).contains(expectedPath);
    assertThat(e.getMessage())
        .doesNotContain(offendingValue)
        .doesNotContain(Fixtures.FULL_NAME)
        .doesNotContain(Fixtures.MOBILE)
        .doesNotContain(Fixtures.EMAIL)
        .doesNotContain("王小红");
    assertThat(e.problems()).allSatisfy(p -> assertThat(p.message()).doesNotContain(offendingValue));
    assertThat(e.toString()).doesNotContain(offendingValue);
  }

  // ---------------------------------------------------------------- valid variants

  static Stream<Arguments> validVariants() {
    return Stream.of(
        arguments(named("mobile only", withFields(field("FullName", "张晓明"), field("Mobile", "13912345678")))),
        arguments(named("email only", withFields(field("FullName", "张晓明"), field("Email", "zhang.xiaoming@example.com")))),
        arguments(named("mobile with +86 and dashes", withFields(field("FullName", "张晓明"), field("Mobile", "+86 139-1234-5678")))),
        arguments(named("blank mobile but valid email",
            withFields(field("FullName", "张晓明"), field("Mobile", " "), field("Email", "zhang.xiaoming@example.com")))),
        arguments(named("lower-case mobile field name", withFields(field("FullName", "张晓明"), field("mobile", "13912345678")))),
        arguments(named("choice field StringField1 with option code 0",
            validRequestWith(r -> r.getAttendee().addFieldsItem(field("StringField1", "0"))))),
        arguments(named("valid purchaser and two items", validRequestWith(r -> r
            .purchaser(new Purchaser().name("王小红").areaCode("+86").mobile("13800000000").company("示例科技有限公司"))
            .addItemsItem(ticket().itemSkuName("普通票").quantity(2))))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validVariants")
  void validVariantIsSentExactlyOnceWithItsFieldsUnchanged(RegisterAttendeeRequest request) throws IOException {
    RegisterAttendeeResponse response = client.attendees().registerAttendee(request);

    assertThat(response.getBusinessCode()).isZero();
    assertThat(response.getData().getOrderNo()).isEqualTo("2111041526362863634");
    wm.verify(1, postRequestedFor(urlEqualTo(REGISTER_PATH)));
    wm.verify(1, anyRequestedFor(anyUrl()));
    List<ServeEvent> events = wm.getAllServeEvents();
    assertThat(events).hasSize(1);

    JsonNode sentFields = new ObjectMapper().readTree(events.get(0).getRequest().getBody()).path("Attendee").path("Fields");
    List<String> sent = new ArrayList<>();
    sentFields.forEach(f -> sent.add(f.path("FieldName").asText() + "=" + f.path("FieldValue").asText()));
    List<String> given = request.getAttendee().getFields().stream()
        .map(f -> f.getFieldName() + "=" + f.getFieldValue())
        .toList();
    assertThat(sent).as("the values are sent as given, not normalised").containsExactlyElementsOf(given);
    JsonNode sentItems = new ObjectMapper().readTree(events.get(0).getRequest().getBody()).path("Items");
    assertThat(sentItems).hasSize(request.getItems().size());
  }
}
