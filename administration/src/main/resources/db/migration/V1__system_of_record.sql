-- The system of record: what an administrator defines and what must survive a restart. One schema for H2 (run in
-- PostgreSQL compatibility mode) and PostgreSQL: only types and syntax both understand.

CREATE TABLE skills (
    name        VARCHAR(64)  PRIMARY KEY,
    kind        VARCHAR(16)  NOT NULL CHECK (kind IN ('LANGUAGE', 'PRODUCT', 'CUSTOM')),
    label       VARCHAR(200) NOT NULL
);

INSERT INTO skills (name, kind, label) VALUES
    ('lang.en', 'LANGUAGE', 'English'),
    ('lang.zh', 'LANGUAGE', 'Mandarin'),
    ('lang.yue', 'LANGUAGE', 'Cantonese'),
    ('product.accounts', 'PRODUCT', 'Accounts'),
    ('product.cards', 'PRODUCT', 'Cards'),
    ('product.loans', 'PRODUCT', 'Loans'),
    ('product.wealth', 'PRODUCT', 'Wealth management'),
    ('product.cross-border', 'PRODUCT', 'Cross-border services'),
    ('product.remittance', 'PRODUCT', 'Remittance'),
    ('product.fx', 'PRODUCT', 'Foreign exchange'),
    ('product.general', 'PRODUCT', 'General banking');

CREATE TABLE users (
    username        VARCHAR(64)  PRIMARY KEY,
    display_name    VARCHAR(200) NOT NULL,
    ui_language     VARCHAR(16)  NOT NULL,
    enabled         BOOLEAN      NOT NULL,
    password_hash   VARCHAR(200),
    customer_tier   VARCHAR(32),
    -- SIP phone credentials (advisors' desk phones, customers' SIP identities) as a digest HA1, never plaintext
    sip_realm       VARCHAR(255),
    sip_ha1         VARCHAR(32),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE user_roles (
    username    VARCHAR(64) NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    role        VARCHAR(16) NOT NULL CHECK (role IN ('ADVISOR', 'SUPERVISOR', 'COMPLIANCE', 'ADMIN', 'CUSTOMER')),
    PRIMARY KEY (username, role)
);

CREATE TABLE user_regions (
    username    VARCHAR(64) NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    region      VARCHAR(8)  NOT NULL,
    PRIMARY KEY (username, region)
);

-- an advisor's routing profile
CREATE TABLE advisors (
    username        VARCHAR(64) PRIMARY KEY REFERENCES users (username) ON DELETE CASCADE,
    region          VARCHAR(8)  NOT NULL,
    voice_capacity  INTEGER     NOT NULL CHECK (voice_capacity BETWEEN 0 AND 20),
    video_capacity  INTEGER     NOT NULL CHECK (video_capacity BETWEEN 0 AND 20),
    chat_capacity   INTEGER     NOT NULL CHECK (chat_capacity BETWEEN 0 AND 20)
);

CREATE TABLE advisor_skills (
    username    VARCHAR(64) NOT NULL REFERENCES advisors (username) ON DELETE CASCADE,
    skill       VARCHAR(64) NOT NULL REFERENCES skills (name),
    level       INTEGER     NOT NULL CHECK (level BETWEEN 1 AND 10),
    PRIMARY KEY (username, skill)
);

CREATE TABLE queues (
    id                  VARCHAR(64)  PRIMARY KEY,
    name_en             VARCHAR(200) NOT NULL,
    name_zh_hans        VARCHAR(200) NOT NULL,
    name_zh_hant        VARCHAR(200) NOT NULL,
    product             VARCHAR(64)  NOT NULL REFERENCES skills (name),
    product_min_level   INTEGER      NOT NULL CHECK (product_min_level BETWEEN 1 AND 10),
    language_min_level  INTEGER      NOT NULL CHECK (language_min_level BETWEEN 1 AND 10),
    sla_fraction        DOUBLE PRECISION NOT NULL,
    sla_seconds         INTEGER      NOT NULL CHECK (sla_seconds > 0),
    aging_tier_weight   DOUBLE PRECISION NOT NULL,
    aging_weight        DOUBLE PRECISION NOT NULL,
    time_zone           VARCHAR(64)  NOT NULL,
    outside_hours       VARCHAR(16)  NOT NULL CHECK (outside_hours IN ('BOT_ONLY', 'CALLBACK', 'MESSAGE'))
);

CREATE TABLE queue_skills (
    queue_id    VARCHAR(64) NOT NULL REFERENCES queues (id) ON DELETE CASCADE,
    skill       VARCHAR(64) NOT NULL REFERENCES skills (name),
    min_level   INTEGER     NOT NULL CHECK (min_level BETWEEN 1 AND 10),
    PRIMARY KEY (queue_id, skill)
);

CREATE TABLE queue_relaxation (
    queue_id        VARCHAR(64) NOT NULL REFERENCES queues (id) ON DELETE CASCADE,
    step_no         INTEGER     NOT NULL,
    after_seconds   INTEGER     NOT NULL CHECK (after_seconds >= 0),
    level_drop      INTEGER     NOT NULL CHECK (level_drop BETWEEN 0 AND 9),
    language_only   BOOLEAN     NOT NULL,
    PRIMARY KEY (queue_id, step_no)
);

-- ISO day of week: 1 = Monday .. 7 = Sunday; times are local to the queue's time zone
CREATE TABLE queue_hours (
    queue_id    VARCHAR(64) NOT NULL REFERENCES queues (id) ON DELETE CASCADE,
    day_of_week INTEGER     NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    opens       TIME        NOT NULL,
    closes      TIME        NOT NULL,
    PRIMARY KEY (queue_id, day_of_week, opens)
);

CREATE TABLE queue_holidays (
    queue_id    VARCHAR(64)  NOT NULL REFERENCES queues (id) ON DELETE CASCADE,
    holiday_date DATE         NOT NULL,
    name        VARCHAR(200) NOT NULL,
    PRIMARY KEY (queue_id, holiday_date)
);

CREATE TABLE queue_codes (
    queue_id    VARCHAR(64)  NOT NULL REFERENCES queues (id) ON DELETE CASCADE,
    kind        VARCHAR(16)  NOT NULL CHECK (kind IN ('WRAP_UP', 'BREAK')),
    code        VARCHAR(64)  NOT NULL,
    label       VARCHAR(200) NOT NULL,
    sort_order  INTEGER      NOT NULL,
    PRIMARY KEY (queue_id, kind, code)
);

CREATE TABLE vip_tiers (
    code            VARCHAR(32)  PRIMARY KEY,
    label           VARCHAR(200) NOT NULL,
    tier_rank       INTEGER      NOT NULL UNIQUE CHECK (tier_rank >= 0),
    routing_weight  DOUBLE PRECISION NOT NULL CHECK (routing_weight >= 0)
);

INSERT INTO vip_tiers (code, label, tier_rank, routing_weight) VALUES
    ('STANDARD', 'Standard', 0, 0.0),
    ('PREMIER', 'Premier', 1, 1.0),
    ('VIP', 'VIP', 2, 2.0);

CREATE TABLE admin_audit (
    id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(64)  NOT NULL,
    action      VARCHAR(16)  NOT NULL,
    entity      VARCHAR(32)  NOT NULL,
    entity_id   VARCHAR(64)  NOT NULL,
    before_json VARCHAR(100000),
    after_json  VARCHAR(100000)
);

CREATE INDEX admin_audit_entity ON admin_audit (entity, entity_id);

-- the one-time token that lets the first administrator in on an empty database
CREATE TABLE bootstrap_token (
    id          INTEGER      PRIMARY KEY CHECK (id = 1),
    token_hash  VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
