package com.huiyi31.client.micrometer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.model.AttendeeForm;
import com.huiyi31.client.model.FormField;
import com.huiyi31.client.model.ListAttendeeTypesRequest;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.client.model.TicketItem;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The timer huiyi31.client.requests and its tags, and observations that nest as calls do. */
class MicrometerObserverTest {

  private static final String REGISTER_PATH = "/op/notoken/api/Attendee/v1/Register";
  private static final String MOBILE = "13912345678";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void eachCallIsTimedWithItsOperationOutcomeBusinessCodeAndStatus() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    wm.stubFor(post(urlPathEqualTo(REGISTER_PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody("{\"businessCode\":0,\"data\":{\"orderNo\":\"2111041526362863634\"}}")));

    try (Huiyi31Client client = Huiyi31Client.builder().baseUrl(wm.baseUrl()).observer(MicrometerObserver.of(meters)).build()) {
      client.attendees().registerAttendee(request());
      client.attendees().registerAttendee(request());
    }

    Timer timer = meters.get(MicrometerObserver.NAME).timer();
    assertThat(timer.count()).isEqualTo(2);
    assertThat(tags(timer)).isEqualTo("business.code=0,error=none,operation=registerAttendee,outcome=SUCCESS,status=200");
    assertThat(meters.getMeters()).filteredOn(m -> m instanceof Timer).hasSize(1);
  }

  @Test
  void aFailureIsTimedWithItsOutcomeAndNoValueOfThePerson() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    wm.stubFor(post(urlPathEqualTo(REGISTER_PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody("{\"businessCode\":1001,\"businessMessage\":\"手机号" + MOBILE + "已被注册\"}")));

    try (Huiyi31Client client = Huiyi31Client.builder().baseUrl(wm.baseUrl()).observer(MicrometerObserver.of(meters)).build()) {
      catchThrowable(() -> client.attendees().registerAttendee(request()));
    }

    Timer timer = meters.get(MicrometerObserver.NAME).timer();
    assertThat(timer.count()).isEqualTo(1);
    assertThat(tags(timer)).isEqualTo(
        "business.code=1001,error=Huiyi31BusinessException,operation=registerAttendee,outcome=NOT_PROCESSED,status=200");
    assertThat(meters.getMeters()).allSatisfy(m -> assertThat(m.getId().toString()).doesNotContain(MOBILE, "张"));
  }

  @Test
  void aTokenFetchIsAChildObservationOfTheCallThatNeededIt() {
    wm.stubFor(post(urlPathEqualTo("/connect/token")).willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody("{\"access_token\":\"t1\",\"expires_in\":600}")));
    wm.stubFor(post(urlPathEqualTo("/op/api/AttendeeType/v1/list")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody("{\"businessCode\":0,\"data\":{\"attendeeTypes\":[]}}")));
    List<String> stopped = new ArrayList<>();
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
      @Override
      public void onStop(Observation.Context context) {
        io.micrometer.observation.ObservationView parent = context.getParentObservation();
        stopped.add(context.getContextualName() + " in "
            + (parent == null ? "nothing" : parent.getContextView().getContextualName()));
      }

      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }
    });

    try (Huiyi31Client client = Huiyi31Client.builder().baseUrl(wm.baseUrl()).credentials("key", "secret")
        .observer(MicrometerObserver.of(observations)).build()) {
      client.attendeeTypes().listAttendeeTypes(new ListAttendeeTypesRequest().bventId("07320000-fe25-16f7-4c65-08d9fb59aefd"));
    }

    assertThat(stopped).containsExactly("huiyi31 requestAccessToken in huiyi31 listAttendeeTypes",
        "huiyi31 listAttendeeTypes in nothing");
    assertThat(observations.getCurrentObservation()).isNull(); // every scope closed
  }

  private static String tags(Meter meter) {
    return meter.getId().getTags().stream().map(t -> t.getKey() + "=" + t.getValue()).sorted()
        .collect(Collectors.joining(","));
  }

  private static RegisterAttendeeRequest request() {
    return new RegisterAttendeeRequest()
        .bventId("07320000-fe25-16f7-4c65-08d9fb59aefd")
        .attendeeTypeId("51f10000-4961-fe41-aba5-08dc70ba48eb")
        .attendee(new AttendeeForm()
            .addFieldsItem(new FormField().fieldName("FullName").fieldValue("张晓明"))
            .addFieldsItem(new FormField().fieldName("Mobile").fieldValue(MOBILE)))
        .addItemsItem(new TicketItem().itemSkuId("40180000-300e-9237-c7af-08dc6f31f78c").itemSkuName("嘉宾").quantity(1));
  }
}
