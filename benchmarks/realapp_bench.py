"""Benchmark (not a test): MM-T940 on Mattermost's own web app against MM-T940 on the stand-in's own pages.

Run from the repository root:  .venv/bin/python benchmarks/realapp_bench.py --webapp BUILD [--pairs 2]
Both runs are the suite's defaults (the eight devices and the admin through the embedded grid, both features, the
key moments' pictures) on the embedded stand-in, alternately, the order flipped every pair. The real app polls
statuses every 60 s and its build cannot be changed, so the stand-in's own pages poll every 60 s too here: the two
wait alike for the idle browsers to notice the revoke, and the ratio shows what the real app itself costs (its
10 MB of JavaScript in nine browsers, its many API calls). Reported: each pair's wall and CPU time (the whole
process tree) and the median real/own ratio of each.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from overhead_bench import ROOT, SUITE_PASSED, Run, succeeded, timed  # noqa: E402

POLL = "60"  # the real web app's own status poll


def suite(folder: Path, webapp: str | None) -> Run:
    env = {**os.environ, "MM_ALLURE_RESULTS": str(folder / "allure-results")}
    served = ["-D", f"standin_webapp={webapp}"] if webapp else ["-D", f"standin_status_poll={POLL}"]
    return timed([sys.executable, "-m", "behave", "--no-color", *served], env, SUITE_PASSED, ROOT)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--webapp", required=True, help="a production build of Mattermost's web app")
    parser.add_argument("--pairs", type=int, default=2)
    args = parser.parse_args()
    walls, cpus = [], []
    for pair in range(args.pairs):
        order = [args.webapp, None] if pair % 2 == 0 else [None, args.webapp]
        runs = {}
        for webapp in order:
            with tempfile.TemporaryDirectory(prefix="mmt940-bench-") as tmp:
                runs["real" if webapp else "own"] = run = suite(Path(tmp), webapp)
            if not succeeded(run, "real app" if webapp else "own pages"):
                return 1
        real, own = runs["real"], runs["own"]
        walls.append(real.wall / own.wall)
        cpus.append(real.cpu / own.cpu)
        print(
            f"pair {pair + 1}: real app {real.wall:.1f} s ({real.cpu:.0f} CPU-s), own pages {own.wall:.1f} s "
            f"({own.cpu:.0f} CPU-s): wall {walls[-1]:.2f}, CPU {cpus[-1]:.2f}",
            flush=True,
        )
    print(f"median real/own: wall {statistics.median(walls):.2f}, CPU {statistics.median(cpus):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
