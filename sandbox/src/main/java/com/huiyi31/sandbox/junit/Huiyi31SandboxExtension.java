package com.huiyi31.sandbox.junit;

import com.huiyi31.sandbox.Huiyi31Sandbox;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that starts one {@link Huiyi31Sandbox} per test class and hands it to any
 * test method, lifecycle method ({@code @BeforeAll}, {@code @BeforeEach}, ...) or constructor
 * that declares a {@code Huiyi31Sandbox} parameter.
 *
 * <pre>
 * &#64;ExtendWith(Huiyi31SandboxExtension.class)
 * class RegistrationTest {
 *
 *   &#64;Test
 *   void registersTheAttendee(Huiyi31Sandbox sandbox) {
 *     myService(sandbox.baseUrl()).register("张晓明", "13912345678");
 *
 *     assertThat(sandbox.registrations()).singleElement()
 *         .extracting(RegisterAttendeeRequest::getBventId).isEqualTo(Huiyi31Sandbox.DEMO_EVENT_ID);
 *   }
 * }
 * </pre>
 *
 * or, as a field: {@code @RegisterExtension static final Huiyi31SandboxExtension SANDBOX = new
 * Huiyi31SandboxExtension();} (a {@code static} field: the sandbox then starts before
 * {@code @BeforeAll} methods run; a non-static field works too, the sandbox then starts when first
 * asked for).
 *
 * <ul>
 *   <li><b>One sandbox per test class</b>, on a free port of {@code 127.0.0.1}, started before the
 *       class's first test and closed after its last one (it is kept in the class's
 *       {@link ExtensionContext.Store}, which closes it, port and threads, when the class is
 *       done). Every method of the class gets the same sandbox.
 *   <li><b>{@code @Nested} classes share the sandbox of the class around them</b>: one sandbox for
 *       the whole tree, closed after the outermost class that registered the extension.
 *   <li><b>Each test method starts with no registrations</b>: {@link Huiyi31Sandbox#reset()} runs
 *       before every test method (before the class's {@code @BeforeEach} methods, so whatever
 *       those register is still there when the test runs). A test never sees another test's
 *       registrations, whatever the order they run in. Tokens issued in an earlier test stay valid.
 *       (This assumes the methods of a class run one after another, JUnit's default: methods run
 *       concurrently with JUnit's parallel execution would share one sandbox and reset each
 *       other's registrations; give such a class {@code @Execution(ExecutionMode.SAME_THREAD)}.)
 * </ul>
 *
 * JUnit Jupiter is an optional dependency of the sandbox, needed only for this class: a project
 * that uses the extension has it already.
 */
public final class Huiyi31SandboxExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Huiyi31SandboxExtension.class);

  /** For {@code @ExtendWith(Huiyi31SandboxExtension.class)} and {@code @RegisterExtension}. */
  public Huiyi31SandboxExtension() {}

  /** Starts the class's sandbox now, so that a failure to start fails the class before any test runs. */
  @Override
  public void beforeAll(ExtensionContext context) {
    sandbox(context);
  }

  /** Each test method starts with no registrations. */
  @Override
  public void beforeEach(ExtensionContext context) {
    sandbox(context).reset();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == Huiyi31Sandbox.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return sandbox(extensionContext);
  }

  /**
   * The sandbox of the test class {@code context} belongs to, started on first use. It is stored
   * in the class's store, so a {@code @Nested} class finds its enclosing class's sandbox there
   * (stores look up their parents) instead of starting its own.
   */
  private static Huiyi31Sandbox sandbox(ExtensionContext context) {
    return classContext(context).getStore(NAMESPACE)
        .getOrComputeIfAbsent(StoredSandbox.class, key -> new StoredSandbox(Huiyi31Sandbox.start()), StoredSandbox.class)
        .sandbox;
  }

  /** The context of the test class: {@code context} itself, or the nearest enclosing one that is not a method's. */
  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  /**
   * The stored sandbox, closed by JUnit when the class's context closes: as an AutoCloseable
   * (JUnit 5.13 and later) or as a CloseableResource (earlier versions, whose stores close only
   * those). Closing twice does nothing.
   */
  @SuppressWarnings("deprecation") // CloseableResource: what JUnit before 5.13 closes
  private static final class StoredSandbox implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final Huiyi31Sandbox sandbox;

    StoredSandbox(Huiyi31Sandbox sandbox) {
      this.sandbox = sandbox;
    }

    @Override
    public void close() {
      sandbox.close();
    }
  }
}
