package com.huiyi31.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.huiyi31.client.model.TicketItem;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary and the dry run's plan, from results made up here: no platform, no workers. */
class ImportReportTest {

  @TempDir
  Path dir;

  @Test
  void aDryRunOnAContinuedJournalCountsWhatItHoldsAndWhatARunWouldSend() throws IOException {
    Path csv = ImportFiles.attendees(dir, "dry.csv", "dry", 4); // lines 2..5
    Path journalPath = ImportSettings.defaultJournal(csv);
    RowKeys keys = RowKeys.forJournal(journalPath);
    List<CsvInput.Row> rows = rows(csv, keys);
    try (Journal journal = Journal.open(journalPath, ImportFiles.EVENT, ImportFiles.TYPE, keys, JournalIndex.read(journalPath, 6))) {
      journal.append(Journal.State.SENDING, rows.get(0), Map.of());
      journal.appendOutcome(Journal.State.REGISTERED, rows.get(0), Map.of("orderNo", "1"));
      journal.append(Journal.State.SENDING, rows.get(1), Map.of()); // in flight when it stopped
      journal.append(Journal.State.SENDING, rows.get(2), Map.of());
      journal.appendOutcome(Journal.State.FAILED_NOT_SENT, rows.get(2), Map.of());
    }
    ImportPlan plan;
    try (CsvInput input = CsvInput.open(csv, keys)) {
      plan = ImportPlan.of(input, JournalIndex.read(journalPath, CsvInput.lineCount(csv)), settings(csv, journalPath));
    }
    StringWriter out = new StringWriter();

    ImportReport.printDryRun(new PrintWriter(out), plan, journalPath);

    assertThat(out.toString().lines()).containsExactly(
        "All 4 rows are valid. Nothing was sent (--dry-run).",
        "Already in the journal " + journalPath + ": 1 REGISTERED (1 by an earlier run), 1 UNKNOWN.",
        "An import would send 2 rows.");
  }

  @Test
  void theSummaryListsTheLinesToLookAtByOutcomeAndCutsLongLists() {
    ImportReport report = new ImportReport(0, dir.resolve("many.result.csv"), dir.resolve("many.csv.journal"));
    report.add(2, RowResult.registered(null, true));
    report.add(3, RowResult.failed(new IllegalStateException("boom")));
    for (int line = 4; line <= 61; line++) {
      report.add(line, RowResult.notReached("the import was interrupted"));
    }
    StringWriter out = new StringWriter();

    report.printSummary(new PrintWriter(out), "disk full");

    assertThat(report.allRegistered()).isFalse();
    assertThat(out.toString().lines()).containsExactly(
        "60 rows: 58 FAILED_NOT_SENT, 1 REGISTERED, 1 UNKNOWN.",
        "Results: " + dir.resolve("many.result.csv"),
        "Journal: " + dir.resolve("many.csv.journal"),
        "Not sent or not processed (a re-run sends them): lines " + lines(4, 53) + " and 8 more (see the results file).",
        "Outcome unknown: the platform may have registered them. Check them on the platform; a re-run sends them only "
            + "with --resend-unknown (which registers twice any that were registered): line 3.",
        "Registered after an attempt whose outcome was unknown: check the platform for a second order: line 2.",
        "The journal could not be written (disk full): the rows in flight then count as unknown.");
  }

  private static List<CsvInput.Row> rows(Path csv, RowKeys keys) {
    List<CsvInput.Row> rows = new ArrayList<>();
    try (CsvInput input = CsvInput.open(csv, keys)) {
      for (CsvInput.Row row; (row = input.next()) != null; ) {
        rows.add(row);
      }
    }
    return rows;
  }

  private static String lines(int from, int to) {
    StringBuilder lines = new StringBuilder();
    for (int line = from; line <= to; line++) {
      lines.append(line == from ? "" : ", ").append(line);
    }
    return lines.toString();
  }

  private static ImportSettings settings(Path csv, Path journal) {
    ImportSettings.TicketParser tickets = value -> {
      String[] idAndName = value.split(":", 2);
      return new TicketItem().itemSkuId(idAndName[0]).itemSkuName(idAndName[1]).quantity(1);
    };
    return new ImportSettings(csv, journal, ImportSettings.defaultResult(csv), ImportFiles.EVENT, ImportFiles.TYPE,
        ImportFiles.TICKET, tickets, 4, 0, false, false, false, null);
  }
}
