package com.huiyi31.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Raw HTTP to a sandbox, for what the Java client would not send (or hides), with every answer
 * checked against the contract: whatever the sandbox says must be something the spec allows.
 */
final class SandboxHttp {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient RAW = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final OpenApiInteractionValidator SPEC = specValidator();

  private final Huiyi31Sandbox sandbox;

  SandboxHttp(Huiyi31Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  /** POSTs a form to /connect/token. */
  HttpResponse<String> token(Map<String, String> form) {
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return post(Huiyi31Sandbox.TOKEN_PATH, "application/x-www-form-urlencoded", body, null);
  }

  /** The custom_user_code grant as the platform's docs describe it. */
  HttpResponse<String> token(String appKey, String appSecret) {
    return token(appCredentials(appKey, appSecret));
  }

  static Map<String, String> appCredentials(String appKey, String appSecret) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "custom_user_code");
    form.put("client_id", "openapi");
    form.put("scope", "offline_access OpenAppGateway");
    form.put("method", "client_secret");
    form.put("appKey", appKey);
    form.put("appSecret", appSecret);
    return form;
  }

  HttpResponse<String> refresh(String refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("client_id", "openapi");
    form.put("refresh_token", refreshToken);
    return token(form);
  }

  /** A fresh token pair for the demo credentials: [access, refresh]. */
  String[] demoTokens() {
    JsonNode answer = json(token(Huiyi31Sandbox.DEMO_APP_KEY, Huiyi31Sandbox.DEMO_APP_SECRET));
    return new String[] {answer.path("access_token").asText(), answer.path("refresh_token").asText()};
  }

  /** POSTs {"BventId": event} to the type list with this Authorization header (null: none). */
  HttpResponse<String> listTypes(String event, String authorization) {
    return post(Huiyi31Sandbox.LIST_TYPES_PATH, "application/json", "{\"BventId\":\"" + event + "\"}", authorization);
  }

  HttpResponse<String> register(String body) {
    return post(Huiyi31Sandbox.REGISTER_PATH, "application/json", body, null);
  }

  HttpResponse<String> post(String path, String contentType, String body, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response;
    try {
      response = RAW.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    assertFitsTheContract(path, response);
    return response;
  }

  static JsonNode json(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The answer as the contract's validator sees it: no errors allowed. */
  static void assertFitsTheContract(String path, HttpResponse<String> response) {
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode()).withContentType(contentType)
        .withBody(response.body());
    ValidationReport report = SPEC.validateResponse(path, Request.Method.POST, answer.build());
    assertThat(report.getMessages()).as("the answer (HTTP %s, %s) against the contract", response.statusCode(),
        response.body()).isEmpty();
  }

  private static OpenApiInteractionValidator specValidator() {
    try (InputStream spec = SandboxHttp.class.getResourceAsStream("/huiyi31/openapi.yaml")) {
      return OpenApiInteractionValidator.createForInlineApiSpecification(
          new String(spec.readAllBytes(), StandardCharsets.UTF_8)).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
