package com.example.checkin;

import com.huiyi31.client.Huiyi31Client;

/** Compiles against the client as a team's code would: the dependency is used, not only declared. */
public final class CheckinClient {

  private CheckinClient() {}

  public static Huiyi31Client forTests(String baseUrl) {
    return Huiyi31Client.builder().baseUrl(baseUrl).build();
  }
}
