package com.huiyi31.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huiyi31.spec.BreakingChangeGate.Verdict;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

/**
 * The gate itself, on copies of the real spec written to a temporary folder (the real
 * openapi.yaml is only read, never edited): breaking edits fail it with a report naming them, a
 * MAJOR version bump lets them through, additive edits pass and are reported.
 *
 * <p>The edits are made on the parsed spec and find their targets themselves (the Register
 * operation today: its request and 200 response schemas, an optional request field, an int32
 * property), so the tests keep working as the spec grows. The baseline and the edited spec are
 * written by the same serializer, so that only the edit differs between them.
 */
class BreakingChangeGateTest {

  @TempDir
  Path temp;

  /** A fresh parse of the real spec, for each test to edit. */
  private OpenAPI spec;
  private Path baseline;
  /** The operation the edits aim at: the first one with a JSON request body and a JSON 2xx response. */
  private Target target;
  /** The spec's version, and the next MAJOR and MINOR versions after it. */
  private String version;
  private String nextMajor;
  private String nextMinor;

  record Target(String method, String path, Operation operation) {
    String where() {
      return method + " " + path;
    }
  }

  @BeforeEach
  void releaseTheCurrentSpec() throws IOException {
    spec = parse(Files.readString(SpecCompatibilityTest.SPEC));
    baseline = write("baseline.yaml", spec);
    spec = parse(Files.readString(baseline));
    target = findTarget(spec);
    version = spec.getInfo().getVersion();
    String[] parts = version.split("[.-]");
    nextMajor = (Integer.parseInt(parts[0]) + 1) + ".0.0";
    nextMinor = parts[0] + "." + (Integer.parseInt(parts[1]) + 1) + ".0";
  }

  // ---- breaking edits ----

  /** An edit of the spec, and what the report must then say. */
  record Edit(String name, Consumer<BreakingChangeGateTest> apply, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> breakingEdits() {
    return Stream.of(
        new Edit("a response property removed",
            t -> t.responseSchema().getProperties().remove(t.optionalResponseProperty()),
            "response property `%s` removed"),
        new Edit("a required request property added",
            t -> t.addRequestProperty("AddedRequiredField", true),
            "request property `AddedRequiredField` is now required"),
        new Edit("an optional request property made required",
            t -> t.requestSchema().addRequiredItem(t.optionalRequestProperty()),
            "request property `%s` is now required"),
        new Edit("the operationId renamed",
            t -> t.target.operation().setOperationId(t.target.operation().getOperationId() + "Renamed"),
            "operationId renamed from `%1$s` to `%1$sRenamed`"),
        new Edit("an int32 property made int64",
            t -> t.int32Property().setFormat("int64"),
            "type changed from integer (int32) to integer (int64)"),
        new Edit("an error response removed",
            t -> t.target.operation().getResponses().remove(t.errorResponse()),
            "response %s removed"))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0} fails the gate")
  @MethodSource("breakingEdits")
  void aBreakingEditFailsTheGateAndIsNamed(Edit edit) throws IOException {
    String expected = expectedText(edit);
    edit.apply().accept(this);

    Verdict verdict = compareWithEditedSpec();

    assertThat(verdict.passes()).isFalse();
    assertThatThrownBy(() -> BreakingChangeGate.enforce(verdict))
        .hasMessageStartingWith("OpenAPI compatibility: openapi.yaml " + version + " against the last release")
        .hasMessageContaining("FAILED: ")
        .hasMessageContaining("info.version " + nextMajor + " and the Maven version with it")
        .hasMessageContaining("Breaking (")
        .hasMessageContaining(target.where())
        .hasMessageContaining(expected);
  }

  @Test
  void breakingEditsPassWhenTheMajorVersionIsBumped() throws IOException {
    String removed = optionalResponseProperty();
    String operationId = target.operation().getOperationId();
    responseSchema().getProperties().remove(removed);
    target.operation().setOperationId(operationId + "Renamed");
    spec.getInfo().setVersion(nextMajor);

    Verdict verdict = compareWithEditedSpec();

    assertThatCode(() -> BreakingChangeGate.enforce(verdict)).doesNotThrowAnyException();
    assertThat(verdict.report())
        .contains("PASSED: 2 breaking change(s), allowed because the MAJOR version went from " + version + " to " + nextMajor)
        .contains("response property `" + removed + "` removed")
        .contains("operationId renamed from `" + operationId + "` to `" + operationId + "Renamed`");
  }

  @Test
  void aMinorBumpDoesNotAllowABreakingEdit() throws IOException {
    String removed = optionalResponseProperty();
    responseSchema().getProperties().remove(removed);
    spec.getInfo().setVersion(nextMinor);

    Verdict verdict = compareWithEditedSpec();

    assertThatThrownBy(() -> BreakingChangeGate.enforce(verdict))
        .hasMessageContaining("info.version " + nextMajor + " and the Maven version with it")
        .hasMessageContaining("response property `" + removed + "` removed");
  }

  // ---- edits that pass ----

  @Test
  void aNewOptionalResponsePropertyPassesAndIsReported() throws IOException {
    responseSchema().addProperty("addedOptionalField", new StringSchema().description("Added by the test."));

    Verdict verdict = compareWithEditedSpec();

    assertThatCode(() -> BreakingChangeGate.enforce(verdict)).doesNotThrowAnyException();
    assertThat(verdict.breaking()).isEmpty();
    assertThat(verdict.report())
        .contains("PASSED: no breaking changes.")
        .contains("Added or compatible (1):")
        .contains(target.where() + " response 200 application/json: response property `addedOptionalField` added (optional)");
  }

  @Test
  void aNewOptionalResponsePropertyRegeneratesWithANewGetter() throws IOException {
    responseSchema().addProperty("addedOptionalField", new StringSchema().description("Added by the test."));
    Path edited = write("openapi.yaml", spec);
    Path out = temp.resolve("generated");

    // The Java client's own generator and options (generated-client/pom.xml), as a library.
    new DefaultGenerator().opts(new CodegenConfigurator()
        .setInputSpec(edited.toString())
        .setGeneratorName("java")
        .setLibrary("feign")
        .setOutputDir(out.toString())
        .setModelPackage("com.huiyi31.client.model")
        .setApiPackage("com.huiyi31.client.api")
        .setInvokerPackage("com.huiyi31.client.invoker")
        .addAdditionalProperty("useJakartaEe", true)
        .addAdditionalProperty("openApiNullable", false)
        .addAdditionalProperty("containerDefaultToNull", true)
        .addGlobalProperty("models", "")
        .addGlobalProperty("modelDocs", "false")
        .addGlobalProperty("modelTests", "false")
        .toClientOptInput()).generate();

    String refName = json(target.operation().getResponses().get("200").getContent()).getSchema().get$ref();
    String model = refName.substring(refName.lastIndexOf('/') + 1);
    assertThat(out.resolve("src/main/java/com/huiyi31/client/model/" + model + ".java"))
        .content().contains("public String getAddedOptionalField()");
    assertThat(BreakingChangeGate.compare(baseline, edited).passes()).isTrue();
  }

  @Test
  void aNewOptionalRequestPropertyPassesAndIsReported() throws IOException {
    addRequestProperty("AddedOptionalField", false);

    Verdict verdict = compareWithEditedSpec();

    assertThat(verdict.passes()).isTrue();
    assertThat(verdict.report()).contains("request property `AddedOptionalField` added (optional)");
  }

  @Test
  void aNewEndpointPassesAndIsReported() throws IOException {
    spec.getPaths().addPathItem("/added/by/test", new PathItem().get(new Operation()
        .operationId("addedByTest").summary("Added by the test")
        .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")))));

    Verdict verdict = compareWithEditedSpec();

    assertThat(verdict.passes()).isTrue();
    assertThat(verdict.report()).contains("GET /added/by/test: endpoint added");
  }

  @Test
  void anEditedDescriptionIsDocumentationOnly() throws IOException {
    target.operation().setDescription(target.operation().getDescription() + " Edited by the test.");

    Verdict verdict = compareWithEditedSpec();

    assertThat(verdict.passes()).isTrue();
    assertThat(verdict.breaking()).isEmpty();
    assertThat(verdict.compatible()).isEmpty();
    assertThat(verdict.documentation()).extracting(Object::toString).contains(target.where() + ": description changed");
  }

  @Test
  void theUnchangedSpecPasses() throws IOException {
    Verdict verdict = compareWithEditedSpec();

    assertThat(verdict.passes()).isTrue();
    assertThat(verdict.changes()).isEmpty();
    assertThat(verdict.report()).contains("PASSED: no changes.");
  }

  @Test
  void aVersionThatGoesBackwardsFails() throws IOException {
    OpenAPI released = parse(Files.readString(baseline));
    released.getInfo().setVersion(nextMinor);
    baseline = write("baseline.yaml", released);

    Verdict verdict = compareWithEditedSpec();

    assertThatThrownBy(() -> BreakingChangeGate.enforce(verdict))
        .hasMessageContaining("info.version went backwards, from " + nextMinor + " to " + version);
  }

  @Test
  void theReportsAreWrittenForPeople() throws IOException {
    String removed = optionalResponseProperty();
    responseSchema().getProperties().remove(removed);
    Verdict verdict = compareWithEditedSpec();

    verdict.writeTo(temp.resolve("reports"));

    assertThat(temp.resolve("reports/compatibility.txt")).content().isEqualTo(verdict.report());
    assertThat(temp.resolve("reports/openapi-diff.md")).content().contains(removed);
  }

  // ---- finding what to edit ----

  private static Target findTarget(OpenAPI api) {
    for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
        Operation operation = op.getValue();
        if (operation.getRequestBody() != null && json(operation.getRequestBody().getContent()) != null
            && operation.getResponses().get("200") != null
            && json(operation.getResponses().get("200").getContent()) != null
            && hasOptionalProperty(api, json(operation.getRequestBody().getContent()).getSchema())) {
          return new Target(op.getKey().toString(), path.getKey(), operation);
        }
      }
    }
    throw new AssertionError("the spec has no operation with a JSON request body (with an optional property)"
        + " and a JSON 200 response to edit");
  }

  /** Some edits make an optional request property required: the target needs one. */
  private static boolean hasOptionalProperty(OpenAPI api, Schema<?> schema) {
    Schema<?> named = schema.get$ref() == null ? schema
        : api.getComponents().getSchemas().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
    List<String> required = named.getRequired() == null ? List.of() : named.getRequired();
    return named.getProperties() != null && named.getProperties().keySet().stream().anyMatch(p -> !required.contains(p));
  }

  private static MediaType json(io.swagger.v3.oas.models.media.Content content) {
    return content == null ? null : content.get("application/json");
  }

  private Schema<?> component(Schema<?> schema) {
    return schema.get$ref() == null ? schema
        : spec.getComponents().getSchemas().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
  }

  Schema<?> requestSchema() {
    return component(json(target.operation().getRequestBody().getContent()).getSchema());
  }

  Schema<?> responseSchema() {
    return component(json(target.operation().getResponses().get("200").getContent()).getSchema());
  }

  String optionalRequestProperty() {
    return firstOptional(requestSchema());
  }

  String optionalResponseProperty() {
    return firstOptional(responseSchema());
  }

  private static String firstOptional(Schema<?> schema) {
    List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
    return schema.getProperties().keySet().stream().filter(name -> !required.contains(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no optional property in " + schema.getName()));
  }

  void addRequestProperty(String name, boolean required) {
    requestSchema().addProperty(name, new StringSchema().description("Added by the test."));
    if (required) {
      requestSchema().addRequiredItem(name);
    }
  }

  /** The first property typed integer/int32 of the target's response (the report names the operation). */
  Schema<?> int32Property() {
    List<Schema<?>> found = new ArrayList<>();
    for (Schema<?> property : responseSchema().getProperties().values()) {
      if ("integer".equals(property.getType()) && "int32".equals(property.getFormat())) {
        found.add(property);
      }
    }
    assertThat(found).as("an int32 property in the response of " + target.where()).isNotEmpty();
    return found.get(0);
  }

  String errorResponse() {
    return target.operation().getResponses().keySet().stream().filter(status -> !status.startsWith("2"))
        .findFirst().orElseThrow(() -> new AssertionError("no error response on " + target.where()));
  }

  /** The expected report text of an edit, with the names it will pick filled in. */
  private String expectedText(Edit edit) {
    return switch (edit.name()) {
      case "a response property removed" -> edit.expected().formatted(optionalResponseProperty());
      case "an optional request property made required" -> edit.expected().formatted(optionalRequestProperty());
      case "the operationId renamed" -> edit.expected().formatted(target.operation().getOperationId());
      case "an error response removed" -> edit.expected().formatted(errorResponse());
      default -> edit.expected();
    };
  }

  // ---- reading and writing copies ----

  private Verdict compareWithEditedSpec() throws IOException {
    return BreakingChangeGate.compare(baseline, write("openapi.yaml", spec));
  }

  private Path write(String name, OpenAPI api) throws IOException {
    return Files.writeString(temp.resolve(name), Yaml.pretty(api));
  }

  private static OpenAPI parse(String yaml) {
    OpenAPI api = new OpenAPIParser().readContents(yaml, null, null).getOpenAPI();
    assertThat(api).as("the spec parses").isNotNull();
    return api;
  }
}
