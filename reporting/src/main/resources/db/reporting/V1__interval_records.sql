-- Interval records, 15 minutes each, at the finest grain the reports filter by: the interval an interaction was first
-- offered in, its queue, channel and customer region, and the advisor who handled it ('' before any advisor did).
-- Times are epoch milliseconds (UTC); durations milliseconds. Every figure is a sum, so rows add up across any filter.
create table contact_interval (
    interval_start      bigint       not null,
    queue_id            varchar(64)  not null,
    channel             varchar(16)  not null,
    region              varchar(8)   not null,
    advisor             varchar(64)  not null,
    offered             bigint       not null default 0,
    answered            bigint       not null default 0,
    answered_within_sla bigint       not null default 0,
    answer_wait_ms      bigint       not null default 0,
    abandoned           bigint       not null default 0,
    abandon_wait_ms     bigint       not null default 0,
    handled             bigint       not null default 0,
    talk_ms             bigint       not null default 0,
    hold_ms             bigint       not null default 0,
    wrap_ms             bigint       not null default 0,
    transfers           bigint       not null default 0,
    callbacks           bigint       not null default 0,
    primary key (interval_start, queue_id, channel, region, advisor)
);

-- Each advisor's time per interval: staffed (ready, reserved, busy or in wrap-up) and handling (busy or in wrap-up);
-- occupancy is handling / staffed.
create table advisor_interval (
    interval_start bigint      not null,
    advisor        varchar(64) not null,
    staffed_ms     bigint      not null default 0,
    handling_ms    bigint      not null default 0,
    primary key (interval_start, advisor)
);
