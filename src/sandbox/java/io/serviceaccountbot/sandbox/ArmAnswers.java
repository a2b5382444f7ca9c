package io.serviceaccountbot.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The JSON shapes of Azure Resource Manager's Automation job answers, after Microsoft's documented examples for
 * api-version 2024-10-23 (Job - Create, Job - Get, Job Stream - List By Job, Job Stream - Get): the job resource
 * ({@code id}, {@code name}, {@code type}, {@code properties}), job streams, and errors. Errors come in two shapes, as
 * they do from Azure: Resource Manager's own ({@code {"error":{"code","message"}}}: authentication, api-version,
 * subscription, resource group and account) and the Automation provider's ({@code {"code","message"}}, its documented
 * ErrorResponse: jobs, runbooks, streams).
 */
final class ArmAnswers {

    static final String JOB_TYPE = "Microsoft.Automation/AutomationAccounts/Jobs";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);

    private ArmAnswers() {}

    /** The path of the Automation account, as resource ids begin. */
    static String accountId(SandboxProperties.Runner account) {
        return "/subscriptions/" + account.subscriptionId() + "/resourceGroups/" + account.resourceGroup()
                + "/providers/Microsoft.Automation/automationAccounts/" + account.automationAccount();
    }

    static Map<String, Object> job(SandboxProperties.Runner account, AutomationJob.View job) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("runbook", Map.of("name", job.runbook()));
        properties.put("provisioningState", job.status().provisioningState());
        properties.put("runOn", job.runOn());
        properties.put("jobId", job.jobId());
        properties.put("creationTime", time(job.creationTime()));
        properties.put("status", job.status().arm());
        properties.put("statusDetails", "None");
        properties.put("startTime", time(job.startTime()));
        properties.put("endTime", time(job.endTime()));
        properties.put("exception", job.exception());
        properties.put("lastModifiedTime", time(job.lastModifiedTime()));
        properties.put("lastStatusModifiedTime", time(job.lastStatusModifiedTime()));
        properties.put("parameters", job.parameters());
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("id", accountId(account) + "/jobs/" + job.name());
        resource.put("name", job.name());
        resource.put("type", JOB_TYPE);
        resource.put("properties", properties);
        return resource;
    }

    /** A stream as Job Stream - List By Job lists it (without its text), or as Job Stream - Get shows it (with). */
    static Map<String, Object> stream(
            SandboxProperties.Runner account, String jobName, AutomationJob.Stream stream, boolean whole) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("jobStreamId", stream.id());
        if (whole) {
            properties.put("streamText", stream.text());
        }
        properties.put("streamType", stream.type());
        properties.put("summary", stream.summary());
        properties.put("time", time(stream.time()));
        if (whole) {
            properties.put("value", Map.of());
        }
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("id", accountId(account) + "/jobs/" + jobName + "/streams/" + stream.id());
        resource.put("properties", properties);
        return resource;
    }

    static Map<String, Object> streams(List<Map<String, Object>> streams) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("nextLink", null);
        page.put("value", streams);
        return page;
    }

    /** An error of Resource Manager itself. */
    static ResponseEntity<Object> arm(HttpStatus status, String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return ResponseEntity.status(status).body(Map.of("error", error));
    }

    /** An error of the Automation resource provider (its ErrorResponse). */
    static ResponseEntity<Object> automation(HttpStatus status, String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return ResponseEntity.status(status).body(error);
    }

    static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    /** Resource Manager's answer when the path names a subscription, group or account the sandbox does not have. */
    static Optional<ResponseEntity<Object>> elsewhere(
            SandboxProperties.Runner known, String subscription, String resourceGroup, String account) {
        if (!known.subscriptionId().equalsIgnoreCase(subscription)) {
            return Optional.of(ArmAnswers.arm(
                    HttpStatus.NOT_FOUND,
                    "SubscriptionNotFound",
                    "The subscription '" + subscription + "' could not be found."));
        }
        if (!known.resourceGroup().equalsIgnoreCase(resourceGroup)) {
            return Optional.of(ArmAnswers.arm(
                    HttpStatus.NOT_FOUND,
                    "ResourceGroupNotFound",
                    "Resource group '" + resourceGroup + "' could not be found."));
        }
        if (!known.automationAccount().equalsIgnoreCase(account)) {
            return Optional.of(ArmAnswers.arm(
                    HttpStatus.NOT_FOUND,
                    "ResourceNotFound",
                    "The Resource 'Microsoft.Automation/automationAccounts/" + account + "' under resource group '"
                            + resourceGroup + "' was not found. For more details please go to"
                            + " https://aka.ms/ARMResourceNotFoundFix"));
        }
        return Optional.empty();
    }
}
