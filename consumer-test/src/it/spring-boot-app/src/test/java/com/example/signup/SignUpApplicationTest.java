package com.example.signup;

import static org.assertj.core.api.Assertions.assertThat;

import com.huiyi31.sandbox.Huiyi31Sandbox;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(properties = {
    "huiyi31.app-key=" + Huiyi31Sandbox.DEMO_APP_KEY,
    "huiyi31.app-secret=" + Huiyi31Sandbox.DEMO_APP_SECRET})
class SignUpApplicationTest {

  static final Huiyi31Sandbox SANDBOX = Huiyi31Sandbox.start();

  @DynamicPropertySource
  static void sandbox(DynamicPropertyRegistry properties) {
    properties.add("huiyi31.base-url", SANDBOX::baseUrl);
  }

  @AfterAll
  static void stop() {
    SANDBOX.close();
  }

  @Autowired
  SignUpApplication.SignUpService service;
  @Autowired
  MeterRegistry meters;

  @Test
  void runsOnTheBootVersionThisBuildAskedFor() {
    assertThat(SpringBootVersion.getVersion()).isEqualTo(System.getProperty("expectedBootVersion"));
  }

  @Test
  void aGuestSignsUpThroughTheStartersClientAndTheCallIsTimed() {
    String orderNo = service.signUp(Huiyi31Sandbox.DEMO_EVENT_ID, "张晓明", "13912345678");

    assertThat(orderNo).matches("\\d{19}");
    assertThat(SANDBOX.registrations()).hasSize(1);
    assertThat(meters.find("huiyi31.client.requests").tag("operation", "registerAttendee")
        .tag("outcome", "SUCCESS").timer()).isNotNull()
        .satisfies(timer -> assertThat(timer.count()).isEqualTo(1));
  }
}
