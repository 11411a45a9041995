package com.huiyi31.cli.imports;

import com.huiyi31.client.Registrant;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.client.model.TicketItem;
import java.nio.file.Path;

/**
 * What {@code huiyi31 import} was asked to do.
 *
 * @param input the CSV file
 * @param journal the journal file (default: the input's name + {@code .journal})
 * @param result the result CSV (default: the input's name with {@code .result.csv})
 * @param event the event id (BventId) of every row
 * @param type the attendee type of every row: its id (AttendeeTypeId), or with {@code names} its name or id
 * @param defaultTicket the ticket of rows whose {@code ticket} cell is empty, or null: {@code SKU_ID:SKU_NAME[:QTY]},
 *     or with {@code names} the ticket's name or id
 * @param tickets parses a {@code SKU_ID:SKU_NAME[:QTY]} value (the syntax of register's --ticket)
 * @param concurrency requests in flight at once (and so the client's maxConcurrentRequests)
 * @param ratePerSecond at most this many requests started per second, from {@link #MIN_RATE_PER_SECOND} to
 *     {@link #MAX_RATE_PER_SECOND}; 0 for no limit
 * @param dryRun validate (and show the plan), send nothing
 * @param retryRefused send rows the platform refused in an earlier run again
 * @param resendUnknown send rows whose earlier outcome is unknown again (may create a second order)
 * @param names resolves a row given by names (columns named by field labels, choices by option text, the type
 *     and ticket by name) into its Register request, or null to take the file as ids and field names as they are
 */
public record ImportSettings(
    Path input,
    Path journal,
    Path result,
    String event,
    String type,
    String defaultTicket,
    TicketParser tickets,
    int concurrency,
    double ratePerSecond,
    boolean dryRun,
    boolean retryRefused,
    boolean resendUnknown,
    Names names) {

  /**
   * The slowest {@code --rate}: a request every 100 s. Slower is not pacing but a mistake (1e-300
   * would mean one request in 10^292 years), and keeps the limiter's schedule far from overflowing.
   */
  public static final double MIN_RATE_PER_SECOND = 0.01;

  /** The fastest {@code --rate}: beyond it, 64 requests in flight are the limit, not the rate. */
  public static final double MAX_RATE_PER_SECOND = 1000;

  public ImportSettings {
    if (ratePerSecond != 0 && !(ratePerSecond >= MIN_RATE_PER_SECOND && ratePerSecond <= MAX_RATE_PER_SECOND)) {
      throw new IllegalArgumentException("ratePerSecond must be 0 (no limit) or between " + MIN_RATE_PER_SECOND
          + " and " + MAX_RATE_PER_SECOND + ", was " + ratePerSecond);
    }
  }

  /**
   * Turns a row described by names into the request to send, checked against the event's forms:
   * the client's {@code registration(event)::prepare}. Throws its validation exception, listing
   * every problem, when the row does not fit.
   */
  @FunctionalInterface
  public interface Names {
    RegisterAttendeeRequest prepare(Registrant registrant);
  }

  /**
   * Parses a ticket value; when it is malformed, throws IllegalArgumentException whose message says
   * why without quoting the value (it is shown next to the row's line number).
   */
  @FunctionalInterface
  public interface TicketParser {
    TicketItem parse(String value);
  }

  /** {@code attendees.csv} -> {@code attendees.csv.journal}, next to it. */
  public static Path defaultJournal(Path input) {
    return input.resolveSibling(input.getFileName() + ".journal");
  }

  /** {@code attendees.csv} -> {@code attendees.result.csv}, next to it. */
  public static Path defaultResult(Path input) {
    String name = input.getFileName().toString();
    String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    return input.resolveSibling(base + ".result.csv");
  }
}
