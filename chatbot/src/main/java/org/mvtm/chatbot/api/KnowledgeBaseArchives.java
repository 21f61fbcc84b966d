package org.mvtm.chatbot.api;

import java.nio.file.Path;
import org.mvtm.chatbot.kb.FileKnowledgeBaseArchive;

/** Creates {@link KnowledgeBaseArchive}s. */
public final class KnowledgeBaseArchives {
    private KnowledgeBaseArchives() {
    }

    /**
     * An archive in a directory (created with mode 0700 if missing): one sub-directory per version, written to the
     * side and renamed into place, files 0600. Point every node of a cluster at the same directory.
     */
    public static KnowledgeBaseArchive directory(Path directory) {
        return new FileKnowledgeBaseArchive(directory);
    }
}
