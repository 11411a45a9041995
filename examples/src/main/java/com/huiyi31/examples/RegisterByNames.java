package com.huiyi31.examples;

import com.huiyi31.client.EventRegistration;
import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.Registrant;
import com.huiyi31.client.model.RegisterAttendeeResponse;

/**
 * Registers one attendee by the names people use (type, ticket, field labels, option texts): the
 * client loads the event's forms with a token from your app key and secret and turns the names
 * into the ids and codes Register wants, checking everything before sending.
 *
 * <p>Run it with {@code HUIYI31_APP_SECRET} set: {@code java RegisterByNames BASE_URL APP_KEY}.
 */
public final class RegisterByNames {

  private RegisterByNames() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("Usage: RegisterByNames BASE_URL APP_KEY   (the secret in HUIYI31_APP_SECRET)");
      System.exit(2);
    }
    RegisterAttendeeResponse registered = register(args[0], args[1], System.getenv("HUIYI31_APP_SECRET"));
    System.out.println("Registered: order " + registered.getData().getOrderNo());
  }

  /** Registers 张晓明 as a 嘉宾 of the docs' demo event at {@code baseUrl}. */
  public static RegisterAttendeeResponse register(String baseUrl, String appKey, String appSecret) {
    // readme:start register
    try (Huiyi31Client client = Huiyi31Client.builder()
        .baseUrl(baseUrl)                      // the token issuer follows the environment
        .credentials(appKey, appSecret)        // issued by 31huiyi; keep the secret out of code
        .build()) {
      EventRegistration event = client.registration("07320000-fe25-16f7-4c65-08d9fb59aefd");
      return event.register(Registrant.builder()
          .type("嘉宾")                    // the attendee type, by name or id
          .ticket("嘉宾票")                // by name or id; only tickets on sale; optional if the type has one on sale
          .field("姓名", "张晓明")          // by label (displayName) or field name (FullName)
          .field("手机", "13912345678")
          .field("单选选择", "单")          // option text or code: sent as the code "0"
          .agenda("51f10000-4961-fe41-c8a2-08dc70ba4988")   // must be a session of the ticket
          .build());
    }
    // readme:end register
  }
}
