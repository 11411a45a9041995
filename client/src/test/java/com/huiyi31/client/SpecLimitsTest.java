package com.huiyi31.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The client's limits are the contract's {@code maxLength}s, read from openapi.yaml: the one place
 * they are decided. (RequestLimitsTest checks that the validator enforces the table below.)
 */
class SpecLimitsTest {

  @Test
  void theRegisterLimitsAreTheSpecsMaxLengths() throws IOException {
    Map<String, Integer> spec = new LinkedHashMap<>();
    maxLengths("$", schema(readSpec(), "RegisterAttendeeRequest"), spec);

    assertThat(spec).containsExactlyInAnyOrderEntriesOf(RequestLimitsTest.REGISTER_LIMITS);
  }

  @Test
  void theTypeListsAndTheTokenFormsLimitsAreTheSpecs() throws IOException {
    OpenAPI api = readSpec();

    assertThat(property(api, "ListAttendeeTypesRequest", "BventId").getMaxLength()).isEqualTo(RequestValidator.Limits.ID);
    assertThat(property(api, "TokenRequest", "appKey").getMaxLength()).isEqualTo(Huiyi31Client.Builder.MAX_APP_KEY);
    assertThat(property(api, "TokenRequest", "appSecret").getMaxLength()).isEqualTo(Huiyi31Client.Builder.MAX_APP_SECRET);
  }

  @Test
  void theMobileAndEmailLimitsAreTheOnesTheSpecNames() throws IOException {
    String fieldValue = property(readSpec(), "FormField", "FieldValue").getDescription().replaceAll("\\s+", " ");

    assertThat(fieldValue).contains("(at most " + RequestValidator.Limits.MOBILE + " characters)",
        "(at most " + RequestValidator.Limits.EMAIL + ", RFC 5321)");
    assertThat(property(readSpec(), "Purchaser", "Mobile").getMaxLength()).isEqualTo(RequestValidator.Limits.MOBILE);
  }

  @SuppressWarnings({"rawtypes", "unchecked"}) // swagger-models' own signatures are raw
  private static void maxLengths(String path, Schema schema, Map<String, Integer> out) {
    if (schema.getMaxLength() != null) {
      out.put(path, schema.getMaxLength());
    }
    if (schema.getItems() != null) {
      maxLengths(path + "[0]", schema.getItems(), out);
    }
    if (schema.getProperties() != null) {
      ((Map<String, Schema>) schema.getProperties()).forEach((name, p) -> maxLengths(path + "." + name, p, out));
    }
  }

  @SuppressWarnings("rawtypes")
  private static Schema property(OpenAPI api, String schema, String property) {
    return (Schema) schema(api, schema).getProperties().get(property);
  }

  @SuppressWarnings("rawtypes")
  private static Schema schema(OpenAPI api, String name) {
    return api.getComponents().getSchemas().get(name);
  }

  /** The spec with every $ref resolved in place. */
  private static OpenAPI readSpec() throws IOException {
    try (InputStream in = SpecLimitsTest.class.getClassLoader().getResourceAsStream("huiyi31/openapi.yaml")) {
      assertThat(in).as("huiyi31/openapi.yaml on the test classpath").isNotNull();
      ParseOptions options = new ParseOptions();
      options.setResolve(true);
      options.setResolveFully(true);
      return new OpenAPIV3Parser().readContents(new String(in.readAllBytes(), StandardCharsets.UTF_8), null, options)
          .getOpenAPI();
    }
  }
}
