"""Run the fuzz harnesses one after the other (what ``make fuzz`` does).

    python fuzz/run.py                      # 20,000 reader inputs, 2,000 coder inputs
    python fuzz/run.py --scale 10           # ten times as many
    python fuzz/run.py --seconds 600        # ten minutes per harness instead
    python fuzz/run.py --target readers

Corpora grow in ``fuzz/corpus/<target>/`` (kept between runs, so later runs start where
earlier ones stopped); a crashing input is saved as ``fuzz/artifacts/crash-*`` and the run
exits non-zero. Reproduce one with ``python fuzz/fuzz_readers.py fuzz/artifacts/crash-...``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Inputs per harness at --scale 1: the readers take ~1-10 ms an input, the coder ~10-100 ms.
RUNS = {"readers": 20_000, "coder": 2_000}
# Seconds one input may take before libFuzzer reports it as a hang.
INPUT_TIMEOUT = 60
# libFuzzer's memory limit per harness process (the coder holds the spaCy model).
RSS_LIMIT_MB = 2048


def command(target: str, runs: int | None, seconds: int | None, seed: int | None) -> list[str]:
    corpus = HERE / "corpus" / target
    artifacts = HERE / "artifacts"
    artifacts.mkdir(exist_ok=True)
    args = [
        sys.executable, str(HERE / f"fuzz_{target}.py"), str(corpus),
        f"-timeout={INPUT_TIMEOUT}", f"-rss_limit_mb={RSS_LIMIT_MB}",
        f"-artifact_prefix={artifacts}/{target}-", "-print_final_stats=1",
    ]  # fmt: skip
    if seconds is not None:
        args.append(f"-max_total_time={seconds}")
    else:
        args.append(f"-runs={runs}")
    if seed is not None:
        args.append(f"-seed={seed}")
    return args


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--target", choices=sorted(RUNS), action="append")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the input counts")
    parser.add_argument("--seconds", type=int, help="fuzz each harness this long instead")
    parser.add_argument("--seed", type=int, help="libFuzzer seed (default: random)")
    options = parser.parse_args()
    failed = []
    for target in options.target or sorted(RUNS):
        runs = max(1, int(RUNS[target] * options.scale))
        print(f"fuzz: {target}", flush=True)
        done = subprocess.run(command(target, runs, options.seconds, options.seed), check=False)
        if done.returncode != 0:
            failed.append(target)
    if failed:
        print(f"fuzz: crashes in {', '.join(failed)}: see fuzz/artifacts/", file=sys.stderr)
        return 1
    print("fuzz: no crashes", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
