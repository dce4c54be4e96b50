-- A user's tokens are listed in creation order; their tokens and sessions all end when the password changes or the
-- user is deleted (the cascade from app_user): each is found by its user, not by a scan of every user's.
CREATE INDEX api_token_by_user ON api_token (user_id, created_at);
CREATE INDEX user_session_by_user ON user_session (user_id);
