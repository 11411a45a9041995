package com.huiyi31.build.codegen;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.Writer;
import org.openapitools.codegen.utils.Markdown;

/**
 * A template lambda: its content (a raw description, {@code {{{unescapedDescription}}}}) as
 * Markdown rendered to HTML, made safe inside a Javadoc comment and continued on each line with
 * the given prefix.
 */
final class MarkdownJavadoc implements Mustache.Lambda {

  private final Markdown markdown = new Markdown();
  private final String linePrefix;

  MarkdownJavadoc(String linePrefix) {
    this.linePrefix = linePrefix;
  }

  @Override
  public void execute(Template.Fragment fragment, Writer out) throws IOException {
    out.write(render(fragment.execute()));
  }

  String render(String description) {
    String html = markdown.toHtml(description.strip()).strip();
    // The first paragraph opens the comment without <p> (Javadoc's own first-sentence style).
    if (html.startsWith("<p>")) {
      int end = html.indexOf("</p>");
      html = html.substring("<p>".length(), end) + html.substring(end + "</p>".length());
    }
    String safe = html
        .replace("*/", "*&#47;")     // would end the comment
        .replace("@", "&#64;")       // would start a Javadoc tag
        .replace("\\", "&#92;");     // a backslash and u would be a Unicode escape, even in a comment
    return String.join("\n" + linePrefix, safe.lines().map(String::stripTrailing).toList());
  }
}
