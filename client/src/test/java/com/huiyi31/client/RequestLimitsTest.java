package com.huiyi31.client;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huiyi31.client.Huiyi31ValidationException.Problem;
import com.huiyi31.client.Huiyi31ValidationException.Subject;
import com.huiyi31.client.model.AgendaChoice;
import com.huiyi31.client.model.AttendeeType;
import com.huiyi31.client.model.AttendeeTypeTicket;
import com.huiyi31.client.model.FormField;
import com.huiyi31.client.model.FormFieldDefinition;
import com.huiyi31.client.model.ListAttendeeTypesRequest;
import com.huiyi31.client.model.Purchaser;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No string of a request is longer than the contract allows: a longer one is a validation problem
 * at its path, found before anything is sent, whose message gives the length and the limit and
 * never the value.
 */
class RequestLimitsTest {

  /**
   * Every bounded string of a Register request, by JSON path, with its limit: the contract's
   * maxLengths (SpecLimitsTest holds this table to openapi.yaml).
   */
  static final Map<String, Integer> REGISTER_LIMITS = new LinkedHashMap<>();

  static {
    REGISTER_LIMITS.put("$.InvitationCode", 100);
    REGISTER_LIMITS.put("$.BventId", 36);
    REGISTER_LIMITS.put("$.AttendeeTypeId", 36);
    REGISTER_LIMITS.put("$.Attendee.Fields[0].FieldName", 100);
    REGISTER_LIMITS.put("$.Attendee.Fields[0].FieldValue", 2000);
    REGISTER_LIMITS.put("$.Purchaser.Name", 500);
    REGISTER_LIMITS.put("$.Purchaser.AreaCode", 10);
    REGISTER_LIMITS.put("$.Purchaser.Mobile", 20);
    REGISTER_LIMITS.put("$.Purchaser.Company", 500);
    REGISTER_LIMITS.put("$.Items[0].ItemSkuId", 36);
    REGISTER_LIMITS.put("$.Items[0].ItemSkuName", 500);
    REGISTER_LIMITS.put("$.Agendas[0].AgendaId", 36);
    REGISTER_LIMITS.put("$.Agendas[0].ParentSkuId", 36);
  }

  private static final ObjectMapper JSON = JsonCodec.newObjectMapper();

  @RegisterExtension
  static PlatformStub platform = new PlatformStub();

  static List<String> boundedPaths() {
    return List.copyOf(REGISTER_LIMITS.keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("boundedPaths")
  void aStringAtItsLimitPassesAndOneCharacterMoreIsAProblemAtItsPath(String path) {
    int limit = REGISTER_LIMITS.get(path);

    assertThat(RequestValidator.problemsOf(withValue(path, "1".repeat(limit)))).isEmpty();
    List<Problem> problems = RequestValidator.problemsOf(withValue(path, "1".repeat(limit + 1)));

    assertThat(problems).singleElement().satisfies(problem -> {
      assertThat(problem.path()).isEqualTo(path);
      assertThat(problem.message()).isEqualTo("has " + (limit + 1) + " characters, more than the " + limit + " allowed");
    });
  }

  @Test
  void aTwentyMegabyteCellIsRefusedBeforeAnythingIsSentAndNotQuoted() {
    String cell = "张".repeat(20 * 1024 * 1024);
    RegisterAttendeeRequest request = Fixtures.validRequest();
    request.getAttendee().addFieldsItem(new FormField().fieldName("Company").fieldValue(cell));

    Huiyi31ValidationException e = Fixtures.thrownBy(Huiyi31ValidationException.class,
        () -> platform.attendees().registerAttendee(request));

    assertThat(e.outcome()).isEqualTo(Huiyi31Exception.Outcome.NOT_SENT);
    assertThat(e.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.subject()).isEqualTo(Subject.FIELD);
      assertThat(problem.fieldName()).contains("Company");
      assertThat(problem.path()).isEqualTo("$.Attendee.Fields[3].FieldValue");
      assertThat(problem.message()).isEqualTo("has 20971520 characters, more than the 2000 allowed");
    });
    assertThat(e.getMessage()).hasSizeLessThan(200).doesNotContain("张张");
    platform.verify(0, anyRequestedFor(anyUrl()));
  }

  @ParameterizedTest(name = "{0} of {1} characters")
  @CsvSource({"Mobile, 21, 20", "mobile, 40, 20", "Email, 255, 254"})
  void mobileAndEmailAnswersHaveTheirOwnLimitsAndOneProblemEach(String field, int length, int limit) {
    String value = field.equalsIgnoreCase("Mobile") ? "1".repeat(length) : "a".repeat(length - 12) + "@example.com";
    RegisterAttendeeRequest request = Fixtures.validRequest();
    request.getAttendee().getFields().stream().filter(f -> f.getFieldName().equalsIgnoreCase(field)).findFirst()
        .orElseThrow().fieldName(field).fieldValue(value);

    assertThat(RequestValidator.problemsOf(request)).singleElement().satisfies(problem -> {
      assertThat(problem.fieldName()).contains(field);
      assertThat(problem.message()).isEqualTo("has " + length + " characters, more than the " + limit + " allowed");
    });
  }

  @Test
  void anEmailOfTwoHundredFiftyFourCharactersPasses() {
    RegisterAttendeeRequest request = Fixtures.validRequest();
    request.getAttendee().getFields().get(2).fieldValue("a".repeat(254 - 12) + "@example.com");

    assertThat(RequestValidator.problemsOf(request)).isEmpty();
  }

  @Test
  void charactersAreCountedAsJsonSchemaCountsThemNotAsUtf16Units() {
    String emoji = "\uD83D\uDE00"; // one character, two UTF-16 units
    RegisterAttendeeRequest atLimit = Fixtures.validRequest();
    atLimit.getAttendee().getFields().get(0).fieldValue(emoji.repeat(2000));
    RegisterAttendeeRequest over = Fixtures.validRequest();
    over.getAttendee().getFields().get(0).fieldValue(emoji.repeat(2001));

    assertThat(RequestValidator.problemsOf(atLimit)).isEmpty();
    assertThat(RequestValidator.problemsOf(over)).singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("has 2001 characters, more than the 2000 allowed"));
  }

  @Test
  void aFieldNameTooLongToBeOneIsNotQuoted() {
    String name = "Field".repeat(1000);
    RegisterAttendeeRequest request = Fixtures.validRequest();
    request.getAttendee().addFieldsItem(new FormField().fieldName(name).fieldValue("x"))
        .addFieldsItem(new FormField().fieldName(name).fieldValue("y"));

    List<Problem> problems = RequestValidator.problemsOf(request);

    assertThat(problems).extracting(Problem::path)
        .containsExactly("$.Attendee.Fields[3].FieldName", "$.Attendee.Fields[4].FieldName");
    assertThat(problems).allSatisfy(p -> {
      assertThat(p.fieldName()).isEmpty();
      assertThat(p.message()).isEqualTo("has 5000 characters, more than the 100 allowed");
    });
  }

  @Test
  void theTypeListsEventIdIsBoundedToo() {
    List<Problem> problems = RequestValidator.problemsOf(new ListAttendeeTypesRequest().bventId("1".repeat(37)));

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.subject()).isEqualTo(Subject.EVENT);
      assertThat(p.path()).isEqualTo("$.BventId");
      assertThat(p.message()).isEqualTo("has 37 characters, more than the 36 allowed");
    });
  }

  @Test
  void registrationRefusesAnEventIdTooLongToBeOneBeforeAskingForTypes() {
    try (Huiyi31Client client = Huiyi31Client.builder().baseUrl(platform.baseUrl()).credentials("k", "s").build()) {
      Huiyi31ValidationException e = Fixtures.thrownBy(Huiyi31ValidationException.class,
          () -> client.registration("1".repeat(37)).attendeeTypes());

      assertThat(e.problems()).extracting(Problem::path).containsExactly("$.BventId");
    }
    platform.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void byNamesAnOversizedAnswerIsAProblemOfItsFieldAsTheRegistrantNamedIt() {
    Registrant registrant = Registrant.builder().type("嘉宾").field("姓名", "张".repeat(2001))
        .field("手机", "13912345678").build();

    List<Problem> problems = EventRegistration.Resolution.of(Fixtures.EVENT_ID, types(), registrant).problems;

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.fieldName()).contains("姓名");
      assertThat(p.path()).isEqualTo("$.Attendee.Fields[0].FieldValue");
      assertThat(p.message()).isEqualTo("has 2001 characters, more than the 2000 allowed");
    });
  }

  @Test
  void byNamesANameLongerThanAnyIsNotRepeatedWhole() {
    Registrant registrant = Registrant.builder().type("嘉宾").ticket("票".repeat(1_000_000))
        .field("手机", "13912345678").build();

    List<Problem> problems = EventRegistration.Resolution.of(Fixtures.EVENT_ID, types(), registrant).problems;

    assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).hasSizeLessThan(300)
        .startsWith("\"" + "票".repeat(100) + "…\" (1000000 characters) is not the name or id of any ticket"));
  }

  /** One type, 嘉宾, with one ticket on sale and a form of 姓名 and 手机. */
  private static List<AttendeeType> types() {
    return List.of(new AttendeeType().id(Fixtures.ATTENDEE_TYPE_ID).name("嘉宾")
        .addTicketsItem(new AttendeeTypeTicket().id(Fixtures.TICKET_ID).name("嘉宾票").isCanSale(true))
        .addFieldsItem(new FormFieldDefinition().fieldName("FullName").displayName("姓名"))
        .addFieldsItem(new FormFieldDefinition().fieldName("Mobile").displayName("手机")));
  }

  /** A valid request whose every bounded string is present, with {@code value} at {@code path}. */
  static RegisterAttendeeRequest withValue(String path, String value) {
    RegisterAttendeeRequest full = Fixtures.validRequest().invitationCode("INV")
        .purchaser(new Purchaser().name("李四").areaCode("+86").mobile("13800000000").company("示例"))
        .addAgendasItem(new AgendaChoice().agendaId("51f10000-4961-fe41-c8a2-08dc70ba4988")
            .parentSkuId(Fixtures.TICKET_ID));
    ObjectNode tree = JSON.valueToTree(full);
    String[] steps = path.substring(2).split("\\.");
    JsonNode node = tree;
    for (int i = 0; i < steps.length - 1; i++) {
      node = step(node, steps[i]);
    }
    ((ObjectNode) node).put(steps[steps.length - 1], value);
    return JSON.convertValue(tree, RegisterAttendeeRequest.class);
  }

  private static JsonNode step(JsonNode node, String step) {
    int bracket = step.indexOf('[');
    if (bracket < 0) {
      return node.get(step);
    }
    ArrayNode array = (ArrayNode) node.get(step.substring(0, bracket));
    return array.get(Integer.parseInt(step.substring(bracket + 1, step.length() - 1)));
  }
}
