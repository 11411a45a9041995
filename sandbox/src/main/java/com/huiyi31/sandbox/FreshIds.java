package com.huiyi31.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fresh identifiers in the platform's formats, for one sandbox run. Thread-safe.
 *
 * <ul>
 *   <li>{@code orderId}, {@code attendeeId}: random UUIDs (the platform's ids are GUID-like).
 *   <li>{@code orderNo}: 19 digits, the sandbox's start time {@code yyMMddHHmmss} (UTC) followed by a
 *       7-digit sequence, like the platform's {@code 2111041526362863634}. It is one counter that
 *       only goes up, so no two orders of a run share a number (after 10 million orders it carries
 *       into the time digits and stays unique).
 *   <li>{@code checkinCode}: 19 digits in the style of a Snowflake id (milliseconds since
 *       2015-01-01 shifted left by 22 bits), like the platform's {@code 1475765432202956800};
 *       never lower than the previous one plus 1, so unique within a run too.
 * </ul>
 */
final class FreshIds {

  private static final long SMALLEST_19_DIGITS = 1_000_000_000_000_000_000L;
  private static final long SNOWFLAKE_EPOCH_MILLIS = Instant.parse("2015-01-01T00:00:00Z").toEpochMilli();
  private static final DateTimeFormatter ORDER_PREFIX = DateTimeFormatter.ofPattern("yyMMddHHmmss").withZone(ZoneOffset.UTC);

  private final Clock clock;
  private final AtomicLong lastOrderNo;
  private final AtomicLong lastCheckinCode = new AtomicLong(SMALLEST_19_DIGITS - 1);

  FreshIds(Clock clock) {
    this.clock = clock;
    long prefix = Long.parseLong(ORDER_PREFIX.format(clock.instant()));
    // yyMMddHHmmss is 12 digits from the year 2010 on; times 10^7 gives 19 digits.
    this.lastOrderNo = new AtomicLong(Math.max(SMALLEST_19_DIGITS, prefix * 10_000_000L) - 1);
  }

  String orderNo() {
    return Long.toString(lastOrderNo.incrementAndGet());
  }

  String checkinCode() {
    long snowflake = (clock.millis() - SNOWFLAKE_EPOCH_MILLIS) << 22;
    return Long.toString(lastCheckinCode.updateAndGet(last -> Math.max(last + 1, snowflake)));
  }

  String guid() {
    return UUID.randomUUID().toString();
  }
}
