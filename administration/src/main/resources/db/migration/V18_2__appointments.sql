-- Scheduled video appointments (issue 18 item 2). Advisors publish when they can take booked meetings for a queue;
-- customers book one slot of that availability. One advisor, one start: the unique key makes two customers who book
-- the same slot at once end with exactly one booking.
CREATE TABLE appointment_availability (
    id            VARCHAR(36)  PRIMARY KEY,
    advisor       VARCHAR(64)  NOT NULL,
    queue_id      VARCHAR(64)  NOT NULL,
    starts_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    slot_minutes  INTEGER      NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
    CHECK (ends_at > starts_at)
);

CREATE INDEX appointment_availability_queue ON appointment_availability (queue_id, starts_at);

CREATE TABLE appointments (
    id            VARCHAR(36)  PRIMARY KEY,
    queue_id      VARCHAR(64)  NOT NULL,
    advisor       VARCHAR(64)  NOT NULL,
    customer      VARCHAR(128) NOT NULL,
    language      VARCHAR(16)  NOT NULL,
    starts_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    booked_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT appointments_one_per_slot UNIQUE (advisor, starts_at)
);

CREATE INDEX appointments_advisor_day ON appointments (advisor, starts_at);
