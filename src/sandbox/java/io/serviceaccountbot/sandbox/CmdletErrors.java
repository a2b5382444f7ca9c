package io.serviceaccountbot.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A failed cmdlet as the runbook reports it in its answer: the error record's category, fully qualified error id,
 * exception type and message (PROTOCOL.md's {@code error}). The ids follow the shapes PowerShell gives them: Exchange's
 * {@code [Server=…,RequestId=…,TimeStamp=…] [FailureCategory=Cmdlet-…] <hex>,<task class>}, the ActiveDirectory
 * module's {@code ActiveDirectoryCmdlet:<exception>,<command class>}, the engine's {@code <reason>,<cmdlet>}.
 */
final class CmdletErrors {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);

    private CmdletErrors() {}

    static Map<String, Object> of(SimulatedRunbook.Session session, String cmdlet, CmdletFailure failure) {
        String type = failure.type();
        String shortType = type.substring(type.lastIndexOf('.') + 1);
        String message = failure.getMessage().replace(CmdletFailure.SERVER, session.serverName());
        String id;
        if (type.startsWith("Microsoft.Exchange.")) {
            id = "[Server=" + session.serverName() + ",RequestId=" + UUID.randomUUID() + ",TimeStamp="
                    + STAMP.format(Instant.now()) + "] [FailureCategory=Cmdlet-" + shortType + "] "
                    + HexFormat.of().withUpperCase().toHexDigits(message.hashCode()) + "," + taskClass(cmdlet);
        } else if (type.startsWith("Microsoft.ActiveDirectory.")) {
            id = "ActiveDirectoryCmdlet:" + type + ",Microsoft.ActiveDirectory.Management.Commands."
                    + cmdlet.replace("-", "");
        } else if (type.endsWith("CommandNotFoundException")) {
            id = "CommandNotFoundException";
        } else {
            id = shortType.replace("Exception", "") + "," + cmdlet;
        }
        return record(category(type), id, type, message);
    }

    private static Map<String, Object> record(String category, String id, String type, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("category", category);
        error.put("fullyQualifiedErrorId", id);
        error.put("exceptionType", type);
        error.put("message", message);
        return error;
    }

    /** PowerShell's ErrorCategory for the exception, as Exchange and the ActiveDirectory module report it. */
    private static String category(String type) {
        if (type.endsWith("ParameterBindingException") || type.equals("System.ArgumentException")) {
            return "InvalidArgument";
        }
        if (type.endsWith("ADIdentityNotFoundException") || type.endsWith("CommandNotFoundException")) {
            return "ObjectNotFound";
        }
        if (type.endsWith("TaskInvalidOperationException")) {
            return "InvalidOperation";
        }
        return "NotSpecified";
    }

    /** The .NET class of an Exchange cmdlet, e.g. Microsoft.Exchange.Management.RecipientTasks.NewDistributionGroup. */
    private static String taskClass(String cmdlet) {
        String noun = cmdlet.substring(cmdlet.indexOf('-') + 1);
        String area = noun.startsWith("RoleGroup") || noun.startsWith("Management")
                ? "Microsoft.Exchange.Management.RbacTasks."
                : "Microsoft.Exchange.Management.RecipientTasks.";
        return area + cmdlet.replace("-", "");
    }
}
