package com.huiyi31.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.huiyi31.client.Huiyi31BusinessException;
import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.Huiyi31Exception;
import com.huiyi31.client.Huiyi31HttpException;
import com.huiyi31.client.Huiyi31TransportException;
import com.huiyi31.client.model.AttendeeForm;
import com.huiyi31.client.model.FormField;
import com.huiyi31.client.model.OrderAttendee;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.client.model.RegisterAttendeeResponse;
import com.huiyi31.client.model.RegistrationOrder;
import com.huiyi31.client.model.TicketItem;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sandbox through the real client (and, for what the client refuses to send, raw HTTP). */
class SandboxTest {

  private static final String PATH = "/op/notoken/api/Attendee/v1/Register";
  private static final String EVENT = "07320000-fe25-16f7-4c65-08d9fb59aefd";
  private static final String TYPE = "51f10000-4961-fe41-aba5-08dc70ba48eb";
  private static final String SKU = "40180000-300e-9237-c7af-08dc6f31f78c";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Huiyi31Sandbox sandbox;
  private static Huiyi31Client client;
  private static final HttpClient RAW = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() {
    sandbox = Huiyi31Sandbox.start(0);
    client = Huiyi31Client.builder().baseUrl(sandbox.baseUrl()).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    sandbox.close();
  }

  // --- success ---------------------------------------------------------------------------------

  @Test
  void validRequestSucceedsWithFreshValuesEachTimeAndEchoesNameAndMobile() {
    RegistrationOrder first = client.attendees().registerAttendee(request("张晓明", "13912345678", null, SKU)).getData();
    RegistrationOrder second = client.attendees().registerAttendee(request("李思雨", "13698765432", null, SKU)).getData();

    for (RegistrationOrder order : List.of(first, second)) {
      assertThat(order.getOrderStatus()).isEqualTo("Paid");
      assertThat(order.getOrderType()).isEqualTo("Main");
      assertThat(order.getOrderAmount()).isEqualByComparingTo(BigDecimal.ZERO);
      assertThat(order.getOrderId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
      assertThat(order.getOrderNo()).matches("[1-9][0-9]{18}");
      assertThat(order.getOrderAttendees()).hasSize(1);
      OrderAttendee attendee = order.getOrderAttendees().get(0);
      assertThat(attendee.getCheckinCode()).matches("[1-9][0-9]{18}");
      assertThat(attendee.getAttendeeId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }
    assertThat(first.getOrderAttendees().get(0).getName()).isEqualTo("张晓明");
    assertThat(first.getOrderAttendees().get(0).getMobile()).isEqualTo("13912345678");
    assertThat(second.getOrderAttendees().get(0).getName()).isEqualTo("李思雨");
    assertThat(second.getOrderAttendees().get(0).getMobile()).isEqualTo("13698765432");

    assertThat(second.getOrderNo()).isNotEqualTo(first.getOrderNo());
    assertThat(second.getOrderId()).isNotEqualTo(first.getOrderId());
    assertThat(second.getOrderAttendees().get(0).getCheckinCode()).isNotEqualTo(first.getOrderAttendees().get(0).getCheckinCode());
    assertThat(second.getOrderAttendees().get(0).getAttendeeId()).isNotEqualTo(first.getOrderAttendees().get(0).getAttendeeId());
  }

  @Test
  void anAttendeeWithoutNameOrMobileIsEchoedAsEmptyStrings() {
    RegistrationOrder order = client.attendees().registerAttendee(request(null, null, "wang@example.com", SKU)).getData();

    assertThat(order.getOrderAttendees().get(0).getName()).isEmpty();
    assertThat(order.getOrderAttendees().get(0).getMobile()).isEmpty();
  }

  @Test
  void successHasExactlyTheShapeOfTheDocumentedExampleAndFitsTheContract() throws Exception {
    String body = docsRequest();
    HttpResponse<String> response = postRaw(body);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    JsonNode answer = JSON.readTree(response.body());
    assertSameShape("$", answer, documentedSuccessExample());
    assertThat(answer.path("data").path("orderAttendees").path(0).path("name").asText()).isEqualTo("张晓明");

    ValidationReport report = specValidator().validateResponse(PATH, Request.Method.POST,
        SimpleResponse.Builder.status(200).withContentType("application/json").withBody(response.body()).build());
    assertThat(report.getMessages()).as("the answer against the contract").isEmpty();
  }

  // --- triggers --------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} {1} -> businessCode {4}")
  @CsvSource({
      "Mobile,   13900000000,           13900000000, '',                 1001, 手机号已被注册",
      "Email,    zhang@taken.example,   13912345678, zhang@taken.example, 1002, 邮箱已被注册",
      "ItemSkuId, sold-out,             13912345678, '',                 1003, 门票已售罄"})
  void eachBusinessTriggerIsRefusedWithItsDocumentedCode(String what, String value, String mobile, String email,
      int code, String message) {
    RegisterAttendeeRequest request = request("张晓明", mobile, email.isEmpty() ? null : email,
        what.equals("ItemSkuId") ? value : SKU);

    Huiyi31BusinessException refused = catchThrowableOfType(Huiyi31BusinessException.class,
        () -> client.attendees().registerAttendee(request));

    assertThat(refused).as("refusal for %s %s", what, value).isNotNull();
    assertThat(refused.businessCode()).isEqualTo(code);
    assertThat(refused.businessMessage()).isEqualTo(message);
    assertThat(refused.httpStatus()).isEqualTo(200);
    assertThat(refused.outcome()).isEqualTo(Huiyi31Exception.Outcome.NOT_PROCESSED);
  }

  @Test
  void businessRefusalHasDataNull() throws Exception {
    JsonNode answer = rawAnswer(docsRequest().replace("13912345678", "13800000000"));

    assertThat(answer.path("businessCode").asInt()).isEqualTo(1001);
    assertThat(answer.has("data")).isTrue();
    assertThat(answer.get("data").isNull()).isTrue();
  }

  @Test
  void fullNameHttp500GetsAGatewayHtmlPage() throws Exception {
    Huiyi31HttpException failed = catchThrowableOfType(Huiyi31HttpException.class,
        () -> client.attendees().registerAttendee(request("HTTP500", "13912345678", null, SKU)));

    assertThat(failed).isNotNull();
    assertThat(failed.status()).isEqualTo(500);
    assertThat(failed.bodyExcerpt()).contains("500 Internal Server Error");
    assertThat(failed.outcome()).isEqualTo(Huiyi31Exception.Outcome.UNKNOWN);

    HttpResponse<String> raw = postRaw(docsRequest().replace("张晓明", "HTTP500"));
    assertThat(raw.statusCode()).isEqualTo(500);
    assertThat(raw.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(raw.body()).startsWith("<!DOCTYPE html>");
  }

  @Test
  void fullNameSlowOutlastsAShortReadTimeout() {
    try (Huiyi31Client impatient = Huiyi31Client.builder().baseUrl(sandbox.baseUrl())
        .readTimeout(Duration.ofMillis(200)).build()) {
      Huiyi31TransportException timedOut = catchThrowableOfType(Huiyi31TransportException.class,
          () -> impatient.attendees().registerAttendee(request("SLOW", "13912345678", null, SKU)));

      assertThat(timedOut).isNotNull();
      assertThat(timedOut.outcome()).isEqualTo(Huiyi31Exception.Outcome.UNKNOWN);
    }
  }

  @Test
  void fullNameSlowStillSucceedsForAPatientClient() {
    long started = System.nanoTime();
    RegisterAttendeeResponse response = client.attendees().registerAttendee(request("SLOW", "13912345678", null, SKU));
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    assertThat(response.getBusinessCode()).isZero();
    assertThat(response.getData().getOrderAttendees().get(0).getName()).isEqualTo("SLOW");
    assertThat(tookMillis).as("the documented delay").isGreaterThanOrEqualTo(2_900);
  }

  @Test
  void triggersAreListedInTheOrderTheyAreChecked() {
    assertThat(Huiyi31Sandbox.triggers()).extracting(Huiyi31Sandbox.Trigger::when).containsExactly(
        "FullName \"HTTP500\"", "Mobile ending in 0000", "Email ending in @taken.example", "ItemSkuId \"sold-out\"",
        "FullName \"SLOW\"");
    assertThat(Huiyi31Sandbox.triggers()).extracting(Huiyi31Sandbox.Trigger::answer)
        .anySatisfy(answer -> assertThat(answer).contains("1001", "手机号已被注册"))
        .anySatisfy(answer -> assertThat(answer).contains("1002", "邮箱已被注册"))
        .anySatisfy(answer -> assertThat(answer).contains("1003", "门票已售罄"));
    assertThat(Huiyi31Sandbox.INVALID_REQUEST_CODE).isEqualTo(400);
  }

  @Test
  void http500ComesBeforeTheBusinessTriggers() {
    Huiyi31HttpException failed = catchThrowableOfType(Huiyi31HttpException.class,
        () -> client.attendees().registerAttendee(request("HTTP500", "13900000000", null, "sold-out")));

    assertThat(failed).isNotNull();
    assertThat(failed.status()).isEqualTo(500);
  }

  // --- requests that break the contract (sent raw: the client would not send them) -------------

  @Test
  void missingItemsIsRefusedNamingItems() throws Exception {
    JsonNode body = JSON.readTree(docsRequest());
    ((com.fasterxml.jackson.databind.node.ObjectNode) body).remove("Items");

    JsonNode answer = rawAnswer(JSON.writeValueAsString(body));

    assertInvalid(answer);
    assertThat(answer.path("businessMessage").asText()).contains("$:").contains("missing required properties").contains("Items");
  }

  @Test
  void quantityAsAStringIsRefusedNamingItsPath() throws Exception {
    JsonNode answer = rawAnswer(docsRequest().replace("\"Quantity\": 1", "\"Quantity\": \"1\""));

    assertInvalid(answer);
    assertThat(answer.path("businessMessage").asText()).contains("$.Items[0].Quantity:").contains("string").contains("integer");
  }

  @Test
  void anUnknownKeyIsRefusedNamingIt() throws Exception {
    JsonNode answer = rawAnswer(docsRequest().replaceFirst("\\{", "{ \"Foo\": \"bar\","));

    assertInvalid(answer);
    assertThat(answer.path("businessMessage").asText()).contains("$:").contains("not allowed").contains("\"Foo\"");
  }

  @Test
  void malformedJsonIsRefusedSayingWhere() throws Exception {
    JsonNode answer = rawAnswer("{\"BventId\": \"" + EVENT + "\", ");

    assertInvalid(answer);
    assertThat(answer.path("businessMessage").asText()).contains("not valid JSON").contains("line 1");
  }

  @Test
  void trailingGarbageAfterTheJsonIsMalformedToo() throws Exception {
    JsonNode answer = rawAnswer(docsRequest() + " }");

    assertInvalid(answer);
    assertThat(answer.path("businessMessage").asText()).contains("not valid JSON");
  }

  @Test
  void anEmptyBodyIsRefused() throws Exception {
    JsonNode answer = rawAnswer("");

    assertInvalid(answer);
    assertThat(answer.path("businessMessage").asText()).containsIgnoringCase("body");
  }

  @Test
  void withoutMobileOrEmailIsRefusedByThePlatformRule() throws Exception {
    String noContact = docsRequest()
        .replace("{ \"FieldName\": \"Mobile\", \"FieldValue\": \"13912345678\" },", "")
        .replace("zhang.xiaoming@example.com", "  ");

    JsonNode answer = rawAnswer(noContact);

    assertInvalid(answer);
    assertThat(answer.path("businessMessage").asText())
        .isEqualTo("Invalid request: $.Attendee.Fields: has no non-empty Mobile or Email field (the platform requires one of them)");
  }

  @Test
  void aRepeatedFieldNameIsRefusedByThePlatformRule() throws Exception {
    String repeated = docsRequest().replace("\"FieldName\": \"Company\"", "\"FieldName\": \"mobile\"");

    JsonNode answer = rawAnswer(repeated);

    assertInvalid(answer);
    assertThat(answer.path("businessMessage").asText())
        .contains("$.Attendee.Fields[3].FieldName: repeats \"mobile\" of $.Attendee.Fields[1]");
  }

  @Test
  void severalProblemsAreAllNamedOnOneLine() throws Exception {
    String broken = "{\"BventId\": \"\", \"AttendeeTypeId\": \"" + TYPE + "\", \"Attendee\": {\"Fields\": []},"
        + " \"Items\": [{\"ItemSkuId\": \"" + SKU + "\", \"ItemSkuName\": \"嘉宾\", \"Quantity\": 0}]}";

    JsonNode answer = rawAnswer(broken);

    assertInvalid(answer);
    String message = answer.path("businessMessage").asText();
    assertThat(message).contains("$.BventId:").contains("$.Items[0].Quantity:").contains("$.Attendee.Fields: has no non-empty");
    assertThat(message.split("; ")).hasSize(3);
    assertThat(message).doesNotContain("\n");
  }

  @Test
  void anInvalidRequestIsNotARegistration() throws Exception {
    try (Huiyi31Sandbox own = Huiyi31Sandbox.start()) {
      postRaw(own, "{");
      postRaw(own, "{}");

      assertThat(own.registrations()).isEmpty();
    }
  }

  // --- registrations() -------------------------------------------------------------------------

  @Test
  void registrationsAreTheAcceptedRequestsInOrderAsSent() throws Exception {
    try (Huiyi31Sandbox own = Huiyi31Sandbox.start();
        Huiyi31Client ownClient = Huiyi31Client.builder().baseUrl(own.baseUrl()).build()) {
      RegisterAttendeeRequest first = request("张三", "13912345678", null, SKU);
      RegisterAttendeeRequest second = request("张三", "13912345679", null, SKU);
      RegisterAttendeeRequest third = request("李四", "13912345670", null, SKU);
      RegisterAttendeeRequest noName = request(null, "13912345678", null, SKU);
      ownClient.attendees().registerAttendee(first);
      ownClient.attendees().registerAttendee(second);
      ownClient.attendees().registerAttendee(third);
      // Refused, failed or not Register at all: not registrations.
      assertThatThrownBy(() -> ownClient.attendees().registerAttendee(request("王五", "13900000000", null, SKU)))
          .isInstanceOf(Huiyi31BusinessException.class);
      assertThatThrownBy(() -> ownClient.attendees().registerAttendee(request("HTTP500", "13912345678", null, SKU)))
          .isInstanceOf(Huiyi31HttpException.class);
      postRaw(own, "not json");
      ownClient.attendees().registerAttendee(noName);
      RAW.send(HttpRequest.newBuilder(URI.create(own.baseUrl() + PATH)).GET().build(), HttpResponse.BodyHandlers.discarding());
      RAW.send(HttpRequest.newBuilder(URI.create(own.baseUrl() + "/elsewhere")).POST(HttpRequest.BodyPublishers.ofString("{}"))
          .build(), HttpResponse.BodyHandlers.discarding());

      // The generated models compare by value: what was sent is what the sandbox decoded.
      assertThat(own.registrations()).containsExactly(first, second, third, noName);
    }
  }

  @Test
  void registrationsIsAnImmutableSnapshotOfCopies() {
    try (Huiyi31Sandbox own = Huiyi31Sandbox.start();
        Huiyi31Client ownClient = Huiyi31Client.builder().baseUrl(own.baseUrl()).build()) {
      ownClient.attendees().registerAttendee(request("张三", "13912345678", null, SKU));
      List<RegisterAttendeeRequest> before = own.registrations();
      before.get(0).setBventId("changed by a caller");
      ownClient.attendees().registerAttendee(request("李四", "13912345678", null, SKU));

      assertThat(before).hasSize(1);
      assertThat(own.registrations()).hasSize(2).first().extracting(RegisterAttendeeRequest::getBventId).isEqualTo(EVENT);
      assertThatThrownBy(() -> before.add(new RegisterAttendeeRequest())).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> own.registrations().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Test
  void resetForgetsTheRegistrationsAndKeepsServing() {
    try (Huiyi31Sandbox own = Huiyi31Sandbox.start();
        Huiyi31Client ownClient = Huiyi31Client.builder().baseUrl(own.baseUrl()).build()) {
      ownClient.attendees().registerAttendee(request("张三", "13912345678", null, SKU));

      own.reset();

      assertThat(own.registrations()).isEmpty();
      RegisterAttendeeRequest after = request("李四", "13912345678", null, SKU);
      ownClient.attendees().registerAttendee(after);
      assertThat(own.registrations()).containsExactly(after);
    }
  }

  @Test
  void aSlowRegistrationIsARegistrationFromTheMomentItIsReceived() throws Exception {
    try (Huiyi31Sandbox own = Huiyi31Sandbox.start()) {
      String slow = docsRequest().replace("张晓明", "SLOW");
      CompletableFuture<HttpResponse<String>> answer = RAW.sendAsync(HttpRequest.newBuilder(URI.create(own.baseUrl() + PATH))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(slow)).build(),
          HttpResponse.BodyHandlers.ofString());

      while (own.registrations().isEmpty() && !answer.isDone()) {
        Thread.onSpinWait(); // the condition: the sandbox has received it (a few ms), long before it answers (3 s)
      }

      assertThat(answer).as("the answer is still delayed").isNotDone();
      assertThat(own.registrations()).singleElement().satisfies(registered ->
          assertThat(registered.getAttendee().getFields().get(0).getFieldValue()).isEqualTo("SLOW"));
      assertThat(answer.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void slowAnswersDoNotHoldTheThreadsThatServeOtherRequests() throws Exception {
    int slowOnes = SandboxServer.WORKERS + 4; // more than there are threads to answer requests
    try (Huiyi31Sandbox own = Huiyi31Sandbox.start();
        Huiyi31Client ownClient = Huiyi31Client.builder().baseUrl(own.baseUrl()).maxConcurrentRequests(slowOnes + 1).build()) {
      List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
      for (int i = 0; i < slowOnes; i++) {
        slow.add(RAW.sendAsync(HttpRequest.newBuilder(URI.create(own.baseUrl() + PATH)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(docsRequest().replace("张晓明", "SLOW"))).build(),
            HttpResponse.BodyHandlers.ofString()));
      }
      while (own.registrations().size() < slowOnes && slow.stream().noneMatch(CompletableFuture::isDone)) {
        Thread.onSpinWait(); // every SLOW request received, each waiting for its delayed answer
      }

      RegisterAttendeeResponse quick = ownClient.attendees().registerAttendee(request("张晓明", "13912345678", null, SKU));

      assertThat(quick.getBusinessCode()).isZero();
      assertThat(slow).as("no SLOW answer was sent yet").noneMatch(CompletableFuture::isDone);
      assertThat(own.registrations()).hasSize(slowOnes + 1);
      for (CompletableFuture<HttpResponse<String>> answer : slow) {
        assertThat(answer.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      }
    }
  }

  @Test
  void countsAndNumbersStayExactUnderConcurrency() throws Exception {
    int threads = 16;
    int each = 25;
    Set<String> orderNos = ConcurrentHashMap.newKeySet();
    Set<String> checkinCodes = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (Huiyi31Sandbox own = Huiyi31Sandbox.start(0);
        Huiyi31Client ownClient = Huiyi31Client.builder().baseUrl(own.baseUrl()).maxConcurrentRequests(threads).build()) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String name = "参会人" + (t % 4);
        done.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            RegistrationOrder order = ownClient.attendees().registerAttendee(request(name, "13912345678", null, SKU)).getData();
            orderNos.add(order.getOrderNo());
            checkinCodes.add(order.getOrderAttendees().get(0).getCheckinCode());
          }
          return null;
        }));
      }
      for (Future<?> future : done) {
        future.get(60, TimeUnit.SECONDS);
      }

      assertThat(own.registrations()).hasSize(threads * each);
      assertThat(own.registrations().stream().collect(Collectors.groupingBy(
          registered -> registered.getAttendee().getFields().get(0).getFieldValue(), Collectors.counting())))
          .hasSize(4).allSatisfy((name, count) -> assertThat(count).isEqualTo(threads / 4L * each));
      assertThat(orderNos).hasSize(threads * each).allMatch(no -> no.matches("[1-9][0-9]{18}"));
      assertThat(checkinCodes).hasSize(threads * each).allMatch(code -> code.matches("[1-9][0-9]{18}"));
    } finally {
      pool.shutdownNow();
    }
  }

  // --- the server itself -----------------------------------------------------------------------

  @Test
  void listensOnLoopbackOnly() throws Exception {
    assertThat(sandbox.baseUrl()).isEqualTo("http://127.0.0.1:" + sandbox.port());
    assertThat(sandbox.port()).isPositive();
    try (Socket loopback = new Socket()) {
      loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), sandbox.port()), 2_000);
      assertThat(loopback.isConnected()).isTrue();
    }
    for (InetAddress other : nonLoopbackAddresses()) {
      assertThatThrownBy(() -> {
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress(other, sandbox.port()), 2_000);
        }
      }).as("connecting to %s", other).isInstanceOf(IOException.class);
    }
  }

  @Test
  void otherPathsAndMethodsAreNotServed() throws Exception {
    HttpResponse<String> elsewhere = RAW.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/op/notoken/api/Attendee/v1/Nope"))
        .POST(HttpRequest.BodyPublishers.ofString(docsRequest())).header("Content-Type", "application/json").build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> get = RAW.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + PATH)).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(elsewhere.statusCode()).isEqualTo(404);
    assertThat(elsewhere.body()).contains("POST " + PATH);
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    assertThat(get.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(get.body()).startsWith("405 Method Not Allowed (huiyi31 sandbox): GET " + PATH)
        .contains("POST /connect/token", "POST /op/api/AttendeeType/v1/list", "POST " + PATH);
  }

  @Test
  void aQueryStringDoesNotChangeThePath() throws Exception {
    HttpResponse<String> response = RAW.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + PATH + "?x=1"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(docsRequest())).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).path("businessCode").asInt()).isZero();
  }

  @Test
  void thereIsNoAdminApi() throws Exception {
    HttpResponse<String> reset = RAW.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/__admin/reset"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(reset.statusCode()).isEqualTo(404);
    assertThat(reset.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(client.attendees().registerAttendee(request("张晓明", "13912345678", null, SKU)).getBusinessCode()).isZero();
  }

  @Test
  void startWithoutAPortTakesAFreeOne() {
    try (Huiyi31Sandbox first = Huiyi31Sandbox.start(); Huiyi31Sandbox second = Huiyi31Sandbox.start()) {
      assertThat(first.port()).isPositive().isNotEqualTo(second.port());
      assertThat(first.baseUrl()).isEqualTo("http://127.0.0.1:" + first.port());
    }
  }

  @Test
  void aTakenPortIsReportedClearly() {
    assertThatThrownBy(() -> Huiyi31Sandbox.start(sandbox.port()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("127.0.0.1:" + sandbox.port());
    assertThatThrownBy(() -> Huiyi31Sandbox.start(70_000)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void closingTwiceIsHarmlessAndFreesThePort() throws Exception {
    Huiyi31Sandbox own = Huiyi31Sandbox.start(0);
    int port = own.port();
    own.close();
    own.close();

    assertThatThrownBy(() -> {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
      }
    }).isInstanceOf(IOException.class);
  }

  // --- helpers ---------------------------------------------------------------------------------

  static RegisterAttendeeRequest request(String fullName, String mobile, String email, String sku) {
    AttendeeForm form = new AttendeeForm();
    if (fullName != null) {
      form.addFieldsItem(new FormField().fieldName("FullName").fieldValue(fullName));
    }
    if (mobile != null) {
      form.addFieldsItem(new FormField().fieldName("Mobile").fieldValue(mobile));
    }
    if (email != null) {
      form.addFieldsItem(new FormField().fieldName("Email").fieldValue(email));
    }
    return new RegisterAttendeeRequest().bventId(EVENT).attendeeTypeId(TYPE).attendee(form)
        .addItemsItem(new TicketItem().itemSkuId(sku).itemSkuName("嘉宾").quantity(1));
  }

  /** The platform's documented request (the recorded docs-example-registered case), as JSON text. */
  static String docsRequest() {
    return "{\n"
        + "  \"BventId\": \"" + EVENT + "\",\n"
        + "  \"AttendeeTypeId\": \"" + TYPE + "\",\n"
        + "  \"Attendee\": {\n"
        + "    \"Fields\": [\n"
        + "      { \"FieldName\": \"FullName\", \"FieldValue\": \"张晓明\" },\n"
        + "      { \"FieldName\": \"Mobile\", \"FieldValue\": \"13912345678\" },\n"
        + "      { \"FieldName\": \"Email\", \"FieldValue\": \"zhang.xiaoming@example.com\" },\n"
        + "      { \"FieldName\": \"Company\", \"FieldValue\": \"示例科技有限公司\" },\n"
        + "      { \"FieldName\": \"Position\", \"FieldValue\": \"产品经理\" }\n"
        + "    ]\n"
        + "  },\n"
        + "  \"Items\": [\n"
        + "    { \"ItemSkuId\": \"" + SKU + "\", \"ItemSkuName\": \"嘉宾\", \"Quantity\": 1 }\n"
        + "  ]\n"
        + "}\n";
  }

  private static HttpResponse<String> postRaw(String body) throws IOException, InterruptedException {
    return postRaw(sandbox, body);
  }

  private static HttpResponse<String> postRaw(Huiyi31Sandbox target, String body) throws IOException, InterruptedException {
    return RAW.send(HttpRequest.newBuilder(URI.create(target.baseUrl() + PATH))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** POSTs raw JSON and returns the envelope, after checking it is the platform's kind of answer. */
  private static JsonNode rawAnswer(String body) throws IOException, InterruptedException {
    HttpResponse<String> response = postRaw(body);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    return JSON.readTree(response.body());
  }

  private static void assertInvalid(JsonNode answer) {
    assertThat(answer.path("businessCode").asInt()).isEqualTo(400);
    assertThat(answer.has("data")).isTrue();
    assertThat(answer.get("data").isNull()).isTrue();
    assertThat(answer.path("businessMessage").asText()).startsWith("Invalid request: ");
  }

  /** The spec's RegisterAttendeeRegistered example (kept identical to recorded/docs-example-registered). */
  private static JsonNode documentedSuccessExample() throws IOException {
    try (InputStream spec = SandboxTest.class.getResourceAsStream("/huiyi31/openapi.yaml")) {
      return new YAMLMapper().readTree(spec).path("components").path("examples").path("RegisterAttendeeRegistered").path("value");
    }
  }

  /** Same keys in the same order, same JSON types, at every level; values may differ. */
  private static void assertSameShape(String path, JsonNode actual, JsonNode expected) {
    assertThat(expected.isMissingNode()).as("the example exists").isFalse();
    assertThat(actual.getNodeType()).as(path).isEqualTo(expected.getNodeType());
    if (expected.isObject()) {
      List<String> actualKeys = new ArrayList<>();
      actual.fieldNames().forEachRemaining(actualKeys::add);
      List<String> expectedKeys = new ArrayList<>();
      expected.fieldNames().forEachRemaining(expectedKeys::add);
      assertThat(actualKeys).as(path).containsExactlyElementsOf(expectedKeys);
      for (String key : expectedKeys) {
        assertSameShape(path + "." + key, actual.get(key), expected.get(key));
      }
    } else if (expected.isArray()) {
      assertThat(actual.size()).as(path).isEqualTo(expected.size());
      Iterator<JsonNode> a = actual.elements();
      Iterator<JsonNode> e = expected.elements();
      for (int i = 0; e.hasNext(); i++) {
        assertSameShape(path + "[" + i + "]", a.next(), e.next());
      }
    }
  }

  private static OpenApiInteractionValidator specValidator() throws IOException {
    try (InputStream spec = SandboxTest.class.getResourceAsStream("/huiyi31/openapi.yaml")) {
      return OpenApiInteractionValidator.createForInlineApiSpecification(
          new String(spec.readAllBytes(), StandardCharsets.UTF_8)).build();
    }
  }

  private static List<InetAddress> nonLoopbackAddresses() throws IOException {
    List<InetAddress> addresses = new ArrayList<>();
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nic.isUp() && !nic.isLoopback()) {
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (!address.isLinkLocalAddress()) {
            addresses.add(address);
          }
        }
      }
    }
    return addresses;
  }
}
