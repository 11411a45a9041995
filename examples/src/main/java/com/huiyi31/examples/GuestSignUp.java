package com.huiyi31.examples;

import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.Registrant;

/**
 * A team's own code that signs guests up for an event: what {@code GuestSignUpTest} tests against
 * the sandbox. Build one per application and share it (the client holds a connection pool).
 */
public final class GuestSignUp implements AutoCloseable {

  private final Huiyi31Client client;
  private final String eventId;

  /** Signs guests up for {@code eventId} on the platform (or sandbox) at {@code baseUrl}. */
  public GuestSignUp(String baseUrl, String appKey, String appSecret, String eventId) {
    this.client = Huiyi31Client.builder().baseUrl(baseUrl).credentials(appKey, appSecret).build();
    this.eventId = eventId;
  }

  /** Signs up a 嘉宾 by name and mobile number; returns the order number. */
  public String signUp(String name, String mobile) {
    return client.registration(eventId)
        .register(Registrant.builder().type("嘉宾").field("姓名", name).field("手机", mobile).build())
        .getData().getOrderNo();
  }

  @Override
  public void close() {
    client.close();
  }
}
