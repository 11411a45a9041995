package com.huiyi31.cli.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import does, decided before anything is sent, by reading the whole file once: every row
 * valid, the file unchanged where the journal knows it, and for each row whether this run sends
 * it, by its outcome in the journal (see {@link RowOutcome}):
 * <ul>
 *   <li>none, NOT_SENT, NOT_PROCESSED: sent (nothing exists on the platform);
 *   <li>REGISTERED: skipped, its order reported again;
 *   <li>REFUSED: reported again, sent only with --retry-refused (the same request gets the same
 *       businessCode unless something changed on the platform, e.g. more tickets);
 *   <li>UNKNOWN, or SENDING without an outcome: listed for a person to check, sent only with
 *       --resend-unknown (the platform may have registered it: sending again may register twice).
 * </ul>
 * The plan keeps counts, not rows: the sending pass reads the file again and asks {@link #recheck}
 * for each row, which also makes sure it is the row this pass validated (8 bytes per row: a
 * fingerprint of its line and tag).
 */
final class ImportPlan {

  /**
   * One valid row and what this run does with it.
   *
   * @param request the request it becomes; null until it is needed (a row this run sends)
   * @param journaledState the state the journal holds for the row, or null when no run has tried it
   * @param earlierUncertain an attempt before the journal's latest one may have registered the row
   * @param send whether this run sends it
   */
  record PlannedRow(CsvInput.Row row, RowRequest request, Journal.State journaledState, boolean earlierUncertain,
      boolean send) {

    int line() {
      return row.line();
    }

    /** The same, with the request it becomes. */
    PlannedRow with(RowRequest request) {
      return new PlannedRow(row, request, journaledState, earlierUncertain, send);
    }

    /** The outcome the journal holds for the row, or null when no run has tried it. */
    RowOutcome journaledOutcome() {
      return journaledState == null ? null : RowOutcome.of(journaledState);
    }

    /** An earlier attempt's outcome is unknown: a registration now may be the row's second order. */
    boolean earlierAttemptUnknown() {
      return journaledState != null && (RowOutcome.of(journaledState) == RowOutcome.UNKNOWN || earlierUncertain);
    }
  }

  private final ImportSettings settings;
  private final JournalIndex journal;
  private final Map<String, Long> skippedByStatus = new TreeMap<>();
  private long[] fingerprints = new long[1024];
  private int rows;
  private int toSend;
  private long registeredBefore;
  private String type;
  private boolean byteOrderMark;
  private List<String> columns;

  private ImportPlan(ImportSettings settings, JournalIndex journal) {
    this.settings = settings;
    this.journal = journal;
  }

  /**
   * Reads every row of {@code input} and plans it against {@code journal}. Throws
   * {@link InvalidImportException} listing the invalid rows, or when the file changed since the
   * journal was written (rows are matched to the journal by line and content, so the journal could
   * not be continued safely).
   */
  static ImportPlan of(CsvInput input, JournalIndex journal, ImportSettings settings) {
    ImportPlan plan = new ImportPlan(settings, journal);
    plan.columns = input.columns();
    plan.byteOrderMark = input.byteOrderMark();
    RowValidation validation = new RowValidation(input, settings);
    List<String> changed = new ArrayList<>();
    int changedCount = 0;
    for (CsvInput.Row row; (row = input.next()) != null; ) {
      RowRequest request = validation.check(row);
      if (validation.optionProblem()) {
        break; // every row has it
      }
      if (plan.type == null && request.request != null) {
        // The type id every request carries: with names, the one the type's name was resolved to, so
        // that a run by --type-name and one by --type share the journal of the same import.
        plan.type = request.request.getAttendeeTypeId();
      }
      Journal.State state = journal.state(row.line());
      if (state != null) {
        journal.markSeen(row.line());
        if (journal.tag(row.line()) != JournalIndex.tag(row.hash()) && changedCount++ < ImportReport.LISTED_LINES) {
          changed.add("line " + row.line() + " (" + state + ") has different content");
        }
      }
      plan.count(plan.plan(row));
      if (plan.rows == plan.fingerprints.length) {
        plan.fingerprints = Arrays.copyOf(plan.fingerprints, plan.rows * 2);
      }
      plan.fingerprints[plan.rows++] = fingerprint(row);
    }
    if (validation.rows() == 0) {
      throw CsvInput.noRows();
    }
    validation.requireValid();
    journal.checkHeader(settings.event(), plan.type);
    checkUnchanged(journal, changed, changedCount);
    return plan;
  }

  /** What this run does with a row, by what the journal says of it. */
  private PlannedRow plan(CsvInput.Row row) {
    int line = row.line();
    Journal.State state = journal.state(line);
    return new PlannedRow(row, null, state, journal.earlierUncertain(line), sends(state, settings));
  }

  /** Whether a run with {@code settings} sends a row the journal left so (null: never tried). */
  private static boolean sends(Journal.State journaled, ImportSettings settings) {
    if (journaled == null) {
      return true;
    }
    return switch (RowOutcome.of(journaled)) {
      case REGISTERED -> false;
      case REFUSED -> settings.retryRefused();
      case UNKNOWN -> settings.resendUnknown(); // also a SENDING without an outcome: it was in flight
      case NOT_SENT, NOT_PROCESSED -> true; // nothing exists on the platform
    };
  }

  private void count(PlannedRow row) {
    if (row.send()) {
      toSend++;
      return;
    }
    RowOutcome outcome = row.journaledOutcome();
    skippedByStatus.merge(outcome.status(), 1L, Long::sum);
    if (outcome == RowOutcome.REGISTERED) {
      registeredBefore++;
    }
  }

  /** A row's line and tag in 64 bits: a different row on the line, or the row on another line, differs. */
  private static long fingerprint(CsvInput.Row row) {
    return JournalIndex.tag(row.hash()) * 0x9E3779B97F4A7C15L + row.line();
  }

  /**
   * For the sending pass: the plan of the {@code ordinal}-th row (from 0), or null when it is not
   * the row validated in that place (the file changed since it was validated). Its request is not
   * made: only a row this run sends needs it (then {@link RowRequest#of}; it was validated).
   */
  PlannedRow recheck(CsvInput.Row row, int ordinal) {
    if (ordinal >= rows || fingerprints[ordinal] != fingerprint(row)) {
      return null;
    }
    return plan(row);
  }

  JournalIndex journal() {
    return journal;
  }

  /** The input's columns, and whether it began with a byte order mark (for the result file). */
  List<String> columns() {
    return columns;
  }

  boolean byteOrderMark() {
    return byteOrderMark;
  }

  /** The attendee type id every row is sent with. */
  String type() {
    return type;
  }

  /** Every row of the file (all valid). */
  int rows() {
    return rows;
  }

  /** The rows this run sends. */
  int toSend() {
    return toSend;
  }

  /** The rows this run leaves as the journal has them, by their status. */
  Map<String, Long> skippedByStatus() {
    return skippedByStatus;
  }

  /** Whether an earlier run journaled any of the rows. */
  boolean continuesAJournal() {
    return journal.journaledLines() > 0;
  }

  /** Rows skipped because an earlier run registered them. */
  long registeredBefore() {
    return registeredBefore;
  }

  private static void checkUnchanged(JournalIndex journal, List<String> changed, int changedCount) {
    int missingCount = journal.unseenCount();
    if (changedCount == 0 && missingCount == 0) {
      return;
    }
    // Both lists are in line order: merged, the first LISTED_LINES of all.
    List<String[]> problems = new ArrayList<>();
    changed.forEach(text -> problems.add(new String[] {text.replaceAll("line (\\d+).*", "$1"), text}));
    journal.unseen(ImportReport.LISTED_LINES).forEach(text -> problems.add(new String[] {
        text.replaceAll("line (-?\\d+).*", "$1"), text + " is no longer a row of the file"}));
    problems.sort((a, b) -> Long.compare(Long.parseLong(a[0]), Long.parseLong(b[0])));
    int total = changedCount + missingCount;
    StringBuilder message = new StringBuilder("The file changed since the journal ").append(journal.path())
        .append(" was written, so it cannot continue that import. Nothing was sent.");
    problems.stream().limit(ImportReport.LISTED_LINES)
        .forEach(problem -> message.append(System.lineSeparator()).append("  ").append(problem[1]));
    if (total > ImportReport.LISTED_LINES) {
      message.append(System.lineSeparator()).append("  and ").append(total - ImportReport.LISTED_LINES).append(" more");
    }
    message.append(System.lineSeparator()).append("Rows are matched to the journal by line number and content: a row "
        + "edited, inserted or deleted above others would be skipped or registered twice. Restore the file (new rows "
        + "may only be added at its end), or import the changed rows from a new file (it gets its own journal).");
    throw new InvalidImportException(message.toString());
  }
}
