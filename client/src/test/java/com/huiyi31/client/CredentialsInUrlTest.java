package com.huiyi31.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A base or issuer URL with a user name or password in it ({@code https://alice:secret@host}) is
 * refused: the client would never send them, and a URL is printed, logged and kept in shell
 * history. No message of the builder repeats a user-info, a password or a query.
 */
class CredentialsInUrlTest {

  /** Every part of the user-infos below that must never show up in a message. */
  private static final List<String> SECRETS = List.of("alice", "s3cr3t", "s3%40cr3t");

  private static final List<BiConsumer<Huiyi31Client.Builder, String>> SETTINGS = List.of(
      Huiyi31Client.Builder::baseUrl, Huiyi31Client.Builder::oauthBaseUrl);

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "https://alice:s3cr3t@31api.31huiyi.com",
      "https://alice@31api.31huiyi.com",
      "https://:s3cr3t@31api.31huiyi.com",
      "https://alice:s3%40cr3t@31api.31huiyi.com/gateway/",
      "HTTPS://ALICE:S3CR3T@31API.31HUIYI.COM",
      "http://alice:s3cr3t@127.0.0.1:8080",
      "http://alice:s3cr3t@remote.example.com",
      "https://alice:s3cr3t@exa mple.com",
      "https://alice:s3cr3t@31api.31huiyi.com/?token=x",
      "//alice:s3cr3t@31api.31huiyi.com"})
  void aUrlWithAUserNameOrPasswordIsRefusedWithoutRepeatingIt(String url) {
    for (BiConsumer<Huiyi31Client.Builder, String> setting : SETTINGS) {
      assertThatThrownBy(() -> setting.accept(Huiyi31Client.builder(), url))
          .isExactlyInstanceOf(Huiyi31ConfigurationException.class)
          .satisfies(e -> assertThat(e.getMessage())
              .containsAnyOf("baseUrl is refused", "oauthBaseUrl is refused")
              .contains("user name or password (user-info)", "credentials(appKey, appSecret)")
              .doesNotContainIgnoringCase(SECRETS.get(0))
              .doesNotContainIgnoringCase(SECRETS.get(1))
              .doesNotContainIgnoringCase(SECRETS.get(2))
              .doesNotContain("31api", "@"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "https://31api.31huiyi.com/?appSecret=s3cr3t",
      "https://31api.31huiyi.com/#s3cr3t",
      "http:alice:s3cr3t@remote.example.com",
      "ftp://alice:s3cr3t@example.com",
      "https://exa mple.com/alice:s3cr3t@"})
  void noOtherRefusalRepeatsAQueryOrAnythingWithAnAt(String url) {
    for (BiConsumer<Huiyi31Client.Builder, String> setting : SETTINGS) {
      assertThatThrownBy(() -> setting.accept(Huiyi31Client.builder(), url))
          .isExactlyInstanceOf(Huiyi31ConfigurationException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t", "alice"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"https://31api.31huiyi.com/path@with-an-at", "http://127.0.0.1:8080/a@b/"})
  void anAtInThePathIsNoUserInfo(String url) {
    try (Huiyi31Client client = Huiyi31Client.builder().baseUrl(url).build()) {
      assertThat(client.baseUrl()).isEqualTo(url.replaceFirst("/$", ""));
    }
  }
}
