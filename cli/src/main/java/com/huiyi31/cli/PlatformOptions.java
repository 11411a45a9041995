package com.huiyi31.cli;

import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.Huiyi31ConfigurationException;
import com.huiyi31.sandbox.Huiyi31Sandbox;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Where requests go: {@code --base-url}, {@code --env}, or (neither) an embedded sandbox. */
final class PlatformOptions {

  enum Env { test, prod }

  @Option(names = "--base-url", paramLabel = "URL",
      description = "The platform's (or a stand-in's) base URL. Default: an embedded offline sandbox.")
  String baseUrl;

  @Option(names = "--env", paramLabel = "test|prod",
      description = "Use the platform's test or production hosts instead of the sandbox.")
  Env env;

  /** A client, and the sandbox it talks to when no target was given; close both when done. */
  static final class Connection implements AutoCloseable {
    final Huiyi31Client client;
    private final Huiyi31Sandbox sandbox;

    Connection(Huiyi31Client client, Huiyi31Sandbox sandbox) {
      this.client = client;
      this.sandbox = sandbox;
    }

    @Override
    public void close() {
      client.close();
      if (sandbox != null) {
        sandbox.close();
      }
    }
  }

  /**
   * The base URL for a command that never starts a sandbox (drift, record): {@code --base-url},
   * else the hosts of {@code --env}, else of {@code fallback}. Giving both is a usage error.
   */
  String baseUrl(CommandLine commandLine, Env fallback) {
    if (baseUrl != null && env != null) {
      throw new CommandLine.ParameterException(commandLine, "Give --base-url or --env, not both.");
    }
    if (baseUrl != null) {
      return baseUrl;
    }
    return (env != null ? env : fallback) == Env.prod ? Huiyi31Client.PRODUCTION_BASE_URL : Huiyi31Client.TEST_BASE_URL;
  }

  Connection connect(CommandLine commandLine, int maxConcurrentRequests) {
    return connect(commandLine, maxConcurrentRequests, null);
  }

  /**
   * A client for the chosen target, with {@code credentials} when not null (their secret is
   * already read: nothing is started when it is missing). A bad URL is a usage error.
   */
  Connection connect(CommandLine commandLine, int maxConcurrentRequests, CredentialOptions.Credentials credentials) {
    if (baseUrl != null && env != null) {
      throw new CommandLine.ParameterException(commandLine, "Give --base-url or --env, not both.");
    }
    Huiyi31Sandbox sandbox = null;
    String url;
    if (baseUrl != null) {
      url = baseUrl;
    } else if (env == Env.test) {
      url = Huiyi31Client.TEST_BASE_URL;
    } else if (env == Env.prod) {
      url = Huiyi31Client.PRODUCTION_BASE_URL;
    } else {
      sandbox = Huiyi31Sandbox.start(0);
      url = sandbox.baseUrl();
      commandLine.getErr().println("No --base-url or --env: using an embedded offline sandbox (" + url + ").");
      commandLine.getErr().flush();
    }
    try {
      Huiyi31Client.Builder builder = Huiyi31Client.builder().maxConcurrentRequests(maxConcurrentRequests);
      try {
        builder.baseUrl(url);
      } catch (Huiyi31ConfigurationException e) {
        throw new CommandLine.ParameterException(commandLine, "--base-url: " + e.getMessage());
      }
      if (credentials != null) {
        builder.credentials(credentials.appKey(), credentials.appSecret());
        if (credentials.oauthUrl() != null) {
          try {
            builder.oauthBaseUrl(credentials.oauthUrl());
          } catch (Huiyi31ConfigurationException e) {
            throw new CommandLine.ParameterException(commandLine, "--oauth-url: " + e.getMessage());
          }
        }
      }
      return new Connection(builder.build(), sandbox);
    } catch (RuntimeException e) {
      if (sandbox != null) {
        sandbox.close();
      }
      throw e;
    }
  }
}
