package com.huiyi31.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tool lets libraries warn, and only warn: its own output is what it prints itself. (slf4j-simple,
 * configured by simplelogger.properties; it replaced logback, whose classes and XML configuration
 * cost every one-off command about a sixth of its start.)
 */
class LoggingTest {

  @Test
  void librariesWarnAndSayNothingElse() {
    Logger library = LoggerFactory.getLogger("okhttp3.OkHttpClient");

    assertThat(library.getClass().getName()).isEqualTo("org.slf4j.simple.SimpleLogger");
    assertThat(library.isWarnEnabled()).isTrue();
    assertThat(library.isInfoEnabled()).isFalse();
    assertThat(LoggerFactory.getLogger(LoggingTest.class).isDebugEnabled()).isFalse();
  }
}
