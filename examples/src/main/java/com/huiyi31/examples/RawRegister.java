package com.huiyi31.examples;

import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.model.AttendeeForm;
import com.huiyi31.client.model.FormField;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.client.model.RegisterAttendeeResponse;
import com.huiyi31.client.model.TicketItem;

/**
 * Registers one attendee with ids and codes you already have: Register needs no token.
 *
 * <p>Run it against the test environment ({@code java RawRegister}) or a sandbox
 * ({@code java RawRegister http://127.0.0.1:8089}).
 */
public final class RawRegister {

  private RawRegister() {}

  public static void main(String[] args) {
    String baseUrl = args.length > 0 ? args[0] : Huiyi31Client.TEST_BASE_URL;
    System.out.println("Registered: order " + register(baseUrl).getData().getOrderNo());
  }

  /** Registers 张晓明 for the docs' demo event at {@code baseUrl} and returns the platform's answer. */
  public static RegisterAttendeeResponse register(String baseUrl) {
    // readme:start register
    try (Huiyi31Client client = Huiyi31Client.builder()
        .baseUrl(baseUrl)               // TEST_BASE_URL, PRODUCTION_BASE_URL or a sandbox: there is no default
        .build()) {
      return client.attendees().registerAttendee(new RegisterAttendeeRequest()
          .bventId("07320000-fe25-16f7-4c65-08d9fb59aefd")
          .attendeeTypeId("51f10000-4961-fe41-aba5-08dc70ba48eb")
          .attendee(new AttendeeForm()
              .addFieldsItem(new FormField().fieldName("FullName").fieldValue("张晓明"))
              .addFieldsItem(new FormField().fieldName("Mobile").fieldValue("13912345678")))
          .addItemsItem(new TicketItem()
              .itemSkuId("40180000-300e-9237-c7af-08dc6f31f78c").itemSkuName("嘉宾").quantity(1)));
    }
    // readme:end register
  }
}
