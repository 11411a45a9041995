package com.huiyi31.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiyi31.client.Huiyi31BusinessException;
import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.Huiyi31HttpException;
import com.huiyi31.client.Registrant;
import com.huiyi31.client.micrometer.MicrometerObserver;
import com.huiyi31.sandbox.Huiyi31Sandbox;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;

/**
 * An application as a team has it (auto-configuration, the actuator's metrics), registering an
 * attendee against the sandbox with the client it was given, and what it shows of its calls: the
 * timer huiyi31.client.requests, and never the app secret or a person's data. Each test has a new
 * application, so its first registration fetches a token and the event's types.
 */
@SpringBootTest(classes = Huiyi31ApplicationTest.App.class, properties = {
    "huiyi31.app-key=" + Huiyi31Sandbox.DEMO_APP_KEY,
    "huiyi31.app-secret=" + Huiyi31Sandbox.DEMO_APP_SECRET,
    "huiyi31.read-timeout=5s",
    "huiyi31.http-log-level=body",
    "logging.level.com.huiyi31.client.http=debug"})
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD) // each test its own client and token
class Huiyi31ApplicationTest {

  static final Huiyi31Sandbox SANDBOX = Huiyi31Sandbox.start();
  private static final String MOBILE = "13912345678";

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  @DynamicPropertySource
  static void sandbox(DynamicPropertyRegistry properties) {
    properties.add("huiyi31.base-url", SANDBOX::baseUrl);
  }

  @AfterAll
  static void stopSandbox() {
    SANDBOX.close();
  }

  @Autowired
  Huiyi31Client client;
  @Autowired
  MeterRegistry meters;
  @Autowired
  ApplicationContext context;

  @BeforeEach
  void noRegistrationsYet() {
    SANDBOX.reset();
  }

  @Test
  void registersAnAttendeeAndTimesEachCall() {
    String orderNo = client.registration(Huiyi31Sandbox.DEMO_EVENT_ID).register(guest("张晓明", MOBILE))
        .getData().getOrderNo();

    assertThat(orderNo).matches("\\d{19}");
    assertThat(SANDBOX.registrations()).singleElement()
        .satisfies(sent -> assertThat(sent.getBventId()).isEqualTo(Huiyi31Sandbox.DEMO_EVENT_ID));
    List<Timer> timers = List.copyOf(meters.find(MicrometerObserver.NAME).timers());
    timers.forEach(timer -> System.out.println("metric " + describe(timer)));
    assertThat(timers).extracting(Huiyi31ApplicationTest::describe).containsExactlyInAnyOrder(
        "huiyi31.client.requests{business.code=0,error=none,operation=registerAttendee,outcome=SUCCESS,status=200} count=1",
        "huiyi31.client.requests{business.code=0,error=none,operation=listAttendeeTypes,outcome=SUCCESS,status=200} count=1",
        "huiyi31.client.requests{business.code=none,error=none,operation=requestAccessToken,outcome=SUCCESS,status=200} count=1");
  }

  @Test
  void aRefusalIsTimedAsNotProcessedWithThePlatformsCode() {
    assertThat(catchThrowable(() -> client.registration(Huiyi31Sandbox.DEMO_EVENT_ID).register(guest("李思雨", "13800000000"))))
        .isInstanceOf(Huiyi31BusinessException.class);

    assertThat(meters.get(MicrometerObserver.NAME).tag("operation", "registerAttendee").timer())
        .extracting(Huiyi31ApplicationTest::describe).isEqualTo("huiyi31.client.requests{business.code=1001,"
            + "error=Huiyi31BusinessException,operation=registerAttendee,outcome=NOT_PROCESSED,status=200} count=1");
  }

  @Test
  void aServerErrorIsTimedAsUnknown() {
    assertThat(catchThrowable(() -> client.registration(Huiyi31Sandbox.DEMO_EVENT_ID).register(guest("HTTP500", MOBILE))))
        .isInstanceOf(Huiyi31HttpException.class);

    assertThat(meters.get(MicrometerObserver.NAME).tag("operation", "registerAttendee").tag("outcome", "UNKNOWN")
        .tag("status", "500").tag("business.code", "none").timer().count()).isEqualTo(1);
  }

  @Test
  void neitherConfigpropsNorEnvShowTheSecretEvenWhenValuesAreShown() throws Exception {
    List<SanitizingFunction> sanitizers = context.getBeanProvider(SanitizingFunction.class).orderedStream().toList();
    ConfigurationPropertiesReportEndpoint configprops = new ConfigurationPropertiesReportEndpoint(sanitizers, Show.ALWAYS);
    configprops.setApplicationContext(context);
    EnvironmentEndpoint env = new EnvironmentEndpoint(context.getEnvironment(), sanitizers, Show.ALWAYS);

    ObjectMapper json = new ObjectMapper();
    String shownProperties = json.writeValueAsString(configprops.configurationPropertiesWithPrefix("huiyi31"));
    String shownEnvironment = json.writeValueAsString(env.environment("huiyi31.*"));

    assertThat(shownProperties).contains(Huiyi31Sandbox.DEMO_APP_KEY, "******").doesNotContain(Huiyi31Sandbox.DEMO_APP_SECRET);
    assertThat(shownEnvironment).contains(Huiyi31Sandbox.DEMO_APP_KEY, "******").doesNotContain(Huiyi31Sandbox.DEMO_APP_SECRET);
  }

  @Test
  void theLogsShowNeitherTheSecretNorThePerson(CapturedOutput output) {
    client.registration(Huiyi31Sandbox.DEMO_EVENT_ID).register(guest("王建国", MOBILE));

    assertThat(output.getAll()).contains("/connect/token", "139****5678")
        .doesNotContain(Huiyi31Sandbox.DEMO_APP_SECRET, MOBILE, "王建国");
  }

  private static Registrant guest(String name, String mobile) {
    return Registrant.builder().type("嘉宾").ticket("嘉宾票").field("姓名", name).field("手机", mobile).build();
  }

  private static String describe(Meter meter) {
    return meter.getId().getName() + meter.getId().getTags().stream().map(t -> t.getKey() + "=" + t.getValue()).sorted()
        .collect(Collectors.joining(",", "{", "}")) + " count=" + ((Timer) meter).count();
  }
}
