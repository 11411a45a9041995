package com.huiyi31.cli.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The input file, read one row at a time (an import reads it twice: to validate every row, then
 * to send them; see {@link ImportRun}), so that memory does not grow with its size: UTF-8 (with or
 * without the byte order mark Excel writes) CSV whose first row names the columns. Rows keep the
 * line on which they start, for messages and the journal. Entirely empty rows are skipped.
 */
final class CsvInput implements AutoCloseable {

  /** The column that holds a row's ticket instead of a form answer (any letter case). */
  static final String TICKET_COLUMN = "ticket";

  /**
   * One data row.
   *
   * @param line the file line on which the row starts (the header is line 1)
   * @param values the cells as written, exactly one per column (missing ones empty)
   * @param shapeProblem why the row does not fit the header, or null
   * @param hash the row's tag in the journal: a keyed hash of its column names and cells ({@link RowKeys}), never
   *     the values
   */
  record Row(int line, List<String> values, String shapeProblem, String hash) {}

  private final Path file;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final RowKeys keys;
  private final boolean byteOrderMark;
  private final List<String> columns;
  private final int ticketColumn;
  private long previousEnd;

  private CsvInput(Path file, CSVParser parser, RowKeys keys, boolean byteOrderMark) {
    this.file = file;
    this.parser = parser;
    this.records = parser.iterator();
    this.keys = keys;
    this.byteOrderMark = byteOrderMark;
    this.columns = header();
    int ticket = -1;
    for (int i = 0; i < columns.size() && ticket < 0; i++) {
      ticket = columns.get(i).equalsIgnoreCase(TICKET_COLUMN) ? i : -1;
    }
    this.ticketColumn = ticket;
  }

  List<String> columns() {
    return columns;
  }

  /** Whether the file began with a UTF-8 byte order mark (the result CSV gets one too, for Excel). */
  boolean byteOrderMark() {
    return byteOrderMark;
  }

  /** The index of the ticket column, or -1. */
  int ticketColumn() {
    return ticketColumn;
  }

  /**
   * Opens {@code file} and reads its header; each row will be tagged with {@code keys}: the keys of
   * the journal the import continues or starts. Throws {@link InvalidImportException} when the file
   * is missing, not UTF-8, not CSV, or its first line does not name the columns.
   */
  static CsvInput open(Path file, RowKeys keys) {
    // Strict decoding: a file saved as GBK (Excel's "CSV" in Chinese Windows) must be refused, not
    // turned into question marks and sent to the platform.
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    BufferedReader reader = null;
    try {
      reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), utf8), 1 << 16);
      reader.mark(1);
      boolean bom = reader.read() == '\uFEFF';
      if (!bom) {
        reader.reset();
      }
      // No header handling by Commons CSV: the first record is the header, checked here, so that
      // every problem with it gets a message of ours.
      CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
      CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get();
      return new CsvInput(file, parser, keys, bom);
    } catch (IOException | RuntimeException e) {
      closeQuietly(reader);
      throw problem(file, e);
    }
  }

  /**
   * The number of lines of {@code file} (line breaks + 1): no row starts on a later line. Reads
   * the bytes only, quickly; throws {@link InvalidImportException} when the file cannot be read.
   */
  static int lineCount(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      long lines = 1;
      for (int n; (n = in.read(buffer)) > 0; ) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
      }
      return (int) Math.min(lines, Integer.MAX_VALUE);
    } catch (IOException e) {
      throw problem(file, e);
    }
  }

  /** The next data row, or null after the last one. Throws {@link InvalidImportException} as {@link #open} does. */
  Row next() {
    try {
      while (records.hasNext()) {
        CSVRecord record = records.next();
        int line = Math.toIntExact(previousEnd + 1);
        previousEnd = parser.getCurrentLineNumber();
        List<String> values = record.toList();
        if (!values.stream().allMatch(String::isBlank)) {
          return row(line, values);
        }
      }
      return null;
    } catch (RuntimeException e) {
      throw problem(file, e);
    }
  }

  @Override
  public void close() {
    closeQuietly(parser);
  }

  private List<String> header() {
    if (!records.hasNext()) {
      throw noRows();
    }
    CSVRecord record = records.next();
    previousEnd = parser.getCurrentLineNumber();
    List<String> values = record.toList();
    if (values.stream().allMatch(String::isBlank)) {
      throw new InvalidImportException("The first line must name the columns (FullName, Mobile, ...), but line 1 is empty.");
    }
    List<String> names = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < values.size(); i++) {
      String name = values.get(i).strip();
      if (name.isEmpty()) {
        throw new InvalidImportException("Column " + (i + 1) + " of the first line has no name: name it, or delete the column.");
      }
      // The platform matches field names ignoring case: "mobile" and "Mobile" are one field.
      Integer before = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
      if (before != null) {
        throw new InvalidImportException("Columns " + (before + 1) + " and " + (i + 1) + " are both named \"" + name
            + "\" (names are compared ignoring case): keep one.");
      }
      names.add(name);
    }
    return List.copyOf(names);
  }

  /** Thrown when the file has a header but no row (or nothing at all). */
  static InvalidImportException noRows() {
    return new InvalidImportException("The file has no rows to import (the first line names the columns, "
        + "each further line is one attendee).");
  }

  private Row row(int line, List<String> values) {
    String problem = null;
    List<String> cells = new ArrayList<>(values);
    if (cells.size() > columns.size()) {
      // Trailing empty cells (some spreadsheets write them) are harmless; a value there means an
      // unquoted comma split a cell.
      if (cells.subList(columns.size(), cells.size()).stream().allMatch(String::isBlank)) {
        cells = cells.subList(0, columns.size());
      } else {
        problem = "has " + values.size() + " values but the first line names " + columns.size()
            + " columns (a comma inside a value must be quoted)";
      }
    } else if (cells.size() < columns.size()) {
      problem = "has " + values.size() + " values but the first line names " + columns.size()
          + " columns (is a line break inside a value not quoted?)";
    }
    while (cells.size() < columns.size()) {
      cells.add("");
    }
    return new Row(line, List.copyOf(cells), problem, keys.of(columns, cells));
  }

  private static InvalidImportException problem(Path file, Exception e) {
    if (e instanceof InvalidImportException invalid) {
      return invalid;
    }
    Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
    if (cause instanceof CharacterCodingException) {
      return new InvalidImportException(file + " is not UTF-8 text. In Excel, save it as \"CSV UTF-8 (Comma delimited)\".");
    }
    if (cause instanceof NoSuchFileException) {
      return new InvalidImportException(file + " does not exist.");
    }
    if (e instanceof UncheckedIOException) {
      // Commons CSV's messages name the line and what is wrong, never the cell's value.
      return new InvalidImportException(file + " is not valid CSV: " + cause.getMessage());
    }
    if (e instanceof RuntimeException runtime) {
      throw runtime; // not the file's fault
    }
    return new InvalidImportException(file + " could not be read: " + cause);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      // nothing was written: nothing to lose
    }
  }

  /**
   * The row hash of journals of format 1: the first 16 hex digits (64 bits) of an unkeyed SHA-256
   * over the column names and cells ({@link RowKeys#legacy()}).
   */
  static String hash(List<String> columns, List<String> cells) {
    return RowKeys.legacy().of(columns, cells);
  }
}
