package com.huiyi31.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.huiyi31.cli.drift.DriftCheck;
import com.huiyi31.cli.drift.Recording;
import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.model.ListAttendeeTypesRequest;
import com.huiyi31.client.model.ListAttendeeTypesResponse;
import com.huiyi31.sandbox.Huiyi31Sandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code huiyi31 record} writes ({@link DriftCheck#record}) is a set of fixtures these tests
 * replay: recorded from the sandbox, loaded as {@link RecordedCase}s, sent through the real client
 * against WireMock serving the recorded answers, and validated with {@link SpecValidator}, exactly
 * as {@link RecordedCasesTest} and {@link AttendeeTypesContractTest} treat the fixtures in
 * {@code recorded/}. No recorded file holds a personal value of the registration sent.
 */
class RecordedFixturesTest {

  private static final String NAME = "from-sandbox";
  private static final List<String> PERSONAL = List.of("张晓明", "13912345678", "zhang.xiaoming@example.com", "示例科技有限公司");
  private static final String REGISTRATION = "{\"BventId\":\"" + Huiyi31Sandbox.DEMO_EVENT_ID + "\","
      + "\"AttendeeTypeId\":\"51f10000-4961-fe41-aba5-08dc70ba48eb\",\"Attendee\":{\"Fields\":["
      + "{\"FieldName\":\"FullName\",\"FieldValue\":\"张晓明\"},{\"FieldName\":\"Mobile\",\"FieldValue\":\"13912345678\"},"
      + "{\"FieldName\":\"Email\",\"FieldValue\":\"zhang.xiaoming@example.com\"},"
      + "{\"FieldName\":\"Company\",\"FieldValue\":\"示例科技有限公司\"}]},"
      + "\"Items\":[{\"ItemSkuId\":\"40180000-300e-9237-c7af-08dc6f31f78c\",\"ItemSkuName\":\"嘉宾票\",\"Quantity\":1}]}";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(WireMockConfiguration.wireMockConfig().dynamicPort())
      .build();

  @TempDir
  static Path recorded;

  private static Recording recording;

  @BeforeAll
  static void recordFromTheSandbox() throws Exception {
    try (Huiyi31Sandbox sandbox = Huiyi31Sandbox.start(0)) {
      recording = DriftCheck.builder().baseUrl(sandbox.baseUrl())
          .credentials(Huiyi31Sandbox.DEMO_APP_KEY, Huiyi31Sandbox.DEMO_APP_SECRET)
          .event(Huiyi31Sandbox.DEMO_EVENT_ID).registerWith(REGISTRATION).build()
          .record(recorded, NAME);
    }
  }

  @Test
  void theRecordingIsCompleteAndItsOwnValidationFoundNothing() {
    assertThat(recording.valid()).as(recording.contradictions() + " " + recording.unchecked()).isTrue();
    assertThat(RecordedCase.all(recorded, "")).extracting(RecordedCase::name).containsExactly(NAME);
    assertThat(RecordedCase.all(recorded, "attendee-types")).extracting(RecordedCase::name)
        .containsExactly("attendee-types/" + NAME);
    assertThat(RecordedCase.all(recorded, "token")).extracting(RecordedCase::name).containsExactly("token/" + NAME);
  }

  @Test
  void theRecordedRegisterCaseIsSentAsRecordedAndKeepsTheContract() throws Exception {
    RecordedCase register = RecordedCase.all(recorded, "").get(0);

    Replay replay = Replay.of(wm, register);

    assertThat(register.source()).startsWith("Recorded by huiyi31");
    assertThat(RecordedCase.STRICT.readTree(replay.exchange().getRequest().getBody())).isEqualTo(register.requestJson());
    ValidationReport report = SpecValidator.INSTANCE.validate(replay.exchange().getRequest(), replay.exchange().getResponse());
    assertThat(report.hasErrors()).as(SpecValidator.describe(report)).isFalse();
    assertThat(replay.success().getData().getOrderAttendees().get(0).getName()).isEqualTo("测试甲");
  }

  @Test
  void theRecordedTokenAndTypeListCasesKeepTheContract() throws Exception {
    RecordedCase token = RecordedCase.all(recorded, "token").get(0);
    RecordedCase types = RecordedCase.all(recorded, "attendee-types").get(0);
    wm.resetAll();
    wm.stubFor(post(urlPathEqualTo("/connect/token")).willReturn(answer(token)));
    wm.stubFor(post(urlPathEqualTo(AttendeeTypesContractTest.LIST_PATH)).willReturn(answer(types)));

    ListAttendeeTypesResponse answer;
    try (Huiyi31Client client = Huiyi31Client.builder().baseUrl(wm.baseUrl()).credentials("demo-app-key", "demo-app-secret")
        .build()) {
      answer = client.attendeeTypes().listAttendeeTypes(
          RecordedCase.STRICT.treeToValue(types.requestJson(), ListAttendeeTypesRequest.class));
    }

    assertThat(answer.getData().getAttendeeTypes()).extracting("name").containsExactly("嘉宾", "观众");
    for (ServeEvent exchange : wm.getAllServeEvents()) {
      ValidationReport report = SpecValidator.INSTANCE.validate(exchange.getRequest(), exchange.getResponse());
      assertThat(report.hasErrors()).as(exchange.getRequest().getUrl() + ": " + SpecValidator.describe(report)).isFalse();
    }
    assertThat(wm.getAllServeEvents()).hasSize(2);
  }

  @Test
  void noRecordedFileHoldsAPersonalValueOrAToken() throws Exception {
    StringBuilder everything = new StringBuilder();
    try (Stream<Path> files = Files.walk(recorded)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        everything.append(Files.readString(file, StandardCharsets.UTF_8));
      }
    }

    assertThat(everything.toString()).doesNotContain(PERSONAL.toArray(new String[0]))
        .doesNotContain(Huiyi31Sandbox.DEMO_APP_SECRET).contains("\"access_token\" : \"removed\"");
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer(RecordedCase recorded) {
    return aResponse().withStatus(recorded.status()).withHeader("Content-Type", recorded.contentType())
        .withBody(recorded.responseBody());
  }
}
