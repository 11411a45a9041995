package com.huiyi31.cli.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Makes the drift check's exchanges over raw HTTP and keeps the answers as bytes, untouched by
 * the client's tolerant decoding: a token grant, the event's attendee-type list and, when asked
 * for, one Register. Sent the way {@code Huiyi31Client} sends (the same hosts, its default
 * timeouts, OkHttp with neither silent retries nor redirects, answers read up to 4 MiB), and
 * never logged. What fails is said in {@link Session#unchecked()}, in sentences without a token
 * or a personal value; the session stops where the next exchange would need what failed.
 */
final class RawExchanges {

  static final String TOKEN_PATH = "/connect/token";
  static final String LIST_TYPES_PATH = "/op/api/AttendeeType/v1/list";
  static final String REGISTER_PATH = "/op/notoken/api/Attendee/v1/Register";

  /** As the client: the platform's docs prescribe these for the custom_user_code grant. */
  private static final String CLIENT_ID = "openapi";
  private static final String SCOPE = "offline_access OpenAppGateway";
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The exchanges made, in order, and what could not be done. */
  record Session(List<Exchange> exchanges, List<String> unchecked) {}

  private final OkHttpClient http;
  private final DriftCheck.Settings settings;

  RawExchanges(DriftCheck.Settings settings) {
    this.settings = settings;
    this.http = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(30))
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .build();
  }

  /** Runs the exchanges; never throws for what the platform or the network does. */
  Session run() {
    List<Exchange> made = new ArrayList<>();
    List<String> unchecked = new ArrayList<>();
    try {
      Exchange token = send("requestAccessToken", settings.oauthBaseUrl(), TOKEN_PATH, null, new FormBody.Builder()
          .add("grant_type", "custom_user_code").add("client_id", CLIENT_ID).add("scope", SCOPE)
          .add("method", "client_secret").add("appKey", settings.appKey()).add("appSecret", settings.appSecret()).build(),
          null, unchecked);
      if (token == null) {
        return new Session(made, unchecked);
      }
      made.add(token);
      String accessToken = accessToken(token, unchecked);
      if (accessToken == null) {
        return new Session(made, unchecked);
      }
      byte[] list = MAPPER.createObjectNode().put("BventId", settings.eventId()).toString().getBytes(StandardCharsets.UTF_8);
      Exchange types = send("listAttendeeTypes", settings.baseUrl(), LIST_TYPES_PATH, list, RequestBody.create(list, JSON),
          "Bearer " + accessToken, unchecked);
      if (types != null) {
        made.add(types);
        refused(types, "the event's attendee types were not checked (is --event an event of this environment?)",
            unchecked);
      }
      if (settings.registration() != null) {
        byte[] body = settings.registration();
        Exchange register = send("registerAttendee", settings.baseUrl(), REGISTER_PATH, body,
            RequestBody.create(body, JSON), null, unchecked);
        if (register != null) {
          made.add(register);
          refused(register, "the order's shape was not checked; use a registration the test event accepts", unchecked);
        }
      }
      return new Session(made, unchecked);
    } finally {
      http.connectionPool().evictAll();
      http.dispatcher().executorService().shutdown();
    }
  }

  /** The exchange, or null (and why, in {@code unchecked}) when there was no answer or not HTTP 200. */
  private Exchange send(String operation, String baseUrl, String path, byte[] kept, RequestBody body, String authorization,
      List<String> unchecked) {
    Request.Builder request = new Request.Builder().url(baseUrl + path).post(body).header("Accept", "application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try (Response response = http.newCall(request.build()).execute()) {
      byte[] answer;
      try (InputStream in = response.body().byteStream()) {
        answer = in.readNBytes(MAX_RESPONSE_BYTES + 1);
      }
      if (answer.length > MAX_RESPONSE_BYTES) {
        unchecked.add(operation + ": the answer is larger than 4 MiB, which no answer of the contract is.");
        return null;
      }
      Exchange exchange = new Exchange(operation, path, kept, response.code(), response.header("Content-Type", ""), answer);
      if (response.code() != 200) {
        unchecked.add(operation + ": HTTP " + response.code() + oauthError(exchange) + " from " + host(baseUrl)
            + (operation.equals("requestAccessToken")
                ? " (check the app key, its secret and the environment); nothing that needs a token was checked."
                : "; the answer was not checked."));
        return null;
      }
      return exchange;
    } catch (IOException e) {
      unchecked.add(operation + ": no answer from " + host(baseUrl) + " (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ").");
      return null;
    }
  }

  /** The access token of the grant's answer (its key in any casing), or null and why. */
  private static String accessToken(Exchange token, List<String> unchecked) {
    JsonNode answer = parse(token.responseBody());
    for (Map.Entry<String, JsonNode> entry : answer.properties()) {
      if (entry.getKey().equalsIgnoreCase("access_token") && entry.getValue().isTextual()
          && entry.getValue().textValue().matches("[\\x21-\\x7e]+")) {
        return entry.getValue().textValue();
      }
    }
    unchecked.add("listAttendeeTypes: the token answer has no usable access_token, so nothing after it was checked.");
    return null;
  }

  /** Notes a business refusal (businessCode not 0): the envelope is checked, its data is not. */
  private static void refused(Exchange exchange, String consequence, List<String> unchecked) {
    JsonNode code = parse(exchange.responseBody()).path("businessCode");
    if (code.isNumber() && code.asInt() != 0) {
      unchecked.add(exchange.operation() + ": refused by the platform, businessCode " + code.asInt() + ": " + consequence
          + ".");
    }
  }

  /** ", OAuth error invalid_grant" for an OAuth error answer (its code only, short); "" otherwise. */
  private static String oauthError(Exchange exchange) {
    JsonNode error = parse(exchange.responseBody()).path("error");
    return error.isTextual() && error.textValue().matches("[a-z_]{1,40}") ? ", OAuth error " + error.textValue() : "";
  }

  static JsonNode parse(byte[] body) {
    try {
      JsonNode tree = MAPPER.readTree(body);
      return tree == null ? MAPPER.missingNode() : tree;
    } catch (IOException notJson) {
      return MAPPER.missingNode();
    }
  }

  static String host(String url) {
    return java.net.URI.create(url).getAuthority();
  }
}
