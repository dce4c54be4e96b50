-- How often the change in flight has been sent again for want of an answer: a command lost with a broker restart
-- is sent again under its first id, which an agent that did get it answers without running it twice.
ALTER TABLE request ADD COLUMN resends int NOT NULL DEFAULT 0;
