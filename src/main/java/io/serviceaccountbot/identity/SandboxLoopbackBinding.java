package io.serviceaccountbot.identity;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In sandbox mode the bot accepts anonymous activities, lets anyone drive its simulated tenant and exposes its admin
 * endpoints, so it must never be reachable from the network: it listens on the loopback address, and refuses to start
 * when {@code server.address} or {@code management.server.address} names any other address (including the wildcard
 * {@code 0.0.0.0}). Opening it takes a tenant, that is production mode with its authentication, not one setting.
 */
class SandboxLoopbackBinding implements EnvironmentPostProcessor {

    static final String LOOPBACK = "127.0.0.1";
    static final List<String> ADDRESS_SETTINGS = List.of("server.address", "management.server.address");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!RuntimeMode.of(environment).isSandbox()) {
            return;
        }
        List<String> exposed = new ArrayList<>();
        for (String setting : ADDRESS_SETTINGS) {
            String address = environment.getProperty(setting);
            if (address != null && !address.isBlank() && !isLoopback(address.strip())) {
                exposed.add(setting + "=" + address.strip());
            }
        }
        if (!exposed.isEmpty()) {
            throw new SandboxExposedException(exposed);
        }
        if (!environment.containsProperty("server.address")) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource("sandboxLoopbackBinding", Map.of("server.address", LOOPBACK)));
        }
    }

    /** True for a loopback literal or a name that resolves only to loopback addresses (such as localhost). */
    static boolean isLoopback(String address) {
        String literal =
                address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        try {
            InetAddress[] resolved = InetAddress.getAllByName(literal);
            for (InetAddress each : resolved) {
                if (!each.isLoopbackAddress()) {
                    return false;
                }
            }
            return resolved.length > 0;
        } catch (Exception e) {
            return false;
        }
    }
}
