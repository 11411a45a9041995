package com.huiyi31.cli.imports;

import com.huiyi31.cli.terminal.TerminalText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What an import tells a person on standard output: for --dry-run what a run would send
 * ({@link #printDryRun}); after a run, the rows counted by status and the lines to look at
 * ({@link #printSummary}). The result file ({@link ResultCsv}) has every row.
 *
 * @param results every row's result, by line
 * @param journalFailure why the journal could not be written, or null
 */
record ImportReport(ImportPlan plan, Map<Integer, RowResult> results, Path resultFile, Path journalFile,
    String journalFailure) {

  /** At most this many lines are listed in a message; the results file has them all. */
  static final int LISTED_LINES = 50;

  /** For --dry-run: the rows are valid, what the journal already holds, and what a run would send. */
  static void printDryRun(PrintWriter out, ImportPlan plan, Path journalFile) {
    out.println("All " + plan.rows().size() + " rows are valid. Nothing was sent (--dry-run).");
    if (plan.continuesAJournal()) {
      List<RowResult> skipped = plan.skipped().stream().map(row -> RowResult.asJournaled(row.journaled()))
          .collect(Collectors.toList());
      printCounts(out, "Already in the journal " + TerminalText.safe(journalFile.toString()) + ": ", skipped,
          plan.registeredBefore());
    }
    out.println("An import would send " + plan.toSend().size() + " rows.");
    out.flush();
  }

  /** What happened, with the lines a person has to look at. */
  void printSummary(PrintWriter out) {
    List<RowResult> all = plan.input().rows().stream().map(row -> results.get(row.line())).collect(Collectors.toList());
    printCounts(out, plan.rows().size() + " rows: ", all, plan.registeredBefore());
    out.println("Results: " + TerminalText.safe(resultFile.toString())); // a file name is anyone's text
    out.println("Journal: " + TerminalText.safe(journalFile.toString()));
    listLines(out, "Refused by the platform (not sent again unless --retry-refused)",
        result -> result.outcome() == RowOutcome.REFUSED);
    listLines(out, "Not sent or not processed (a re-run sends them)",
        result -> result.outcome().nothingOnThePlatform());
    listLines(out, "Outcome unknown: the platform may have registered them. Check them on the platform; a re-run "
        + "sends them only with --resend-unknown (which registers twice any that were registered)",
        result -> result.outcome() == RowOutcome.UNKNOWN);
    listLines(out, "Registered after an attempt whose outcome was unknown: check the platform for a second order",
        RowResult::earlierAttemptUnknown);
    if (journalFailure != null) {
      out.println("The journal could not be written (" + TerminalText.safe(journalFailure)
          + "): the rows in flight then count as unknown.");
    }
    out.flush();
  }

  /** "3 rows: 1 REFUSED, 2 REGISTERED (1 by an earlier run)." */
  private static void printCounts(PrintWriter out, String prefix, List<RowResult> results, long earlier) {
    Map<String, Long> byStatus = results.stream()
        .collect(Collectors.groupingBy(RowResult::status, TreeMap::new, Collectors.counting()));
    String counts = byStatus.entrySet().stream()
        .map(entry -> entry.getValue() + " " + entry.getKey()
            + (entry.getKey().equals(RowOutcome.REGISTERED.status()) && earlier > 0 ? " (" + earlier + " by an earlier run)" : ""))
        .collect(Collectors.joining(", "));
    out.println(prefix + (counts.isEmpty() ? "none" : counts) + ".");
  }

  private void listLines(PrintWriter out, String title, Predicate<RowResult> which) {
    List<Integer> lines = plan.input().rows().stream().map(CsvInput.Row::line).filter(line -> which.test(results.get(line)))
        .collect(Collectors.toList());
    if (lines.isEmpty()) {
      return;
    }
    String listed = lines.stream().limit(LISTED_LINES).map(String::valueOf).collect(Collectors.joining(", "));
    out.println(title + ": line" + (lines.size() == 1 ? " " : "s ") + listed
        + (lines.size() > LISTED_LINES ? " and " + (lines.size() - LISTED_LINES) + " more (see the results file)" : "") + ".");
  }
}
