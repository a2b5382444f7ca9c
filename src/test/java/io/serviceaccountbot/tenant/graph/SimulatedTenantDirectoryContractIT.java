package io.serviceaccountbot.tenant.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.sandbox.SandboxServer;
import io.serviceaccountbot.tenant.Directory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The directory contract against the simulated tenant: the bot's own {@link Directory} bean, the real Graph adapter,
 * reaching the simulator over HTTP exactly as it would reach Microsoft Graph.
 */
@SandboxServer
class SimulatedTenantDirectoryContractIT extends DirectoryContract {

    @Autowired
    Directory directory;

    @Override
    protected Directory directory() {
        return directory;
    }

    @Test
    void theApproversAreMeganAndAdeleThroughTheNestedGroup() {
        assertThat(directory.transitiveUserMembers(APPROVERS)).containsExactlyInAnyOrder(MEGAN, ADELE);
    }
}
