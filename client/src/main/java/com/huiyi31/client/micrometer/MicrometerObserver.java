package com.huiyi31.client.micrometer;

import com.huiyi31.client.Huiyi31Observer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Records the client's calls with Micrometer: each call of an operation is an {@link Observation}
 * named {@value #NAME}, which a registry with a meter handler (Spring Boot's, or
 * {@link #of(MeterRegistry)}) records as a timer of that name, and a tracing handler as a span.
 *
 * <pre>{@code
 * Huiyi31Client client = Huiyi31Client.builder()
 *     .baseUrl(Huiyi31Client.TEST_BASE_URL)
 *     .observer(MicrometerObserver.of(meterRegistry))
 *     .build();
 * }</pre>
 *
 * <p>Tags, all of low cardinality (no personal data, no ids): {@code operation}
 * ({@code registerAttendee}, {@code listAttendeeTypes}, {@code requestAccessToken}),
 * {@code outcome} ({@code SUCCESS}, {@code NOT_SENT}, {@code NOT_PROCESSED}, {@code UNKNOWN}),
 * {@code business.code} (the platform's {@code businessCode}, or {@code none}) and {@code status}
 * (the HTTP status, or {@code none}). Micrometer's meter handler adds {@code error} (the
 * exception's simple class name, or {@code none}). In Prometheus:
 * {@code huiyi31_client_requests_seconds_count{outcome="UNKNOWN"}}.
 *
 * <p>Needs {@code io.micrometer:micrometer-observation} on the class path (an optional dependency
 * of the client: add it, or {@code micrometer-core}, which brings it), and
 * {@code micrometer-core} for {@link #of(MeterRegistry)}.
 */
public final class MicrometerObserver {

  /** The name of the observation, and of the timer it is recorded as. */
  public static final String NAME = "huiyi31.client.requests";

  /** The tag value of an absent businessCode or status. */
  private static final String ABSENT = "none";

  private MicrometerObserver() {}

  /**
   * Observations in {@code registry}: timers, spans or both, as its handlers decide (with none,
   * nothing is recorded). In Spring Boot, the application's {@code ObservationRegistry}.
   */
  public static Huiyi31Observer of(ObservationRegistry registry) {
    return new Observing(Objects.requireNonNull(registry, "registry == null"));
  }

  /** The timer {@value #NAME} in {@code registry}, without tracing (needs {@code micrometer-core}). */
  public static Huiyi31Observer of(MeterRegistry registry) {
    return of(MeterRegistryBridge.observationsTimedIn(Objects.requireNonNull(registry, "registry == null")));
  }

  /** Each call an observation in one registry. */
  private static final class Observing implements Huiyi31Observer {

    private final ObservationRegistry registry;

    Observing(ObservationRegistry registry) {
      this.registry = registry;
    }

    @Override
    public Call start(String operation) {
      Observation observation = Observation.createNotStarted(NAME, registry)
          .contextualName("huiyi31 " + operation)
          .lowCardinalityKeyValue("operation", operation)
          .start();
      Observation.Scope scope = observation.openScope(); // a token fetched inside is a child of this call
      return result -> {
        scope.close();
        observation.lowCardinalityKeyValue("outcome", result.outcome())
            .lowCardinalityKeyValue("business.code", text(result.businessCode()))
            .lowCardinalityKeyValue("status", text(result.httpStatus()));
        if (result.error() != null) {
          observation.error(result.error());
        }
        observation.stop();
      };
    }

    private static String text(OptionalInt value) {
      return value.isPresent() ? Integer.toString(value.getAsInt()) : ABSENT;
    }

    @Override
    public String toString() {
      return "MicrometerObserver[" + NAME + "]";
    }
  }
}
