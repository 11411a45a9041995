package com.huiyi31.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.huiyi31.client.Fixtures.REGISTERED_JSON;
import static com.huiyi31.client.Fixtures.REGISTER_PATH;
import static com.huiyi31.client.Fixtures.thrownBy;
import static com.huiyi31.client.Fixtures.validRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huiyi31.client.Huiyi31Exception.Outcome;
import feign.FeignException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Non-2xx answers become {@link Huiyi31HttpException}s, with the outcome their status implies. */
class HttpErrorTest {

  private static final String GATEWAY_PAGE = "<html>\r\n  <head>\r\n    <title>500 Internal Server Error</title>\r\n"
      + "  </head>\r\n  <body>\r\n\t<center><h1>500 Internal Server Error</h1></center>\r\n"
      + "    <hr><center>nginx</center>\r\n" + "<!-- padding -->\n".repeat(200) + "  </body>\r\n</html>\r\n";

  @RegisterExtension
  static PlatformStub platform = new PlatformStub();

  private Huiyi31HttpException registerExpectingHttpException() {
    return thrownBy(Huiyi31HttpException.class, () -> platform.attendees().registerAttendee(validRequest()));
  }

  @Test
  void serverErrorWithHtmlPageIsHttpExceptionWithUnknownOutcome() {
    platform.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse()
        .withStatus(500).withHeader("Content-Type", "text/html").withBody(GATEWAY_PAGE)));

    assertThatThrownBy(() -> platform.attendees().registerAttendee(validRequest()))
        .isInstanceOf(Huiyi31HttpException.class)
        .isNotInstanceOf(FeignException.class)
        .hasMessageContaining("HTTP 500");
    Huiyi31HttpException e = registerExpectingHttpException();

    assertThat(e.status()).isEqualTo(500);
    assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN);
    platform.verify(2, postRequestedFor(urlEqualTo(REGISTER_PATH)));
  }

  @Test
  void bodyExcerptIsBoundedAndWhitespaceCollapsed() {
    platform.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse()
        .withStatus(500).withHeader("Content-Type", "text/html").withBody(GATEWAY_PAGE)));

    Huiyi31HttpException e = registerExpectingHttpException();

    assertThat(GATEWAY_PAGE.length()).isGreaterThan(1000);
    assertThat(e.bodyExcerpt())
        .hasSizeLessThanOrEqualTo(201)
        .startsWith("<html> <head> <title>500 Internal Server Error</title> </head> <body> <center>")
        .doesNotContain("\n").doesNotContain("\r").doesNotContain("\t").doesNotContain("  ");
    assertThat(e.getMessage()).contains(e.bodyExcerpt()).hasSizeLessThan(600);
  }

  @Test
  void shortErrorBodyIsKeptWhole() {
    platform.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse()
        .withStatus(503).withBody("  Service\n Unavailable  ")));

    Huiyi31HttpException e = registerExpectingHttpException();

    assertThat(e.bodyExcerpt()).isEqualTo("Service Unavailable");
    assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN);
  }

  @Test
  void errorWithEmptyBodyHasEmptyExcerpt() {
    platform.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse().withStatus(502)));

    Huiyi31HttpException e = registerExpectingHttpException();

    assertThat(e.status()).isEqualTo(502);
    assertThat(e.bodyExcerpt()).isEmpty();
    assertThat(e.getMessage()).contains("empty body");
  }

  @Test
  void unauthorizedIsHttpExceptionWithNotProcessedOutcome() {
    platform.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse()
        .withStatus(401).withBody("{\"message\":\"Unauthorized\"}")));

    Huiyi31HttpException e = registerExpectingHttpException();

    assertThat(e.status()).isEqualTo(401);
    assertThat(e.outcome()).isEqualTo(Outcome.NOT_PROCESSED);
    assertThat(e.bodyExcerpt()).isEqualTo("{\"message\":\"Unauthorized\"}");
    platform.verify(1, postRequestedFor(urlEqualTo(REGISTER_PATH)));
  }

  @ParameterizedTest(name = "[{index}] HTTP {0}")
  @ValueSource(ints = {400, 403, 404, 405, 429})
  void clientErrorStatusesAreNotProcessed(int status) {
    platform.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse().withStatus(status).withBody("no")));

    Huiyi31HttpException e = registerExpectingHttpException();

    assertThat(e.status()).isEqualTo(status);
    assertThat(e.outcome()).isEqualTo(Outcome.NOT_PROCESSED);
    platform.verify(1, postRequestedFor(urlEqualTo(REGISTER_PATH)));
  }

  @Test
  void errorStatusWithAValidSuccessEnvelopeIsStillAnHttpException() {
    platform.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse().withStatus(500).withBody(REGISTERED_JSON)));

    Huiyi31HttpException e = registerExpectingHttpException();

    assertThat(e.status()).isEqualTo(500);
  }

  @Test
  void redirectIsNotFollowedAndBecomesHttpException() {
    platform.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse()
        .withStatus(302).withHeader("Location", platform.baseUrl() + "/elsewhere")));
    platform.stubFor(any(urlEqualTo("/elsewhere")).willReturn(aResponse().withStatus(200).withBody(REGISTERED_JSON)));

    Huiyi31HttpException e = registerExpectingHttpException();

    assertThat(e.status()).isEqualTo(302);
    assertThat(e.outcome()).isEqualTo(Outcome.NOT_PROCESSED);
    platform.verify(1, anyRequestedFor(anyUrl()));
    assertThat(platform.getAllServeEvents()).singleElement()
        .satisfies(event -> assertThat(event.getRequest().getUrl()).isEqualTo(REGISTER_PATH));
  }

  @Test
  void permanentRedirectToHttpsIsNotFollowedEither() {
    platform.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse()
        .withStatus(308).withHeader("Location", "https://localhost:" + platform.getPort() + REGISTER_PATH)));

    Huiyi31HttpException e = registerExpectingHttpException();

    assertThat(e.status()).isEqualTo(308);
    platform.verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void httpExceptionMessageNamesTheOperationButNotTheHost() {
    platform.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse().withStatus(500)));

    Huiyi31HttpException e = registerExpectingHttpException();

    assertThat(e.getMessage()).contains("POST " + REGISTER_PATH).doesNotContain("localhost");
  }
}
