package org.mvtm.webtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.mvtm.admin.api.AdministrationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The database stops answering (here: the real administration service's connection pool is closed): the admin
 * console's requests get a 503 that says so and when to try again, not a bare 500. A context of its own, as the test
 * leaves its database closed.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "mvtm.test.context=database-unavailable")
class DatabaseUnavailableTest {
    @LocalServerPort
    int port;
    @Autowired
    AdministrationService admin;

    @Test
    void aRequestNeedingTheDatabaseWhileItDoesNotAnswerIs503WithWhenToTryAgain() {
        Browserless root = Browserless.signedIn(port, "root");
        assertThat(root.get("/api/admin/users").statusCode()).isEqualTo(200);

        admin.close();
        HttpResponse<String> users = root.get("/api/admin/users");
        assertThat(users.statusCode()).isEqualTo(503);
        assertThat(users.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(users.body()).contains("\"error\":\"DATABASE_UNAVAILABLE\"",
                "the database does not answer; try again in a moment");
    }
}
