package dev.moa.notifications;

import dev.moa.devstack.DevStackResource;
import dev.moa.devstack.OperabilityChecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "moa_notifications"))
@QuarkusTestResource(MailServerResource.class)
class NotificationsServiceTest {

    @Test
    void startsOnTheDevstackHealthyAndDocumented() {
        OperabilityChecks.assertOperable("Moa Notifications API", "PostgreSQL", "Kafka");
    }
}
