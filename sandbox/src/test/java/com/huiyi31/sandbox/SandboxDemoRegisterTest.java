package com.huiyi31.sandbox;

import static com.huiyi31.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Register for the demo event is checked against its forms, as the platform checks its events:
 * ids from the type list, field names on the type's form, option codes rather than texts. Every
 * answer is checked against the contract too.
 */
class SandboxDemoRegisterTest {

  private static final String GUEST = "51f10000-4961-fe41-aba5-08dc70ba48eb";
  private static final String GUEST_TICKET = "40180000-300e-9237-c7af-08dc6f31f78c";
  private static final String GUEST_AGENDA = "51f10000-4961-fe41-c8b0-08dc70ba4988";
  private static final String VISITOR = "51f10000-4961-fe41-b3c6-08dc70ba48eb";
  private static final String VISITOR_TICKET = "40180000-300e-9237-d1a4-08dc6f31f78c";
  private static final String EARLY_BIRD = "40180000-300e-9237-d1b2-08dc6f31f78c";

  private static Huiyi31Sandbox sandbox;
  private static SandboxHttp http;

  @BeforeAll
  static void start() {
    sandbox = Huiyi31Sandbox.start(0);
    http = new SandboxHttp(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void anOptionCodeIsAccepted() {
    JsonNode answer = register(Huiyi31Sandbox.DEMO_EVENT_ID, GUEST, GUEST_TICKET, "", field("StringField1", "0"));

    assertThat(answer.path("businessCode").asInt()).isZero();
    assertThat(answer.path("data").path("orderNo").asText()).matches("[0-9]{19}");
  }

  @Test
  void anOptionsTextInsteadOfItsCodeIsRefusedSayingWhichCodesToSend() {
    JsonNode answer = register(Huiyi31Sandbox.DEMO_EVENT_ID, GUEST, GUEST_TICKET, "", field("StringField1", "单"));

    assertRefused(answer, 1016);
    assertThat(answer.path("businessMessage").asText())
        .startsWith("选项型字段需要传code值 (a choice field takes an option's code): $.Attendee.Fields[2].FieldValue")
        .contains("StringField1 (单选选择)", "\"0\" (单), \"1\" (个), \"2\" (选)", "not the option's text");
  }

  @Test
  void aFieldNotOnTheTypesFormIsRefusedListingTheForm() {
    JsonNode answer = register(Huiyi31Sandbox.DEMO_EVENT_ID, VISITOR, VISITOR_TICKET, "", field("Position", "CTO"));

    assertRefused(answer, 1015);
    assertThat(answer.path("businessMessage").asText())
        .startsWith("表单字段不存在 (no such form field): $.Attendee.Fields[2].FieldName \"Position\"")
        .contains("观众", "FullName (姓名)", "StringField2 (性别)")
        .doesNotContain("CTO");
  }

  @Test
  void fieldNamesCompareIgnoringCase() {
    assertThat(register(Huiyi31Sandbox.DEMO_EVENT_ID, GUEST, GUEST_TICKET, "", field("position", "CTO"))
        .path("businessCode").asInt()).isZero();
  }

  @Test
  void aTypeThatIsNotTheEventsIsRefused() {
    JsonNode answer = register(Huiyi31Sandbox.DEMO_EVENT_ID, "51f10000-0000-0000-0000-000000000000", GUEST_TICKET, "");

    assertRefused(answer, 1011);
    assertThat(answer.path("businessMessage").asText()).startsWith("人群类别不存在 (no such attendee type)")
        .contains("嘉宾 [" + GUEST + "]", "观众 [" + VISITOR + "]");
  }

  @Test
  void anotherTypesTicketIsRefusedNamingItsType() {
    JsonNode answer = register(Huiyi31Sandbox.DEMO_EVENT_ID, GUEST, VISITOR_TICKET, "");

    assertRefused(answer, 1012);
    assertThat(answer.path("businessMessage").asText()).startsWith("门票不存在 (no such ticket)")
        .contains("it is a ticket of 观众", "嘉宾票 [" + GUEST_TICKET + "]");
  }

  @Test
  void aTicketNotOnSaleIsRefused() {
    JsonNode answer = register(Huiyi31Sandbox.DEMO_EVENT_ID, VISITOR, EARLY_BIRD, "");

    assertRefused(answer, 1013);
    assertThat(answer.path("businessMessage").asText()).startsWith("门票未开售 (ticket not on sale)")
        .contains("早鸟票", "观众票 [" + VISITOR_TICKET + "]");
  }

  @Test
  void onlySessionsBoundToTheTicketCanBeBooked() {
    String bound = ", \"Agendas\": [{\"AgendaId\": \"" + GUEST_AGENDA + "\", \"ParentSkuId\": \"" + GUEST_TICKET + "\"}]";
    String unbound = ", \"Agendas\": [{\"AgendaId\": \"" + GUEST_AGENDA + "\"}]";

    assertThat(register(Huiyi31Sandbox.DEMO_EVENT_ID, GUEST, GUEST_TICKET, bound).path("businessCode").asInt()).isZero();
    JsonNode refused = register(Huiyi31Sandbox.DEMO_EVENT_ID, VISITOR, VISITOR_TICKET, unbound);
    assertRefused(refused, 1014);
    assertThat(refused.path("businessMessage").asText()).contains("日程不存在", GUEST_AGENDA);
  }

  @Test
  void everyProblemIsNamedAndTheCodeIsTheFirsts() {
    JsonNode answer = register(Huiyi31Sandbox.DEMO_EVENT_ID, VISITOR, EARLY_BIRD, "", field("Nickname", "x"),
        field("StringField2", "男"));

    assertRefused(answer, 1013);
    assertThat(answer.path("businessMessage").asText().split("; ")).hasSize(3);
    assertThat(answer.path("businessMessage").asText()).contains("门票未开售", "表单字段不存在", "选项型字段需要传code值");
  }

  @Test
  void otherEventsAreNotCheckedAgainstAnyForm() {
    JsonNode answer = register("another-event", "any-type", "any-ticket", "", field("Nickname", "x"));

    assertThat(answer.path("businessCode").asInt()).isZero();
  }

  @Test
  void theSoldOutTriggerStillWorksForTheDemoEvent() {
    JsonNode answer = register(Huiyi31Sandbox.DEMO_EVENT_ID, GUEST, "sold-out", "");

    assertRefused(answer, 1003);
    assertThat(answer.path("businessMessage").asText()).isEqualTo("门票已售罄");
  }

  @Test
  void registrationsHoldTheAcceptedRequestsDecodedNotTheRefusedOnes() {
    try (Huiyi31Sandbox own = Huiyi31Sandbox.start()) {
      SandboxHttp ownHttp = new SandboxHttp(own);
      ownHttp.register(body(Huiyi31Sandbox.DEMO_EVENT_ID, GUEST, GUEST_TICKET, "", field("StringField1", "1")));
      ownHttp.register(body(Huiyi31Sandbox.DEMO_EVENT_ID, GUEST, GUEST_TICKET, "", field("StringField1", "单"))); // 1016
      ownHttp.register("not json");

      assertThat(own.registrations()).singleElement().satisfies(registered -> {
        assertThat(registered.getAttendeeTypeId()).isEqualTo(GUEST);
        assertThat(registered.getItems().get(0).getItemSkuId()).isEqualTo(GUEST_TICKET);
        assertThat(registered.getAttendee().getFields().get(2).getFieldName()).isEqualTo("StringField1");
        assertThat(registered.getAttendee().getFields().get(2).getFieldValue()).isEqualTo("1");
      });
    }
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static JsonNode register(String event, String type, String ticket, String more, String... fields) {
    return json(http.register(body(event, type, ticket, more, fields)));
  }

  /** A Register body: FullName and Mobile, then {@code fields}; {@code more} is appended to the object. */
  private static String body(String event, String type, String ticket, String more, String... fields) {
    StringBuilder form = new StringBuilder("{ \"FieldName\": \"FullName\", \"FieldValue\": \"张晓明\" },"
        + " { \"FieldName\": \"Mobile\", \"FieldValue\": \"13912345678\" }");
    for (String field : fields) {
      form.append(", ").append(field);
    }
    return "{ \"BventId\": \"" + event + "\", \"AttendeeTypeId\": \"" + type + "\", \"Attendee\": { \"Fields\": [ "
        + form + " ] }, \"Items\": [ { \"ItemSkuId\": \"" + ticket + "\", \"ItemSkuName\": \"票\", \"Quantity\": 1 } ]"
        + more + " }";
  }

  private static String field(String name, String value) {
    return "{ \"FieldName\": \"" + name + "\", \"FieldValue\": \"" + value + "\" }";
  }

  private static void assertRefused(JsonNode answer, int code) {
    assertThat(answer.path("businessCode").asInt()).as(answer.toString()).isEqualTo(code);
    assertThat(answer.get("data").isNull()).isTrue();
  }
}
