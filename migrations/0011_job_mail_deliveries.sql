-- Mail that an SMTP server has accepted, one row per e-mail job. The worker records the
-- delivery right after the server's 250, in its own transaction, and checks for it before
-- sending: a job retried after that point (a crash between the send and the completion) does not
-- send the same message again. Between the 250 and this insert the guarantee is at-least-once,
-- and the Message-ID derived from the job lets a mail system recognise the duplicate.
-- Platform table like `jobs`: keyed by the job, no row-level security.

CREATE TABLE job_mail_deliveries (
    job_id      bigint PRIMARY KEY,
    tenant_id   uuid REFERENCES tenants (id),
    message_id  text NOT NULL CHECK (length(message_id) <= 250),
    recipients  integer NOT NULL CHECK (recipients > 0),
    sent_at     timestamptz NOT NULL DEFAULT now()
);

GRANT SELECT, INSERT ON job_mail_deliveries TO kinerja_app;
