package com.huiyi31.sandbox;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolverFactory;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an incoming request against the contract ({@code huiyi31/openapi.yaml} on the classpath)
 * with Atlassian's {@link OpenApiInteractionValidator}, plus the two platform rules the schema
 * cannot express. Thread-safe; built once per JVM (parsing the spec takes a while).
 */
final class ContractCheck {

  static final String SPEC_RESOURCE = "/huiyi31/openapi.yaml";

  /** The Atlassian validator prefixes schema messages with "[Path '/a/0/b'] "; we print "$.a[0].b: " instead. */
  private static final Pattern PATH_PREFIX = Pattern.compile("^\\[Path '[^']*'\\]\\s*");
  private static final Pattern POINTER_INDEX = Pattern.compile("/([0-9]+)(?=/|$)");
  /**
   * The end of the validator's maxLength message, which begins by quoting the whole value:
   * {@code String "<the value>" is too long (length: 2001, maximum allowed: 2000)}.
   */
  private static final Pattern TOO_LONG = Pattern.compile("\\(length: (\\d+), maximum allowed: (\\d+)\\)\\s*$");

  /** The spec is constant, so all sandboxes of a JVM share one validator (and its schema cache). */
  private static final class Shared {
    static final ContractCheck INSTANCE = new ContractCheck();
  }

  private final OpenApiInteractionValidator validator;

  private ContractCheck() {
    // Read the spec ourselves and hand it over inline: a "jar:file:...!/" URL (the runnable jar)
    // is not something every version of the spec parser can open.
    String spec;
    try (InputStream in = ContractCheck.class.getResourceAsStream(SPEC_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The contract " + SPEC_RESOURCE + " is not on the classpath "
            + "(it comes with the huiyi31-openapi-spec jar).");
      }
      spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + SPEC_RESOURCE, e);
    }
    // The contract as written, no stricter: Atlassian's validator by default treats every schema
    // without additionalProperties as if it said false. The contract says false itself where it
    // means it (the JSON request bodies) and leaves the token form open, so that default is
    // switched off here and the sandbox refuses an undeclared key exactly where the spec does.
    this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec)
        .withLevelResolver(LevelResolverFactory.withAdditionalPropertiesIgnored())
        .build();
  }

  static ContractCheck shared() {
    return Shared.INSTANCE;
  }

  /** One error of the OpenAPI validator: its key (e.g. {@code validation.request.body.schema.required}) and one line. */
  record Problem(String key, String line) {}

  static final String UNKNOWN_PATH = "validation.request.path.missing";
  static final String METHOD_NOT_ALLOWED = "validation.request.operation.notAllowed";

  /** Errors found by the OpenAPI validator, each one line, e.g. {@code $.Items[0].Quantity: ...}. */
  List<Problem> specProblems(Request.Method method, String path, Map<String, List<String>> headers, byte[] body) {
    SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
    headers.forEach(request::withHeader);
    if (body != null && body.length > 0) {
      request.withBody(body);
    }
    ValidationReport report = validator.validateRequest(request.build());
    List<Problem> problems = new ArrayList<>();
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        problems.add(new Problem(message.getKey(), describe(message)));
      }
    }
    return problems;
  }

  /**
   * The platform's documented rules that the schema cannot express, on an already parsed body
   * (whatever its shape: broken parts are the schema's to report): a non-empty {@code Mobile} or
   * {@code Email} is required, and no {@code FieldName} may appear twice. Field names compare
   * case-insensitively, as the platform binds them (and as the Java client checks them).
   */
  static List<String> platformRuleProblems(JsonNode body) {
    List<String> problems = new ArrayList<>();
    if (body == null || !body.isObject()) {
      return problems; // the schema check reports a body that is not an object
    }
    JsonNode fields = body.path("Attendee").path("Fields");
    boolean hasContact = false;
    Map<String, Integer> firstIndexByName = new HashMap<>();
    if (fields.isArray()) {
      for (int i = 0; i < fields.size(); i++) {
        JsonNode name = fields.get(i).path("FieldName");
        if (!name.isTextual() || name.textValue().isBlank()) {
          continue;
        }
        String key = name.textValue().strip().toLowerCase(Locale.ROOT);
        Integer first = firstIndexByName.putIfAbsent(key, i);
        if (first != null) {
          problems.add("$.Attendee.Fields[" + i + "].FieldName: repeats \"" + name.textValue()
              + "\" of $.Attendee.Fields[" + first + "] (each field may be given once)");
        }
        JsonNode value = fields.get(i).path("FieldValue");
        if ((key.equals("mobile") || key.equals("email")) && value.isTextual() && !value.textValue().isBlank()) {
          hasContact = true;
        }
      }
    }
    if (!hasContact) {
      problems.add("$.Attendee.Fields: has no non-empty Mobile or Email field (the platform requires one of them)");
    }
    return problems;
  }

  private static String describe(ValidationReport.Message message) {
    String text = PATH_PREFIX.matcher(message.getMessage()).replaceFirst("");
    if (message.getKey().endsWith(".maxLength")) {
      // The validator's own words quote the whole value: personal data, or the app secret.
      Matcher tooLong = TOO_LONG.matcher(text);
      text = tooLong.find() ? "has " + tooLong.group(1) + " characters, more than the " + tooLong.group(2) + " allowed"
          : "is longer than the contract allows";
    }
    String pointer = message.getContext()
        .flatMap(ValidationReport.MessageContext::getPointers)
        .map(ValidationReport.MessageContext.Pointers::getInstance)
        .orElse(null);
    String line = pointer == null ? text : jsonPath(pointer) + ": " + text;
    return line.replaceAll("\\s+", " ").strip();
  }

  /** "/Items/0/Quantity" as "$.Items[0].Quantity" (the JSON path style of the Java client's messages). */
  static String jsonPath(String pointer) {
    if (pointer.isEmpty() || pointer.equals("/")) {
      return "$";
    }
    Matcher indexes = POINTER_INDEX.matcher(pointer);
    String bracketed = indexes.replaceAll("[$1]");
    return "$" + bracketed.replace("/", ".").replace("~1", "/").replace("~0", "~");
  }
}
