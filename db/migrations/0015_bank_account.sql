-- Assembly Desk schema: a bank account for the per-diem payments. The IBAN is stored compact
-- (no spaces, capitals) after the API's check (main/domain/recruitment/iban.ts), and only with
-- the date on which the person agreed to its use for the payments. Personal data: an erasure
-- blanks both (main/services/people.ts, db/erasure.ts for the backups).
ALTER TABLE people ADD COLUMN iban TEXT CHECK (iban IS NULL OR (length(iban) BETWEEN 15 AND 34 AND iban = upper(iban)));
ALTER TABLE people ADD COLUMN iban_consent_date TEXT;
