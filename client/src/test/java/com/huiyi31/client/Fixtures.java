package com.huiyi31.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.huiyi31.client.model.AttendeeForm;
import com.huiyi31.client.model.FormField;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.client.model.TicketItem;
import feign.FeignException;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared test data and helpers. The person is fictitious (the contract's own example person). */
final class Fixtures {

  static final String REGISTER_PATH = "/op/notoken/api/Attendee/v1/Register";

  static final String EVENT_ID = "07320000-fe25-16f7-4c65-08d9fb59aefd";
  static final String ATTENDEE_TYPE_ID = "51f10000-4961-fe41-aba5-08dc70ba48eb";
  static final String TICKET_ID = "40180000-300e-9237-c7af-08dc6f31f78c";
  static final String FULL_NAME = "张晓明";
  static final String MOBILE = "13912345678";
  static final String EMAIL = "zhang.xiaoming@example.com";

  /** The contract's "registered" example, as the platform sends it (camelCase keys). */
  static final String REGISTERED_JSON = "{"
      + "\"businessMessage\":\"\","
      + "\"businessCode\":0,"
      + "\"data\":{"
      + "\"status\":0,"
      + "\"orderId\":\"b0e50000-6b13-9276-9e47-08d99f646f52\","
      + "\"orderNo\":\"2111041526362863634\","
      + "\"orderStatus\":\"Paid\","
      + "\"orderAmount\":0.00,"
      + "\"orderType\":\"Main\","
      + "\"orderAttendees\":[{"
      + "\"attendeeId\":\"b0e50000-6b13-9276-9e9a-08d99f646f52\","
      + "\"attendeeAbstractType\":0,"
      + "\"name\":\"张晓明\","
      + "\"mobile\":\"13912345678\","
      + "\"status\":\"\","
      + "\"checkinCode\":\"1475765432202956800\""
      + "}]}}";

  private Fixtures() {}

  /** A valid request: event, attendee type, name/mobile/email, one ticket. Optional parts unset. */
  static RegisterAttendeeRequest validRequest() {
    return new RegisterAttendeeRequest()
        .bventId(EVENT_ID)
        .attendeeTypeId(ATTENDEE_TYPE_ID)
        .attendee(new AttendeeForm()
            .addFieldsItem(new FormField().fieldName("FullName").fieldValue(FULL_NAME))
            .addFieldsItem(new FormField().fieldName("Mobile").fieldValue(MOBILE))
            .addFieldsItem(new FormField().fieldName("Email").fieldValue(EMAIL)))
        .addItemsItem(new TicketItem().itemSkuId(TICKET_ID).itemSkuName("嘉宾").quantity(1));
  }

  static Huiyi31Client clientFor(String baseUrl) {
    return Huiyi31Client.builder().baseUrl(baseUrl).build();
  }

  static Huiyi31Client clientFor(String baseUrl, Duration readTimeout) {
    return Huiyi31Client.builder().baseUrl(baseUrl).readTimeout(readTimeout).build();
  }

  /**
   * Runs a call that must fail and returns its exception, after asserting that it is the expected
   * {@link Huiyi31Exception} subtype and never one of Feign's own exceptions.
   */
  static <T extends Huiyi31Exception> T thrownBy(Class<T> type, ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown)
        .isInstanceOf(Huiyi31Exception.class)
        .isInstanceOf(type)
        .isNotInstanceOf(FeignException.class);
    return type.cast(thrown);
  }

  /** A string of {@code n} copies of {@code c}. */
  static String repeat(char c, int n) {
    return String.valueOf(c).repeat(n);
  }
}
