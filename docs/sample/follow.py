"""Follow the 100 sampled events of docs/sample-voa-events.md into a new coding.

Usage (from the repository root, PYTHONPATH=src), STORIES being voa_stories.jsonl of the
shared VOA development folder:
    dateline code STORIES > /tmp/sample/new.jsonl
    python docs/sample/follow.py docs/sample-voa-events.md /tmp/sample/new.jsonl

For each sampled event: "same" when the new coding still has it (same sentence, source,
code, target and flags), "changed" when the sentence has an event of the same source and
code that differs otherwise, "gone" when neither; the new events of its sentence are listed
for reading. The last line tallies verdict (right/wrong) by status.
"""

import json, re, sys


def cell_actor(cell):
    cell = cell.strip()
    if cell in ("—", ""):
        return None
    m = re.match(r"(\S+) \((.*)\)$", cell)
    return (m.group(1), m.group(2)) if m else (cell, "")


rows = []
for line in open(sys.argv[1]):
    m = re.match(r"\| (\d+) \| (\d+) \| (.*)$", line)
    if not m:
        continue
    cells = [c.strip() for c in m.group(3).split(" | ")]
    ev, src, act, tgt = cells[0], cells[1], cells[2], cells[3]
    verdict = cells[6]
    code = act.split()[0]
    rows.append(
        dict(
            n=int(m.group(1)),
            story=m.group(2),
            evidence=ev.rstrip(" …").strip(),
            source=cell_actor(src),
            code=code,
            flag="[" in act,
            target=cell_actor(tgt),
            verdict=verdict,
        )
    )

docs = {}
for line in open(sys.argv[2]):
    d = json.loads(line)
    docs[d["article"]["input_id"]] = d["events"]


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def actor(a):
    if a is None:
        return None
    return (a.get("code") or "(none)", a.get("text") or "implicit")


def flagged(e):
    return e.get("negated") or e.get("hypothetical")


tally = {}
for r in rows:
    evs = docs.get(r["story"], [])
    prefix = norm(r["evidence"])[:120]
    insent = [e for e in evs if norm(e["sentence"]["text"]).startswith(prefix[:100])]

    def same(e):
        return (
            e["cameo"]["code"] == r["code"]
            and actor(e["source"]) == r["source"]
            and actor(e.get("target")) == r["target"]
            and bool(flagged(e)) == r["flag"]
        )

    status = (
        "same"
        if any(same(e) for e in insent)
        else (
            "gone"
            if not any(
                actor(e["source"]) == r["source"] and e["cameo"]["code"] == r["code"]
                for e in insent
            )
            else "changed"
        )
    )
    right = r["verdict"] == "right"
    key = ("right" if right else "wrong", status)
    tally[key] = tally.get(key, 0) + 1
    if status != "same" or "-v" in sys.argv:
        print(
            f"#{r['n']} [{r['verdict']}] {status}: {r['source']} {r['code']}{' [flag]' if r['flag'] else ''} {r['target']}"
        )
        print("   ", r["evidence"][:150])
        for e in insent:
            fl = " [neg]" if e.get("negated") else ""
            fl += " [hyp]" if e.get("hypothetical") else ""
            print(
                f"    now: {actor(e['source'])} {e['cameo']['code']} {e['plover']['event']}{fl} {actor(e.get('target'))} trig={e['trigger']['text']}"
            )
print(json.dumps({f"{k[0]}/{k[1]}": v for k, v in sorted(tally.items())}))
