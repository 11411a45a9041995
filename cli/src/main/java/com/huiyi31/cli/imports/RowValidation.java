package com.huiyi31.cli.imports;

import com.huiyi31.client.Huiyi31Client;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Every row of the file as the request it becomes, checked before anything is sent: either all
 * are valid, or {@link InvalidImportException} lists each bad row by line and reason (never a value).
 */
final class RowValidation {

  private RowValidation() {}

  /** The requests of every row, in file order; throws listing every invalid row, or the options' problem. */
  static List<RowRequest> requireValid(CsvInput input, ImportSettings settings) {
    List<RowRequest> rows = input.rows().stream().map(row -> RowRequest.of(input, row, settings))
        .collect(Collectors.toList());
    // The client's own rules, checked without sending (no second copy of them to drift); by
    // names, resolving the row checked them already.
    if (settings.names() == null) {
      for (RowRequest row : rows) {
        row.addClientProblems(Huiyi31Client.problemsOf(row.request));
      }
    }
    String optionProblem = rows.stream().map(row -> row.optionProblem).filter(Objects::nonNull).findFirst().orElse(null);
    if (optionProblem != null) {
      throw new InvalidImportException("Nothing was sent: " + optionProblem + ".");
    }
    List<RowRequest> bad = rows.stream().filter(row -> !row.problems.isEmpty()).collect(Collectors.toList());
    if (!bad.isEmpty()) {
      throw new InvalidImportException(invalidRows(input, settings, rows, bad));
    }
    return rows;
  }

  private static String invalidRows(CsvInput input, ImportSettings settings, List<RowRequest> rows, List<RowRequest> bad) {
    StringBuilder message = new StringBuilder()
        .append(bad.size()).append(" of ").append(rows.size()).append(" rows ").append(bad.size() == 1 ? "is" : "are")
        .append(" invalid. Nothing was sent. Fix ").append(bad.size() == 1 ? "it" : "them").append(" and run again:");
    for (RowRequest row : bad) {
      message.append(System.lineSeparator()).append("  line ").append(row.row.line()).append(": ")
          .append(String.join("; ", row.problems));
    }
    String label = input.columns().stream().filter(column -> !column.matches("[\\x20-\\x7E]*")).findFirst().orElse(null);
    if (settings.names() == null && label != null) {
      message.append(System.lineSeparator()).append("Columns such as \"").append(label).append("\" look like field "
          + "labels, not field names (FullName, Mobile, ...): with --app-key the import takes labels and option texts "
          + "(huiyi31 types lists them).");
    }
    return message.toString();
  }
}
