-- The FAQ knowledge base's published versions and the administrator's drafts: in the database, so every node of a
-- cluster sees the same versions without a shared directory. A version is written once and never changed.
CREATE TABLE kb_versions (
    version         BIGINT       PRIMARY KEY CHECK (version >= 0),
    published_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by    VARCHAR(64)  NOT NULL,
    changed         VARCHAR(200) NOT NULL,
    restored_from   BIGINT,
    faqs            INTEGER      NOT NULL
);

-- one row per language of a version; the CSV text as uploaded (at most 4 MiB)
CREATE TABLE kb_sections (
    version     BIGINT       NOT NULL REFERENCES kb_versions (version),
    language    VARCHAR(16)  NOT NULL,
    csv         VARCHAR(8388608) NOT NULL,
    PRIMARY KEY (version, language)
);

CREATE TABLE kb_drafts (
    language    VARCHAR(16)  PRIMARY KEY,
    csv         VARCHAR(8388608) NOT NULL
);
