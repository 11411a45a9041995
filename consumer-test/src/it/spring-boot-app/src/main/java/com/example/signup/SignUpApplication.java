package com.example.signup;

import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.Registrant;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Service;

/** A team's application: it only asks for the Huiyi31Client the starter configures. */
@SpringBootApplication
public class SignUpApplication {

  /** Signs a guest up for an event, by names. */
  @Service
  public static class SignUpService {
    private final Huiyi31Client client;

    public SignUpService(Huiyi31Client client) {
      this.client = client;
    }

    public String signUp(String eventId, String name, String mobile) {
      return client.registration(eventId).register(Registrant.builder()
          .type("嘉宾")
          .field("姓名", name)
          .field("手机", mobile)
          .build()).getData().getOrderNo();
    }
  }
}
