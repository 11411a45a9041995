package com.huiyi31.cli.imports;

import com.huiyi31.cli.terminal.TerminalText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What an import tells a person on standard output: for --dry-run what a run would send
 * ({@link #printDryRun}); after a run, the rows counted by status and the lines to look at
 * ({@link #printSummary}). The result file ({@link ResultCsv}) has every row; this keeps counts and
 * the first {@link #LISTED_LINES} lines of each list, fed one row at a time ({@link #add}).
 */
final class ImportReport {

  /** At most this many lines are listed in a message; the results file has them all. */
  static final int LISTED_LINES = 50;

  /** One list of lines to look at: its title, which rows belong in it, the first lines and how many. */
  private static final class Lines {
    final String title;
    final Predicate<RowResult> which;
    final List<Integer> first = new ArrayList<>();
    long count;

    Lines(String title, Predicate<RowResult> which) {
      this.title = title;
      this.which = which;
    }
  }

  private final long registeredBefore;
  private final Path resultFile;
  private final Path journalFile;
  private final Map<String, Long> byStatus = new TreeMap<>();
  private final List<Lines> lists = List.of(
      new Lines("Refused by the platform (not sent again unless --retry-refused)",
          result -> result.outcome() == RowOutcome.REFUSED),
      new Lines("Not sent or not processed (a re-run sends them)", result -> result.outcome().nothingOnThePlatform()),
      new Lines("Outcome unknown: the platform may have registered them. Check them on the platform; a re-run "
          + "sends them only with --resend-unknown (which registers twice any that were registered)",
          result -> result.outcome() == RowOutcome.UNKNOWN),
      new Lines("Registered after an attempt whose outcome was unknown: check the platform for a second order",
          RowResult::earlierAttemptUnknown));
  private long rows;
  private long registered;

  /** @param registeredBefore rows an earlier run registered (skipped by this one) */
  ImportReport(long registeredBefore, Path resultFile, Path journalFile) {
    this.registeredBefore = registeredBefore;
    this.resultFile = resultFile;
    this.journalFile = journalFile;
  }

  /** The next row's result, in file order. */
  void add(int line, RowResult result) {
    rows++;
    byStatus.merge(result.status(), 1L, Long::sum);
    if (result.registered()) {
      registered++;
    }
    for (Lines list : lists) {
      if (list.which.test(result) && list.count++ < LISTED_LINES) {
        list.first.add(line);
      }
    }
  }

  /** Whether every row added is registered. */
  boolean allRegistered() {
    return registered == rows;
  }

  /** For --dry-run: the rows are valid, what the journal already holds, and what a run would send. */
  static void printDryRun(PrintWriter out, ImportPlan plan, Path journalFile) {
    out.println("All " + plan.rows() + " rows are valid. Nothing was sent (--dry-run).");
    if (plan.continuesAJournal()) {
      printCounts(out, "Already in the journal " + TerminalText.safe(journalFile.toString()) + ": ", plan.skippedByStatus(),
          plan.registeredBefore());
    }
    out.println("An import would send " + plan.toSend() + " rows.");
    out.flush();
  }

  /** What happened, with the lines a person has to look at; {@code journalFailure}: why the journal could not be written, or null. */
  void printSummary(PrintWriter out, String journalFailure) {
    printCounts(out, rows + " rows: ", byStatus, registeredBefore);
    out.println("Results: " + TerminalText.safe(resultFile.toString())); // a file name is anyone's text
    out.println("Journal: " + TerminalText.safe(journalFile.toString()));
    for (Lines list : lists) {
      if (list.count > 0) {
        String listed = list.first.stream().map(String::valueOf).collect(Collectors.joining(", "));
        out.println(list.title + ": line" + (list.count == 1 ? " " : "s ") + listed
            + (list.count > LISTED_LINES ? " and " + (list.count - LISTED_LINES) + " more (see the results file)" : "") + ".");
      }
    }
    if (journalFailure != null) {
      out.println("The journal could not be written (" + TerminalText.safe(journalFailure)
          + "): the rows in flight then count as unknown.");
    }
    out.flush();
  }

  /** "3 rows: 1 REFUSED, 2 REGISTERED (1 by an earlier run)." */
  private static void printCounts(PrintWriter out, String prefix, Map<String, Long> byStatus, long earlier) {
    String counts = byStatus.entrySet().stream()
        .map(entry -> entry.getValue() + " " + entry.getKey()
            + (entry.getKey().equals(RowOutcome.REGISTERED.status()) && earlier > 0 ? " (" + earlier + " by an earlier run)" : ""))
        .collect(Collectors.joining(", "));
    out.println(prefix + (counts.isEmpty() ? "none" : counts) + ".");
  }
}
