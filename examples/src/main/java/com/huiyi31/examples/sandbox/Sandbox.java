package com.huiyi31.examples.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * An offline stand-in for the platform: a WireMock server, in this process, that answers the
 * contract's endpoints. (Minimal for now: the sandbox issue makes it validate and vary.)
 */
public final class Sandbox implements AutoCloseable {

  static final String REGISTER_PATH = "/op/notoken/api/Attendee/v1/Register";

  private final WireMockServer server;

  private Sandbox(WireMockServer server) {
    this.server = server;
  }

  /** Starts a sandbox on {@code port} of the loopback interface (0: any free port). */
  public static Sandbox start(int port) {
    WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").port(port)
        .globalTemplating(true).disableRequestJournal());
    server.start();
    server.stubFor(post(urlPathEqualTo(REGISTER_PATH)).willReturn(aResponse()
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody("{\"businessCode\":0,\"businessMessage\":\"\",\"data\":{\"status\":0,"
            + "\"orderId\":\"{{randomValue type='UUID'}}\",\"orderNo\":\"{{randomValue length=19 type='NUMERIC'}}\","
            + "\"orderStatus\":\"Paid\",\"orderAmount\":0.00,\"orderType\":\"Main\",\"orderAttendees\":[{"
            + "\"attendeeId\":\"{{randomValue type='UUID'}}\",\"attendeeAbstractType\":0,"
            + "\"name\":\"{{jsonPath request.body '$.Attendee.Fields[0].FieldValue'}}\",\"mobile\":\"\",\"status\":\"\","
            + "\"checkinCode\":\"{{randomValue length=19 type='NUMERIC'}}\"}]}}")));
    return new Sandbox(server);
  }

  /** Where the sandbox listens, e.g. {@code http://127.0.0.1:8089}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
  }
}
