package dev.moa.notifications.unsubscribe;

import dev.moa.chassis.problem.ProblemException;
import dev.moa.notifications.NotificationsConfig;
import dev.moa.notifications.notice.Category;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tokens on their own: key rotation, wrong keys, mandatory categories, key length. */
class UnsubscribeTokensTest {

    private static final String OLD_KEY = "the key of last year, long enough for HMAC-SHA256";
    private static final String NEW_KEY = "the key of this year, also long enough for HMAC";

    @Test
    void aLinkSignedWithThePreviousKeyStillWorksDuringARotation() {
        UUID member = UUID.randomUUID();
        String oldLink = tokens(OLD_KEY, null).mint(member, Category.OUTBID);

        UnsubscribeTokens.Claim claim = tokens(NEW_KEY, OLD_KEY).verify(oldLink);

        assertThat(claim.memberId()).isEqualTo(member);
        assertThat(claim.category()).isEqualTo(Category.OUTBID);
        assertThat(claim.expiresAt()).isAfter(Instant.now().plus(Duration.ofDays(59)));
    }

    @Test
    void aLinkSignedWithAKeyNoLongerAcceptedIsInvalid() {
        String oldLink = tokens(OLD_KEY, null).mint(UUID.randomUUID(), Category.GROUP);

        assertThatThrownBy(() -> tokens(NEW_KEY, null).verify(oldLink))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.slug()).isEqualTo("unsubscribe-link-invalid");
                });
    }

    @Test
    void noLinkIsMadeForAMandatoryCategory() {
        assertThatThrownBy(() -> tokens(NEW_KEY, null).mint(UUID.randomUUID(), Category.SECURITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyShorterThan32CharactersStopsTheService() {
        assertThatThrownBy(() -> tokens("too short", null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MOA_UNSUBSCRIBE_KEY");
    }

    private static UnsubscribeTokens tokens(String key, String previousKey) {
        NotificationsConfig.Unsubscribe unsubscribe = new NotificationsConfig.Unsubscribe() {
            @Override
            public Optional<String> key() {
                return Optional.of(key);
            }

            @Override
            public Optional<String> previousKey() {
                return Optional.ofNullable(previousKey);
            }

            @Override
            public Duration validity() {
                return Duration.ofDays(60);
            }
        };
        return new UnsubscribeTokens(new NotificationsConfig() {
            @Override
            public String publicUrl() {
                return "http://localhost";
            }

            @Override
            public Unsubscribe unsubscribe() {
                return unsubscribe;
            }

            @Override
            public Mail mail() {
                return null;
            }

            @Override
            public Coalescing coalescing() {
                return null;
            }

            @Override
            public Stream stream() {
                return null;
            }

            @Override
            public Feed feed() {
                return null;
            }

            @Override
            public PriceChange priceChange() {
                return null;
            }
        });
    }
}
