package com.huiyi31.examples;

import com.huiyi31.client.Huiyi31BusinessException;
import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.Huiyi31Exception;
import com.huiyi31.client.Huiyi31ValidationException;
import com.huiyi31.client.model.RegisterAttendeeRequest;

/**
 * Registers and decides what to do next by the error's {@code outcome()}: whether the platform may
 * have acted on the request. Register is not idempotent, so "send it again" is only safe when the
 * outcome says nothing happened.
 */
public final class HandlingErrors {

  private HandlingErrors() {}

  /** What the caller should do after trying to register {@code request}, in one sentence. */
  public static String registerAndDecide(Huiyi31Client client, RegisterAttendeeRequest request) {
    // readme:start decide
    try {
      String orderNo = client.attendees().registerAttendee(request).getData().getOrderNo();
      return "registered: order " + orderNo;
    } catch (Huiyi31ValidationException e) {
      // Nothing was sent: problems() says what is wrong and where ($.Items[0].Quantity, a field...).
      return "fix the input: " + e.problems();
    } catch (Huiyi31BusinessException e) {
      // The platform refused it (e.g. 1001 手机号已被注册): sending it again gets the same answer.
      // getMessage() masks phone numbers and emails; businessMessage() is the platform's raw text.
      return "refused by the platform (" + e.businessCode() + "): " + e.getMessage();
    } catch (Huiyi31Exception e) {
      switch (e.outcome()) {
        case NOT_SENT:       // nothing left this machine (e.g. connection refused): safe to send again
          return "try again later";
        case NOT_PROCESSED:  // the platform refused it (e.g. HTTP 401 or 429): nothing was created
          return "fix the cause, then send again: " + e.getMessage();
        default:             // UNKNOWN: it may have been processed, an order may exist
          return "check whether the order exists before sending again";
      }
    }
    // readme:end decide
  }
}
