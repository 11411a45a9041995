package com.huiyi31.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ticket grammar: SKU_ID:SKU_NAME or SKU_ID:SKU_NAME:QTY, QTY the ASCII digits alone, 1 to 100.
 * Everything else is refused with its reason; it used to be sent as part of the name with quantity 1.
 */
class TicketArgumentTest {

  private static final String EVENT = "07320000-fe25-16f7-4c65-08d9fb59aefd";
  private static final String TYPE = "51f10000-4961-fe41-aba5-08dc70ba48eb";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "SKU1:嘉宾             | SKU1 | 嘉宾      | 1",
      "SKU1:嘉宾:2           | SKU1 | 嘉宾      | 2",
      "SKU1:嘉宾:100         | SKU1 | 嘉宾      | 100",
      "SKU1:嘉宾:007         | SKU1 | 嘉宾      | 7",
      "\" SKU1 : 嘉宾 :3\"   | SKU1 | 嘉宾      | 3",
      "SKU1:Day 2            | SKU1 | Day 2     | 1",
      "SKU1:嘉宾：VIP        | SKU1 | 嘉宾：VIP | 1",
      "SKU1:第2天:1          | SKU1 | 第2天     | 1"})
  void theFullFormGivesIdNameAndQuantity(String text, String id, String name, int quantity) {
    TicketArgument ticket = TicketArgument.parse(text);

    assertThat(ticket.item().getItemSkuId()).isEqualTo(id);
    assertThat(ticket.item().getItemSkuName()).isEqualTo(name);
    assertThat(ticket.item().getQuantity()).isEqualTo(quantity);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "SKU1:嘉宾: 2            | QTY has spaces around it",
      "\"SKU1:嘉宾:2 \"        | QTY has spaces around it",
      "SKU1:嘉宾:２            | QTY has digits other than 0-9 (full-width ones?)",
      "SKU1:嘉宾:١٢            | QTY has digits other than 0-9",
      "SKU1:嘉宾:10000000000   | QTY is more than 100",
      "SKU1:嘉宾:101           | QTY is more than 100",
      "SKU1:嘉宾:0             | QTY is 0: it must be at least 1",
      "SKU1:嘉宾:000           | QTY is 0",
      "SKU1:嘉宾:-1            | QTY is not a whole number",
      "SKU1:嘉宾:+2            | QTY is not a whole number",
      "SKU1:嘉宾:2张           | QTY is not a whole number",
      "SKU1:嘉宾:1.5           | QTY is not a whole number",
      "SKU1:嘉宾:              | QTY, after the last ':', is empty",
      "SKU1:嘉宾：2            | SKU_NAME ends in a number after a colon that is not ':'",
      "SKU1:嘉宾 ﹕ 2          | SKU_NAME ends in a number after a colon that is not ':'",
      "SKU1:2                  | SKU_NAME looks like a quantity",
      "SKU1:２                 | SKU_NAME looks like a quantity",
      "SKU1::2                 | SKU_NAME is empty",
      "\"SKU1: \"              | SKU_NAME is empty",
      ":嘉宾                   | SKU_ID, before the first ':', is empty",
      "SKU1:VIP:Gold:2         | it has more than two ':' (a ticket's name cannot contain ':')",
      "\" \"                   | it is empty"})
  void anAmbiguousOrMalformedTicketIsRefusedWithItsReason(String text, String reason) {
    assertThatThrownBy(() -> TicketArgument.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason)
        .satisfies(e -> assertThat(text.isBlank() || !e.getMessage().contains(text.strip())).as("quotes no value").isTrue());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "SKU1:嘉宾: 2          | QTY has spaces around it",
      "SKU1:嘉宾:２          | QTY has digits other than 0-9",
      "SKU1:嘉宾:10000000000 | QTY is more than 100",
      "SKU1:嘉宾：2          | SKU_NAME ends in a number after a colon that is not ':'",
      "SKU1:2                | SKU_NAME looks like a quantity"})
  void registerRefusesItAsAUsageErrorAndSendsNothing(String ticket, String reason) {
    Cli.Result cli = Cli.run("register", "--base-url", wm.baseUrl(), "--event", EVENT, "--type", TYPE,
        "--ticket", ticket, "--field", "FullName=测试人甲", "--field", "Mobile=13700000001");

    assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(Huiyi31Cli.USAGE);
    assertThat(cli.err()).contains("Invalid value for option '--ticket' (SKU_ID:SKU_NAME[:QTY]): '" + ticket + "': " + reason)
        .doesNotContain("测试人甲", "13700000001");
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void withoutAppKeyAnIdAloneIsRefusedAndAFullWidthColonIsPointedOut() {
    Cli.Result idOnly = Cli.run("register", "--base-url", wm.baseUrl(), "--event", EVENT, "--type", TYPE,
        "--ticket", "SKU1", "--field", "Mobile=13912345678");
    Cli.Result fullWidth = Cli.run("register", "--base-url", wm.baseUrl(), "--event", EVENT, "--type", TYPE,
        "--ticket", "SKU1：嘉宾", "--field", "Mobile=13912345678");

    assertThat(idOnly.exitCode()).isEqualTo(Huiyi31Cli.USAGE);
    assertThat(idOnly.err()).contains("--ticket takes SKU_ID:SKU_NAME[:QTY] without --app-key, but got 'SKU1'.");
    assertThat(fullWidth.exitCode()).isEqualTo(Huiyi31Cli.USAGE);
    assertThat(fullWidth.err()).contains("--ticket takes SKU_ID:SKU_NAME[:QTY] (with an ASCII ':', not '：')");
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void importRefusesABadDefaultTicketAndSaysWhy() {
    Cli.Result cli = Cli.run("import", "any.csv", "--base-url", wm.baseUrl(), "--event", EVENT, "--type", TYPE,
        "--ticket", "SKU1:嘉宾: 2");

    assertThat(cli.exitCode()).isEqualTo(Huiyi31Cli.USAGE);
    assertThat(cli.err()).contains("'SKU1:嘉宾: 2': QTY has spaces around it");
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void theHelpStatesTheGrammar() {
    String help = Cli.run("register", "--help").out().replaceAll("\\s+", " ");

    assertThat(help).contains("--ticket=SKU_ID:SKU_NAME[:QTY]", "SKU_ID:SKU_NAME:QTY with QTY the digits 0-9",
        "1 to 100", "cannot contain ':'", "full-width", "refused, not guessed");
  }
}
