package com.huiyi31.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huiyi31.client.model.TicketItem;
import java.io.IOException;
import java.nio.file.Path;
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
  private CsvInput input;

  @BeforeEach
  void sevenRows() throws IOException {
    csv = ImportFiles.attendees(dir, "plan.csv", "plan", 7); // lines 2..8
    journalPath = ImportSettings.defaultJournal(csv);
    keys = RowKeys.forJournal(journalPath);
    input = CsvInput.read(csv, keys);
  }

  @Test
  void withoutAJournalEveryRowIsSent() {
    ImportPlan plan = plan(Map.of(), false, false);

    assertThat(plan.rows()).hasSize(7).allSatisfy(row -> {
      assertThat(row.send()).isTrue();
      assertThat(row.journaledOutcome()).isNull();
      assertThat(row.earlierAttemptUnknown()).isFalse();
    });
    assertThat(plan.toSend()).extracting(ImportPlan.PlannedRow::line).containsExactly(2, 3, 4, 5, 6, 7, 8);
    assertThat(plan.skipped()).isEmpty();
    assertThat(plan.continuesAJournal()).isFalse();
    assertThat(plan.registeredBefore()).isZero();
  }

  @Test
  void aRowSentWithoutAnOutcomeIsPlannedAsUnknownAndNotResent() throws IOException {
    try (Journal journal = Journal.open(journalPath, ImportFiles.EVENT, ImportFiles.TYPE, keys)) {
      journal.append(Journal.State.SENDING, row(4), Map.of()); // then the process died
    }
    Map<Integer, Journal.RowHistory> history = Journal.read(journalPath, ImportFiles.EVENT, ImportFiles.TYPE);

    ImportPlan plan = plan(history, false, false);

    ImportPlan.PlannedRow inFlight = plan.rows().get(2);
    assertThat(inFlight.line()).isEqualTo(4);
    assertThat(inFlight.journaledOutcome()).isEqualTo(RowOutcome.UNKNOWN);
    assertThat(inFlight.send()).as("may be registered: not sent again").isFalse();
    assertThat(plan.skipped()).containsExactly(inFlight);
    assertThat(plan.toSend()).extracting(ImportPlan.PlannedRow::line).containsExactly(2, 3, 5, 6, 7, 8);
    assertThat(RowResult.asJournaled(inFlight.journaled()).status()).isEqualTo("UNKNOWN");

    ImportPlan resend = plan(history, false, true);

    assertThat(resend.rows().get(2).send()).as("--resend-unknown").isTrue();
    assertThat(resend.rows().get(2).earlierAttemptUnknown()).as("a registration now may be a second one").isTrue();
  }

  @Test
  void eachJournaledOutcomeIsSentOrSkippedAsTheOptionsSay() throws IOException {
    try (Journal journal = Journal.open(journalPath, ImportFiles.EVENT, ImportFiles.TYPE, keys)) {
      outcome(journal, 2, Journal.State.REGISTERED);
      outcome(journal, 3, Journal.State.REFUSED);
      outcome(journal, 4, Journal.State.FAILED_NOT_SENT);
      outcome(journal, 5, Journal.State.FAILED_NOT_PROCESSED);
      outcome(journal, 6, Journal.State.UNKNOWN);
      journal.append(Journal.State.SENDING, row(7), Map.of());
      // line 8: never tried
    }
    Map<Integer, Journal.RowHistory> history = Journal.read(journalPath, ImportFiles.EVENT, ImportFiles.TYPE);

    ImportPlan plain = plan(history, false, false);
    ImportPlan retryRefused = plan(history, true, false);
    ImportPlan resendUnknown = plan(history, false, true);
    ImportPlan both = plan(history, true, true);

    assertThat(plain.rows()).extracting(ImportPlan.PlannedRow::journaledOutcome).containsExactly(RowOutcome.REGISTERED,
        RowOutcome.REFUSED, RowOutcome.NOT_SENT, RowOutcome.NOT_PROCESSED, RowOutcome.UNKNOWN, RowOutcome.UNKNOWN, null);
    assertThat(plain.toSend()).extracting(ImportPlan.PlannedRow::line).containsExactly(4, 5, 8);
    assertThat(retryRefused.toSend()).extracting(ImportPlan.PlannedRow::line).containsExactly(3, 4, 5, 8);
    assertThat(resendUnknown.toSend()).extracting(ImportPlan.PlannedRow::line).containsExactly(4, 5, 6, 7, 8);
    assertThat(both.toSend()).extracting(ImportPlan.PlannedRow::line).containsExactly(3, 4, 5, 6, 7, 8);
    assertThat(both.skipped()).extracting(ImportPlan.PlannedRow::line).as("registered: never sent again").containsExactly(2);
    assertThat(plain.registeredBefore()).isEqualTo(1);
    assertThat(plain.continuesAJournal()).isTrue();
  }

  @Test
  void aJournalOfRowsTheFileNoLongerHoldsCannotBeContinued() throws IOException {
    try (Journal journal = Journal.open(journalPath, ImportFiles.EVENT, ImportFiles.TYPE, keys)) {
      outcome(journal, 3, Journal.State.REGISTERED);
      journal.append(Journal.State.SENDING, new CsvInput.Row(20, List.of("gone"), null, "00000000000000ff"), Map.of());
      journal.append(Journal.State.SENDING, new CsvInput.Row(5, List.of("edited"), null, "00000000000000ee"), Map.of());
    }
    Map<Integer, Journal.RowHistory> history = Journal.read(journalPath, ImportFiles.EVENT, ImportFiles.TYPE);

    assertThatThrownBy(() -> plan(history, false, true)).isInstanceOf(InvalidImportException.class)
        .hasMessageContaining("The file changed since the journal " + journalPath)
        .hasMessageContaining("line 5 (SENDING) has different content")
        .hasMessageContaining("line 20 (SENDING) is no longer a row of the file")
        .message().doesNotContain("line 3");
  }

  private ImportPlan plan(Map<Integer, Journal.RowHistory> history, boolean retryRefused, boolean resendUnknown) {
    ImportSettings settings = settings(retryRefused, resendUnknown);
    return ImportPlan.of(input, RowValidation.requireValid(input, settings), history, settings);
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
    return input.rows().stream().filter(row -> row.line() == line).findFirst().orElseThrow();
  }

  private void outcome(Journal journal, int line, Journal.State state) throws IOException {
    journal.append(Journal.State.SENDING, row(line), Map.of());
    journal.appendOutcome(state, row(line), Map.of());
  }
}
