package com.huiyi31.client;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.huiyi31.client.Fixtures.thrownBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.huiyi31.client.Huiyi31Exception.Outcome;
import feign.FeignException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Calls refused before anything is sent. */
class RequestValidationTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private Huiyi31Client client;

  @BeforeEach
  void setUp() {
    client = Fixtures.clientFor(wm.baseUrl());
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void nullRequestIsValidationExceptionAndNothingIsSent() {
    assertThatThrownBy(() -> client.attendees().registerAttendee(null))
        .isInstanceOf(Huiyi31ValidationException.class)
        .isNotInstanceOf(FeignException.class);

    Huiyi31ValidationException e = thrownBy(Huiyi31ValidationException.class,
        () -> client.attendees().registerAttendee(null));
    assertThat(e.outcome()).isEqualTo(Outcome.NOT_SENT);
    assertThat(e.getMessage()).contains("registerAttendee");
    wm.verify(0, anyRequestedFor(anyUrl()));
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void nullRequestWithHttpInfoIsValidationExceptionAndNothingIsSent() {
    Huiyi31ValidationException e = thrownBy(Huiyi31ValidationException.class,
        () -> client.attendees().registerAttendeeWithHttpInfo(null));

    assertThat(e.outcome()).isEqualTo(Outcome.NOT_SENT);
    assertThat(wm.getAllServeEvents()).isEmpty();
  }
}
