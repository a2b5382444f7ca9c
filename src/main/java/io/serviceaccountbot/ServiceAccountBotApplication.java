package io.serviceaccountbot;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The service-account bot: a Microsoft Teams bot that provisions Exchange service accounts behind approvals. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ServiceAccountBotApplication {

    public static void main(String[] args) {
        SpringApplication.run(ServiceAccountBotApplication.class, args);
    }

    /** The one clock every module reads the time from; tests may give their own. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
