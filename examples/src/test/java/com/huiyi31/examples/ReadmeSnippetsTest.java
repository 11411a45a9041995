package com.huiyi31.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's Java snippets are these examples, with their imports: every {@code ```java} block of
 * README.md follows a {@code <!-- snippet: FILE#REGION -->} line and must equal that region of
 * FILE (between {@code // readme:start REGION} and {@code // readme:end REGION}, de-indented),
 * preceded by FILE's imports. After editing an example, rewrite the README's blocks with
 * {@code ./mvnw -B -ntp -pl examples -am test -Dtest=ReadmeSnippetsTest -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false -Dhuiyi31.updateReadme=true}.
 */
class ReadmeSnippetsTest {

  private static final Path README = Path.of(System.getProperty("huiyi31.readme", "../README.md"));
  private static final Path ROOT = Path.of(System.getProperty("huiyi31.examples.root", ".")).getParent();
  private static final Pattern BLOCK = Pattern.compile(
      "(?:<!-- snippet: (\\S+)#(\\S+) -->\\n)?```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyJavaBlockOfTheReadmeIsARegionOfAnExampleWithItsImports() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    StringBuilder updated = new StringBuilder();
    List<String> drifted = new ArrayList<>();
    Matcher block = BLOCK.matcher(readme);
    int blocks = 0;
    while (block.find()) {
      blocks++;
      assertThat(block.group(1)).as("the README's Java block %d has no <!-- snippet: FILE#REGION --> line above it: "
          + "take it from an example in examples/ so that a test compiles and runs it", blocks).isNotNull();
      String expected = snippet(ROOT.resolve(block.group(1)), block.group(2));
      if (!expected.equals(block.group(3))) {
        drifted.add(block.group(1) + "#" + block.group(2));
      }
      block.appendReplacement(updated, Matcher.quoteReplacement(
          "<!-- snippet: " + block.group(1) + "#" + block.group(2) + " -->\n```java\n" + expected + "```"));
    }
    block.appendTail(updated);
    if (Boolean.getBoolean("huiyi31.updateReadme")) {
      Files.writeString(README, updated, StandardCharsets.UTF_8);
      drifted.clear();
    }

    assertThat(blocks).as("Java blocks in the README").isGreaterThanOrEqualTo(3);
    assertThat(drifted).as("README snippets that differ from their example (rerun with -Dhuiyi31.updateReadme=true)")
        .isEmpty();
  }

  @Test
  void aSnippetIsTheFilesImportsThenTheRegionDeIndented() throws IOException {
    Path file = Files.createTempFile("Example", ".java");
    Files.writeString(file, String.join("\n",
        "package x;", "", "import a.B;", "import static c.D.e;", "", "class Example {", "  void f() {",
        "    // readme:start go", "    B b = e();", "      b.run();", "    // readme:end go", "  }", "}", ""));

    assertThat(snippet(file, "go")).isEqualTo("import a.B;\nimport static c.D.e;\n\nB b = e();\n  b.run();\n");
  }

  static String snippet(Path file, String region) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int start = lines.indexOf(lines.stream().filter(l -> l.trim().equals("// readme:start " + region)).findFirst()
        .orElseThrow(() -> new AssertionError(file + " has no '// readme:start " + region + "'")));
    int end = lines.indexOf(lines.stream().filter(l -> l.trim().equals("// readme:end " + region)).findFirst()
        .orElseThrow(() -> new AssertionError(file + " has no '// readme:end " + region + "'")));
    List<String> body = lines.subList(start + 1, end);
    int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
        .min().orElse(0);
    String imports = lines.stream().filter(l -> l.startsWith("import ")).collect(Collectors.joining("\n"));
    return imports + "\n\n" + body.stream().map(l -> l.isBlank() ? "" : l.substring(indent))
        .collect(Collectors.joining("\n")) + "\n";
  }
}
