package com.huiyi31.client;

import com.huiyi31.client.Huiyi31ValidationException.Problem;
import com.huiyi31.client.Huiyi31ValidationException.Subject;
import com.huiyi31.client.api.AttendeeApi;
import com.huiyi31.client.model.AgendaChoice;
import com.huiyi31.client.model.AttendeeForm;
import com.huiyi31.client.model.AttendeeType;
import com.huiyi31.client.model.AttendeeTypeTicket;
import com.huiyi31.client.model.FieldOption;
import com.huiyi31.client.model.FormField;
import com.huiyi31.client.model.FormFieldDefinition;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.client.model.RegisterAttendeeResponse;
import com.huiyi31.client.model.TicketAgenda;
import com.huiyi31.client.model.TicketItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Registration for one event, checked against the event's own forms: obtained from
 * {@link Huiyi31Client#registration(String)}.
 *
 * <p>It loads the event's attendee types (with their tickets and form fields) on first use and
 * keeps them for the client's {@code attendeeTypesCacheTtl}; then it resolves each
 * {@link Registrant}: the type and ticket by name or id (only tickets on sale), each field by
 * display name or field name, each choice by option text or code (sent as the code), each
 * agenda against the ticket's sessions. Every problem is reported at once, before anything is
 * sent, with what the event offers instead. Needs a client built with credentials (the attendee
 * types are behind an access token; Register itself is not).
 *
 * <p>Thread-safe; cheap to create.
 */
public final class EventRegistration {

  private final String eventId;
  private final AttendeeTypeCache types;
  private final AttendeeApi attendees;

  EventRegistration(String eventId, AttendeeTypeCache types, AttendeeApi attendees) {
    this.eventId = eventId;
    this.types = types;
    this.attendees = attendees;
  }

  public String eventId() {
    return eventId;
  }

  /** The event's attendee types, tickets and form fields (a copy; loaded or taken from the cache). */
  public List<AttendeeType> attendeeTypes() {
    return AttendeeTypeCache.copy(types.get(eventId));
  }

  /**
   * Forgets the cached attendee types of this event, or the failure to load them: the next use
   * loads them again.
   */
  public void refresh() {
    types.forget(eventId);
  }

  /** Everything that stops {@code registrant} from being registered; empty when nothing does. Sends no registration. */
  public List<Problem> problemsOf(Registrant registrant) {
    return resolve(registrant).problems;
  }

  /** The Register request for {@code registrant}, resolved and checked; nothing is sent but the type list. */
  public RegisterAttendeeRequest prepare(Registrant registrant) {
    Resolution resolution = resolve(registrant);
    if (!resolution.problems.isEmpty()) {
      throw new Huiyi31ValidationException(resolution.problems);
    }
    return resolution.request;
  }

  /**
   * Resolves, checks and registers {@code registrant}. Throws {@link Huiyi31ValidationException}
   * (nothing sent) when the registrant does not fit the event's form; otherwise as
   * {@code attendees().registerAttendee}, which is never retried once sent.
   *
   * <p>When loading the event's types fails (token refused, network, type list refused), that
   * failure is thrown as it is and no registration was sent; its {@code outcome()} is that of the
   * token or type-list request, which change nothing on the platform. Callers that need the
   * event's types at the same moment share one load and its failure, and a failure answers for
   * the uses of the next second (then the next use loads again; {@link #refresh()} at once).
   */
  public RegisterAttendeeResponse register(Registrant registrant) {
    return attendees.registerAttendee(prepare(registrant));
  }

  private Resolution resolve(Registrant registrant) {
    if (registrant == null) {
      return new Resolution(null, List.of(new Problem(Subject.REQUEST, "registrant", "is null")));
    }
    return Resolution.of(eventId, types.get(eventId), registrant);
  }

  /** The pure part: a registrant against a list of attendee types. */
  static final class Resolution {
    /** The most characters of a name given by the caller that a message repeats. */
    private static final int MAX_QUOTED = 100;

    final RegisterAttendeeRequest request;
    final List<Problem> problems;

    private Resolution(RegisterAttendeeRequest request, List<Problem> problems) {
      this.request = request;
      this.problems = problems;
    }

    static Resolution of(String eventId, List<AttendeeType> types, Registrant registrant) {
      List<Problem> problems = new ArrayList<>();
      AttendeeType type = pick(problems, Subject.TYPE, "type", registrant.type(),
          nonNull(types).stream().filter(t -> t.getId() != null).toList(), AttendeeType::getId,
          AttendeeType::getName, "attendee type", "event " + eventId, "attendee types");
      AttendeeTypeTicket ticket = type == null ? null : pickTicket(problems, type, registrant.ticket());
      Map<String, String> givenAs = new LinkedHashMap<>(); // each field's name -> as the registrant named it
      List<FormField> fields = type == null ? List.of() : fields(problems, type, registrant.answers(), givenAs);
      List<AgendaChoice> agendas = ticket == null ? List.of() : agendas(problems, ticket, registrant.agendas());
      if (type == null || ticket == null || !problems.isEmpty()) {
        return new Resolution(null, problems);
      }
      RegisterAttendeeRequest request = new RegisterAttendeeRequest()
          .invitationCode(registrant.invitationCode())
          .bventId(eventId)
          .attendeeTypeId(type.getId())
          .attendee(new AttendeeForm().fields(fields))
          .purchaser(registrant.purchaser())
          .items(List.of(new TicketItem().itemSkuId(ticket.getId()).itemSkuName(ticket.getName()).quantity(1)))
          .agendas(agendas.isEmpty() ? null : agendas);
      // The platform's rules (mobile or email, formats), each field named as the registrant named it.
      for (Problem problem : RequestValidator.problemsOf(request)) {
        problems.add(problem.fieldName().isEmpty() ? problem
            : Problem.field(givenAs.getOrDefault(problem.fieldName().get(), problem.fieldName().get()), problem.path(),
                problem.message()));
      }
      return new Resolution(problems.isEmpty() ? request : null, problems);
    }

    private static AttendeeTypeTicket pickTicket(List<Problem> problems, AttendeeType type,
        String wanted) {
      List<AttendeeTypeTicket> all = nonNull(type.getTickets()).stream().filter(t -> t.getId() != null).toList();
      List<AttendeeTypeTicket> onSale = all.stream().filter(t -> Boolean.TRUE.equals(t.getIsCanSale())).toList();
      String owner = "attendee type " + label(type.getName(), type.getId());
      if (wanted != null && !wanted.isBlank()) {
        List<AttendeeTypeTicket> matches = matches(all, wanted, AttendeeTypeTicket::getId, AttendeeTypeTicket::getName);
        if (matches.size() == 1 && !onSale.contains(matches.get(0))) {
          problems.add(new Problem(Subject.TICKET, "ticket", quote(wanted) + " is not on sale (isCanSale is not "
              + "true); " + (onSale.isEmpty() ? owner + " has no ticket on sale" : "on sale for " + owner + ": "
              + list(onSale, AttendeeTypeTicket::getId, AttendeeTypeTicket::getName))));
          return null;
        }
      }
      return pick(problems, Subject.TICKET, "ticket", wanted, onSale, AttendeeTypeTicket::getId, AttendeeTypeTicket::getName,
          "ticket on sale", owner, "tickets on sale");
    }

    /**
     * The one element named by {@code wanted} (id first, then name, then name ignoring case), or
     * the only element when nothing is wanted; otherwise a problem that lists the choices.
     */
    private static <T> T pick(List<Problem> problems, Subject subject, String path, String wanted, List<T> all,
        Function<T, String> id, Function<T, String> name, String what, String owner, String plural) {
      if (wanted == null || wanted.isBlank()) {
        if (all.size() == 1) {
          return all.get(0);
        }
        problems.add(new Problem(subject, path, all.isEmpty()
            ? "cannot be chosen: " + owner + " has no " + plural
            : "is missing: " + owner + " has " + all.size() + " " + plural + ", so name one: " + list(all, id, name)));
        return null;
      }
      List<T> matches = matches(all, wanted, id, name);
      if (matches.size() == 1) {
        return matches.get(0);
      }
      problems.add(new Problem(subject, path, matches.isEmpty()
          ? quote(wanted) + " is not the name or id of any " + what + " of " + owner + "; "
              + (all.isEmpty() ? "it has none" : "there are: " + list(all, id, name))
          : quote(wanted) + " names " + matches.size() + " " + plural + " of " + owner + " (" + list(matches, id, name)
              + "): give the id"));
      return null;
    }

    private static <T> List<T> matches(List<T> all, String wanted, Function<T, String> id, Function<T, String> name) {
      String w = wanted.strip();
      List<T> byId = all.stream().filter(t -> w.equals(id.apply(t))).toList();
      if (!byId.isEmpty()) {
        return byId;
      }
      List<T> byName = all.stream().filter(t -> w.equals(strip(name.apply(t)))).toList();
      if (!byName.isEmpty()) {
        return byName;
      }
      return all.stream().filter(t -> w.equalsIgnoreCase(strip(name.apply(t)))).toList();
    }

    private static List<FormField> fields(List<Problem> problems, AttendeeType type,
        List<Registrant.Answer> answers, Map<String, String> firstGivenAs) {
      List<FormFieldDefinition> form = nonNull(type.getFields()).stream().filter(f -> f.getFieldName() != null).toList();
      String owner = "attendee type " + label(type.getName(), type.getId());
      List<FormField> out = new ArrayList<>();
      for (Registrant.Answer answer : answers) {
        String given = answer.field();
        String path = "field " + quote(given);
        if (given == null || given.isBlank()) {
          problems.add(new Problem(Subject.FIELD, "field \"\"", "has no name: name a field of " + owner));
          continue;
        }
        if (answer.value() == null || answer.value().isBlank()) {
          continue; // not answered
        }
        List<FormFieldDefinition> found = field(form, given.strip());
        if (found.size() != 1) {
          problems.add(Problem.field(given, path, found.isEmpty()
              ? "is not on the form of " + owner + "; its fields are: " + fieldList(form)
              : "is the label of " + found.size() + " fields of " + owner + " ("
                  + found.stream().map(FormFieldDefinition::getFieldName).collect(Collectors.joining(", "))
                  + "): give the field name"));
          continue;
        }
        FormFieldDefinition definition = found.get(0);
        String previous = firstGivenAs.putIfAbsent(definition.getFieldName(), given);
        if (previous != null) {
          problems.add(Problem.field(given, path, "is the same field as " + quote(previous) + " ("
              + fieldLabel(definition) + "): give it once"));
          continue;
        }
        String value = value(problems, given, path, definition, answer.value());
        if (value != null) {
          out.add(new FormField().fieldName(definition.getFieldName()).fieldValue(value));
        }
      }
      return out;
    }

    /** Field name exactly, then display name exactly, then field name ignoring case. */
    private static List<FormFieldDefinition> field(List<FormFieldDefinition> form, String given) {
      List<FormFieldDefinition> byName = form.stream().filter(f -> given.equals(f.getFieldName())).toList();
      if (!byName.isEmpty()) {
        return byName;
      }
      List<FormFieldDefinition> byLabel = form.stream().filter(f -> given.equals(strip(f.getDisplayName()))).toList();
      if (!byLabel.isEmpty()) {
        return byLabel;
      }
      return form.stream().filter(f -> given.equalsIgnoreCase(f.getFieldName())).toList();
    }

    /**
     * The value to send: for a choice field the option's code (given as code, as text, or as text
     * ignoring case). Problems never quote the value: it may be personal data.
     */
    private static String value(List<Problem> problems, String field, String path,
        FormFieldDefinition definition, String given) {
      List<FieldOption> options = nonNull(definition.getFieldOptions()).stream().filter(o -> o.getCode() != null).toList();
      if (options.isEmpty()) {
        return given;
      }
      String g = given.strip();
      List<FieldOption> matches = options.stream().filter(o -> g.equals(o.getCode())).toList();
      if (matches.isEmpty()) {
        matches = options.stream().filter(o -> g.equals(strip(o.getOptionDescribe()))).toList();
      }
      if (matches.isEmpty()) {
        matches = options.stream().filter(o -> g.equalsIgnoreCase(strip(o.getOptionDescribe()))).toList();
      }
      if (matches.size() == 1) {
        return matches.get(0).getCode();
      }
      String choices = options.stream().map(o -> (o.getOptionDescribe() == null ? "(no text)" : o.getOptionDescribe())
          + " (code " + o.getCode() + ")").collect(Collectors.joining(", "));
      problems.add(Problem.field(field, path, matches.isEmpty()
          ? "has a value that is neither the text nor the code of an option of " + fieldLabel(definition)
              + "; its options are: " + choices
          : "has a value that is the text of " + matches.size() + " options of " + fieldLabel(definition)
              + ": give the code; its options are: " + choices));
      return null;
    }

    private static List<AgendaChoice> agendas(List<Problem> problems,
        AttendeeTypeTicket ticket, List<String> wanted) {
      List<TicketAgenda> bound = nonNull(ticket.getRelationAgendasTree()).stream()
          .filter(a -> a.getAgendaId() != null).toList();
      List<AgendaChoice> out = new ArrayList<>();
      List<String> seen = new ArrayList<>();
      for (int i = 0; i < wanted.size(); i++) {
        String agendaId = wanted.get(i) == null ? "" : wanted.get(i).strip();
        String path = "agendas[" + i + "]";
        TicketAgenda match = bound.stream().filter(a -> agendaId.equals(a.getAgendaId())).findFirst().orElse(null);
        if (match == null) {
          problems.add(new Problem(Subject.AGENDA, path, quote(agendaId) + " is not a session of ticket "
              + label(ticket.getName(), ticket.getId()) + "; " + (bound.isEmpty() ? "it has none"
              : "its sessions are: " + bound.stream().map(TicketAgenda::getAgendaId).collect(Collectors.joining(", ")))));
        } else if (seen.contains(agendaId)) {
          problems.add(new Problem(Subject.AGENDA, path, quote(agendaId) + " is given twice"));
        } else {
          seen.add(agendaId);
          out.add(new AgendaChoice().agendaId(agendaId)
              .parentSkuId(match.getSkuId() == null ? ticket.getId() : match.getSkuId()));
        }
      }
      return out;
    }

    private static String fieldList(List<FormFieldDefinition> form) {
      return form.isEmpty() ? "(none)" : form.stream().map(Resolution::fieldLabel).collect(Collectors.joining(", "));
    }

    private static String fieldLabel(FormFieldDefinition f) {
      return f.getDisplayName() == null || f.getDisplayName().isBlank() || f.getDisplayName().equals(f.getFieldName())
          ? f.getFieldName() : f.getDisplayName() + " (" + f.getFieldName() + ")";
    }

    private static <T> String list(List<T> all, Function<T, String> id, Function<T, String> name) {
      return all.stream().map(t -> label(name.apply(t), id.apply(t))).collect(Collectors.joining(", "));
    }

    private static String label(String name, String id) {
      return (name == null || name.isBlank() ? "(no name)" : name) + " [" + id + "]";
    }

    /**
     * A name or id as the caller gave it, in quotes; one longer than any name is cut short (a
     * 20 MB cell must not come back in a message whole).
     */
    private static String quote(String s) {
      if (s == null || s.length() <= MAX_QUOTED) {
        return "\"" + s + "\"";
      }
      int end = Character.isHighSurrogate(s.charAt(MAX_QUOTED - 1)) ? MAX_QUOTED - 1 : MAX_QUOTED;
      return "\"" + s.substring(0, end) + "…\" (" + s.codePointCount(0, s.length()) + " characters)";
    }

    private static String strip(String s) {
      return s == null ? null : s.strip();
    }

    private static <T> List<T> nonNull(List<T> list) {
      return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
  }
}
