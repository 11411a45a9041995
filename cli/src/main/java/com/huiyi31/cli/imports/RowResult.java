package com.huiyi31.cli.imports;

import com.huiyi31.client.Huiyi31BusinessException;
import com.huiyi31.client.Huiyi31DecodeException;
import com.huiyi31.client.Huiyi31Exception;
import com.huiyi31.client.Huiyi31HttpException;
import com.huiyi31.client.Huiyi31TransportException;
import com.huiyi31.client.model.OrderAttendee;
import com.huiyi31.client.model.RegistrationOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A row's line in the result file, and the details its outcome is journaled with. The result
 * file gets the client's message (phones and emails masked); the journal gets no text of the
 * platform's or of a server's at all, only codes and the tool's own words ({@link #journalReason}):
 * a refusal or an error page may name a person, even another one than the row's. Made from the platform's answer ({@link #registered}, {@link #failed}), from the journal
 * for a row this run does not send ({@link #asJournaled}), or for a row the run stopped before
 * sending ({@link #notReached}).
 *
 * @param earlierAttemptUnknown registered, but an earlier attempt's outcome was unknown: the platform
 *     may hold a second order
 */
record RowResult(RowOutcome outcome, String orderNo, String attendeeId, String checkinCode, String error,
    boolean earlierAttemptUnknown, Map<String, String> details) {

  private static final String DUPLICATE_WARNING =
      "registered, but an earlier attempt's outcome was unknown: check the platform for a second order";

  /** The result file's {@code status}. */
  String status() {
    return outcome.status();
  }

  boolean registered() {
    return outcome == RowOutcome.REGISTERED;
  }

  /** The platform registered the row; {@code earlierAttemptUnknown} when the journal knew of an attempt that may have too. */
  static RowResult registered(RegistrationOrder order, boolean earlierAttemptUnknown) {
    String orderNo = order == null ? null : order.getOrderNo();
    OrderAttendee attendee = order == null || order.getOrderAttendees() == null || order.getOrderAttendees().isEmpty()
        ? null : order.getOrderAttendees().get(0);
    String attendeeId = attendee == null ? null : attendee.getAttendeeId();
    String checkinCode = attendee == null ? null : attendee.getCheckinCode();
    return new RowResult(RowOutcome.REGISTERED, Objects.toString(orderNo, ""), Objects.toString(attendeeId, ""),
        Objects.toString(checkinCode, ""), earlierAttemptUnknown ? DUPLICATE_WARNING : "", earlierAttemptUnknown,
        details("orderNo", orderNo, "attendeeId", attendeeId, "checkinCode", checkinCode));
  }

  /** Sending failed: what the failure means for the row, by the client's error model. */
  static RowResult failed(RuntimeException failure) {
    if (failure instanceof Huiyi31BusinessException refused) {
      return failure(RowOutcome.REFUSED, refused.getMessage(), details("businessCode", String.valueOf(refused.businessCode())));
    }
    if (failure instanceof Huiyi31Exception e) {
      String status = e instanceof Huiyi31HttpException http ? String.valueOf(http.status()) : null;
      switch (e.outcome()) {
        case NOT_SENT:
          return failure(RowOutcome.NOT_SENT, e.getMessage(), details("reason", journalReason(e)));
        case NOT_PROCESSED:
          return failure(RowOutcome.NOT_PROCESSED, e.getMessage(), details("httpStatus", status, "reason", journalReason(e)));
        default: // UNKNOWN, or an outcome this code does not know: the platform may have acted
          return failure(RowOutcome.UNKNOWN, unknownAdvice(e.getMessage()),
              details("httpStatus", status, "reason", journalReason(e)));
      }
    }
    // Not from the client's error model, so nobody can say whether the request left: unknown.
    String reason = "unexpected " + failure.getClass().getName() + " while sending";
    return failure(RowOutcome.UNKNOWN, unknownAdvice(reason), details("reason", reason));
  }

  /** A row this run does not send (or stopped before sending), as the journal left it. */
  static RowResult asJournaled(Journal.RowHistory journaled) {
    Journal.Entry last = journaled.last();
    Map<String, String> d = last.details();
    RowOutcome outcome = RowOutcome.of(last.state());
    switch (outcome) {
      case REGISTERED:
        return new RowResult(outcome, d.getOrDefault("orderNo", ""), d.getOrDefault("attendeeId", ""),
            d.getOrDefault("checkinCode", ""), journaled.earlierUncertain() ? DUPLICATE_WARNING : "",
            journaled.earlierUncertain(), d);
      case REFUSED: // journals of earlier versions kept the platform's message
        String refusal = d.containsKey("message") ? d.get("message") : "Refused by the platform: businessCode "
            + d.getOrDefault("businessCode", "unknown") + " (the journal keeps no message of the platform's).";
        return failure(outcome, refusal + " (not sent again: --retry-refused sends it)", d);
      case NOT_SENT:
      case NOT_PROCESSED:
        return failure(outcome, d.getOrDefault("reason", "") + " (a re-run sends it)", d);
      default:
        String reason = last.state() == Journal.State.SENDING
            ? "The import stopped at " + last.time() + " while this row was being sent: the platform may have registered it."
            : d.getOrDefault("reason", "");
        return failure(outcome, unknownAdvice(reason), d);
    }
  }

  /** A row never journaled that the run stopped before sending. */
  static RowResult notReached(String stopReason) {
    return failure(RowOutcome.NOT_SENT, "not sent: " + stopReason + "; a re-run sends it", Map.of());
  }

  private static RowResult failure(RowOutcome outcome, String error, Map<String, String> details) {
    return new RowResult(outcome, "", "", "", error, false, details);
  }

  /**
   * Why sending failed, in the tool's words and from codes alone: no text of a server's (an error
   * page, an I/O message, which a server can word) goes into the journal.
   */
  static String journalReason(Huiyi31Exception e) {
    if (e instanceof Huiyi31HttpException http) {
      return "The platform answered HTTP " + http.status() + ".";
    }
    if (e instanceof Huiyi31TransportException) {
      return "The connection failed " + (e.outcome() == Huiyi31Exception.Outcome.NOT_SENT ? "before" : "after")
          + " the request was sent" + (e.getCause() == null ? "" : " (" + e.getCause().getClass().getSimpleName() + ")") + ".";
    }
    if (e instanceof Huiyi31DecodeException decode) {
      return "The answer (HTTP " + decode.httpStatus() + ") could not be read.";
    }
    return "Sending failed (" + e.getClass().getSimpleName() + ", " + e.outcome() + ").";
  }

  private static String unknownAdvice(String reason) {
    return reason + " Not sent again by a re-run: check the platform, then use --resend-unknown if it is not registered.";
  }

  /** Keys and values, in order; null values are left out. */
  private static Map<String, String> details(String... keysAndValues) {
    Map<String, String> details = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        details.put(keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return details;
  }
}
