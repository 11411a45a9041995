package com.huiyi31.cli.imports;

import com.huiyi31.client.Huiyi31Client;
import java.util.ArrayList;
import java.util.List;

/**
 * Every row of the file as the request it becomes, checked before anything is sent: either all
 * are valid, or {@link InvalidImportException} lists the bad rows by line and reason (never a
 * value). Rows are checked one at a time as the file is read; only the problems are kept, and of
 * them the first {@link #LISTED_ROWS} rows' (the rest are counted), so memory stays flat however
 * many rows the file has.
 */
final class RowValidation {

  /** Invalid rows whose reasons are listed; more are counted. */
  static final int LISTED_ROWS = 1_000;

  private final CsvInput input;
  private final ImportSettings settings;
  private final List<String> listed = new ArrayList<>();
  private int rows;
  private int bad;
  private String optionProblem;

  RowValidation(CsvInput input, ImportSettings settings) {
    this.input = input;
    this.settings = settings;
  }

  /** The request of {@code row}, with every problem found (the client's own rules too). */
  static RowRequest request(CsvInput input, CsvInput.Row row, ImportSettings settings) {
    RowRequest request = RowRequest.of(input, row, settings);
    // The client's own rules, checked without sending (no second copy of them to drift); by
    // names, resolving the row checked them already.
    if (settings.names() == null) {
      request.addClientProblems(Huiyi31Client.problemsOf(request.request));
    }
    return request;
  }

  /** Checks the next row of the file and returns its request, valid or not. */
  RowRequest check(CsvInput.Row row) {
    RowRequest request = request(input, row, settings);
    rows++;
    if (optionProblem == null) {
      optionProblem = request.optionProblem;
    }
    if (!request.problems.isEmpty()) {
      bad++;
      if (listed.size() < LISTED_ROWS) {
        listed.add("line " + row.line() + ": " + String.join("; ", request.problems));
      }
    }
    return request;
  }

  /** A problem of the options (the same for every row): checking further rows would only repeat it. */
  boolean optionProblem() {
    return optionProblem != null;
  }

  /** Rows checked so far. */
  int rows() {
    return rows;
  }

  /** Throws, listing every invalid row (up to {@link #LISTED_ROWS}), or the options' problem. */
  void requireValid() {
    if (optionProblem != null) {
      throw new InvalidImportException("Nothing was sent: " + optionProblem + ".");
    }
    if (bad == 0) {
      return;
    }
    StringBuilder message = new StringBuilder()
        .append(bad).append(" of ").append(rows).append(" rows ").append(bad == 1 ? "is" : "are")
        .append(" invalid. Nothing was sent. Fix ").append(bad == 1 ? "it" : "them").append(" and run again:");
    for (String row : listed) {
      message.append(System.lineSeparator()).append("  ").append(row);
    }
    if (bad > listed.size()) {
      message.append(System.lineSeparator()).append("  and ").append(bad - listed.size())
          .append(" more invalid rows (the first ").append(listed.size()).append(" are listed)");
    }
    String label = input.columns().stream().filter(column -> !column.matches("[\\x20-\\x7E]*")).findFirst().orElse(null);
    if (settings.names() == null && label != null) {
      message.append(System.lineSeparator()).append("Columns such as \"").append(label).append("\" look like field "
          + "labels, not field names (FullName, Mobile, ...): with --app-key the import takes labels and option texts "
          + "(huiyi31 types lists them).");
    }
    throw new InvalidImportException(message.toString());
  }
}
