"""Draw the 100-event sample of docs/sample-voa-events.md.

Usage (from the repository root, PYTHONPATH=src), STORIES being voa_stories.jsonl of the
shared VOA development folder:
    dateline code STORIES > /tmp/sample/voa.jsonl
    python docs/sample/draw.py /tmp/sample/voa.jsonl > /tmp/sample/drawn.jsonl

Population: every event `dateline code` outputs (the 481 the summary line counts and
`eval articles` counts as events), negated and hypothetical ones included, in output
order: stories in file order, events in each story's order. Seed 2026, uniform, no repeats.
"""

import json
import random
import sys

pairs = []
with open(sys.argv[1]) as lines:
    for line in lines:
        doc = json.loads(line)
        pairs += [(doc["article"], event) for event in doc["events"]]

for article, event in random.Random(2026).sample(pairs, 100):
    print(
        json.dumps(
            {"story": article["input_id"], "published": article["published"], "event": event}
        )
    )
