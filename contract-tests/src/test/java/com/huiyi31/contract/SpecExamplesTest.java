package com.huiyi31.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples inside the spec are contract too: each one is valid where it is used, each one is
 * used, and the docs case of the recordings is the very same example.
 */
class SpecExamplesTest {

  private static final JsonNode SPEC = readSpec();

  /** Where an example is used: the operation, and the request or a response status. */
  record Use(String example, String path, String method, String status, String mediaType, boolean secured) {
    @Override
    public String toString() {
      return example + " (" + method + " " + path + (status == null ? " request" : " " + status) + ")";
    }
  }

  static List<Use> uses() {
    List<Use> uses = new ArrayList<>();
    SPEC.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
      if (op.getKey().equals("servers")) {
        return;
      }
      String method = op.getKey().toUpperCase();
      boolean secured = op.getValue().path("security").size() > 0;
      op.getValue().path("requestBody").path("content").properties().forEach(media ->
          media.getValue().path("examples").forEach(ex ->
              uses.add(new Use(refName(ex), path.getKey(), method, null, media.getKey(), secured))));
      op.getValue().path("responses").properties().forEach(status ->
          status.getValue().path("content").properties().forEach(media -> media.getValue().path("examples").forEach(ex ->
              uses.add(new Use(refName(ex), path.getKey(), method, status.getKey(), media.getKey(), secured)))));
    }));
    return uses;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("uses")
  void eachExampleIsValidWhereItIsUsed(Use use) throws IOException {
    JsonNode example = example(use.example());
    String value = use.mediaType().equals("application/x-www-form-urlencoded")
        ? formEncoded(example) : new ObjectMapper().writeValueAsString(example);

    ValidationReport report = use.status() == null
        ? SpecValidator.INSTANCE.validateExample(use.path(), use.method(), use.mediaType(), value, use.secured())
        : SpecValidator.INSTANCE.validateResponseExample(use.path(), use.method(), Integer.parseInt(use.status()), value);

    assertThat(report.hasErrors()).as(SpecValidator.describe(report)).isFalse();
  }

  @Test
  void everyExampleIsUsed() {
    Set<String> declared = new HashSet<>();
    SPEC.path("components").path("examples").fieldNames().forEachRemaining(declared::add);
    Set<String> used = new HashSet<>();
    uses().forEach(use -> used.add(use.example()));

    assertThat(used).containsExactlyInAnyOrderElementsOf(declared);
  }

  @Test
  void theDocsRecordingIsTheSpecsOwnExample() throws IOException {
    RecordedCase docs = RecordedCase.named("docs-example-registered");
    RecordedCase rejection = RecordedCase.named("business-rejection-mobile-taken");

    assertThat(docs.requestJson()).isEqualTo(example("RegisterAttendeeRequestDocs"));
    assertThat(RecordedCase.STRICT.readTree(docs.responseBody())).isEqualTo(example("RegisterAttendeeRegistered"));
    assertThat(RecordedCase.STRICT.readTree(rejection.responseBody()))
        .isEqualTo(example("RegisterAttendeeRejectedMobileTaken"));
  }

  /** A request example of a form body, as the form it stands for. */
  private static String formEncoded(JsonNode example) {
    List<String> pairs = new ArrayList<>();
    example.properties().forEach(p -> pairs.add(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(p.getValue().asText(), StandardCharsets.UTF_8)));
    return String.join("&", pairs);
  }

  private static JsonNode example(String name) {
    JsonNode value = SPEC.path("components").path("examples").path(name).path("value");
    assertThat(value.isMissingNode()).as("components/examples/%s/value", name).isFalse();
    return value;
  }

  private static String refName(JsonNode example) {
    String ref = example.path("$ref").asText();
    assertThat(ref).as("examples are referenced from components/examples").startsWith("#/components/examples/");
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  private static JsonNode readSpec() {
    try (InputStream in = SpecExamplesTest.class.getResourceAsStream("/huiyi31/openapi.yaml")) {
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

}
