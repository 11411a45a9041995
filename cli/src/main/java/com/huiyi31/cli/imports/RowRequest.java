package com.huiyi31.cli.imports;

import com.huiyi31.client.Huiyi31ValidationException;
import com.huiyi31.client.Huiyi31ValidationException.Subject;
import com.huiyi31.client.Registrant;
import com.huiyi31.client.model.AttendeeForm;
import com.huiyi31.client.model.FormField;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * A row as the request it becomes: every non-empty cell a form answer named by its column, the
 * {@code ticket} cell (or the default ticket) the one ticket item. The same object is validated
 * and, later, sent. With {@link ImportSettings#names()}, columns may be field labels and cells
 * option texts, and the type and ticket names: the row is resolved against the event's forms.
 */
final class RowRequest {

  final CsvInput.Row row;
  /** The request to send; null when the row, given by names, could not be resolved (see problems). */
  final RegisterAttendeeRequest request;
  /** Problems found while building the request (the row's shape, its ticket cell). */
  final List<String> problems = new ArrayList<>();
  /**
   * A problem of the options rather than of this row (the type, or the default ticket, given by
   * name): the same for every row, so reported once. Null when there is none.
   */
  String optionProblem;
  private boolean ticketProblem;
  private final boolean hasTicketColumn;

  private RowRequest(CsvInput input, CsvInput.Row row, ImportSettings settings) {
    this.row = row;
    hasTicketColumn = input.ticketColumn() >= 0;
    if (settings.names() != null) {
      request = byNames(input, settings);
      return;
    }
    if (row.shapeProblem() != null) {
      problems.add(row.shapeProblem());
    }
    int ticketColumn = input.ticketColumn();
    AttendeeForm form = new AttendeeForm();
    for (int i = 0; i < input.columns().size(); i++) {
      String cell = row.values().get(i).strip();
      if (i == ticketColumn || cell.isEmpty()) {
        continue; // an empty cell is an unanswered question, not an empty answer
      }
      form.addFieldsItem(new FormField().fieldName(input.columns().get(i)).fieldValue(cell));
    }
    request = new RegisterAttendeeRequest().bventId(settings.event()).attendeeTypeId(settings.type()).attendee(form);
    String ticket = ticketColumn < 0 ? "" : row.values().get(ticketColumn).strip();
    if (ticket.isEmpty()) {
      ticket = settings.defaultTicket();
    }
    if (ticket != null) {
      try {
        request.addItemsItem(settings.tickets().parse(ticket));
      } catch (IllegalArgumentException e) {
        ticketProblem = true;
        String where = ticketColumn < 0 ? "--ticket" : "column \"" + input.columns().get(ticketColumn) + "\"";
        problems.add(where + " is not SKU_ID:SKU_NAME[:QTY] (" + e.getMessage() + ")"); // the reason quotes no value
      }
    }
  }

  /** The row resolved by names: every problem is added, the request is null when there is one. */
  private RegisterAttendeeRequest byNames(CsvInput input, ImportSettings settings) {
    if (row.shapeProblem() != null) {
      problems.add(row.shapeProblem());
    }
    int ticketColumn = input.ticketColumn();
    String ticketCell = ticketColumn < 0 ? "" : row.values().get(ticketColumn).strip();
    boolean ticketFromCell = !ticketCell.isEmpty();
    Registrant.Builder person = Registrant.builder().type(settings.type())
        .ticket(ticketFromCell ? ticketCell : settings.defaultTicket());
    for (int i = 0; i < input.columns().size(); i++) {
      String cell = row.values().get(i).strip();
      if (i == ticketColumn || cell.isEmpty()) {
        continue; // an empty cell is an unanswered question, not an empty answer
      }
      person.field(input.columns().get(i), cell);
    }
    try {
      RegisterAttendeeRequest resolved = settings.names().prepare(person.build());
      return row.shapeProblem() == null ? resolved : null;
    } catch (Huiyi31ValidationException e) {
      for (Huiyi31ValidationException.Problem problem : e.problems()) {
        if (problem.subject() == Subject.TYPE) {
          optionProblem = "the attendee type " + problem.message();
        } else if (problem.subject() == Subject.TICKET && !ticketFromCell) {
          optionProblem = settings.defaultTicket() != null ? "the ticket (--ticket-name or --ticket) " + problem.message()
              : "the ticket " + problem.message() + " (give --ticket-name, or a \"ticket\" column)";
        } else if (problem.subject() == Subject.TICKET) {
          problems.add("column \"" + input.columns().get(ticketColumn) + "\" " + problem.message());
        } else {
          String described = describe(problem);
          if (described != null) {
            problems.add(described);
          }
        }
      }
      return null;
    }
  }

  static RowRequest of(CsvInput input, CsvInput.Row row, ImportSettings settings) {
    return new RowRequest(input, row, settings);
  }

  /** Adds the client's objections, said in the file's terms (columns instead of JSON paths). */
  void addClientProblems(List<Huiyi31ValidationException.Problem> clientProblems) {
    for (Huiyi31ValidationException.Problem problem : clientProblems) {
      String described = describe(problem);
      if (described != null) {
        problems.add(described);
      }
    }
  }

  /**
   * A problem in the file's terms: a form field is the column of the same name (columns name the
   * fields, or with names their labels: the client names the field as it was given).
   */
  private String describe(Huiyi31ValidationException.Problem problem) {
    String message = problem.message();
    switch (problem.subject()) {
      case FIELD:
        return problem.fieldName().map(column -> "column \"" + column + "\" " + message).orElse("the row " + message);
      case TICKET:
        if (ticketProblem) {
          return null; // already said: the ticket cell is malformed
        }
        if (request == null || request.getItems() == null || request.getItems().isEmpty()) {
          return hasTicketColumn ? "has no ticket: its \"ticket\" cell is empty and no --ticket was given"
              : "has no ticket: give --ticket, or add a \"ticket\" column";
        }
        return "the ticket (" + problem + ")";
      case EVENT:
        return "--event " + message;
      case TYPE:
        return "--type " + message;
      default:
        return problem.toString();
    }
  }
}
