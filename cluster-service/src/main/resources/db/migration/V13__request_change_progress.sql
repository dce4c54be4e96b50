-- How far the change in flight got, in percent, as its agent reports it: librbd's long changes (flatten, copy,
-- rollback, removal) run for minutes, and the request's progress follows them.
ALTER TABLE request ADD COLUMN change_percent int;
