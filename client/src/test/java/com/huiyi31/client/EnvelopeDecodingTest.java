package com.huiyi31.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.huiyi31.client.Fixtures.REGISTER_PATH;
import static com.huiyi31.client.Fixtures.thrownBy;
import static com.huiyi31.client.Fixtures.validRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huiyi31.client.Huiyi31Exception.Outcome;
import feign.FeignException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HTTP 200 answers that are not a successful registration: a business rejection, or a body that
 * is not a readable envelope of the contract.
 */
class EnvelopeDecodingTest {

  private static final int FOUR_MIB = 4 * 1024 * 1024;

  @RegisterExtension
  static PlatformStub platform = new PlatformStub();

  private void answer200(String body) {
    platform.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(body)));
  }

  private Huiyi31DecodeException registerExpectingDecodeException() {
    Huiyi31DecodeException e = thrownBy(Huiyi31DecodeException.class,
        () -> platform.attendees().registerAttendee(validRequest()));
    assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(e.httpStatus()).isEqualTo(200);
    platform.verify(1, postRequestedFor(urlEqualTo(REGISTER_PATH)));
    return e;
  }

  private static String stackTraceOf(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  // --- business rejection -------------------------------------------------------------------

  @Test
  void nonZeroBusinessCodeBecomesBusinessExceptionWithCodeAndMessage() {
    answer200("{\"businessCode\":1001,\"businessMessage\":\"手机号已被注册\",\"data\":null}");

    assertThatThrownBy(() -> platform.attendees().registerAttendee(validRequest()))
        .isInstanceOf(Huiyi31BusinessException.class)
        .isNotInstanceOf(FeignException.class);
    Huiyi31BusinessException e = thrownBy(Huiyi31BusinessException.class,
        () -> platform.attendees().registerAttendee(validRequest()));

    assertThat(e.businessCode()).isEqualTo(1001);
    assertThat(e.businessMessage()).isEqualTo("手机号已被注册");
    assertThat(e.httpStatus()).isEqualTo(200);
    assertThat(e.outcome()).isEqualTo(Outcome.NOT_PROCESSED);
    assertThat(e.getMessage()).contains("1001").contains("手机号已被注册");
    platform.verify(2, postRequestedFor(urlEqualTo(REGISTER_PATH)));
  }

  @Test
  void businessRejectionWithoutMessageStillNamesTheCode() {
    answer200("{\"businessCode\":-1,\"data\":null}");

    Huiyi31BusinessException e = thrownBy(Huiyi31BusinessException.class,
        () -> platform.attendees().registerAttendee(validRequest()));

    assertThat(e.businessCode()).isEqualTo(-1);
    assertThat(e.businessMessage()).isNull();
    assertThat(e.getMessage()).contains("businessCode -1");
  }

  // --- unreadable envelopes -----------------------------------------------------------------

  @Test
  void bodyWithoutBusinessCodeIsDecodeExceptionMentioningBusinessCode() {
    answer200("{\"businessMessage\":\"\",\"data\":{\"orderNo\":\"2111041526362863634\"}}");

    Huiyi31DecodeException e = registerExpectingDecodeException();

    assertThat(e.getMessage()).contains("businessCode");
  }

  @Test
  void explicitNullBusinessCodeIsDecodeException() {
    answer200("{\"businessCode\":null,\"businessMessage\":\"\",\"data\":null}");

    assertThat(registerExpectingDecodeException().getMessage()).contains("businessCode");
  }

  @Test
  void emptyBodyIsDecodeException() {
    answer200("");

    assertThat(registerExpectingDecodeException().getMessage()).contains("empty");
  }

  @Test
  void whitespaceOnlyBodyIsDecodeException() {
    answer200("  \r\n ");

    registerExpectingDecodeException();
  }

  @Test
  void htmlBodyIsDecodeExceptionThatDoesNotQuoteTheBody() {
    answer200("<html><body>Welcome 张晓明 13912345678</body></html>");

    Huiyi31DecodeException e = registerExpectingDecodeException();

    assertThat(e.getMessage())
        .contains("not valid JSON")
        .doesNotContain("html")
        .doesNotContain("张晓明")
        .doesNotContain("13912345678");
  }

  @Test
  void bareWordBodyIsDecodeExceptionWhoseMessageDoesNotQuoteTheWord() {
    answer200("Zhangxiaoming registered");

    Huiyi31DecodeException e = registerExpectingDecodeException();

    assertThat(e.getMessage()).doesNotContain("Zhangxiaoming");
  }

  @Test
  void truncatedJsonIsDecodeException() {
    answer200("{\"businessCode\":0,\"data\":{\"orderNo\":\"21110415");

    // Jackson reports the cut as a problem with the value being read; the message says where.
    assertThat(registerExpectingDecodeException().getMessage()).contains("line 1, column");
  }

  @Test
  void jsonNullBodyIsDecodeException() {
    answer200("null");

    assertThat(registerExpectingDecodeException().getMessage()).contains("null");
  }

  @Test
  void jsonArrayBodyIsDecodeException() {
    answer200("[{\"businessCode\":0}]");

    registerExpectingDecodeException();
  }

  @Test
  void bodyLargerThanFourMebibytesIsDecodeExceptionNamingTheLimit() {
    // A successful envelope, padded past the limit: only the size can make it fail.
    String prefix = "{\"businessCode\":0,\"businessMessage\":\"";
    String suffix = "\",\"data\":null}";
    answer200(prefix + Fixtures.repeat('x', FOUR_MIB) + suffix);

    Huiyi31DecodeException e = registerExpectingDecodeException();

    assertThat(e.getMessage()).contains(String.valueOf(FOUR_MIB)).contains("larger");
  }

  @Test
  void bodyOfExactlyFourMebibytesIsStillRead() {
    String prefix = "{\"businessCode\":0,\"businessMessage\":\"";
    String suffix = "\",\"data\":null}";
    String body = prefix + Fixtures.repeat('x', FOUR_MIB - prefix.length() - suffix.length()) + suffix;
    assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(FOUR_MIB);
    answer200(body);

    assertThat(platform.attendees().registerAttendee(validRequest()).getBusinessCode()).isZero();
  }

  @Test
  void objectWhereTheAttendeeArrayIsExpectedIsDecodeExceptionNamingThePathWithoutThePersonalValue() {
    answer200("{\"businessCode\":0,\"data\":{\"orderNo\":\"2111041526362863634\","
        + "\"orderAttendees\":{\"name\":\"张晓明\",\"mobile\":\"13912345678\"}}}");

    Huiyi31DecodeException e = registerExpectingDecodeException();

    assertThat(e.getMessage())
        .contains("$.data.orderAttendees")
        .doesNotContain("张晓明")
        .doesNotContain("13912345678");
  }

  @Test
  void nonNumericOrderAmountIsDecodeExceptionNamingThePathWithoutTheValue() {
    answer200("{\"businessCode\":0,\"data\":{\"orderAmount\":\"abc\"}}");

    Huiyi31DecodeException e = registerExpectingDecodeException();

    assertThat(e.getMessage()).contains("$.data.orderAmount").doesNotContain("abc");
  }

  @Test
  void personalValueInANumericFieldIsNotQuotedAndThePathHasTheArrayIndex() {
    // Jackson's own message for this would quote the string ("13912345678").
    answer200("{\"businessCode\":0,\"data\":{\"orderAttendees\":[{\"name\":\"ok\"},"
        + "{\"attendeeAbstractType\":\"13912345678\"}]}}");

    Huiyi31DecodeException e = registerExpectingDecodeException();

    assertThat(e.getMessage())
        .contains("$.data.orderAttendees[1].attendeeAbstractType")
        .doesNotContain("13912345678");
  }

  @Test
  void decodeFailureDoesNotLeakThePersonalValueThroughItsCauseChainEither() {
    // What a logger prints for log.error("...", e): the message of every cause included.
    answer200("{\"businessCode\":0,\"data\":{\"orderAttendees\":[{\"attendeeAbstractType\":\"13912345678\"}]}}");

    Huiyi31DecodeException e = registerExpectingDecodeException();

    assertThat(stackTraceOf(e)).doesNotContain("13912345678");
  }

  @Test
  void nonJsonBodyDoesNotLeakItsContentThroughTheCauseChain() {
    answer200("Zhangxiaoming 13912345678");

    Huiyi31DecodeException e = registerExpectingDecodeException();

    assertThat(stackTraceOf(e)).doesNotContain("Zhangxiaoming").doesNotContain("13912345678");
  }

  @Test
  void businessCodeTooLargeForAnIntIsDecodeException() {
    answer200("{\"businessCode\":4294967296,\"data\":null}");

    assertThat(registerExpectingDecodeException().getMessage()).contains("$.businessCode");
  }
}
