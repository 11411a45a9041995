package com.huiyi31.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A token issuer that hands out a token no HTTP header can carry is at fault, not the person at
 * the keyboard: exit 1 (a failure of the platform's side), never 2 (usage error), and the token is
 * never printed.
 */
class TokenIssuerFaultTest {

  private static final String EVENT = "07320000-fe25-16f7-4c65-08d9fb59aefd";
  private static final String HEAD = "eyJhbGciOiJSUzI1NiJ9";
  private static final String TAIL = "c2lnbmF0dXJl";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @ParameterizedTest(name = "access_token with {0}")
  @ValueSource(strings = {"\\r\\n", "\\u0007", " "})
  void anUnusableTokenIsTheIssuersFaultAndExitsOne(String jsonEscapedCharacters) {
    wm.stubFor(post(urlPathEqualTo("/connect/token")).willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody("{\"access_token\":\"" + HEAD + jsonEscapedCharacters + TAIL + "\",\"expires_in\":600}")));

    Cli.Result cli = Cli.runWithSecret("the-secret", "types", "--base-url", wm.baseUrl(), "--event", EVENT,
        "--app-key", "the-key");

    assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(1);
    assertThat(cli.err()).contains("token issuer's answer", "cannot be used", "Nothing that needed the token was sent")
        .doesNotContain("Not sent: the request is invalid", HEAD, TAIL, "the-secret");
    assertThat(wm.findAll(postRequestedFor(urlPathEqualTo("/op/api/AttendeeType/v1/list")))).isEmpty();
  }
}
