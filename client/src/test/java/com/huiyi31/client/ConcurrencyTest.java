package com.huiyi31.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.huiyi31.client.model.AttendeeForm;
import com.huiyi31.client.model.FormField;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.client.model.RegisterAttendeeResponse;
import com.huiyi31.client.model.TicketItem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One shared client under heavy concurrent use: no errors, no cross-talk, bounded connections. */
class ConcurrencyTest {

  private static final int THREADS = 64;
  private static final int CALLS_PER_THREAD = 500;
  private static final int MAX_CONCURRENT = 16;

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().containerThreads(40).disableRequestJournal())
      .build();

  @Test
  void sixtyFourThreadsShareOneClientWithoutErrorsOrCrossTalk() throws Exception {
    // The answer echoes the request's own FullName into the order, so a response delivered to
    // the wrong caller would show.
    wm.stubFor(post(urlEqualTo(Fixtures.REGISTER_PATH)).willReturn(aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody("{\"businessCode\":0,\"data\":{\"orderNo\":\""
            + "{{jsonPath request.body '$.Attendee.Fields[0].FieldValue'}}\"}}")
        .withTransformers("response-template")));

    List<Future<Integer>> threads = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (Huiyi31Client client = Huiyi31Client.builder().baseUrl(wm.baseUrl())
        .maxConcurrentRequests(MAX_CONCURRENT).build()) {
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        threads.add(pool.submit(() -> {
          int matched = 0;
          for (int i = 0; i < CALLS_PER_THREAD; i++) {
            String tag = "t" + thread + "-r" + i;
            RegisterAttendeeResponse response = client.attendees().registerAttendee(request(tag));
            if (tag.equals(response.getData().getOrderNo())) {
              matched++;
            }
          }
          return matched;
        }));
      }
      int matched = 0;
      for (Future<Integer> thread : threads) {
        matched += thread.get(120, TimeUnit.SECONDS); // a failed call fails the test here
      }

      assertThat(matched).isEqualTo(THREADS * CALLS_PER_THREAD);
      assertThat(client.openConnections()).isBetween(1, MAX_CONCURRENT);
    } finally {
      pool.shutdownNow();
    }
  }

  private static RegisterAttendeeRequest request(String tag) {
    return new RegisterAttendeeRequest()
        .bventId(Fixtures.EVENT_ID)
        .attendeeTypeId(Fixtures.ATTENDEE_TYPE_ID)
        .attendee(new AttendeeForm()
            .addFieldsItem(new FormField().fieldName("FullName").fieldValue(tag))
            .addFieldsItem(new FormField().fieldName("Mobile").fieldValue("13912345678")))
        .addItemsItem(new TicketItem().itemSkuId(Fixtures.TICKET_ID).itemSkuName("嘉宾").quantity(1));
  }
}
