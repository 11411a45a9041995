package com.huiyi31.cli.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiyi31.cli.drift.DriftReport.Finding;
import com.huiyi31.cli.drift.DriftReport.Kind;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks one JSON answer against its schema more strictly than any client reads it: every key
 * must be declared and spelt as declared, every declared property present, every value of the
 * declared type and format, and every value of an enum-like property one the spec shows. A small
 * walker over the spec's schemas rather than a JSON Schema validator, because the spec declares
 * responses open (clients must tolerate what this reports) and a validator has no notion of
 * casing or of values seen in examples. Not thread-safe: one per answer.
 */
final class Conformance {

  private static final int MAX_SHOWN_VALUE = 60;

  private final Contract contract;
  private final String operation;
  private final Map<String, Finding> found = new LinkedHashMap<>();

  Conformance(Contract contract, String operation) {
    this.contract = contract;
    this.operation = operation;
  }

  /** The findings in {@code answer} against {@code schema}, each counted once per distinct path and detail. */
  List<Finding> check(Contract.Located schema, JsonNode answer) {
    walk(schema, answer, "$", "");
    return new ArrayList<>(found.values());
  }

  private void walk(Contract.Located located, JsonNode value, String path, String name) {
    JsonNode schema = located.schema();
    String location = located.location();
    if (value.isNull()) {
      if (!schema.path("nullable").asBoolean(false) && !schema.isMissingNode() && schema.size() > 0) {
        add(Kind.TYPE_MISMATCH, path, "null, where the spec says " + typeOf(schema) + " (not nullable)", location);
      }
      return;
    }
    String expected = typeOf(schema);
    if (!expected.equals("any") && !matches(expected, value)) {
      add(Kind.TYPE_MISMATCH, path, jsonType(value) + ", where the spec says " + expected, location);
      return;
    }
    checkFormat(schema, value, path, location);
    if (Contract.enumLike(name, schema) && value.isValueNode()) {
      Set<String> seen = contract.seen(location, schema);
      if (seen.stream().noneMatch(shown -> shown.equalsIgnoreCase(value.asText()))) {
        add(Kind.UNKNOWN_ENUM_VALUE, path, "value \"" + shown(value.asText()) + "\", which no example or enum of the spec "
            + "shows (it shows: " + String.join(", ", seen.stream().map(s -> "\"" + s + "\"").toList()) + ")", location);
      }
    }
    if (value.isArray()) {
      Contract.Located items = contract.resolve(schema.path("items"), location + "/items");
      value.forEach(item -> walk(items, item, path + "[*]", name));
    } else if (value.isObject()) {
      walkObject(located, value, path);
    }
  }

  private void walkObject(Contract.Located located, JsonNode value, String path) {
    JsonNode properties = located.schema().path("properties");
    Set<String> present = new HashSet<>();
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      String key = entry.getKey();
      String declared = properties.has(key) ? key : declaredIgnoringCase(properties, key);
      String childPath = path + segment(key);
      if (declared == null) {
        add(Kind.UNDECLARED_PROPERTY, childPath, "not declared by the spec; its value is " + article(jsonType(entry.getValue())),
            located.location());
        continue;
      }
      if (!declared.equals(key)) {
        add(Kind.KEY_CASING, childPath, "spelt " + key + "; the spec spells it " + declared,
            located.location() + "/properties/" + declared);
      }
      present.add(declared);
      Contract.Located child = contract.resolve(properties.get(declared), located.location() + "/properties/" + declared);
      walk(child, entry.getValue(), childPath, declared);
    }
    Set<String> required = new HashSet<>();
    located.schema().path("required").forEach(r -> required.add(r.asText()));
    for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
      String declared = names.next();
      if (!present.contains(declared)) {
        add(Kind.MISSING_PROPERTY, path + segment(declared), "declared by the spec" + (required.contains(declared)
            ? " as required" : " (optional)") + ", not in the answer", located.location() + "/properties/" + declared);
      }
    }
  }

  private void checkFormat(JsonNode schema, JsonNode value, String path, String location) {
    String format = schema.path("format").asText("");
    boolean fits = switch (format) {
      case "int32" -> !value.isIntegralNumber() || value.canConvertToInt();
      case "int64" -> !value.isIntegralNumber() || value.canConvertToLong();
      case "date-time" -> !value.isTextual() || parses(() -> OffsetDateTime.parse(value.textValue()));
      case "date" -> !value.isTextual() || parses(() -> LocalDate.parse(value.textValue()));
      case "uuid" -> !value.isTextual() || value.textValue().matches("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
      default -> true;
    };
    if (!fits) {
      add(Kind.FORMAT_MISMATCH, path, article(jsonType(value)) + " outside the spec's format " + format, location);
    }
  }

  private static boolean parses(Runnable parse) {
    try {
      parse.run();
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private void add(Kind kind, String path, String detail, String location) {
    found.merge(kind + " " + path + " " + detail, new Finding(operation, kind, path, detail, location, 1),
        (a, b) -> new Finding(a.operation(), a.kind(), a.path(), a.detail(), a.specLocation(), a.occurrences() + 1));
  }

  private static String declaredIgnoringCase(JsonNode properties, String key) {
    for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.equalsIgnoreCase(key)) {
        return name;
      }
    }
    return null;
  }

  /** The schema's type: its {@code type}, {@code object} when it only has properties, {@code any} when it says nothing. */
  static String typeOf(JsonNode schema) {
    if (schema.has("type")) {
      return schema.get("type").asText();
    }
    return schema.has("properties") ? "object" : "any";
  }

  static boolean matches(String type, JsonNode value) {
    return switch (type) {
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "array" -> value.isArray();
      case "object" -> value.isObject();
      default -> true;
    };
  }

  /** A value's JSON type, as the report names it (never the value). */
  static String jsonType(JsonNode value) {
    if (value.isTextual()) {
      return "string";
    }
    if (value.isIntegralNumber()) {
      return "integer";
    }
    if (value.isNumber()) {
      return "number";
    }
    return value.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private static String article(String type) {
    return (type.startsWith("a") || type.startsWith("i") || type.startsWith("o") ? "an " : "a ") + type;
  }

  /** {@code .name}, or {@code ['odd name']} for a key that is not a plain identifier. */
  static String segment(String key) {
    return key.matches("[A-Za-z_$][A-Za-z0-9_$]*") ? "." + key : "['" + key.replace("'", "\\'") + "']";
  }

  private static String shown(String value) {
    return value.length() <= MAX_SHOWN_VALUE ? value : value.substring(0, MAX_SHOWN_VALUE) + "…";
  }
}
