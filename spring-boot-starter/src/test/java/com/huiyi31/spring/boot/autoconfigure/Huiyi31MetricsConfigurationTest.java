package com.huiyi31.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.Huiyi31Observer;
import com.huiyi31.client.micrometer.MicrometerObserver;
import com.huiyi31.sandbox.Huiyi31Sandbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which registry the client's calls go to: the application's ObservationRegistry, else its
 * MeterRegistry, else none; an application's own observer wins. The registries are plain
 * Micrometer beans here (no Boot metrics auto-configuration): what matters is that they exist.
 */
class Huiyi31MetricsConfigurationTest {

  static final Huiyi31Sandbox SANDBOX = Huiyi31Sandbox.start();

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(Huiyi31AutoConfiguration.class))
      .withPropertyValues("huiyi31.base-url=" + SANDBOX.baseUrl(), "huiyi31.app-key=" + Huiyi31Sandbox.DEMO_APP_KEY,
          "huiyi31.app-secret=" + Huiyi31Sandbox.DEMO_APP_SECRET);

  @AfterAll
  static void stopSandbox() {
    SANDBOX.close();
  }

  @Test
  void withAMeterRegistryCallsAreTimed() {
    runner.withUserConfiguration(Meters.class).run(context -> {
      loadTypes(context.getBean(Huiyi31Client.class));

      MeterRegistry meters = context.getBean(MeterRegistry.class);
      assertThat(meters.get(MicrometerObserver.NAME).tag("operation", "listAttendeeTypes").tag("outcome", "SUCCESS")
          .tag("business.code", "0").tag("status", "200").timer().count()).isEqualTo(1);
      assertThat(meters.get(MicrometerObserver.NAME).tag("operation", "requestAccessToken").tag("business.code", "none")
          .timer().count()).isEqualTo(1);
    });
  }

  @Test
  void withAnObservationRegistryCallsAreObservationsOfIt() {
    runner.withUserConfiguration(Meters.class, Observations.class).run(context -> {
      loadTypes(context.getBean(Huiyi31Client.class));

      assertThat(context.getBean(Observations.class).stopped)
          .containsExactly("huiyi31.client.requests requestAccessToken SUCCESS", "huiyi31.client.requests listAttendeeTypes SUCCESS");
      // The observation registry here has no meter handler: the meter registry was not used directly.
      assertThat(context.getBean(MeterRegistry.class).find(MicrometerObserver.NAME).timers()).isEmpty();
    });
  }

  @Test
  void withNoRegistryNothingIsRecorded() {
    runner.run(context -> {
      assertThat(context.getBean(Huiyi31Observer.class)).isSameAs(Huiyi31Observer.NONE);
      loadTypes(context.getBean(Huiyi31Client.class));
    });
  }

  @Test
  void theApplicationsOwnObserverWins() {
    runner.withUserConfiguration(Meters.class, OwnObserver.class).run(context -> {
      loadTypes(context.getBean(Huiyi31Client.class));

      assertThat(context.getBean(OwnObserver.class).operations).containsExactly("listAttendeeTypes", "requestAccessToken");
      assertThat(context.getBean(MeterRegistry.class).find(MicrometerObserver.NAME).timers()).isEmpty();
    });
  }

  private static void loadTypes(Huiyi31Client client) {
    assertThat(client.registration(Huiyi31Sandbox.DEMO_EVENT_ID).attendeeTypes()).isNotEmpty();
  }

  @Configuration(proxyBeanMethods = false)
  static class Meters {
    @Bean
    SimpleMeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Observations {
    final List<String> stopped = new CopyOnWriteArrayList<>();

    @Bean
    ObservationRegistry observationRegistry() {
      ObservationRegistry registry = ObservationRegistry.create();
      registry.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
        @Override
        public void onStop(Observation.Context context) {
          stopped.add(context.getName() + " " + context.getLowCardinalityKeyValue("operation").getValue() + " "
              + context.getLowCardinalityKeyValue("outcome").getValue());
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
          return true;
        }
      });
      return registry;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnObserver {
    final List<String> operations = new CopyOnWriteArrayList<>();

    @Bean
    Huiyi31Observer myObserver() {
      return operation -> {
        operations.add(operation);
        return result -> { };
      };
    }
  }
}
