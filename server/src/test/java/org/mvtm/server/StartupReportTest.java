package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The start-up output and the README tell a newcomer the same SIP addresses and the same phone lines. */
class StartupReportTest {
    private static final Path README = Path.of(System.getProperty("mvtm.project.dir", "..")).resolve("README.md");
    private final List<String> queues = List.of("general", "cards", "wealth", "cross-border");
    private final List<StartupReport.Login> logins = List.of(new StartupReport.Login("alice", "ADVISOR", "Alice Wong"),
            new StartupReport.Login("chan", "CUSTOMER", "Mr Chan Tai Man"));

    private String report(String mediaAddress) {
        return StartupReport.text("http://localhost:8080", "node-1", "127.0.0.1", 5060, queues, mediaAddress, logins);
    }

    @Test
    void onDefaultsItPrintsTheSipAddressAndThePhoneLinesTheReadmeGives() throws Exception {
        String readme = Files.readString(README);
        String report = report("127.0.0.1");
        String address = StartupReport.sipUri("general", "127.0.0.1", 5060);
        assertThat(address).isEqualTo("sip:general@127.0.0.1:5060");
        for (String line : List.of(address, StartupReport.baresipAccount("127.0.0.1"), StartupReport.baresipDial("general", "127.0.0.1", 5060))) {
            assertThat(report).contains(line);
            assertThat(readme).contains(line);
        }
        assertThat(report).contains("sip:cards@127.0.0.1:5060", "sip:wealth@127.0.0.1:5060", "sip:cross-border@127.0.0.1:5060");
        assertThat(report).contains("Admin console      : http://localhost:8080/admin");
    }

    @Test
    void aLoopbackMediaAddressComesWithHowToServeOtherMachines() {
        assertThat(report("127.0.0.1")).contains("--contact.media.public-address=");
        assertThat(report("192.168.1.20")).doesNotContain("--contact.media.public-address=");
        assertThat(report("")).as("the default offers the host's addresses and says what NAT needs")
                .contains("this machine's network addresses", "--contact.media.public-address=");
    }
}
