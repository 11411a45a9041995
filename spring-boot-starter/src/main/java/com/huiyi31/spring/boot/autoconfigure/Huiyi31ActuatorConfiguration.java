package com.huiyi31.spring.boot.autoconfigure;

import java.util.Locale;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps {@code huiyi31.app-secret} masked in the actuator's {@code configprops} and {@code env}
 * endpoints even where an application shows their values ({@code show-values: always}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
class Huiyi31ActuatorConfiguration {

  @Bean
  SanitizingFunction huiyi31AppSecretSanitizer() {
    return data -> isAppSecret(data.getKey()) ? data.withSanitizedValue() : data;
  }

  /**
   * {@code huiyi31.app-secret} in any of Boot's spellings: {@code huiyi31.appSecret},
   * {@code HUIYI31_APPSECRET}, {@code HUIYI31_APP_SECRET}.
   */
  static boolean isAppSecret(String key) {
    return key != null && key.toLowerCase(Locale.ROOT).replaceAll("[-_.\\[\\]]", "").equals("huiyi31appsecret");
  }
}
