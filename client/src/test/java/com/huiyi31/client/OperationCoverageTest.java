package com.huiyi31.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.huiyi31.client.model.ListAttendeeTypesRequest;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.client.model.RegisterAttendeeResponse;
import com.huiyi31.client.model.TokenResponse;
import feign.Param;
import feign.RequestLine;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Adding an operation cannot silently skip the envelope check or validation: every operation of
 * the contract and every method of the generated API interfaces must be covered by
 * {@link JsonCodec} (its answer is an envelope whose {@code businessCode} is checked, or is listed
 * as deliberately not one) and by {@link RequestValidator} (its body is checked before sending).
 *
 * <p>The gaps are found by {@link #gaps}, a pure function of what the contract and the generated
 * code say and what the two classes declare they cover; its own tests below feed it fake types.
 */
class OperationCoverageTest {

  private static final String API_PACKAGE = "com.huiyi31.client.api";
  private static final String MODEL_PACKAGE = "com.huiyi31.client.model";

  /** What the hand-written layer says it covers. */
  record Coverage(Set<Class<?>> envelopes, Set<Class<?>> notEnvelopes, Set<Class<?>> validated) {
    static final Coverage OF_THE_CLIENT =
        new Coverage(JsonCodec.ENVELOPES, JsonCodec.NOT_ENVELOPES, RequestValidator.COVERED);
  }

  /**
   * What the contract says, as generated classes: the API interfaces its operations are on, and the
   * 2xx answers and request bodies of its operations, split by whether the schema has a
   * {@code businessCode} (an envelope) or not.
   */
  record Contract(Set<Class<?>> apis, Set<Class<?>> envelopes, Set<Class<?>> notEnvelopes, Set<Class<?>> bodies,
      List<String> unmapped) {}

  // ---------------------------------------------------------------- the contract as it is

  @Test
  void everyOperationOfTheContractIsCoveredByTheEnvelopeCheckAndTheValidator() throws Exception {
    Contract contract = contractOf(readSpec());
    Set<Class<?>> apis = new LinkedHashSet<>(contract.apis());
    apis.addAll(generatedApiInterfaces());

    assertThat(gaps(apis, contract, Coverage.OF_THE_CLIENT)).isEmpty();
  }

  @Test
  void theContractIsReadForReal() throws Exception {
    Contract contract = contractOf(readSpec());

    // Not vacuous: the three operations of 0.1.0 are all seen, on their three interfaces.
    assertThat(contract.apis()).extracting(Class::getSimpleName)
        .contains("AttendeeApi", "AttendeeTypeApi", "TokenApi");
    assertThat(contract.envelopes()).extracting(Class::getSimpleName)
        .contains("RegisterAttendeeResponse", "ListAttendeeTypesResponse");
    assertThat(contract.notEnvelopes()).contains(TokenResponse.class);
    assertThat(contract.bodies()).contains(RegisterAttendeeRequest.class, ListAttendeeTypesRequest.class);
    assertThat(generatedApiInterfaces()).containsExactlyInAnyOrderElementsOf(contract.apis());
  }

  @Test
  void theCoverageListsAreTheOnesTheCodecAndValidatorUse() {
    // JsonCodec and RequestValidator dispatch on the lists they publish; this checks the lists
    // are not empty stand-ins (an envelope check that covers nothing would pass everything).
    assertThat(JsonCodec.ENVELOPES).isNotEmpty().doesNotContainAnyElementsOf(JsonCodec.NOT_ENVELOPES);
    assertThat(RequestValidator.COVERED).isNotEmpty();
    assertThat(RequestValidator.problemsOf(new ListAttendeeTypesRequest())).isNotEmpty();
  }

  // ---------------------------------------------------------------- the check fails when it should

  /** A generated-looking operation whose answer and body nobody covers. */
  interface FakeApi {
    @RequestLine("POST /op/api/Fake/v1/do")
    FakeResponse doSomething(FakeRequest request);

    @RequestLine("POST /op/api/Fake/v1/fire")
    void fireAndForget(FakeRequest request);

    @RequestLine("POST /op/api/Fake/v1/form")
    TokenResponse form(@Param("grant_type") String grantType);
  }

  static final class FakeResponse {}

  static final class FakeRequest {}

  @Test
  void anAnswerTypeTheCodecDoesNotKnowIsAGap() {
    assertThat(gaps(List.of(FakeApi.class), emptyContract(), Coverage.OF_THE_CLIENT))
        .anyMatch(gap -> gap.contains("FakeApi.doSomething returns FakeResponse")
            && gap.contains("neither in JsonCodec.ENVELOPES nor in JsonCodec.NOT_ENVELOPES"));
  }

  @Test
  void anOperationThatReturnsNothingIsAGapBecauseNothingWouldCheckItsAnswer() {
    assertThat(gaps(List.of(FakeApi.class), emptyContract(), Coverage.OF_THE_CLIENT))
        .anyMatch(gap -> gap.contains("FakeApi.fireAndForget returns void"));
  }

  @Test
  void aBodyTheValidatorDoesNotCheckIsAGap() {
    assertThat(gaps(List.of(FakeApi.class), emptyContract(), Coverage.OF_THE_CLIENT))
        .anyMatch(gap -> gap.contains("FakeApi.doSomething takes a FakeRequest body")
            && gap.contains("RequestValidator.COVERED"));
  }

  @Test
  void formParametersAreNotBodiesAndAListedNonEnvelopeIsNoGap() {
    assertThat(gaps(List.of(FakeApi.class), emptyContract(), Coverage.OF_THE_CLIENT))
        .noneMatch(gap -> gap.contains("FakeApi.form"));
  }

  @Test
  void coveringTheFakeTypesClosesTheGaps() {
    Coverage covered = new Coverage(union(JsonCodec.ENVELOPES, Set.of(FakeResponse.class)), JsonCodec.NOT_ENVELOPES,
        union(RequestValidator.COVERED, Set.of(FakeRequest.class)));

    assertThat(gaps(List.of(FakeApi.class), emptyContract(), covered))
        .containsExactly("FakeApi.fireAndForget returns void: nothing would check its answer's businessCode");
  }

  @Test
  void anEnvelopeOfTheContractMissingFromTheCodecIsAGap() throws Exception {
    Contract contract = contractOf(readSpec());
    Set<Class<?>> envelopes = new HashSet<>(JsonCodec.ENVELOPES);
    envelopes.remove(RegisterAttendeeResponse.class);
    Coverage forgetful = new Coverage(envelopes, JsonCodec.NOT_ENVELOPES, RequestValidator.COVERED);

    assertThat(gaps(contract.apis(), contract, forgetful))
        .contains("AttendeeApi.registerAttendee returns RegisterAttendeeResponse, which is neither in "
            + "JsonCodec.ENVELOPES nor in JsonCodec.NOT_ENVELOPES")
        .contains("schema RegisterAttendeeResponse has businessCode, but JsonCodec.ENVELOPES does not check it");
  }

  @Test
  void anEnvelopeListedAsNotAnEnvelopeIsAGap() throws Exception {
    Contract contract = contractOf(readSpec());
    Coverage wrong = new Coverage(Set.of(), union(JsonCodec.NOT_ENVELOPES, JsonCodec.ENVELOPES), RequestValidator.COVERED);

    assertThat(gaps(contract.apis(), contract, wrong))
        .contains("schema RegisterAttendeeResponse has businessCode, but JsonCodec.NOT_ENVELOPES lists it as no envelope");
  }

  @Test
  void theContractSideFindsEnvelopesBodiesAndOperationsOfANewOperation() {
    OpenAPI spec = parse("""
        openapi: 3.0.3
        info: {title: t, version: 0.0.1}
        paths:
          /op/api/Fake/v1/do:
            post:
              tags: [Attendee]
              operationId: doSomethingNew
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/FakeNewRequest'}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/RegisterAttendeeResponse'}
          /op/api/Fake/v1/inline:
            post:
              tags: [Attendee]
              operationId: inlineAnswer
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          businessCode: {type: integer}
        components:
          schemas:
            FakeNewRequest: {type: object}
            RegisterAttendeeResponse:
              type: object
              properties:
                businessCode: {type: integer}
        """);

    List<String> gaps = gaps(List.of(), contractOf(spec), Coverage.OF_THE_CLIENT);

    assertThat(gaps).contains(
        "operation doSomethingNew has no method on com.huiyi31.client.api.AttendeeApi: was the client regenerated?",
        "schema FakeNewRequest (request body of doSomethingNew) has no generated class com.huiyi31.client.model.FakeNewRequest",
        "operation inlineAnswer answers 200 with an inline schema; declare it under components/schemas so that it is "
            + "one named model");
    assertThat(contractOf(spec).envelopes()).containsExactly(RegisterAttendeeResponse.class);
  }

  // ---------------------------------------------------------------- the check

  /**
   * Every way an operation escapes the envelope check or validation, as sentences; empty when none.
   *
   * @param apis the API interfaces to check, method by method
   * @param contract what the spec says (see {@link #contractOf})
   * @param coverage what JsonCodec and RequestValidator say they cover
   */
  static List<String> gaps(Iterable<Class<?>> apis, Contract contract, Coverage coverage) {
    List<String> gaps = new ArrayList<>(contract.unmapped());
    for (Class<?> api : apis) {
      Method[] methods = api.getDeclaredMethods();
      java.util.Arrays.sort(methods, Comparator.comparing(Method::getName));
      for (Method method : methods) {
        if (method.isSynthetic() || java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
          continue;
        }
        String name = api.getSimpleName() + "." + method.getName();
        Class<?> answer = method.getReturnType();
        if (answer == void.class || answer == Void.class) {
          gaps.add(name + " returns void: nothing would check its answer's businessCode");
        } else if (!coverage.envelopes().contains(answer) && !coverage.notEnvelopes().contains(answer)) {
          gaps.add(name + " returns " + answer.getSimpleName() + ", which is neither in JsonCodec.ENVELOPES nor in "
              + "JsonCodec.NOT_ENVELOPES");
        }
        for (Parameter parameter : method.getParameters()) {
          // Feign's body is the one parameter without @Param (form fields and path values have it).
          if (parameter.isAnnotationPresent(Param.class)) {
            continue;
          }
          Class<?> body = parameter.getType();
          if (!coverage.validated().contains(body)) {
            gaps.add(name + " takes a " + body.getSimpleName() + " body, which is not in RequestValidator.COVERED");
          }
        }
      }
    }
    for (Class<?> envelope : contract.envelopes()) {
      if (coverage.notEnvelopes().contains(envelope)) {
        gaps.add("schema " + envelope.getSimpleName() + " has businessCode, but JsonCodec.NOT_ENVELOPES lists it as "
            + "no envelope");
      } else if (!coverage.envelopes().contains(envelope)) {
        gaps.add("schema " + envelope.getSimpleName() + " has businessCode, but JsonCodec.ENVELOPES does not check it");
      }
    }
    for (Class<?> body : contract.bodies()) {
      if (!coverage.validated().contains(body)) {
        gaps.add("schema " + body.getSimpleName() + " is a request body, but RequestValidator.COVERED does not check it");
      }
    }
    return gaps;
  }

  /** The contract's operations as generated classes; what cannot be mapped is listed in {@code unmapped}. */
  static Contract contractOf(OpenAPI spec) {
    Set<Class<?>> apis = new LinkedHashSet<>();
    Set<Class<?>> envelopes = new LinkedHashSet<>();
    Set<Class<?>> notEnvelopes = new LinkedHashSet<>();
    Set<Class<?>> bodies = new LinkedHashSet<>();
    List<String> unmapped = new ArrayList<>();
    Map<String, Schema<?>> schemas = new java.util.HashMap<>();
    if (spec.getComponents() != null && spec.getComponents().getSchemas() != null) {
      spec.getComponents().getSchemas().forEach(schemas::put);
    }
    for (PathItem path : spec.getPaths().values()) {
      for (Operation operation : path.readOperations()) {
        String id = operation.getOperationId();
        String tag = operation.getTags() == null || operation.getTags().isEmpty() ? "Default" : operation.getTags().get(0);
        Class<?> api = load(API_PACKAGE + "." + tag + "Api");
        if (api == null) {
          unmapped.add("operation " + id + " should be on " + API_PACKAGE + "." + tag + "Api, which does not exist: "
              + "was the client regenerated?");
        } else if (Stream.of(api.getMethods()).noneMatch(m -> m.getName().equals(id))) {
          unmapped.add("operation " + id + " has no method on " + api.getName() + ": was the client regenerated?");
        } else {
          apis.add(api);
        }
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
          MediaType json = operation.getRequestBody().getContent().get("application/json");
          if (json != null) {
            Class<?> body = model(json.getSchema(), "request body of " + id, unmapped);
            if (body != null) {
              bodies.add(body);
            }
          }
        }
        for (Map.Entry<String, ApiResponse> response : operation.getResponses().entrySet()) {
          if (!response.getKey().startsWith("2") || response.getValue().getContent() == null) {
            continue;
          }
          for (MediaType content : response.getValue().getContent().values()) {
            Schema<?> schema = content.getSchema();
            if (schema != null && schema.get$ref() == null) {
              unmapped.add("operation " + id + " answers " + response.getKey() + " with an inline schema; declare it "
                  + "under components/schemas so that it is one named model");
              continue;
            }
            Class<?> answer = model(schema, "answer of " + id, unmapped);
            if (answer != null) {
              (hasBusinessCode(schemas, schema, new HashSet<>()) ? envelopes : notEnvelopes).add(answer);
            }
          }
        }
      }
    }
    return new Contract(apis, envelopes, notEnvelopes, bodies, unmapped);
  }

  /** The generated model class of a {@code $ref} schema, or null (and a line in {@code unmapped}). */
  private static Class<?> model(Schema<?> schema, String role, List<String> unmapped) {
    if (schema == null || schema.get$ref() == null) {
      return null; // an inline body: the generator has no model for it, the form operations' case
    }
    String name = schemaName(schema.get$ref());
    Class<?> model = load(MODEL_PACKAGE + "." + name);
    if (model == null) {
      unmapped.add("schema " + name + " (" + role + ") has no generated class " + MODEL_PACKAGE + "." + name);
    }
    return model;
  }

  /** Whether a schema, or one it is composed of (allOf) or refers to, has a businessCode property. */
  private static boolean hasBusinessCode(Map<String, Schema<?>> schemas, Schema<?> schema, Set<String> seen) {
    if (schema == null) {
      return false;
    }
    if (schema.get$ref() != null) {
      String name = schemaName(schema.get$ref());
      return seen.add(name) && hasBusinessCode(schemas, schemas.get(name), seen);
    }
    if (schema.getProperties() != null && schema.getProperties().containsKey("businessCode")) {
      return true;
    }
    return schema.getAllOf() != null && schema.getAllOf().stream().anyMatch(part -> hasBusinessCode(schemas, part, seen));
  }

  private static String schemaName(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, OperationCoverageTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  // ---------------------------------------------------------------- reading

  static OpenAPI readSpec() throws IOException {
    try (InputStream in = OperationCoverageTest.class.getClassLoader().getResourceAsStream("huiyi31/openapi.yaml")) {
      assertThat(in).as("huiyi31/openapi.yaml on the test classpath (huiyi31-openapi-spec)").isNotNull();
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static OpenAPI parse(String yaml) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
    assertThat(result.getOpenAPI()).as("the spec parses: " + result.getMessages()).isNotNull();
    return result.getOpenAPI();
  }

  /** Every interface in the generated API package, found on the classpath (a folder or a jar). */
  static Set<Class<?>> generatedApiInterfaces() throws IOException, URISyntaxException {
    String folder = API_PACKAGE.replace('.', '/');
    Set<String> names = new TreeSet<>();
    for (URL url : java.util.Collections.list(OperationCoverageTest.class.getClassLoader().getResources(folder))) {
      if (url.getProtocol().equals("file")) {
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
          files.map(f -> f.getFileName().toString()).forEach(names::add);
        }
      } else if (url.getProtocol().equals("jar")) {
        String jar = url.getPath().substring("file:".length(), url.getPath().indexOf("!/"));
        try (JarFile file = new JarFile(java.net.URLDecoder.decode(jar, StandardCharsets.UTF_8))) {
          file.stream().map(e -> e.getName()).filter(n -> n.startsWith(folder + "/") && n.indexOf('/', folder.length() + 1) < 0)
              .map(n -> n.substring(folder.length() + 1)).forEach(names::add);
        }
      }
    }
    Set<Class<?>> interfaces = new LinkedHashSet<>();
    for (String name : names) {
      if (name.endsWith(".class") && !name.contains("$") && !name.equals("package-info.class")) {
        Class<?> type = load(API_PACKAGE + "." + name.substring(0, name.length() - ".class".length()));
        if (type != null && type.isInterface()) {
          interfaces.add(type);
        }
      }
    }
    assertThat(interfaces).as("generated API interfaces on the classpath").isNotEmpty();
    return interfaces;
  }

  private static Contract emptyContract() {
    return new Contract(Set.of(), Set.of(), Set.of(), Set.of(), List.of());
  }

  private static Set<Class<?>> union(Set<Class<?>> a, Set<Class<?>> b) {
    Set<Class<?>> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }
}
