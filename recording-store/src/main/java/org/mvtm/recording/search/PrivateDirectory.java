package org.mvtm.recording.search;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.mvtm.recording.crypto.PrivateFiles;

/** Lucene's file-system directory whose new files are 0600 (Lucene creates them with the process umask). */
final class PrivateDirectory extends FilterDirectory {
    private final Path path;

    PrivateDirectory(FSDirectory in) {
        super(in);
        this.path = in.getDirectory();
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
        IndexOutput out = super.createOutput(name, context);
        PrivateFiles.restrict(path.resolve(name));
        return out;
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
        IndexOutput out = super.createTempOutput(prefix, suffix, context);
        PrivateFiles.restrict(path.resolve(out.getName()));
        return out;
    }
}
