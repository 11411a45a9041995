package com.huiyi31.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.huiyi31.client.model.TicketItem;
import org.junit.jupiter.api.Test;

/** Checking a request without sending it: the same rules registerAttendee applies before sending. */
class ProblemsOfTest {

  @Test
  void aSendableRequestHasNoProblems() {
    assertThat(Huiyi31Client.problemsOf(Fixtures.validRequest())).isEmpty();
  }

  @Test
  void anUnsendableRequestListsEveryProblemWithItsPath() {
    assertThat(Huiyi31Client.problemsOf(Fixtures.validRequest().bventId(" ").addItemsItem(new TicketItem().quantity(0))))
        .extracting(Huiyi31ValidationException.Problem::path)
        .containsExactly("$.BventId", "$.Items[1].ItemSkuId", "$.Items[1].ItemSkuName", "$.Items[1].Quantity");
  }

  @Test
  void aNullRequestIsOneProblemAtTheRoot() {
    assertThat(Huiyi31Client.problemsOf(null)).extracting(Huiyi31ValidationException.Problem::path).containsExactly("$");
  }
}
