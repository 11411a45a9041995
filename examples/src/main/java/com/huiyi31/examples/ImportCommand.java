package com.huiyi31.examples;

import com.huiyi31.examples.imports.ImportRun;
import com.huiyi31.examples.imports.ImportSettings;
import com.huiyi31.examples.imports.InvalidImportException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code huiyi31 import attendees.csv}: registers every attendee of a CSV file, safely re-runnable.
 * The work is done in {@link com.huiyi31.examples.imports}; this class holds the options.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Registers every attendee of a CSV file (UTF-8, with or without a BOM).",
        "The first line names the columns: form fields (FullName, Mobile, Email, Company, Position, StringField1, ...) "
            + "and optionally 'ticket' (SKU_ID:SKU_NAME[:QTY], else --ticket).",
        "Every row is validated before anything is sent. A journal (FILE.journal) records each request before it "
            + "is sent and its outcome after, so that running the same command again after any interruption "
            + "sends only what is left: registered rows are skipped, rows whose outcome is unknown are not sent again "
            + "(unless --resend-unknown), refused ones neither (unless --retry-refused).",
        "Results, one line per row with orderNo, attendeeId, checkinCode or the error: FILE.result.csv (--out)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every row is registered (by this run or an earlier one)",
        "1:nothing could be sent (e.g. the platform is unreachable), or the journal could not be written",
        "2:usage error, invalid rows, or a file that changed since its journal was written (nothing was sent)",
        "3:finished, but some rows were refused, failed or have an unknown outcome (see the results)"})
final class ImportCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file of attendees.")
  Path file;

  @Mixin
  PlatformOptions platform;

  @Mixin
  EventOptions target;

  @Option(names = "--ticket", paramLabel = "SKU_ID:SKU_NAME[:QTY]",
      description = "The ticket of rows whose 'ticket' column is empty (or that have none).")
  String ticket;

  @Option(names = "--concurrency", defaultValue = "4", paramLabel = "N",
      description = "Requests in flight at once (1-64). Default: ${DEFAULT-VALUE}.")
  int concurrency;

  @Option(names = "--rate", paramLabel = "N", description = "At most N requests started per second (evenly spaced). Default: no limit.")
  Double rate;

  @Option(names = "--journal", paramLabel = "FILE", description = "The journal. Default: the input's name + .journal.")
  Path journal;

  @Option(names = "--out", paramLabel = "FILE", description = "The result CSV. Default: the input's name with .result.csv.")
  Path out;

  @Option(names = "--dry-run", description = "Validate every row (and show what a run would send); send nothing.")
  boolean dryRun;

  @Option(names = "--retry-refused", description = "Send rows that the platform refused in an earlier run again.")
  boolean retryRefused;

  @Option(names = "--resend-unknown",
      description = "Send rows whose earlier outcome is unknown again. Check the platform first: any of them that "
          + "was registered gets registered twice.")
  boolean resendUnknown;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    CommandLine commandLine = spec.commandLine();
    PrintWriter stdout = commandLine.getOut();
    PrintWriter stderr = commandLine.getErr();
    ImportSettings settings = settings(commandLine);
    try (ImportRun run = ImportRun.prepare(settings)) {
      if (dryRun) {
        run.printPlan(stdout);
        return Huiyi31Cli.OK;
      }
      ImportRun.Verdict verdict;
      if (run.rowsToSend() == 0) {
        verdict = run.verdict(); // nothing left to send: no connection, no sandbox
      } else {
        try (PlatformOptions.Connection connection = platform.connect(commandLine, concurrency)) {
          verdict = run.send(connection.client.attendees()::registerAttendee, stderr);
        }
      }
      try {
        run.writeResult();
      } catch (IOException e) {
        // The journal holds every outcome: running the same command again sends nothing new and
        // writes the results.
        stderr.println("The results could not be written to " + settings.result() + " (" + e
            + "). Is the file open in another program? Run the same command again to write them.");
        verdict = ImportRun.Verdict.FAILED;
      }
      run.printSummary(stdout);
      switch (verdict) {
        case ALL_REGISTERED:
          return Huiyi31Cli.OK;
        case PARTIAL:
          return Huiyi31Cli.PARTIAL;
        default:
          return Huiyi31Cli.FAILED;
      }
    } catch (InvalidImportException e) {
      stderr.println(e.getMessage());
      stderr.flush();
      return Huiyi31Cli.USAGE;
    }
  }

  private ImportSettings settings(CommandLine commandLine) {
    if (concurrency < 1 || concurrency > 64) {
      throw new CommandLine.ParameterException(commandLine, "--concurrency must be between 1 and 64, was " + concurrency + ".");
    }
    if (rate != null && !(rate > 0 && rate <= 10_000)) {
      throw new CommandLine.ParameterException(commandLine, "--rate must be a number above 0 (and at most 10000), was " + rate + ".");
    }
    if (target.event.isBlank() || target.type().isBlank()) {
      throw new CommandLine.ParameterException(commandLine, "--event and --type must not be blank.");
    }
    if (ticket != null) {
      Arguments.ticket(commandLine, ticket); // a malformed default is a usage error, before reading the file
    }
    ImportSettings.TicketParser tickets = value -> {
      try {
        return Arguments.ticket(commandLine, value);
      } catch (CommandLine.ParameterException e) {
        throw new IllegalArgumentException("not SKU_ID:SKU_NAME[:QTY]", e);
      }
    };
    return new ImportSettings(file,
        journal != null ? journal : ImportSettings.defaultJournal(file),
        out != null ? out : ImportSettings.defaultResult(file),
        target.event.strip(), target.type().strip(), ticket, tickets, concurrency, rate == null ? 0 : rate,
        dryRun, retryRefused, resendUnknown);
  }
}
