"""Defaults shared by the store and its command line (importing this is cheap)."""

DEFAULT_DB = "dateline.duckdb"

# Documents per transaction. Small enough that an interruption loses little work (at most
# one batch is coded again on resume), large enough to amortise the commit and the
# re-clustering of the touched dedup blocks.
DEFAULT_BATCH_SIZE = 50
