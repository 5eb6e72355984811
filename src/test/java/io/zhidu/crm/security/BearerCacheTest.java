package io.zhidu.crm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhidu.crm.organization.StaffAccount;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** ADR 0011: what a kept bearer answers for, and how long. */
class BearerCacheTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 1, 8, 0, 0, 0, ZoneOffset.UTC);
    static final long SECOND = 1_000_000_000L;

    final AtomicLong ticker = new AtomicLong(5 * SECOND);
    final BearerCache cache = new BearerCache(Duration.ofSeconds(1), ticker::get);

    static BearerCache.Entry entry(long readAt, OffsetDateTime expiresAt) {
        return new BearerCache.Entry(new ApiTokens.Bearer((StaffAccount) null, List.of()), expiresAt, null, DAY, readAt);
    }

    @Test
    void anEntryAnswersUntilItIsAsOldAsTheMaximumAge() {
        BearerCache.Entry e = entry(cache.now(), NOW.plusDays(30));
        cache.put("h", e, cache.generation());
        ticker.addAndGet(SECOND - 1);
        assertThat(cache.get("h", DAY, NOW)).contains(e);
        ticker.addAndGet(1);
        assertThat(cache.get("h", DAY, NOW)).isEmpty();
    }

    @Test
    void anEntryAnswersOnlyOnItsBusinessDateAndBeforeTheTokenExpires() {
        cache.put("h", entry(cache.now(), NOW.plusSeconds(10)), cache.generation());
        assertThat(cache.get("h", DAY.plusDays(1), NOW)).isEmpty();
        cache.put("h", entry(cache.now(), NOW.plusSeconds(10)), cache.generation());
        assertThat(cache.get("h", DAY, NOW.plusSeconds(10))).isEmpty();
        assertThat(cache.get("h", DAY, NOW)).as("a refused entry is gone").isEmpty();
    }

    @Test
    void aLookUpUnderWayWhenTheCacheIsClearedDoesNotKeepItsAnswer() {
        long before = cache.generation();
        cache.clear(); // a change committed while the look-up read the database
        cache.put("h", entry(cache.now(), NOW.plusDays(30)), before);
        assertThat(cache.get("h", DAY, NOW)).isEmpty();

        cache.put("h", entry(cache.now(), NOW.plusDays(30)), cache.generation());
        cache.clear();
        assertThat(cache.get("h", DAY, NOW)).isEmpty();
    }

    @Test
    void theMarkOfUseReplacesOnlyTheEntryItWasMadeFor() {
        BearerCache.Entry e = entry(cache.now(), NOW.plusDays(30));
        cache.put("h", e, cache.generation());
        cache.markedUsed("h", e, NOW);
        assertThat(cache.get("h", DAY, NOW).orElseThrow().lastUsedAt()).isEqualTo(NOW);
        cache.clear();
        cache.markedUsed("h", e, NOW);
        assertThat(cache.get("h", DAY, NOW)).as("not brought back after a clear").isEmpty();
    }

    @Test
    void zeroKeepsNothingAndANegativeAgeIsRefused() {
        BearerCache off = new BearerCache(Duration.ZERO, ticker::get);
        assertThat(off.enabled()).isFalse();
        off.put("h", entry(off.now(), NOW.plusDays(30)), off.generation());
        assertThat(off.get("h", DAY, NOW)).isEmpty();
        assertThatThrownBy(() -> new BearerCache(Duration.ofSeconds(-1), ticker::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("api-token.cache");
    }

    @Test
    void whenFullItStartsAgainEmpty() {
        for (int i = 0; i < BearerCache.MAX_ENTRIES; i++) {
            cache.put("h" + i, entry(cache.now(), NOW.plusDays(30)), cache.generation());
        }
        assertThat(cache.get("h0", DAY, NOW)).isPresent();
        cache.put("one more", entry(cache.now(), NOW.plusDays(30)), cache.generation());
        assertThat(cache.get("h0", DAY, NOW)).isEmpty();
        assertThat(cache.get("one more", DAY, NOW)).isPresent();
    }
}
