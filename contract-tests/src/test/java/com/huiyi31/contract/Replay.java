package com.huiyi31.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.Huiyi31Exception;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.client.model.RegisterAttendeeResponse;
import java.util.List;

/**
 * What happened when the real client sent a recorded case's request to WireMock serving the
 * case's recorded answer: what the client returned or threw, and what crossed the wire.
 */
record Replay(RegisterAttendeeResponse response, Huiyi31Exception error, ServeEvent exchange) {

  static final String REGISTER_PATH = "/op/notoken/api/Attendee/v1/Register";

  static Replay of(WireMockExtension wm, RecordedCase recorded) {
    return of(wm, recorded, recorded.request());
  }

  static Replay of(WireMockExtension wm, RecordedCase recorded, RegisterAttendeeRequest request) {
    wm.resetAll();
    wm.stubFor(post(urlPathEqualTo(REGISTER_PATH)).willReturn(aResponse()
        .withStatus(recorded.status())
        .withHeader("Content-Type", recorded.contentType())
        .withBody(recorded.responseBody())));
    RegisterAttendeeResponse response = null;
    Huiyi31Exception error = null;
    try (Huiyi31Client client = Huiyi31Client.builder().baseUrl(wm.baseUrl()).build()) {
      response = client.attendees().registerAttendee(request);
    } catch (Huiyi31Exception e) {
      error = e;
    }
    List<ServeEvent> exchanges = wm.getAllServeEvents();
    assertThat(exchanges).as("requests that reached the server").hasSize(1);
    return new Replay(response, error, exchanges.get(0));
  }

  /** The answer, for a case whose answer is a success. */
  RegisterAttendeeResponse success() {
    assertThat(error).as("exception for a successful case").isNull();
    return response;
  }
}
