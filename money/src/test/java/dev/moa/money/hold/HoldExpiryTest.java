package dev.moa.money.hold;

import dev.moa.money.MoneyApi;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The expiry function as several instances run it at once: each hold is released once, none twice, none left. */
@QuarkusTest
class HoldExpiryTest {

    private static final int HOLDS = 40;
    private static final int INSTANCES = 4;

    @Test
    void instancesExpiringAtOnceReleaseEachHoldExactlyOnce() throws Exception {
        UUID member = MoneyApi.newMember();
        MoneyApi.fund(member, HOLDS * 1_000L);
        UUID wallet = MoneyApi.walletOf(member);
        // Expiring in an hour, so the application's own job leaves them alone; "now" below is two hours ahead.
        Instant expiresAt = Instant.now().plus(1, ChronoUnit.HOURS);
        Set<UUID> placed = new HashSet<>();
        try (Connection connection = MoneyApi.connect();
             PreparedStatement place = connection.prepareStatement("select moa_place_hold(?, ?, 1000, ?, 'expiry')")) {
            for (int i = 0; i < HOLDS; i++) {
                UUID holdId = UUID.randomUUID();
                place.setObject(1, holdId);
                place.setObject(2, wallet);
                place.setTimestamp(3, Timestamp.from(expiresAt));
                try (ResultSet result = place.executeQuery()) {
                    result.next();
                    assertThat(result.getString(1)).isEqualTo("PLACED");
                }
                placed.add(holdId);
            }
        }
        assertThat(MoneyApi.count("select debits_pending from accounts where id = ?", wallet)).isEqualTo(HOLDS * 1_000L);

        Timestamp later = Timestamp.from(Instant.now().plus(2, ChronoUnit.HOURS));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
        List<UUID> expired = new ArrayList<>();
        try {
            List<Future<List<UUID>>> runs = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                runs.add(pool.submit(() -> {
                    List<UUID> mine = new ArrayList<>();
                    try (Connection connection = MoneyApi.connect(); PreparedStatement expire = connection
                            .prepareStatement("select hold_id from moa_expire_holds(?, 10) where debit_account_id = ?")) {
                        expire.setTimestamp(1, later);
                        expire.setObject(2, wallet);
                        start.await();
                        // Each instance runs until a run finds nothing, as the scheduled job does over time.
                        while (true) {
                            int found = 0;
                            try (ResultSet result = expire.executeQuery()) {
                                while (result.next()) {
                                    mine.add((UUID) result.getObject(1));
                                    found++;
                                }
                            }
                            if (found == 0 && MoneyApi.count("select count(*) from holds where debit_account_id = ? "
                                    + "and status = 'PENDING'", wallet) == 0) {
                                return mine;
                            }
                        }
                    }
                }));
            }
            start.countDown();
            for (Future<List<UUID>> run : runs) {
                expired.addAll(run.get(1, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(expired).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(placed);
        assertThat(MoneyApi.count("select debits_pending from accounts where id = ?", wallet)).isZero();
        assertThat(MoneyApi.count("select count(*) from holds where debit_account_id = ? and status = 'EXPIRED'",
                wallet)).isEqualTo(HOLDS);
        assertThat(MoneyApi.balanceOf(member)).isEqualTo(HOLDS * 1_000L);
    }
}
