package com.huiyi31.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every recorded case, replayed through the generated client: the client sends exactly the
 * recorded request, that request is valid against the spec, and the recorded answer is valid
 * against the spec unless the case says why it is not (and then the validator must agree).
 */
class RecordedCasesTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig().dynamicPort())
      .build();

  static List<RecordedCase> cases() {
    return RecordedCase.all();
  }

  @Test
  void theRecordingsCoverTheCasesTheContractPromises() {
    assertThat(cases()).extracting(RecordedCase::name).contains(
        "docs-example-registered",
        "registered-with-unknown-fields",
        "business-rejection-mobile-taken",
        "order-with-several-attendees",
        "pascal-case-keys",
        "server-error-html-500",
        "empty-body-200");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachCaseSaysWhereItCameFrom(RecordedCase recorded) {
    assertThat(recorded.source()).as("case.json source").isNotBlank();
    assertThat(recorded.status()).isBetween(100, 599);
    assertThat(recorded.contentType()).isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theClientSendsExactlyTheRecordedRequest(RecordedCase recorded) throws Exception {
    Replay replay = Replay.of(wm, recorded);

    var sent = replay.exchange().getRequest();
    JsonNode body = RecordedCase.STRICT.readTree(new String(sent.getBody(), StandardCharsets.UTF_8));
    assertThat(body).isEqualTo(recorded.requestJson());
    assertThat(containsNull(body)).as("JSON nulls in the request").isFalse();
    assertThat(sent.getMethod().getName()).isEqualTo("POST");
    assertThat(sent.getUrl()).isEqualTo(Replay.REGISTER_PATH);
    assertThat(sent.getHeader("Content-Type")).isEqualToIgnoringCase("application/json; charset=UTF-8");
    assertThat(sent.containsHeader("Authorization")).as("Authorization header on a notoken path").isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyRequestTheClientSendsIsValidAgainstTheSpec(RecordedCase recorded) {
    Replay replay = Replay.of(wm, recorded);

    ValidationReport report = SpecValidator.INSTANCE.validateRequest(replay.exchange().getRequest());

    assertThat(report.hasErrors()).as(SpecValidator.describe(report)).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyRecordedAnswerIsValidAgainstTheSpecUnlessTheCaseSaysWhyNot(RecordedCase recorded) {
    Replay replay = Replay.of(wm, recorded);

    ValidationReport report = SpecValidator.INSTANCE.validate(
        replay.exchange().getRequest(), replay.exchange().getResponse());

    if (recorded.offContract().isPresent()) {
      // Exempt on purpose (see case.json "offContract"); the exemption must be real.
      assertThat(report.hasErrors())
          .as("%s claims to be off-contract (%s) but the validator accepts it", recorded, recorded.offContract().get())
          .isTrue();
    } else {
      assertThat(report.hasErrors()).as(SpecValidator.describe(report)).isFalse();
    }
  }

  private static boolean containsNull(JsonNode node) {
    if (node.isNull()) {
      return true;
    }
    for (JsonNode child : node) {
      if (containsNull(child)) {
        return true;
      }
    }
    return false;
  }
}
