"""The bad-input corpus (``reliability_corpus``): empty, huge and binary files, wrong and
mixed encodings, deeply nested HTML, entity expansion and external entities, broken JSONL,
truncated WARC, other languages, text that is not prose.

Each document gives a per-document error or an (event-less) result, the batch goes on, and
nothing is fetched: no external entity is resolved, no file is read on a page's say-so, no
connection is attempted. Checked twice: through the readers in this process, and through
``dateline code`` in a subprocess capped at ``MEMORY_CAP`` of address space and given
``CLI_TIMEOUT`` seconds (a hang guard), under an audit hook (``guarded.py``) and, when it is
installed, strace.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from reliability_corpus import GOOD_TEXT, SECRET_MARKER, Case, Corpus, Listener
from reliability_docs import offset_problems

from dateline.cli.code import SUMMARY_PREFIX
from dateline.errors import InputError
from dateline.ingest import read_inputs
from dateline.model import Article, output_schema

# Address space of the whole `dateline code` run (spaCy model, 50 MB inputs, a gzip bomb).
MEMORY_CAP = 2 * 1024**3
CLI_TIMEOUT = 900  # seconds: a hang guard for the whole corpus, not a speed requirement
GUARDED = Path(__file__).with_name("guarded.py")
# What follows a file name in the origin of one document of a multi-document file.
_RECORD_SEPARATORS = (":", "#", "[")


def case_of(origin: str, folder: Path, cases: dict[str, Case]) -> str | None:
    """The corpus file a document or error came from (origins name file and record)."""
    for name in sorted(cases, key=len, reverse=True):  # "a.warc.gz" before "a.warc"
        path = str(folder / name)
        if origin == path or origin.startswith(tuple(path + s for s in _RECORD_SEPARATORS)):
            return name
    return None


def _read_problems(case: Case, path: Path, out: list[Any]) -> list[str]:
    problems: list[str] = []
    articles = [o for o in out if isinstance(o, Article)]
    errors = [o for o in out if isinstance(o, InputError)]
    if not out or len(articles) + len(errors) != len(out):
        problems.append(f"expected Articles and InputErrors, got {out!r:.200}")
    problems += [f"error names {e.origin}" for e in errors if not e.origin.startswith(str(path))]
    if case.outcome == "error":
        if not any(case.reason.lower() in e.reason.lower() for e in errors):
            problems.append(f"no error saying {case.reason!r}: {[e.reason for e in errors]}")
        if len(articles) != case.articles:
            problems.append(f"{len(articles)} articles, expected {case.articles}")
    for art in articles:
        text = f"{art.title or ''}\n{art.body}"
        if SECRET_MARKER in text:
            problems.append("the secret file's content is in the article")
        max_lol = case.extra.get("max_lol")
        if isinstance(max_lol, int) and text.count("lol") > max_lol:
            problems.append(f"entities expanded: 'lol' {text.count('lol')} times")
        max_body = case.extra.get("max_body")
        if isinstance(max_body, int) and len(art.body) > max_body:
            problems.append(f"entities expanded: a body of {len(art.body)} characters")
        contains = case.extra.get("contains")
        if isinstance(contains, str) and contains not in art.body:
            problems.append(f"{contains!r} was not decoded right: {art.body[:120]!r}")
        if "lang" in case.extra and art.language == "en":
            problems.append("a foreign text was taken for English")
    return problems


def test_readers_give_an_error_or_an_article_per_document(
    corpus: Corpus, listener: Listener
) -> None:
    problems = []
    for name, case in sorted(corpus.cases.items()):
        path = corpus.folder / name
        out = list(read_inputs([str(path)]))
        problems += [f"{name}: {p}" for p in _read_problems(case, path, out)]
    assert problems == []
    assert listener.connections == []


def test_one_pass_over_the_folder_reads_every_file_in_order(corpus: Corpus) -> None:
    """The whole corpus as one input: every file is accounted for and the good file after
    all the bad ones is read."""
    good = corpus.folder.parent / "zz-good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    out = list(read_inputs([str(corpus.folder), str(good)]))
    seen = {case_of(o.origin or "", corpus.folder, corpus.cases) for o in out}
    # A folder walk reads news formats only: "program" (no suffix) is read, and so is all else.
    assert seen - {None} == set(corpus.cases)
    assert isinstance(out[-1], Article) and out[-1].origin == str(good)


def test_globs_stop_at_symlinked_folders(tmp_path: Path) -> None:
    """Links back to a parent folder: ``**`` must neither loop nor read a file twice (the
    standard glob follows them and, with three links, enumerates 3**40 paths)."""
    news = tmp_path / "news"
    (news / "sub").mkdir(parents=True)
    (news / "a.txt").write_text(GOOD_TEXT)
    (news / "sub" / "b.txt").write_text(GOOD_TEXT.replace("Japan", "Nippon"))
    for i in range(3):
        (news / "sub" / f"up{i}").symlink_to("..")
    expected = [str(news / "a.txt"), str(news / "sub" / "b.txt")]
    code = (
        "import sys, json; from dateline.ingest import read_inputs; "
        "print(json.dumps([o.origin for o in read_inputs(sys.argv[1:2])]))"
    )
    for pattern in (news / "**", news / "**" / "*.txt", news / "*" / "*.txt", news):
        result = subprocess.run(
            [sys.executable, "-c", code, str(pattern)],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        origins = json.loads(result.stdout)
        assert sorted(origins) == (expected if pattern != news / "*" / "*.txt" else expected[1:])


# --- the same corpus through `dateline code` --------------------------------------------


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


@dataclass
class CodedRun:
    returncode: int
    stderr: str
    stdout: str
    documents: list[dict[str, Any]]
    output_text: str
    good: Path
    strace_log: Path | None


@pytest.fixture(scope="module")
def coded_run(
    corpus: Corpus, listener: Listener, tmp_path_factory: pytest.TempPathFactory
) -> CodedRun:
    work = tmp_path_factory.mktemp("coded-run")
    good = work / "zz-good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    out = work / "out.jsonl"
    args = [
        sys.executable, str(GUARDED), str(corpus.secret),
        "code", "--workers", "1", "--published", "2018-03-14", "-o", str(out),
        str(corpus.folder), str(good),
    ]  # fmt: skip
    log = None
    if shutil.which("strace"):
        log = work / "strace.log"
        trace = "trace=connect,open,openat,openat2"
        args = ["strace", "-f", "-qq", "--seccomp-bpf", "-e", trace, "-o", str(log), *args]
    result = subprocess.run(
        args,
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT,
        preexec_fn=_cap_memory,  # noqa: PLW1509 - no threads started before the fork
        check=False,
        # pyarrow's default allocator (mimalloc) reserves 1 GiB of address space it never
        # touches, which RLIMIT_AS counts; the system allocator makes the cap measure use.
        env={**os.environ, "ARROW_DEFAULT_MEMORY_POOL": "system"},
    )
    text = out.read_text(encoding="utf-8") if out.exists() else ""
    docs = [json.loads(line) for line in text.splitlines() if line.strip()]
    return CodedRun(result.returncode, result.stderr, result.stdout, docs, text, good, log)


def test_code_survives_the_corpus_and_codes_the_good_file(coded_run: CodedRun) -> None:
    assert "Traceback" not in coded_run.stderr, coded_run.stderr[-3000:]
    assert coded_run.returncode == 1, coded_run.stderr[-3000:]  # 1: some inputs failed
    last = coded_run.documents[-1]
    assert last["article"]["origin"] == str(coded_run.good)
    assert {(e["cameo"]["code"], e["source"]["country"], e["target"]["country"])
            for e in last["events"]} >= {("057", "JPN", "KOR")}  # fmt: skip


def test_every_bad_document_is_an_error_line_or_an_empty_result(
    corpus: Corpus, coded_run: CodedRun
) -> None:
    errors: dict[str, list[str]] = {}
    lines = coded_run.stderr.splitlines()
    assert lines and lines[-1].startswith(SUMMARY_PREFIX), "the run's summary line is missing"
    for line in lines[:-1]:
        assert line.startswith("dateline: "), f"not one error per line: {line!r}"
        origin_and_reason = line.removeprefix("dateline: ")
        name = next(
            (n for n in sorted(corpus.cases, key=len, reverse=True)
             if origin_and_reason.startswith(str(corpus.folder / n))),
            None,
        )  # fmt: skip
        assert name is not None, f"an error line naming no input: {line!r}"
        errors.setdefault(name, []).append(origin_and_reason)
    docs: dict[str, list[dict[str, Any]]] = {}
    for doc in coded_run.documents[:-1]:
        name = case_of(doc["article"]["origin"], corpus.folder, corpus.cases)
        assert name is not None, doc["article"]["origin"]
        docs.setdefault(name, []).append(doc)

    problems = []
    for name, case in sorted(corpus.cases.items()):
        got_docs, got_errors = docs.get(name, []), errors.get(name, [])
        if not got_docs and not got_errors:
            problems.append(f"{name}: neither a document nor an error came out")
        if case.outcome == "error":
            if not any(case.reason.lower() in e.lower() for e in got_errors):
                problems.append(f"{name}: no error saying {case.reason!r}: {got_errors}")
            if len(got_docs) != case.articles:
                problems.append(f"{name}: {len(got_docs)} documents, expected {case.articles}")
        if case.outcome == "no_events":
            problems += [
                f"{name}: events from text that holds none: "
                + ", ".join(f"{e['cameo']['code']} {e['trigger']['text']!r}" for e in d["events"])
                for d in got_docs
                if d["events"]
            ]
        if "lang" in case.extra:
            problems += [
                f"{name}: a foreign text was coded ({d['warnings']})"
                for d in got_docs
                if d["events"] or not any("not English" in w for w in d["warnings"])
            ]
    assert problems == []


def test_coded_output_is_sound(coded_run: CodedRun) -> None:
    validator = jsonschema.Draft202012Validator(output_schema())
    problems = []
    for doc in coded_run.documents:
        origin = doc["article"]["origin"]
        problems += [f"{origin}: {e.message}" for e in validator.iter_errors(doc)]
        problems += [f"{origin}: {p}" for p in offset_problems(doc)]
    assert problems == []


def test_nothing_was_fetched_or_leaked(
    corpus: Corpus, listener: Listener, coded_run: CodedRun
) -> None:
    assert "GUARD:" not in coded_run.stderr, [
        line for line in coded_run.stderr.splitlines() if "GUARD:" in line
    ]
    for text in (coded_run.output_text, coded_run.stdout, coded_run.stderr):
        assert SECRET_MARKER not in text
    assert listener.connections == []
    if coded_run.strace_log is not None:
        calls = coded_run.strace_log.read_text(errors="replace").splitlines()
        assert [c for c in calls if "connect(" in c and "AF_INET" in c] == []
        assert [c for c in calls if str(corpus.secret) in c] == []
    # And the corpus really did point at them.
    assert any(str(corpus.secret.resolve().as_uri()) in p.read_text(errors="replace")
               for p in corpus.folder.glob("xxe*"))  # fmt: skip
    assert os.path.exists(corpus.secret)
