"""The bad-input corpus, generated in code (every text here was written for these tests).

``write_corpus(folder, secret, port)`` writes one file per hostile or malformed case and
returns what each must give. A case's outcome is one of:

- ``error``: a per-document error whose reason contains ``reason``;
- ``no_events``: either such an error or a document without events;
- ``valid``: an error or a document (events allowed): the output must just be sound.

``secret`` is a local file holding ``SECRET_MARKER``; the external-entity payloads point at
it and at a TCP port on loopback (``port``), where the tests listen for any connection.
"""

from __future__ import annotations

import gzip
import io
import json
import random
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

SECRET_MARKER = "SECRET-MARKER-7f3a9c"
# The size of the huge single-line files: ten times the default per-document limit.
HUGE_BYTES = 50 * 1024 * 1024
# Nesting depth of the deeply nested HTML and JSON cases.
DEEP = 100_000
# Words in the one-sentence article.
LONG_SENTENCE_WORDS = 2_000
# Paragraphs of the over-long article (about 1.2 million characters).
LONG_PARAGRAPHS = 3_000
# Decompressed size of the gzip bomb (compresses to about 0.1 % of it).
BOMB_BYTES = 200 * 1024 * 1024

GOOD_TEXT = """\
Japan and South Korea agree to resume security talks

TOKYO, March 14 (Dateline Wire) - Japan and South Korea signed an agreement on Tuesday to \
resume regular security talks, the foreign ministries of both countries said.

Japanese Foreign Minister Taro Kono met his South Korean counterpart Kang Kyung-wha in Tokyo, \
and the two ministers pledged to expand economic cooperation between their countries.

Officials said the next round of talks would be held in Seoul in May.
"""

# A paragraph that extracts as article text from any of the HTML cases.
_PARA = (
    "<p>The finance ministers of Chile and Peru met in Lima on Monday to discuss a new "
    "agreement on fishing rights, officials from both governments said after the meeting.</p>"
    "<p>The two delegations agreed to continue the negotiations next month in Santiago, "
    "according to a statement released by the Peruvian foreign ministry.</p>"
)

FOREIGN = {
    "fr": (
        "PARIS, 14 mars - Le ministre des Affaires étrangères a rencontré mardi son homologue "
        "allemand à Berlin pour discuter de la coopération économique entre les deux pays. "
        "Les deux gouvernements ont signé un accord sur le commerce et ont promis de renforcer "
        "leurs échanges dans les mois à venir, selon un communiqué publié après la réunion."
    ),
    "es": (
        "MADRID, 14 de marzo - El presidente del Gobierno se reunió el martes con el primer "
        "ministro de Portugal en Lisboa para hablar de la cooperación energética. Ambos países "
        "firmaron un acuerdo para ampliar las conexiones eléctricas y prometieron seguir "
        "negociando durante los próximos meses, según un comunicado oficial."
    ),
    "de": (
        "BERLIN, 14. März - Die Bundesregierung hat am Dienstag ein Abkommen mit Polen über die "
        "Zusammenarbeit im Energiebereich unterzeichnet. Der Außenminister traf seinen "
        "polnischen Amtskollegen in Warschau, und beide Seiten versprachen, die Gespräche über "
        "den Handel im Mai fortzusetzen."
    ),
    "ru": (
        "МОСКВА, 14 марта - Министр иностранных дел России во вторник встретился со своим "
        "казахстанским коллегой в Астане и обсудил вопросы торгового сотрудничества. Стороны "
        "подписали соглашение о расширении транзита грузов и договорились продолжить "
        "переговоры в мае."
    ),
    "ar": (
        "القاهرة، 14 مارس - التقى وزير الخارجية المصري يوم الثلاثاء نظيره الأردني في عمّان "
        "لبحث التعاون الاقتصادي بين البلدين. ووقع الجانبان اتفاقية لتوسيع التجارة واتفقا على "
        "مواصلة المحادثات في شهر مايو المقبل في القاهرة بحضور وفود من البلدين."
    ),
    "zh": (
        "北京3月14日电 外交部长星期二在北京会见了哈萨克斯坦外交部长，双方讨论了两国经贸合作问题，"
        "并签署了关于扩大过境运输的协议。双方同意于五月继续举行会谈。"
    ),
}
JAPANESE = (
    "東京3月14日 日本の外務大臣は火曜日、韓国の外務大臣と東京で会談し、"
    "安全保障協議の再開で合意した。"
)

NAMES = [
    "Vladimir Putin", "Xi Jinping", "Narendra Modi", "Recep Tayyip Erdogan", "Emmanuel Macron",
    "Angela Merkel", "Shinzo Abe", "Moon Jae-in", "Hassan Rouhani", "Nursultan Nazarbayev",
    "Kassym-Jomart Tokayev", "Sooronbay Jeenbekov", "Shavkat Mirziyoyev", "Imran Khan",
    "Jacinda Ardern", "Justin Trudeau", "Cyril Ramaphosa", "Muhammadu Buhari", "Abiy Ahmed",
    "Benjamin Netanyahu", "Mahmoud Abbas", "Ashraf Ghani",
]  # fmt: skip

HEADLINES = [
    "Record year for trade across the Khorgos border crossing",
    "Tensions in the South China Sea",
    "A new pipeline for Central Asian gas",
    "Moscow and Kyiv: no end in sight",
    "The price of oil after the Vienna meeting",
    "Elections in Brazil, a country divided",
    "Record turnout in the Kenyan vote",
    "A summit without results",
    "Floods in the Ganges delta",
    "Winter in the Donbas",
]

TABLE_ROWS = [
    ("Country", "Exports", "Imports", "Balance", "Share"),
    ("Kazakhstan", "12.4", "8.1", "4.3", "1.2%"),
    ("China", "2,100.5", "1,800.2", "300.3", "14.5%"),
    ("Russia", "420.1", "260.3", "159.8", "2.9%"),
    ("Kyrgyzstan", "1.9", "4.8", "-2.9", "0.1%"),
    ("Uzbekistan", "14.2", "17.9", "-3.7", "0.2%"),
    ("Turkmenistan", "9.8", "3.1", "6.7", "0.1%"),
    ("Mongolia", "7.0", "5.9", "1.1", "0.1%"),
]


@dataclass
class Case:
    name: str  # file name inside the corpus folder
    outcome: str  # error | no_events | valid
    reason: str = ""  # for "error": a substring of the per-document error reason
    note: str = ""
    # Documents a multi-document file (JSONL, WARC) must still yield as articles.
    articles: int = 0
    extra: dict[str, object] = field(default_factory=dict)


@dataclass
class Corpus:
    folder: Path
    secret: Path  # a local file holding SECRET_MARKER
    cases: dict[str, Case]


@dataclass
class Listener:
    """A TCP port on 127.0.0.1; ``connections`` lists every peer that connected."""

    port: int
    connections: list[tuple[str, int]] = field(default_factory=list)


def _html(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>Talks</title></head><body>{body}</body></html>"


def _write(folder: Path, name: str, data: bytes | str) -> None:
    path = folder / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)


def _write_huge_line(path: Path, prefix: bytes, unit: bytes, suffix: bytes) -> None:
    """One line of about HUGE_BYTES, written in chunks (never held in memory whole)."""
    chunk = unit * (1024 * 1024 // len(unit))
    with open(path, "wb") as fh:
        fh.write(prefix)
        for _ in range(HUGE_BYTES // len(chunk)):
            fh.write(chunk)
        fh.write(suffix)


def _gzip_bomb(path: Path) -> None:
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b"war " * (1024 * 1024 // 4)
    with open(path, "wb") as fh:
        for _ in range(BOMB_BYTES // len(chunk)):
            fh.write(comp.compress(chunk))
        fh.write(comp.flush())


def long_sentence(words: int = LONG_SENTENCE_WORDS) -> str:
    """One sentence of ``words`` words: clauses joined by commas, no full stop until the end."""
    clauses = [
        "the foreign minister of Kazakhstan met the Chinese ambassador in Astana",
        "officials from both countries discussed transit fees for freight trains",
        "a delegation from Kyrgyzstan joined the talks on water sharing",
        "the Russian envoy urged restraint on the border",
        "negotiators from Uzbekistan praised the plan for a new railway",
        "the delegates reviewed the customs rules",
    ]
    out: list[str] = []
    i = 0
    while len(out) < words:
        out.extend((clauses[i % len(clauses)] + (", and" if i % 2 else ",")).split())
        i += 1
    return " ".join(out[:words]).rstrip(",") + "."


def _warc(records: list[tuple[str, bytes]], gz: bool) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for uri, body in records:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        rec = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(rec)
    return buf.getvalue()


def xxe_payloads(secret: Path, port: int) -> dict[str, str]:
    """HTML/XHTML pages with external entities, external DTDs and XInclude pointing at the
    secret file and at the loopback port: none of them may ever be fetched or expanded."""
    file_url = secret.resolve().as_uri()
    net = f"http://127.0.0.1:{port}"
    return {
        "xxe_file.html": (
            f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "{file_url}">]>\n'
            f"<html><body><article><p>Leak: &xxe;</p>{_PARA}</article></body></html>"
        ),
        "xxe_file.xhtml": (
            '<?xml version="1.0" encoding="utf-8"?>\n'
            f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "{file_url}">]>\n'
            '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Talks</title></head><body>'
            "<article>"
            f"<p>Leak: &xxe;</p>{_PARA}</article></body></html>"
        ),
        "xxe_net.html": (
            f'<!DOCTYPE html [<!ENTITY net SYSTEM "{net}/entity">]>\n'
            f"<html><body><article><p>Fetched: &net;</p>{_PARA}</article></body></html>"
        ),
        "xxe_param.xhtml": (
            '<?xml version="1.0"?>\n'
            f'<!DOCTYPE html [<!ENTITY % remote SYSTEM "{net}/evil.dtd"> %remote;'
            f'<!ENTITY % file SYSTEM "{file_url}">]>\n'
            '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Talks</title></head><body>'
            "<article>"
            f"{_PARA}</article></body></html>"
        ),
        "xxe_dtd.xhtml": (
            '<?xml version="1.0"?>\n'
            f'<!DOCTYPE html SYSTEM "{net}/xhtml.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Talks</title></head><body>'
            "<article>"
            f"{_PARA}</article></body></html>"
        ),
        "xinclude.xhtml": (
            '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml" '
            'xmlns:xi="http://www.w3.org/2001/XInclude"><head><title>Talks</title></head><body>'
            "<article>"
            f'<p><xi:include href="{file_url}" parse="text"/></p>'
            f'<p><xi:include href="{net}/include" parse="text"/></p>'
            f"{_PARA}</article></body></html>"
        ),
        "xxe_jsonl.jsonl": json.dumps(
            {
                "id": "xxe-in-record",
                "html": f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "{file_url}">]>'
                f"<html><body><article><p>&xxe;</p>{_PARA}</article></body></html>",
            }
        )
        + "\n",
    }


def _laughs(levels: int = 10, fan: int = 10, xhtml: bool = True) -> str:
    ents = ['<!ENTITY lol0 "lol">']
    for i in range(1, levels):
        ents.append(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * fan}">')
    decl = '<?xml version="1.0"?>\n' if xhtml else ""
    ns = ' xmlns="http://www.w3.org/1999/xhtml"' if xhtml else ""
    return (
        f"{decl}<!DOCTYPE html [\n" + "\n".join(ents) + "\n]>\n"
        f"<html{ns}><head><title>Talks</title></head><body><article><p>&lol{levels - 1};</p>"
        f"{_PARA}</article></body></html>"
    )


def write_corpus(folder: Path, secret: Path, port: int) -> dict[str, Case]:
    """Write every case into ``folder`` (created); return the cases by file name."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20240614)
    cases: list[Case] = []

    def add(name: str, data: bytes | str, outcome: str, reason: str = "", **kw: object) -> None:
        _write(folder, name, data)
        cases.append(Case(name, outcome, reason, **kw))  # type: ignore[arg-type]

    # --- empty, huge, binary ------------------------------------------------------------
    add("empty.txt", b"", "error", "empty file")
    add("whitespace.txt", b" \n\t\r\n  \n", "error", "empty file")
    _write_huge_line(folder / "huge_line.txt", b"", b"word ", b"")
    cases.append(Case("huge_line.txt", "error", "larger than the limit"))
    _write_huge_line(
        folder / "huge_line.jsonl", b'{"text": "', b"word ", b'"}\n' + _record_line("after-huge")
    )
    cases.append(Case("huge_line.jsonl", "error", "larger than the limit", articles=1))
    _gzip_bomb(folder / "bomb.txt.gz")
    cases.append(Case("bomb.txt.gz", "error", "larger than the limit"))
    add("random.txt", rng.randbytes(64 * 1024), "error", "binary")
    add("program", b"\x7fELF\x02\x01\x01\x00" + rng.randbytes(4096), "error", "binary")
    add("image.html", b"\x89PNG\r\n\x1a\n" + rng.randbytes(2048), "error")
    add("truncated.txt.gz", gzip.compress(GOOD_TEXT.encode() * 20)[:300], "error", "gzip")

    # --- encodings ----------------------------------------------------------------------
    add("utf16_bom.txt", GOOD_TEXT.replace("Japan", "Nippon").encode("utf-16"), "valid")
    # Without a byte-order mark, UTF-16 is sniffed, not refused as binary (issue #20).
    nobom = GOOD_TEXT.replace("Japan", "Nihon")
    add("utf16_nobom.txt", nobom.encode("utf-16-le"), "valid", extra={"contains": "Nihon"})
    stray = GOOD_TEXT.replace("Korea", "Kor\x00ea", 1).encode()
    add("stray_nul.txt", stray, "valid", extra={"contains": "South Korea"})
    cp1252 = (
        "São Tomé and Príncipe signed a “maritime cooperation” accord with Angola on Monday, "
        "the São Tomé foreign ministry said in a statement issued in the capital – and the "
        "two governments promised further talks on fisheries before the end of the year."
    )
    add("cp1252.txt", cp1252.encode("cp1252"), "valid", extra={"contains": "São Tomé"})
    mixed = (
        "Müller, the German envoy, met officials in Zürich on Monday to discuss the "
        "sanctions regime and the export controls that Berlin wants to tighten.\n\n"
    ).encode() + (
        "The Swiss “neutrality” debate continued – officials in Geneva said the talks "
        "would resume after the holidays, according to a spokesman for the ministry."
    ).encode("cp1252")
    add("mixed_utf8_cp1252.txt", mixed, "valid", extra={"contains": "Zürich"})
    add(
        "declared_utf8_is_cp1252.html",
        _html(_PARA.replace("Peru", "Perú"), '<meta charset="utf-8">').encode("cp1252"),
        "valid",
    )
    add("unknown_charset.html", _html(_PARA, '<meta charset="x-no-such-charset">'), "valid")
    add("shift_jis.txt", (JAPANESE * 4).encode("shift_jis"), "no_events")
    surrogates = b"\xed\xa0\x80\xed\xbf\xbf\xc0\xaf"  # UTF-8-encoded surrogates, overlong "/"
    add("bad_utf8_surrogates.txt", GOOD_TEXT.encode() + surrogates, "valid")
    add("late_nul.txt", (GOOD_TEXT * 40 + "\x00\x00 trailing").encode(), "valid")
    add("zalgo.txt", "".join(c + "\u0301\u0316\u0327" * 8 for c in GOOD_TEXT), "valid")
    add(
        "bidi_zero_width.txt",
        GOOD_TEXT.replace(" ", " \u200b\u202e").replace("a", "a\u200d\ufeff"),
        "valid",
    )

    # --- HTML: deep nesting, entity expansion, external entities ------------------------
    add("nested_divs.html", _html("<div>" * DEEP + _PARA + "</div>" * DEEP), "valid")
    add("nested_unclosed.html", _html("<div><span><b>" * (DEEP // 3) + _PARA), "valid")
    add("nested_tables.html", _html("<table><tr><td>" * (DEEP // 3) + _PARA), "valid")
    add("laughs.xhtml", _laughs(), "valid", extra={"max_lol": 20})
    add("laughs.html", _laughs(xhtml=False), "valid", extra={"max_lol": 20})
    add("quadratic_blowup.html", _quadratic(), "valid", extra={"max_body": 100_000})
    for name, text in xxe_payloads(secret, port).items():
        add(name, text, "valid")
    add("truncated.html", _html(_PARA * 5)[:-200], "error", "truncated HTML")
    add("not_html.html", "just some words that are not markup at all " * 10, "error")

    # --- JSONL --------------------------------------------------------------------------
    broken = b"".join(
        [
            _record_line("first"),
            b'{"text": "an unterminated record\n',
            b"12345\n",
            b'["an", "array", "not", "a", "record"]\n',
            b'{"title": "a record without text"}\n',
            b'{"text": 42}\n',
            rng.randbytes(200).replace(b"\n", b"") + b"\n",
            b"[" * DEEP + b"]" * DEEP + b"\n",
            b'{"text": ' + b'{"a": ' * DEEP + b"1" + b"}" * DEEP + b"}\n",
            b"\n\n",
            _record_line("last"),
        ]
    )
    add("broken.jsonl", broken, "error", "invalid JSON", articles=2)
    add("deep_array.json", b"[" * DEEP + b"]" * DEEP, "error", "invalid JSON")

    # --- WARC ---------------------------------------------------------------------------
    page = _html(_PARA).encode()
    for gz in (False, True):
        first = _warc([("https://example.org/a", page)], gz)
        second = _warc([("https://example.org/b", page * 3)], gz)
        ext = "warc.gz" if gz else "warc"
        cut = first + second[: len(second) // 2]  # the second record ends mid-payload
        add(f"truncated.{ext}", cut, "error", "truncated", articles=1)
    # A Content-Length 10 bytes short: warcio warns on stderr (silenced; the page is cut).
    both = _warc([("https://example.org/d", page), ("https://example.org/e", page)], False)
    length = both.index(b"Content-Length: ") + len(b"Content-Length: ")
    digits = both[length:].split(b"\r\n", 1)[0]
    short = str(int(digits) - 10).encode()
    add("short_length.warc", both[:length] + short + both[length + len(digits) :], "error",
        "truncated HTML", articles=1)  # fmt: skip
    add("garbage.warc", b"WARC/1.0\r\n" + rng.randbytes(5000), "error", "WARC")
    add(
        "bad_length.warc",
        _warc([("https://example.org/c", page)], False).replace(
            b"Content-Length: ", b"Content-Length: 99999", 1
        ),
        "error",
    )

    # --- text that is not news prose ----------------------------------------------------
    for lang, text in FOREIGN.items():
        add(f"foreign_{lang}.txt", text, "no_events", extra={"lang": lang})
    add("no_sentences.txt", " ".join(str(rng.randint(0, 10**6)) for _ in range(400)), "no_events")
    add("punctuation.txt", "--- *** ### ... !!! ??? ;;; ::: " * 50, "no_events")
    add("emoji.txt", "🌍🔥✈️💬 " * 300, "no_events")
    add("long_sentence.txt", long_sentence(), "valid")
    # Over a million characters (spaCy's own limit) yet under the byte limit of one document.
    paragraphs = [
        f"{GOOD_TEXT}\nParagraph {i} of the long report.\n" for i in range(LONG_PARAGRAPHS)
    ]
    add("long_article.txt", "\n".join(paragraphs), "valid")
    add("table.txt", "\n".join(" | ".join(r) for r in TABLE_ROWS), "no_events")
    add("table_flat.txt", " ".join(" ".join(r) for r in TABLE_ROWS * 3), "no_events")
    add("allcaps.txt", GOOD_TEXT.upper(), "valid")
    add("names.txt", "\n".join(NAMES), "no_events")
    add("names_inline.txt", ", ".join(NAMES) + ".", "no_events")
    add("headlines.txt", "\n\n".join(HEADLINES), "no_events")
    add("one_word_lines.txt", "\n".join(GOOD_TEXT.split()), "valid")
    add("many_short_lines.txt", "\n".join(f"Item {i}." for i in range(20_000)), "no_events")
    return {c.name: c for c in cases}


def _record_line(rid: str) -> bytes:
    return (json.dumps({"id": rid, "text": GOOD_TEXT, "published": "2018-03-14"}) + "\n").encode()


def _quadratic() -> str:
    """The "quadratic blowup": one large entity referenced many times (no nesting)."""
    big = "x" * 50_000
    return (
        f'<!DOCTYPE html [<!ENTITY big "{big}">]>\n<html><body><article><p>'
        + "&big;" * 10_000
        + f"</p>{_PARA}</article></body></html>"
    )
