package io.serviceaccountbot.teams;

import io.serviceaccountbot.identity.BotIdentity;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/messages}: reads the activity, checks it (shape, the token's serviceUrl claim, the tenant) and
 * hands it on. Bad input gets a 400 with a sentence, never a stack trace; nothing happens before every check passed.
 */
@RestController
public class ActivityController {

    private static final Logger log = LoggerFactory.getLogger(ActivityController.class);

    private final JsonMapper json;
    private final BotIdentity identity;
    private final ActivityRouter router;

    ActivityController(JsonMapper json, BotIdentity identity, ActivityRouter router) {
        this.json = json;
        this.identity = identity;
        this.router = router;
    }

    @PostMapping("/api/messages")
    ResponseEntity<?> receive(@RequestBody(required = false) byte[] body, @AuthenticationPrincipal Jwt token) {
        if (body == null || body.length == 0) {
            return badRequest("The request has no body; expected a Bot Framework activity in JSON.");
        }
        Activity activity;
        try {
            activity = json.readValue(body, Activity.class);
        } catch (JacksonException e) {
            return badRequest("The body is not a Bot Framework activity in JSON.");
        }
        if (activity == null) {
            return badRequest("The body is not a Bot Framework activity in JSON.");
        }
        Optional<String> problem =
                ActivityCheck.problemWith(activity, identity.mode().isSandbox());
        if (problem.isPresent()) {
            return badRequest(problem.get());
        }
        if (token != null && !sameServiceUrl(token.getClaimAsString("serviceUrl"), activity.serviceUrl())) {
            log.warn("Refused an activity whose serviceUrl differs from its token's serviceUrl claim");
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .body(error("Forbidden", "The activity's serviceUrl does not match the token."));
        }
        return router.route(activity);
    }

    static boolean sameServiceUrl(String claimed, String actual) {
        return claimed != null && actual != null && stripSlash(claimed).equalsIgnoreCase(stripSlash(actual));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static ResponseEntity<Map<String, Object>> badRequest(String message) {
        return ResponseEntity.badRequest().body(error("BadRequest", message));
    }

    public static Map<String, Object> error(String code, String message) {
        return Map.of("error", Map.of("code", code, "message", message));
    }
}
