package com.huiyi31.client;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.huiyi31.client.api.AttendeeApi;

/**
 * A WireMock server standing in for the platform, plus a fresh {@link Huiyi31Client} pointed at it
 * for each test (closed after it): {@code @RegisterExtension static PlatformStub platform = new PlatformStub();}
 */
final class PlatformStub extends WireMockExtension {

  private Huiyi31Client client;

  PlatformStub() {
    super(WireMockExtension.extensionOptions().options(wireMockConfig().dynamicPort()));
  }

  @Override
  protected void onBeforeEach(WireMockRuntimeInfo info) {
    client = Fixtures.clientFor(info.getHttpBaseUrl());
  }

  @Override
  protected void onAfterEach(WireMockRuntimeInfo info) {
    client.close();
  }

  /** The API of this test's client. */
  AttendeeApi attendees() {
    return client.attendees();
  }
}
