package com.huiyi31.benchmarks.probe;

import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.model.AttendeeForm;
import com.huiyi31.client.model.FormField;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.client.model.TicketItem;
import java.lang.ref.Reference;
import java.util.Locale;

/**
 * Run by {@code LibraryBenchmark} in a new JVM whose class path is this class and one version of
 * the library: what a team's service pays at start-up. Prints one line: milliseconds from main to
 * the first client built, to its first call answered; then the heap a client holds when idle (KB,
 * after collections): the first client (with the library's static state and what its first use leaves in caches) and a
 * second one built and used the same way.
 */
public final class LibraryProbe {

  private LibraryProbe() {}

  public static void main(String[] args) throws Exception {
    String baseUrl = args[0];
    long empty = used(); // this JVM before the library's first class
    long begin = System.nanoTime();
    Huiyi31Client first = Huiyi31Client.builder().baseUrl(baseUrl).build();
    long built = System.nanoTime();
    call(first);
    long called = System.nanoTime();
    long withFirst = used();
    Huiyi31Client second = Huiyi31Client.builder().baseUrl(baseUrl).build();
    call(second);
    long withSecond = used();
    System.out.printf(Locale.ROOT, "build %.1f ms, first call %.1f ms, heap after first client %d KB, second client %d KB%n",
        (built - begin) / 1e6, (called - built) / 1e6, (withFirst - empty) / 1024, (withSecond - withFirst) / 1024);
    Reference.reachabilityFence(first);
    Reference.reachabilityFence(second);
    first.close();
    second.close();
  }

  private static void call(Huiyi31Client client) {
    String orderNo = client.attendees().registerAttendee(new RegisterAttendeeRequest()
        .bventId("07320000-fe25-16f7-4c65-08d9fb59aefd")
        .attendeeTypeId("51f10000-4961-fe41-aba5-08dc70ba48eb")
        .attendee(new AttendeeForm()
            .addFieldsItem(new FormField().fieldName("FullName").fieldValue("张晓明"))
            .addFieldsItem(new FormField().fieldName("Mobile").fieldValue("13912345678")))
        .addItemsItem(new TicketItem().itemSkuId("40180000-300e-9237-c7af-08dc6f31f78c").itemSkuName("嘉宾").quantity(1)))
        .getData().getOrderNo();
    if (orderNo == null) {
      throw new IllegalStateException("no order number");
    }
  }

  /** Heap in use after collections have settled. */
  private static long used() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(50); // let reference processing and the cleaner threads run
      used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
    }
    return used;
  }
}
