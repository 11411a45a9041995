package com.huiyi31.cli;

import com.huiyi31.cli.imports.ImportRun;
import com.huiyi31.cli.imports.ImportSettings;
import com.huiyi31.cli.imports.InvalidImportException;
import com.huiyi31.cli.terminal.TerminalText;
import com.huiyi31.client.Huiyi31Client;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code huiyi31 import attendees.csv}: registers every attendee of a CSV file, safely re-runnable.
 * The work is done in {@link com.huiyi31.cli.imports}; this class holds the options.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Registers every attendee of a CSV file (UTF-8, with or without a BOM).",
        "The first line names the columns: form fields (FullName, Mobile, Email, Company, Position, StringField1, ...) "
            + "and optionally 'ticket' (SKU_ID:SKU_NAME[:QTY] as in --ticket; else --ticket).",
        "With --app-key, names work too (huiyi31 types shows them): columns may be field labels (姓名, 手机, 单选选择), "
            + "cells of choice fields an option's text (单), the type --type-name, the ticket --ticket-name or a "
            + "'ticket' cell with the ticket's name or id. Every row is resolved against the event's form first.",
        "Every row is validated before anything is sent. A journal (FILE.journal, and its key FILE.journal.key: keep "
            + "both, owner-only, next to each other) records each request before it "
            + "is sent and its outcome after, so that running the same command again after any interruption "
            + "sends only what is left: registered rows are skipped, rows whose outcome is unknown are not sent again "
            + "(unless --resend-unknown), refused ones neither (unless --retry-refused).",
        "Results, one line per row with orderNo, attendeeId, checkinCode or the error: FILE.result.csv (--out), "
            + "safe to open in a spreadsheet: a cell that would run as a formula (=, +, -, @ ...) starts with ' "
            + "(--raw-csv: as they are)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every row is registered (by this run or an earlier one)",
        "1:nothing could be sent (e.g. the platform is unreachable), or the journal could not be written",
        "2:usage error, invalid rows, or a file that changed since its journal was written (nothing was sent)",
        "3:finished, but some rows were refused, failed or have an unknown outcome (see the results)",
        "4:out of memory: give Java more (JAVA_TOOL_OPTIONS=-Xmx1g) and run the same command again: it resumes",
        "130/143:stopped by Ctrl-C (SIGINT) or SIGTERM, after writing the results and the summary"})
final class ImportCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file of attendees.")
  Path file;

  @Mixin
  PlatformOptions platform;

  @Mixin
  CredentialOptions credentials;

  @Mixin
  EventOptions target;

  @Option(names = "--ticket", paramLabel = TicketArgument.FORM, converter = TicketArgument.Converter.class,
      description = "The ticket of rows whose 'ticket' column is empty (or that have none), as register's --ticket "
          + "takes it: SKU_ID:SKU_NAME, or SKU_ID:SKU_NAME:QTY (QTY the digits 0-9 alone, 1 to "
          + TicketArgument.MAX_QUANTITY + "). With --app-key its SKU_ID alone is enough.")
  TicketArgument ticket;

  @Option(names = "--ticket-name", paramLabel = "NAME",
      description = "Or that ticket by name, e.g. 嘉宾票 (needs --app-key). Left out with --app-key: the type's only "
          + "ticket on sale.")
  String ticketName;

  @Option(names = "--concurrency", defaultValue = "4", paramLabel = "N",
      description = "Requests in flight at once (1-64). Default: ${DEFAULT-VALUE}.")
  int concurrency;

  @Option(names = "--rate", paramLabel = "N", converter = Arguments.RateConverter.class,
      description = "At most N requests started per second, evenly spaced; N from " + Arguments.RATE_RANGE
          + " (0.5: one every 2 s). Default: no limit.")
  Double rate;

  @Option(names = "--journal", paramLabel = "FILE",
      description = "The journal. Default: the input's name + .journal. Its key is kept next to it, under its name + .key.")
  Path journal;

  @Option(names = "--out", paramLabel = "FILE", description = "The result CSV. Default: the input's name with .result.csv.")
  Path out;

  @Option(names = "--raw-csv",
      description = "Write the result CSV's cells exactly as they are, for programs that read it: without the ' put "
          + "before a cell a spreadsheet would run as a formula (one starting with = + - @, a tab or a carriage return), "
          + "and with the platform's control characters as sent. Never open such a file in Excel or WPS.")
  boolean rawCsv;

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

  /** How the rows are sent with a client: its registerAttendee. A seam for tests (picocli's factory makes the command). */
  Function<Huiyi31Client, ImportRun.Sender> senders = client -> client.attendees()::registerAttendee;

  @Override
  public Integer call() throws Exception {
    CommandLine commandLine = spec.commandLine();
    boolean byNames = credentials.given();
    target.check(commandLine, byNames);
    checkOptions(commandLine, byNames);
    CredentialOptions.Credentials given = credentials.resolve(commandLine, Huiyi31Cli.secrets(commandLine));
    // By names, the rows are resolved against the event's types before anything is sent, so the
    // connection (and the type list it loads once) comes first; by ids, only if there is something to send.
    PlatformOptions.Connection named = byNames ? platform.connect(commandLine, concurrency, given) : null;
    try {
      return run(commandLine, settings(named), named);
    } finally {
      if (named != null) {
        named.close();
      }
    }
  }

  private int run(CommandLine commandLine, ImportSettings settings, PlatformOptions.Connection named) throws Exception {
    PrintWriter stdout = commandLine.getOut();
    PrintWriter stderr = commandLine.getErr();
    try (ImportRun run = ImportRun.prepare(settings)) {
      run.notices().forEach(notice -> stderr.println(TerminalText.safe(notice)));
      if (dryRun) {
        run.printPlan(stdout);
        return Huiyi31Cli.OK;
      }
      ImportRun.Verdict verdict;
      if (run.rowsToSend() == 0) {
        verdict = run.send(null, stderr, rawCsv); // nothing left to send: no connection, no sandbox; the results
      } else if (named != null) {
        verdict = run.send(senders.apply(named.client), stderr, rawCsv);
      } else {
        try (PlatformOptions.Connection connection = platform.connect(commandLine, concurrency)) {
          verdict = run.send(senders.apply(connection.client), stderr, rawCsv);
        }
      }
      if (run.resultFailure() != null) {
        // The journal holds every outcome: running the same command again sends nothing new and
        // writes the results.
        stderr.println("The results could not be written to " + TerminalText.safe(settings.result() + " ("
            + run.resultFailure()) + "). Is the file open in another program? Run the same command again to write them.");
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
      stderr.println(TerminalText.safeLines(e.getMessage())); // may quote the file's column names, the platform's names
      stderr.flush();
      return Huiyi31Cli.USAGE;
    }
  }

  /** Usage errors that need no file and no secret. */
  private void checkOptions(CommandLine commandLine, boolean byNames) {
    if (concurrency < 1 || concurrency > 64) {
      throw new CommandLine.ParameterException(commandLine, "--concurrency must be between 1 and 64, was " + concurrency + ".");
    }
    if (target.event.isBlank() || target.type().isBlank()) {
      throw new CommandLine.ParameterException(commandLine, "--event and --type must not be blank.");
    }
    if (ticketName != null && !byNames) {
      throw new CommandLine.ParameterException(commandLine, "--ticket-name needs --app-key: names are looked up in the "
          + "event's attendee types, which need the app's credentials. Without them, give --ticket SKU_ID:SKU_NAME.");
    }
    if (ticketName != null && ticket != null) {
      throw new CommandLine.ParameterException(commandLine, "Give --ticket or --ticket-name, not both.");
    }
    if (ticket != null && !byNames) {
      Arguments.ticketItem(commandLine, "--ticket", ticket); // without its SKU_NAME: a usage error, before reading the file
    }
    if (ticket != null && byNames && ticket.quantity() != 1) {
      throw new CommandLine.ParameterException(commandLine, "With --app-key a ticket's quantity is 1 (one person, "
          + "one ticket), but --ticket gives " + ticket.quantity() + ".");
    }
  }

  private ImportSettings settings(PlatformOptions.Connection named) {
    ImportSettings.TicketParser tickets = value -> {
      TicketArgument parsed = TicketArgument.parse(value); // its message names the problem, quoting no value
      if (parsed.idOnly()) {
        throw new IllegalArgumentException("it has no ':' and so no SKU_NAME");
      }
      return parsed.item();
    };
    String defaultTicket = ticket == null ? null : ticket.text();
    ImportSettings.Names names = null;
    if (named != null) {
      defaultTicket = ticketName != null ? ticketName.strip() : ticket == null ? null : ticket.id();
      names = named.client.registration(target.event.strip())::prepare;
    }
    return new ImportSettings(file,
        journal != null ? journal : ImportSettings.defaultJournal(file),
        out != null ? out : ImportSettings.defaultResult(file),
        target.event.strip(), target.type().strip(), defaultTicket, tickets, concurrency, rate == null ? 0 : rate,
        dryRun, retryRefused, resendUnknown, names);
  }
}
