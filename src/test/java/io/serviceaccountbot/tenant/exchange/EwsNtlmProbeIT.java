package io.serviceaccountbot.tenant.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.serviceaccountbot.tenant.ImpersonationProbe.Outcome;
import io.serviceaccountbot.tenant.ImpersonationProbe.ProbeResult;
import io.serviceaccountbot.tenant.Secret;
import io.serviceaccountbot.tenant.SecretStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The live probe signs in to the simulated Exchange Web Services with NTLM over real HTTP, as accounts New-Mailbox
 * made on the simulated Exchange Server through the runner: the holder of ApplicationImpersonation (assigned directly
 * with New-ManagementRoleAssignment -User) opens another mailbox, an account without it gets
 * ErrorImpersonateUserDenied, a wrong password is a refused sign-in. Between probe and simulator sits a recording relay
 * that shows every Authorization header the probe sent: Basic is never used while NTLM is offered, and the password
 * never crosses in clear. The relay can also narrow the server's offers, to show NTLM inside Negotiate when only
 * Negotiate is offered and Basic when only Basic is.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bot.exchange-server.runner.poll-interval=50ms",
            "bot.exchange-server.runner.job-start-timeout=5s",
            "bot.sandbox.runner.job-start-delay=0ms"
        })
class EwsNtlmProbeIT {

    static final String HOLDER = "svc-ntlm-holder@example.com";
    static final String OTHER = "svc-ntlm-other@example.com";
    static final String PASSWORD = "Ntlm-Probe-Passw0rd!";
    static final String TARGET = "meganb@example.com";

    @LocalServerPort
    int port;

    @Autowired
    ExchangeServerRunner runner;

    @Autowired
    SecretStore secrets;

    final List<String> authorizations = new CopyOnWriteArrayList<>();
    volatile Predicate<String> offered = offer -> true;
    HttpServer relay;
    EwsImpersonationProbe probe;

    @BeforeEach
    void accountsAndRelay() throws IOException {
        createAccounts();
        HttpClient forward = HttpClient.newHttpClient();
        relay = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        relay.createContext("/EWS/Exchange.asmx", exchange -> relay(forward, exchange));
        relay.start();
        probe = new EwsImpersonationProbe(
                () -> URI.create("http://127.0.0.1:" + relay.getAddress().getPort() + "/EWS/Exchange.asmx"),
                Duration.ofSeconds(10));
    }

    @AfterEach
    void stopRelay() {
        relay.stop(0);
    }

    @Test
    void theHolderOfApplicationImpersonationOpensTheMailboxThroughAnNtlmHandshake() {
        ProbeResult result = probe.probe(HOLDER, Secret.of(PASSWORD), TARGET);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.IMPERSONATED);
        assertThat(result.code()).isEqualTo("NoError");
        assertThat(authorizations)
                .as("first without credentials, then NTLM's negotiate and authenticate messages")
                .hasSize(3);
        assertThat(authorizations.get(0)).isEmpty();
        assertThat(ntlmType(authorizations.get(1), "NTLM ")).isEqualTo(1);
        assertThat(ntlmType(authorizations.get(2), "NTLM ")).isEqualTo(3);
        assertNoPasswordInClear();
    }

    @Test
    void anAccountWithoutTheRoleSignsInButIsDenied() {
        ProbeResult result = probe.probe(OTHER, Secret.of(PASSWORD), TARGET);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.DENIED);
        assertThat(result.code()).isEqualTo("ErrorImpersonateUserDenied");
        assertNoPasswordInClear();
    }

    @Test
    void aWrongPasswordIsARefusedSignInAndNeverFallsBackToBasic() {
        ProbeResult result = probe.probe(HOLDER, Secret.of("Not-The-Passw0rd!"), TARGET);

        assertThat(result.outcome()).isEqualTo(Outcome.SIGN_IN_REFUSED);
        assertThat(result.message()).contains("did not accept the sign-in of " + HOLDER);
        assertThat(authorizations).noneMatch(header -> header.startsWith("Basic"));
        assertThat(authorizations).noneMatch(header -> header.contains("Not-The-Passw0rd!"));
    }

    @Test
    void whenOnlyNegotiateIsOfferedTheNtlmMessagesGoInsideIt() {
        offered = offer -> offer.startsWith("Negotiate");

        ProbeResult result = probe.probe(HOLDER, Secret.of(PASSWORD), TARGET);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.IMPERSONATED);
        assertThat(ntlmType(authorizations.get(1), "Negotiate ")).isEqualTo(1);
        assertThat(ntlmType(authorizations.get(2), "Negotiate ")).isEqualTo(3);
        assertNoPasswordInClear();
    }

    @Test
    void basicIsUsedOnlyWhenItIsTheOnlyOffer() {
        offered = offer -> offer.startsWith("Basic");

        ProbeResult result = probe.probe(HOLDER, Secret.of(PASSWORD), TARGET);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.IMPERSONATED);
        assertThat(authorizations).last().asString().startsWith("Basic ");
    }

    private void assertNoPasswordInClear() {
        String basic = Base64.getEncoder().encodeToString((HOLDER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        String other = Base64.getEncoder().encodeToString((OTHER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(authorizations)
                .noneMatch(header -> header.startsWith("Basic"))
                .noneMatch(header -> header.contains(PASSWORD))
                .noneMatch(header -> header.contains(basic) || header.contains(other));
    }

    private static int ntlmType(String header, String scheme) {
        assertThat(header).startsWith(scheme);
        byte[] token = Base64.getDecoder().decode(header.substring(scheme.length()));
        assertThat(new String(token, 0, 7, StandardCharsets.US_ASCII)).isEqualTo("NTLMSSP");
        return token[8];
    }

    /** Makes both accounts once (New-Mailbox through the runner) and gives the holder the role directly. */
    private void createAccounts() {
        secrets.put("svc-ntlm-password", Secret.of(PASSWORD));
        for (String upn : List.of(HOLDER, OTHER)) {
            String name = upn.substring(0, upn.indexOf('@'));
            RunnerAnswer found = runner.run(
                    ExchangeServerRunner.jobName("ews-ntlm-it/find/" + name + "/" + System.nanoTime()),
                    List.of(RunnerCall.of(Cmdlet.named("Get-Mailbox").with("Identity", upn))
                            .continuingOnError()));
            if (found.result(0).status() == RunnerResult.Status.OK) {
                continue;
            }
            List<RunnerCall> calls = new java.util.ArrayList<>(List.of(RunnerCall.of(Cmdlet.named("New-Mailbox")
                            .with("Name", name)
                            .with("UserPrincipalName", upn)
                            .with("ResetPasswordOnNextLogon", false))
                    .withSecret("Password", "svc-ntlm-password")));
            if (upn.equals(HOLDER)) {
                calls.add(RunnerCall.of(Cmdlet.named("New-ManagementRoleAssignment")
                        .with("Role", "ApplicationImpersonation")
                        .with("User", name)));
            }
            RunnerAnswer made = runner.run(ExchangeServerRunner.jobName("ews-ntlm-it/make/" + name), calls);
            assertThat(made.result(0).status()).as(made.toString()).isEqualTo(RunnerResult.Status.OK);
        }
    }

    /** Forwards one request to the simulated EWS, records its Authorization header, and narrows the offers. */
    private void relay(HttpClient forward, HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(authorization == null ? "" : authorization);
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/sandbox/ews/Exchange.asmx"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        exchange.getRequestBody().readAllBytes()));
        for (String header : List.of("Authorization", "Content-Type", "X-AnchorMailbox")) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        HttpResponse<byte[]> response;
        try {
            response = forward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        response.headers().allValues("WWW-Authenticate").stream()
                .filter(offer -> offered.test(offer))
                .forEach(offer -> exchange.getResponseHeaders().add("WWW-Authenticate", offer));
        response.headers()
                .firstValue("Content-Type")
                .ifPresent(type -> exchange.getResponseHeaders().add("Content-Type", type));
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}
