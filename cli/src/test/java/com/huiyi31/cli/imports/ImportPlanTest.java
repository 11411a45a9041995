package com.huiyi31.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huiyi31.client.model.TicketItem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run sends and skips, by what the journal says of each row and the options. */
class ImportPlanTest {

  @TempDir
  Path dir;

  private Path csv;
  private Path journalPath;
  private RowKeys keys;
  private List<CsvInput.Row> rows;

  @BeforeEach
  void sevenRows() throws IOException {
    csv = ImportFiles.attendees(dir, "plan.csv", "plan", 7); // lines 2..8
    journalPath = ImportSettings.defaultJournal(csv);
    keys = RowKeys.forJournal(journalPath);
    rows = new ArrayList<>();
    try (CsvInput input = CsvInput.open(csv, keys)) {
      for (CsvInput.Row row; (row = input.next()) != null; ) {
        rows.add(row);
      }
    }
  }

  @Test
  void withoutAJournalEveryRowIsSent() {
    ImportPlan plan = plan(false, false);

    assertThat(planned(plan)).hasSize(7).allSatisfy(row -> {
      assertThat(row.send()).isTrue();
      assertThat(row.journaledOutcome()).isNull();
      assertThat(row.earlierAttemptUnknown()).isFalse();
    });
    assertThat(plan.rows()).isEqualTo(7);
    assertThat(plan.toSend()).isEqualTo(7);
    assertThat(plan.skippedByStatus()).isEmpty();
    assertThat(plan.continuesAJournal()).isFalse();
    assertThat(plan.registeredBefore()).isZero();
  }

  @Test
  void aRowSentWithoutAnOutcomeIsPlannedAsUnknownAndNotResent() throws IOException {
    try (Journal journal = Journal.open(journalPath, ImportFiles.EVENT, ImportFiles.TYPE, keys, JournalIndex.read(journalPath, 9))) {
      journal.append(Journal.State.SENDING, row(4), Map.of()); // then the process died
    }

    ImportPlan plan = plan(false, false);

    ImportPlan.PlannedRow inFlight = planned(plan).get(2);
    assertThat(inFlight.line()).isEqualTo(4);
    assertThat(inFlight.journaledOutcome()).isEqualTo(RowOutcome.UNKNOWN);
    assertThat(inFlight.send()).as("may be registered: not sent again").isFalse();
    assertThat(plan.skippedByStatus()).containsExactly(Map.entry("UNKNOWN", 1L));
    assertThat(planned(plan)).filteredOn(ImportPlan.PlannedRow::send).extracting(ImportPlan.PlannedRow::line)
        .containsExactly(2, 3, 5, 6, 7, 8);
    assertThat(RowResult.asJournaled(plan.journal().history(4)).status()).isEqualTo("UNKNOWN");

    ImportPlan resend = plan(false, true);

    assertThat(planned(resend).get(2).send()).as("--resend-unknown").isTrue();
    assertThat(planned(resend).get(2).earlierAttemptUnknown()).as("a registration now may be a second one").isTrue();
  }

  @Test
  void eachJournaledOutcomeIsSentOrSkippedAsTheOptionsSay() throws IOException {
    try (Journal journal = Journal.open(journalPath, ImportFiles.EVENT, ImportFiles.TYPE, keys, JournalIndex.read(journalPath, 9))) {
      outcome(journal, 2, Journal.State.REGISTERED);
      outcome(journal, 3, Journal.State.REFUSED);
      outcome(journal, 4, Journal.State.FAILED_NOT_SENT);
      outcome(journal, 5, Journal.State.FAILED_NOT_PROCESSED);
      outcome(journal, 6, Journal.State.UNKNOWN);
      journal.append(Journal.State.SENDING, row(7), Map.of());
      // line 8: never tried
    }

    ImportPlan plain = plan(false, false);

    assertThat(planned(plain)).extracting(ImportPlan.PlannedRow::journaledOutcome).containsExactly(
        RowOutcome.REGISTERED, RowOutcome.REFUSED, RowOutcome.NOT_SENT, RowOutcome.NOT_PROCESSED, RowOutcome.UNKNOWN,
        RowOutcome.UNKNOWN, null);
    assertThat(sent(false, false)).containsExactly(4, 5, 8);
    assertThat(sent(true, false)).containsExactly(3, 4, 5, 8);
    assertThat(sent(false, true)).containsExactly(4, 5, 6, 7, 8);
    assertThat(sent(true, true)).as("registered: never sent again").containsExactly(3, 4, 5, 6, 7, 8);
    assertThat(plan(true, true).toSend()).isEqualTo(6);
    assertThat(plain.toSend()).isEqualTo(3);
    assertThat(plain.skippedByStatus()).containsOnly(Map.entry("REGISTERED", 1L), Map.entry("REFUSED", 1L),
        Map.entry("UNKNOWN", 2L));
    assertThat(plain.registeredBefore()).isEqualTo(1);
    assertThat(plain.continuesAJournal()).isTrue();
  }

  @Test
  void aJournalOfRowsTheFileNoLongerHoldsCannotBeContinued() throws IOException {
    try (Journal journal = Journal.open(journalPath, ImportFiles.EVENT, ImportFiles.TYPE, keys, JournalIndex.read(journalPath, 9))) {
      outcome(journal, 3, Journal.State.REGISTERED);
      journal.append(Journal.State.SENDING, new CsvInput.Row(20, List.of("gone"), null, "00000000000000ff"), Map.of());
      journal.append(Journal.State.SENDING, new CsvInput.Row(5, List.of("edited"), null, "00000000000000ee"), Map.of());
    }

    assertThatThrownBy(() -> plan(false, true)).isInstanceOf(InvalidImportException.class)
        .hasMessageContaining("The file changed since the journal " + journalPath)
        .hasMessageContaining("line 5 (SENDING) has different content")
        .hasMessageContaining("line 20 (SENDING) is no longer a row of the file")
        .message().doesNotContain("line 3");
  }

  @Test
  void theSendingPassRefusesARowThatIsNotTheOneValidated() {
    ImportPlan plan = plan(false, false);
    CsvInput.Row edited = new CsvInput.Row(3, List.of("plan-002", "13900000009", "ACME"), null,
        keys.of(List.of("FullName", "Mobile", "Company"), List.of("plan-002", "13900000009", "ACME")));

    assertThat(plan.recheck(rows.get(1), 1)).isNotNull();
    assertThat(plan.recheck(edited, 1)).as("other content").isNull();
    assertThat(plan.recheck(rows.get(1), 2)).as("another place").isNull();
    assertThat(plan.recheck(rows.get(1), 7)).as("a row added since").isNull();
  }

  private ImportPlan plan(boolean retryRefused, boolean resendUnknown) {
    try (CsvInput input = CsvInput.open(csv, keys)) {
      return ImportPlan.of(input, JournalIndex.read(journalPath, CsvInput.lineCount(csv)), settings(retryRefused, resendUnknown));
    }
  }

  /** Every row as the sending pass plans it. */
  private List<ImportPlan.PlannedRow> planned(ImportPlan plan) {
    List<ImportPlan.PlannedRow> planned = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      planned.add(plan.recheck(rows.get(i), i));
    }
    return planned;
  }

  /** The lines a run with these options sends. */
  private List<Integer> sent(boolean retryRefused, boolean resendUnknown) {
    return planned(plan(retryRefused, resendUnknown)).stream()
        .filter(ImportPlan.PlannedRow::send).map(ImportPlan.PlannedRow::line).toList();
  }

  private ImportSettings settings(boolean retryRefused, boolean resendUnknown) {
    ImportSettings.TicketParser tickets = value -> {
      String[] idAndName = value.split(":", 2);
      return new TicketItem().itemSkuId(idAndName[0]).itemSkuName(idAndName[1]).quantity(1);
    };
    return new ImportSettings(csv, journalPath, ImportSettings.defaultResult(csv), ImportFiles.EVENT, ImportFiles.TYPE,
        ImportFiles.TICKET, tickets, 4, 0, false, retryRefused, resendUnknown, null);
  }

  private CsvInput.Row row(int line) {
    return rows.stream().filter(row -> row.line() == line).findFirst().orElseThrow();
  }

  private void outcome(Journal journal, int line, Journal.State state) throws IOException {
    journal.append(Journal.State.SENDING, row(line), Map.of());
    journal.appendOutcome(state, row(line), Map.of());
  }
}
