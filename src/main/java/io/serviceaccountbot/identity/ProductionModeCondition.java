package io.serviceaccountbot.identity;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when {@code bot.identity.tenant-id} is set. */
class ProductionModeCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !RuntimeMode.of(context.getEnvironment()).isSandbox();
    }
}
