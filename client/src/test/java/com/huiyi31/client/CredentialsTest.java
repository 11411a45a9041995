package com.huiyi31.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huiyi31.client.model.ListAttendeeTypesRequest;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The builder's credentials and token issuer: checked early, the secret kept out of every message. */
class CredentialsTest {

  private static final String SECRET = "do-not-print-me";

  @ParameterizedTest(name = "{0} -> token from {1}")
  @CsvSource({
      "https://test2-31api.31huiyi.com, test2-oauth.31huiyi.com",
      "https://31api.31huiyi.com, oauth.31huiyi.com",
      "https://31api.31huiyi.com/, oauth.31huiyi.com"})
  void theTokenIssuerFollowsTheEnvironment(String baseUrl, String issuerHost) {
    assertThat(firstHostLookedUp(Huiyi31Client.builder().baseUrl(baseUrl))).isEqualTo(issuerHost);
  }

  @Test
  void anExplicitIssuerWinsAndLosesItsTrailingSlash() {
    // The platform's docs write the production issuer as "https://oauth.31huiyi.com/".
    assertThat(firstHostLookedUp(Huiyi31Client.builder().baseUrl(Huiyi31Client.TEST_BASE_URL)
        .oauthBaseUrl("https://oauth.example.com/"))).isEqualTo("oauth.example.com");
  }

  @Test
  void blankCredentialsAreRefusedWithoutQuotingTheSecret() {
    assertThatThrownBy(() -> Huiyi31Client.builder().credentials(" ", SECRET))
        .isInstanceOf(Huiyi31ConfigurationException.class).hasMessage("credentials: the app key is empty.")
        .message().doesNotContain(SECRET);
    assertThatThrownBy(() -> Huiyi31Client.builder().credentials("key", null))
        .isInstanceOf(Huiyi31ConfigurationException.class).hasMessageContaining("the app secret is null");
  }

  @Test
  void credentialsLongerThanTheContractAllowsAreRefusedWithoutQuotingTheSecret() {
    String longSecret = SECRET + "x".repeat(1024);
    assertThatThrownBy(() -> Huiyi31Client.builder().credentials("k".repeat(257), SECRET))
        .isInstanceOf(Huiyi31ConfigurationException.class)
        .hasMessage("credentials: the app key is longer than 256 characters.");
    assertThatThrownBy(() -> Huiyi31Client.builder().credentials("key", longSecret))
        .isInstanceOf(Huiyi31ConfigurationException.class)
        .hasMessageContaining("the app secret is longer than 1024 characters")
        .message().doesNotContain(SECRET);
    assertThat(Huiyi31Client.builder().credentials("k".repeat(256), "s".repeat(1024))).isNotNull();
  }

  @Test
  void theTokenProviderPrintsNoSecret() {
    TokenProvider provider = new TokenProvider(null, "https://oauth.example.com/connect/token", "key", SECRET, System::nanoTime,
        Huiyi31Observer.NONE);

    assertThat(provider.toString()).contains("key", "****").doesNotContain(SECRET);
  }

  @Test
  void aNegativeCacheTtlIsRefused() {
    assertThatThrownBy(() -> Huiyi31Client.builder().attendeeTypesCacheTtl(java.time.Duration.ofSeconds(-1)))
        .isInstanceOf(Huiyi31ConfigurationException.class).hasMessageContaining("attendeeTypesCacheTtl");
  }

  /** The host the client first tries to resolve when listing types: the token issuer's. */
  private static String firstHostLookedUp(Huiyi31Client.Builder builder) {
    List<String> hosts = new ArrayList<>();
    try (Huiyi31Client client = builder.credentials("key", SECRET).connectRetries(0)
        .dns(host -> {
          hosts.add(host);
          throw new UnknownHostException(host);
        }).build()) {
      assertThatThrownBy(() -> client.attendeeTypes().listAttendeeTypes(new ListAttendeeTypesRequest().bventId("e")))
          .isInstanceOf(Huiyi31TransportException.class)
          .satisfies(e -> assertThat(e.getMessage()).contains("/connect/token").doesNotContain(SECRET));
    }
    return hosts.get(0);
  }
}
