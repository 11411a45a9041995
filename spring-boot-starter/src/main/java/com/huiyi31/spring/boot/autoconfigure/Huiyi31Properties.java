package com.huiyi31.spring.boot.autoconfigure;

import com.huiyi31.client.HttpLogLevel;
import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.Huiyi31ConfigurationException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code huiyi31.*} properties: the options of {@link Huiyi31Client.Builder}, named in
 * kebab-case. Either {@code huiyi31.base-url} or {@code huiyi31.env} must be set for a client to
 * be configured; there is no default environment. An option left unset keeps the client's default.
 */
@ConfigurationProperties(prefix = "huiyi31")
public class Huiyi31Properties {

  /** The platform's environments, for {@code huiyi31.env}. */
  public enum Env {
    /** The test environment, {@link Huiyi31Client#TEST_BASE_URL}. */
    TEST,
    /** Production, {@link Huiyi31Client#PRODUCTION_BASE_URL}: registrations there are real. */
    PROD
  }

  /**
   * Where the platform is: a stand-in server such as the sandbox, or the platform's own URL.
   * Plain http:// only for loopback hosts. Either this or huiyi31.env, not both.
   */
  private String baseUrl;

  /** The platform's environment: test or prod. Either this or huiyi31.base-url, not both. */
  private Env env;

  /**
   * Where the token issuer is. Default: the test or production issuer for huiyi31.env, the base
   * URL itself for any other base URL.
   */
  private String oauthBaseUrl;

  /** The app key issued by 31huiyi, for the operations that need an access token. */
  private String appKey;

  /**
   * The app secret that goes with huiyi31.app-key. Never logged nor shown: masked in the
   * actuator's configprops and env endpoints. Give it through the environment (HUIYI31_APP_SECRET)
   * or a secret store rather than a file in the repository.
   */
  private String appSecret;

  /** How long to wait for a connection to be established. Default: 5s. */
  private Duration connectTimeout;

  /** How long to wait for the answer once the request is sent. Default: 30s. */
  private Duration readTimeout;

  /** Requests (and so connections) in flight at once, 1 to 1024. Default: 32. */
  private Integer maxConcurrentRequests;

  /**
   * Retries of a request that certainly did not leave this machine, 0 to 10; 0 switches them
   * off. Default: 2.
   */
  private Integer connectRetries;

  /** How much of each HTTP exchange to log (logger com.huiyi31.client.http, DEBUG), always masked. Default: none. */
  private HttpLogLevel httpLogLevel;

  /** How long registration by names keeps an event's attendee types; 0 reloads them every time. Default: 5m. */
  private Duration attendeeTypesCacheTtl;

  /** A builder with these properties; its checks are the client's own. */
  Huiyi31Client.Builder toBuilder() {
    if (baseUrl != null && env != null) {
      throw new Huiyi31ConfigurationException("huiyi31.base-url and huiyi31.env are both set: set only one of them.");
    }
    Huiyi31Client.Builder builder = Huiyi31Client.builder()
        .baseUrl(env == Env.PROD ? Huiyi31Client.PRODUCTION_BASE_URL
            : env == Env.TEST ? Huiyi31Client.TEST_BASE_URL : baseUrl);
    if (oauthBaseUrl != null) {
      builder.oauthBaseUrl(oauthBaseUrl);
    }
    if (appKey != null || appSecret != null) {
      builder.credentials(appKey, appSecret);
    }
    if (connectTimeout != null) {
      builder.connectTimeout(connectTimeout);
    }
    if (readTimeout != null) {
      builder.readTimeout(readTimeout);
    }
    if (maxConcurrentRequests != null) {
      builder.maxConcurrentRequests(maxConcurrentRequests);
    }
    if (connectRetries != null) {
      builder.connectRetries(connectRetries);
    }
    if (httpLogLevel != null) {
      builder.httpLogLevel(httpLogLevel);
    }
    if (attendeeTypesCacheTtl != null) {
      builder.attendeeTypesCacheTtl(attendeeTypesCacheTtl);
    }
    return builder;
  }

  /** See {@link #setBaseUrl(String)}. */
  public String getBaseUrl() {
    return baseUrl;
  }

  /** Where the platform is; either this or {@link #setEnv(Env)}. */
  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** See {@link #setEnv(Env)}. */
  public Env getEnv() {
    return env;
  }

  /** The platform's environment; either this or {@link #setBaseUrl(String)}. */
  public void setEnv(Env env) {
    this.env = env;
  }

  /** See {@link #setOauthBaseUrl(String)}. */
  public String getOauthBaseUrl() {
    return oauthBaseUrl;
  }

  /** Where the token issuer is; default: the one of the environment. */
  public void setOauthBaseUrl(String oauthBaseUrl) {
    this.oauthBaseUrl = oauthBaseUrl;
  }

  /** See {@link #setAppKey(String)}. */
  public String getAppKey() {
    return appKey;
  }

  /** The app key issued by 31huiyi. */
  public void setAppKey(String appKey) {
    this.appKey = appKey;
  }

  /** See {@link #setAppSecret(String)}. */
  public String getAppSecret() {
    return appSecret;
  }

  /** The app secret that goes with the app key; never logged nor shown. */
  public void setAppSecret(String appSecret) {
    this.appSecret = appSecret;
  }

  /** See {@link #setConnectTimeout(Duration)}. */
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  /** How long to wait for a connection. */
  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  /** See {@link #setReadTimeout(Duration)}. */
  public Duration getReadTimeout() {
    return readTimeout;
  }

  /** How long to wait for the answer. */
  public void setReadTimeout(Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  /** See {@link #setMaxConcurrentRequests(Integer)}. */
  public Integer getMaxConcurrentRequests() {
    return maxConcurrentRequests;
  }

  /** Requests in flight at once. */
  public void setMaxConcurrentRequests(Integer maxConcurrentRequests) {
    this.maxConcurrentRequests = maxConcurrentRequests;
  }

  /** See {@link #setConnectRetries(Integer)}. */
  public Integer getConnectRetries() {
    return connectRetries;
  }

  /** Retries of a request that certainly did not leave this machine. */
  public void setConnectRetries(Integer connectRetries) {
    this.connectRetries = connectRetries;
  }

  /** See {@link #setHttpLogLevel(HttpLogLevel)}. */
  public HttpLogLevel getHttpLogLevel() {
    return httpLogLevel;
  }

  /** How much of each HTTP exchange to log. */
  public void setHttpLogLevel(HttpLogLevel httpLogLevel) {
    this.httpLogLevel = httpLogLevel;
  }

  /** See {@link #setAttendeeTypesCacheTtl(Duration)}. */
  public Duration getAttendeeTypesCacheTtl() {
    return attendeeTypesCacheTtl;
  }

  /** How long an event's attendee types are kept. */
  public void setAttendeeTypesCacheTtl(Duration attendeeTypesCacheTtl) {
    this.attendeeTypesCacheTtl = attendeeTypesCacheTtl;
  }
}
