package com.example.signup;

import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.Registrant;

/** A consuming team's code: signs a guest up for an event by the names on its form. */
public final class SignUpService implements AutoCloseable {

  private final Huiyi31Client client;
  private final String eventId;

  public SignUpService(String baseUrl, String appKey, String appSecret, String eventId) {
    this.client = Huiyi31Client.builder().baseUrl(baseUrl).credentials(appKey, appSecret).build();
    this.eventId = eventId;
  }

  /** Signs a guest up and returns the order number. */
  public String signUpGuest(String name, String mobile) {
    return client.registration(eventId)
        .register(Registrant.builder().type("嘉宾").field("姓名", name).field("手机", mobile).build())
        .getData().getOrderNo();
  }

  @Override
  public void close() {
    client.close();
  }
}
