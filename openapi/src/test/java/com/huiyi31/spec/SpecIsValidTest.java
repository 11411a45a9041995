package com.huiyi31.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The build fails on a spec that is not valid OpenAPI 3, or that leaves part of the contract unexplained. */
class SpecIsValidTest {

  private static final Path SPEC = Path.of("openapi.yaml");

  @Test
  void theSpecParsesWithoutAnyMessage() throws IOException {
    SwaggerParseResult result = parse(Files.readString(SPEC));

    assertThat(result.getMessages()).as("parser messages for %s", SPEC).isEmpty();
    assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.0.3");
  }

  @Test
  void theCheckCatchesABrokenSpec() throws IOException {
    String broken = Files.readString(SPEC)
        .replace("$ref: '#/components/schemas/TicketItem'", "$ref: '#/components/schemas/NoSuchSchema'")
        .replace("type: integer", "type: integr");

    SwaggerParseResult result = parse(broken);

    assertThat(result.getMessages()).isNotEmpty();
  }

  @Test
  void everyOperationIsNamedAndExplained() throws IOException {
    OpenAPI api = parse(Files.readString(SPEC)).getOpenAPI();
    List<String> problems = new ArrayList<>();
    api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
      String where = method + " " + path;
      if (op.getOperationId() == null) problems.add(where + " has no operationId");
      if (op.getSummary() == null) problems.add(where + " has no summary");
      if (op.getDescription() == null) problems.add(where + " has no description");
      if (op.getTags() == null || op.getTags().isEmpty()) problems.add(where + " has no tag");
    }));

    assertThat(problems).isEmpty();
  }

  @Test
  @SuppressWarnings("rawtypes") // swagger-models' own signatures are raw
  void everySchemaAndPropertyIsDescribed() throws IOException {
    OpenAPI api = parse(Files.readString(SPEC)).getOpenAPI();
    List<String> undescribed = new ArrayList<>();
    for (Map.Entry<String, Schema> schema : api.getComponents().getSchemas().entrySet()) {
      if (schema.getValue().getDescription() == null) {
        undescribed.add(schema.getKey());
      }
      Map<String, Schema> properties = schema.getValue().getProperties();
      if (properties != null) {
        properties.forEach((name, property) -> {
          // A bare $ref takes the description of the schema it points to.
          if (property.getDescription() == null && property.get$ref() == null) {
            undescribed.add(schema.getKey() + "." + name);
          }
        });
      }
    }

    assertThat(undescribed).isEmpty();
  }

  @Test
  void bothEnvironmentsAreServers() throws IOException {
    OpenAPI api = parse(Files.readString(SPEC)).getOpenAPI();

    assertThat(api.getServers()).extracting(s -> s.getUrl())
        .containsExactly("https://test2-31api.31huiyi.com", "https://31api.31huiyi.com");
    assertThat(api.getServers()).allSatisfy(s -> assertThat(s.getDescription()).isNotBlank());
  }

  private static SwaggerParseResult parse(String yaml) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIParser().readContents(yaml, null, options);
  }
}
