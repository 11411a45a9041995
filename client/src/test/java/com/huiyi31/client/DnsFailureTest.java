package com.huiyi31.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.huiyi31.client.Huiyi31Exception.Outcome;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A host name that does not resolve is a failure before sending: retried, and safe to resend. */
class DnsFailureTest {

  @Test
  void anUnresolvableHostIsNotSentAndIsLookedUpOncePerAttempt() {
    AtomicInteger lookups = new AtomicInteger();
    List<Duration> sleeps = new ArrayList<>();

    try (Huiyi31Client client = Huiyi31Client.builder().baseUrl("https://no-such-host.example")
        .dns(host -> {
          lookups.incrementAndGet();
          throw new UnknownHostException(host + ": no such host");
        })
        .sleeper(sleeps::add)
        .build()) {
      Huiyi31TransportException e = Fixtures.thrownBy(Huiyi31TransportException.class,
          () -> client.attendees().registerAttendee(Fixtures.validRequest()));

      assertThat(e.outcome()).isEqualTo(Outcome.NOT_SENT);
      assertThat(e).hasRootCauseInstanceOf(UnknownHostException.class);
      assertThat(e.getMessage()).contains("before the request was sent", "UnknownHostException");
    }
    assertThat(lookups).hasValue(3); // the first attempt and the 2 default retries
    assertThat(sleeps).hasSize(2);
  }
}
