package com.huiyi31.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedactionTest {

  private static String body(String text) {
    return Redaction.body(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aMobileNumberKeepsItsFirstThreeAndLastFourDigits() {
    assertThat(Redaction.mask("13812340000")).isEqualTo("138****0000");
    assertThat(Redaction.mask("+86 139-1234-5678")).isEqualTo("861******5678");
  }

  @Test
  void anEmailKeepsItsFirstLetterAndDomain() {
    assertThat(Redaction.mask("zhang.xiaoming@example.com")).isEqualTo("z***@example.com");
  }

  @Test
  void aNameKeepsItsFirstCharacter() {
    assertThat(Redaction.mask("张晓明")).isEqualTo("张**");
    assertThat(Redaction.mask("王")).isEqualTo("*");
  }

  @Test
  void formFieldValuesAreMaskedWhateverTheFieldIsCalled() {
    String masked = body("{\"Attendee\":{\"Fields\":[{\"FieldName\":\"FullName\",\"FieldValue\":\"张晓明\"},"
        + "{\"FieldName\":\"Mobile\",\"FieldValue\":\"13912345678\"},"
        + "{\"FieldName\":\"StringField7\",\"FieldValue\":\"110101199003071234\"}]}}");

    assertThat(masked).contains("\"FieldName\":\"FullName\"", "张**", "139****5678", "110***********1234")
        .doesNotContain("张晓明", "13912345678", "110101199003071234");
  }

  @Test
  void personalKeysAreMaskedAtAnyDepthAndInAnyCase() {
    String masked = body("{\"data\":{\"orderNo\":\"2111041526362863634\",\"orderAttendees\":[{\"Name\":\"李思雨\","
        + "\"MOBILE\":\"13698765432\",\"email\":\"li@example.com\"}]}}");

    assertThat(masked).contains("2111041526362863634", "李**", "136****5432", "l***@example.com")
        .doesNotContain("李思雨", "13698765432", "li@example.com");
  }

  @Test
  void messagesInsideJsonHavePhoneNumbersMasked() {
    assertThat(body("{\"businessCode\":1002,\"businessMessage\":\"手机号13912345678已被注册\"}"))
        .contains("139****5678").doesNotContain("13912345678");
  }

  @Test
  void secretsAreMaskedWhole() {
    String json = body("{\"access_token\":\"eyJhbGciOi.abc\",\"refresh_token\":\"r-123\",\"token_type\":\"Bearer\"}");
    String form = body("grant_type=custom_user_code&appKey=k1&appSecret=s3cr3t&refresh_token=r-123");

    assertThat(json).contains("\"access_token\":\"****\"", "\"refresh_token\":\"****\"").doesNotContain("eyJ", "r-123");
    assertThat(form).contains("appSecret=****", "refresh_token=****", "appKey=k1").doesNotContain("s3cr3t", "r-123");
  }

  @Test
  void freeTextHasPhoneNumbersAndEmailsMasked() {
    assertThat(Redaction.text("手机号13912345678已被注册, 联系 zhang@example.com"))
        .isEqualTo("手机号139****5678已被注册, 联系 z***@example.com");
  }

  @Test
  void aBodyThatIsNotJsonIsTreatedAsText() {
    assertThat(body("<html>call 13912345678</html>")).isEqualTo("<html>call 139****5678</html>");
  }

  @Test
  void secretHeadersAreRecognisedInAnyCase() {
    assertThat(Redaction.isSecretHeader("Authorization")).isTrue();
    assertThat(Redaction.isSecretHeader("cookie")).isTrue();
    assertThat(Redaction.isSecretHeader("Set-Cookie")).isTrue();
    assertThat(Redaction.isSecretHeader("X-Access-Token")).isTrue();
    assertThat(Redaction.isSecretHeader("Content-Type")).isFalse();
  }
}
