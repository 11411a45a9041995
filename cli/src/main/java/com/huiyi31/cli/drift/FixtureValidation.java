package com.huiyi31.cli.drift;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates a recorded fixture as the contract tests do ({@code contract-tests}' SpecValidator):
 * Atlassian's OpenAPI validator on {@code openapi.yaml}, with properties a response adds allowed
 * (responses may grow) and requests held to the spec. Each contradiction is one line: the file,
 * the JSON path (array indexes as {@code [*]}, with a count), the validator's words and the part of
 * the spec contradicted ({@code #/components/schemas/FieldOption/properties/code}).
 */
final class FixtureValidation {

  private final Contract contract;
  private final OpenApiInteractionValidator validator;

  FixtureValidation(Contract contract) {
    this.contract = contract;
    this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(contract.text())
        .withLevelResolver(LevelResolver.create()
            .withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
            .build())
        .build();
  }

  /** The request's contradictions; {@code secured}: a placeholder token is sent along, as the contract tests do. */
  List<String> request(String file, String path, String json, boolean secured) {
    SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.POST, path)
        .withContentType("application/json").withBody(json);
    if (secured) {
      request.withAuthorization("Bearer placeholder-token");
    }
    return describe(file, contract.requestSchema(path), "#/paths/" + path.replace("/", "~1") + "/post/requestBody",
        validator.validateRequest(request.build()));
  }

  /** The answer's contradictions. */
  List<String> response(String file, String path, int status, String contentType, String body) {
    SimpleResponse.Builder response = SimpleResponse.Builder.status(status).withContentType(contentType);
    if (!body.isEmpty()) {
      response.withBody(body);
    }
    Contract.Answer declared = contract.answer(path, status);
    return describe(file, contract.answerSchema(path, status), declared == null ? "#/paths/" + path.replace("/", "~1")
        + "/post/responses" : declared.location(), validator.validateResponse(path, Request.Method.POST, response.build()));
  }

  /** {@code whole}: the spec's part for a message about the whole body or its headers (a content type). */
  private List<String> describe(String file, Contract.Located root, String whole, ValidationReport report) {
    Map<String, Integer> lines = new LinkedHashMap<>();
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() != ValidationReport.Level.ERROR) {
        continue;
      }
      String pointer = message.getContext().flatMap(ValidationReport.MessageContext::getPointers)
          .map(ValidationReport.MessageContext.Pointers::getInstance).orElse(null);
      String words = message.getMessage().replaceFirst("^\\[Path '[^']*'\\]\\s*", "").replaceAll("\\s+", " ").strip();
      String spec = pointer == null || root == null ? whole : contract.locate(root, pointer);
      String at = pointer == null ? "" : jsonPath(pointer) + ": ";
      lines.merge(file + ": " + at + words + "\u0000" + spec, 1, Integer::sum);
    }
    List<String> described = new ArrayList<>();
    lines.forEach((line, count) -> {
      String[] parts = line.split("\u0000");
      described.add(parts[0] + " (" + (count > 1 ? count + " times; " : "") + "contradicts the spec at " + parts[1] + ")");
    });
    return described;
  }

  /** "/data/attendeeTypes/0/code" as "$.data.attendeeTypes[*].code". */
  private static String jsonPath(String pointer) {
    StringBuilder path = new StringBuilder("$");
    for (String segment : pointer.split("/")) {
      if (!segment.isEmpty()) {
        path.append(segment.matches("[0-9]+") ? "[*]" : Conformance.segment(segment.replace("~1", "/").replace("~0", "~")));
      }
    }
    return path.toString();
  }
}
