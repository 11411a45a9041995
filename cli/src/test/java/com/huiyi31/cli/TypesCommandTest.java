package com.huiyi31.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiyi31.client.model.AttendeeType;
import com.huiyi31.client.model.AttendeeTypeTicket;
import com.huiyi31.client.model.FieldOption;
import com.huiyi31.client.model.FormFieldDefinition;
import com.huiyi31.client.model.TicketAgenda;
import com.huiyi31.sandbox.Huiyi31Sandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code huiyi31 types}: the demo event's types from a running sandbox, and how credentials are taken. */
class TypesCommandTest {

  private static final String EVENT = Huiyi31Sandbox.DEMO_EVENT_ID;
  private static Huiyi31Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = Huiyi31Sandbox.start(0);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static Cli.Result types(String secret, String... extra) {
    List<String> args = new ArrayList<>(List.of("types", "--base-url", sandbox.baseUrl(), "--event", EVENT,
        "--app-key", Huiyi31Sandbox.DEMO_APP_KEY));
    args.addAll(List.of(extra));
    return Cli.runWithSecret(secret, args.toArray(new String[0]));
  }

  @Test
  void theTableShowsEachTypeWithItsTicketsSessionsFieldsAndOptionCodesAligned() {
    Cli.Result cli = types(Huiyi31Sandbox.DEMO_APP_SECRET);

    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    List<String> lines = cli.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("Event " + EVENT + ": 2 attendee types.");
    assertThat(lines).containsSubsequence(
        "嘉宾  (type 51f10000-4961-fe41-aba5-08dc70ba48eb, 1 ticket, 7 fields)",
        "  TICKET  ID                                    ON SALE  SESSIONS (AgendaId)",
        "  嘉宾票  40180000-300e-9237-c7af-08dc6f31f78c  yes      51f10000-4961-fe41-c8a2-08dc70ba4988",
        "                                                         51f10000-4961-fe41-c8b0-08dc70ba4988",
        "  FIELD     FIELD NAME    OPTIONS (text = code)",
        "  姓名      FullName",
        "  手机      Mobile",
        "  单选选择  StringField1  单 = 0",
        "                          个 = 1",
        "                          选 = 2",
        "观众  (type 51f10000-4961-fe41-b3c6-08dc70ba48eb, 2 tickets, 5 fields)",
        "  观众票  40180000-300e-9237-d1a4-08dc6f31f78c  yes               51f10000-4961-fe41-c8a2-08dc70ba4988",
        "  早鸟票  40180000-300e-9237-d1b2-08dc6f31f78c  NO (not on sale)  -",
        "  性别   StringField2  男 = 0",
        "                       女 = 1");
    assertThat(lines).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
  }

  @Test
  void jsonPrintsTheTypesInThePlatformsShape() throws IOException {
    Cli.Result cli = types(Huiyi31Sandbox.DEMO_APP_SECRET, "--json");

    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    JsonNode printed = new ObjectMapper().readTree(cli.out());
    assertThat(printed.isArray()).isTrue();
    assertThat(printed).isEqualTo(demoTypes());
  }

  @Test
  void theSecretCanBeTypedAtAPromptThatNamesTheKey() {
    List<String> questions = new ArrayList<>();
    SecretSources terminal = new SecretSources(name -> null, question -> {
      questions.add(question);
      return Huiyi31Sandbox.DEMO_APP_SECRET.toCharArray();
    });

    Cli.Result cli = Cli.run(terminal, "types", "--base-url", sandbox.baseUrl(), "--event", EVENT,
        "--app-key", Huiyi31Sandbox.DEMO_APP_KEY);

    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    assertThat(questions).containsExactly("App secret for sandbox-app-key (not shown as you type): ");
    assertThat(cli.out()).contains("嘉宾", "观众");
  }

  @Test
  void theEnvironmentVariableWinsOverThePrompt() {
    SecretSources both = new SecretSources(name -> Huiyi31Sandbox.DEMO_APP_SECRET, question -> {
      throw new AssertionError("asked although HUIYI31_APP_SECRET is set");
    });

    Cli.Result cli = Cli.run(both, "types", "--base-url", sandbox.baseUrl(), "--event", EVENT,
        "--app-key", Huiyi31Sandbox.DEMO_APP_KEY);

    assertThat(cli.exitCode()).as(cli.toString()).isZero();
  }

  @Test
  void withoutASecretItIsAUsageErrorThatSaysWhereTheSecretGoes() {
    Cli.Result noTerminal = Cli.run("types", "--base-url", sandbox.baseUrl(), "--event", EVENT, "--app-key", "k");
    Cli.Result nothingTyped = Cli.run(new SecretSources(name -> null, question -> new char[0]), "types", "--base-url",
        sandbox.baseUrl(), "--event", EVENT, "--app-key", "k");

    for (Cli.Result cli : List.of(noTerminal, nothingTyped)) {
      assertThat(cli.exitCode()).isEqualTo(2);
      assertThat(cli.err()).contains("--app-key k needs its app secret: set the environment variable HUIYI31_APP_SECRET")
          .contains("no secret on the command line");
      assertThat(cli.out()).isEmpty();
    }
  }

  @Test
  void withoutAnAppKeyItIsAUsageError() {
    Cli.Result cli = Cli.runWithSecret(Huiyi31Sandbox.DEMO_APP_SECRET, "types", "--base-url", sandbox.baseUrl(), "--event", EVENT);

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("Missing required option: '--app-key=KEY'");
  }

  @Test
  void thereIsNoFlagForTheSecret() {
    Cli.Result cli = types(null, "--app-secret", "typed-on-the-command-line");

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("There is no flag for the app secret", "HUIYI31_APP_SECRET")
        .doesNotContain("typed-on-the-command-line");
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void wrongCredentialsAreAnAuthenticationFailureExitingOneWithoutTheSecret() {
    Cli.Result cli = types("not-the-secret-789");

    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.err()).contains("refused to issue an access token: invalid_grant", "Check the app key and app secret")
        .doesNotContain("not-the-secret-789");
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void anUnknownEventIsThePlatformsRefusal() {
    Cli.Result cli = Cli.runWithSecret(Huiyi31Sandbox.DEMO_APP_SECRET, "types", "--base-url", sandbox.baseUrl(),
        "--event", "no-such-event", "--app-key", Huiyi31Sandbox.DEMO_APP_KEY);

    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.err()).contains("Refused by the platform: businessCode 1010 会议不存在");
  }

  @Test
  void oauthUrlChoosesTheIssuerAndIsCheckedLikeABaseUrl() {
    Cli.Result explicit = types(Huiyi31Sandbox.DEMO_APP_SECRET, "--oauth-url", sandbox.baseUrl() + "/");
    Cli.Result notHttp = types(Huiyi31Sandbox.DEMO_APP_SECRET, "--oauth-url", "ftp://example.com");
    Cli.Result withoutKey = Cli.run("register", "--oauth-url", sandbox.baseUrl(), "--base-url", sandbox.baseUrl(),
        "--event", EVENT, "--type", "t", "--ticket", "s:n", "--field", "Mobile=13912345678");

    assertThat(explicit.exitCode()).as(explicit.toString()).isZero();
    assertThat(notHttp.exitCode()).isEqualTo(2);
    assertThat(notHttp.err()).contains("--oauth-url:", "not an http(s) URL");
    assertThat(withoutKey.exitCode()).isEqualTo(2);
    assertThat(withoutKey.err()).contains("--oauth-url is only used with --app-key");
  }

  @Test
  void withoutATargetItAsksTheEmbeddedSandbox() {
    Cli.Result cli = Cli.runWithSecret(Huiyi31Sandbox.DEMO_APP_SECRET, "types", "--event", EVENT, "--app-key", Huiyi31Sandbox.DEMO_APP_KEY);

    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    assertThat(cli.err()).contains("embedded offline sandbox");
    assertThat(cli.out()).contains("2 attendee types");
  }

  @Test
  void neitherTheSecretNorATokenIsPrinted() {
    Cli.Result table = types(Huiyi31Sandbox.DEMO_APP_SECRET);
    Cli.Result json = types(Huiyi31Sandbox.DEMO_APP_SECRET, "--json");

    for (Cli.Result cli : List.of(table, json)) {
      assertThat(cli.out() + cli.err()).doesNotContain(Huiyi31Sandbox.DEMO_APP_SECRET).doesNotContainPattern("[A-Za-z0-9_-]{43}");
    }
  }

  @Test
  void thePlatformsNamesAndIdsReachTheTerminalWithTheirControlSequencesEscaped() {
    AttendeeType type = new AttendeeType().id("t-1\u001b[2J").name("\u001b]0;pwned\u0007嘉宾")
        .addTicketsItem(new AttendeeTypeTicket().id("sku\u009b1").name("嘉宾票\u202e").isCanSale(true)
            .addRelationAgendasTreeItem(new TicketAgenda().agendaId("agenda\n2")))
        .addFieldsItem(new FormFieldDefinition().fieldName("StringField1").displayName("单选\u0007")
            .addFieldOptionsItem(new FieldOption().optionDescribe("单\u001b[31m").code("0\u202e")));
    StringWriter out = new StringWriter();

    TypesCommand.print(EVENT, List.of(type), new PrintWriter(out));

    assertThat(out.toString()).doesNotContain("\u001b", "\u0007", "\u009b", "\u202e").contains(
        "\\x1b]0;pwned\\x07嘉宾  (type t-1\\x1b[2J,", "嘉宾票\\u202e  sku\\x9b1", "agenda\\n2", "单选\\x07",
        "单\\x1b[31m = 0\\u202e");
  }

  private static JsonNode demoTypes() throws IOException {
    try (InputStream in = TypesCommandTest.class.getResourceAsStream("/sandbox/demo-event.json")) {
      return new ObjectMapper().readTree(in).path("attendeeTypes");
    }
  }
}
