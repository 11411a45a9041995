package com.huiyi31.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

/**
 * The token form's fixed values are named enums ("Decision (fixed values)" on {@code TokenRequest}),
 * so that generated clients check them instead of the issuer answering a typo with HTTP 400; the
 * claims that decision makes about the gate and the generators are checked here.
 */
class TokenFormFixedValuesTest {

  /** Each fixed form parameter, the enum it refers to, and the values the platform's docs give. */
  private static final Map<String, Map.Entry<String, List<String>>> FIXED = Map.of(
      "grant_type", Map.entry("TokenGrantType", List.of("custom_user_code", "refresh_token")),
      "client_id", Map.entry("TokenClientId", List.of("openapi")),
      "scope", Map.entry("TokenScope", List.of("offline_access OpenAppGateway")),
      "method", Map.entry("TokenMethod", List.of("client_secret")));

  @TempDir Path temp;

  @Test
  @SuppressWarnings("rawtypes") // swagger-models' own signatures are raw
  void eachFixedValueIsANamedEnumOfTheDocumentedValuesWithoutADefault() throws IOException {
    OpenAPI api = parse(Files.readString(SpecCompatibilityTest.SPEC));
    Map<String, Schema> schemas = api.getComponents().getSchemas();

    FIXED.forEach((parameter, named) -> {
      Schema property = (Schema) schemas.get("TokenRequest").getProperties().get(parameter);
      assertThat(property.get$ref()).as(parameter).isEqualTo("#/components/schemas/" + named.getKey());
      Schema values = schemas.get(named.getKey());
      assertThat(values.getType()).as(named.getKey()).isEqualTo("string");
      assertThat(values.getEnum()).as(named.getKey()).containsExactlyElementsOf(named.getValue());
      assertThat(values.getDefault()).as(named.getKey() + ": no default (the platform documents none)").isNull();
    });
  }

  @Test
  @SuppressWarnings("rawtypes")
  void turningTheFreeStringsIntoEnumsIsAdditiveForTheGate() throws IOException {
    OpenAPI freeStrings = parse(Files.readString(SpecCompatibilityTest.SPEC));
    FIXED.values().forEach(named -> {
      Schema values = freeStrings.getComponents().getSchemas().get(named.getKey());
      values.setEnum(null);
      values.setExample(null);
    });
    Path before = Files.writeString(temp.resolve("before.yaml"), Yaml.pretty(freeStrings));
    Path now = Files.writeString(temp.resolve("openapi.yaml"),
        Yaml.pretty(parse(Files.readString(SpecCompatibilityTest.SPEC))));

    BreakingChangeGate.Verdict verdict = BreakingChangeGate.compare(before, now);

    assertThat(verdict.passes()).as(verdict.report()).isTrue();
    assertThat(verdict.report()).contains("`client_id`: enum values added [openapi]");
  }

  @ParameterizedTest(name = "{0} types client_id as TokenClientId")
  @CsvSource(delimiter = '|', value = {
      "python           | openapi_client/api/token_api.py | client_id: TokenClientId,",
      "typescript-fetch | apis/TokenApi.ts                | clientId: TokenClientId;",
      "go               | api_token.go                    | clientId *TokenClientId"})
  void theGeneratorsTheDecisionNamesCheckTheValue(String generator, String file, String declaration) {
    Path out = temp.resolve(generator);

    new DefaultGenerator().opts(new CodegenConfigurator()
        .setInputSpec(SpecCompatibilityTest.SPEC.toString())
        .setGeneratorName(generator)
        .setOutputDir(out.toString())
        .addGlobalProperty("apis", "Token")
        .addGlobalProperty("apiDocs", "false")
        .addGlobalProperty("apiTests", "false")
        .toClientOptInput()).generate();

    assertThat(out.resolve(file)).content().contains(declaration);
  }

  private static OpenAPI parse(String yaml) {
    OpenAPI api = new OpenAPIParser().readContents(yaml, null, null).getOpenAPI();
    assertThat(api).as("the spec parses").isNotNull();
    return api;
  }
}
