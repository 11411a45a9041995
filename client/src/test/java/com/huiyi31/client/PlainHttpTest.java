package com.huiyi31.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A client that only ever calls plain http (a stand-in on this machine: the sandbox, a team's
 * tests) sets up no TLS, which OkHttp would otherwise do as the client is built (the trust store
 * read and parsed, a TLS context: docs/benchmarks.md); one that may call https keeps it.
 */
class PlainHttpTest {

  @Test
  void aClientOfPlainHttpUrlsOnlySetsUpNoTls() {
    try (Huiyi31Client client = Huiyi31Client.builder().baseUrl("http://127.0.0.1:8089").build();
        Huiyi31Client withIssuer = Huiyi31Client.builder().baseUrl("http://localhost:8089")
            .credentials("key", "secret").build()) {
      assertThat(client.setUpForTls()).isFalse();
      assertThat(withIssuer.setUpForTls()).as("its issuer is the stand-in too").isFalse();
    }
  }

  @Test
  void aClientThatMayCallHttpsKeepsTls() {
    try (Huiyi31Client platform = Huiyi31Client.builder().baseUrl(Huiyi31Client.TEST_BASE_URL).build();
        Huiyi31Client httpsIssuer = Huiyi31Client.builder().baseUrl("http://127.0.0.1:8089")
            .credentials("key", "secret").oauthBaseUrl(Huiyi31Client.TEST_OAUTH_URL).build()) {
      assertThat(platform.setUpForTls()).isTrue();
      assertThat(httpsIssuer.setUpForTls()).as("http base URL, https token issuer").isTrue();
    }
  }
}
