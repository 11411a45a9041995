package com.huiyi31.cli;

import com.huiyi31.cli.terminal.TerminalText;
import com.huiyi31.client.model.AttendeeType;
import com.huiyi31.client.model.AttendeeTypeTicket;
import com.huiyi31.client.model.FormFieldDefinition;
import com.huiyi31.client.model.TicketAgenda;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code huiyi31 types --event ID}: the event's attendee types, each with its tickets (on sale or
 * not, and their sessions) and its form fields (label, field name, options with their codes):
 * everything a Register call takes its ids, field names and option codes from.
 */
@Command(name = "types", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Shows an event's attendee types, tickets and form fields (needs --app-key).",
        "For each attendee type (人群类别): its tickets (on sale or not, with the sessions bound to them) and its form "
            + "fields (label, field name, and the options of choice fields with their codes).",
        "Needs --app-key (the list is behind an access token). register and import accept what it shows: "
            + "--type-name, --ticket-name, --field LABEL=VALUE and an option's text."})
final class TypesCommand implements Callable<Integer> {

  @Mixin
  PlatformOptions platform;

  @Mixin
  CredentialOptions credentials;

  @Option(names = "--event", required = true, paramLabel = "ID", description = "The event id (BventId).")
  String event;

  @Option(names = "--json", description = "Print the attendee types as JSON (the platform's own shape) instead.")
  boolean json;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    CommandLine commandLine = spec.commandLine();
    if (!credentials.given()) {
      throw new CommandLine.ParameterException(commandLine, "Missing required option: '--app-key=KEY' (the attendee "
          + "types are behind an access token; the sandbox's key is sandbox-app-key).");
    }
    if (event.isBlank()) {
      throw new CommandLine.ParameterException(commandLine, "--event must not be blank.");
    }
    CredentialOptions.Credentials given = credentials.resolve(commandLine, Huiyi31Cli.secrets(commandLine));
    try (PlatformOptions.Connection connection = platform.connect(commandLine, 1, given)) {
      List<AttendeeType> types = connection.client.registration(event.strip()).attendeeTypes();
      PrintWriter out = commandLine.getOut();
      if (json) {
        out.println(TerminalText.json(types));
      } else {
        print(event.strip(), types, out);
      }
      out.flush();
      return Huiyi31Cli.OK;
    }
  }

  static void print(String event, List<AttendeeType> types, PrintWriter out) {
    out.println("Event " + event + ": " + count(types.size(), "attendee type") + ".");
    for (AttendeeType type : types) {
      List<AttendeeTypeTicket> tickets = nonNull(type.getTickets());
      List<FormFieldDefinition> fields = nonNull(type.getFields());
      out.println();
      out.println(text(type.getName()) + "  (type " + text(type.getId()) + ", " + count(tickets.size(), "ticket") + ", "
          + count(fields.size(), "field") + ")");
      TextTable ticketTable = new TextTable("TICKET", "ID", "ON SALE", "SESSIONS (AgendaId)");
      for (AttendeeTypeTicket ticket : tickets) {
        List<String> sessions = nonNull(ticket.getRelationAgendasTree()).stream().map(TicketAgenda::getAgendaId)
            .filter(Objects::nonNull).map(TerminalText::safe).toList();
        ticketTable.row(List.of(List.of(text(ticket.getName())), List.of(text(ticket.getId())),
            List.of(Boolean.TRUE.equals(ticket.getIsCanSale()) ? "yes" : "NO (not on sale)"),
            sessions.isEmpty() ? List.of("-") : sessions));
      }
      if (!tickets.isEmpty()) {
        ticketTable.print(out, "  ");
      }
      TextTable fieldTable = new TextTable("FIELD", "FIELD NAME", "OPTIONS (text = code)");
      for (FormFieldDefinition field : fields) {
        List<String> options = nonNull(field.getFieldOptions()).stream()
            .map(option -> text(option.getOptionDescribe()) + " = " + text(option.getCode())).toList();
        fieldTable.row(List.of(List.of(text(field.getDisplayName())), List.of(text(field.getFieldName())),
            options.isEmpty() ? List.of("") : options));
      }
      if (!fields.isEmpty()) {
        out.println();
        fieldTable.print(out, "  ");
      }
    }
    if (!types.isEmpty()) {
      out.println();
      out.println("Register by these names with --app-key: --type-name TYPE --ticket-name TICKET --field FIELD=VALUE "
          + "(a choice takes its text or its code).");
    }
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  /** A value of the platform's, escaped (TerminalText) so that none can act on the terminal. */
  private static String text(String value) {
    return value == null || value.isBlank() ? "-" : TerminalText.safe(value);
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
  }

}
