"""An independent corpus generator for ringtrace (issue 15): documents, registry, ledger and
truth written from the domain notes, not from ``ringtrace synth``. Nothing is tuned on it; it
exists to find where parsing, resolution and detection break on data ringtrace did not write.
``python -m tools.altcorpus --seed N --out DIR``."""
