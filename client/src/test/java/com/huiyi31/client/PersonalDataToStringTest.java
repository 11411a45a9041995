package com.huiyi31.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.huiyi31.client.model.OrderAttendee;
import com.huiyi31.client.model.Purchaser;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.client.model.RegisterAttendeeResponse;
import com.huiyi31.client.model.RegistrationOrder;
import org.junit.jupiter.api.Test;

/** Models marked x-personal-data in the spec never print those values (the pojo.mustache override). */
class PersonalDataToStringTest {

  @Test
  void aRequestPrintsItsStructureButNoFormAnswer() {
    RegisterAttendeeRequest request = Fixtures.validRequest()
        .purchaser(new Purchaser().name("王建国").mobile("13787654321").areaCode("+86").company("示例咨询有限公司"));

    String printed = request.toString();

    assertThat(printed).contains("FullName", "Mobile", "07320000-fe25-16f7-4c65-08d9fb59aefd", "+86", "***")
        .doesNotContain("张晓明", "13912345678", "zhang.xiaoming@example.com", "王建国", "13787654321");
  }

  @Test
  void aResponsePrintsTheOrderButNotTheAttendeesNameOrMobile() {
    RegisterAttendeeResponse response = new RegisterAttendeeResponse().businessCode(0).data(new RegistrationOrder()
        .orderNo("2111041526362863634")
        .addOrderAttendeesItem(new OrderAttendee().name("张晓明").mobile("13912345678").checkinCode("1475765432202956800")));

    String printed = response.toString();

    assertThat(printed).contains("2111041526362863634", "1475765432202956800", "name: ***", "mobile: ***")
        .doesNotContain("张晓明", "13912345678");
  }

  @Test
  void anUnsetPersonalValueStillPrintsNull() {
    assertThat(new OrderAttendee().toString()).contains("name: null", "mobile: null");
  }
}
