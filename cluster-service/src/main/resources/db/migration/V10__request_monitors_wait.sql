-- Since when the change in flight has waited for the monitors (none answered its agent): it is tried again until
-- loligo.requests.map-timeout has passed since then, and only then fails.
ALTER TABLE request ADD COLUMN monitors_wait_since timestamptz;
