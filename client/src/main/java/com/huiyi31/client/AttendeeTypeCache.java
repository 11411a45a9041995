package com.huiyi31.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiyi31.client.api.AttendeeTypeApi;
import com.huiyi31.client.model.AttendeeType;
import com.huiyi31.client.model.AttendeeTypeList;
import com.huiyi31.client.model.ListAttendeeTypesRequest;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The attendee types of each event, loaded on first need and kept for a time to live; loaded
 * once however many threads need the same event at the same moment, every one of them sharing
 * that load's outcome, failure included. A failed load also answers for the callers who come
 * within {@link SharedFetch#FAILURE_BACKOFF_NANOS} after it; after that the next caller loads again.
 */
final class AttendeeTypeCache {

  private static final ObjectMapper COPIER = JsonCodec.newObjectMapper();

  private record Entry(List<AttendeeType> types, long loadedAt) {}

  /** One per event, so that loading one event does not hold up another. */
  private static final class Slot {
    volatile Entry entry;
    /** The last load's failure (null after a success). */
    volatile SharedFetch.Failure failure;
    /** The load under way, if any: every caller that needs its result joins it. */
    final AtomicReference<CompletableFuture<Entry>> loading = new AtomicReference<>();
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
    while (true) {
      Slot slot = slots.computeIfAbsent(eventId, id -> new Slot());
      Entry entry = slot.entry;
      long now = nanoTime.getAsLong();
      if (fresh(entry, now)) {
        return entry.types;
      }
      CompletableFuture<Entry> running = slot.loading.get();
      if (running != null) {
        return SharedFetch.await(running).types;
      }
      SharedFetch.Failure failure = slot.failure;
      if (failure != null && failure.holdsAt(now)) {
        throw failure.error(); // the last load has just failed: do not ask again yet
      }
      CompletableFuture<Entry> mine = new CompletableFuture<>();
      if (!slot.loading.compareAndSet(null, mine)) {
        continue; // another caller started one meanwhile: join it
      }
      // A load may have ended between the reads above and this one's start: use its outcome.
      Entry latest = slot.entry;
      if (latest != entry && fresh(latest, nanoTime.getAsLong())) {
        slot.loading.set(null);
        mine.complete(latest);
        return latest.types;
      }
      SharedFetch.Failure latestFailure = slot.failure;
      if (latestFailure != failure && latestFailure != null && latestFailure.holdsAt(now)) {
        slot.loading.set(null);
        mine.completeExceptionally(latestFailure.error());
        throw latestFailure.error();
      }
      return load(slot, mine, eventId).types;
    }
  }

  /**
   * Loads the event's types on this thread and hands the outcome to everyone who joined
   * {@code mine}. The outcome is recorded before {@code mine} is unregistered, so a caller that
   * finds no load under way finds the new entry or the failure instead.
   */
  private Entry load(Slot slot, CompletableFuture<Entry> mine, String eventId) {
    Entry loaded;
    try {
      long loadedAt = nanoTime.getAsLong();
      AttendeeTypeList data = api.listAttendeeTypes(new ListAttendeeTypesRequest().bventId(eventId)).getData();
      List<AttendeeType> types = data == null || data.getAttendeeTypes() == null ? List.of() : data.getAttendeeTypes();
      loaded = new Entry(List.copyOf(types.stream().filter(Objects::nonNull).toList()), loadedAt);
    } catch (RuntimeException | Error e) {
      if (e instanceof RuntimeException) {
        slot.failure = SharedFetch.Failure.at((RuntimeException) e, nanoTime.getAsLong());
      }
      slot.loading.set(null);
      mine.completeExceptionally(e);
      throw e;
    }
    slot.failure = null;
    slot.entry = loaded;
    slot.loading.set(null);
    mine.complete(loaded);
    return loaded;
  }

  void forget(String eventId) {
    slots.remove(eventId);
  }

  private boolean fresh(Entry entry, long now) {
    return entry != null && now - entry.loadedAt < ttlNanos;
  }

  /** A deep copy, for callers who may change what they get. */
  static List<AttendeeType> copy(List<AttendeeType> types) {
    return COPIER.convertValue(types, new TypeReference<List<AttendeeType>>() {});
  }
}
