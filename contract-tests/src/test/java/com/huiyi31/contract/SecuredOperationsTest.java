package com.huiyi31.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.huiyi31.client.api.AttendeeTypeApi;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client puts tokens on, and retries after a 401, exactly the operations of
 * {@link AttendeeTypeApi}. That is only safe because the spec marks them read-only: this test
 * fails when the spec gains a secured operation that the client would wire differently, so that
 * whoever adds it decides how it handles tokens and retries.
 */
class SecuredOperationsTest {

  @Test
  void theSecuredOperationsAreTheReadOnlyOnesThatTheClientRetriesAfterA401() throws IOException {
    JsonNode spec;
    try (InputStream in = getClass().getResourceAsStream("/huiyi31/openapi.yaml")) {
      spec = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
    List<String> secured = new ArrayList<>();
    List<String> securedAndReadOnly = new ArrayList<>();
    spec.path("paths").forEach(path -> path.properties().forEach(op -> {
      JsonNode operation = op.getValue();
      boolean needsToken = false;
      for (JsonNode requirement : operation.path("security")) {
        needsToken |= requirement.has("bearerAuth");
      }
      if (needsToken) {
        secured.add(operation.path("operationId").asText());
        if (operation.path("x-read-only").asBoolean(false)) {
          securedAndReadOnly.add(operation.path("operationId").asText());
        }
      }
    }));
    List<String> retriedByTheClient = Arrays.stream(AttendeeTypeApi.class.getDeclaredMethods()).map(Method::getName)
        .filter(name -> !name.endsWith("WithHttpInfo")).toList();

    assertThat(secured).as("operations with security bearerAuth").containsExactlyInAnyOrderElementsOf(retriedByTheClient);
    assertThat(securedAndReadOnly).as("of which marked x-read-only: true").containsExactlyInAnyOrderElementsOf(secured);
  }
}
