/**
 * The tables the source's queries join, with the columns its result tables show, their types, keys and join
 * columns. Column names and types follow the eGain schema (`egpl_*`); only what the queries read is here.
 */
export const SCHEMA = `
CREATE TABLE egpl_routing_queue (
  queue_id   INTEGER PRIMARY KEY,
  queue_name TEXT    NOT NULL
);
CREATE TABLE egpl_user (
  user_id     INTEGER PRIMARY KEY,
  user_name   TEXT    NOT NULL UNIQUE,
  screen_name TEXT    NOT NULL,
  login_ip    TEXT
);
CREATE TABLE egpl_casemgmt_activity (
  activity_id         INTEGER PRIMARY KEY,
  case_id             INTEGER NOT NULL,
  activity_type       INTEGER NOT NULL,
  activity_status     INTEGER NOT NULL,
  activity_sub_status INTEGER NOT NULL,
  queue_id            INTEGER NOT NULL REFERENCES egpl_routing_queue (queue_id),
  assigned_to         INTEGER REFERENCES egpl_user (user_id),
  when_created        TEXT    NOT NULL, -- datetime as SQL Server prints it: yyyy-mm-dd hh:mm:ss.fff
  contact_point_data  TEXT    NOT NULL
);
CREATE INDEX activity_by_creation ON egpl_casemgmt_activity (when_created);
`;
