package io.serviceaccountbot.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole bot in sandbox mode on a random port, its Graph client impatient enough for fault tests (2 s per request,
 * at most 1 s between retries). Every test class with this annotation shares one running bot, so tests create
 * accounts with names of their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bot.provisioning.graph-timeout=2s", "bot.provisioning.graph-max-retry-wait=1s"})
public @interface SandboxServer {}
