-- Incident numbers without gaps (issue 9, defect 6). A sequence hands out a number to every attempt, also to
-- the duplicate HA delivery that then loses on uq_incident_open_correlation and to transactions that roll
-- back, so numbers skipped. The counter row is incremented inside the transaction that inserts the incident:
-- a rollback gives the number back, and concurrent openers queue on the row lock (short: one intake
-- transaction). The sequence stays for old deployments' sake but is no longer used.
CREATE TABLE incident_counter (
    id                 INTEGER PRIMARY KEY,
    last_number        BIGINT NOT NULL
);
INSERT INTO incident_counter (id, last_number) SELECT 1, COALESCE(MAX(number), 0) FROM incident;
