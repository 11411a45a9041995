package com.huiyi31.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.Huiyi31Observer;
import com.huiyi31.client.Registrant;
import com.huiyi31.sandbox.Huiyi31Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.ClassUtils;

/**
 * An application without Boot's metrics and without micrometer-core (Boot 4:
 * spring-boot-micrometer-metrics and -observation left out; Boot 3.5: no actuator auto-configuration):
 * the starter still gives it a working client, which records nothing. Run by the surefire
 * execution "without-metrics", whose class path lacks those modules (see the pom); the default
 * execution leaves this class out.
 */
@SpringBootTest(classes = Huiyi31WithoutMetricsTest.App.class)
class Huiyi31WithoutMetricsTest {

  static final Huiyi31Sandbox SANDBOX = Huiyi31Sandbox.start();

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  @DynamicPropertySource
  static void sandbox(DynamicPropertyRegistry properties) {
    properties.add("huiyi31.base-url", SANDBOX::baseUrl);
    properties.add("huiyi31.app-key", () -> Huiyi31Sandbox.DEMO_APP_KEY);
    properties.add("huiyi31.app-secret", () -> Huiyi31Sandbox.DEMO_APP_SECRET);
  }

  @AfterAll
  static void stopSandbox() {
    SANDBOX.close();
  }

  @Autowired
  Huiyi31Client client;
  @Autowired
  Huiyi31Observer observer;

  @Test
  void theClientWorksAndRecordsNothing() {
    assertThat(ClassUtils.isPresent("io.micrometer.core.instrument.MeterRegistry", null)).as("micrometer-core").isFalse();
    assertThat(ClassUtils.isPresent("org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration", null))
        .as("Boot 4's spring-boot-micrometer-metrics").isFalse();
    assertThat(ClassUtils.isPresent("org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration", null))
        .as("Boot 3's metrics auto-configuration").isFalse();

    String orderNo = client.registration(Huiyi31Sandbox.DEMO_EVENT_ID)
        .register(Registrant.builder().type("嘉宾").field("姓名", "张晓明").field("手机", "13912345678").build())
        .getData().getOrderNo();

    assertThat(orderNo).matches("\\d{19}");
    assertThat(observer).isSameAs(Huiyi31Observer.NONE);
  }
}
