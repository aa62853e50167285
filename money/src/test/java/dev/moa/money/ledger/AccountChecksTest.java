package dev.moa.money.ledger;

import dev.moa.money.MoneyApi;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database refuses an account that is not one: what an account is (kind, currency, owner or code) is checked when
 * it is written, and no account is ever deleted. The balance checks are exercised by the ledger's own tests.
 */
@QuarkusTest
class AccountChecksTest {

    private static final String CHECK_VIOLATION = "23514";
    private static final String INSERT = "insert into accounts (id, kind, owner_id, code, currency, no_overdraft, "
            + "created_at) values (?, ?, ?, ?, ?, true, now())";

    private static void insert(UUID id, String kind, UUID owner, String code, String currency) throws SQLException {
        try (Connection connection = MoneyApi.connect(); var statement = connection.prepareStatement(INSERT)) {
            statement.setObject(1, id);
            statement.setString(2, kind);
            statement.setObject(3, owner);
            statement.setString(4, code);
            statement.setString(5, currency);
            statement.executeUpdate();
        }
    }

    private static void execute(String sql, UUID id) throws SQLException {
        try (Connection connection = MoneyApi.connect(); var statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            statement.executeUpdate();
        }
    }

    @Test
    void refusesAnAccountThatIsNotOne() {
        UUID owner = UUID.randomUUID();
        assertThatThrownBy(() -> insert(UUID.randomUUID(), "PIGGY_BANK", owner, null, "KRW"))
                .hasFieldOrPropertyWithValue("SQLState", CHECK_VIOLATION);
        assertThatThrownBy(() -> insert(UUID.randomUUID(), "MEMBER_WALLET", owner, null, "krw"))
                .hasFieldOrPropertyWithValue("SQLState", CHECK_VIOLATION);
        assertThatThrownBy(() -> insert(UUID.randomUUID(), "MEMBER_WALLET", null, null, "KRW"))
                .hasFieldOrPropertyWithValue("SQLState", CHECK_VIOLATION);
        assertThatThrownBy(() -> insert(UUID.randomUUID(), "SYSTEM", null, null, "KRW"))
                .hasFieldOrPropertyWithValue("SQLState", CHECK_VIOLATION);
        assertThat(MoneyApi.count("select count(*) from accounts where owner_id = ?", owner)).isZero();
    }

    @Test
    void anOpenedAccountKeepsWhatItIsAndIsNeverDeleted() throws SQLException {
        UUID id = UUID.randomUUID();
        insert(id, "MEMBER_WALLET", UUID.randomUUID(), null, "KRW");

        assertThatThrownBy(() -> execute("update accounts set currency = 'usd' where id = ?", id))
                .hasFieldOrPropertyWithValue("SQLState", CHECK_VIOLATION);
        assertThatThrownBy(() -> execute("update accounts set owner_id = null where id = ?", id))
                .hasFieldOrPropertyWithValue("SQLState", CHECK_VIOLATION);
        assertThatThrownBy(() -> execute("delete from accounts where id = ?", id))
                .isInstanceOf(SQLException.class).hasMessageContaining("never deleted");
        assertThat(MoneyApi.count("select count(*) from accounts where id = ? and currency = 'KRW'", id)).isEqualTo(1L);
    }
}
