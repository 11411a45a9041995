package com.huiyi31.cli;

import com.huiyi31.cli.terminal.TerminalText;
import com.huiyi31.client.Registrant;
import com.huiyi31.client.model.AgendaChoice;
import com.huiyi31.client.model.AttendeeForm;
import com.huiyi31.client.model.FormField;
import com.huiyi31.client.model.OrderAttendee;
import com.huiyi31.client.model.Purchaser;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.client.model.RegisterAttendeeResponse;
import com.huiyi31.client.model.RegistrationOrder;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code huiyi31 register}: registers one attendee and prints the order. By ids as the platform
 * takes them, or, with {@code --app-key}, by names resolved through the event's attendee types
 * ({@link com.huiyi31.client.EventRegistration}): checked against the event's form before sending.
 */
@Command(name = "register", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Registers one attendee and prints the new order and check-in code.",
        "By ids: --type ID, --ticket SKU_ID:SKU_NAME, --field FIELD_NAME=VALUE (a choice field takes the option code).",
        "By names, with --app-key (huiyi31 types shows them): --type-name 嘉宾, --ticket-name 嘉宾票, --field 手机=139... "
            + "(a field's label or name), --field 单选选择=单 (an option's text or code). Everything is checked against the "
            + "event's form first: nothing is sent when something does not fit.",
        "Names and mobile numbers given as flags are visible to every user of this machine in the process list (ps) "
            + "while the tool runs, and stay in the shell's history: give them in --attendee-file FILE, or - to read "
            + "them from standard input, instead. (picocli's @FILE, which expands a file's words into arguments, works "
            + "too; Java 17 reads it in the system's encoding.)"})
final class RegisterCommand implements Callable<Integer> {

  @Mixin
  PlatformOptions platform;

  @Mixin
  CredentialOptions credentials;

  @Mixin
  EventOptions target;

  @Option(names = "--field", paramLabel = "NAME=VALUE",
      description = "A form answer, e.g. FullName=张晓明 or Mobile=13912345678 (repeatable; choice fields take the option "
          + "code). With --app-key also by label and option text: 姓名=张晓明, 单选选择=单. Other users see flags in the "
          + "process list: for personal data prefer --attendee-file.")
  List<String> fields = new ArrayList<>();

  @Option(names = "--ticket", paramLabel = TicketArgument.FORM, converter = TicketArgument.Converter.class,
      description = "A ticket to order (repeatable): SKU_ID:SKU_NAME, or SKU_ID:SKU_NAME:QTY with QTY the digits 0-9 "
          + "alone, 1 to " + TicketArgument.MAX_QUANTITY + " (1 when left out). SKU_NAME cannot contain ':' nor end in a "
          + "number after a full-width '：'; anything else (SKU:嘉宾: 2, a full-width ２) is refused, not guessed. "
          + "Required, unless --ticket-name is given (with --app-key: one ticket, its SKU_ID alone is enough).")
  List<TicketArgument> tickets = new ArrayList<>();

  @Option(names = "--ticket-name", paramLabel = "NAME",
      description = "Or the ticket by name, e.g. 嘉宾票 (needs --app-key). Left out with --app-key: the type's only "
          + "ticket on sale.")
  String ticketName;

  @Option(names = "--agenda", paramLabel = "AGENDA_ID[:PARENT_SKU]",
      description = "A session to book (repeatable). With --app-key the parent is the ticket's, and the session must be "
          + "bound to it.")
  List<String> agendas = new ArrayList<>();

  @Option(names = "--invitation", paramLabel = "CODE", description = "The invitation code.")
  String invitation;

  @Option(names = "--purchaser-name", paramLabel = "NAME", description = "The contact person, when not the attendee.")
  String purchaserName;

  @Option(names = "--purchaser-mobile", paramLabel = "MOBILE", description = "The contact's mobile number.")
  String purchaserMobile;

  @Option(names = "--purchaser-area-code", paramLabel = "CODE", description = "The contact's area code, e.g. +86.")
  String purchaserAreaCode;

  @Option(names = "--purchaser-company", paramLabel = "NAME", description = "The contact's company.")
  String purchaserCompany;

  @Option(names = "--attendee-file", paramLabel = "FILE",
      description = "The form answers and the purchaser from FILE, or - for standard input, instead of flags (which the "
          + "process list shows to every user): KEY=VALUE lines, e.g. 姓名=张晓明, Mobile=13912345678, "
          + "purchaser-mobile=13787654321 (a key is a field as --field takes it, or purchaser-name, purchaser-mobile, "
          + "purchaser-area-code, purchaser-company; # starts a comment), or a JSON object of the same keys and string "
          + "values. UTF-8. May be combined with flags that give other keys.")
  String attendeeFile;

  @Option(names = "--json", description = "Print the platform's whole answer as JSON.")
  boolean json;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** What --attendee-file holds (nothing without it). */
  private AttendeeFile.Attendee fromFile = AttendeeFile.Attendee.NONE;

  @Override
  public Integer call() throws Exception {
    CommandLine commandLine = spec.commandLine();
    boolean byNames = credentials.given();
    target.check(commandLine, byNames);
    fromFile = readAttendeeFile(commandLine);
    RegisterAttendeeRequest request = byNames ? null : request();
    Registrant registrant = byNames ? registrant() : null;
    CredentialOptions.Credentials given = credentials.resolve(commandLine, Huiyi31Cli.secrets(commandLine));
    try (PlatformOptions.Connection connection = platform.connect(commandLine, 1, given)) {
      RegisterAttendeeResponse response = byNames
          ? connection.client.registration(target.event.strip()).register(registrant)
          : connection.client.attendees().registerAttendee(request);
      PrintWriter out = commandLine.getOut();
      if (json) {
        out.println(TerminalText.json(response));
      } else {
        print(response.getData(), out);
      }
      out.flush();
      return Huiyi31Cli.OK;
    }
  }

  /** The request the flags describe, ids as given (no credentials: nothing to look names up in). */
  RegisterAttendeeRequest request() {
    if (ticketName != null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--ticket-name needs --app-key: names are looked up "
          + "in the event's attendee types, which need the app's credentials. Without them, give --ticket SKU_ID:SKU_NAME.");
    }
    if (tickets.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: "
          + "'--ticket=SKU_ID:SKU_NAME[:QTY]' (or, with --app-key, --ticket-name NAME).");
    }
    AttendeeForm form = new AttendeeForm();
    for (String[] pair : answers()) {
      form.addFieldsItem(new FormField().fieldName(pair[0]).fieldValue(pair[1]));
    }
    RegisterAttendeeRequest request = new RegisterAttendeeRequest()
        .bventId(target.event).attendeeTypeId(target.type()).attendee(form).invitationCode(invitation);
    for (TicketArgument ticket : tickets) {
      request.addItemsItem(Arguments.ticketItem(spec.commandLine(), "--ticket", ticket));
    }
    for (String agenda : agendas) {
      String[] parts = agenda.split(":", 2);
      request.addAgendasItem(new AgendaChoice().agendaId(parts[0]).parentSkuId(parts.length > 1 ? parts[1] : null));
    }
    request.purchaser(purchaser());
    return request;
  }

  /** The person the flags describe, by names or ids, for {@code registration(event).register}. */
  Registrant registrant() {
    CommandLine commandLine = spec.commandLine();
    Registrant.Builder person = Registrant.builder().type(target.type().strip()).invitationCode(invitation)
        .purchaser(purchaser());
    if (ticketName != null && !tickets.isEmpty()) {
      throw new CommandLine.ParameterException(commandLine, "Give --ticket or --ticket-name, not both.");
    }
    if (tickets.size() > 1) {
      throw new CommandLine.ParameterException(commandLine, "With --app-key, give one ticket (one person, one ticket): "
          + "--ticket-name NAME or --ticket SKU_ID.");
    }
    if (tickets.size() == 1) {
      TicketArgument ticket = tickets.get(0);
      if (ticket.quantity() != 1) {
        throw new CommandLine.ParameterException(commandLine, "With --app-key a ticket's quantity is 1 (one person, "
            + "one ticket), but --ticket gives " + ticket.quantity() + ".");
      }
      person.ticket(ticket.id());
    } else if (ticketName != null) {
      person.ticket(ticketName.strip());
    }
    for (String[] pair : answers()) {
      person.field(pair[0], pair[1]);
    }
    for (String agenda : agendas) {
      person.agenda(agenda.split(":", 2)[0]);
    }
    return person.build();
  }

  private AttendeeFile.Attendee readAttendeeFile(CommandLine commandLine) {
    if (attendeeFile == null) {
      return AttendeeFile.Attendee.NONE;
    }
    if (attendeeFile.equals("-") && System.console() != null) {
      commandLine.getErr().println("Reading the attendee from standard input: KEY=VALUE lines, then Ctrl-D "
          + "(Ctrl-Z, Enter on Windows).");
      commandLine.getErr().flush();
    }
    try {
      return AttendeeFile.read(attendeeFile, Huiyi31Cli.stdin(commandLine));
    } catch (AttendeeFile.InvalidAttendeeFileException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage());
    }
  }

  /** The form answers: --attendee-file's, then the --field flags'; a field in both is a usage error. */
  private List<String[]> answers() {
    List<String[]> answers = new ArrayList<>();
    Set<String> inFile = new HashSet<>();
    for (Map.Entry<String, String> field : fromFile.fields()) {
      answers.add(new String[] {field.getKey(), field.getValue()});
      inFile.add(field.getKey());
    }
    for (String field : fields) {
      String[] pair = Arguments.split(spec.commandLine(), "--field", field, "NAME=VALUE", '=');
      if (inFile.contains(pair[0])) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--field " + pair[0] + " is also in --attendee-file: "
            + "give it once.");
      }
      answers.add(pair);
    }
    return answers;
  }

  private Purchaser purchaser() {
    String name = purchaserPart(purchaserName, "purchaser-name");
    String mobile = purchaserPart(purchaserMobile, "purchaser-mobile");
    String areaCode = purchaserPart(purchaserAreaCode, "purchaser-area-code");
    String company = purchaserPart(purchaserCompany, "purchaser-company");
    if (name == null && mobile == null && areaCode == null && company == null) {
      return null;
    }
    return new Purchaser().name(name).mobile(mobile).areaCode(areaCode).company(company);
  }

  /** The flag's value or the file's (key as the flag's name); both is a usage error. */
  private String purchaserPart(String flag, String key) {
    String inFile = fromFile.purchaser().get(key);
    if (flag != null && inFile != null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--" + key + " is also in --attendee-file: give it once.");
    }
    return flag != null ? flag : inFile;
  }

  private static void print(RegistrationOrder order, PrintWriter out) {
    if (order == null) {
      out.println("Registered (the platform sent no order details).");
      return;
    }
    // Every value is the platform's: escaped (TerminalText) so that none can act on the terminal.
    out.printf("Registered: order %s, status %s, amount %s%n", TerminalText.safe(order.getOrderNo()),
        TerminalText.safe(order.getOrderStatus()), order.getOrderAmount() == null ? "-" : order.getOrderAmount().toPlainString());
    if (order.getOrderAttendees() != null) {
      for (OrderAttendee attendee : order.getOrderAttendees()) {
        out.printf("  %s  %s  check-in code %s%n", TerminalText.safe(attendee.getName()),
            Arguments.maskMobile(attendee.getMobile()), TerminalText.safe(attendee.getCheckinCode()));
      }
    }
  }
}
