-- The talk's fraud query on Flink SQL: more than 3 attempts per card in a 5-minute tumbling window.
-- Run it headless: ./streamlab sql lessons/sql/possible-fraud.sql --demo-data
-- streamlab adds the cluster's address to each Kafka table; a headless run reads every topic up to its end, then stops.

CREATE TABLE authorization_attempts (
  attempt_id STRING,
  card_number STRING,
  amount DECIMAL(10, 2),
  merchant STRING,
  `timestamp` TIMESTAMP_LTZ(3),
  WATERMARK FOR `timestamp` AS `timestamp` - INTERVAL '1' MINUTE
) WITH (
  'connector' = 'kafka',
  'topic' = 'authorization_attempts',
  'scan.startup.mode' = 'earliest-offset',
  'scan.watermark.emit.strategy' = 'on-event',
  'format' = 'json',
  'json.timestamp-format.standard' = 'ISO-8601'
);

SELECT card_number, window_start, window_end, COUNT(*) AS attempts
FROM TABLE(TUMBLE(TABLE authorization_attempts, DESCRIPTOR(`timestamp`), INTERVAL '5' MINUTES))
GROUP BY window_start, window_end, card_number
HAVING COUNT(*) > 3;
