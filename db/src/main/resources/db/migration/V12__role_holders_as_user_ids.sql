-- Role holders are Slack user ids (issue 9, defect 7): /incident assign stored the mention "<@U123>", which the
-- API returned as is and the status card showed escaped. Strip the mention syntax from stored values.
UPDATE incident SET commander = SUBSTRING(commander, 3, LENGTH(commander) - 3) WHERE commander LIKE '<@%>';
UPDATE incident SET scribe = SUBSTRING(scribe, 3, LENGTH(scribe) - 3) WHERE scribe LIKE '<@%>';
UPDATE incident SET comms = SUBSTRING(comms, 3, LENGTH(comms) - 3) WHERE comms LIKE '<@%>';
