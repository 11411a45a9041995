package com.huiyi31.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code register --attendee-file FILE}: the attendee's answers and the purchaser, read from a file
 * or ({@code -}) standard input instead of flags. A flag's value is visible to every user of the
 * machine in the process list ({@code ps}, {@code /proc/PID/cmdline}) while the tool runs, and stays
 * in the shell's history; a file's content is neither.
 *
 * <p>Format: UTF-8 (a byte order mark is ignored), at most {@value #MAX_BYTES} bytes, either
 * <ul>
 *   <li>lines {@code KEY=VALUE}, split at the first {@code =}, spaces around the key and the value
 *       dropped; blank lines and lines starting with {@code #} are skipped; or
 *   <li>(when it starts with <code>{</code>) a JSON object of the same keys with string values:
 *       <code>{"姓名": "张晓明", "手机": "13912345678", "purchaser-mobile": "13787654321"}</code>.
 * </ul>
 * The keys {@code purchaser-name}, {@code purchaser-mobile}, {@code purchaser-area-code} and
 * {@code purchaser-company} are the purchaser, as the flags of those names; every other key is a
 * form answer, as {@code --field KEY=VALUE} (a field name, or with {@code --app-key} its label).
 * A key given twice is an error. Messages name the line or the key, never a value.
 */
final class AttendeeFile {

  /** An attendee is a few lines: more is not an attendee file (standard input left connected to something else). */
  static final int MAX_BYTES = 1 << 20;

  /** The purchaser's keys, as the flags of the same names. */
  static final List<String> PURCHASER_KEYS =
      List.of("purchaser-name", "purchaser-mobile", "purchaser-area-code", "purchaser-company");

  /**
   * What the file holds.
   *
   * @param fields the form answers, in the file's order: name (or label) and value
   * @param purchaser the purchaser's parts given, by key (purchaser-name, ...)
   */
  record Attendee(List<Map.Entry<String, String>> fields, Map<String, String> purchaser) {
    static final Attendee NONE = new Attendee(List.of(), Map.of());
  }

  /** A file that cannot be used; the message names the file and the line or key, never a value. */
  static final class InvalidAttendeeFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidAttendeeFileException(String message) {
      super(message);
    }
  }

  private AttendeeFile() {}

  /** Reads {@code source}: a path, or {@code -} for {@code stdin}. */
  static Attendee read(String source, InputStream stdin) {
    String name = source.equals("-") ? "standard input" : source;
    byte[] bytes;
    try {
      if (source.equals("-")) {
        bytes = stdin.readNBytes(MAX_BYTES + 1);
      } else {
        Path path = Path.of(source);
        if (Files.isDirectory(path)) {
          throw new InvalidAttendeeFileException("--attendee-file " + name + " is a directory.");
        }
        try (InputStream in = Files.newInputStream(path)) {
          bytes = in.readNBytes(MAX_BYTES + 1);
        }
      }
    } catch (NoSuchFileException e) {
      throw new InvalidAttendeeFileException("--attendee-file " + name + " does not exist.");
    } catch (IOException e) {
      throw new InvalidAttendeeFileException("--attendee-file " + name + " could not be read (" + e.getClass().getSimpleName()
          + ").");
    }
    if (bytes.length > MAX_BYTES) {
      throw new InvalidAttendeeFileException("--attendee-file " + name + " is over " + MAX_BYTES / 1024
          + " KiB: it is not an attendee's few lines.");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidAttendeeFileException("--attendee-file " + name + " is not UTF-8 text. Save it as UTF-8.");
    }
    return parse(name, text.startsWith("\uFEFF") ? text.substring(1) : text);
  }

  /** Parses the text of {@code name}: JSON when it starts with <code>{</code>, else KEY=VALUE lines. */
  static Attendee parse(String name, String text) {
    Collector collector = new Collector(name);
    if (text.strip().startsWith("{")) {
      json(name, text, collector);
    } else {
      String[] lines = text.split("\r?\n|\r", -1);
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int at = line.indexOf('=');
        if (at <= 0) {
          throw new InvalidAttendeeFileException("--attendee-file " + name + ": line " + (i + 1) + " is not KEY=VALUE"
              + (at == 0 ? " (the key is empty)." : " (it has no '=')."));
        }
        collector.add(line.substring(0, at).strip(), line.substring(at + 1).strip(), "line " + (i + 1));
      }
    }
    return collector.attendee();
  }

  private static void json(String name, String text, Collector collector) {
    JsonNode root;
    try {
      root = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(text);
    } catch (JsonProcessingException e) {
      // Jackson's message can quote the text: say only where.
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr();
      String duplicate = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
          ? " (a key is given twice)" : "";
      throw new InvalidAttendeeFileException("--attendee-file " + name + " is not a valid JSON object" + where + duplicate
          + ".");
    }
    if (!root.isObject()) {
      throw new InvalidAttendeeFileException("--attendee-file " + name + " is not a JSON object of KEY: \"VALUE\".");
    }
    for (Map.Entry<String, JsonNode> entry : root.properties()) {
      if (!entry.getValue().isTextual()) {
        throw new InvalidAttendeeFileException("--attendee-file " + name + ": the value of \"" + entry.getKey()
            + "\" is not a JSON string (put it in quotes: a mobile number as a number loses its + and leading zeros).");
      }
      collector.add(entry.getKey().strip(), entry.getValue().textValue().strip(), "key \"" + entry.getKey() + "\"");
    }
  }

  /** Sorts keys into fields and the purchaser; refuses repeated and misspelt purchaser keys. */
  private static final class Collector {
    private final String name;
    private final List<Map.Entry<String, String>> fields = new ArrayList<>();
    private final Map<String, String> purchaser = new LinkedHashMap<>();
    private final Map<String, String> seen = new LinkedHashMap<>(); // key -> where

    Collector(String name) {
      this.name = name;
    }

    void add(String key, String value, String where) {
      if (key.isEmpty()) {
        throw new InvalidAttendeeFileException("--attendee-file " + name + ": " + where + " has an empty key.");
      }
      String earlier = seen.putIfAbsent(key, where);
      if (earlier != null) {
        throw new InvalidAttendeeFileException("--attendee-file " + name + ": \"" + key + "\" is given twice (" + earlier
            + " and " + where + ").");
      }
      if (PURCHASER_KEYS.contains(key)) {
        purchaser.put(key, value);
      } else if (key.startsWith("purchaser-")) {
        throw new InvalidAttendeeFileException("--attendee-file " + name + ": " + where + ": \"" + key + "\" is not one "
            + "of " + String.join(", ", PURCHASER_KEYS) + ".");
      } else {
        fields.add(new AbstractMap.SimpleImmutableEntry<>(key, value));
      }
    }

    Attendee attendee() {
      if (fields.isEmpty() && purchaser.isEmpty()) {
        throw new InvalidAttendeeFileException("--attendee-file " + name + " holds no KEY=VALUE.");
      }
      return new Attendee(List.copyOf(fields), Map.copyOf(purchaser));
    }
  }
}
