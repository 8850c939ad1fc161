"""ringtrace."""
