-- Alert intake: incident.service/team/cluster/namespace are copied from Alertmanager's commonLabels, which are
-- untrusted text of any length. A label value longer than 255 characters must not make a notification fail
-- (Alertmanager would re-send it forever), so these columns take text of any length.
ALTER TABLE incident ALTER COLUMN service SET DATA TYPE VARCHAR;
ALTER TABLE incident ALTER COLUMN team SET DATA TYPE VARCHAR;
ALTER TABLE incident ALTER COLUMN cluster SET DATA TYPE VARCHAR;
ALTER TABLE incident ALTER COLUMN namespace SET DATA TYPE VARCHAR;
