package com.huiyi31.cli.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The contract as the drift check reads it: {@code huiyi31/openapi.yaml} from the classpath (the
 * copy in the spec module's jar, which the sandbox validates against too), parsed as a JSON tree.
 * It resolves {@code $ref}s to component schemas, keeping their names for the report, and knows
 * which values the spec's examples show for enum-like properties. Immutable; one per JVM.
 */
final class Contract {

  static final String RESOURCE = "/huiyi31/openapi.yaml";

  /** A schema with $refs followed, and where it is in the spec ({@code #/components/schemas/FieldOption}). */
  record Located(JsonNode schema, String location) {}

  /** An operation's answer for one status: the key it matched ({@code 200}, {@code 4XX}, {@code default}) and its object. */
  record Answer(String status, JsonNode response, String location) {}

  private static final class Shared {
    static final Contract INSTANCE = new Contract(read());
  }

  private final String text;
  private final JsonNode root;
  /** Values the examples show, by the location of an enum-like property. */
  private final Map<String, Set<String>> seen = new HashMap<>();

  private Contract(String text) {
    this.text = text;
    try {
      this.root = new ObjectMapper(new YAMLFactory()).readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not parse " + RESOURCE, e);
    }
    root.path("paths").forEach(path -> path.forEach(operation -> operation.path("responses").forEach(response ->
        response.path("content").forEach(media -> {
          Located schema = resolve(media.path("schema"), "#");
          media.path("examples").forEach(example -> collect(schema, exampleValue(example)));
        }))));
  }

  static Contract shared() {
    return Shared.INSTANCE;
  }

  /** The spec as its YAML text (for the OpenAPI validator). */
  String text() {
    return text;
  }

  /** The spec's {@code info.version}. */
  String version() {
    return root.path("info").path("version").asText();
  }

  /** The POST operation at {@code path} (missing node when the spec has none). */
  JsonNode operation(String path) {
    return root.path("paths").path(path).path("post");
  }

  /** The response the spec declares for {@code status}: exact, then {@code 4XX}-style, then default; null when none. */
  Answer answer(String path, int status) {
    JsonNode responses = operation(path).path("responses");
    String base = "#/paths/" + path.replace("/", "~1") + "/post/responses/";
    for (String key : List.of(Integer.toString(status), status / 100 + "XX", "default")) {
      if (responses.has(key)) {
        return new Answer(key, responses.get(key), base + key);
      }
    }
    return null;
  }

  /** The schema with its {@code $ref}s followed; {@code location} names it when it is not a component. */
  Located resolve(JsonNode schema, String location) {
    JsonNode current = schema;
    String at = location;
    for (int hops = 0; current.has("$ref") && hops < 16; hops++) {
      at = current.get("$ref").asText();
      current = root.at(at.substring(1));
    }
    return new Located(current, at);
  }

  /** The schema of the JSON request body of the POST at {@code path}. */
  Located requestSchema(String path) {
    String location = "#/paths/" + path.replace("/", "~1") + "/post/requestBody/content/application~1json/schema";
    return resolve(operation(path).path("requestBody").path("content").path("application/json").path("schema"), location);
  }

  /** The schema of the JSON answer the spec declares for {@code status} at {@code path}; null when none is JSON. */
  Located answerSchema(String path, int status) {
    Answer declared = answer(path, status);
    if (declared == null) {
      return null;
    }
    for (Map.Entry<String, JsonNode> media : declared.response().path("content").properties()) {
      if (media.getKey().contains("json")) {
        return resolve(media.getValue().path("schema"),
            declared.location() + "/content/" + media.getKey().replace("/", "~1") + "/schema");
      }
    }
    return null;
  }

  /**
   * Where in the spec the value at a JSON pointer ({@code /data/attendeeTypes/0/fields}) of a body
   * described by {@code root} is described: the deepest schema the pointer reaches
   * ({@code #/components/schemas/AttendeeType/properties/fields}).
   */
  String locate(Located root, String pointer) {
    Located at = root;
    for (String segment : pointer.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      JsonNode schema = at.schema();
      String name = segment.replace("~1", "/").replace("~0", "~");
      if (schema.has("items") && name.matches("[0-9]+")) {
        at = resolve(schema.get("items"), at.location() + "/items");
      } else if (schema.path("properties").has(name)) {
        at = resolve(schema.path("properties").get(name), at.location() + "/properties/" + name);
      } else {
        break;
      }
    }
    return at.location();
  }

  /** The value of a named or inline example ({@code $ref} to components/examples, or {@code value}). */
  private JsonNode exampleValue(JsonNode example) {
    return resolve(example, "#").schema().path("value");
  }

  /**
   * Whether a property's values are an open vocabulary worth watching: it declares an
   * {@code enum}, or it is a string or integer named for a kind or a state (its name ends in
   * {@code Type} or {@code Status}: {@code orderType}, {@code orderStatus}, {@code token_type}).
   */
  static boolean enumLike(String name, JsonNode schema) {
    if (schema.has("enum")) {
      return true;
    }
    String type = schema.path("type").asText();
    String lower = name.toLowerCase(Locale.ROOT);
    return (type.equals("string") || type.equals("integer")) && (lower.endsWith("type") || lower.endsWith("status"))
        && !schema.path("x-personal-data").asBoolean(false);
  }

  /** The values the spec shows for the property at {@code location}: its enum, its example and the examples' values. */
  Set<String> seen(String location, JsonNode schema) {
    Set<String> values = new TreeSet<>(seen.getOrDefault(location, Set.of()));
    schema.path("enum").forEach(value -> values.add(value.asText()));
    if (schema.has("example")) {
      values.add(schema.get("example").asText());
    }
    return values;
  }

  /** Notes the values of enum-like properties in an example, following the schema. */
  private void collect(Located located, JsonNode value) {
    JsonNode schema = located.schema();
    if (value.isArray()) {
      value.forEach(item -> collect(resolve(schema.path("items"), located.location() + "/items"), item));
      return;
    }
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      JsonNode child = value.get(property.getKey());
      if (child == null) {
        continue;
      }
      Located declared = resolve(property.getValue(), located.location() + "/properties/" + property.getKey());
      if (enumLike(property.getKey(), declared.schema()) && child.isValueNode()) {
        seen.computeIfAbsent(declared.location(), key -> new HashSet<>()).add(child.asText());
      }
      collect(declared, child);
    }
  }

  private static String read() {
    try (InputStream in = Contract.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The contract " + RESOURCE + " is not on the classpath "
            + "(it comes with the huiyi31-openapi-spec jar).");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + RESOURCE, e);
    }
  }
}
