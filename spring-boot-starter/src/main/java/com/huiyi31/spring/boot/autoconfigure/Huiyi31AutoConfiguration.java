package com.huiyi31.spring.boot.autoconfigure;

import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.Huiyi31Observer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * A {@link Huiyi31Client} bean from the {@code huiyi31.*} properties ({@link Huiyi31Properties}),
 * when {@code huiyi31.base-url} or {@code huiyi31.env} is set and the application has no
 * {@code Huiyi31Client} bean of its own. Its calls go to the application's
 * {@link Huiyi31Observer} bean, which, with Micrometer, is one that records them as the timer
 * {@code huiyi31.client.requests} ({@link Huiyi31MicrometerConfiguration}). Closed with the
 * application context.
 */
@AutoConfiguration
@ConditionalOnClass(Huiyi31Client.class)
@Conditional(Huiyi31AutoConfiguration.BaseUrlOrEnv.class)
@EnableConfigurationProperties(Huiyi31Properties.class)
@Import({Huiyi31MicrometerConfiguration.class, Huiyi31ActuatorConfiguration.class})
public class Huiyi31AutoConfiguration {

  /** A client configured from the properties; a misconfiguration fails with the client's own message. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public Huiyi31Client huiyi31Client(Huiyi31Properties properties, ObjectProvider<Huiyi31Observer> observer) {
    return properties.toBuilder().observer(observer.getIfUnique(() -> Huiyi31Observer.NONE)).build();
  }

  /** {@code huiyi31.base-url} or {@code huiyi31.env} is set: nothing is configured without an environment. */
  static final class BaseUrlOrEnv extends AnyNestedCondition {

    BaseUrlOrEnv() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnProperty(prefix = "huiyi31", name = "base-url")
    static final class BaseUrl {}

    @ConditionalOnProperty(prefix = "huiyi31", name = "env")
    static final class Env {}
  }
}
