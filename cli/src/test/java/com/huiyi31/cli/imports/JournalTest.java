package com.huiyi31.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal read back: the states a re-run acts on, torn and damaged files, the lock. */
class JournalTest {

  private static final CsvInput.Row ROW_2 = new CsvInput.Row(2, List.of("a"), null, "00000000000000a2");
  private static final CsvInput.Row ROW_3 = new CsvInput.Row(3, List.of("b"), null, "00000000000000b3");

  @TempDir
  Path dir;

  @Test
  void theLatestEventOfALineIsItsStateAndAnEarlierUnknownIsRemembered() throws IOException {
    Path path = dir.resolve("j");
    try (Journal journal = Journal.open(path, "event", "type")) {
      journal.append(Journal.State.SENDING, ROW_2, Map.of());
      journal.append(Journal.State.UNKNOWN, ROW_2, Map.of("reason", "reset\tafter\nsending"));
      journal.append(Journal.State.SENDING, ROW_2, Map.of());
      journal.append(Journal.State.REGISTERED, ROW_2, Map.of("orderNo", "123"));
      journal.append(Journal.State.SENDING, ROW_3, Map.of()); // then the process died
    }

    assertThat(history(path, 2).last().state()).isEqualTo(Journal.State.REGISTERED);
    assertThat(history(path, 2).last().details()).containsEntry("orderNo", "123");
    assertThat(history(path, 2).earlierUncertain()).isTrue();
    assertThat(history(path, 3).uncertain()).isTrue();
    assertThat(history(path, 3).last().hash()).isEqualTo("00000000000000b3");
    assertThat(Files.readAllLines(path)).allMatch(line -> line.startsWith("#") || line.split("\t").length >= 2)
        .anyMatch(line -> line.endsWith("\treason=reset after sending")); // one event per line
  }

  @Test
  void anOutcomeIsWrittenAtOnceAndForcedWithTheNextSendingLine() throws IOException {
    Path path = dir.resolve("j");
    try (Journal journal = Journal.open(path, "event", "type")) {
      journal.append(Journal.State.SENDING, ROW_2, Map.of());
      long forcesAfterSending = journal.forces();

      journal.appendOutcome(Journal.State.REGISTERED, ROW_2, Map.of("orderNo", "123"));

      assertThat(journal.forces()).as("an outcome alone is not forced").isEqualTo(forcesAfterSending);
      // Written, so a re-run after the process died (kill -9) sees it.
      assertThat(history(path, 2).last().state()).isEqualTo(Journal.State.REGISTERED);

      journal.append(Journal.State.SENDING, ROW_3, Map.of());

      assertThat(journal.forces()).as("one force covers the outcome and the next SENDING").isEqualTo(forcesAfterSending + 1);
      journal.appendOutcome(Journal.State.UNKNOWN, ROW_3, Map.of());
    }
    assertThat(history(path, 3).last().state()).isEqualTo(Journal.State.UNKNOWN);
  }

  @Test
  void forceAndCloseForceOnlyWhatIsNotOnDiskYet() throws IOException {
    Path path = dir.resolve("j");
    try (Journal journal = Journal.open(path, "event", "type")) {
      journal.append(Journal.State.SENDING, ROW_2, Map.of());
      long forces = journal.forces();

      journal.force();
      assertThat(journal.forces()).as("nothing new to force").isEqualTo(forces);

      journal.appendOutcome(Journal.State.REGISTERED, ROW_2, Map.of());
      journal.force();
      assertThat(journal.forces()).isEqualTo(forces + 1);
    }
  }

  @Test
  void aSendingLineCannotBeLeftUnforced() throws IOException {
    try (Journal journal = Journal.open(dir.resolve("j"), "event", "type")) {
      assertThatThrownBy(() -> journal.appendOutcome(Journal.State.SENDING, ROW_2, Map.of()))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aLastLineTornByACrashIsIgnoredAndEnded() throws IOException {
    Path path = dir.resolve("j");
    try (Journal journal = Journal.open(path, "event", "type")) {
      journal.append(Journal.State.SENDING, ROW_2, Map.of());
    }
    Files.writeString(path, "2025-01-01T00:00:00Z\tREGIST", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

    try (Journal journal = Journal.open(path, "event", "type")) {
      assertThat(journal.index().history(2).last().state()).isEqualTo(Journal.State.SENDING);
      journal.append(Journal.State.REGISTERED, ROW_2, Map.of());
    }

    assertThat(history(path, 2).last().state()).isEqualTo(Journal.State.REGISTERED);
  }

  @Test
  void aDamagedLineStopsTheImport() throws IOException {
    Path path = dir.resolve("j");
    try (Journal journal = Journal.open(path, "event", "type")) {
      journal.append(Journal.State.SENDING, ROW_2, Map.of());
    }
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(path));
    lines.add(2, "someone typed here");
    Files.write(path, lines);

    assertThatThrownBy(() -> Journal.open(path, "event", "type")).isInstanceOf(InvalidImportException.class)
        .hasMessageContaining("is damaged at line 3");
  }

  @Test
  void onlyOneImportAtATimeUsesAJournal() throws IOException {
    Path path = dir.resolve("j");
    try (Journal first = Journal.open(path, "event", "type")) {
      assertThatThrownBy(() -> Journal.open(path, "event", "type")).isInstanceOf(InvalidImportException.class)
          .hasMessageContaining("Another import is using the journal");
      first.append(Journal.State.SENDING, ROW_2, Map.of());
    }
    try (Journal again = Journal.open(path, "event", "type")) {
      assertThat(again.index().journaledLines()).isEqualTo(1);
      assertThat(again.index().state(2)).isEqualTo(Journal.State.SENDING);
    }
  }

  @Test
  void aRowsTagIsKeyedWithAKeyThatIsNotInTheJournalSoThatTheJournalAloneConfirmsNoGuess() throws Exception {
    Path path = dir.resolve("j");
    List<String> columns = List.of("FullName", "Mobile");
    RowKeys keys = RowKeys.forJournal(path);
    CsvInput.Row row = new CsvInput.Row(2, List.of("张晓明", "13912345678"), null, keys.of(columns, List.of("张晓明", "13912345678")));
    try (Journal journal = Journal.open(path, "event", "type", keys, JournalIndex.read(path, 10))) {
      journal.append(Journal.State.SENDING, row, Map.of());
    }
    String text = Files.readString(path);
    String key = Files.readAllLines(RowKeys.keyFile(path)).stream().filter(line -> line.startsWith("key=")).findFirst()
        .orElseThrow().substring(4);

    assertThat(row.hash()).matches("[0-9a-f]{32}").isNotEqualTo(CsvInput.hash(columns, row.values()));
    assertThat(text).contains("\tformat=2\t", "\tkey=" + keys.id()).doesNotContain(key, "张晓明", "13912345678");
    assertThat(RowKeys.generate().of(columns, row.values())).as("another journal's tag of the same row").isNotEqualTo(row.hash());
    // The audit's attack: a name and a masked mobile (139****5678) leave 10,000 candidates. With the key file they are
    // checked in a moment (so whoever holds it must keep it private); with anything in the journal as the key, none fits.
    assertThat(guesses(Base64.getDecoder().decode(key), row.hash())).containsExactly("13912345678");
    for (String token : text.split("[\t\n=]")) {
      assertThat(guesses(token.getBytes(StandardCharsets.UTF_8), row.hash())).as(token).isEmpty();
      if (token.matches("([0-9a-f]{2})+")) {
        assertThat(guesses(HexFormat.of().parseHex(token), row.hash())).as(token).isEmpty();
      }
    }
  }

  /** The mobiles 139****5678 whose row (FullName 张晓明) has {@code tag} under {@code key}. */
  private static List<String> guesses(byte[] key, String tag) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
    List<String> found = new java.util.ArrayList<>();
    for (int hidden = 0; hidden < 10_000; hidden++) {
      String mobile = String.format("139%04d5678", hidden);
      for (String[] cell : new String[][] {{"FullName", "张晓明"}, {"Mobile", mobile}}) {
        mac.update(cell[0].getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0x1F);
        mac.update(cell[1].getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0x1E);
      }
      if (HexFormat.of().formatHex(mac.doFinal(), 0, 16).equals(tag)) {
        found.add(mobile);
      }
    }
    return found;
  }

  @Test
  void theKeyIsOnDiskBeforeTheHeaderNamesItAndAKeyACrashLeftBeforeAnyHeaderIsReplaced() throws IOException {
    Path path = dir.resolve("j");
    Files.createFile(path); // the journal was created, then the process died before its header was written
    Files.writeString(RowKeys.keyFile(path), "torn");

    try (Journal journal = Journal.open(path, "event", "type")) {
      journal.append(Journal.State.SENDING, ROW_2, Map.of());
    }

    RowKeys keys = RowKeys.forJournal(path); // reads the key file the header names, or fails
    assertThat(Files.readString(path)).contains("\tkey=" + keys.id());
    assertThat(history(path, 2).last().hash()).isEqualTo(ROW_2.hash());
  }

  @Test
  void anImportThatWroteToTheJournalSinceItWasReadIsRefused() throws IOException {
    Path path = dir.resolve("j");
    try (Journal journal = Journal.open(path, "event", "type")) {
      journal.append(Journal.State.SENDING, ROW_2, Map.of());
    }
    JournalIndex readBefore = JournalIndex.read(path, 10);
    try (Journal other = Journal.open(path, "event", "type")) { // another import, meanwhile
      other.appendOutcome(Journal.State.REGISTERED, ROW_2, Map.of());
    }

    assertThatThrownBy(() -> Journal.open(path, "event", "type", RowKeys.forJournal(path), readBefore))
        .isInstanceOf(InvalidImportException.class)
        .hasMessageContaining("was started or continued by another import while this one was reading the file. "
            + "Nothing was sent.");
  }

  @Test
  void aJournalOfADifferentEventOrTypeIsRefused() throws IOException {
    Path path = dir.resolve("j");
    try (Journal journal = Journal.open(path, "event", "type")) {
      journal.append(Journal.State.SENDING, ROW_2, Map.of());
    }

    assertThatThrownBy(() -> JournalIndex.read(path, 10).checkHeader("event", "other"))
        .isInstanceOf(InvalidImportException.class).hasMessageContaining("belongs to an import with a different --type (type)");
    assertThatThrownBy(() -> Journal.open(path, "another", "type")).isInstanceOf(InvalidImportException.class)
        .hasMessageContaining("belongs to an import with a different --event (event)");
  }

  @Test
  void onlyAFewBytesPerRowAreKeptAndTheDetailsAreReadBackFromTheFile() throws IOException {
    Path path = dir.resolve("j");
    try (Journal journal = Journal.open(path, "event", "type")) {
      for (int line = 2; line <= 1001; line++) {
        CsvInput.Row row = new CsvInput.Row(line, List.of("x"), null, String.format("%016x", line));
        journal.append(Journal.State.SENDING, row, Map.of());
        journal.appendOutcome(Journal.State.REGISTERED, row, Map.of("orderNo", "order-" + line));
      }
    }

    JournalIndex index = JournalIndex.read(path, 1001);

    assertThat(index.journaledLines()).isEqualTo(1000);
    assertThat(index.state(777)).isEqualTo(Journal.State.REGISTERED);
    assertThat(index.tag(777)).isEqualTo(777);
    assertThat(index.history(777).last().details()).containsEntry("orderNo", "order-777");
    assertThat(index.state(1002)).isNull();
    index.close();
  }

  private static Journal.RowHistory history(Path path, int line) throws IOException {
    try (JournalIndex index = JournalIndex.read(path, Integer.MAX_VALUE - 1)) {
      return index.history(line);
    }
  }

  @Test
  void theRowHashDependsOnEveryCellAndItsColumn() {
    String hash = CsvInput.hash(List.of("FullName", "Mobile"), List.of("张晓明", "13912345678"));

    assertThat(hash).matches("[0-9a-f]{16}").doesNotContain("13912345678");
    assertThat(CsvInput.hash(List.of("FullName", "Mobile"), List.of("张晓明", "13912345679"))).isNotEqualTo(hash);
    assertThat(CsvInput.hash(List.of("FullName", "Email"), List.of("张晓明", "13912345678"))).isNotEqualTo(hash);
    assertThat(CsvInput.hash(List.of("FullName", "Mobile"), List.of("张晓明1", "3912345678"))).isNotEqualTo(hash);
    assertThat(CsvInput.hash(List.of("FullName", "Mobile"), List.of("张晓明", "13912345678"))).isEqualTo(hash);
  }
}
