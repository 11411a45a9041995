package com.huiyi31.sandbox;

import com.huiyi31.client.model.RegisterAttendeeRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * An offline stand-in for the 31huiyi platform: an HTTP server in this process (the JDK's own,
 * {@code com.sun.net.httpserver}), on {@code 127.0.0.1} only, that answers the contract's
 * operations ({@code huiyi31/openapi.yaml}) the way the contract says the platform does, on one
 * port: the token issuer ({@code POST /connect/token}), the attendee types of its demo event
 * ({@code POST /op/api/AttendeeType/v1/list}) and {@code POST /op/notoken/api/Attendee/v1/Register}.
 * Any HTTP client in any language can develop against it: {@code huiyi31 sandbox --port 8089}
 * runs it on its own; in JUnit 5 tests, {@link com.huiyi31.sandbox.junit.Huiyi31SandboxExtension}
 * starts one per test class.
 *
 * <pre>{@code
 * try (Huiyi31Sandbox sandbox = Huiyi31Sandbox.start()) {
 *   // point the code under test at sandbox.baseUrl(), let it register someone, then:
 *   assertThat(sandbox.registrations()).extracting(RegisterAttendeeRequest::getBventId)
 *       .containsExactly(Huiyi31Sandbox.DEMO_EVENT_ID);
 * }
 * }</pre>
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
 * {@code client_id} {@code invalid_client}. Form parameters the contract does not declare are
 * ignored (RFC 6749 says a token endpoint must). Tokens live only as long as the sandbox, which
 * remembers at most 10,000 of each kind (access, refresh), forgetting the oldest first.
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
 * Every request is validated against the contract with Atlassian's OpenAPI validator, exactly as
 * the contract is written (a JSON request body may carry no key the contract does not declare:
 * the contract says {@code additionalProperties: false}, because the platform would silently drop
 * a misspelt key), and against the two platform rules the schema cannot express: a non-empty
 * {@code Mobile} or {@code Email} field is required, and no {@code FieldName} may appear twice
 * (names compare case-insensitively). A request that breaks any of them, or whose body is not
 * JSON, is answered like a platform business rejection: HTTP 200, {@code businessCode}
 * <b>400</b>, {@code data} null, and a {@code businessMessage} naming each problem with its JSON
 * path, joined by {@code "; "}, e.g.
 * {@code Invalid request: $: Object has missing required properties (["Items"])}. <b>400 is the
 * sandbox's own code</b> ({@link #INVALID_REQUEST_CODE}): the platform publishes no code for this,
 * and its server binds keys case-insensitively and ignores keys it does not know, so it is more
 * lenient than the sandbox (which accepts the contract's PascalCase keys only).
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
 *   <caption>Sandbox triggers</caption>
 *   <tr><th>request</th><th>answer</th></tr>
 *   <tr><td>{@code FullName} "HTTP500"</td><td>HTTP 500 with an HTML error page (text/html), like a gateway</td></tr>
 *   <tr><td>{@code Mobile} ending in 0000</td><td>businessCode 1001, 手机号已被注册 (mobile already registered), data null</td></tr>
 *   <tr><td>{@code Email} ending in @taken.example</td><td>businessCode 1002, 邮箱已被注册 (email already registered), data null</td></tr>
 *   <tr><td>{@code ItemSkuId} "sold-out"</td><td>businessCode 1003, 门票已售罄 (tickets sold out), data null</td></tr>
 *   <tr><td>{@code FullName} "SLOW"</td><td>the success answer after a 3 s delay (to test read timeouts)</td></tr>
 * </table>
 *
 * Any other path answers HTTP 404, another method on a served path HTTP 405 (text/plain,
 * saying what is served).
 *
 * <h2>Drift</h2>
 *
 * Started with {@link #start(int, Set)}, the sandbox drifts from the contract in the documented
 * ways of {@link Drift} (an undeclared property, a key spelt with other casing, a number where the
 * contract says string, a missing property, a value no example shows, a number beyond int32, another
 * content type), as the real platform might one day; {@code huiyi31 drift} is tested against it. There is no admin API: nothing outside this process can change the
 * sandbox's behaviour.
 *
 * <h2>Limits</h2>
 *
 * It listens on {@code 127.0.0.1} only, never on another interface. A request body may be at most
 * <b>1 MiB</b> (a Register body is a few kilobytes): a larger one is answered HTTP 413 with a
 * short text/plain body saying the limit, and the connection is closed without reading the rest
 * (a declared {@code Content-Length} over the limit is refused before any of the body is read, a
 * chunked body as soon as it passes the limit; a client that reads the answer while still
 * sending, as curl does, shows the 413, one that gives up as soon as it cannot send, as Java's
 * HttpClient may, reports the closed connection). Sixteen threads answer requests; a SLOW answer
 * waits on a scheduler, not on one of them. What it keeps, it keeps bounded (the registrations,
 * see {@link #registrations()}, and at most 10,000 tokens of each kind), so its memory stays flat
 * however long it runs.
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
  public static final int INVALID_REQUEST_CODE = BodyCheck.INVALID_REQUEST;

  /** One documented trigger: a request value and the sandbox's answer to it. */
  public record Trigger(String when, String answer) {
    @Override
    public String toString() {
      return when + " -> " + answer;
    }
  }

  private static final List<Trigger> TRIGGERS = List.of(
      new Trigger("FullName \"" + RegisterEndpoint.NAME_HTTP_500 + "\"",
          "HTTP 500, an HTML error page (text/html) like a gateway's"),
      new Trigger("Mobile ending in " + RegisterEndpoint.MOBILE_TAKEN_SUFFIX,
          "businessCode " + RegisterEndpoint.MOBILE_TAKEN + " " + RegisterEndpoint.MOBILE_TAKEN_MESSAGE
              + " (mobile taken), data null"),
      new Trigger("Email ending in " + RegisterEndpoint.EMAIL_TAKEN_DOMAIN,
          "businessCode " + RegisterEndpoint.EMAIL_TAKEN + " " + RegisterEndpoint.EMAIL_TAKEN_MESSAGE
              + " (email taken), data null"),
      new Trigger("ItemSkuId \"" + RegisterEndpoint.SOLD_OUT_SKU + "\"",
          "businessCode " + RegisterEndpoint.SOLD_OUT + " " + RegisterEndpoint.SOLD_OUT_MESSAGE + " (sold out), data null"),
      new Trigger("FullName \"" + RegisterEndpoint.NAME_SLOW + "\"",
          "success after a " + RegisterEndpoint.SLOW_MILLIS / 1000 + " s delay (to test read timeouts)"));

  private final SandboxServer server;
  private final Registrations registrations;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Huiyi31Sandbox(SandboxServer server, Registrations registrations) {
    this.server = server;
    this.registrations = registrations;
  }

  /** Starts a sandbox on a free port of the loopback interface ({@link #baseUrl()} says which). */
  public static Huiyi31Sandbox start() {
    return start(0);
  }

  /**
   * Starts a sandbox on {@code port} of the loopback interface (0: any free port). Throws an
   * {@link IllegalStateException} saying so when the port cannot be used (taken, or not allowed).
   */
  public static Huiyi31Sandbox start(int port) {
    return start(port, System::nanoTime, new Registrations(), Set.of());
  }

  /**
   * As {@link #start(int)}, for a sandbox that drifts from the contract in the documented ways
   * {@code drifts} names (see {@link Drift}; none: the same as {@link #start(int)}). For testing
   * drift checks, such as {@code huiyi31 drift}, and a client's tolerance of a changing platform.
   */
  public static Huiyi31Sandbox start(int port, Set<Drift> drifts) {
    Objects.requireNonNull(drifts, "drifts == null");
    return start(port, System::nanoTime, new Registrations(), drifts);
  }

  /** For tests: a sandbox whose tokens age on {@code nanoTime}, keeping registrations in {@code registrations}. */
  static Huiyi31Sandbox start(int port, LongSupplier nanoTime, Registrations registrations) {
    return start(port, nanoTime, registrations, Set.of());
  }

  private static Huiyi31Sandbox start(int port, LongSupplier nanoTime, Registrations registrations, Set<Drift> drifts) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, was " + port + ".");
    }
    TokenIssuer tokens = new TokenIssuer(nanoTime);
    BodyCheck check = new BodyCheck();
    Map<String, SandboxServer.Endpoint> endpoints = Map.of(
        TOKEN_PATH, new TokenEndpoint(tokens, check),
        LIST_TYPES_PATH, new TypeListEndpoint(tokens, check),
        REGISTER_PATH, new RegisterEndpoint(check, registrations));
    try {
      return new Huiyi31Sandbox(SandboxServer.start(port, Drifting.apply(endpoints, drifts)), registrations);
    } catch (IOException e) {
      throw new IllegalStateException("Could not start the sandbox on 127.0.0.1:" + port + ": "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }
  }

  /**
   * The documented trigger values and what the sandbox answers to each, in the order they are
   * checked (only valid requests reach them: an invalid one gets {@link #INVALID_REQUEST_CODE}).
   */
  public static List<Trigger> triggers() {
    return TRIGGERS;
  }

  /** The demo event's attendee type names ("嘉宾, 观众"), for a banner. */
  public static String demoTypeNames() {
    return DemoEvent.shared().typeNames();
  }

  /** Where the sandbox listens, e.g. {@code http://127.0.0.1:8089}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  /** The port it listens on (the one chosen when started with 0); still answers after {@link #close()}. */
  public int port() {
    return server.port();
  }

  /**
   * Every Register request the sandbox accepted (answered with {@code businessCode} 0), oldest
   * first, decoded as the generated model. Invalid requests, business refusals (the triggers
   * 1001 to 1003, the demo event's 1011 to 1016) and the HTTP500 trigger are not in it; a SLOW
   * registration is, from the moment it was received (as on the platform, the order exists even
   * if the client gave up waiting).
   *
   * <p>An immutable snapshot: later registrations do not change it, and its elements are fresh
   * copies, so changing one changes nothing in the sandbox. Bounded, so that memory stays flat:
   * it holds the last <b>10,000</b> accepted requests, and fewer if they are large (at most
   * <b>32 MiB</b> of request bodies together); the oldest are dropped first. {@link #reset()}
   * empties it. The requests hold personal data: for tests and debugging on this machine.
   * Thread-safe.
   */
  public List<RegisterAttendeeRequest> registrations() {
    return registrations.snapshot();
  }

  /** Forgets every registration ({@link #registrations()} is empty afterwards). Issued tokens stay valid. */
  public void reset() {
    registrations.clear();
  }

  /** Stops the server and frees the port; an answer still waiting (SLOW) is not sent. Closing twice does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.close();
    }
  }
}
