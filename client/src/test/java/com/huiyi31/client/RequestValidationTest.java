package com.huiyi31.client;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.huiyi31.client.Fixtures.thrownBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huiyi31.client.Huiyi31Exception.Outcome;
import feign.FeignException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Calls refused before anything is sent. */
class RequestValidationTest {

  @RegisterExtension
  static PlatformStub platform = new PlatformStub();

  @Test
  void nullRequestIsValidationExceptionAndNothingIsSent() {
    assertThatThrownBy(() -> platform.attendees().registerAttendee(null))
        .isInstanceOf(Huiyi31ValidationException.class)
        .isNotInstanceOf(FeignException.class);

    Huiyi31ValidationException e = thrownBy(Huiyi31ValidationException.class,
        () -> platform.attendees().registerAttendee(null));
    assertThat(e.outcome()).isEqualTo(Outcome.NOT_SENT);
    assertThat(e.getMessage()).contains("registerAttendee");
    platform.verify(0, anyRequestedFor(anyUrl()));
    assertThat(platform.getAllServeEvents()).isEmpty();
  }

}
