package com.huiyi31.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The sandbox's demo event, read from {@code sandbox/demo-event.json} (its {@code about} lines say
 * what it holds): the attendee types {@code listAttendeeTypes} answers, and the forms a Register
 * call for that event is checked against, so that the sandbox teaches the platform's rules (ids
 * from the type list, option codes rather than option texts). Immutable; one per JVM.
 */
final class DemoEvent {

  static final String RESOURCE = "/sandbox/demo-event.json";

  /** listAttendeeTypes for another event. */
  static final int EVENT_NOT_FOUND = 1010;
  static final String EVENT_NOT_FOUND_MESSAGE = "会议不存在";
  static final int TYPE_NOT_FOUND = 1011;
  static final int TICKET_NOT_FOUND = 1012;
  static final int TICKET_NOT_ON_SALE = 1013;
  static final int AGENDA_NOT_FOUND = 1014;
  static final int FIELD_NOT_ON_FORM = 1015;
  static final int OPTION_NOT_A_CODE = 1016;

  /** A refusal of a Register call: the businessCode and a message in Chinese and English (no personal value). */
  record Refusal(int code, String message) {}

  private static final class Shared {
    static final DemoEvent INSTANCE = load();
  }

  private final String eventId;
  private final ArrayNode attendeeTypes;

  private DemoEvent(String eventId, ArrayNode attendeeTypes) {
    this.eventId = eventId;
    this.attendeeTypes = attendeeTypes;
  }

  static DemoEvent shared() {
    return Shared.INSTANCE;
  }

  String eventId() {
    return eventId;
  }

  /** The event's attendee types, as listAttendeeTypes answers them (a copy). */
  ArrayNode attendeeTypes() {
    return attendeeTypes.deepCopy();
  }

  /** "嘉宾, 观众": for the sandbox's banner. */
  String typeNames() {
    return stream(attendeeTypes).map(type -> type.path("name").asText()).collect(Collectors.joining(", "));
  }

  /**
   * Everything wrong with a Register body for this event, in the order of the request's
   * properties; empty when it fits the event's forms (or is for another event). The body has
   * already passed the contract check. Tickets named {@code skuTriggers} (the sandbox's trigger
   * values) count as tickets of every type, so that the triggers keep working for this event.
   */
  List<Refusal> problemsOf(JsonNode body, List<String> skuTriggers) {
    List<Refusal> problems = new ArrayList<>();
    if (!eventId.equals(body.path("BventId").asText())) {
      return problems;
    }
    String typeId = body.path("AttendeeTypeId").asText();
    JsonNode type = byId(attendeeTypes, "id", typeId);
    if (type == null) {
      problems.add(new Refusal(TYPE_NOT_FOUND, "人群类别不存在 (no such attendee type): $.AttendeeTypeId \"" + typeId
          + "\" is not an attendee type of event " + eventId + " (its types: " + list(attendeeTypes) + ")"));
      return problems; // tickets and fields belong to a type: nothing more to check against
    }
    String typeLabel = label(type);
    List<JsonNode> chosenTickets = new ArrayList<>();
    JsonNode items = body.path("Items");
    for (int i = 0; i < items.size(); i++) {
      String skuId = items.get(i).path("ItemSkuId").asText();
      if (skuTriggers.contains(skuId)) {
        continue;
      }
      JsonNode ticket = byId(type.path("tickets"), "id", skuId);
      String path = "$.Items[" + i + "].ItemSkuId \"" + skuId + "\"";
      if (ticket == null) {
        JsonNode elsewhere = otherTypeWithTicket(type, skuId);
        problems.add(new Refusal(TICKET_NOT_FOUND, "门票不存在 (no such ticket): " + path + " is not a ticket of attendee type "
            + typeLabel + (elsewhere == null ? "" : ", it is a ticket of " + label(elsewhere)) + " (tickets of " + typeLabel
            + ": " + list(type.path("tickets")) + ")"));
      } else if (!ticket.path("isCanSale").asBoolean(false)) {
        problems.add(new Refusal(TICKET_NOT_ON_SALE, "门票未开售 (ticket not on sale): " + path + " (" + label(ticket)
            + ") is not on sale (isCanSale false), on sale for " + typeLabel + ": " + list(onSale(type.path("tickets")))));
      } else {
        chosenTickets.add(ticket);
      }
    }
    JsonNode agendas = body.path("Agendas");
    for (int i = 0; i < agendas.size(); i++) {
      String agendaId = agendas.get(i).path("AgendaId").asText();
      String parent = agendas.get(i).path("ParentSkuId").asText("");
      boolean bound = chosenTickets.stream()
          .filter(ticket -> parent.isEmpty() || parent.equals(ticket.path("id").asText()))
          .anyMatch(ticket -> byId(ticket.path("relationAgendasTree"), "agendaId", agendaId) != null);
      if (!bound && !chosenTickets.isEmpty()) {
        problems.add(new Refusal(AGENDA_NOT_FOUND, "日程不存在 (no such session): $.Agendas[" + i + "].AgendaId \"" + agendaId
            + "\" is not a session bound to " + (parent.isEmpty() ? "the ticket ordered" : "ticket " + parent)
            + " (bound sessions: " + chosenTickets.stream().map(DemoEvent::sessions).collect(Collectors.joining(", ")) + ")"));
      }
    }
    JsonNode fields = body.path("Attendee").path("Fields");
    for (int i = 0; i < fields.size(); i++) {
      String name = fields.get(i).path("FieldName").asText().strip();
      JsonNode definition = field(type, name);
      String path = "$.Attendee.Fields[" + i + "]";
      if (definition == null) {
        problems.add(new Refusal(FIELD_NOT_ON_FORM, "表单字段不存在 (no such form field): " + path + ".FieldName \"" + name
            + "\" is not a field of the form of " + typeLabel + " (its fields: " + fieldList(type) + ")"));
        continue;
      }
      JsonNode options = definition.path("fieldOptions");
      String value = fields.get(i).path("FieldValue").asText("").strip();
      if (options.size() > 0 && !value.isEmpty() && byId(options, "code", value) == null) {
        // The value is personal data: the message names the field and the options, never the value.
        problems.add(new Refusal(OPTION_NOT_A_CODE, "选项型字段需要传code值 (a choice field takes an option's code): " + path
            + ".FieldValue of " + fieldLabel(definition) + " is not an option code: send one of "
            + stream(options).map(o -> "\"" + o.path("code").asText() + "\" (" + o.path("optionDescribe").asText() + ")")
                .collect(Collectors.joining(", "))
            + ", not the option's text"));
      }
    }
    return problems;
  }

  private JsonNode otherTypeWithTicket(JsonNode except, String skuId) {
    return stream(attendeeTypes).filter(t -> t != except && byId(t.path("tickets"), "id", skuId) != null)
        .findFirst().orElse(null);
  }

  /** By field name, ignoring case (the platform binds names case-insensitively: **Inferred**). */
  private static JsonNode field(JsonNode type, String name) {
    return stream(type.path("fields"))
        .filter(f -> f.path("fieldName").asText().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
        .findFirst().orElse(null);
  }

  private static JsonNode byId(JsonNode array, String key, String value) {
    return stream(array).filter(node -> node.path(key).asText().equals(value)).findFirst().orElse(null);
  }

  private static List<JsonNode> onSale(JsonNode tickets) {
    return stream(tickets).filter(t -> t.path("isCanSale").asBoolean(false)).toList();
  }

  private static String sessions(JsonNode ticket) {
    return label(ticket) + ": " + (ticket.path("relationAgendasTree").isEmpty() ? "none"
        : stream(ticket.path("relationAgendasTree")).map(a -> a.path("agendaId").asText()).collect(Collectors.joining(", ")));
  }

  private static String fieldList(JsonNode type) {
    return stream(type.path("fields")).map(DemoEvent::fieldLabel).collect(Collectors.joining(", "));
  }

  private static String fieldLabel(JsonNode field) {
    return field.path("fieldName").asText() + " (" + field.path("displayName").asText() + ")";
  }

  private static String list(Iterable<JsonNode> nodes) {
    List<String> labels = new ArrayList<>();
    nodes.forEach(node -> labels.add(label(node)));
    return labels.isEmpty() ? "none" : String.join(", ", labels);
  }

  private static String label(JsonNode node) {
    return node.path("name").asText() + " [" + node.path("id").asText() + "]";
  }

  private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }

  private static DemoEvent load() {
    try (InputStream in = DemoEvent.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      JsonNode root = new ObjectMapper().readTree(in);
      return new DemoEvent(root.path("eventId").asText(), (ArrayNode) root.path("attendeeTypes"));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + RESOURCE, e);
    }
  }
}
