-- Password checks per account, counted before the check in one atomic statement (LoginThrottle): parallel
-- guesses cannot all pass a "fewer than 5 failures?" test before any of them is recorded. One row per account
-- key (SHA-256 of the email, as in login_failures); the window is fixed from the first counted attempt.
CREATE TABLE login_attempts (
    account_key  TEXT        PRIMARY KEY,
    attempts     INTEGER     NOT NULL,
    window_start TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_attempts_window_start ON login_attempts (window_start);

-- login_failures now serves the per-address slowdown only (account_key is kept for forensics).
COMMENT ON TABLE login_failures IS 'failed password checks, counted per client address for the login slowdown';
