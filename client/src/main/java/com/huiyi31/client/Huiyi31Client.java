package com.huiyi31.client;

import com.huiyi31.client.api.AttendeeApi;
import com.huiyi31.client.api.AttendeeTypeApi;
import com.huiyi31.client.api.TokenApi;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.form.FormEncoder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;

/**
 * The entry point: a configured, thread-safe client of the 31huiyi OpenAPI.
 *
 * <pre>{@code
 * try (Huiyi31Client client = Huiyi31Client.builder()
 *     .baseUrl(Huiyi31Client.TEST_BASE_URL)
 *     .build()) {
 *   RegisterAttendeeResponse response = client.attendees().registerAttendee(request);
 * }
 * }</pre>
 *
 * <p>Build one client and share it: it holds a pool of connections. Its APIs return only
 * successful answers ({@code businessCode == 0}); everything else is a {@link Huiyi31Exception}.
 * It retries a request only when it certainly did not leave this machine (see
 * {@link Builder#connectRetries(int)}): a retried registration could create a second order.
 */
public final class Huiyi31Client implements AutoCloseable {

  /** The platform's test environment. */
  public static final String TEST_BASE_URL = "https://test2-31api.31huiyi.com";

  /** The platform's production environment: registrations there are real. */
  public static final String PRODUCTION_BASE_URL = "https://31api.31huiyi.com";

  /** The token issuer of the test environment. */
  public static final String TEST_OAUTH_URL = "https://test2-oauth.31huiyi.com";

  /** The token issuer of production. */
  public static final String PRODUCTION_OAUTH_URL = "https://oauth.31huiyi.com";

  private final String baseUrl;
  private final OkHttpClient http;
  private final AttendeeApi attendees;
  private final AttendeeTypeApi attendeeTypes;
  private final AttendeeTypeCache attendeeTypeCache;

  private Huiyi31Client(Builder builder) {
    this.baseUrl = builder.baseUrl;
    String issuerUrl = builder.oauthBaseUrl != null ? builder.oauthBaseUrl : defaultOauthUrl(baseUrl);
    OkHttpClient.Builder okhttp = new OkHttpClient.Builder()
        .connectTimeout(builder.connectTimeout)
        .readTimeout(builder.readTimeout)
        // OkHttp would otherwise silently send a request again after some connection failures,
        // even a POST that the server may already have received.
        .retryOnConnectionFailure(false)
        // A redirect would replay the POST elsewhere; surface it as an HTTP error instead.
        .followRedirects(false)
        .followSslRedirects(false)
        // Idle connections are dropped before servers usually drop them (60 s and more), so a
        // request rarely meets a stale connection (which, without retries, would fail it).
        // Up to maxConcurrentRequests of them stay idle: with fewer, a busy client closed a
        // connection after a call and opened a new one for the next (measured: docs/benchmarks.md).
        .connectionPool(new ConnectionPool(builder.maxConcurrentRequests, 30, TimeUnit.SECONDS))
        .dns(builder.dns)
        .addNetworkInterceptor(SendTracking.MARK_CONNECTED);
    if (isPlainHttp(baseUrl) && isPlainHttp(issuerUrl)) {
      // A stand-in on this machine (the sandbox, tests) needs no TLS; OkHttp would otherwise load the
      // trust store and set TLS up as it is built (docs/benchmarks.md, "The library at a service's start-up").
      okhttp.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
    }
    this.http = okhttp.build();
    JsonCodec codec = new JsonCodec(JsonCodec.newObjectMapper());
    OkHttpTransport client = new OkHttpTransport(http, builder.maxConcurrentRequests, builder.connectTimeout.toNanos());
    ConnectRetryer retryer = new ConnectRetryer(builder.connectRetries, builder.initialBackoff, builder.maxBackoff,
        builder.sleeper, ConnectRetryer.RANDOM);
    // One configuration for every API; each target below changes only what differs.
    Supplier<Feign.Builder> feign = () -> Feign.builder()
        .client(client)
        .contract(new JsonContentType(new feign.DefaultContract()))
        .encoder(codec)
        .decoder(codec)
        .errorDecoder(new HttpErrorDecoder())
        .retryer(retryer)
        .options(new Request.Options(builder.connectTimeout, builder.readTimeout, false))
        .invocationHandlerFactory(new ExceptionTranslator(builder.observer))
        .logger(builder.httpLogLevel == HttpLogLevel.NONE ? new Logger.NoOpLogger() : new RedactingLogger())
        .logLevel(RedactingLogger.feignLevel(builder.httpLogLevel));
    this.attendees = feign.get().target(AttendeeApi.class, baseUrl);

    TokenProvider tokens = null;
    if (builder.appKey != null) {
      // The token request is a form (feign-form); its refusals are OAuth errors, not HTTP errors.
      TokenApi issuer = feign.get()
          .encoder(new FormEncoder(codec))
          .errorDecoder(new TokenProvider.IssuerErrors())
          .invocationHandlerFactory(new ExceptionTranslator(null)) // observed by TokenProvider
          .target(TokenApi.class, issuerUrl);
      tokens = new TokenProvider(issuer, issuerUrl + "/connect/token", builder.appKey, builder.appSecret,
          builder.nanoTime, builder.observer);
    }
    this.attendeeTypes = feign.get()
        .requestInterceptor(BearerAuth.interceptor(tokens))
        .errorDecoder(BearerAuth.errorDecoder(new HttpErrorDecoder()))
        .retryer(BearerAuth.retryer(retryer, tokens))
        .target(AttendeeTypeApi.class, baseUrl);
    this.attendeeTypeCache = new AttendeeTypeCache(attendeeTypes, builder.attendeeTypesCacheTtl.toNanos(),
        builder.nanoTime);
  }

  /** Whether a URL is plain http (the builder allows that for loopback hosts only). */
  private static boolean isPlainHttp(String url) {
    return url.regionMatches(true, 0, "http:", 0, 5);
  }

  /**
   * The token issuer that goes with a platform environment: the test or production issuer, or,
   * for a stand-in server on this machine (tests, the sandbox), the stand-in itself.
   */
  private static String defaultOauthUrl(String baseUrl) {
    if (baseUrl.equals(TEST_BASE_URL)) {
      return TEST_OAUTH_URL;
    }
    if (baseUrl.equals(PRODUCTION_BASE_URL)) {
      return PRODUCTION_OAUTH_URL;
    }
    return baseUrl;
  }

  /** A builder with no base URL: choose the environment explicitly. */
  public static Builder builder() {
    return new Builder();
  }

  /** Registration of attendees. The same instance on every call; safe to share between threads. */
  public AttendeeApi attendees() {
    return attendees;
  }

  /**
   * The attendee types of events, with their tickets and form fields. Needs
   * {@link Builder#credentials(String, String)}: each call carries an access token, fetched and
   * renewed as needed; a 401 answer makes it take a new token and ask once more.
   */
  public AttendeeTypeApi attendeeTypes() {
    return attendeeTypes;
  }

  /**
   * Registration for one event, by names: the attendee type and ticket by name, form fields by
   * their labels, choices by their text, all checked against the event's forms before anything
   * is sent. Needs {@link Builder#credentials(String, String)}. See {@link EventRegistration}.
   */
  public EventRegistration registration(String eventId) {
    if (eventId == null || eventId.isBlank()) {
      throw new Huiyi31ValidationException(List.of(new Huiyi31ValidationException.Problem(
          Huiyi31ValidationException.Subject.EVENT, "eventId",
          "is " + (eventId == null ? "null" : "empty") + ": the event's id (BventId) is needed")));
    }
    return new EventRegistration(eventId.strip(), attendeeTypeCache, attendees);
  }

  /**
   * The problems {@code registerAttendee} would refuse this request for, checked here without
   * sending anything: empty when the request is sendable. For checking many requests before
   * sending any (a bulk import); each problem has the JSON path of the value concerned.
   */
  public static List<Huiyi31ValidationException.Problem> problemsOf(RegisterAttendeeRequest request) {
    return RequestValidator.problemsOf(request);
  }

  /** The base URL requests go to, without a trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }

  /** Whether this client can open TLS connections: not when every URL it calls is plain http (for tests). */
  boolean setUpForTls() {
    return http.connectionSpecs().stream().anyMatch(ConnectionSpec::isTls);
  }

  /** Connections open in the pool, busy or idle (for tests). */
  int openConnections() {
    return http.connectionPool().connectionCount();
  }

  /** Closes the pooled connections. Calls made after closing open new connections. */
  @Override
  public void close() {
    http.connectionPool().evictAll();
    http.dispatcher().executorService().shutdown();
  }

  /** Configures a {@link Huiyi31Client}. Not thread-safe; the client it builds is. */
  public static final class Builder {

    /** The contract's maxLengths of the token form's appKey and appSecret. */
    static final int MAX_APP_KEY = 256;
    static final int MAX_APP_SECRET = 1024;

    private String baseUrl;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(30);
    private int connectRetries = 2;
    private Duration initialBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(2);
    private ConnectRetryer.Sleeper sleeper = ConnectRetryer.THREAD_SLEEP;
    private HttpLogLevel httpLogLevel = HttpLogLevel.NONE;
    private int maxConcurrentRequests = 32;
    private okhttp3.Dns dns = okhttp3.Dns.SYSTEM;
    private String appKey;
    private String appSecret;
    private String oauthBaseUrl;
    private Duration attendeeTypesCacheTtl = Duration.ofMinutes(5);
    private LongSupplier nanoTime = System::nanoTime;
    private Huiyi31Observer observer = Huiyi31Observer.NONE;

    private Builder() {}

    /**
     * Who watches each call of an operation (metrics, tracing): one start and one end per call of
     * {@code registerAttendee}, {@code listAttendeeTypes} and {@code requestAccessToken}, with
     * its outcome, {@code businessCode} and HTTP status. Default {@link Huiyi31Observer#NONE}.
     * For Micrometer: {@code observer(MicrometerObserver.of(meterRegistry))}
     * ({@code com.huiyi31.client.micrometer}).
     */
    public Builder observer(Huiyi31Observer observer) {
      if (observer == null) {
        throw new Huiyi31ConfigurationException("observer is null; use Huiyi31Observer.NONE to observe nothing.");
      }
      this.observer = observer;
      return this;
    }

    /**
     * The app key and app secret issued by 31huiyi, for the operations that need an access
     * token ({@link Huiyi31Client#attendeeTypes()}, {@link Huiyi31Client#registration(String)}).
     * Register itself needs none. The secret is never logged nor put into a message. Longer
     * than the contract allows (256 characters for the key, 1024 for the secret) is refused.
     */
    public Builder credentials(String appKey, String appSecret) {
      if (appKey == null || appKey.isBlank()) {
        throw new Huiyi31ConfigurationException("credentials: the app key is " + (appKey == null ? "null" : "empty") + ".");
      }
      if (appSecret == null || appSecret.isBlank()) {
        throw new Huiyi31ConfigurationException("credentials: the app secret is " + (appSecret == null ? "null" : "empty")
            + " (for app key " + appKey.strip() + ").");
      }
      if (appKey.strip().codePointCount(0, appKey.strip().length()) > MAX_APP_KEY) {
        throw new Huiyi31ConfigurationException("credentials: the app key is longer than " + MAX_APP_KEY + " characters.");
      }
      if (appSecret.strip().codePointCount(0, appSecret.strip().length()) > MAX_APP_SECRET) {
        throw new Huiyi31ConfigurationException("credentials: the app secret is longer than " + MAX_APP_SECRET
            + " characters (for app key " + appKey.strip() + ").");
      }
      this.appKey = appKey.strip();
      this.appSecret = appSecret.strip();
      return this;
    }

    /**
     * Where the token issuer is. Default: {@link #TEST_OAUTH_URL} for {@link #TEST_BASE_URL},
     * {@link #PRODUCTION_OAUTH_URL} for {@link #PRODUCTION_BASE_URL}, and the base URL itself for
     * any other (a stand-in server that serves both). A trailing slash is dropped (the
     * platform's docs write the production issuer with one). Checked as {@link #baseUrl(String)}.
     */
    public Builder oauthBaseUrl(String oauthBaseUrl) {
      this.oauthBaseUrl = BuilderChecks.baseUrl("oauthBaseUrl", oauthBaseUrl);
      return this;
    }

    /**
     * How long {@link Huiyi31Client#registration(String)} keeps an event's attendee types before
     * loading them again. Default 5 minutes; {@link Duration#ZERO} loads them for every use.
     */
    public Builder attendeeTypesCacheTtl(Duration ttl) {
      if (ttl == null || ttl.isNegative()) {
        throw new Huiyi31ConfigurationException("attendeeTypesCacheTtl must be zero or positive, was " + ttl + ".");
      }
      this.attendeeTypesCacheTtl = ttl;
      return this;
    }

    /** For tests of this package: a clock for token lifetimes and the type cache. */
    Builder nanoTime(LongSupplier nanoTime) {
      this.nanoTime = nanoTime;
      return this;
    }

    /**
     * Where the platform is: {@link #TEST_BASE_URL}, {@link #PRODUCTION_BASE_URL}, or a stand-in
     * server. Required. Plain {@code http://} is accepted only for loopback hosts (tests, the
     * sandbox): the requests carry personal data. A URL with a user name or password
     * ({@code https://user:password@host}) is refused: the client would not send them, and a
     * URL is no place for a secret; the app's credentials go to {@link #credentials(String, String)}.
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = BuilderChecks.baseUrl("baseUrl", baseUrl);
      return this;
    }

    /** How long to wait for a connection to be established. Default 5 seconds. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = BuilderChecks.timeout("connectTimeout", connectTimeout);
      return this;
    }

    /**
     * How long to wait for the answer (between two packets) once the request is sent. Default
     * 30 seconds. When it runs out, the outcome of the request is unknown.
     */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = BuilderChecks.timeout("readTimeout", readTimeout);
      return this;
    }

    /**
     * How many times to try a request again when it certainly did not leave this machine: the
     * host could not be resolved, the connection was refused or timed out, or the TLS handshake
     * failed. Default 2; 0 switches retrying off. A request that may have reached the server
     * (read timeout, reset after sending, any HTTP answer) is never retried, whatever this says.
     */
    public Builder connectRetries(int connectRetries) {
      if (connectRetries < 0 || connectRetries > 10) {
        throw new Huiyi31ConfigurationException("connectRetries must be between 0 and 10, was " + connectRetries + ".");
      }
      this.connectRetries = connectRetries;
      return this;
    }

    /**
     * The wait before the first connect retry, doubling for each further one up to {@code max},
     * each with random jitter (between half and all of the step). Default 100 ms, at most 2 s.
     */
    public Builder connectRetryBackoff(Duration initial, Duration max) {
      this.initialBackoff = BuilderChecks.timeout("connectRetryBackoff initial", initial);
      this.maxBackoff = BuilderChecks.timeout("connectRetryBackoff max", max);
      if (max.compareTo(initial) < 0) {
        throw new Huiyi31ConfigurationException("connectRetryBackoff max (" + max + ") is below initial (" + initial + ").");
      }
      return this;
    }

    /**
     * How much of each HTTP exchange to log (SLF4J logger {@code com.huiyi31.client.http}, DEBUG).
     * Default {@link HttpLogLevel#NONE}. Personal data and secrets are masked at every level.
     */
    public Builder httpLogLevel(HttpLogLevel httpLogLevel) {
      if (httpLogLevel == null) {
        throw new Huiyi31ConfigurationException("httpLogLevel is null; use HttpLogLevel.NONE to log nothing.");
      }
      this.httpLogLevel = httpLogLevel;
      return this;
    }

    /**
     * How many requests this client sends at once, and so how many connections it opens at most.
     * Default 32. A call beyond that waits up to the connect timeout for one to finish; after
     * that it fails with a {@link Huiyi31TransportException} whose outcome is
     * {@link Huiyi31Exception.Outcome#NOT_SENT} (and is retried like a connect failure).
     */
    public Builder maxConcurrentRequests(int maxConcurrentRequests) {
      if (maxConcurrentRequests < 1 || maxConcurrentRequests > 1024) {
        throw new Huiyi31ConfigurationException(
            "maxConcurrentRequests must be between 1 and 1024, was " + maxConcurrentRequests + ".");
      }
      this.maxConcurrentRequests = maxConcurrentRequests;
      return this;
    }

    /** For tests of this package: resolve host names without the network. */
    Builder dns(okhttp3.Dns dns) {
      this.dns = dns;
      return this;
    }

    /** For tests of this package: wait without waiting. */
    Builder sleeper(ConnectRetryer.Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /** A new client with this configuration. */
    public Huiyi31Client build() {
      if (baseUrl == null) {
        throw new Huiyi31ConfigurationException("No base URL: call baseUrl(Huiyi31Client.TEST_BASE_URL), "
            + "baseUrl(Huiyi31Client.PRODUCTION_BASE_URL) or baseUrl(\"<your stand-in server>\") before build().");
      }
      return new Huiyi31Client(this);
    }
  }
}
