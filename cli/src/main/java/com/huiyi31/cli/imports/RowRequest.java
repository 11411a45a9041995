package com.huiyi31.cli.imports;

import com.huiyi31.client.Huiyi31ValidationException;
import com.huiyi31.client.Registrant;
import com.huiyi31.client.model.AttendeeForm;
import com.huiyi31.client.model.FormField;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A row as the request it becomes: every non-empty cell a form answer named by its column, the
 * {@code ticket} cell (or the default ticket) the one ticket item. The same object is validated
 * and, later, sent. With {@link ImportSettings#names()}, columns may be field labels and cells
 * option texts, and the type and ticket names: the row is resolved against the event's forms.
 */
final class RowRequest {

  private static final Pattern FIELD_PATH = Pattern.compile("\\$\\.Attendee\\.Fields\\[(\\d+)](.*)");
  private static final Pattern ITEMS_PATH = Pattern.compile("\\$\\.Items(\\[\\d+])?\\.?(.*)");

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
  /** The column of each form field, by the field's index. */
  private final List<String> fieldColumns = new ArrayList<>();
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
      fieldColumns.add(input.columns().get(i));
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
        problems.add(where + " is not SKU_ID:SKU_NAME[:QTY]");
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
      fieldColumns.add(input.columns().get(i));
    }
    try {
      RegisterAttendeeRequest resolved = settings.names().prepare(person.build());
      return row.shapeProblem() == null ? resolved : null;
    } catch (Huiyi31ValidationException e) {
      for (Huiyi31ValidationException.Problem problem : e.problems()) {
        if (problem.path().equals("type")) {
          optionProblem = "the attendee type " + problem.message();
        } else if (problem.path().equals("ticket") && !ticketFromCell) {
          optionProblem = settings.defaultTicket() != null ? "the ticket (--ticket-name or --ticket) " + problem.message()
              : "the ticket " + problem.message() + " (give --ticket-name, or a \"ticket\" column)";
        } else if (problem.path().equals("ticket")) {
          problems.add("column \"" + input.columns().get(ticketColumn) + "\" " + problem.message());
        } else if (problem.path().startsWith("field ")) {
          problems.add("column " + problem.path().substring("field ".length()) + " " + problem.message());
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

  private String describe(Huiyi31ValidationException.Problem problem) {
    String path = problem.path();
    String message = problem.message();
    Matcher field = FIELD_PATH.matcher(path);
    if (field.matches()) {
      int index = Integer.parseInt(field.group(1));
      String column = index < fieldColumns.size() ? fieldColumns.get(index) : "#" + (index + 1);
      String what = field.group(2).equals(".FieldName") ? " (its name) " : " ";
      return "column \"" + column + "\"" + what + message;
    }
    if (path.equals("$.Attendee.Fields")) {
      return "the row " + message;
    }
    Matcher items = ITEMS_PATH.matcher(path);
    if (items.matches()) {
      if (ticketProblem) {
        return null; // already said: the ticket cell is malformed
      }
      if (path.equals("$.Items")) {
        return hasTicketColumn ? "has no ticket: its \"ticket\" cell is empty and no --ticket was given"
            : "has no ticket: give --ticket, or add a \"ticket\" column";
      }
      return "ticket " + items.group(2) + " " + message;
    }
    if (path.equals("$.BventId")) {
      return "--event " + message;
    }
    if (path.equals("$.AttendeeTypeId")) {
      return "--type " + message;
    }
    return path + " " + message;
  }
}
