"""Draw the 100-event samples of docs/sample-voa-events.md, -2.md and -3.md.

Usage (from the repository root, PYTHONPATH=src), STORIES being voa_stories.jsonl of the
shared VOA development folder:
    dateline code STORIES > /tmp/sample/voa.jsonl
    python docs/sample/draw.py /tmp/sample/voa.jsonl > /tmp/sample/drawn.jsonl
    python docs/sample/draw.py /tmp/sample/voa.jsonl --seed 2027   # the second sample
    python docs/sample/draw.py /tmp/sample/voa.jsonl --seed 2028   # the third sample

Population: every event `dateline code` outputs (the events the summary line counts and
`eval articles` counts as events), negated and hypothetical ones included, in output
order: stories in file order, events in each story's order. Uniform, no repeats; seed 2026
(the first sample) unless --seed is given (2027 the second, 2028 the third).
"""

import argparse
import json
import random

parser = argparse.ArgumentParser()
parser.add_argument("coded", help="output of dateline code (one JSON document a line)")
parser.add_argument("--seed", type=int, default=2026)
parser.add_argument("-n", type=int, default=100)
args = parser.parse_args()

pairs = []
with open(args.coded) as lines:
    for line in lines:
        doc = json.loads(line)
        pairs += [(doc["article"], event) for event in doc["events"]]

for article, event in random.Random(args.seed).sample(pairs, args.n):
    print(
        json.dumps(
            {"story": article["input_id"], "published": article["published"], "event": event}
        )
    )
