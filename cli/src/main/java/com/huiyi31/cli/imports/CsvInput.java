package com.huiyi31.cli.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The input file: UTF-8 (with or without the byte order mark Excel writes) CSV whose first row
 * names the columns. Rows keep the line on which they start, for messages and the journal.
 * Entirely empty rows are skipped.
 */
final class CsvInput {

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

  private final List<String> columns;
  private final List<Row> rows;
  private final boolean byteOrderMark;

  private CsvInput(List<String> columns, List<Row> rows, boolean byteOrderMark) {
    this.columns = columns;
    this.rows = rows;
    this.byteOrderMark = byteOrderMark;
  }

  List<String> columns() {
    return columns;
  }

  List<Row> rows() {
    return rows;
  }

  /** Whether the file began with a UTF-8 byte order mark (the result CSV gets one too, for Excel). */
  boolean byteOrderMark() {
    return byteOrderMark;
  }

  /** The index of the ticket column, or -1. */
  int ticketColumn() {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).equalsIgnoreCase(TICKET_COLUMN)) {
        return i;
      }
    }
    return -1;
  }

  /** Reads {@code file}, each row tagged with {@code keys}: the keys of the journal the import continues or starts. */
  static CsvInput read(Path file, RowKeys keys) {
    // Strict decoding: a file saved as GBK (Excel's "CSV" in Chinese Windows) must be refused, not
    // turned into question marks and sent to the platform.
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(java.nio.file.Files.newInputStream(file), utf8))) {
      reader.mark(1);
      boolean bom = reader.read() == '\uFEFF';
      if (!bom) {
        reader.reset();
      }
      return parse(reader, bom, keys);
    } catch (CharacterCodingException e) {
      throw notUtf8(file);
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw notUtf8(file);
      }
      // Commons CSV's messages name the line and what is wrong, never the cell's value.
      throw new InvalidImportException(file + " is not valid CSV: " + e.getCause().getMessage());
    } catch (NoSuchFileException e) {
      throw new InvalidImportException(file + " does not exist.");
    } catch (IOException e) {
      throw new InvalidImportException(file + " could not be read: " + e);
    }
  }

  private static InvalidImportException notUtf8(Path file) {
    return new InvalidImportException(file + " is not UTF-8 text. In Excel, save it as \"CSV UTF-8 (Comma delimited)\".");
  }

  private static CsvInput parse(BufferedReader reader, boolean bom, RowKeys keys) throws IOException {
    // No header handling by Commons CSV: the first record is the header, checked here, so that
    // every problem with it gets a message of ours.
    CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
    try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      List<String> columns = null;
      List<Row> rows = new ArrayList<>();
      long previousEnd = 0;
      for (CSVRecord record : parser) {
        int line = Math.toIntExact(previousEnd + 1);
        previousEnd = parser.getCurrentLineNumber();
        List<String> values = record.toList();
        if (values.stream().allMatch(String::isBlank)) {
          if (columns == null) {
            throw new InvalidImportException("The first line must name the columns (FullName, Mobile, ...), but line "
                + line + " is empty.");
          }
          continue;
        }
        if (columns == null) {
          columns = header(values);
        } else {
          rows.add(row(columns, line, values, keys));
        }
      }
      if (columns == null || rows.isEmpty()) {
        throw new InvalidImportException("The file has no rows to import (the first line names the columns, "
            + "each further line is one attendee).");
      }
      return new CsvInput(columns, rows, bom);
    }
  }

  private static List<String> header(List<String> values) {
    List<String> columns = new ArrayList<>();
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
      columns.add(name);
    }
    return List.copyOf(columns);
  }

  private static Row row(List<String> columns, int line, List<String> values, RowKeys keys) {
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

  /**
   * The row hash of journals of format 1: the first 16 hex digits (64 bits) of an unkeyed SHA-256
   * over the column names and cells ({@link RowKeys#legacy()}).
   */
  static String hash(List<String> columns, List<String> cells) {
    return RowKeys.legacy().of(columns, cells);
  }
}
