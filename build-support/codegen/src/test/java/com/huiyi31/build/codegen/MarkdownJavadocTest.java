package com.huiyi31.build.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownJavadocTest {

  private final MarkdownJavadoc javadoc = new MarkdownJavadoc(" * ");

  @Test
  void markdownBecomesJavadocHtml() {
    assertThat(javadoc.render("The event's id (`BventId`). **Inferred:** a GUID."))
        .isEqualTo("The event's id (<code>BventId</code>). <strong>Inferred:</strong> a GUID.");
  }

  @Test
  void theFirstParagraphOpensTheCommentAndTheOthersAreParagraphsOnPrefixedLines() {
    assertThat(javadoc.render("First.\n\nSecond\nline.\n\n- one\n- two\n"))
        .isEqualTo("First.\n * <p>Second\n * line.</p>\n * <ul>\n * <li>one</li>\n * <li>two</li>\n * </ul>");
  }

  @Test
  void nothingInADescriptionCanEndTheCommentStartATagOrBeAUnicodeEscape() {
    String rendered = javadoc.render("Ends */ here, @return tags, {@link X} and \\u002a/");

    assertThat(rendered).doesNotContain("*/", "@", "\\")
        .contains("*&#47;", "&#64;return", "{&#64;link X}", "&#92;u002a/");
  }

  @Test
  void htmlInADescriptionIsText() {
    assertThat(javadoc.render("Quantity < 1 & more")).isEqualTo("Quantity &lt; 1 &amp; more");
  }
}
