package com.huiyi31.spring.boot.autoconfigure;

import com.huiyi31.client.Huiyi31Observer;
import com.huiyi31.client.micrometer.MicrometerObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * The client's observer with Micrometer: the application's {@code ObservationRegistry} (timer and,
 * with a tracer, a span per call), or else its {@code MeterRegistry} (timer only), or else none.
 * The registries are looked up when the client is created, not when beans are defined, so this
 * needs no ordering after Boot's metrics auto-configuration, whose classes differ between Boot 3
 * (spring-boot-actuator-autoconfigure) and Boot 4 (spring-boot-micrometer-*), and works with
 * neither. An application's own {@link Huiyi31Observer} bean wins.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
class Huiyi31MicrometerConfiguration {

  private static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

  @Bean
  @ConditionalOnMissingBean
  Huiyi31Observer huiyi31Observer(ObjectProvider<ObservationRegistry> observations, BeanFactory beans) {
    ObservationRegistry observationRegistry = observations.getIfUnique();
    if (observationRegistry != null) {
      return MicrometerObserver.of(observationRegistry);
    }
    if (ClassUtils.isPresent(METER_REGISTRY, Huiyi31MicrometerConfiguration.class.getClassLoader())) {
      return Meters.observer(beans);
    }
    return Huiyi31Observer.NONE;
  }

  /** Apart, so that nothing of micrometer-core is loaded without it. */
  private static final class Meters {
    static Huiyi31Observer observer(BeanFactory beans) {
      MeterRegistry meterRegistry = beans.getBeanProvider(MeterRegistry.class).getIfUnique();
      return meterRegistry == null ? Huiyi31Observer.NONE : MicrometerObserver.of(meterRegistry);
    }
  }
}
