-- TOTP second-factor secrets of local accounts: kept here so that they survive a restart and every node of a
-- cluster shares them. last_step is the newest time step accepted, so a code is used once across all nodes.
CREATE TABLE second_factors (
    username    VARCHAR(64)  PRIMARY KEY REFERENCES users (username) ON DELETE CASCADE,
    secret      VARCHAR(200),
    last_step   BIGINT,
    enrolled_at TIMESTAMP WITH TIME ZONE
);

-- What the advisor recorded at wrap-up, with the interaction: survives restarts and is read by compliance.
CREATE TABLE interaction_dispositions (
    interaction_id  VARCHAR(64)  PRIMARY KEY,
    advisor         VARCHAR(64)  NOT NULL,
    -- the customer's region: compliance officers read the regions they are granted
    region          VARCHAR(8)   NOT NULL,
    code            VARCHAR(64)  NOT NULL,
    notes           VARCHAR(4000) NOT NULL,
    disposed_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX interaction_dispositions_at ON interaction_dispositions (disposed_at);
