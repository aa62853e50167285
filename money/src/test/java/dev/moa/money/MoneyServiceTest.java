package dev.moa.money;

import dev.moa.devstack.DevStackResource;
import dev.moa.devstack.OperabilityChecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_money"))
class MoneyServiceTest {

    @Test
    void startsOnTheDevstackHealthyAndDocumented() {
        OperabilityChecks.assertOperable("Moa Money API", "PostgreSQL", "Kafka");
    }
}
