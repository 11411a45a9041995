package com.huiyi31.cli.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What may reach a terminal from text the tool did not write. */
class TerminalTextTest {

  @Test
  void controlSequencesAreShownNotExecuted() {
    assertThat(TerminalText.safe("\u001b[2J清屏")).isEqualTo("\\x1b[2J清屏"); // ED: clear the screen
    assertThat(TerminalText.safe("\u001b]0;pwned\u0007")).isEqualTo("\\x1b]0;pwned\\x07"); // OSC: the window title
    assertThat(TerminalText.safe("\u009b31m")).isEqualTo("\\x9b31m"); // the one-character C1 CSI
    assertThat(TerminalText.safe("a\u0000b\u007fc\u0085d")).isEqualTo("a\\x00b\\x7fc\\x85d");
  }

  @Test
  void bidiOverridesAndInvisibleCharactersAreShown() {
    assertThat(TerminalText.safe("invoice\u202egpj.exe")).isEqualTo("invoice\\u202egpj.exe"); // RLO
    assertThat(TerminalText.safe("\u2066x\u2069\u200b\ufeff")).isEqualTo("\\u2066x\\u2069\\u200b\\ufeff");
    assertThat(TerminalText.safe("a\u2028b")).isEqualTo("a\\u2028b");
    assertThat(TerminalText.safe("\udc00x")).as("an unpaired surrogate").isEqualTo("\\udc00x");
    assertThat(TerminalText.safe("\udb40\udc01x")).as("a format character outside the BMP").isEqualTo("\\u{e0001}x");
  }

  @Test
  void aValueCannotForgeAnOutputLineButAMessageKeepsItsLines() {
    assertThat(TerminalText.safe("张晓明\nRegistered: order 1\r\tx")).isEqualTo("张晓明\\nRegistered: order 1\\r\\tx");
    assertThat(TerminalText.safeLines("line 1\nline 2\r\nline 3\rover\u001b[2J"))
        .isEqualTo("line 1\nline 2\r\nline 3\\rover\\x1b[2J");
  }

  @Test
  void printableTextIsKeptAsItIs() {
    String text = "张晓明 ǅ Ärger 😀 +86 139-1234-5678 \"quoted\" \\x1b";

    assertThat(TerminalText.safe(text)).isSameAs(text);
    assertThat(TerminalText.safe(null)).isEqualTo("null");
  }

  @Test
  void jsonEscapesWhatATerminalWouldActOnAndReadsBackExactly() throws IOException {
    Map<String, String> value = Map.of("name", "\u001b[2J\u009b31m\u202e\u007f张晓明 😀");

    String json = TerminalText.json(value);

    assertThat(json).doesNotContain("\u001b", "\u009b", "\u202e", "\u007f")
        .contains("\\u001B[2J", "\\u009B31m", "\\u202E", "\\u007F", "张晓明 😀");
    assertThat(new ObjectMapper().readValue(json, Map.class)).isEqualTo(value);
  }
}
