package com.huiyi31.benchmarks;

import com.huiyi31.client.model.AttendeeForm;
import com.huiyi31.client.model.FormField;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.client.model.TicketItem;
import java.nio.charset.StandardCharsets;

/** The contract's own example request and recorded answer (the docs example), used by every benchmark. */
public final class Payloads {

  private Payloads() {}

  public static RegisterAttendeeRequest request() {
    return new RegisterAttendeeRequest()
        .bventId("07320000-fe25-16f7-4c65-08d9fb59aefd")
        .attendeeTypeId("51f10000-4961-fe41-aba5-08dc70ba48eb")
        .attendee(new AttendeeForm()
            .addFieldsItem(new FormField().fieldName("FullName").fieldValue("张晓明"))
            .addFieldsItem(new FormField().fieldName("Mobile").fieldValue("13912345678"))
            .addFieldsItem(new FormField().fieldName("Email").fieldValue("zhang.xiaoming@example.com"))
            .addFieldsItem(new FormField().fieldName("Company").fieldValue("示例科技有限公司"))
            .addFieldsItem(new FormField().fieldName("Position").fieldValue("产品经理")))
        .addItemsItem(new TicketItem().itemSkuId("40180000-300e-9237-c7af-08dc6f31f78c").itemSkuName("嘉宾").quantity(1));
  }

  public static final byte[] REGISTERED = ("{\"businessMessage\":\"\",\"businessCode\":0,\"data\":{\"status\":0,"
      + "\"orderId\":\"b0e50000-6b13-9276-9e47-08d99f646f52\",\"orderNo\":\"2111041526362863634\",\"orderStatus\":\"Paid\","
      + "\"orderAmount\":0.0,\"orderType\":\"Main\",\"orderAttendees\":[{\"attendeeId\":\"b0e50000-6b13-9276-9e9a-08d99f646f52\","
      + "\"attendeeAbstractType\":0,\"name\":\"张晓明\",\"mobile\":\"13912345678\",\"status\":\"\","
      + "\"checkinCode\":\"1475765432202956800\"}]}}").getBytes(StandardCharsets.UTF_8);
}
