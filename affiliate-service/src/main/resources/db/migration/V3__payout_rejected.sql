-- payout.payout.rejected is kept too: the dashboard's `available` is payout-service's balance formula, in which a
-- requested payout is reserved until it is paid, failed or rejected.
ALTER TABLE payout_activity DROP CONSTRAINT payout_activity_status_check;
ALTER TABLE payout_activity ADD CONSTRAINT payout_activity_status_check
    CHECK (status IN ('REQUESTED', 'PAID', 'FAILED', 'REJECTED'));
