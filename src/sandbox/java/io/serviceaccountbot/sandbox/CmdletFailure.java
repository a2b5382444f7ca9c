package io.serviceaccountbot.sandbox;

import org.springframework.http.HttpStatus;

/**
 * A cmdlet failing the way Exchange fails it: the exception type Exchange throws (full .NET name), its message, and
 * the HTTP status InvokeCommand answers with.
 */
final class CmdletFailure extends RuntimeException {

    static final String NOT_FOUND = "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException";
    static final String ALREADY_EXISTS = "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException";

    /** The server name Exchange puts in its messages. */
    static final String SERVER = "SANDBOX01A001.PROD.OUTLOOK.COM";

    private final HttpStatus status;
    private final String type;

    CmdletFailure(HttpStatus status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }

    HttpStatus status() {
        return status;
    }

    String type() {
        return type;
    }

    /** {@code -Identity} names nothing. */
    static CmdletFailure notFound(String identity) {
        return new CmdletFailure(
                HttpStatus.NOT_FOUND,
                NOT_FOUND,
                "The operation couldn't be performed because object '" + identity + "' couldn't be found on '" + SERVER
                        + "'.");
    }

    /** A recipient parameter ({@code -Member}, {@code -Resource}) names no mail-enabled recipient. */
    static CmdletFailure noSuchRecipient(String identity) {
        return new CmdletFailure(
                HttpStatus.NOT_FOUND,
                NOT_FOUND,
                "Couldn't find object \"" + identity
                        + "\". Please make sure that it was spelled correctly or specify a different object.");
    }

    static CmdletFailure alreadyExists(String distinguishedName) {
        return new CmdletFailure(
                HttpStatus.BAD_REQUEST,
                ALREADY_EXISTS,
                "Active Directory operation failed on " + SERVER + ". The object '" + distinguishedName
                        + "' already exists.");
    }

    static CmdletFailure memberAlreadyExists(String member, String group) {
        return new CmdletFailure(
                HttpStatus.BAD_REQUEST,
                "Microsoft.Exchange.Management.Tasks.MemberAlreadyExistsException",
                "The recipient \"" + member + "\" is already a member of the group \"" + group + "\".");
    }

    static CmdletFailure memberNotFound(String member, String group) {
        return new CmdletFailure(
                HttpStatus.BAD_REQUEST,
                "Microsoft.Exchange.Management.Tasks.MemberNotFoundException",
                "The recipient \"" + member + "\" isn't a member of the group \"" + group + "\".");
    }

    static CmdletFailure invalid(String type, String message) {
        return new CmdletFailure(HttpStatus.BAD_REQUEST, type, message);
    }
}
