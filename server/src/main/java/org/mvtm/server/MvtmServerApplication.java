package org.mvtm.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The mVTM contact-center server: the composition root that wires every module. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MvtmServerApplication {
    public static void main(String[] args) {
        SpringApplication.run(MvtmServerApplication.class, args);
    }
}
