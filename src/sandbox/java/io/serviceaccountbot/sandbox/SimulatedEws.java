package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.identity.ConditionalOnSandboxMode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code /sandbox/ews/Exchange.asmx}: the simulated Exchange Web Services, just enough for the live impersonation
 * probe, as Exchange Server answers it. A request without credentials gets 401 with {@code WWW-Authenticate:
 * Negotiate}, {@code NTLM} and {@code Basic} (Windows Integrated authentication, and Basic as an Exchange Server whose
 * EWS virtual directory also allows it; {@code bot.sandbox.ews-basic=false} leaves Basic out, as Exchange Server's
 * default). NTLM, bare or inside Negotiate: a NEGOTIATE_MESSAGE gets 401 with a
 * CHALLENGE_MESSAGE (a random server challenge and target info, {@link Ntlm}); an AUTHENTICATE_MESSAGE's NTLMv2
 * response is checked against the NT hash kept for the user. A Basic sign-in is checked as before. The caller is a user
 * of the simulated directory, or an account the simulated runbook's New-Mailbox created on Exchange Server (by user
 * principal name, or by {@code DOMAIN\alias}).
 *
 * <p>Simplification: NTLM is bound to a connection, but this endpoint does not track connections. It keeps each
 * challenge it issued for {@link #CHALLENGE_LIFETIME} (at most {@link #OUTSTANDING} at once); an AUTHENTICATE_MESSAGE
 * is accepted when its response verifies against any outstanding challenge, which is then spent (never accepted
 * twice). A real server accepts the type 3 only on the connection that got the type 2.
 *
 * <p>A {@code GetFolder} with the {@code ExchangeImpersonation} header succeeds only when the caller effectively holds
 * ApplicationImpersonation (through a role group; for an Exchange Server account, as the Exchange Server session's
 * {@code Get-ManagementRoleAssignment -GetEffectiveUsers} lists it, direct assignments included) and the impersonated
 * user has a mailbox; otherwise a SOAP fault with Exchange's response code ({@code ErrorImpersonateUserDenied}, {@code
 * ErrorNonExistentMailbox}). In the Exchange Online flavour every sign-in is refused, as Exchange Online refuses Basic
 * and NTLM.
 */
@RestController
@ConditionalOnSandboxMode
@RequestMapping("/sandbox/ews/Exchange.asmx")
class SimulatedEws {

    static final MediaType XML = MediaType.parseMediaType("text/xml; charset=utf-8");

    static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(1);
    static final int OUTSTANDING = 1000;

    private final SimulatedExchange exchange;
    private final ExchangeCmdlets cmdlets;
    private final SimulatedAppAccess scopes;
    private final Map<String, Instant> challenges = new LinkedHashMap<>();

    private final SimulatedDirectory directory;
    private final SimulatedCredentials credentials;
    private final SimulatedRoleGroups roles;
    private final SimulatorFaults faults;
    private final SandboxProperties properties;

    SimulatedEws(
            SimulatedDirectory directory,
            SimulatedCredentials credentials,
            SimulatedRoleGroups roles,
            SimulatorFaults faults,
            SandboxProperties properties,
            SimulatedExchange exchange,
            ExchangeCmdlets cmdlets,
            SimulatedAppAccess scopes) {
        this.scopes = scopes;
        this.exchange = exchange;
        this.cmdlets = cmdlets;
        this.directory = directory;
        this.credentials = credentials;
        this.roles = roles;
        this.faults = faults;
        this.properties = properties;
    }

    @PostMapping
    ResponseEntity<String> call(
            @RequestHeader(value = "Authorization", required = false) String authorization,
            @RequestBody(required = false) String soap) {
        Optional<SimulatorFaults.Fault> fault = faults.onCall(SimulatorFaults.Service.EWS, "GetFolder");
        faults.delay();
        if (fault.isPresent()) {
            return ResponseEntity.status(
                            fault.get().status() == 0 ? 504 : fault.get().status())
                    .build();
        }
        if (properties.exchangeFlavour() == SandboxProperties.ExchangeFlavour.EXCHANGE_ONLINE) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Basic realm=\"127.0.0.1\"")
                    .build();
        }
        Optional<Caller> caller;
        Optional<Ntlm.Authenticate> ntlm = Optional.empty();
        String scheme = scheme(authorization);
        if (scheme.equals("NTLM") || scheme.equals("Negotiate")) {
            byte[] token = token(authorization);
            if (Ntlm.type(token) == 1) {
                return challenge(scheme);
            }
            ntlm = Ntlm.authenticate(token);
            caller = ntlm.flatMap(this::ntlmSignIn);
        } else if (properties.ewsBasic()) {
            caller = basicSignIn(authorization);
        } else {
            caller = Optional.empty();
        }
        if (caller.isEmpty()) {
            return refused();
        }
        Document request;
        try {
            request = parse(soap == null ? "" : soap);
        } catch (Exception e) {
            return fault("ErrorSchemaValidation", "The request failed schema validation.");
        }
        NodeList addresses = request.getElementsByTagNameNS("*", "SmtpAddress");
        if (addresses.getLength() == 0) {
            addresses = request.getElementsByTagNameNS("*", "PrimarySmtpAddress");
        }
        String owner = caller.get().id();
        if (addresses.getLength() > 0) {
            String address = addresses.item(0).getTextContent().strip();
            Optional<String> target = mailbox(address);
            if (target.isEmpty()) {
                return fault("ErrorNonExistentMailbox", "The SMTP address has no mailbox associated with it.");
            }
            if (!holdsImpersonation(caller.get(), address)) {
                return fault(
                        "ErrorImpersonateUserDenied",
                        "The account does not have permission to impersonate the" + " requested user.");
            }
            owner = target.get();
        } else if (!caller.get().hasMailbox()) {
            return fault("ErrorNonExistentMailbox", "The SMTP address has no mailbox associated with it.");
        }
        return ResponseEntity.ok().contentType(XML).body(success(owner));
    }

    /**
     * Who signed in: a user of the simulated directory, or an account New-Mailbox created on Exchange Server.
     *
     * @param id the user's object id, which its sign-in check is kept under
     * @param name the Name Exchange shows for it, which effective users are listed by
     * @param server whether it is an Exchange Server account, whose role assignments its session lists
     * @param hasMailbox whether it has a mailbox now
     */
    private record Caller(String id, String name, boolean server, boolean hasMailbox) {}

    private ResponseEntity<String> refused() {
        ResponseEntity.BodyBuilder refused = ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header("WWW-Authenticate", "Negotiate")
                .header("WWW-Authenticate", "NTLM");
        if (properties.ewsBasic()) {
            refused.header("WWW-Authenticate", "Basic realm=\"127.0.0.1\"");
        }
        return refused.build();
    }

    /** A CHALLENGE_MESSAGE, in the scheme the NEGOTIATE_MESSAGE came in; the challenge is kept for a minute. */
    private ResponseEntity<String> challenge(String scheme) {
        byte[] serverChallenge = Ntlm.serverChallenge();
        synchronized (challenges) {
            expire();
            while (challenges.size() >= OUTSTANDING) {
                challenges.remove(challenges.keySet().iterator().next());
            }
            challenges.put(
                    HexFormat.of().formatHex(serverChallenge), Instant.now().plus(CHALLENGE_LIFETIME));
        }
        String domain = directory.domains().get(0);
        String netbios = domain.split("\\.")[0].toUpperCase(Locale.ROOT);
        byte[] message = Ntlm.challengeMessage(
                serverChallenge,
                netbios.length() > 15 ? netbios.substring(0, 15) : netbios,
                properties.runner().serverName(),
                domain);
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header("WWW-Authenticate", scheme + " " + Base64.getEncoder().encodeToString(message))
                .build();
    }

    private void expire() {
        Instant now = Instant.now();
        challenges.values().removeIf(until -> until.isBefore(now));
    }

    /**
     * The caller whose NTLMv2 response verifies against an outstanding challenge, which is then spent. The user is
     * found by user principal name (an empty domain, as Windows sends a UPN) or by alias in the domain.
     */
    private Optional<Caller> ntlmSignIn(Ntlm.Authenticate message) {
        Optional<Caller> caller = caller(message.user());
        Optional<byte[]> ntHash = caller.flatMap(found -> credentials.ntHash(found.id()));
        if (ntHash.isEmpty()) {
            return Optional.empty();
        }
        synchronized (challenges) {
            expire();
            for (String challenge : challenges.keySet()) {
                if (Ntlm.verify(message, HexFormat.of().parseHex(challenge), ntHash.get())) {
                    challenges.remove(challenge);
                    return caller;
                }
            }
        }
        return Optional.empty();
    }

    /** The enabled directory user, or else the Exchange Server account, this sign-in name is. */
    private Optional<Caller> caller(String name) {
        Optional<SimulatedUser> user = directory.user(name).filter(SimulatedUser::accountEnabled);
        if (user.isPresent()) {
            return user.map(
                    found -> new Caller(found.id(), found.mailNickname(), false, found.hasMailbox(directory.now())));
        }
        return exchange.serverAccount(name)
                .map(account -> new Caller(account.objectId(), exchange.name(account), true, true));
    }

    /** The object id of the mailbox at this address: a directory user's, or an Exchange Server account's. */
    private Optional<String> mailbox(String address) {
        Optional<SimulatedUser> user = directory.user(address);
        if (user.isPresent()) {
            return user.filter(found -> found.hasMailbox(directory.now())).map(SimulatedUser::id);
        }
        return exchange.serverAccount(address).map(Recipients.MailboxUser::objectId);
    }

    private static String scheme(String authorization) {
        if (authorization == null) {
            return "";
        }
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        for (String known : List.of("NTLM", "Negotiate", "Basic")) {
            if (known.equalsIgnoreCase(scheme)) {
                return known;
            }
        }
        return scheme;
    }

    private static byte[] token(String authorization) {
        int space = authorization.indexOf(' ');
        try {
            return space < 0
                    ? new byte[0]
                    : Base64.getDecoder()
                            .decode(authorization.substring(space + 1).strip());
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private Optional<Caller> basicSignIn(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return caller(decoded.substring(0, colon))
                .filter(user -> credentials.matches(user.id(), decoded.substring(colon + 1)));
    }

    /**
     * Whether the caller effectively holds ApplicationImpersonation: through a role group; for an Exchange Server
     * account, as that session's Get-ManagementRoleAssignment -GetEffectiveUsers lists it, over the mailbox: an
     * assignment with a -CustomRecipientWriteScope reaches only the mailboxes its scope's filter matches.
     */
    private boolean holdsImpersonation(Caller caller, String mailbox) {
        try {
            List<Map<String, Object>> rows = caller.server()
                    ? cmdlets.runOnServer(
                                    "Get-ManagementRoleAssignment",
                                    JsonNodeFactory.instance
                                            .objectNode()
                                            .put("Role", "ApplicationImpersonation")
                                            .put("GetEffectiveUsers", true))
                            .rows()
                    : roles.effectiveUsers("ApplicationImpersonation");
            return rows.stream()
                    .filter(row -> caller.name().equalsIgnoreCase(String.valueOf(row.get("EffectiveUserName"))))
                    .anyMatch(row -> row.get("CustomRecipientWriteScope") == null
                            || scopes.inRecipientScope(String.valueOf(row.get("CustomRecipientWriteScope")), mailbox));
        } catch (CmdletFailure noSuchRole) {
            return false;
        }
    }

    private static ResponseEntity<String> fault(String code, String message) {
        String body = """
                <?xml version="1.0" encoding="utf-8"?>
                <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
                  <s:Body>
                    <s:Fault>
                      <faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:%s</faultcode>
                      <faultstring xml:lang="en-US">%s</faultstring>
                      <detail>
                        <e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">%s</e:ResponseCode>
                        <e:Message xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">%s</e:Message>
                      </detail>
                    </s:Fault>
                  </s:Body>
                </s:Envelope>
                """.formatted(code, message, code, message);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .contentType(XML)
                .body(body);
    }

    private static String success(String owner) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
                  <s:Body>
                    <m:GetFolderResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"
                        xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
                      <m:ResponseMessages>
                        <m:GetFolderResponseMessage ResponseClass="Success">
                          <m:ResponseCode>NoError</m:ResponseCode>
                          <m:Folders>
                            <t:Folder>
                              <t:FolderId Id="inbox-%s" ChangeKey="AQAAAA=="/>
                            </t:Folder>
                          </m:Folders>
                        </m:GetFolderResponseMessage>
                      </m:ResponseMessages>
                    </m:GetFolderResponse>
                  </s:Body>
                </s:Envelope>
                """.formatted(owner);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
