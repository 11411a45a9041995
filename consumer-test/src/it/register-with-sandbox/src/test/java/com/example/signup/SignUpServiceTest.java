package com.example.signup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.sandbox.Huiyi31Sandbox;
import com.huiyi31.sandbox.junit.Huiyi31SandboxExtension;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A consuming team's test: the sandbox stands in for the platform, found by the JUnit 5 extension. */
@ExtendWith(Huiyi31SandboxExtension.class)
class SignUpServiceTest {

  @Test
  void signsAGuestUpByTheNamesOnTheForm(Huiyi31Sandbox sandbox) {
    String orderNo;
    try (SignUpService service = new SignUpService(sandbox.baseUrl(), Huiyi31Sandbox.DEMO_APP_KEY,
        Huiyi31Sandbox.DEMO_APP_SECRET, Huiyi31Sandbox.DEMO_EVENT_ID)) {
      orderNo = service.signUpGuest("张晓明", "13912345678");
    }

    assertTrue(orderNo.matches("\\d{19}"), orderNo);
    List<RegisterAttendeeRequest> registrations = sandbox.registrations();
    assertEquals(1, registrations.size());
    RegisterAttendeeRequest sent = registrations.get(0);
    assertEquals(Huiyi31Sandbox.DEMO_EVENT_ID, sent.getBventId());
    assertEquals("FullName=张晓明, Mobile=13912345678", sent.getAttendee().getFields().stream()
        .map(field -> field.getFieldName() + "=" + field.getFieldValue()).sorted().collect(Collectors.joining(", ")));
  }

  @Test
  void theTestClasspathGetsNoLoggingBindingNoCliAndNoGeneratedApiClient() {
    // The sandbox and the client leave the choice of an SLF4J binding to the application.
    assertEquals(0, ServiceLoader.load(org.slf4j.spi.SLF4JServiceProvider.class).stream().count());
    assertThrows(ClassNotFoundException.class, () -> Class.forName("picocli.CommandLine"));
    assertThrows(ClassNotFoundException.class, () -> Class.forName("com.huiyi31.client.invoker.ApiClient"));
    assertThrows(ClassNotFoundException.class, () -> Class.forName("feign.okhttp.OkHttpClient"));
  }
}
