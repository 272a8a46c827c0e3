-- Expand-only (new tables; a replica of the previous version never reads them).
--
-- watchdog: the dead man's switch. Every firing Watchdog alert that reaches the Alertmanager webhook records a
-- heartbeat here (one row per watchdog, shared by all replicas); the watchdog check pages PagerDuty directly when
-- a watchdog has been silent for firebreak.watchdog.timeout, and resolves that page when heartbeats return.
-- missing_since is set while the page is open; episodes numbers the silences (outbox dedup keys).
CREATE TABLE watchdog (
    name              VARCHAR(255) PRIMARY KEY,
    labels            VARCHAR(4000) NOT NULL,
    first_seen_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL,
    missing_since     TIMESTAMP WITH TIME ZONE,
    episodes          INTEGER NOT NULL DEFAULT 0
);

-- job_lease: a scheduled job that must run on one replica at a time (e.g. the watchdog check) is claimed with
-- a conditional UPDATE on its row; whoever holds an unexpired lease runs it, another replica takes over after
-- the holder dies and its lease expires.
CREATE TABLE job_lease (
    job         VARCHAR(128) PRIMARY KEY,
    lease_owner VARCHAR(128),
    lease_until TIMESTAMP WITH TIME ZONE
);
