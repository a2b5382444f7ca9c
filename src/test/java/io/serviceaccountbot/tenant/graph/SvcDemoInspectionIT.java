package io.serviceaccountbot.tenant.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.sandbox.SandboxServer;
import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.DirectoryUser;
import io.serviceaccountbot.tenant.MailboxStatus;
import io.serviceaccountbot.tenant.NewUser;
import io.serviceaccountbot.tenant.Secret;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an admin sees in the sandbox after the directory part of {@code create service account svc-demo}: the account
 * at {@code /sandbox/graph/v1.0/users/svc-demo@example.com}, never forced to change its password, with a password that
 * never expires and its E1 licence, and never the password itself.
 */
@SandboxServer
class SvcDemoInspectionIT {

    static final String PASSWORD = "Demo-Passw0rd-Nobody-Sees-42!";

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Test
    void afterCreatingSvcDemoTheSandboxShowsItWithE1AndNoForcedPasswordChangeButNoPassword() throws Exception {
        DirectoryUser svc = directory.createUser(
                new NewUser("svc-demo", "svc-demo", "svc-demo@example.com", "US", Secret.of(PASSWORD)));
        directory.assignLicense(svc.id(), "STANDARDPACK");
        SandboxHttp tenant = new SandboxHttp(port);

        HttpResponse<String> shown = tenant.get("/users/svc-demo@example.com");
        JsonNode user = JsonMapper.builder().build().readTree(shown.body());
        JsonNode licences = tenant.json("/users/svc-demo@example.com/licenseDetails");

        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).doesNotContain(PASSWORD);
        assertThat(user.path("passwordProfile")
                        .path("forceChangePasswordNextSignIn")
                        .isBoolean())
                .isTrue();
        assertThat(user.path("passwordProfile")
                        .path("forceChangePasswordNextSignIn")
                        .asBoolean())
                .isFalse();
        assertThat(user.path("passwordProfile").path("password").isNull()).isTrue();
        assertThat(user.path("accountEnabled").asBoolean()).isTrue();
        assertThat(user.path("passwordPolicies").asString()).isEqualTo("DisablePasswordExpiration");
        assertThat(user.path("assignedLicenses").get(0).path("skuId").asString())
                .isEqualTo("18181a46-0d4e-45cd-891e-60aabd171b4e");
        assertThat(licences.path("value").get(0).path("skuPartNumber").asString())
                .isEqualTo("STANDARDPACK");
        assertThat(directory.mailboxStatus(svc.id()))
                .as("Exchange takes a while to create the mailbox")
                .isEqualTo(MailboxStatus.NOT_PROVISIONED);
    }
}
