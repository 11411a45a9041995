package com.huiyi31.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.stream.Collectors;

/**
 * Validates HTTP traffic against {@code openapi.yaml} (the copy published in the spec module's
 * jar) with Atlassian's OpenAPI validator. Its WireMock adapter targets WireMock 2 and JUnit 4,
 * so this small adapter feeds it WireMock 3's logged requests and responses instead.
 */
public final class SpecValidator {

  public static final SpecValidator INSTANCE = new SpecValidator();

  private final OpenApiInteractionValidator validator = OpenApiInteractionValidator
      .createForSpecificationUrl(SpecValidator.class.getResource("/huiyi31/openapi.yaml").toString())
      // Responses may grow (the spec says so): a property the spec does not know is not an error
      // in a response. Requests stay strict: the client must never send a key the spec lacks.
      .withLevelResolver(LevelResolver.create()
          .withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
          .build())
      .build();

  private SpecValidator() {}

  ValidationReport validateRequest(LoggedRequest request) {
    return validator.validateRequest(toRequest(request));
  }

  public ValidationReport validate(LoggedRequest request, LoggedResponse response) {
    SimpleResponse.Builder out = SimpleResponse.Builder.status(response.getStatus());
    if (response.getBody() != null && response.getBody().length > 0) {
      out.withBody(response.getBody());
    }
    for (HttpHeader header : response.getHeaders().all()) {
      out.withHeader(header.key(), header.values());
    }
    return validator.validate(toRequest(request), out.build());
  }

  /** A request example; {@code secured}: the operation needs a token, so one is sent (a placeholder). */
  ValidationReport validateExample(String path, String method, String mediaType, String body, boolean secured) {
    SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(method), path)
        .withContentType(mediaType)
        .withBody(body);
    if (secured) {
      request.withAuthorization("Bearer placeholder-token");
    }
    return validator.validateRequest(request.build());
  }

  ValidationReport validateResponseExample(String path, String method, int status, String body) {
    return validator.validateResponse(path, Request.Method.valueOf(method),
        SimpleResponse.Builder.status(status).withContentType("application/json").withBody(body).build());
  }

  public static String describe(ValidationReport report) {
    return report.getMessages().stream()
        .map(m -> m.getLevel() + " " + m.getKey() + ": " + m.getMessage())
        .collect(Collectors.joining("\n"));
  }

  private static Request toRequest(LoggedRequest request) {
    SimpleRequest.Builder in = new SimpleRequest.Builder(
        Request.Method.valueOf(request.getMethod().getName()), URI.create(request.getUrl()).getPath());
    for (HttpHeader header : request.getHeaders().all()) {
      in.withHeader(header.key(), header.values());
    }
    if (request.getBody() != null && request.getBody().length > 0) {
      in.withBody(request.getBody());
    }
    return in.build();
  }
}
