package com.huiyi31.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every string a client sends has a {@code maxLength}, so that validators, generated clients and
 * the sandbox refuse a 20 MB value before the platform has to; and because the platform publishes
 * no limits, each bound says in its description that it is inferred, and which number it is.
 */
class RequestBoundsTest {

  private static final Path SPEC = Path.of("openapi.yaml");

  @Test
  void everyRequestStringHasAnInferredMaxLength() throws IOException {
    assertThat(unboundedRequestStrings(Files.readString(SPEC))).isEmpty();
  }

  @Test
  void theCheckCatchesAnUnboundedOrUnexplainedString() throws IOException {
    String spec = Files.readString(SPEC);
    String unbounded = spec.replaceFirst("\\n {10}maxLength: 2000\\n", "\n");
    String unexplained = spec.replaceFirst("`maxLength` 256", "`maxLength` 255");

    assertThat(unboundedRequestStrings(unbounded)).singleElement().asString()
        .contains("FieldValue", "has no maxLength");
    assertThat(unboundedRequestStrings(unexplained)).singleElement().asString()
        .contains("appKey", "does not say");
  }

  /** Each string property of a request body (JSON or form, at any depth) that lacks a bound or its explanation. */
  private static List<String> unboundedRequestStrings(String yaml) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    OpenAPI api = new OpenAPIParser().readContents(yaml, null, options).getOpenAPI();
    List<String> problems = new ArrayList<>();
    api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
      if (operation.getRequestBody() != null) {
        operation.getRequestBody().getContent().forEach((type, media) ->
            walk(method + " " + path + " " + type + " ", "$", media.getSchema(), problems));
      }
    }));
    return problems;
  }

  @SuppressWarnings({"rawtypes", "unchecked"}) // swagger-models' own signatures are raw
  private static void walk(String where, String path, Schema schema, List<String> problems) {
    if (schema == null) {
      return;
    }
    if ("string".equals(schema.getType()) && schema.getEnum() == null) {
      String description = schema.getDescription() == null ? "" : schema.getDescription().replaceAll("\\s+", " ");
      if (schema.getMaxLength() == null) {
        problems.add(where + path + " has no maxLength");
      } else if (!description.contains("**Inferred:**") || !description.contains("`maxLength` " + schema.getMaxLength())) {
        problems.add(where + path + " does not say that its maxLength " + schema.getMaxLength()
            + " is inferred (\"**Inferred:** ... `maxLength` " + schema.getMaxLength() + "\" in its description)");
      }
    }
    if (schema.getItems() != null) {
      walk(where, path + "[]", schema.getItems(), problems);
    }
    if (schema.getProperties() != null) {
      ((java.util.Map<String, Schema>) schema.getProperties())
          .forEach((name, property) -> walk(where, path + "." + name, property, problems));
    }
  }
}
