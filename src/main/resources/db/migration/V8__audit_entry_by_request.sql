-- audit <request id> reads one request's entries (module audit); the export and audit verify read in sequence order.

create index audit_entry_by_request on audit_entry (request_number);
