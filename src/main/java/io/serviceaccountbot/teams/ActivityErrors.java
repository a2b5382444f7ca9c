package io.serviceaccountbot.teams;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Request errors on {@code /api/messages} answered with a status and a sentence, never a stack trace. */
@RestControllerAdvice(assignableTypes = ActivityController.class)
class ActivityErrors {

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        if (ActivitySizeLimit.causedByLimit(e)) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(ActivityController.error("PayloadTooLarge", "The activity is larger than allowed."));
        }
        return ResponseEntity.badRequest()
                .body(ActivityController.error("BadRequest", "The request body could not be read."));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> wrongMethod() {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .body(ActivityController.error("MethodNotAllowed", "Post activities to /api/messages."));
    }
}
