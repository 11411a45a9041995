package com.huiyi31.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.huiyi31.client.ClientProbe;
import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.Huiyi31ConfigurationException;
import com.huiyi31.client.Huiyi31Observer;
import com.huiyi31.sandbox.Huiyi31Sandbox;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** When a client is configured, from what, and that a misconfiguration stops the application with the client's words. */
class Huiyi31AutoConfigurationTest {

  static final Huiyi31Sandbox SANDBOX = Huiyi31Sandbox.start();
  /** Not the sandbox's: a value that must never appear in a message. */
  private static final String SECRET = "s3cr3t-Value-0f-The-App";

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(Huiyi31AutoConfiguration.class));

  @AfterAll
  static void stopSandbox() {
    SANDBOX.close();
  }

  @Test
  void nothingIsConfiguredWithoutABaseUrlOrAnEnvironment() {
    runner.withPropertyValues("huiyi31.app-key=key", "huiyi31.app-secret=" + SECRET, "huiyi31.read-timeout=10s")
        .run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean(Huiyi31Client.class);
          assertThat(context).doesNotHaveBean(Huiyi31Properties.class);
        });
  }

  @Test
  void aBaseUrlConfiguresAClient() {
    runner.withPropertyValues("huiyi31.base-url=" + SANDBOX.baseUrl())
        .run(context -> assertThat(context).getBean(Huiyi31Client.class)
            .extracting(Huiyi31Client::baseUrl).isEqualTo(SANDBOX.baseUrl()));
  }

  @ParameterizedTest
  @CsvSource({"test, " + Huiyi31Client.TEST_BASE_URL, "prod, " + Huiyi31Client.PRODUCTION_BASE_URL,
      "TEST, " + Huiyi31Client.TEST_BASE_URL})
  void anEnvironmentChoosesThePlatformsUrl(String env, String baseUrl) {
    runner.withPropertyValues("huiyi31.env=" + env)
        .run(context -> assertThat(context.getBean(Huiyi31Client.class).baseUrl()).isEqualTo(baseUrl));
  }

  @Test
  void anUnknownEnvironmentFailsAtStartup() {
    runner.withPropertyValues("huiyi31.env=production")
        .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("huiyi31.env"));
  }

  @Test
  void aBaseUrlAndAnEnvironmentTogetherFailAtStartup() {
    runner.withPropertyValues("huiyi31.env=test", "huiyi31.base-url=" + SANDBOX.baseUrl())
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .isInstanceOf(Huiyi31ConfigurationException.class)
            .hasMessage("huiyi31.base-url and huiyi31.env are both set: set only one of them."));
  }

  /** Each option reaches the builder: shown by a value the builder refuses, in the builder's words. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "huiyi31.base-url=http://example.com | baseUrl",
      "huiyi31.base-url= | baseUrl",
      "huiyi31.oauth-base-url=ftp://issuer.example | oauthBaseUrl",
      "huiyi31.connect-timeout=0s | connectTimeout",
      "huiyi31.read-timeout=-1s | readTimeout",
      "huiyi31.max-concurrent-requests=0 | maxConcurrentRequests must be between 1 and 1024, was 0.",
      "huiyi31.connect-retries=11 | connectRetries must be between 0 and 10, was 11.",
      "huiyi31.attendee-types-cache-ttl=-5m | attendeeTypesCacheTtl must be zero or positive",
      "huiyi31.app-key=the-key | credentials: the app secret is null (for app key the-key).",
  })
  void aMisconfigurationFailsAtStartupWithTheClientsMessage(String property, String message) {
    List<String> properties = new ArrayList<>(List.of(property));
    if (!property.startsWith("huiyi31.base-url")) {
      properties.add("huiyi31.base-url=" + SANDBOX.baseUrl());
    }
    runner.withPropertyValues(properties.toArray(String[]::new))
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .isInstanceOf(Huiyi31ConfigurationException.class).hasMessageContaining(message));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "app-secret without app-key | huiyi31.app-secret=" + SECRET,
      "a secret over 1024 characters | huiyi31.app-key=key",
  })
  void noStartupFailureQuotesTheSecret(String why, String property) {
    String secret = why.contains("1024") ? SECRET.repeat(50) : SECRET;
    runner.withPropertyValues("huiyi31.base-url=" + SANDBOX.baseUrl(), property, "huiyi31.app-secret=" + secret)
        .run(context -> {
          assertThat(context).hasFailed();
          for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).as(t.getClass().getName()).doesNotContain(SECRET);
          }
          assertThat(context.getStartupFailure()).rootCause().isInstanceOf(Huiyi31ConfigurationException.class);
        });
  }

  @Test
  void thePropertiesNeverPrintTheSecret() {
    runner.withPropertyValues("huiyi31.base-url=" + SANDBOX.baseUrl(), "huiyi31.app-key=key", "huiyi31.app-secret=" + SECRET)
        .run(context -> {
          assertThat(context.getBean(Huiyi31Properties.class).getAppSecret()).isEqualTo(SECRET);
          assertThat(context.getBean(Huiyi31Properties.class).toString()).doesNotContain(SECRET);
          assertThat(context.getBean(Huiyi31Client.class).toString()).doesNotContain(SECRET);
        });
  }

  @ParameterizedTest
  @CsvSource({"huiyi31.app-secret, true", "huiyi31.appSecret, true", "HUIYI31_APP_SECRET, true", "HUIYI31_APPSECRET, true",
      "huiyi31.app-key, false", "other.app-secret, false", "huiyi31.app-secret-hint, false"})
  void theSanitizerKnowsEverySpellingOfTheSecret(String key, boolean masked) {
    assertThat(Huiyi31ActuatorConfiguration.isAppSecret(key)).isEqualTo(masked);
  }

  @Test
  void theApplicationsOwnClientWins() {
    runner.withUserConfiguration(OwnClient.class).withPropertyValues("huiyi31.env=prod")
        .run(context -> assertThat(context).getBean(Huiyi31Client.class)
            .extracting(Huiyi31Client::baseUrl).isEqualTo(Huiyi31Client.TEST_BASE_URL));
  }

  @Test
  void theClientIsClosedWithTheContext() {
    Huiyi31Client[] client = new Huiyi31Client[1];
    runner.withPropertyValues("huiyi31.base-url=" + SANDBOX.baseUrl(), "huiyi31.app-key=" + Huiyi31Sandbox.DEMO_APP_KEY,
            "huiyi31.app-secret=" + Huiyi31Sandbox.DEMO_APP_SECRET)
        .run(context -> {
          client[0] = context.getBean(Huiyi31Client.class);
          client[0].registration(Huiyi31Sandbox.DEMO_EVENT_ID).attendeeTypes();
          assertThat(ClientProbe.openConnections(client[0])).isPositive();
        });

    assertThat(ClientProbe.openConnections(client[0])).isZero();
  }

  @Test
  void withoutMicrometerTheClientHasNoObserver() {
    runner.withClassLoader(new FilteredClassLoader("io.micrometer")).withPropertyValues("huiyi31.env=test")
        .run(context -> {
          assertThat(context).hasSingleBean(Huiyi31Client.class).doesNotHaveBean(Huiyi31Observer.class);
        });
  }

  @Test
  void withoutTheActuatorThereIsNoSanitizer() {
    runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate")).withPropertyValues("huiyi31.env=test")
        .run(context -> assertThat(context).hasSingleBean(Huiyi31Client.class)
            .doesNotHaveBean("huiyi31AppSecretSanitizer"));
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnClient {
    @Bean
    Huiyi31Client myClient() {
      return Huiyi31Client.builder().baseUrl(Huiyi31Client.TEST_BASE_URL).build();
    }
  }
}
