package com.huiyi31.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code --base-url} and {@code --oauth-url} with a user name or password in them are usage errors
 * (exit 2) whose message repeats neither; nothing is sent.
 */
class CredentialsInUrlOptionsTest {

  private static final String EVENT = "07320000-fe25-16f7-4c65-08d9fb59aefd";

  @Test
  void aBaseUrlWithUserInfoIsAUsageErrorThatDoesNotRepeatIt() {
    Cli.Result cli = Cli.run("register", "--base-url", "https://alice:s3cr3t@31api.example.com", "--event", EVENT,
        "--type", "t", "--ticket", "s:n", "--field", "Mobile=13912345678");

    assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(2);
    assertThat(cli.err()).contains("--base-url: baseUrl is refused", "user-info", "credentials(appKey, appSecret)")
        .doesNotContain("alice", "s3cr3t");
    assertThat(cli.out()).doesNotContain("alice", "s3cr3t");
  }

  @Test
  void anOauthUrlWithUserInfoIsAUsageErrorThatDoesNotRepeatIt() {
    Cli.Result cli = Cli.runWithSecret("app-secret", "types", "--base-url", "http://127.0.0.1:9", "--event", EVENT,
        "--app-key", "k", "--oauth-url", "https://alice:s3cr3t@oauth.example.com/");

    assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(2);
    assertThat(cli.err()).contains("--oauth-url: oauthBaseUrl is refused", "user-info")
        .doesNotContain("alice", "s3cr3t");
    assertThat(cli.out()).doesNotContain("alice", "s3cr3t");
  }

  @Test
  void anyUnusableBaseUrlIsAUsageError() {
    Cli.Result cli = Cli.run("register", "--base-url", "ftp://example.com", "--event", EVENT,
        "--type", "t", "--ticket", "s:n", "--field", "Mobile=13912345678");

    assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(2);
    assertThat(cli.err()).contains("--base-url: baseUrl \"ftp://example.com\" is not an http(s) URL");
  }
}
