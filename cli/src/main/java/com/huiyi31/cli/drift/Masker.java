package com.huiyi31.cli.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces what identifies a person, an event or an order in recorded JSON by consistent fakes:
 * within one recording (one Masker) the same real value always becomes the same fake, so that
 * the event id of the type-list request is the event id of the Register request, and a name in
 * a request is the name in its answer. Which values those are comes from the contract:
 *
 * <ul>
 *   <li>{@code x-personal-data} values: a mobile number becomes a fake mobile ({@code 13800130001}),
 *       an email address {@code test1@example.com}, anything else 测试甲, 测试乙, ...;</li>
 *   <li>ids (properties named {@code id} or ending in {@code Id}): fake GUIDs
 *       ({@code 00000000-0000-4000-8000-000000000001});</li>
 *   <li>{@code orderNo} and {@code checkinCode}: fake digits of the same length;</li>
 *   <li>secrets ({@code format: password}: tokens): {@code removed};</li>
 *   <li>values of properties the contract does not declare: every string (示例1, ..., or a fake
 *       mobile or email), and every number of 7 or more digits (it could be a phone number), since
 *       nothing says what they hold.</li>
 * </ul>
 *
 * Other declared strings (names of types and tickets, labels, messages) are kept, but any real
 * value replaced elsewhere, any mobile number and any email address in them is replaced too
 * ({@link #scrub}). Types are kept: a fake of a string is a string, of a number a number.
 */
final class Masker {

  static final String REMOVED = "removed";
  private static final String[] STEMS = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
  private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  private static final Pattern MOBILE_LIKE = Pattern.compile("\\+?[0-9][0-9 -]{5,}");

  private enum Category { PERSON, MOBILE, EMAIL, ID, DIGITS, TEXT }

  private final Contract contract;
  private final Map<Category, Map<String, String>> fakes = new HashMap<>();

  Masker(Contract contract) {
    this.contract = contract;
  }

  /** A masked copy of {@code value}, which the schema at {@code schema} describes (null: nothing declares it). */
  JsonNode mask(Contract.Located schema, JsonNode value) {
    return walk(schema, value, "", false);
  }

  /** {@code value} (already masked) with every real value replaced elsewhere, mobile and email in its kept strings replaced too. */
  JsonNode scrub(Contract.Located schema, JsonNode value) {
    return walk(schema, value, "", true);
  }

  /** A text of no fixed format (an error page): every mobile, email and real value replaced elsewhere, replaced. */
  String scrubText(String text) {
    return scrubString(text);
  }

  private JsonNode walk(Contract.Located located, JsonNode value, String name, boolean scrubbing) {
    JsonNode schema = located == null ? null : located.schema();
    if (value.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      JsonNode properties = schema == null ? JsonNodeFactory.instance.objectNode() : schema.path("properties");
      for (Map.Entry<String, JsonNode> entry : value.properties()) {
        String declared = declared(properties, entry.getKey());
        Contract.Located child = declared == null ? null
            : contract.resolve(properties.get(declared), located.location() + "/properties/" + declared);
        out.set(entry.getKey(), walk(child, entry.getValue(), declared == null ? entry.getKey() : declared, scrubbing));
      }
      return out;
    }
    if (value.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      Contract.Located items = schema == null ? null : contract.resolve(schema.path("items"), located.location() + "/items");
      value.forEach(item -> out.add(walk(items, item, name, scrubbing)));
      return out;
    }
    if (scrubbing) {
      return value.isTextual() && kept(schema, name) ? JsonNodeFactory.instance.textNode(scrubString(value.textValue())) : value;
    }
    return leaf(schema, name, value);
  }

  /** Whether pass one kept this string as it was (so that scrubbing may look into it). */
  private static boolean kept(JsonNode schema, String name) {
    return schema != null && !schema.path("x-personal-data").asBoolean(false) && !schema.path("format").asText().equals("password")
        && !isId(name) && !isOrderNumber(name);
  }

  private JsonNode leaf(JsonNode schema, String name, JsonNode value) {
    boolean secret = schema != null && schema.path("format").asText().equals("password");
    boolean identifying = schema == null || schema.path("x-personal-data").asBoolean(false) || isId(name)
        || isOrderNumber(name);
    if (value.isIntegralNumber() && (secret || identifying)) {
      // A number where the contract says string (drift) is masked all the same, keeping its type.
      String digits = value.bigIntegerValue().abs().toString();
      return schema == null && digits.length() < 7 ? value
          : JsonNodeFactory.instance.numberNode(new BigInteger(fake(Category.DIGITS, digits, digits.length())));
    }
    if (!value.isTextual()) {
      return value;
    }
    String real = value.textValue();
    if (schema == null) { // undeclared: nothing says what it holds
      return text(real.isBlank() || real.contains("@") || MOBILE_LIKE.matcher(real.strip()).matches() ? fakeOfShape(real)
          : fake(Category.TEXT, real, 0));
    }
    if (secret) {
      return text(REMOVED);
    }
    if (schema.path("x-personal-data").asBoolean(false)) {
      return text(fakeOfShape(real));
    }
    if (isId(name)) {
      return text(fake(Category.ID, real, 0));
    }
    if (isOrderNumber(name)) {
      return text(fake(Category.DIGITS, real, real.length()));
    }
    return value;
  }

  private String fakeOfShape(String real) {
    if (real.isBlank()) {
      return real;
    }
    if (real.contains("@")) {
      return fake(Category.EMAIL, real, 0);
    }
    return MOBILE_LIKE.matcher(real.strip()).matches() ? fake(Category.MOBILE, real, 0) : fake(Category.PERSON, real, 0);
  }

  /** The fake of {@code real} in its category, made on first sight; {@code length} for digits. */
  private String fake(Category category, String real, int length) {
    Map<String, String> own = fakes.computeIfAbsent(category, c -> new HashMap<>());
    return own.computeIfAbsent(real, r -> {
      int n = own.size() + 1;
      return switch (category) {
        case PERSON -> "测试" + (n <= STEMS.length ? STEMS[n - 1] : Integer.toString(n));
        case MOBILE -> String.format("1380013%04d", n);
        case EMAIL -> "test" + n + "@example.com";
        case ID -> String.format("00000000-0000-4000-8000-%012d", n);
        case DIGITS -> digits(n, length);
        case TEXT -> "示例" + n;
      };
    });
  }

  /** {@code length} digits, the first 9, ending in {@code n} (as many of its last digits as fit). */
  private static String digits(int n, int length) {
    String tail = String.format("%0" + Math.max(1, length - 1) + "d", n);
    return length < 2 ? tail.substring(tail.length() - 1) : "9" + tail.substring(tail.length() - (length - 1));
  }

  private String scrubString(String text) {
    String out = text;
    // Longest first, so that a real value inside another is not replaced in part.
    for (Map.Entry<String, String> mapped : fakes.entrySet().stream().filter(e -> e.getKey() != Category.DIGITS)
        .flatMap(e -> e.getValue().entrySet().stream()).filter(e -> worthScrubbing(e.getKey()))
        .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed()).toList()) {
      out = out.replace(mapped.getKey(), mapped.getValue());
    }
    out = replaceAll(MOBILE, out, Category.MOBILE);
    return replaceAll(EMAIL, out, Category.EMAIL);
  }

  /**
   * Whether a replaced value is looked for inside other strings: not when it is so short or so
   * plain (a choice's code "10", a 4-digit number) that it would match inside unrelated text.
   */
  private static boolean worthScrubbing(String real) {
    String text = real.strip();
    boolean digits = text.chars().allMatch(Character::isDigit);
    return text.length() >= 2 && (digits ? text.length() >= 7 : text.length() >= 4 || !text.chars().allMatch(c -> c < 128));
  }

  private String replaceAll(Pattern pattern, String text, Category category) {
    Matcher matcher = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String found = matcher.group();
      boolean isFake = fakes.getOrDefault(category, Map.of()).containsValue(found);
      matcher.appendReplacement(out, Matcher.quoteReplacement(isFake ? found : fake(category, found, 0)));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static boolean isId(String name) {
    return name.equalsIgnoreCase("id") || name.endsWith("Id") || name.endsWith("ID");
  }

  private static boolean isOrderNumber(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals("orderno") || lower.equals("checkincode");
  }

  private static String declared(JsonNode properties, String key) {
    if (properties.has(key)) {
      return key;
    }
    for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.equalsIgnoreCase(key)) {
        return name;
      }
    }
    return null;
  }

  private static JsonNode text(String value) {
    return JsonNodeFactory.instance.textNode(value);
  }
}
