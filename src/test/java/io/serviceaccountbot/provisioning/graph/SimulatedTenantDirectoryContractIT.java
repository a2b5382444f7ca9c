package io.serviceaccountbot.provisioning.graph;

import io.serviceaccountbot.provisioning.Directory;
import io.serviceaccountbot.sandbox.SandboxServer;
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
}
