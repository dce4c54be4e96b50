-- The request list across clusters, newest first, as the API pages it: one index scan per page.
CREATE INDEX request_by_time ON request (requested_at DESC, id DESC);
