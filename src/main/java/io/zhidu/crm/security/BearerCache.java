package io.zhidu.crm.security;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The bearers of recently used API tokens (ADR 0011), so that a busy client's calls do not each
 * read the token, its owner's account and grants again. Contract:
 * <ul>
 *   <li>an entry answers for at most {@code maxAge} after it was read, only on the business date
 *       it was read on, and only while the token's own expiry is ahead;</li>
 *   <li>{@link #clear()} empties it, and a look-up that was already reading the database when the
 *       clear happened does not put its (possibly older) answer in afterwards;</li>
 *   <li>{@link ApiTokens#ownerOf} puts only usable tokens of active accounts: an unknown or refused
 *       token is read again on every call;</li>
 *   <li>{@code maxAge} zero: nothing is kept.</li>
 * </ul>
 * It holds at most {@link #MAX_ENTRIES} tokens; when full it starts again empty.
 */
final class BearerCache {

    static final int MAX_ENTRIES = 10_000;

    /** What one look-up read for a usable token. {@code readAt} is the {@code ticker}'s reading. */
    record Entry(ApiTokens.Bearer bearer, OffsetDateTime expiresAt, OffsetDateTime lastUsedAt, LocalDate day,
                 long readAt) {

        Entry usedAt(OffsetDateTime at) {
            return new Entry(bearer, expiresAt, at, day, readAt);
        }
    }

    private final long maxAgeNanos;
    private final LongSupplier ticker;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /** @param ticker a monotonic clock in nanoseconds ({@code System::nanoTime} outside tests) */
    BearerCache(Duration maxAge, LongSupplier ticker) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("zhidu.security.api-token.cache must not be negative: " + maxAge);
        }
        this.maxAgeNanos = maxAge.toNanos();
        this.ticker = ticker;
    }

    boolean enabled() {
        return maxAgeNanos > 0;
    }

    /** The entry for a token's hash if it still answers on {@code day} at {@code now}. */
    Optional<Entry> get(String hash, LocalDate day, OffsetDateTime now) {
        Entry e = entries.get(hash);
        if (e == null) {
            return Optional.empty();
        }
        if (!e.day().equals(day) || !e.expiresAt().isAfter(now) || ticker.getAsLong() - e.readAt() >= maxAgeNanos) {
            entries.remove(hash, e);
            return Optional.empty();
        }
        return Optional.of(e);
    }

    /** To be taken before a look-up reads the database and handed to {@link #put}. */
    long generation() {
        return generation.get();
    }

    /** The moment an entry is read, on the ticker. */
    long now() {
        return ticker.getAsLong();
    }

    /** Keeps what a look-up read, unless the cache was cleared since {@code generationBeforeRead}. */
    void put(String hash, Entry e, long generationBeforeRead) {
        if (!enabled() || generation.get() != generationBeforeRead) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(hash, e);
        if (generation.get() != generationBeforeRead) { // a clear ran between the check and the put
            entries.remove(hash, e);
        }
    }

    /** Records that the token was marked used at {@code at}, if the entry is still the one given. */
    void markedUsed(String hash, Entry e, OffsetDateTime at) {
        entries.replace(hash, e, e.usedAt(at));
    }

    /** Forgets every entry; a look-up under way does not keep its answer. */
    void clear() {
        generation.incrementAndGet();
        entries.clear();
    }
}
