package com.huiyi31.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegisterCommandTest {

  private static final String REGISTER_PATH = "/op/notoken/api/Attendee/v1/Register";
  private static final String EVENT = "07320000-fe25-16f7-4c65-08d9fb59aefd";
  private static final String TYPE = "51f10000-4961-fe41-aba5-08dc70ba48eb";
  private static final String TICKET = "40180000-300e-9237-c7af-08dc6f31f78c";
  private static final String REGISTERED = "{\"businessCode\":0,\"businessMessage\":\"\",\"data\":{\"status\":0,"
      + "\"orderId\":\"b0e50000-6b13-9276-9e47-08d99f646f52\",\"orderNo\":\"2111041526362863634\",\"orderStatus\":\"Paid\","
      + "\"orderAmount\":0.0,\"orderType\":\"Main\",\"orderAttendees\":[{\"attendeeId\":\"b0e50000-6b13-9276-9e9a-08d99f646f52\","
      + "\"attendeeAbstractType\":0,\"name\":\"张晓明\",\"mobile\":\"13912345678\",\"status\":\"\","
      + "\"checkinCode\":\"1475765432202956800\"}]}}";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static Cli.Result register(String... extra) {
    String[] base = {"register", "--base-url", wm.baseUrl(), "--event", EVENT, "--type", TYPE,
        "--ticket", TICKET + ":嘉宾", "--field", "FullName=张晓明", "--field", "Mobile=13912345678"};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return Cli.run(args);
  }

  private static void answer(String body) {
    wm.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse()
        .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body)));
  }

  @Test
  void printsTheOrderNumberAndCheckInCodeWithTheMobileMasked() {
    answer(REGISTERED);

    Cli.Result cli = register();

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).contains("order 2111041526362863634", "Paid", "0.0", "张晓明", "139****5678",
        "check-in code 1475765432202956800").doesNotContain("13912345678");
  }

  @Test
  void sendsExactlyTheRequestTheFlagsDescribe() {
    answer(REGISTERED);

    register("--ticket", "sku-2:VIP:2", "--agenda", "agenda-1:" + TICKET, "--invitation", "INV2026",
        "--purchaser-name", "王建国", "--purchaser-mobile", "13787654321", "--purchaser-area-code", "+86",
        "--field", "Company=示例=科技");

    wm.verify(1, postRequestedFor(urlEqualTo(REGISTER_PATH)).withRequestBody(equalToJson("{"
        + "\"InvitationCode\":\"INV2026\",\"BventId\":\"" + EVENT + "\",\"AttendeeTypeId\":\"" + TYPE + "\","
        + "\"Attendee\":{\"Fields\":[{\"FieldName\":\"FullName\",\"FieldValue\":\"张晓明\"},"
        + "{\"FieldName\":\"Mobile\",\"FieldValue\":\"13912345678\"},{\"FieldName\":\"Company\",\"FieldValue\":\"示例=科技\"}]},"
        + "\"Purchaser\":{\"Name\":\"王建国\",\"AreaCode\":\"+86\",\"Mobile\":\"13787654321\"},"
        + "\"Items\":[{\"ItemSkuId\":\"" + TICKET + "\",\"ItemSkuName\":\"嘉宾\",\"Quantity\":1},"
        + "{\"ItemSkuId\":\"sku-2\",\"ItemSkuName\":\"VIP\",\"Quantity\":2}],"
        + "\"Agendas\":[{\"AgendaId\":\"agenda-1\",\"ParentSkuId\":\"" + TICKET + "\"}]}")));
  }

  @Test
  void jsonPrintsThePlatformsWholeAnswer() {
    answer(REGISTERED);

    Cli.Result cli = register("--json");

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).contains("\"orderNo\" : \"2111041526362863634\"", "\"checkinCode\" : \"1475765432202956800\"");
  }

  @Test
  void aBusinessRejectionPrintsTheCodeAndMessageAndExitsOne() {
    answer("{\"businessCode\":1001,\"businessMessage\":\"手机号已被注册\",\"data\":null}");

    Cli.Result cli = register();

    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.err()).contains("1001", "手机号已被注册");
  }

  @Test
  void aRefusalsMessageReachesTheTerminalWithItsControlSequencesEscapedAndItsMobileMasked() {
    // ED (clear the screen), OSC (set the window title, ended by BEL), C1 CSI, a bidi override, a full mobile.
    answer("{\"businessCode\":1001,\"businessMessage\":\"\\u001b[2J\\u001b]0;pwned\\u0007手机号13912345678已被注册"
        + "\\u009b31m\\u202e\",\"data\":null}");

    Cli.Result cli = register();

    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.err()).contains("Refused by the platform: businessCode 1001", "手机号139****5678已被注册", "\\x9b31m",
        "\\u202e");
    assertThat(cli.out() + cli.err()).doesNotContain("\u001b", "\u0007", "\u009b", "\u202e", "13912345678");
  }

  @Test
  void theOrdersValuesReachTheTerminalWithTheirControlSequencesEscaped() {
    answer(REGISTERED.replace("\"name\":\"张晓明\"", "\"name\":\"\\u001b]0;pwned\\u0007张晓明\\u202e\"")
        .replace("\"orderNo\":\"2111041526362863634\"", "\"orderNo\":\"\\u001b[2J2111041526362863634\"")
        .replace("\"orderStatus\":\"Paid\"", "\"orderStatus\":\"Paid\\nRefused by the platform\""));

    Cli.Result cli = register();

    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    assertThat(cli.out()).contains("order \\x1b[2J2111041526362863634, status Paid\\nRefused by the platform,",
        "\\x1b]0;pwned\\x07张晓明\\u202e  139****5678");
    assertThat(cli.out()).doesNotContain("\u001b", "\u0007", "\u202e").hasLineCount(2);
  }

  @Test
  void jsonEscapesWhatATerminalWouldActOnAndStaysTheSameJson() throws Exception {
    answer(REGISTERED.replace("\"name\":\"张晓明\"", "\"name\":\"\\u001b[2J\\u009b张晓明\\u202e\""));

    Cli.Result cli = register("--json");

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).doesNotContain("\u001b", "\u009b", "\u202e").contains("\\u001B[2J\\u009B张晓明\\u202E");
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(cli.out()).at("/data/orderAttendees/0/name").asText())
        .isEqualTo("\u001b[2J\u009b张晓明\u202e");
  }

  @Test
  void theProblemsOfARegistrationByNamesQuoteThePlatformsNamesEscaped() {
    wm.stubFor(post(urlEqualTo("/connect/token")).willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody("{\"access_token\":\"token-1\",\"token_type\":\"Bearer\",\"expires_in\":600}")));
    wm.stubFor(post(urlEqualTo("/op/api/AttendeeType/v1/list")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody("{\"businessCode\":0,\"businessMessage\":\"\",\"data\":{\"attendeeTypes\":[{\"id\":\"t-1\","
            + "\"name\":\"\\u001b]0;pwned\\u0007嘉宾\\u202e\",\"tickets\":[],\"fields\":[]}]}}")));

    Cli.Result cli = Cli.runWithSecret("secret-1", "register", "--base-url", wm.baseUrl(), "--app-key", "key-1",
        "--event", EVENT, "--type-name", "观众", "--field", "Mobile=13912345678");

    assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(2);
    assertThat(cli.err()).contains("\\x1b]0;pwned\\x07嘉宾\\u202e").doesNotContain("\u001b", "\u0007", "\u202e");
    wm.verify(0, postRequestedFor(urlEqualTo(REGISTER_PATH)));
  }

  @Test
  void anHttpFailureSaysWhetherTheOrderMayExistAndExitsOne() {
    wm.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));

    Cli.Result cli = register();

    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.err()).contains("HTTP 502", "may have processed");
  }

  @Test
  void anInvalidRequestIsAUsageErrorAndNothingIsSent() {
    Cli.Result cli = Cli.run("register", "--base-url", wm.baseUrl(), "--event", EVENT, "--type", TYPE,
        "--ticket", TICKET + ":嘉宾", "--field", "FullName=张晓明");

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("$.Attendee.Fields", "Mobile or Email");
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aMalformedFlagIsAUsageError() {
    Cli.Result cli = register("--field", "no-equals-sign");

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("--field takes NAME=VALUE");
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aMissingRequiredFlagIsAUsageError() {
    Cli.Result cli = Cli.run("register", "--base-url", wm.baseUrl());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("--event");
  }

  @Test
  void withoutATargetItRegistersAgainstTheEmbeddedSandbox() {
    Cli.Result cli = Cli.run("register", "--event", EVENT, "--type", TYPE, "--ticket", TICKET + ":嘉宾",
        "--field", "FullName=张晓明", "--field", "Mobile=13912345678");

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.err()).contains("embedded offline sandbox");
    assertThat(cli.out()).containsPattern("order [0-9]{19}").containsPattern("check-in code [0-9]{19}");
  }

  @Test
  void baseUrlAndEnvTogetherAreAUsageError() {
    Cli.Result cli = register("--env", "test");

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("not both");
  }

  @Test
  void helpListsTheCommandsAndExitCodes() {
    Cli.Result cli = Cli.run("--help");

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).contains("register", "import", "types", "sandbox", "Exit codes", "some rows failed",
        "HUIYI31_APP_SECRET");
  }
}
