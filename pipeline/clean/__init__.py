"""Clean: raw HTML (or plain text) -> article text and metadata, or a reason to reject it
(`page`)."""
