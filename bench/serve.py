#!/usr/bin/env python3
"""Time from saving a department file to the reloaded page, under `resplist serve`.

    python3 bench/serve.py PROJECT [EDITS] [--busy]

Copies PROJECT to a temporary folder, starts `target/release/resplist serve` on it, and EDITS
times (default 5): waits as an open page does (`/__resplist/wait`), changes one work item's
text in the first department file, and measures until the page that shows it has been fetched
again with the new text: what a browser does between the save and the reloaded page, minus
drawing it. Prints each time and the median. Between edits it waits for the downloads (the
workbook, search, print, open data) to be made; with --busy it edits again at once, while they
are still being made.
"""

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    project = sys.argv[1]
    busy = "--busy" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--busy"]
    edits = int(args[1]) if len(args) > 1 else 5
    binary = os.path.join(os.path.dirname(__file__), "..", "target", "release", "resplist")
    work = tempfile.mkdtemp(prefix="resplist-serve-bench-")
    copy = os.path.join(work, "project")
    shutil.copytree(project, copy, ignore=shutil.ignore_patterns("public"))
    files = sorted(
        os.path.join(d, f)
        for d, _, fs in os.walk(os.path.join(copy, "departments"))
        for f in fs
        if f.endswith(".toml")
    )
    target = files[0]
    page = "departments/" + os.path.basename(target)[:-5] + ".html"
    server = subprocess.Popen(
        [binary, "serve", copy, "--port", "0", "--lang", "en"],
        stdout=subprocess.PIPE,
        stderr=None if os.environ.get("RESPLIST_TIMINGS") else subprocess.DEVNULL,
        text=True,
    )
    lines = []
    url = None
    for line in server.stdout:
        lines.append(line)
        found = re.search(r"http://[0-9.:]+/", line)
        if found:
            url = found.group(0)
        if url and any("open data updated" in l for l in lines):
            break
    threading.Thread(target=lambda: [lines.append(l) for l in server.stdout], daemon=True).start()
    times = []
    try:
        for n in range(edits):
            html = fetch(url + page)
            version = re.search(r'data-version="(\d+)"', html).group(1)
            answered = {}

            def wait():
                fetch(f"{url}__resplist/wait?v={version}")
                answered["at"] = time.monotonic()

            waiter = threading.Thread(target=wait)
            waiter.start()
            time.sleep(0.3)
            marker = f"（第{n + 1}次修订）"
            with open(target, encoding="utf-8") as f:
                text = f.read()
            text = re.sub(r'(\n  text = ")', r"\1" + marker, text, count=1)
            saved = time.monotonic()
            with open(target, "w", encoding="utf-8") as f:
                f.write(text)
            waiter.join()
            html = fetch(url + page)
            done = time.monotonic()
            assert marker in html, "the reloaded page lacks the edit"
            times.append(done - saved)
            print(f"edit {n + 1}: {1000 * (done - saved):.0f} ms from save to reloaded page "
                  f"(wait answered after {1000 * (answered['at'] - saved):.0f} ms)")
            # Let the downloads finish, as between a clerk's edits.
            deadline = time.monotonic() + (0 if busy else 120)
            while time.monotonic() < deadline:
                if sum("open data updated" in l for l in lines) >= n + 2:
                    break
                time.sleep(0.1)
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)
    print(f"median: {1000 * statistics.median(times):.0f} ms")
    print("".join(l for l in lines if "updated" in l), end="")


def fetch(url):
    with urllib.request.urlopen(url, timeout=300) as r:
        return r.read().decode("utf-8")


if __name__ == "__main__":
    main()
