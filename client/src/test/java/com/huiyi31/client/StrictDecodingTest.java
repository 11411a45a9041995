package com.huiyi31.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.huiyi31.client.Fixtures.REGISTER_PATH;
import static com.huiyi31.client.Fixtures.thrownBy;
import static com.huiyi31.client.Fixtures.validRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.huiyi31.client.Huiyi31Exception.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tolerant where the contract lets answers change, strict where success is decided: answers
 * found by the decoding fuzz test that must never read as a success.
 */
class StrictDecodingTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static void answer(byte[] body) {
    wm.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(body)));
  }

  private static Huiyi31Exception register() {
    try (Huiyi31Client client = Fixtures.clientFor(wm.baseUrl())) {
      return thrownBy(Huiyi31Exception.class, () -> client.attendees().registerAttendee(validRequest()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"businessCode\":0} garbage",
      "{\"businessCode\":0}{\"businessCode\":1001}",
      "{\"businessCode\":1001,\"data\":null,\"businessCode\":0}",
      "{\"businessCode\":0.5}",
      "{\"businessCode\":-0.9}",
      "{\"businessCode\":\"0\"}",
  })
  void anAnswerThatOnlyLooksSuccessfulIsADecodeException(String body) {
    answer(body.getBytes(StandardCharsets.UTF_8));

    Huiyi31Exception e = register();

    assertThat(e).isInstanceOf(Huiyi31DecodeException.class);
    assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN);
  }

  @Test
  void bytesThatAreNoJsonEncodingAreADecodeExceptionNotATransportOne() {
    answer(new byte[] {0, 0, 0, 0x7B, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});

    Huiyi31Exception e = register();

    assertThat(e).isInstanceOf(Huiyi31DecodeException.class);
    assertThat(e.getMessage()).contains("could not be read");
  }

  @Test
  void truncatedJsonIsReportedAsInvalidJson() {
    answer("{\"businessCode\": 0, \"data\": {".getBytes(StandardCharsets.UTF_8));

    assertThat(register().getMessage()).contains("not valid JSON");
  }

  @Test
  void aBusinessMessageCannotForgeLogLinesOrGrowTheMessage() {
    answer(("{\"businessCode\":1001,\"businessMessage\":\"bad\\nline2\\tat x.y(Z.java:1)" + "x".repeat(100_000) + "\"}")
        .getBytes(StandardCharsets.UTF_8));

    Huiyi31Exception e = register();

    assertThat(e).isInstanceOf(Huiyi31BusinessException.class);
    assertThat(e.getMessage()).doesNotContain("\n", "\t").hasSizeLessThan(400);
    assertThat(((Huiyi31BusinessException) e).businessMessage()).startsWith("bad\nline2");
  }

  @Test
  void maskingALongTextWithoutAnAtSignStaysLinear() {
    String text = "x".repeat(1_000_000) + " 13912345678";

    String masked = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Redaction.text(text));

    assertThat(masked).endsWith(" 139****5678");
    String withAnAtSign = "x".repeat(1_000_000) + "@ zhang.xiaoming@example.com";
    String maskedToo = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Redaction.text(withAnAtSign));
    assertThat(maskedToo).doesNotContain("zhang.xiaoming").hasSizeLessThan(withAnAtSign.length());
  }
}
