package com.huiyi31.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.huiyi31.client.Huiyi31Exception.Outcome;
import com.huiyi31.client.model.ListAttendeeTypesRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A token the issuer sends that cannot go into an Authorization header (CR/LF, other control
 * characters, spaces, non-ASCII) is the issuer's fault: a decode error of the token answer whose
 * outcome is NOT_SENT for the operation that needed it, never a validation error of the caller's
 * request, and never quoting the token.
 */
class UnusableTokenAnswerTest {

  private static final String TOKEN_PATH = "/connect/token";
  private static final String LIST_PATH = "/op/api/AttendeeType/v1/list";
  /** The two halves of every token served here: neither may appear in a message. */
  private static final String HEAD = "eyJhbGciOiJSUzI1NiJ9";
  private static final String TAIL = "c2lnbmF0dXJl";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @ParameterizedTest(name = "access_token with {0}")
  @ValueSource(strings = {"\\r\\n", "\\n", "\\r", "\\t", " ", "\\u0000", "\\u001b", "\\u007f", "\\u00e9", "\\u4e2d"})
  void aTokenThatNoHeaderCanCarryIsTheIssuersFaultAndNothingIsSent(String jsonEscapedCharacters) {
    serveToken("\"" + HEAD + jsonEscapedCharacters + TAIL + "\"");

    Huiyi31DecodeException e = Fixtures.thrownBy(Huiyi31DecodeException.class, this::listTypes);

    assertThat(e.outcome()).isEqualTo(Outcome.NOT_SENT);
    assertThat(e.httpStatus()).isEqualTo(200);
    assertThat(e.getMessage())
        .contains("token issuer's answer to POST", TOKEN_PATH, "cannot be used", "access_token",
            "Authorization header", "Nothing that needed the token was sent")
        .doesNotContain(HEAD, TAIL, "request is invalid");
    assertThat(wm.findAll(postRequestedFor(urlPathEqualTo(LIST_PATH)))).isEmpty();
  }

  @Test
  void aTokenOfVisibleAsciiIsSent() {
    String token = HEAD + ".-_~+/=" + TAIL;
    serveToken("\"" + token + "\"");
    wm.stubFor(post(urlPathEqualTo(LIST_PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody("{\"businessCode\":0,\"data\":{\"attendeeTypes\":[]}}")));

    listTypes();

    assertThat(wm.findAll(postRequestedFor(urlPathEqualTo(LIST_PATH)))).singleElement()
        .satisfies(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + token));
  }

  @Test
  void aTokenAnswerThatIsNotJsonIsTheIssuersFaultAndNothingIsSent() {
    wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody("{\"access_token\":\"" + HEAD)));

    Huiyi31DecodeException e = Fixtures.thrownBy(Huiyi31DecodeException.class, this::listTypes);

    assertThat(e.outcome()).isEqualTo(Outcome.NOT_SENT);
    assertThat(e.getMessage()).contains("token issuer's answer", "not valid JSON").doesNotContain(HEAD);
    assertThat(wm.findAll(postRequestedFor(urlPathEqualTo(LIST_PATH)))).isEmpty();
  }

  @Test
  void aTokenAnswerWithoutALifetimeIsNotSentEither() {
    wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody("{\"access_token\":\"" + HEAD + "\",\"token_type\":\"Bearer\"}")));

    Huiyi31DecodeException e = Fixtures.thrownBy(Huiyi31DecodeException.class, this::listTypes);

    assertThat(e.outcome()).isEqualTo(Outcome.NOT_SENT);
    assertThat(e.getMessage()).contains("expires_in").doesNotContain(HEAD);
  }

  private void serveToken(String accessTokenJson) {
    wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody("{\"access_token\":" + accessTokenJson + ",\"expires_in\":600,\"token_type\":\"Bearer\"}")));
  }

  private void listTypes() {
    try (Huiyi31Client client = Huiyi31Client.builder().baseUrl(wm.baseUrl()).credentials("key", "secret").build()) {
      client.attendeeTypes().listAttendeeTypes(new ListAttendeeTypesRequest().bventId(Fixtures.EVENT_ID));
    }
  }
}
