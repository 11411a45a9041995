package com.huiyi31.sandbox;

import static com.huiyi31.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiyi31.sandbox.junit.Huiyi31SandboxExtension;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A string longer than the contract's {@code maxLength} is refused, as the platform's stand-in
 * should, naming where and how long but never repeating the value: it may be personal data, or
 * the app secret. (The sandbox comes from its JUnit extension: each test starts with no
 * registrations.)
 */
@ExtendWith(Huiyi31SandboxExtension.class)
class OversizedValuesTest {

  private static final String COMPANY = "示例科技有限公司";

  private static Huiyi31Sandbox sandbox;
  private static SandboxHttp http;

  @BeforeAll
  static void start(Huiyi31Sandbox started) {
    sandbox = started;
    http = new SandboxHttp(sandbox);
  }

  @Test
  void aFormAnswerOverItsLimitIsRefusedWithoutRepeatingIt() {
    JsonNode answer = json(http.register(docsRequestWith(COMPANY, "秘".repeat(2001))));

    assertThat(answer.path("businessCode").asInt()).isEqualTo(Huiyi31Sandbox.INVALID_REQUEST_CODE);
    assertThat(answer.path("businessMessage").asText())
        .isEqualTo("Invalid request: $.Attendee.Fields[3].FieldValue: has 2001 characters, more than the 2000 allowed");
    assertThat(sandbox.registrations()).isEmpty();
  }

  @Test
  void aFormAnswerAtItsLimitIsAccepted() {
    JsonNode answer = json(http.register(docsRequestWith(COMPANY, "秘".repeat(2000))));

    assertThat(answer.path("businessCode").asInt()).as(answer.toString()).isZero();
    assertThat(sandbox.registrations()).hasSize(1);
  }

  @Test
  void anIdLongerThanAGuidIsRefused() {
    String id = Huiyi31Sandbox.DEMO_EVENT_ID;
    JsonNode answer = json(http.register(docsRequestWith("\"" + id + "\"", "\"" + id + "0\"")));

    assertThat(answer.path("businessCode").asInt()).isEqualTo(Huiyi31Sandbox.INVALID_REQUEST_CODE);
    assertThat(answer.path("businessMessage").asText())
        .isEqualTo("Invalid request: $.BventId: has 37 characters, more than the 36 allowed");
  }

  @Test
  void anOverlongAppSecretIsRefusedWithoutRepeatingIt() {
    String secret = "s3cr3t".repeat(200);
    Map<String, String> form = SandboxHttp.appCredentials(Huiyi31Sandbox.DEMO_APP_KEY, secret);

    JsonNode answer = json(http.token(form));

    assertThat(answer.path("error").asText()).isEqualTo("invalid_request");
    assertThat(answer.path("error_description").asText())
        .isEqualTo("the request breaks the contract: $.appSecret: has 1200 characters, more than the 1024 allowed");
  }

  @Test
  void anOverlongEventIdOfTheTypeListIsRefused() {
    String token = json(http.token(Huiyi31Sandbox.DEMO_APP_KEY, Huiyi31Sandbox.DEMO_APP_SECRET)).path("access_token").asText();

    JsonNode answer = json(http.listTypes("1".repeat(37), "Bearer " + token));

    assertThat(answer.path("businessCode").asInt()).isEqualTo(Huiyi31Sandbox.INVALID_REQUEST_CODE);
    assertThat(answer.path("businessMessage").asText())
        .isEqualTo("Invalid request: $.BventId: has 37 characters, more than the 36 allowed");
  }

  /** The documented request with its first {@code text} replaced. */
  private static String docsRequestWith(String text, String replacement) {
    String body = SandboxTest.docsRequest().replaceFirst(Pattern.quote(text), Matcher.quoteReplacement(replacement));
    assertThat(body).contains(replacement);
    return body;
  }
}
