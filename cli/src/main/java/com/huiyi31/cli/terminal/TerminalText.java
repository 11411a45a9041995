package com.huiyi31.cli.terminal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Text this tool did not write itself (the platform's names, ids and messages, a file's column
 * names, an I/O error), made safe to print on a terminal: every character that a terminal could
 * act on, or that could make the text look other than it is, is shown as an escape instead.
 * That is C0 controls (ESC, BEL, CR, ...), DEL, C1 controls (U+0080 to U+009F, such as the
 * one-character CSI U+009B), Unicode format characters (bidi overrides and isolates such as
 * U+202E, zero-width characters, the BOM), line and paragraph separators, and unpaired
 * surrogates. {@code ESC[2J} prints as {@code \x1b[2J}; Chinese, emoji and other printable text
 * is kept.
 */
public final class TerminalText {

  private static final ObjectWriter JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
      .writer().with(new JsonEscapes());

  private TerminalText() {}

  /** One value: every unsafe character escaped, line breaks and tabs too (a value cannot forge an output line). */
  public static String safe(String text) {
    return escape(text, false);
  }

  /** A message of several lines that quotes foreign text: as {@link #safe}, but its line breaks are kept. */
  public static String safeLines(String text) {
    return escape(text, true);
  }

  /**
   * {@code value} as indented JSON, with the characters {@link #safe} escapes written as
   * {@code \}{@code uXXXX} escapes: any JSON reader gets the exact values back.
   */
  public static String json(Object value) throws JsonProcessingException {
    return JSON.writeValueAsString(value);
  }

  private static String escape(String text, boolean keepLineBreaks) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    boolean changed = false;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i); // an unpaired surrogate comes back as itself
      boolean lineBreak = keepLineBreaks && (codePoint == '\n' || codePoint == '\r' && text.startsWith("\n", i + 1));
      if (lineBreak || !unsafe(codePoint)) {
        out.appendCodePoint(codePoint);
      } else {
        out.append(escapeOf(codePoint));
        changed = true;
      }
      i += Character.charCount(codePoint);
    }
    return changed ? out.toString() : text;
  }

  private static String escapeOf(int codePoint) {
    switch (codePoint) {
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        return codePoint < 0x100 ? String.format("\\x%02x", codePoint)
            : codePoint <= 0xFFFF ? String.format("\\u%04x", codePoint) : String.format("\\u{%x}", codePoint);
    }
  }

  /** Whether a terminal could act on the character, or it could disguise the text around it. */
  static boolean unsafe(int codePoint) {
    switch (Character.getType(codePoint)) {
      case Character.CONTROL: // C0, DEL, C1
      case Character.FORMAT: // bidi overrides and isolates, zero-width characters, BOM, soft hyphen
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SURROGATE: // unpaired: no character at all
        return true;
      default:
        return false;
    }
  }

  /** Jackson's JSON escapes plus {@code \}{@code uXXXX} for DEL and every non-ASCII character {@link #unsafe} names. */
  private static final class JsonEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = standardAsciiEscapesForJSON();

    JsonEscapes() {
      ascii[0x7F] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return unsafe(ch) && !Character.isSurrogate((char) ch) ? new SerializedString(String.format("\\u%04X", ch)) : null;
    }
  }
}
