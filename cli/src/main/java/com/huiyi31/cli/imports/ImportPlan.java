package com.huiyi31.cli.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What an import does, decided before anything is sent: every valid row, what the journal says of
 * it, and whether this run sends it. By the row's outcome in the journal (see {@link RowOutcome}):
 * <ul>
 *   <li>none, NOT_SENT, NOT_PROCESSED: sent (nothing exists on the platform);
 *   <li>REGISTERED: skipped, its order reported again;
 *   <li>REFUSED: reported again, sent only with --retry-refused (the same request gets the same
 *       businessCode unless something changed on the platform, e.g. more tickets);
 *   <li>UNKNOWN, or SENDING without an outcome: listed for a person to check, sent only with
 *       --resend-unknown (the platform may have registered it: sending again may register twice).
 * </ul>
 */
final class ImportPlan {

  /**
   * One valid row.
   *
   * @param journaled what the journal says of it, or null when no run has tried it
   * @param send whether this run sends it
   */
  record PlannedRow(RowRequest request, Journal.RowHistory journaled, boolean send) {

    int line() {
      return request.row.line();
    }

    /** The outcome the journal holds for the row, or null when no run has tried it. */
    RowOutcome journaledOutcome() {
      return journaled == null ? null : RowOutcome.of(journaled.last().state());
    }

    /** An earlier attempt's outcome is unknown: a registration now may be the row's second order. */
    boolean earlierAttemptUnknown() {
      return journaled != null && (journaled.uncertain() || journaled.earlierUncertain());
    }
  }

  private final CsvInput input;
  private final List<PlannedRow> rows;
  private final List<PlannedRow> toSend;
  private final List<PlannedRow> skipped;

  private ImportPlan(CsvInput input, List<PlannedRow> rows) {
    this.input = input;
    this.rows = List.copyOf(rows);
    this.toSend = rows.stream().filter(PlannedRow::send).toList();
    this.skipped = rows.stream().filter(row -> !row.send()).toList();
  }

  /**
   * Plans the valid rows of {@code input} against the journal's {@code history}. Throws
   * {@link InvalidImportException} when the file changed since the journal was written: rows are
   * matched to the journal by line and content, so the journal could not be continued safely.
   */
  static ImportPlan of(CsvInput input, List<RowRequest> valid, Map<Integer, Journal.RowHistory> history,
      ImportSettings settings) {
    checkUnchanged(settings.journal(), input, history);
    List<PlannedRow> rows = new ArrayList<>();
    for (RowRequest request : valid) {
      Journal.RowHistory journaled = history.get(request.row.line());
      rows.add(new PlannedRow(request, journaled, sends(journaled, settings)));
    }
    return new ImportPlan(input, rows);
  }

  /** Whether a run with {@code settings} sends a row the journal left so. */
  private static boolean sends(Journal.RowHistory journaled, ImportSettings settings) {
    if (journaled == null) {
      return true;
    }
    return switch (RowOutcome.of(journaled.last().state())) {
      case REGISTERED -> false;
      case REFUSED -> settings.retryRefused();
      case UNKNOWN -> settings.resendUnknown(); // also a SENDING without an outcome: it was in flight
      case NOT_SENT, NOT_PROCESSED -> true; // nothing exists on the platform
    };
  }

  CsvInput input() {
    return input;
  }

  /** Every valid row, in file order. */
  List<PlannedRow> rows() {
    return rows;
  }

  /** The rows this run sends, in file order. */
  List<PlannedRow> toSend() {
    return toSend;
  }

  /** The rows this run leaves as the journal has them, in file order. */
  List<PlannedRow> skipped() {
    return skipped;
  }

  /** Whether an earlier run journaled any of the rows. */
  boolean continuesAJournal() {
    return rows.stream().anyMatch(row -> row.journaled() != null);
  }

  /** Rows skipped because an earlier run registered them. */
  long registeredBefore() {
    return skipped.stream().filter(row -> row.journaledOutcome() == RowOutcome.REGISTERED).count();
  }

  private static void checkUnchanged(Path journalPath, CsvInput input, Map<Integer, Journal.RowHistory> history) {
    Map<Integer, CsvInput.Row> byLine = input.rows().stream()
        .collect(Collectors.toMap(CsvInput.Row::line, row -> row));
    List<String> changed = new ArrayList<>();
    new TreeMap<>(history).forEach((line, entry) -> {
      CsvInput.Row row = byLine.get(line);
      if (row == null) {
        changed.add("line " + line + " (" + entry.last().state() + ") is no longer a row of the file");
      } else if (!row.hash().equals(entry.last().hash())) {
        changed.add("line " + line + " (" + entry.last().state() + ") has different content");
      }
    });
    if (changed.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder("The file changed since the journal ").append(journalPath)
        .append(" was written, so it cannot continue that import. Nothing was sent.");
    changed.stream().limit(ImportReport.LISTED_LINES)
        .forEach(line -> message.append(System.lineSeparator()).append("  ").append(line));
    if (changed.size() > ImportReport.LISTED_LINES) {
      message.append(System.lineSeparator()).append("  and ").append(changed.size() - ImportReport.LISTED_LINES).append(" more");
    }
    message.append(System.lineSeparator()).append("Rows are matched to the journal by line number and content: a row "
        + "edited, inserted or deleted above others would be skipped or registered twice. Restore the file (new rows "
        + "may only be added at its end), or import the changed rows from a new file (it gets its own journal).");
    throw new InvalidImportException(message.toString());
  }
}
