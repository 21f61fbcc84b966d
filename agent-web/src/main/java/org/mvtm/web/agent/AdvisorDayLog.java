package org.mvtm.web.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.mvtm.core.id.AgentId;
import org.mvtm.web.api.AdvisorDayStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each advisor's "Today's interactions", kept in {@code <directory>/<agent>.json} (written to a temporary file and
 * moved into place, so a crash leaves the old or the new list, never half of one). "Today" is the date of the
 * injected clock in its zone; older entries are dropped when the list is read or written. A file that cannot be
 * read is logged and treated as empty: the console must open even then.
 */
@Component
class AdvisorDayLog {
    private static final Logger LOG = LoggerFactory.getLogger(AdvisorDayLog.class);
    private static final TypeReference<List<AgentMessages.DayEntry>> ENTRIES = new TypeReference<>() { };
    private final Optional<Path> directory;
    private final Clock clock;
    private final JsonMapper json;

    @Autowired
    AdvisorDayLog(ObjectProvider<AdvisorDayStorage> storage, Clock clock, JsonMapper json) {
        this(storage.getIfAvailable(AdvisorDayStorage::memoryOnly), clock, json);
    }

    AdvisorDayLog(AdvisorDayStorage storage, Clock clock, JsonMapper json) {
        this.directory = storage.directory();
        this.clock = clock;
        this.json = json;
    }

    /** Today's entries of the advisor as last saved (empty when none or nothing is stored). */
    List<AgentMessages.DayEntry> read(AgentId agent) {
        Optional<Path> file = file(agent);
        if (file.isEmpty() || !Files.exists(file.get())) {
            return List.of();
        }
        try {
            return today(json.readValue(file.get().toFile(), ENTRIES));
        } catch (JacksonException e) {
            LOG.warn("cannot read today's interactions of {} from {}: {}", agent, file.get(), e.getOriginalMessage());
            return List.of();
        }
    }

    /** Saves the advisor's list (today's entries only). */
    void write(AgentId agent, List<AgentMessages.DayEntry> entries) {
        Optional<Path> file = file(agent);
        if (file.isEmpty()) {
            return;
        }
        Path target = file.get();
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(tmp, json.writeValueAsString(today(entries)));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | JacksonException e) {
            LOG.warn("cannot save today's interactions of {} to {}: {}", agent, target, e.toString());
        }
    }

    /** The entries accepted today (by the clock's date in its zone). */
    List<AgentMessages.DayEntry> today(List<AgentMessages.DayEntry> entries) {
        LocalDate today = LocalDate.now(clock);
        return entries.stream().filter(e -> e.acceptedAt() != null
                && LocalDate.ofInstant(e.acceptedAt(), clock.getZone()).equals(today)).toList();
    }

    private Optional<Path> file(AgentId agent) {
        // agent ids are routing ids (letters, digits, '-', '_', '.'); anything else is replaced to stay in the directory
        return directory.map(d -> d.resolve(agent.value().replaceAll("[^A-Za-z0-9._-]", "_") + ".json"));
    }
}
