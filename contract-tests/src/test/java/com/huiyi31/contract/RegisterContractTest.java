package com.huiyi31.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.huiyi31.client.Huiyi31BusinessException;
import com.huiyi31.client.Huiyi31DecodeException;
import com.huiyi31.client.Huiyi31Exception.Outcome;
import com.huiyi31.client.Huiyi31HttpException;
import com.huiyi31.client.model.AttendeeForm;
import com.huiyi31.client.model.FormField;
import com.huiyi31.client.model.OrderAttendee;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.client.model.RegisterAttendeeResponse;
import com.huiyi31.client.model.RegistrationOrder;
import com.huiyi31.client.model.TicketItem;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the generated client makes of each recorded answer. */
class RegisterContractTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(WireMockConfiguration.wireMockConfig().dynamicPort())
      .build();

  @Test
  void docsExampleDecodesToTheOrderAndItsAttendee() {
    RegisterAttendeeResponse response = Replay.of(wm, RecordedCase.named("docs-example-registered")).success();

    assertThat(response.getBusinessCode()).isZero();
    assertThat(response.getBusinessMessage()).isEmpty();
    RegistrationOrder order = response.getData();
    assertThat(order.getStatus()).isZero();
    assertThat(order.getOrderId()).isEqualTo("b0e50000-6b13-9276-9e47-08d99f646f52");
    assertThat(order.getOrderNo()).isEqualTo("2111041526362863634");
    assertThat(order.getOrderStatus()).isEqualTo("Paid");
    assertThat(order.getOrderAmount()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(order.getOrderType()).isEqualTo("Main");
    assertThat(order.getOrderAttendees()).singleElement().satisfies(attendee -> {
      assertThat(attendee.getAttendeeId()).isEqualTo("b0e50000-6b13-9276-9e9a-08d99f646f52");
      assertThat(attendee.getAttendeeAbstractType()).isZero();
      assertThat(attendee.getName()).isEqualTo("张晓明");
      assertThat(attendee.getMobile()).isEqualTo("13912345678");
      assertThat(attendee.getStatus()).isEmpty();
      assertThat(attendee.getCheckinCode()).isEqualTo("1475765432202956800");
    });
  }

  @Test
  void theDocsRequestBuiltWithTheGeneratedModelIsTheRecordedRequest() throws Exception {
    RegisterAttendeeRequest request = new RegisterAttendeeRequest()
        .bventId("07320000-fe25-16f7-4c65-08d9fb59aefd")
        .attendeeTypeId("51f10000-4961-fe41-aba5-08dc70ba48eb")
        .attendee(new AttendeeForm()
            .addFieldsItem(new FormField().fieldName("FullName").fieldValue("张晓明"))
            .addFieldsItem(new FormField().fieldName("Mobile").fieldValue("13912345678"))
            .addFieldsItem(new FormField().fieldName("Email").fieldValue("zhang.xiaoming@example.com"))
            .addFieldsItem(new FormField().fieldName("Company").fieldValue("示例科技有限公司"))
            .addFieldsItem(new FormField().fieldName("Position").fieldValue("产品经理")))
        .addItemsItem(new TicketItem()
            .itemSkuId("40180000-300e-9237-c7af-08dc6f31f78c")
            .itemSkuName("嘉宾")
            .quantity(1));
    RecordedCase docs = RecordedCase.named("docs-example-registered");

    Replay replay = Replay.of(wm, docs, request);

    byte[] sent = replay.exchange().getRequest().getBody();
    assertThat(RecordedCase.STRICT.readTree(sent)).isEqualTo(docs.requestJson());
    assertThat(new String(sent, StandardCharsets.UTF_8)).contains("\"FieldValue\":\"张晓明\"");
  }

  @Test
  void unknownPropertiesAtEveryLevelAreIgnored() {
    RegisterAttendeeResponse docs = Replay.of(wm, RecordedCase.named("docs-example-registered")).success();

    RegisterAttendeeResponse grown = Replay.of(wm, RecordedCase.named("registered-with-unknown-fields")).success();

    assertThat(grown).isEqualTo(docs);
  }

  @Test
  void responseKeysInPascalCaseDecodeLikeCamelCase() {
    RegisterAttendeeResponse docs = Replay.of(wm, RecordedCase.named("docs-example-registered")).success();

    RegisterAttendeeResponse pascal = Replay.of(wm, RecordedCase.named("pascal-case-keys")).success();

    assertThat(pascal).isEqualTo(docs);
  }

  @Test
  void anOrderWithSeveralAttendeesKeepsThemInOrderAndItsAmountExact() {
    RegistrationOrder order = Replay.of(wm, RecordedCase.named("order-with-several-attendees")).success().getData();

    assertThat(order.getOrderAmount()).isEqualTo(new BigDecimal("3897.50"));
    assertThat(order.getOrderStatus()).isEqualTo("Unpaid");
    assertThat(order.getOrderAttendees()).extracting(OrderAttendee::getCheckinCode)
        .containsExactly("1861234567890123456", "1861234567890123457", "1861234567890123458");
  }

  @Test
  void aBusinessRejectionIsABusinessExceptionWithThePlatformsCodeAndMessage() {
    Replay replay = Replay.of(wm, RecordedCase.named("business-rejection-mobile-taken"));

    assertThat(replay.error()).isInstanceOfSatisfying(Huiyi31BusinessException.class, e -> {
      assertThat(e.businessCode()).isEqualTo(1001);
      assertThat(e.businessMessage()).isEqualTo("手机号已被注册");
      assertThat(e.httpStatus()).isEqualTo(200);
      assertThat(e.outcome()).isEqualTo(Outcome.NOT_PROCESSED);
      assertThat(e.getMessage()).contains("1001").contains("手机号已被注册");
    });
  }

  @Test
  void anHtmlServerErrorIsAnHttpExceptionWhoseOutcomeIsUnknown() {
    Replay replay = Replay.of(wm, RecordedCase.named("server-error-html-500"));

    assertThat(replay.error()).isInstanceOfSatisfying(Huiyi31HttpException.class, e -> {
      assertThat(e.status()).isEqualTo(500);
      assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN);
      assertThat(e.bodyExcerpt()).startsWith("<!DOCTYPE html>").contains("500 Internal Server Error")
          .doesNotContain("\n");
      assertThat(e.getMessage()).contains("HTTP 500").contains("may have processed");
    });
  }

  @Test
  void anEmptySuccessfulBodyIsNotASuccess() {
    Replay replay = Replay.of(wm, RecordedCase.named("empty-body-200"));

    assertThat(replay.error()).isInstanceOfSatisfying(Huiyi31DecodeException.class, e -> {
      assertThat(e.httpStatus()).isEqualTo(200);
      assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN);
      assertThat(e.getMessage()).contains("empty");
    });
  }

  @Test
  void anAnswerWithoutBusinessCodeIsNotASuccess() {
    Replay replay = Replay.of(wm, RecordedCase.named("missing-business-code"));

    assertThat(replay.error()).isInstanceOfSatisfying(Huiyi31DecodeException.class, e -> {
      assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN);
      assertThat(e.getMessage()).contains("businessCode");
    });
  }
}
