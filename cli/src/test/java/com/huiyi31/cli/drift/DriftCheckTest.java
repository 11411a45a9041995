package com.huiyi31.cli.drift;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.Huiyi31ConfigurationException;
import com.huiyi31.client.Huiyi31ValidationException;
import com.huiyi31.sandbox.Drift;
import com.huiyi31.sandbox.Huiyi31Sandbox;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link DriftCheck} as a library call: what a CI job gets back, and what it refuses to start with. */
class DriftCheckTest {

  private static final String EVENT = Huiyi31Sandbox.DEMO_EVENT_ID;

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static DriftCheck.Builder against(String baseUrl) {
    return DriftCheck.builder().baseUrl(baseUrl).credentials(Huiyi31Sandbox.DEMO_APP_KEY, Huiyi31Sandbox.DEMO_APP_SECRET)
        .event(EVENT);
  }

  @Test
  void aSandboxDriftingInEveryWayShowsEveryKindOfFinding() {
    try (Huiyi31Sandbox sandbox = Huiyi31Sandbox.start(0, EnumSet.allOf(Drift.class))) {
      DriftReport report = against(sandbox.baseUrl()).registerWith(REGISTRATION).build().run();

      assertThat(report.hasDrift()).isTrue();
      assertThat(report.complete()).as(report.unchecked().toString()).isTrue();
      assertThat(report.checked()).containsExactly("requestAccessToken", "listAttendeeTypes", "registerAttendee");
      assertThat(report.findings()).extracting(DriftReport.Finding::kind)
          .containsExactlyInAnyOrder(DriftReport.Kind.values());
    }
  }

  @Test
  void theSandboxAsItIsHasNoDrift() {
    try (Huiyi31Sandbox sandbox = Huiyi31Sandbox.start(0)) {
      DriftReport report = against(sandbox.baseUrl()).build().run();

      assertThat(report.findings()).isEmpty();
      assertThat(report.complete()).isTrue();
      assertThat(report.checked()).containsExactly("requestAccessToken", "listAttendeeTypes");
      assertThat(sandbox.registrations()).as("no Register without registerWith").isEmpty();
    }
  }

  @Test
  void valuesOfUndeclaredPropertiesAndTokensNeverReachTheReport() {
    wm.stubFor(post(urlEqualTo(RawExchanges.TOKEN_PATH)).willReturn(json("{\"access_token\":\"tok-8f3a-secret\","
        + "\"expires_in\":600,\"token_type\":\"Bearer\",\"refresh_token\":\"ref-77-secret\",\"scope\":\"x\","
        + "\"id_token\":\"idt-secret-1\"}")));
    wm.stubFor(post(urlEqualTo(RawExchanges.LIST_TYPES_PATH)).willReturn(json("{\"businessCode\":0,\"businessMessage\":\"\","
        + "\"data\":{\"attendeeTypes\":[],\"organiser\":{\"name\":\"王建国\",\"mobile\":\"13800138000\"},\"hint\":\"张晓明\"}}")));

    DriftReport report = against(wm.baseUrl()).build().run();

    assertThat(report.findings()).extracting(DriftReport.Finding::path)
        .containsExactlyInAnyOrder("$.id_token", "$.data.organiser", "$.data.hint");
    assertThat(report.findings()).extracting(DriftReport.Finding::detail)
        .contains("not declared by the spec; its value is a string", "not declared by the spec; its value is an object");
    for (String printed : new String[] {report.toText(), report.toJson(), report.toString()}) {
      assertThat(printed).doesNotContain("tok-8f3a-secret", "ref-77-secret", "idt-secret-1", "王建国", "13800138000", "张晓明",
          Huiyi31Sandbox.DEMO_APP_SECRET);
    }
    wm.verify(postRequestedFor(urlEqualTo(RawExchanges.LIST_TYPES_PATH))
        .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer tok-8f3a-secret")));
  }

  @Test
  void theTestEnvironmentIsTheDefaultAndItsIssuerFollows() {
    DriftCheck check = DriftCheck.builder().credentials("k", "s").event(EVENT).build();

    assertThat(check.toString()).contains(Huiyi31Client.TEST_BASE_URL, Huiyi31Client.TEST_OAUTH_URL, "appSecret=****")
        .doesNotContain("=s,");
  }

  @Test
  void unusableSettingsAreRefusedAsTheClientWouldRefuseThem() {
    assertThatThrownBy(() -> DriftCheck.builder().baseUrl("http://example.com").credentials("k", "s").event(EVENT).build())
        .isInstanceOf(Huiyi31ConfigurationException.class).hasMessageContaining("plain http");
    assertThatThrownBy(() -> DriftCheck.builder().event(EVENT).build()).isInstanceOf(Huiyi31ConfigurationException.class);
    assertThatThrownBy(() -> DriftCheck.builder().credentials("k", "s").build())
        .isInstanceOf(Huiyi31ValidationException.class).hasMessageContaining("BventId");
    assertThatThrownBy(() -> DriftCheck.builder().baseUrl(Huiyi31Client.PRODUCTION_BASE_URL).credentials("k", "s")
        .event(EVENT).registerWith(REGISTRATION).build())
        .isInstanceOf(Huiyi31ConfigurationException.class).hasMessageContaining("never to production");
    assertThatThrownBy(() -> DriftCheck.builder().credentials("k", "s").event(EVENT).registerWith("{\"BventId\":").build())
        .isInstanceOf(Huiyi31ValidationException.class).hasMessageContaining("not JSON");
  }

  static final String REGISTRATION = "{\"BventId\":\"" + EVENT + "\",\"AttendeeTypeId\":\"51f10000-4961-fe41-aba5-08dc70ba48eb\","
      + "\"Attendee\":{\"Fields\":[{\"FieldName\":\"FullName\",\"FieldValue\":\"张晓明\"},"
      + "{\"FieldName\":\"Mobile\",\"FieldValue\":\"13912345678\"}]},"
      + "\"Items\":[{\"ItemSkuId\":\"40180000-300e-9237-c7af-08dc6f31f78c\",\"ItemSkuName\":\"嘉宾票\",\"Quantity\":1}]}";

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
  }
}
