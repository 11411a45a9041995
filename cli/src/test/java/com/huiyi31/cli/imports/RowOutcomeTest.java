package com.huiyi31.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.huiyi31.client.Huiyi31BusinessException;
import com.huiyi31.client.Huiyi31Exception;
import com.huiyi31.client.Huiyi31HttpException;
import com.huiyi31.client.Huiyi31TransportException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outcomes and journal states, both ways, and the result lines made of them. */
class RowOutcomeTest {

  @TempDir
  Path dir;

  @Test
  void eachOutcomeIsJournaledAsItsOwnStateAndStatus() {
    assertThat(RowOutcome.REGISTERED.journalState()).isEqualTo(Journal.State.REGISTERED);
    assertThat(RowOutcome.REFUSED.journalState()).isEqualTo(Journal.State.REFUSED);
    assertThat(RowOutcome.NOT_SENT.journalState()).isEqualTo(Journal.State.FAILED_NOT_SENT);
    assertThat(RowOutcome.NOT_PROCESSED.journalState()).isEqualTo(Journal.State.FAILED_NOT_PROCESSED);
    assertThat(RowOutcome.UNKNOWN.journalState()).isEqualTo(Journal.State.UNKNOWN);
    // The result file's status column says what the journal says.
    assertThat(EnumSet.allOf(RowOutcome.class)).extracting(RowOutcome::status)
        .containsExactly("REGISTERED", "REFUSED", "FAILED_NOT_SENT", "FAILED_NOT_PROCESSED", "UNKNOWN");
  }

  @Test
  void everyJournalStateButSendingIsTheStateOfExactlyOneOutcome() {
    Set<Journal.State> outcomeStates = EnumSet.allOf(RowOutcome.class).stream().map(RowOutcome::journalState)
        .collect(Collectors.toSet());

    assertThat(outcomeStates).hasSize(RowOutcome.values().length)
        .containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.of(Journal.State.SENDING)));
  }

  @Test
  void aJournaledStateReadsBackAsTheOutcomeThatWroteItAndSendingAsUnknown() {
    for (RowOutcome outcome : RowOutcome.values()) {
      assertThat(RowOutcome.of(outcome.journalState())).as(outcome.name()).isEqualTo(outcome);
    }
    assertThat(RowOutcome.of(Journal.State.SENDING)).as("in flight when the import stopped").isEqualTo(RowOutcome.UNKNOWN);
  }

  @Test
  void onlyRowsThatLeftNothingOnThePlatformAreSentAgainWithoutBeingAskedTo() {
    assertThat(EnumSet.allOf(RowOutcome.class)).filteredOn(RowOutcome::nothingOnThePlatform)
        .containsExactly(RowOutcome.NOT_SENT, RowOutcome.NOT_PROCESSED);
  }

  @Test
  void everyOutcomeSurvivesARealJournal() throws IOException {
    Path path = dir.resolve("j");
    List<RowOutcome> outcomes = List.of(RowOutcome.values());
    try (Journal journal = Journal.open(path, "event", "type")) {
      for (int i = 0; i < outcomes.size(); i++) {
        CsvInput.Row row = new CsvInput.Row(i + 2, List.of("x"), null, "000000000000000" + i);
        journal.append(Journal.State.SENDING, row, Map.of());
        journal.appendOutcome(outcomes.get(i).journalState(), row, Map.of());
      }
    }

    try (JournalIndex index = JournalIndex.read(path, outcomes.size() + 1)) {
      for (int i = 0; i < outcomes.size(); i++) {
        assertThat(RowOutcome.of(index.state(i + 2))).isEqualTo(outcomes.get(i));
        assertThat(RowOutcome.of(index.history(i + 2).last().state())).isEqualTo(outcomes.get(i));
      }
    }
  }

  @Test
  void aRowInFlightWhenTheImportStoppedIsReportedUnknownWithWhenItStopped() {
    Instant stopped = Instant.parse("2025-05-01T08:00:00.130Z");
    Journal.RowHistory inFlight = history(new Journal.Entry(stopped, Journal.State.SENDING, 2, "h", Map.of()), false);

    RowResult result = RowResult.asJournaled(inFlight);

    assertThat(result.outcome()).isEqualTo(RowOutcome.UNKNOWN);
    assertThat(result.status()).isEqualTo("UNKNOWN");
    assertThat(result.error()).contains("stopped at 2025-05-01T08:00:00.130Z while this row was being sent", "--resend-unknown");
    assertThat(result.registered()).isFalse();
  }

  @Test
  void aJournaledRegistrationKeepsItsOrderAndSaysWhenItMayBeASecondOne() {
    Journal.Entry registered = new Journal.Entry(Instant.EPOCH, Journal.State.REGISTERED, 2, "h",
        Map.of("orderNo", "123", "attendeeId", "a-1", "checkinCode", "456"));

    RowResult clean = RowResult.asJournaled(history(registered, false));
    RowResult afterUnknown = RowResult.asJournaled(history(registered, true));

    assertThat(clean.registered()).isTrue();
    assertThat(List.of(clean.orderNo(), clean.attendeeId(), clean.checkinCode(), clean.error()))
        .containsExactly("123", "a-1", "456", "");
    assertThat(clean.earlierAttemptUnknown()).isFalse();
    assertThat(afterUnknown.earlierAttemptUnknown()).isTrue();
    assertThat(afterUnknown.error()).contains("check the platform for a second order");
  }

  @Test
  void aFailureOutsideTheClientsErrorModelIsUnknownAndJournaledSo() {
    RowResult result = RowResult.failed(new IllegalStateException("boom"));

    assertThat(result.outcome()).isEqualTo(RowOutcome.UNKNOWN);
    assertThat(result.outcome().journalState()).isEqualTo(Journal.State.UNKNOWN);
    assertThat(result.details()).containsEntry("reason", "unexpected java.lang.IllegalStateException while sending");
  }

  @Test
  void aFailureIsJournaledWithCodesAndTheToolsOwnWordsOnly() {
    String register = "POST /op/notoken/api/Attendee/v1/Register";

    RowResult refused = RowResult.failed(new Huiyi31BusinessException(register, 200, 1001, "手机号13912345678已被张晓明注册"));
    RowResult gateway = RowResult.failed(new Huiyi31HttpException(register, 502, "<html>张晓明 13912345678</html>"));
    RowResult busy = RowResult.failed(new Huiyi31HttpException(register, 429, "<html>张晓明</html>"));
    RowResult reset = RowResult.failed(new Huiyi31TransportException(register, Huiyi31Exception.Outcome.UNKNOWN,
        new SocketException("reset by 张晓明")));
    RowResult refusedConnection = RowResult.failed(new Huiyi31TransportException(register,
        Huiyi31Exception.Outcome.NOT_SENT, new ConnectException("张晓明")));

    assertThat(refused.error()).contains("businessCode 1001", "手机号139****5678已被张晓明注册"); // the result file's
    assertThat(refused.details()).containsOnly(entry("businessCode", "1001")); // the journal's
    assertThat(gateway.details()).containsOnly(entry("httpStatus", "502"), entry("reason", "The platform answered HTTP 502."));
    assertThat(busy.details()).containsOnly(entry("httpStatus", "429"), entry("reason", "The platform answered HTTP 429."));
    assertThat(reset.details())
        .containsOnly(entry("reason", "The connection failed after the request was sent (SocketException)."));
    assertThat(refusedConnection.details())
        .containsOnly(entry("reason", "The connection failed before the request was sent (ConnectException)."));
  }

  @Test
  void aRefusalReadBackSaysItsCodeAndOneAnEarlierVersionJournaledItsMessage() {
    Journal.Entry now = new Journal.Entry(Instant.EPOCH, Journal.State.REFUSED, 2, "h", Map.of("businessCode", "1001"));
    Journal.Entry before = new Journal.Entry(Instant.EPOCH, Journal.State.REFUSED, 2, "h",
        Map.of("businessCode", "1001", "message", "POST /x was refused by the platform: businessCode 1001 (手机号已被注册)."));

    assertThat(RowResult.asJournaled(history(now, false)).error())
        .isEqualTo("Refused by the platform: businessCode 1001 (the journal keeps no message of the platform's). "
            + "(not sent again: --retry-refused sends it)");
    assertThat(RowResult.asJournaled(history(before, false)).error()).contains("(手机号已被注册)", "--retry-refused");
  }

  @Test
  void aRowTheRunStoppedBeforeIsNotSentAndARerunSendsIt() {
    RowResult result = RowResult.notReached("the import was interrupted");

    assertThat(result.outcome()).isEqualTo(RowOutcome.NOT_SENT);
    assertThat(result.status()).isEqualTo("FAILED_NOT_SENT");
    assertThat(result.error()).isEqualTo("not sent: the import was interrupted; a re-run sends it");
  }

  private static Journal.RowHistory history(Journal.Entry last, boolean earlierUncertain) {
    return new Journal.RowHistory(last, earlierUncertain);
  }
}
