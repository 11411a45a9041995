package com.huiyi31.cli.imports;

import com.huiyi31.cli.terminal.TerminalText;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;

/**
 * The result file: the input's columns exactly as given (it is the user's own data, so nothing is
 * masked), then status, orderNo, attendeeId, checkinCode and error. Written whole to a temporary
 * file and moved into place, so it is never half written; it starts with a byte order mark when
 * the input did (Excel then reads it as UTF-8).
 */
final class ResultCsv {

  static final List<String> COLUMNS = List.of("status", "orderNo", "attendeeId", "checkinCode", "error");

  private ResultCsv() {}

  /** One record, quoted where needed, CRLF-terminated (CSVFormat.DEFAULT, as Excel writes). */
  private static void writeRecord(Writer writer, List<String> values) throws IOException {
    writer.write(CSVFormat.DEFAULT.format(values.toArray()));
    writer.write(CSVFormat.DEFAULT.getRecordSeparator());
  }

  static void write(Path file, CsvInput input, Map<Integer, RowResult> results) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
    try {
      try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        if (input.byteOrderMark()) {
          writer.write('\uFEFF');
        }
        List<String> header = new ArrayList<>(input.columns());
        header.addAll(COLUMNS);
        writeRecord(writer, header);
        for (CsvInput.Row row : input.rows()) {
          RowResult result = results.get(row.line());
          List<String> record = new ArrayList<>(row.values());
          record.add(result.status());
          // The platform's values and messages, escaped as on the terminal: `cat` shows the file too.
          record.add(TerminalText.safe(result.orderNo()));
          record.add(TerminalText.safe(result.attendeeId()));
          record.add(TerminalText.safe(result.checkinCode()));
          record.add(TerminalText.safe(result.error()));
          writeRecord(writer, record);
        }
      }
      try {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
