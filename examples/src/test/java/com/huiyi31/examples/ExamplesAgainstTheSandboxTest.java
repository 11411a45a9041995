package com.huiyi31.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.model.AttendeeForm;
import com.huiyi31.client.model.FormField;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.client.model.RegisterAttendeeResponse;
import com.huiyi31.client.model.TicketItem;
import com.huiyi31.sandbox.Huiyi31Sandbox;
import com.huiyi31.sandbox.junit.Huiyi31SandboxExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every example program runs against the sandbox, as a team would run it against the platform. */
@ExtendWith(Huiyi31SandboxExtension.class)
class ExamplesAgainstTheSandboxTest {

  private final Huiyi31Sandbox sandbox;

  ExamplesAgainstTheSandboxTest(Huiyi31Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  @Test
  void rawRegisterRegistersWithIds() {
    RegisterAttendeeResponse registered = RawRegister.register(sandbox.baseUrl());

    assertThat(registered.getBusinessCode()).isZero();
    assertThat(registered.getData().getOrderNo()).matches("\\d{19}");
    assertThat(registered.getData().getOrderAttendees()).singleElement()
        .satisfies(attendee -> assertThat(attendee.getName()).isEqualTo("张晓明"));
    assertThat(sandbox.registrations()).singleElement()
        .satisfies(sent -> assertThat(sent.getItems().get(0).getQuantity()).isEqualTo(1));
  }

  @Test
  void registerByNamesResolvesNamesToIdsAndCodes() {
    RegisterAttendeeResponse registered = RegisterByNames.register(sandbox.baseUrl(),
        Huiyi31Sandbox.DEMO_APP_KEY, Huiyi31Sandbox.DEMO_APP_SECRET);

    assertThat(registered.getBusinessCode()).isZero();
    assertThat(registered.getData().getOrderAttendees()).singleElement()
        .satisfies(attendee -> assertThat(attendee.getMobile()).isEqualTo("13912345678"));
    // 单选选择 was given as the option's text 单: the platform gets its code.
    assertThat(sandbox.registrations()).singleElement().satisfies(sent -> assertThat(sent.getAttendee().getFields())
        .anySatisfy(field -> assertThat(field.getFieldValue()).isEqualTo("0")));
  }

  @Test
  void handlingErrorsSaysRegisteredOnSuccess() {
    try (Huiyi31Client client = client()) {
      assertThat(HandlingErrors.registerAndDecide(client, request("13912345678", "张晓明")))
          .startsWith("registered: order ");
    }
  }

  @Test
  void handlingErrorsSaysFixTheInputForAnInvalidRequestAndSendsNothing() {
    try (Huiyi31Client client = client()) {
      assertThat(HandlingErrors.registerAndDecide(client, request("13912345678", "张晓明").bventId(null)))
          .startsWith("fix the input: ").contains("$.BventId");
    }
    assertThat(sandbox.registrations()).isEmpty();
  }

  @Test
  void handlingErrorsReportsTheBusinessRefusalWithoutTheRawMobile() {
    try (Huiyi31Client client = client()) {
      // The sandbox refuses a mobile ending in 0000 with 1001 手机号已被注册.
      assertThat(HandlingErrors.registerAndDecide(client, request("13912340000", "张晓明")))
          .startsWith("refused by the platform (1001): ").doesNotContain("13912340000");
    }
  }

  @Test
  void handlingErrorsSaysCheckBeforeResendingWhenAnOrderMayExist() {
    try (Huiyi31Client client = client()) {
      // The sandbox answers FullName "HTTP500" with a gateway's HTML error page: processed or not, nobody knows.
      assertThat(HandlingErrors.registerAndDecide(client, request("13912345678", "HTTP500")))
          .isEqualTo("check whether the order exists before sending again");
    }
  }

  @Test
  void handlingErrorsSaysTryAgainLaterWhenNothingLeftThisMachine() {
    String closedPort;
    try (Huiyi31Sandbox stopped = Huiyi31Sandbox.start()) {
      closedPort = stopped.baseUrl();
    }
    try (Huiyi31Client client = Huiyi31Client.builder().baseUrl(closedPort).connectRetries(0)
        .connectTimeout(Duration.ofSeconds(2)).build()) {
      assertThat(HandlingErrors.registerAndDecide(client, request("13912345678", "张晓明")))
          .isEqualTo("try again later");
    }
  }

  private Huiyi31Client client() {
    return Huiyi31Client.builder().baseUrl(sandbox.baseUrl()).build();
  }

  private static RegisterAttendeeRequest request(String mobile, String name) {
    return new RegisterAttendeeRequest()
        .bventId("07320000-fe25-16f7-4c65-08d9fb59aefd")
        .attendeeTypeId("51f10000-4961-fe41-aba5-08dc70ba48eb")
        .attendee(new AttendeeForm()
            .addFieldsItem(new FormField().fieldName("FullName").fieldValue(name))
            .addFieldsItem(new FormField().fieldName("Mobile").fieldValue(mobile)))
        .addItemsItem(new TicketItem().itemSkuId("40180000-300e-9237-c7af-08dc6f31f78c").itemSkuName("嘉宾").quantity(1));
  }
}
