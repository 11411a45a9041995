package com.huiyi31.client.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;

/**
 * An observation registry that records timers in a meter registry. Apart from
 * {@link MicrometerObserver} so that the observer's class loads without {@code micrometer-core}
 * (only {@code micrometer-observation} is needed for {@link MicrometerObserver#of(ObservationRegistry)}).
 */
final class MeterRegistryBridge {

  private MeterRegistryBridge() {}

  static ObservationRegistry observationsTimedIn(MeterRegistry meters) {
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    return observations;
  }
}
