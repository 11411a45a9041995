package com.huiyi31.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.huiyi31.client.model.FormField;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.sandbox.Huiyi31Sandbox;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code huiyi31 register} by names, end to end and offline: a running sandbox, {@code types} to
 * discover the names, then register by them; the sandbox shows what was actually sent.
 */
class RegisterByNameTest {

  private static final String EVENT = Huiyi31Sandbox.DEMO_EVENT_ID;
  private static final String GUEST = "51f10000-4961-fe41-aba5-08dc70ba48eb";
  private static final String GUEST_TICKET = "40180000-300e-9237-c7af-08dc6f31f78c";
  private static final String VISITOR_TICKET = "40180000-300e-9237-d1a4-08dc6f31f78c";
  private static final String SECOND_SESSION = "51f10000-4961-fe41-c8b0-08dc70ba4988";

  private static Huiyi31Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = Huiyi31Sandbox.start(0);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void forgetEarlierRegistrations() {
    sandbox.reset();
  }

  private static Cli.Result withCredentials(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(1, List.of("--base-url", sandbox.baseUrl(), "--app-key", Huiyi31Sandbox.DEMO_APP_KEY));
    return Cli.runWithSecret(Huiyi31Sandbox.DEMO_APP_SECRET, all.toArray(new String[0]));
  }

  @Test
  void typesThenRegisterByNamesSendsTheIdsAndTheOptionCode() {
    Cli.Result types = withCredentials("types", "--event", EVENT);
    assertThat(types.exitCode()).as(types.toString()).isZero();
    assertThat(types.out()).contains("嘉宾票", "单选选择  StringField1  单 = 0");

    Cli.Result register = withCredentials("register", "--event", EVENT, "--type-name", "嘉宾", "--ticket-name", "嘉宾票",
        "--field", "姓名=张晓明", "--field", "手机=13912345678", "--field", "单选选择=单");

    assertThat(register.exitCode()).as(register.toString()).isZero();
    assertThat(register.out()).containsPattern("Registered: order [0-9]{19}").contains("139****5678");
    assertThat(sandbox.registrations()).hasSize(1);
    RegisterAttendeeRequest sent = lastRegistration();
    assertThat(sent.getBventId()).isEqualTo(EVENT);
    assertThat(sent.getAttendeeTypeId()).isEqualTo(GUEST);
    assertThat(sent.getItems().get(0).getItemSkuId()).isEqualTo(GUEST_TICKET);
    assertThat(sent.getItems().get(0).getItemSkuName()).isEqualTo("嘉宾票");
    assertThat(sent.getItems().get(0).getQuantity()).isEqualTo(1);
    assertThat(sent.getAttendee().getFields()).containsExactly(
        field("FullName", "张晓明"), field("Mobile", "13912345678"), field("StringField1", "0"));
  }

  @Test
  void anAttendeeFileOnStandardInputTakesLabelsAndOptionTextsToo() {
    String attendee = "姓名=张晓明\n手机=13912345678\n单选选择=单\npurchaser-mobile=13787654321\n";
    SecretSources secret = new SecretSources(
        name -> name.equals(CredentialOptions.SECRET_VARIABLE) ? Huiyi31Sandbox.DEMO_APP_SECRET : null, null);

    Cli.Result register = Cli.run(secret, new ByteArrayInputStream(attendee.getBytes(StandardCharsets.UTF_8)),
        "register", "--base-url", sandbox.baseUrl(), "--app-key", Huiyi31Sandbox.DEMO_APP_KEY, "--event", EVENT,
        "--type-name", "嘉宾", "--ticket-name", "嘉宾票", "--attendee-file", "-");

    assertThat(register.exitCode()).as(register.toString()).isZero();
    RegisterAttendeeRequest sent = lastRegistration();
    assertThat(sent.getAttendee().getFields()).containsExactly(
        field("FullName", "张晓明"), field("Mobile", "13912345678"), field("StringField1", "0"));
    assertThat(sent.getPurchaser().getMobile()).isEqualTo("13787654321");
  }

  @Test
  void aFieldNotOnTheFormIsRefusedBeforeSendingWithTheFormsFields() {
    Cli.Result cli = withCredentials("register", "--event", EVENT, "--type-name", "嘉宾", "--ticket-name", "嘉宾票",
        "--field", "姓名=张晓明", "--field", "手机=13912345678", "--field", "昵称=小明");

    assertThat(cli.exitCode()).isEqualTo(Huiyi31Cli.USAGE);
    assertThat(cli.err()).contains("Not sent: the request is invalid.", "field \"昵称\" is not on the form of attendee type 嘉宾",
        "手机 (Mobile)").doesNotContain("小明");
    assertThat(sandbox.registrations()).isEmpty();
  }

  @Test
  void anOptionTextThatIsNoOptionIsRefusedBeforeSendingWithTheOptions() {
    Cli.Result cli = withCredentials("register", "--event", EVENT, "--type-name", "嘉宾", "--ticket-name", "嘉宾票",
        "--field", "姓名=张晓明", "--field", "手机=13912345678", "--field", "单选选择=多");

    assertThat(cli.exitCode()).isEqualTo(Huiyi31Cli.USAGE);
    assertThat(cli.err()).contains("field \"单选选择\"", "neither the text nor the code of an option", "单 (code 0)");
    assertThat(sandbox.registrations()).isEmpty();
  }

  @Test
  void aTicketNotOnSaleIsRefusedNamingTheOnesOnSale() {
    Cli.Result cli = withCredentials("register", "--event", EVENT, "--type-name", "观众", "--ticket-name", "早鸟票",
        "--field", "手机=13912345678");

    assertThat(cli.exitCode()).isEqualTo(Huiyi31Cli.USAGE);
    assertThat(cli.err()).contains("\"早鸟票\" is not on sale", "观众票 [" + VISITOR_TICKET + "]");
    assertThat(sandbox.registrations()).isEmpty();
  }

  @Test
  void theOnlyTicketOnSaleIsTakenWhenNoneIsNamedAndAChoiceByTextBecomesItsCode() {
    Cli.Result cli = withCredentials("register", "--event", EVENT, "--type-name", "观众", "--field", "FullName=李思雨",
        "--field", "邮箱=li@example.com", "--field", "性别=女");

    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    RegisterAttendeeRequest sent = lastRegistration();
    assertThat(sent.getItems().get(0).getItemSkuId()).isEqualTo(VISITOR_TICKET);
    assertThat(sent.getAttendee().getFields()).contains(field("StringField2", "1"), field("Email", "li@example.com"));
  }

  @Test
  void idsWorkWithCredentialsTooAndAreCheckedAgainstTheForm() {
    Cli.Result cli = withCredentials("register", "--event", EVENT, "--type", GUEST, "--ticket", GUEST_TICKET + ":嘉宾",
        "--field", "FullName=张晓明", "--field", "Mobile=13912345678", "--field", "StringField1=2",
        "--agenda", SECOND_SESSION);

    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    RegisterAttendeeRequest sent = lastRegistration();
    assertThat(sent.getItems().get(0).getItemSkuName()).as("the platform's name").isEqualTo("嘉宾票");
    assertThat(sent.getAgendas().get(0).getAgendaId()).isEqualTo(SECOND_SESSION);
    assertThat(sent.getAgendas().get(0).getParentSkuId()).isEqualTo(GUEST_TICKET);
  }

  @Test
  void namesWithoutCredentialsAreAUsageErrorAndNothingIsSent() {
    Cli.Result typeName = Cli.run("register", "--base-url", sandbox.baseUrl(), "--event", EVENT, "--type-name", "嘉宾",
        "--ticket", GUEST_TICKET + ":嘉宾", "--field", "Mobile=13912345678");
    Cli.Result ticketName = Cli.run("register", "--base-url", sandbox.baseUrl(), "--event", EVENT, "--type", GUEST,
        "--ticket-name", "嘉宾票", "--field", "Mobile=13912345678");

    assertThat(typeName.exitCode()).isEqualTo(Huiyi31Cli.USAGE);
    assertThat(typeName.err()).contains("--type-name needs --app-key");
    assertThat(ticketName.exitCode()).isEqualTo(Huiyi31Cli.USAGE);
    assertThat(ticketName.err()).contains("--ticket-name needs --app-key");
    assertThat(sandbox.registrations()).isEmpty();
  }

  @Test
  void typeAndTypeNameAreExclusiveAndOneIsRequired() {
    Cli.Result both = withCredentials("register", "--event", EVENT, "--type", GUEST, "--type-name", "嘉宾",
        "--field", "Mobile=13912345678");
    Cli.Result neither = withCredentials("register", "--event", EVENT, "--field", "Mobile=13912345678");

    assertThat(both.exitCode()).isEqualTo(Huiyi31Cli.USAGE);
    assertThat(both.err()).contains("mutually exclusive");
    assertThat(neither.exitCode()).isEqualTo(Huiyi31Cli.USAGE);
    assertThat(neither.err()).contains("--type=ID", "--type-name=NAME");
  }

  @Test
  void withoutTicketOrTicketNameTheIdFormSaysWhatIsMissing() {
    Cli.Result cli = Cli.run("register", "--base-url", sandbox.baseUrl(), "--event", EVENT, "--type", GUEST,
        "--field", "Mobile=13912345678");

    assertThat(cli.exitCode()).isEqualTo(Huiyi31Cli.USAGE);
    assertThat(cli.err()).contains("Missing required option: '--ticket=SKU_ID:SKU_NAME[:QTY]'", "--ticket-name");
  }

  @Test
  void neitherTheSecretNorATokenAppearsInTheOutputOrTheLogs() {
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
    Cli.Result ok;
    Cli.Result refused;
    try {
      System.setOut(capture);
      System.setErr(capture);
      ok = withCredentials("register", "--event", EVENT, "--type-name", "嘉宾", "--field", "姓名=张晓明",
          "--field", "手机=13912345678", "--json");
      refused = Cli.runWithSecret("wrong-" + Huiyi31Sandbox.DEMO_APP_SECRET, "register", "--base-url", sandbox.baseUrl(),
          "--app-key", Huiyi31Sandbox.DEMO_APP_KEY, "--event", EVENT, "--type-name", "嘉宾", "--field", "手机=13912345678");
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }

    assertThat(ok.exitCode()).as(ok.toString()).isZero();
    assertThat(refused.exitCode()).isEqualTo(Huiyi31Cli.FAILED);
    assertThat(refused.err()).contains("refused to issue an access token");
    String everything = ok.out() + ok.err() + refused.out() + refused.err() + console.toString(StandardCharsets.UTF_8);
    assertThat(everything).doesNotContain(Huiyi31Sandbox.DEMO_APP_SECRET).doesNotContainPattern("[A-Za-z0-9_-]{43}");
  }

  private static RegisterAttendeeRequest lastRegistration() {
    List<RegisterAttendeeRequest> registrations = sandbox.registrations();
    return registrations.get(registrations.size() - 1);
  }

  private static FormField field(String name, String value) {
    return new FormField().fieldName(name).fieldValue(value);
  }
}
