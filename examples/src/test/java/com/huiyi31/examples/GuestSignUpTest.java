package com.huiyi31.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.huiyi31.client.Huiyi31ValidationException;
import com.huiyi31.client.model.FormField;
import com.huiyi31.sandbox.Huiyi31Sandbox;
import com.huiyi31.sandbox.junit.Huiyi31SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// readme:start test
@ExtendWith(Huiyi31SandboxExtension.class)   // one sandbox for the class, no registrations at each test's start
class GuestSignUpTest {

  @Test
  void signsTheGuestUpWithTheFieldNamesOfTheForm(Huiyi31Sandbox sandbox) {
    try (GuestSignUp signUp = new GuestSignUp(sandbox.baseUrl(),   // the code under test, pointed at the sandbox
        Huiyi31Sandbox.DEMO_APP_KEY, Huiyi31Sandbox.DEMO_APP_SECRET, Huiyi31Sandbox.DEMO_EVENT_ID)) {
      assertThat(signUp.signUp("张晓明", "13912345678")).matches("\\d{19}");
    }

    assertThat(sandbox.registrations()).singleElement().satisfies(sent -> {    // what reached the "platform"
      assertThat(sent.getBventId()).isEqualTo(Huiyi31Sandbox.DEMO_EVENT_ID);
      assertThat(sent.getAttendee().getFields()).extracting(FormField::getFieldName, FormField::getFieldValue)
          .contains(tuple("FullName", "张晓明"), tuple("Mobile", "13912345678"));
    });
  }

  @Test
  void aGuestTheFormRefusesRegistersNothing(Huiyi31Sandbox sandbox) {
    try (GuestSignUp signUp = new GuestSignUp(sandbox.baseUrl(),
        Huiyi31Sandbox.DEMO_APP_KEY, Huiyi31Sandbox.DEMO_APP_SECRET, Huiyi31Sandbox.DEMO_EVENT_ID)) {
      assertThatThrownBy(() -> signUp.signUp("张晓明", "not a mobile"))   // refused before sending
          .isInstanceOf(Huiyi31ValidationException.class);
    }

    assertThat(sandbox.registrations()).isEmpty();
  }
}
// readme:end test
