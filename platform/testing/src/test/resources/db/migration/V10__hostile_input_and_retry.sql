-- Text a client sent, stored as a service would store it (the hostile-input tests).
CREATE TABLE notes (
    id      BIGSERIAL PRIMARY KEY,
    text    TEXT NOT NULL,
    source  TEXT NOT NULL
);

-- Columns narrower than what a client may send, for the database's own data errors (SQLSTATE 22xxx).
CREATE TABLE short_notes (
    code  VARCHAR(10) NOT NULL,
    n     INT NOT NULL
);

-- Two rows two transactions lock in opposite order (the deadlock retry test).
CREATE TABLE counters (
    id     INT PRIMARY KEY,
    value  INT NOT NULL
);
