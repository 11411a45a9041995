package com.huiyi31.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiyi31.client.api.AttendeeTypeApi;
import com.huiyi31.client.model.AttendeeType;
import com.huiyi31.client.model.AttendeeTypeList;
import com.huiyi31.client.model.ListAttendeeTypesRequest;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The attendee types of each event, loaded on first need and kept for a time to live; loaded
 * once however many threads need the same event at the same moment.
 */
final class AttendeeTypeCache {

  private static final ObjectMapper COPIER = JsonCodec.newObjectMapper();

  private record Entry(List<AttendeeType> types, long loadedAt) {}

  /** One per event, so that loading one event does not hold up another. */
  private static final class Slot {
    volatile Entry entry;
  }

  private final AttendeeTypeApi api;
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

  AttendeeTypeCache(AttendeeTypeApi api, long ttlNanos, LongSupplier nanoTime) {
    this.api = api;
    this.ttlNanos = ttlNanos;
    this.nanoTime = nanoTime;
  }

  /** The event's types: cached, or loaded now. Callers must not modify them. */
  List<AttendeeType> get(String eventId) {
    Slot slot = slots.computeIfAbsent(eventId, id -> new Slot());
    Entry entry = slot.entry;
    if (fresh(entry)) {
      return entry.types;
    }
    synchronized (slot) {
      entry = slot.entry;
      if (!fresh(entry)) {
        long loadedAt = nanoTime.getAsLong();
        AttendeeTypeList data = api.listAttendeeTypes(new ListAttendeeTypesRequest().bventId(eventId)).getData();
        List<AttendeeType> types = data == null || data.getAttendeeTypes() == null ? List.of() : data.getAttendeeTypes();
        entry = new Entry(List.copyOf(types.stream().filter(java.util.Objects::nonNull).toList()), loadedAt);
        slot.entry = entry;
      }
      return entry.types;
    }
  }

  void forget(String eventId) {
    slots.remove(eventId);
  }

  private boolean fresh(Entry entry) {
    return entry != null && nanoTime.getAsLong() - entry.loadedAt < ttlNanos;
  }

  /** A deep copy, for callers who may change what they get. */
  static List<AttendeeType> copy(List<AttendeeType> types) {
    return COPIER.convertValue(types, new TypeReference<List<AttendeeType>>() {});
  }
}
