package com.huiyi31.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.huiyi31.client.Fixtures.REGISTER_PATH;
import static com.huiyi31.client.Fixtures.validRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.huiyi31.client.model.OrderAttendee;
import com.huiyi31.client.model.RegisterAttendeeResponse;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Answers that differ from the contract's examples in ways the contract says clients must accept. */
class ForwardCompatibilityTest {

  @RegisterExtension
  static PlatformStub platform = new PlatformStub();

  private RegisterAttendeeResponse registerAgainst(String body) {
    platform.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body)));
    RegisterAttendeeResponse response = platform.attendees().registerAttendee(validRequest());
    platform.verify(1, postRequestedFor(urlEqualTo(REGISTER_PATH)));
    return response;
  }

  @Test
  void unknownPropertiesAtEveryLevelAreIgnored() {
    RegisterAttendeeResponse response = registerAgainst("{"
        + "\"traceId\":\"0HN7\",\"extra\":{\"nested\":[1,{\"deep\":true}]},"
        + "\"businessCode\":0,\"businessMessage\":\"\","
        + "\"data\":{\"orderNo\":\"2111041526362863634\",\"currency\":\"CNY\",\"coupons\":[],"
        + "\"orderAttendees\":[{\"checkinCode\":\"1475765432202956800\",\"seat\":{\"row\":3},\"tags\":[\"vip\"]}]}}");

    assertThat(response.getBusinessCode()).isZero();
    assertThat(response.getData().getOrderNo()).isEqualTo("2111041526362863634");
    assertThat(response.getData().getOrderAttendees())
        .singleElement()
        .extracting(OrderAttendee::getCheckinCode)
        .isEqualTo("1475765432202956800");
  }

  @Test
  void pascalCaseResponseKeysStillDecode() {
    RegisterAttendeeResponse response = registerAgainst("{"
        + "\"BusinessCode\":0,\"BusinessMessage\":\"成功\","
        + "\"Data\":{\"OrderNo\":\"2111041526362863634\",\"OrderAmount\":0.00,\"OrderStatus\":\"Paid\","
        + "\"OrderAttendees\":[{\"Name\":\"张晓明\",\"CheckinCode\":\"1475765432202956800\"}]}}");

    assertThat(response.getBusinessCode()).isZero();
    assertThat(response.getBusinessMessage()).isEqualTo("成功");
    assertThat(response.getData().getOrderNo()).isEqualTo("2111041526362863634");
    assertThat(response.getData().getOrderAmount()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(response.getData().getOrderStatus()).isEqualTo("Paid");
    assertThat(response.getData().getOrderAttendees().get(0).getName()).isEqualTo("张晓明");
    assertThat(response.getData().getOrderAttendees().get(0).getCheckinCode()).isEqualTo("1475765432202956800");
  }

  @Test
  void pascalCaseNonZeroBusinessCodeIsStillARejection() {
    platform.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse().withStatus(200)
        .withBody("{\"BusinessCode\":1001,\"BusinessMessage\":\"手机号已被注册\",\"Data\":null}")));

    Huiyi31BusinessException e = Fixtures.thrownBy(Huiyi31BusinessException.class,
        () -> platform.attendees().registerAttendee(validRequest()));

    assertThat(e.businessCode()).isEqualTo(1001);
    assertThat(e.businessMessage()).isEqualTo("手机号已被注册");
  }

  @Test
  void checkinCodeSentAsABareNumberDecodesToTheExactDigits() {
    RegisterAttendeeResponse response = registerAgainst(
        "{\"businessCode\":0,\"data\":{\"orderAttendees\":[{\"checkinCode\":1475765432202956800}]}}");

    assertThat(response.getData().getOrderAttendees().get(0).getCheckinCode()).isEqualTo("1475765432202956800");
  }

  @Test
  void orderNoSentAsABareNumberDecodesToTheExactDigits() {
    RegisterAttendeeResponse response = registerAgainst(
        "{\"businessCode\":0,\"data\":{\"orderNo\":2111041526362863634}}");

    assertThat(response.getData().getOrderNo()).isEqualTo("2111041526362863634");
  }

  @Test
  void unknownOrderStatusAndTypeValuesAreKeptAsStrings() {
    RegisterAttendeeResponse response = registerAgainst(
        "{\"businessCode\":0,\"data\":{\"orderStatus\":\"PartiallyRefunded\",\"orderType\":\"sub\"}}");

    assertThat(response.getData().getOrderStatus()).isEqualTo("PartiallyRefunded");
    assertThat(response.getData().getOrderType()).isEqualTo("sub");
  }

  @Test
  void missingOptionalPropertiesDecodeAsNull() {
    RegisterAttendeeResponse response = registerAgainst("{\"businessCode\":0,\"data\":{\"orderNo\":\"1\"}}");

    assertThat(response.getBusinessMessage()).isNull();
    assertThat(response.getData().getOrderAmount()).isNull();
    assertThat(response.getData().getOrderAttendees()).isNull();
  }
}
