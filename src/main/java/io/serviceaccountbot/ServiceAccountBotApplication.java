package io.serviceaccountbot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The service-account bot: a Microsoft Teams bot that provisions Exchange service accounts behind approvals. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ServiceAccountBotApplication {

    public static void main(String[] args) {
        SpringApplication.run(ServiceAccountBotApplication.class, args);
    }
}
