package com.huiyi31.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * An offline stand-in for the 31huiyi platform: a WireMock server in this process, on
 * {@code 127.0.0.1} only, that answers the contract's operations ({@code huiyi31/openapi.yaml})
 * the way the contract says the platform does, on one port: the token issuer
 * ({@code POST /connect/token}), the attendee types of its demo event
 * ({@code POST /op/api/AttendeeType/v1/list}) and {@code POST /op/notoken/api/Attendee/v1/Register}.
 * Any HTTP client in any language can develop against it: {@code huiyi31 sandbox --port 8089}
 * runs it on its own.
 *
 * <h2>Tokens</h2>
 *
 * {@code POST /connect/token} (a form, as the contract describes) issues tokens for the demo
 * credentials {@link #DEMO_APP_KEY} / {@link #DEMO_APP_SECRET} (not secrets: they are printed in
 * the banner): grant {@code custom_user_code} gets a fresh random access token ({@code expires_in}
 * 600 s, {@code token_type Bearer}) and, with scope {@code offline_access}, a refresh token; grant
 * {@code refresh_token} with a refresh token it issued gets a new pair (each refresh token works
 * once, as IdentityServer's do). A wrong key or secret, or an unknown, used or expired refresh
 * token, gets HTTP 400 {@code {"error":"invalid_grant","error_description":...}}; a malformed
 * request {@code invalid_request}, another grant {@code unsupported_grant_type}, another
 * {@code client_id} {@code invalid_client}. Tokens live only as long as the sandbox.
 *
 * <h2>The demo event</h2>
 *
 * {@code POST /op/api/AttendeeType/v1/list} needs {@code Authorization: Bearer <access_token>}
 * with a token it issued that has not expired (otherwise HTTP 401, a short text/plain body). For
 * {@link #DEMO_EVENT_ID} it answers the demo event's attendee types from
 * {@code sandbox/demo-event.json}: 嘉宾 exactly as the platform's documented example (ticket 嘉宾票
 * with two sessions; fields 姓名, 签到码, 手机, 邮箱, 公司, 职务 and the choice 单选选择 with options
 * 单/个/选, codes 0/1/2) and 观众 (ticket 观众票 on sale, 早鸟票 not on sale; a choice 性别, 男 0 and
 * 女 1). For any other event: HTTP 200, {@code businessCode} 1010 会议不存在, {@code data} null.
 *
 * <h2>What it checks</h2>
 *
 * Every request is validated against the contract with Atlassian's OpenAPI validator, and
 * against the two platform rules the schema cannot express: a non-empty {@code Mobile} or
 * {@code Email} field is required, and no {@code FieldName} may appear twice (names compare
 * case-insensitively). A request that breaks any of them, or whose body is not JSON, is answered
 * like a platform business rejection: HTTP 200, {@code businessCode} <b>400</b>, {@code data}
 * null, and a {@code businessMessage} naming each problem with its JSON path, joined by
 * {@code "; "}, e.g. {@code Invalid request: $: Object has missing required properties (["Items"])}.
 * <b>400 is the sandbox's own code</b>: the platform publishes no code for this, and its
 * server binds keys case-insensitively, so it is more lenient than the sandbox (which accepts the
 * contract's PascalCase keys only, and no key the contract does not define).
 *
 * <p>A Register call for the demo event is also checked against the event's forms, as the
 * platform checks its events: the {@code AttendeeTypeId} must be one of its types (else 1011
 * 人群类别不存在), each {@code ItemSkuId} a ticket of that type (1012 门票不存在) that is on sale
 * (1013 门票未开售), each {@code AgendaId} a session bound to the ticket (1014 日程不存在), each
 * {@code FieldName} a field of the type's form (1015 表单字段不存在), and a choice field's
 * {@code FieldValue} one of its option codes, not the option's text (1016: send {@code "0"},
 * not {@code 单}). The {@code businessMessage} says each problem in Chinese and English, with the
 * choices (never the value sent: it is personal data); the code is the first problem's. The
 * trigger ticket {@code sold-out} counts as a ticket of every type. Register calls for other
 * events are not checked against any form.
 *
 * <h2>What it answers</h2>
 *
 * A valid request gets a success shaped exactly like the platform's documented example
 * ({@code recorded/docs-example-registered}), with fresh values on every call: new GUID-like
 * {@code orderId} and {@code attendeeId}, a 19-digit {@code orderNo} and {@code checkinCode}
 * that are unique within the sandbox's run, {@code orderStatus "Paid"}, {@code orderAmount 0.0},
 * {@code orderType "Main"} and one attendee whose {@code name} and {@code mobile} echo the
 * request's {@code FullName} and {@code Mobile} fields (empty strings when absent).
 *
 * <h2>Trigger values</h2>
 *
 * Valid requests with these values get a documented failure instead ({@link #triggers()}
 * returns the same list); they are checked in this order and the first match wins:
 *
 * <table>
 *   <caption>Huiyi31Sandbox triggers</caption>
 *   <tr><th>request</th><th>answer</th></tr>
 *   <tr><td>{@code FullName} "HTTP500"</td><td>HTTP 500 with an HTML error page (text/html), like a gateway</td></tr>
 *   <tr><td>{@code Mobile} ending in 0000</td><td>businessCode 1001, 手机号已被注册 (mobile already registered), data null</td></tr>
 *   <tr><td>{@code Email} ending in @taken.example</td><td>businessCode 1002, 邮箱已被注册 (email already registered), data null</td></tr>
 *   <tr><td>{@code ItemSkuId} "sold-out"</td><td>businessCode 1003, 门票已售罄 (tickets sold out), data null</td></tr>
 *   <tr><td>{@code FullName} "SLOW"</td><td>the success answer after a 3 s delay (to test read timeouts)</td></tr>
 * </table>
 *
 * Any other path answers HTTP 404, another method on a served path HTTP 405 (text/plain,
 * saying what is served). WireMock's admin API ({@code /__admin}) is switched off (HTTP 401), so
 * nothing outside this process can change the sandbox's behaviour.
 *
 * <h2>Counting</h2>
 *
 * {@link #registrationsReceived()} counts every Register POST (valid or not),
 * {@link #registeredByName()} the successful registrations per {@code FullName}, and
 * {@link #recentRegistrations()} keeps the last 100 Register bodies. A SLOW registration counts
 * when it is received, as on the platform: the order exists even if the client gave up waiting.
 * WireMock's request journal stays off, so memory stays flat however long the sandbox runs.
 */
public final class Huiyi31Sandbox implements AutoCloseable {

  static final String REGISTER_PATH = "/op/notoken/api/Attendee/v1/Register";
  static final String TOKEN_PATH = "/connect/token";
  static final String LIST_TYPES_PATH = "/op/api/AttendeeType/v1/list";
  /** Every path served (POST only), in the order a client uses them. */
  static final List<String> PATHS = List.of(TOKEN_PATH, LIST_TYPES_PATH, REGISTER_PATH);

  /** The app key the sandbox issues tokens to. Not a real credential. */
  public static final String DEMO_APP_KEY = TokenIssuer.APP_KEY;

  /** The app secret that goes with {@link #DEMO_APP_KEY}. Not a real secret: the banner prints it. */
  public static final String DEMO_APP_SECRET = TokenIssuer.APP_SECRET;

  /** The demo event's id (the platform docs' example id): the one event listAttendeeTypes knows. */
  public static final String DEMO_EVENT_ID = "07320000-fe25-16f7-4c65-08d9fb59aefd";

  /**
   * The sandbox's own {@code businessCode} for a request that breaks the contract or a platform
   * rule, or is not JSON (the platform publishes no code for this).
   */
  public static final int INVALID_REQUEST_CODE = SandboxResponder.INVALID_REQUEST;

  /** One documented trigger: a request value and the sandbox's answer to it. */
  public record Trigger(String when, String answer) {
    @Override
    public String toString() {
      return when + " -> " + answer;
    }
  }

  private static final List<Trigger> TRIGGERS = List.of(
      new Trigger("FullName \"" + SandboxResponder.NAME_HTTP_500 + "\"",
          "HTTP 500, an HTML error page (text/html) like a gateway's"),
      new Trigger("Mobile ending in " + SandboxResponder.MOBILE_TAKEN_SUFFIX,
          "businessCode " + SandboxResponder.MOBILE_TAKEN + " " + SandboxResponder.MOBILE_TAKEN_MESSAGE + " (mobile taken), data null"),
      new Trigger("Email ending in " + SandboxResponder.EMAIL_TAKEN_DOMAIN,
          "businessCode " + SandboxResponder.EMAIL_TAKEN + " " + SandboxResponder.EMAIL_TAKEN_MESSAGE + " (email taken), data null"),
      new Trigger("ItemSkuId \"" + SandboxResponder.SOLD_OUT_SKU + "\"",
          "businessCode " + SandboxResponder.SOLD_OUT + " " + SandboxResponder.SOLD_OUT_MESSAGE + " (sold out), data null"),
      new Trigger("FullName \"" + SandboxResponder.NAME_SLOW + "\"",
          "success after a " + SandboxResponder.SLOW_MILLIS / 1000 + " s delay (to test read timeouts)"));

  private final WireMockServer server;
  private final int port;
  private final SandboxResponder responder;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Huiyi31Sandbox(WireMockServer server, SandboxResponder responder) {
    this.server = server;
    this.port = server.port();
    this.responder = responder;
  }

  /**
   * Starts a sandbox on {@code port} of the loopback interface (0: any free port). Throws an
   * {@link IllegalStateException} saying so when the port cannot be used (taken, or not allowed).
   */
  public static Huiyi31Sandbox start(int port) {
    return start(port, System::nanoTime);
  }

  /** For tests: a sandbox whose tokens age on {@code nanoTime}. */
  static Huiyi31Sandbox start(int port, LongSupplier nanoTime) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, was " + port + ".");
    }
    SandboxResponder responder = new SandboxResponder(nanoTime);
    WireMockServer server = new WireMockServer(wireMockConfig()
        .bindAddress("127.0.0.1") // never another interface: the sandbox is for this machine only
        .port(port)
        .extensions(responder)
        // Answers are built in Java: no Handlebars, and no stubs read from a "mappings" folder
        // of whatever directory the sandbox happens to be started in.
        .templatingEnabled(false)
        .usingFilesUnderClasspath("sandbox")
        .disableRequestJournal()
        .adminAuthenticator(request -> false)
        // A SLOW answer waits on a scheduler, not on one of Jetty's request threads.
        .asynchronousResponseEnabled(true)
        .asynchronousResponseThreads(4)
        .containerThreads(64)
        .gzipDisabled(true)
        .jettyStopTimeout(1_000L));
    try {
      server.start();
    } catch (Exception e) { // Jetty's failures are not all unchecked
      try {
        server.stop();
      } catch (Exception neverStarted) { // Jetty refuses (even with a checked exception) to stop what never started
        e.addSuppressed(neverStarted);
      }
      throw new IllegalStateException("Could not start the sandbox on 127.0.0.1:" + port + ": " + rootMessage(e), e);
    }
    server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(SandboxResponder.NAME)));
    return new Huiyi31Sandbox(server, responder);
  }

  /**
   * The documented trigger values and what the sandbox answers to each, in the order they are
   * checked (only valid requests reach them: an invalid one gets {@link #INVALID_REQUEST_CODE}).
   */
  public static List<Trigger> triggers() {
    return TRIGGERS;
  }

  /** Where the sandbox listens, e.g. {@code http://127.0.0.1:8089}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The port it listens on (the one chosen when started with 0); still answers after {@link #close()}. */
  public int port() {
    return port;
  }

  /** Register POSTs received so far, whatever their answer (invalid ones included). */
  public int registrationsReceived() {
    return responder.registrationsReceived();
  }

  /**
   * Successful registrations so far, by the {@code FullName} they were made with ({@code ""}
   * when it was absent): a snapshot, sorted by name, that does not change afterwards.
   * Thread-safe.
   */
  public Map<String, Integer> registeredByName() {
    return responder.registeredByName();
  }

  /**
   * The bodies of the last Register POSTs received (at most 100, valid or not), oldest first, as
   * sent: a snapshot. They hold personal data: for tests and debugging on this machine.
   */
  public List<String> recentRegistrations() {
    return responder.recentRegistrations();
  }

  /** The demo event's attendee type names ("嘉宾, 观众"), for the banner. */
  public static String demoTypeNames() {
    return DemoEvent.shared().typeNames();
  }

  /** Stops the server. Closing twice does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop();
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
