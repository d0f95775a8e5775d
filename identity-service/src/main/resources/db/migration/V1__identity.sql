-- Schema "identity": the service's own tables start here. Platform tables (outbox, inbox) come from db/platform.
SELECT 1;
