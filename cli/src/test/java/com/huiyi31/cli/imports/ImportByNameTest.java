package com.huiyi31.cli.imports;

import static com.huiyi31.cli.imports.ImportFiles.journalEvents;
import static com.huiyi31.cli.imports.ImportFiles.results;
import static com.huiyi31.cli.imports.ImportFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.huiyi31.cli.Cli;
import com.huiyi31.client.model.FormField;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.sandbox.Huiyi31Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code huiyi31 import} by names, end to end against the sandbox: columns named by field labels,
 * choices by option text, the type and ticket by name, every row resolved before anything is sent.
 */
class ImportByNameTest {

  private static final String EVENT = Huiyi31Sandbox.DEMO_EVENT_ID;
  private static final String GUEST = "51f10000-4961-fe41-aba5-08dc70ba48eb";
  private static final String GUEST_TICKET = "40180000-300e-9237-c7af-08dc6f31f78c";

  private static Huiyi31Sandbox sandbox;

  @TempDir
  Path dir;

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

  private static Cli.Result importByNames(Path csv, String... more) {
    List<String> args = new ArrayList<>(List.of("import", csv.toString(), "--base-url", sandbox.baseUrl(),
        "--app-key", Huiyi31Sandbox.DEMO_APP_KEY, "--event", EVENT));
    args.addAll(List.of(more));
    return Cli.runWithSecret(Huiyi31Sandbox.DEMO_APP_SECRET, args.toArray(new String[0]));
  }

  @Test
  void labelsAndOptionTextsAreSentAsFieldNamesAndCodes() throws IOException {
    Path csv = write(dir, "guests.csv", "姓名,手机,单选选择,公司\n"
        + "张晓明,13912345678,单,示例科技\n"
        + "李思雨,13698765432,个,\n"
        + "王建国,13512345678,2,\n");

    Cli.Result result = importByNames(csv, "--type-name", "嘉宾", "--ticket-name", "嘉宾票", "--concurrency", "1");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).contains("3 rows: 3 REGISTERED.");
    List<RegisterAttendeeRequest> sent = sandbox.registrations();
    assertThat(sent).hasSize(3).allSatisfy(body -> {
      assertThat(body.getAttendeeTypeId()).isEqualTo(GUEST);
      assertThat(body.getItems().get(0).getItemSkuId()).isEqualTo(GUEST_TICKET);
    });
    assertThat(sent).extracting(body -> body.getAttendee().getFields().stream().map(FormField::getFieldName).toList())
        .containsExactly(List.of("FullName", "Mobile", "StringField1", "Company"), List.of("FullName", "Mobile", "StringField1"),
            List.of("FullName", "Mobile", "StringField1"));
    assertThat(sent).extracting(body -> body.getAttendee().getFields().get(2).getFieldValue())
        .containsExactly("0", "1", "2");
    Map<String, Map<String, String>> rows = results(dir.resolve("guests.result.csv"));
    assertThat(rows.keySet()).containsExactly("张晓明", "李思雨", "王建国");
    assertThat(rows.get("张晓明")).containsEntry("单选选择", "单").containsEntry("status", "REGISTERED");
    assertThat(rows.get("张晓明").get("orderNo")).matches("[0-9]{19}");
  }

  @Test
  void everyRowIsResolvedFirstAndEachBadOneReportedByLineWithoutValues() throws IOException {
    Path csv = write(dir, "bad.csv", "姓名,手机,单选选择\n"
        + "ok-2,13900000002,单\n"
        + "bad-3,13900000003,多\n" // not an option
        + "bad-4,,单\n" // neither mobile nor email
        + "bad-5,12ab34,个\n"); // not a mobile number

    Cli.Result result = importByNames(csv, "--type-name", "嘉宾");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.err()).contains("3 of 4 rows are invalid. Nothing was sent.",
        "line 3: column \"单选选择\" has a value that is neither the text nor the code of an option of 单选选择 (StringField1)",
        "line 4: the row has no non-empty Mobile or Email field",
        "line 5: column \"手机\" is not a mobile number");
    assertThat(result.err()).doesNotContain("line 2:", "多", "12ab34", "bad-");
    assertThat(sandbox.registrations()).isEmpty();
    assertThat(dir.resolve("bad.csv.journal")).doesNotExist();
  }

  @Test
  void anUnknownTypeNameIsReportedOnceAndNothingIsSent() throws IOException {
    Path csv = write(dir, "vip.csv", "姓名,手机\na,13900000001\nb,13900000002\n");

    Cli.Result result = importByNames(csv, "--type-name", "VIP");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Nothing was sent: the attendee type \"VIP\" is not the name or id of any attendee type",
        "嘉宾 [" + GUEST + "]");
    assertThat(result.err().split("\"VIP\"", -1)).hasSize(2);
    assertThat(sandbox.registrations()).isEmpty();
  }

  @Test
  void aTicketColumnTakesTicketNamesAndATicketNotOnSaleIsThatRowsProblem() throws IOException {
    Path csv = write(dir, "visitors.csv", "姓名,邮箱,性别,ticket\n"
        + "a,a@example.com,男,观众票\n"
        + "b,b@example.com,女,早鸟票\n");

    Cli.Result result = importByNames(csv, "--type-name", "观众");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("1 of 2 rows is invalid", "line 3: column \"ticket\" \"早鸟票\" is not on sale");
    assertThat(sandbox.registrations()).isEmpty();
  }

  @Test
  void aDryRunByNamesResolvesEveryRowAndSendsNothing() throws IOException {
    Path csv = write(dir, "dry.csv", "姓名,邮箱,性别\na,a@example.com,男\n");

    Cli.Result result = importByNames(csv, "--type-name", "观众", "--dry-run");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).contains("All 1 rows are valid. Nothing was sent (--dry-run).");
    assertThat(sandbox.registrations()).isEmpty();
  }

  @Test
  void aRunByNameAndARerunByIdShareTheJournalSoNothingIsSentTwice() throws IOException {
    Path csv = write(dir, "again.csv", "姓名,手机\n甲,13900000011\n乙,13900000012\n");

    Cli.Result byName = importByNames(csv, "--type-name", "嘉宾", "--ticket-name", "嘉宾票");
    Cli.Result byId = importByNames(csv, "--type", GUEST, "--ticket", GUEST_TICKET);
    Cli.Result withoutCredentials = Cli.run("import", csv.toString(), "--base-url", sandbox.baseUrl(), "--event", EVENT,
        "--type", GUEST, "--ticket", GUEST_TICKET + ":嘉宾票");

    assertThat(byName.exitCode()).as(byName.toString()).isZero();
    assertThat(byId.exitCode()).as(byId.toString()).isZero();
    assertThat(byId.out()).contains("2 rows: 2 REGISTERED (2 by an earlier run).");
    assertThat(sandbox.registrations()).hasSize(2);
    assertThat(withoutCredentials.exitCode()).as("labels are not field names").isEqualTo(2);
    assertThat(withoutCredentials.err()).contains("\"姓名\" look like field labels", "--app-key");
    String header = Files.readAllLines(dir.resolve("again.csv.journal"), StandardCharsets.UTF_8).stream()
        .filter(line -> line.contains("JOURNAL")).findFirst().orElseThrow();
    assertThat(header).contains("type=" + GUEST);
    assertThat(journalEvents(dir.resolve("again.csv.journal"))).extracting(event -> event[1])
        .containsSubsequence("SENDING", "REGISTERED");
  }

  @Test
  void namesWithoutCredentialsAreAUsageError() throws IOException {
    Path csv = write(dir, "plain.csv", "FullName,Mobile\na,13900000001\n");

    Cli.Result typeName = Cli.run("import", csv.toString(), "--base-url", sandbox.baseUrl(), "--event", EVENT,
        "--type-name", "嘉宾", "--ticket", GUEST_TICKET + ":嘉宾");
    Cli.Result ticketName = Cli.run("import", csv.toString(), "--base-url", sandbox.baseUrl(), "--event", EVENT,
        "--type", GUEST, "--ticket-name", "嘉宾票");

    assertThat(typeName.exitCode()).isEqualTo(2);
    assertThat(typeName.err()).contains("--type-name needs --app-key");
    assertThat(ticketName.exitCode()).isEqualTo(2);
    assertThat(ticketName.err()).contains("--ticket-name needs --app-key");
    assertThat(sandbox.registrations()).isEmpty();
  }
}
