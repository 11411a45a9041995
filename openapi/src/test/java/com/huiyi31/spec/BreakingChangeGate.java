package com.huiyi31.spec;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedExample;
import org.openapitools.openapidiff.core.model.ChangedExamples;
import org.openapitools.openapidiff.core.model.ChangedExtensions;
import org.openapitools.openapidiff.core.model.ChangedHeader;
import org.openapitools.openapidiff.core.model.ChangedHeaders;
import org.openapitools.openapidiff.core.model.ChangedList;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedMetadata;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedRequestBody;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.ComposedChanged;
import org.openapitools.openapidiff.core.model.DiffResult;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.model.schema.ChangedRequired;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * The spec's breaking-change gate: compares {@code openapi.yaml} with the last released spec
 * ({@code baseline/openapi.yaml}) and decides whether clients generated from the release still
 * compile and work against the new one.
 *
 * <p>What is breaking is what <a href="https://github.com/OpenAPITools/openapi-diff">openapi-diff</a>
 * says is incompatible (a removed endpoint, response or media type; a request property that
 * became required; a changed type or format; a new value of a response enum; ...), plus two
 * changes that it lets through but that break code generated from the spec, which is how this
 * project and every other team use it:
 *
 * <ul>
 *   <li>an operationId renamed: it is the name of the generated method ({@code AttendeeApi.registerAttendee});
 *   <li>a property removed, from a request or a response: its getter or setter disappears (and a
 *       response field that clients read is gone). openapi-diff objects only to removing a
 *       required response property.
 * </ul>
 *
 * <p>Breaking changes pass only when the spec's MAJOR version ({@code info.version}) is greater
 * than the baseline's. Everything else (a new endpoint, a new optional property, an edited
 * description) passes and is listed in the report.
 */
final class BreakingChangeGate {

  enum Kind {
    BREAKING,
    /** Breaking, but named in {@code accepted-breaking-changes.yaml} while the baseline is unreleased ({@link AcceptedChanges}). */
    ACCEPTED,
    COMPATIBLE,
    DOCUMENTATION
  }

  /** One change: where in the API, and what happened there. */
  record Change(Kind kind, String where, String what) {
    @Override
    public String toString() {
      return where + ": " + what;
    }
  }

  /** The outcome of one comparison. */
  record Verdict(
      String baselineVersion, String currentVersion, List<Change> changes, ChangedOpenApi diff, String problem) {

    List<Change> breaking() {
      return of(Kind.BREAKING);
    }

    List<Change> compatible() {
      return of(Kind.COMPATIBLE);
    }

    List<Change> accepted() {
      return of(Kind.ACCEPTED);
    }

    List<Change> documentation() {
      return of(Kind.DOCUMENTATION);
    }

    private List<Change> of(Kind kind) {
      return changes.stream().filter(c -> c.kind() == kind).toList();
    }

    boolean majorBumped() {
      return major(currentVersion) > major(baselineVersion);
    }

    boolean passes() {
      return problem == null && (breaking().isEmpty() || majorBumped());
    }

    /** The report for people: verdict first, then every change by kind. */
    String report() {
      StringBuilder out = new StringBuilder();
      out.append("OpenAPI compatibility: openapi.yaml ").append(currentVersion)
          .append(" against the last release, baseline/openapi.yaml ").append(baselineVersion).append('\n');
      if (problem != null) {
        out.append("FAILED: ").append(problem).append('\n');
      } else if (!breaking().isEmpty() && !majorBumped()) {
        out.append("FAILED: ").append(breaking().size())
            .append(" breaking change(s): clients generated from ").append(baselineVersion)
            .append(" would stop compiling or working. Undo them, or release them as a new MAJOR version:")
            .append(" info.version ").append(major(baselineVersion) + 1).append(".0.0 and the Maven version with it")
            .append(" (see RELEASING.md).\n");
      } else if (!breaking().isEmpty()) {
        out.append("PASSED: ").append(breaking().size()).append(" breaking change(s), allowed because the MAJOR")
            .append(" version went from ").append(baselineVersion).append(" to ").append(currentVersion)
            .append(". Say so under \"Changed\"/\"Removed\" in CHANGELOG.md.\n");
      } else if (!accepted().isEmpty()) {
        out.append("PASSED: ").append(accepted().size()).append(" breaking change(s) accepted before the first")
            .append(" release (accepted-breaking-changes.yaml; the baseline ").append(baselineVersion)
            .append(" was never released). Say so under \"Changed\" in CHANGELOG.md.\n");
      } else if (changes.isEmpty()) {
        out.append("PASSED: no changes.\n");
      } else {
        out.append("PASSED: no breaking changes.\n");
      }
      section(out, "Breaking", breaking());
      section(out, "Breaking, accepted before the first release", accepted());
      section(out, "Added or compatible", compatible());
      section(out, "Documentation only (descriptions, examples, summaries)", documentation());
      return out.toString();
    }

    private static void section(StringBuilder out, String title, List<Change> changes) {
      if (changes.isEmpty()) {
        return;
      }
      out.append('\n').append(title).append(" (").append(changes.size()).append("):\n");
      changes.forEach(c -> out.append("  - ").append(c).append('\n'));
    }

    /** Writes the report, and openapi-diff's own Markdown report, into {@code directory}. */
    void writeTo(Path directory) {
      try {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("compatibility.txt"), report(), StandardCharsets.UTF_8);
        if (diff != null) {
          try (OutputStreamWriter writer = new OutputStreamWriter(
              Files.newOutputStream(directory.resolve("openapi-diff.md")), StandardCharsets.UTF_8)) {
            new MarkdownRender().render(diff, writer);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final Pattern SEMVER = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)([-+].*)?");

  private final List<Change> changes = new ArrayList<>();
  private final Set<Object> visited = Collections.newSetFromMap(new IdentityHashMap<>());

  private BreakingChangeGate() {}

  /** Compares the spec at {@code current} with the released one at {@code baseline}. */
  static Verdict compare(Path baseline, Path current) {
    String baselineYaml = read(baseline);
    String currentYaml = read(current);
    OpenAPI oldApi = parse(baseline, baselineYaml);
    OpenAPI newApi = parse(current, currentYaml);
    String oldVersion = oldApi.getInfo().getVersion();
    String newVersion = newApi.getInfo().getVersion();
    for (String version : List.of(oldVersion, newVersion)) {
      if (version == null || !SEMVER.matcher(version).matches()) {
        return new Verdict(oldVersion, newVersion, List.of(), null,
            "info.version `" + version + "` is not a semantic version MAJOR.MINOR.PATCH");
      }
    }
    if (compareVersions(newVersion, oldVersion) < 0) {
      return new Verdict(oldVersion, newVersion, List.of(), null,
          "info.version went backwards, from " + oldVersion + " to " + newVersion);
    }

    // openapi-diff parses its own copies (it may resolve and rewrite them).
    OpenApiDiffOptions options = OpenApiDiffOptions.builder()
        .configProperty("incompatible.operation.id.changed", "true")
        .build();
    ChangedOpenApi diff = OpenApiCompare.fromContents(baselineYaml, currentYaml, null, options);

    BreakingChangeGate gate = new BreakingChangeGate();
    gate.operationIds(oldApi, newApi);
    gate.openApi(diff);
    return new Verdict(oldVersion, newVersion, List.copyOf(gate.changes), diff, null);
  }

  /** Fails (as a test failure, so the build stops) with the whole report unless the verdict passes. */
  static void enforce(Verdict verdict) {
    if (!verdict.passes()) {
      throw new AssertionError(verdict.report());
    }
  }

  // ---- the checks of our own ----

  /** Same path and method, different operationId: the generated method has a new name. */
  private void operationIds(OpenAPI oldApi, OpenAPI newApi) {
    oldApi.getPaths().forEach((path, oldItem) -> {
      PathItem newItem = newApi.getPaths().get(path);
      if (newItem == null) {
        return; // a removed endpoint, reported by openapi-diff
      }
      Map<PathItem.HttpMethod, Operation> newOperations = newItem.readOperationsMap();
      oldItem.readOperationsMap().forEach((method, oldOp) -> {
        Operation newOp = newOperations.get(method);
        if (newOp != null && !Objects.equals(oldOp.getOperationId(), newOp.getOperationId())) {
          add(Kind.BREAKING, method + " " + path,
              "operationId renamed from `" + oldOp.getOperationId() + "` to `" + newOp.getOperationId()
                  + "`: this renames the generated method in every client");
        }
      });
    });
  }

  // ---- openapi-diff's result, walked so that each change is named where it happened ----

  private void openApi(ChangedOpenApi diff) {
    for (Endpoint e : diff.getMissingEndpoints()) {
      add(Kind.BREAKING, e.getMethod() + " " + e.getPathUrl(), "endpoint removed");
    }
    for (Endpoint e : diff.getNewEndpoints()) {
      add(Kind.COMPATIBLE, e.getMethod() + " " + e.getPathUrl(), "endpoint added");
    }
    for (ChangedOperation op : diff.getChangedOperations()) {
      operation(op);
    }
  }

  private void operation(ChangedOperation op) {
    String where = op.getHttpMethod() + " " + op.getPathUrl();
    if (op.isDeprecated()) {
      add(Kind.COMPATIBLE, where, "deprecation changed");
    }
    metadata(where, "summary", op.getSummary());
    metadata(where, "description", op.getDescription());
    // op.getOperationId(): reported by operationIds(), which does not depend on openapi-diff's options.
    if (op.getParameters() != null) {
      parameters(where, op.getParameters());
    }
    if (op.getRequestBody() != null) {
      requestBody(where + " request body", op.getRequestBody());
    }
    if (op.getApiResponses() != null) {
      responses(where, op.getApiResponses());
    }
    if (op.getSecurityRequirements() != null) {
      generic(where + " security", op.getSecurityRequirements());
    }
    extensions(where, op.getExtensions());
    unplaced(where, op);
  }

  private void requestBody(String where, ChangedRequestBody body) {
    if (body.isChangeRequired()) {
      boolean nowRequired = Boolean.TRUE.equals(body.getNewRequestBody().getRequired());
      add(nowRequired ? Kind.BREAKING : Kind.COMPATIBLE, where, nowRequired ? "now required" : "now optional");
    }
    metadata(where, "description", body.getDescription());
    content(where, body.getContent());
    extensions(where, body.getExtensions());
  }

  private void responses(String where, ChangedApiResponse responses) {
    responses.getMissing().keySet().forEach(status -> add(Kind.BREAKING, where, "response " + status + " removed"));
    responses.getIncreased().keySet().forEach(status -> add(Kind.COMPATIBLE, where, "response " + status + " added"));
    responses.getChanged().forEach((status, changed) -> response(where + " response " + status, changed));
    extensions(where + " responses", responses.getExtensions());
  }

  private void response(String where, ChangedResponse response) {
    metadata(where, "description", response.getDescription());
    if (response.getHeaders() != null) {
      headers(where, response.getHeaders());
    }
    content(where, response.getContent());
    extensions(where, response.getExtensions());
  }

  private void headers(String where, ChangedHeaders headers) {
    headers.getMissing().keySet().forEach(name -> add(kindOf(headers), where, "header `" + name + "` removed"));
    headers.getIncreased().keySet().forEach(name -> add(Kind.COMPATIBLE, where, "header `" + name + "` added"));
    headers.getChanged().forEach((name, header) -> header(where + " header `" + name + "`", header));
  }

  private void header(String where, ChangedHeader header) {
    if (header.isRequired() || header.isStyle() || header.isExplode() || header.isDeprecated()) {
      add(kindOf(header.isCoreChanged()), where, "required, style, explode or deprecation changed");
    }
    metadata(where, "description", header.getDescription());
    examples(where, header.getExample(), header.getExamples());
    schema(where, "", header.getSchema());
    content(where, header.getContent());
  }

  private void parameters(String where, ChangedParameters parameters) {
    parameters.getMissing().forEach(p ->
        add(Kind.BREAKING, where, p.getIn() + " parameter `" + p.getName() + "` removed"));
    parameters.getIncreased().forEach(p -> {
      boolean required = Boolean.TRUE.equals(p.getRequired());
      add(required ? Kind.BREAKING : Kind.COMPATIBLE, where,
          (required ? "required " : "optional ") + p.getIn() + " parameter `" + p.getName() + "` added");
    });
    parameters.getChanged().forEach(p -> parameter(where + " " + p.getIn() + " parameter `" + p.getName() + "`", p));
  }

  private void parameter(String where, ChangedParameter parameter) {
    if (parameter.isChangeRequired()) {
      boolean nowRequired = Boolean.TRUE.equals(parameter.getNewParameter().getRequired());
      add(nowRequired ? Kind.BREAKING : Kind.COMPATIBLE, where, nowRequired ? "now required" : "now optional");
    }
    if (parameter.isChangeStyle() || parameter.isChangeExplode() || parameter.isChangeAllowEmptyValue()) {
      add(Kind.BREAKING, where, "style, explode or allowEmptyValue changed");
    }
    if (parameter.isDeprecated()) {
      add(Kind.COMPATIBLE, where, "deprecation changed");
    }
    metadata(where, "description", parameter.getDescription());
    examples(where, parameter.getExample(), parameter.getExamples());
    schema(where, "", parameter.getSchema());
    content(where, parameter.getContent());
    extensions(where, parameter.getExtensions());
  }

  private void content(String where, ChangedContent content) {
    if (content == null) {
      return;
    }
    content.getMissing().keySet().forEach(type -> add(kindOf(content), where, "media type " + type + " removed"));
    content.getIncreased().keySet().forEach(type -> add(Kind.COMPATIBLE, where, "media type " + type + " added"));
    content.getChanged().forEach((type, media) -> mediaType(where + " " + type, media));
  }

  private void mediaType(String where, ChangedMediaType media) {
    examples(where, media.getExample(), media.getExamples());
    schema(where, "", media.getSchema());
  }

  /** A schema at {@code path} (dotted property names, {@code []} for array items) under {@code where}. */
  private void schema(String where, String path, ChangedSchema schema) {
    if (schema == null || !visited.add(schema)) {
      return;
    }
    String at = path.isEmpty() ? where : where + ": `" + path + "`";
    boolean request = schema.getContext() != null && schema.getContext().isRequest();
    Schema<?> oldSchema = schema.getOldSchema();
    Schema<?> newSchema = schema.getNewSchema();

    // openapi-diff counts a changed format as a changed type (int32 to int64 is Integer to Long).
    if (schema.isChangedType() || schema.isChangeFormat()) {
      if (oldSchema == null) {
        add(kindOf(schema.isCoreChanged()), at, "schema added");
      } else if (newSchema == null) {
        add(Kind.BREAKING, at, "schema removed");
      } else {
        add(Kind.BREAKING, at, "type changed from " + typeOf(oldSchema) + " to " + typeOf(newSchema));
      }
    }
    if (schema.isDiscriminatorPropertyChanged()) {
      add(Kind.BREAKING, at, "discriminator changed");
    }
    if (schema.isChangeDefault()) {
      add(Kind.COMPATIBLE, at, "default value changed");
    }
    if (schema.isChangeDeprecated()) {
      add(Kind.COMPATIBLE, at, "deprecation changed");
    }
    schema.getMissingProperties().keySet().forEach(name ->
        add(Kind.BREAKING, where, (request ? "request" : "response") + " property `" + join(path, name)
            + "` removed"));
    schema.getIncreasedProperties().keySet().forEach(name -> {
      boolean required = newSchema != null && newSchema.getRequired() != null && newSchema.getRequired().contains(name);
      add(Kind.COMPATIBLE, where, (request ? "request" : "response") + " property `" + join(path, name) + "` added"
          + (required ? " (required)" : " (optional)"));
    });
    required(where, path, request, schema.getRequired());
    if (schema.getEnumeration() != null && schema.getEnumeration().isDifferent()) {
      enumeration(at, schema.getEnumeration());
    }
    metadata(at, "description", schema.getDescription());
    examples(at, schema.getExample(), schema.getExamples());
    for (Changed limit : new Changed[] {
        schema.getMaxLength(), schema.getMinLength(), schema.getNumericRange(), schema.getMultipleOf(),
        schema.getMaxItems(), schema.getMinItems(), schema.getMaxProperties(), schema.getMinProperties(),
        schema.getNullable(), schema.getUniqueItems(), schema.getPattern(), schema.getReadOnly(),
        schema.getWriteOnly(), schema.getOneOfSchema()}) {
      if (limit != null && limit.isDifferent()) {
        generic(at, limit);
      }
    }
    schema.getChangedProperties().forEach((name, property) -> schema(where, join(path, name), property));
    schema(where, path + "[]", schema.getItems());
    schema(where, path + "{*}", schema.getAddProp());
    extensions(at, schema.getExtensions());
  }

  private void required(String where, String path, boolean request, ChangedRequired required) {
    if (required == null) {
      return;
    }
    // A request that lacks a newly required property is refused; a response that lacks a
    // formerly required one breaks clients that rely on it. The other directions are safe.
    required.getIncreased().forEach(name -> add(request ? Kind.BREAKING : Kind.COMPATIBLE, where,
        (request ? "request" : "response") + " property `" + join(path, name) + "` is now required"));
    required.getMissing().forEach(name -> add(request ? Kind.COMPATIBLE : Kind.BREAKING, where,
        (request ? "request" : "response") + " property `" + join(path, name) + "` is no longer required"));
  }

  private void enumeration(String where, ChangedList<?> values) {
    List<String> parts = new ArrayList<>();
    if (!values.getIncreased().isEmpty()) {
      parts.add("values added " + values.getIncreased());
    }
    if (!values.getMissing().isEmpty()) {
      parts.add("values removed " + values.getMissing());
    }
    add(kindOf(values.isChanged()), where, "enum " + String.join(", ", parts));
  }

  private void metadata(String where, String what, ChangedMetadata metadata) {
    if (metadata != null && metadata.isDifferent()) {
      add(Kind.DOCUMENTATION, where, what + " changed");
    }
  }

  private void examples(String where, ChangedExample example, ChangedExamples examples) {
    if ((example != null && example.isDifferent()) || (examples != null && examples.isDifferent())) {
      add(Kind.DOCUMENTATION, where, "example changed");
    }
  }

  private void extensions(String where, ChangedExtensions extensions) {
    if (extensions != null && extensions.isDifferent()) {
      generic(where + " extensions", extensions);
    }
  }

  /** A change this walker has no words for: named by its openapi-diff type. */
  private void generic(String where, Changed changed) {
    String name = changed.getClass().getSimpleName().replaceFirst("^Changed", "");
    add(kindOf(changed.isChanged()), where, Character.toLowerCase(name.charAt(0)) + name.substring(1) + " changed");
  }

  /**
   * The safety net: if openapi-diff finds an operation incompatible and nothing above named a
   * breaking change there, say so rather than let it pass unreported.
   */
  private void unplaced(String where, ChangedOperation op) {
    if (op.isIncompatible() && changes.stream().noneMatch(c -> c.kind() == Kind.BREAKING && c.where().startsWith(where))) {
      add(Kind.BREAKING, where, "openapi-diff reports an incompatible change here that this report cannot name;"
          + " see openapi/target/openapi-diff/openapi-diff.md");
    }
  }

  private void add(Kind kind, String where, String what) {
    Change change = new Change(kind, where, what);
    if (!changes.contains(change)) {
      changes.add(change);
    }
  }

  private static Kind kindOf(ComposedChanged changed) {
    return kindOf(changed.isCoreChanged());
  }

  private static Kind kindOf(DiffResult result) {
    return result.isIncompatible() ? Kind.BREAKING : result.isMetaChanged() ? Kind.DOCUMENTATION : Kind.COMPATIBLE;
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String typeOf(Schema<?> schema) {
    return schema.getType() + (schema.getFormat() == null ? "" : " (" + schema.getFormat() + ")");
  }

  // ---- reading ----

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static OpenAPI parse(Path file, String yaml) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIParser().readContents(yaml, null, options);
    if (result.getOpenAPI() == null || (result.getMessages() != null && !result.getMessages().isEmpty())) {
      throw new IllegalArgumentException(file + " is not a valid OpenAPI document: " + result.getMessages());
    }
    return result.getOpenAPI();
  }

  static int major(String version) {
    Matcher m = SEMVER.matcher(String.valueOf(version));
    return m.matches() ? Integer.parseInt(m.group(1)) : -1;
  }

  private static int compareVersions(String a, String b) {
    Matcher x = SEMVER.matcher(a);
    Matcher y = SEMVER.matcher(b);
    if (!x.matches() || !y.matches()) {
      throw new IllegalArgumentException(a + " or " + b + " is not MAJOR.MINOR.PATCH");
    }
    for (int i = 1; i <= 3; i++) {
      int c = Integer.compare(Integer.parseInt(x.group(i)), Integer.parseInt(y.group(i)));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

}
