-- Client-side rate budgets shared by every replica (issue 11): one row per budget (a Slack method, a Slack channel,
-- a PagerDuty routing key). A budget is a token bucket kept as GCRA: tat_ms is the "theoretical arrival time" in
-- epoch milliseconds; a call is allowed when the bucket, after taking it, is not deeper than its burst. Taking is one
-- conditional UPDATE, so replicas never hand out the same slot twice. held_until_ms is a vendor's 429 Retry-After,
-- shared by all replicas. booked_ms is the last slot promised to a waiting caller of a one-at-a-time budget.
-- Rows idle for an hour are purged; a missing row is a full bucket.
CREATE TABLE rate_budget (
    budget_key         VARCHAR(300) PRIMARY KEY,
    tat_ms             BIGINT NOT NULL,
    held_until_ms      BIGINT NOT NULL DEFAULT 0,
    booked_ms          BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX ix_rate_budget_tat ON rate_budget (tat_ms);

-- A slot promised to a caller that had to wait (an outbox task): it was paid for when promised, so at slot_ms the
-- caller goes without asking again, and waiting callers wake once, in turn, instead of all at every free slot.
CREATE TABLE rate_reservation (
    budget_key         VARCHAR(300) NOT NULL,
    holder             VARCHAR(100) NOT NULL,
    slot_ms            BIGINT NOT NULL,
    PRIMARY KEY (budget_key, holder)
);
CREATE INDEX ix_rate_reservation_slot ON rate_reservation (slot_ms);
