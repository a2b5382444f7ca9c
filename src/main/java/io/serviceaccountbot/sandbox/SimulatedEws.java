package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.identity.ConditionalOnSandboxMode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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

/**
 * {@code /sandbox/ews/Exchange.asmx}: the simulated Exchange Web Services, just enough for the live impersonation
 * probe, as Exchange Server answers it. A Basic sign-in is checked against the simulated directory; a {@code
 * GetFolder} with the {@code ExchangeImpersonation} header succeeds only when the caller effectively holds
 * ApplicationImpersonation through a role group and the impersonated user has a mailbox; otherwise a SOAP fault with
 * Exchange's response code ({@code ErrorImpersonateUserDenied}, {@code ErrorNonExistentMailbox}). In the Exchange
 * Online flavour Basic sign-in is refused, as Exchange Online does.
 */
@RestController
@ConditionalOnSandboxMode
@RequestMapping("/sandbox/ews/Exchange.asmx")
class SimulatedEws {

    static final MediaType XML = MediaType.parseMediaType("text/xml; charset=utf-8");

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
            SandboxProperties properties) {
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
        Optional<SimulatedUser> caller = signedIn(authorization);
        if (caller.isEmpty() || properties.exchangeFlavour() == SandboxProperties.ExchangeFlavour.EXCHANGE_ONLINE) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Basic realm=\"127.0.0.1\"")
                    .build();
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
        SimulatedUser owner = caller.get();
        if (addresses.getLength() > 0) {
            String address = addresses.item(0).getTextContent().strip();
            Optional<SimulatedUser> target = directory.user(address);
            if (target.isEmpty() || !target.get().hasMailbox(directory.now())) {
                return fault("ErrorNonExistentMailbox", "The SMTP address has no mailbox associated with it.");
            }
            if (!holdsImpersonation(caller.get())) {
                return fault(
                        "ErrorImpersonateUserDenied",
                        "The account does not have permission to impersonate the" + " requested user.");
            }
            owner = target.get();
        }
        if (!owner.hasMailbox(directory.now())) {
            return fault("ErrorNonExistentMailbox", "The SMTP address has no mailbox associated with it.");
        }
        return ResponseEntity.ok().contentType(XML).body(success(owner));
    }

    private Optional<SimulatedUser> signedIn(String authorization) {
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
        return directory
                .user(decoded.substring(0, colon))
                .filter(SimulatedUser::accountEnabled)
                .filter(user -> credentials.matches(user.id(), decoded.substring(colon + 1)));
    }

    private boolean holdsImpersonation(SimulatedUser user) {
        try {
            return roles.effectiveUsers("ApplicationImpersonation").stream()
                    .anyMatch(
                            row -> user.mailNickname().equalsIgnoreCase(String.valueOf(row.get("EffectiveUserName"))));
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

    private static String success(SimulatedUser owner) {
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
                """.formatted(owner.id());
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
