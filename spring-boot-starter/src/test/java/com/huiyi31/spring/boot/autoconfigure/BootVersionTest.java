package com.huiyi31.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

/**
 * These tests run twice, on Boot 3.5 (spring-boot-starter) and on Boot 4 (its boot4-test module):
 * each run checks that the Boot on its class path is the one it is meant to test.
 */
class BootVersionTest {

  @Test
  void theseTestsRunOnTheBootTheyAreMeantFor() {
    assertThat(SpringBootVersion.getVersion()).isEqualTo(System.getProperty("huiyi31.expectedBootVersion"));
  }
}
