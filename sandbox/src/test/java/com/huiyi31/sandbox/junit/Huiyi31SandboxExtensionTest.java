package com.huiyi31.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.model.AttendeeForm;
import com.huiyi31.client.model.FormField;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.client.model.TicketItem;
import com.huiyi31.sandbox.Huiyi31Sandbox;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Huiyi31SandboxExtension, used the ways a team would use it. Each fixture below is a test class
 * run here with JUnit's EngineTestKit; the fixtures record every sandbox they are given, and the
 * tests check what they saw and that the sandbox was closed once the fixture's class was done.
 * Run on their own (an IDE's "run package", a -Dtest pattern), the fixtures are skipped:
 * {@link OnlyThroughEngineTestKit}.
 */
class Huiyi31SandboxExtensionTest {

  private static final String EVENT = Huiyi31Sandbox.DEMO_EVENT_ID;

  /** Set only by {@link #run}: the fixtures run only through the tests of this class. */
  static final String FIXTURES_PARAMETER = "huiyi31.sandbox.extensionFixtures";

  /** Every sandbox a fixture was handed, in order. */
  static final List<Huiyi31Sandbox> SEEN = new CopyOnWriteArrayList<>();

  @BeforeEach
  void forgetWhatEarlierRunsSaw() {
    SEEN.clear();
  }

  @Test
  void extendWithInjectsOneSandboxIntoTheConstructorAndEveryMethodAndClosesItAfterTheClass() {
    EngineExecutionResults results = run(ExtendWithFixture.class);

    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    assertThat(SEEN).as("a constructor and a method per test").hasSize(4).allSatisfy(seen -> assertThat(seen).isSameAs(SEEN.get(0)));
    assertClosed(SEEN.get(0));
  }

  @Test
  void registerExtensionInjectsTheSameSandboxIntoBeforeAllAndEveryTestAndClosesItAfterTheClass() {
    EngineExecutionResults results = run(RegisterExtensionFixture.class);

    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    assertThat(SEEN).hasSize(3).allSatisfy(seen -> assertThat(seen).isSameAs(SEEN.get(0)));
    assertClosed(SEEN.get(0));
  }

  @Test
  void aNonStaticRegisterExtensionFieldSharesOneSandboxAcrossTheClassToo() {
    EngineExecutionResults results = run(InstanceFieldFixture.class);

    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    assertThat(SEEN).hasSize(2).allSatisfy(seen -> assertThat(seen).isSameAs(SEEN.get(0)));
    assertClosed(SEEN.get(0));
  }

  @Test
  void nestedClassesShareTheOuterClassesSandboxAndStartWithNoRegistrations() {
    EngineExecutionResults results = run(NestedFixture.class);

    results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
    assertThat(SEEN).hasSize(3).allSatisfy(seen -> assertThat(seen).isSameAs(SEEN.get(0)));
    assertClosed(SEEN.get(0));
  }

  @Test
  void theSandboxIsClosedAfterTheClassEvenWhenATestFails() {
    EngineExecutionResults results = kit().selectors(selectClass(FailingFixture.class)).execute();

    results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    assertThat(SEEN).hasSize(1);
    assertClosed(SEEN.get(0));
  }

  @Test
  void twoClassesGetTwoSandboxes() {
    run(ExtendWithFixture.class);
    run(InstanceFieldFixture.class);

    assertThat(SEEN).hasSize(6);
    assertThat(SEEN.get(0)).isNotSameAs(SEEN.get(5));
  }

  @Test
  void onlySandboxParametersAreResolved() {
    EngineExecutionResults results = kit().selectors(selectClass(OtherParameterFixture.class)).execute();

    results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    assertThat(results.testEvents().failed().stream().map(Event::toString).toList()).singleElement()
        .asString().contains("No ParameterResolver registered for parameter [java.lang.String");
  }

  @Test
  void theFixturesAreSkippedWhenRunOnTheirOwn() {
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(FailingFixture.class)).execute();

    results.containerEvents().assertStatistics(stats -> stats.skipped(1));
    results.testEvents().assertStatistics(stats -> stats.started(0));
    assertThat(SEEN).isEmpty();
  }

  // --- fixtures: test classes run by the tests above -------------------------------------------

  /** Enables a fixture only when {@link #run} (or {@link #kit}) runs it. */
  static final class OnlyThroughEngineTestKit implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(FIXTURES_PARAMETER).isPresent()
          ? ConditionEvaluationResult.enabled("run by Huiyi31SandboxExtensionTest")
          : ConditionEvaluationResult.disabled("a fixture of Huiyi31SandboxExtensionTest: it runs only through that class");
    }
  }

  @ExtendWith({OnlyThroughEngineTestKit.class, Huiyi31SandboxExtension.class})
  static class ExtendWithFixture {
    private final Huiyi31Sandbox fromConstructor;

    ExtendWithFixture(Huiyi31Sandbox sandbox) {
      this.fromConstructor = sandbox;
      SEEN.add(sandbox);
    }

    @Test
    void first(Huiyi31Sandbox sandbox) {
      SEEN.add(sandbox);
      RegisterAttendeeRequest sent = register(sandbox, "first");

      assertThat(sandbox).isSameAs(fromConstructor);
      assertThat(sandbox.registrations()).as("nothing left from the other test").containsExactly(sent);
    }

    @Test
    void second(Huiyi31Sandbox sandbox) {
      SEEN.add(sandbox);
      RegisterAttendeeRequest sent = register(sandbox, "second");

      assertThat(sandbox).isSameAs(fromConstructor);
      assertThat(sandbox.registrations()).as("nothing left from the other test").containsExactly(sent);
    }
  }

  @ExtendWith(OnlyThroughEngineTestKit.class)
  static class RegisterExtensionFixture {
    @RegisterExtension
    static final Huiyi31SandboxExtension SANDBOX = new Huiyi31SandboxExtension();

    @BeforeAll
    static void registerBeforeAll(Huiyi31Sandbox sandbox) {
      SEEN.add(sandbox);
      register(sandbox, "before all");
    }

    @BeforeEach
    void registerBeforeEach(Huiyi31Sandbox sandbox) {
      register(sandbox, "before each");
    }

    @Test
    void one(Huiyi31Sandbox sandbox) {
      SEEN.add(sandbox);
      register(sandbox, "one");

      assertThat(names(sandbox)).as("reset before @BeforeEach methods run").containsExactly("before each", "one");
    }

    @Test
    void two(Huiyi31Sandbox sandbox) {
      SEEN.add(sandbox);
      register(sandbox, "two");

      assertThat(names(sandbox)).as("reset before @BeforeEach methods run").containsExactly("before each", "two");
    }
  }

  @ExtendWith(OnlyThroughEngineTestKit.class)
  static class InstanceFieldFixture {
    @RegisterExtension
    final Huiyi31SandboxExtension sandboxes = new Huiyi31SandboxExtension();

    @Test
    void one(Huiyi31Sandbox sandbox) {
      SEEN.add(sandbox);
      register(sandbox, "one");

      assertThat(names(sandbox)).containsExactly("one");
    }

    @Test
    void two(Huiyi31Sandbox sandbox) {
      SEEN.add(sandbox);
      register(sandbox, "two");

      assertThat(names(sandbox)).containsExactly("two");
    }
  }

  @ExtendWith({OnlyThroughEngineTestKit.class, Huiyi31SandboxExtension.class})
  static class NestedFixture {
    @Test
    void outer(Huiyi31Sandbox sandbox) {
      SEEN.add(sandbox);
      register(sandbox, "outer");
    }

    @Nested
    class Inner {
      @Test
      void inner(Huiyi31Sandbox sandbox) {
        SEEN.add(sandbox);
        assertThat(sandbox.registrations()).isEmpty();
        register(sandbox, "inner");
      }

      @Nested
      class Deeper {
        @Test
        void deeper(Huiyi31Sandbox sandbox) {
          SEEN.add(sandbox);
          assertThat(sandbox.registrations()).isEmpty();
          register(sandbox, "deeper");
        }
      }
    }
  }

  @ExtendWith({OnlyThroughEngineTestKit.class, Huiyi31SandboxExtension.class})
  static class FailingFixture {
    @Test
    void fails(Huiyi31Sandbox sandbox) {
      SEEN.add(sandbox);
      assertThat(sandbox.registrations()).as("made to fail").isNotEmpty();
    }
  }

  @ExtendWith({OnlyThroughEngineTestKit.class, Huiyi31SandboxExtension.class})
  static class OtherParameterFixture {
    @Test
    void wantsAString(String notASandbox) {
      assertThat(notASandbox).isNotNull();
    }
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static EngineTestKit.Builder kit() {
    return EngineTestKit.engine("junit-jupiter").configurationParameter(FIXTURES_PARAMETER, "true");
  }

  private static EngineExecutionResults run(Class<?> fixture) {
    EngineExecutionResults results = kit().selectors(selectClass(fixture)).execute();
    assertThat(results.allEvents().failed().stream().map(Event::toString).toList())
        .as("what failed in %s", fixture.getSimpleName()).isEmpty();
    return results;
  }

  /** Registers {@code name} (as FullName) for the demo event through the Java client. */
  static RegisterAttendeeRequest register(Huiyi31Sandbox sandbox, String name) {
    RegisterAttendeeRequest request = new RegisterAttendeeRequest().bventId(EVENT)
        .attendeeTypeId("51f10000-4961-fe41-aba5-08dc70ba48eb")
        .attendee(new AttendeeForm()
            .addFieldsItem(new FormField().fieldName("FullName").fieldValue(name))
            .addFieldsItem(new FormField().fieldName("Mobile").fieldValue("13912345678")))
        .addItemsItem(new TicketItem().itemSkuId("40180000-300e-9237-c7af-08dc6f31f78c").itemSkuName("嘉宾票").quantity(1));
    try (Huiyi31Client client = Huiyi31Client.builder().baseUrl(sandbox.baseUrl()).build()) {
      assertThat(client.attendees().registerAttendee(request).getBusinessCode()).isZero();
    }
    return request;
  }

  static List<String> names(Huiyi31Sandbox sandbox) {
    return sandbox.registrations().stream().map(r -> r.getAttendee().getFields().get(0).getFieldValue()).toList();
  }

  private static void assertClosed(Huiyi31Sandbox sandbox) {
    assertThatThrownBy(() -> {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), sandbox.port()), 2_000);
      }
    }).as("port %s is closed", sandbox.port()).isInstanceOf(IOException.class);
  }
}
