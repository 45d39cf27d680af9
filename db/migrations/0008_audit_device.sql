-- Assembly Desk schema, version 8: the device a change came from, beside the person (the venue
-- link: several laptops on one file). Additive: rows written before stay NULL (unknown device).
ALTER TABLE audit_log ADD COLUMN device TEXT;
ALTER TABLE audit_log ADD COLUMN device_id TEXT;
