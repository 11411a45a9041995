package com.huiyi31.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data and secrets in text that may be logged or shown: HTTP bodies and error
 * messages. Mobile numbers keep their first 3 and last 4 digits ({@code 139****5678}), emails
 * their first letter and domain, names their first character; secrets are masked whole.
 */
final class Redaction {

  /** Keys whose values are personal data (compared lower-case). */
  private static final Set<String> PERSONAL = Set.of(
      "mobile", "phone", "telephone", "tel", "email", "mail", "fullname", "name", "idcard", "idcardno",
      "idno", "idnumber", "passport", "address");

  /** Keys whose values are secrets: masked whole (compared lower-case). */
  private static final Set<String> SECRET = Set.of(
      "access_token", "refresh_token", "id_token", "appsecret", "client_secret", "password", "token",
      "authorization");

  // Bounded repetitions: every match attempt scans a bounded window, so masking stays linear in
  // the length of the text (an unbounded "[^@]+@" is quadratic on a long text without "@").
  private static final Pattern LONG_DIGITS = Pattern.compile("(?<![0-9])(\\+?[0-9][0-9 -]{5,30}[0-9])(?![0-9])");
  // The local part starts only where a word starts (after a space, quote, bracket or '@', or at
  // the start) and is taken possessively: without that, a long run of text with no '@' was tried
  // from every position, 64 characters each time (a megabyte of "x" took seconds).
  private static final Pattern EMAIL =
      Pattern.compile("(?<![^@\\s\"'<>])([^@\\s\"'<>]++)@([^@\\s\"'<>]{1,255}\\.[^@\\s\"'<>.]{1,63})");
  private static final Pattern FORM_PAIR = Pattern.compile("([^&=]+)=([^&]*)");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Redaction() {}

  /**
   * A body for a log line: JSON with personal values and secrets masked, a form body with secret
   * and personal values masked, or, for anything else, free text with digit runs and emails
   * masked.
   */
  static String body(byte[] body) {
    if (body.length == 0) {
      return "";
    }
    try {
      JsonNode tree = MAPPER.readTree(body);
      if (tree != null && tree.isContainerNode()) {
        return MAPPER.writeValueAsString(redact(tree));
      }
    } catch (IOException notJson) {
      // fall through: form or free text
    }
    String text = new String(body, StandardCharsets.UTF_8);
    if (FORM_PAIR.matcher(text).lookingAt() && !text.contains(" ")) {
      return form(text);
    }
    return text(text);
  }

  /** Free text (an error message, an HTML page): masks anything that looks like a phone number or an email. */
  static String text(String text) {
    if (text == null) {
      return null;
    }
    Matcher emails = EMAIL.matcher(text);
    StringBuilder out = new StringBuilder();
    while (emails.find()) {
      emails.appendReplacement(out, Matcher.quoteReplacement(maskEmail(emails.group())));
    }
    emails.appendTail(out);
    Matcher digits = LONG_DIGITS.matcher(out.toString());
    out = new StringBuilder();
    while (digits.find()) {
      digits.appendReplacement(out, Matcher.quoteReplacement(maskPhone(digits.group(1))));
    }
    digits.appendTail(out);
    return out.toString();
  }

  /** A header value for a log line: secrets masked whole. */
  static boolean isSecretHeader(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("authorization") || n.equals("proxy-authorization") || n.equals("cookie")
        || n.equals("set-cookie") || n.contains("token") || n.contains("secret") || n.contains("api-key");
  }

  private static String form(String text) {
    Matcher pairs = FORM_PAIR.matcher(text);
    StringBuilder out = new StringBuilder();
    while (pairs.find()) {
      String key = pairs.group(1).toLowerCase(Locale.ROOT);
      String value = SECRET.contains(key) || key.contains("secret") || key.contains("token") ? "****"
          : PERSONAL.contains(key) ? mask(pairs.group(2)) : pairs.group(2);
      pairs.appendReplacement(out, Matcher.quoteReplacement(pairs.group(1) + "=" + value));
    }
    pairs.appendTail(out);
    return out.toString();
  }

  private static JsonNode redact(JsonNode node) {
    if (node instanceof ObjectNode) {
      ObjectNode object = (ObjectNode) node;
      // A form answer ({"FieldName": "Mobile", "FieldValue": "139..."}): the value is the person's.
      String fieldValueKey = null;
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        String key = field.getKey().toLowerCase(Locale.ROOT);
        JsonNode value = field.getValue();
        if (key.equals("fieldvalue")) {
          fieldValueKey = field.getKey();
        } else if (value.isValueNode() && !value.isNull() && SECRET.contains(key)) {
          field.setValue(TextNode.valueOf("****"));
        } else if (value.isValueNode() && !value.isNull() && PERSONAL.contains(key)) {
          field.setValue(TextNode.valueOf(mask(value.asText())));
        } else if (value.isTextual() && key.contains("message")) {
          // Free text such as businessMessage may quote the person ("手机号139...已被注册").
          field.setValue(TextNode.valueOf(text(value.asText())));
        } else {
          redact(value);
        }
      }
      if (fieldValueKey != null && object.get(fieldValueKey).isValueNode() && !object.get(fieldValueKey).isNull()) {
        object.put(fieldValueKey, mask(object.get(fieldValueKey).asText()));
      }
    } else if (node instanceof ArrayNode) {
      node.forEach(Redaction::redact);
    }
    return node;
  }

  /** Masks one personal value according to what it looks like. */
  static String mask(String value) {
    if (value.isEmpty()) {
      return value;
    }
    if (EMAIL.matcher(value).matches()) {
      return maskEmail(value);
    }
    if (value.replaceAll("[^0-9]", "").length() >= 7) {
      return maskPhone(value);
    }
    int first = value.offsetByCodePoints(0, 1);
    int rest = value.codePointCount(first, value.length());
    return rest == 0 ? "*" : value.substring(0, first) + "*".repeat(rest);
  }

  private static String maskPhone(String value) {
    String digits = value.replaceAll("[^0-9]", "");
    if (digits.length() < 8) {
      return "*".repeat(digits.length());
    }
    return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
  }

  private static String maskEmail(String value) {
    int at = value.lastIndexOf('@');
    return value.substring(0, Math.min(1, at)) + "***" + value.substring(at);
  }
}
