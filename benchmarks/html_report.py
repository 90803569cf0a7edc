"""Benchmark: the HTML report for a large run, its size, and how fast a browser loads it.

Run by hand (not a test), with Debian's chromium and chromium-driver installed:

    python benchmarks/html_report.py ../shared/corpus/dev ../shared/corpus/skillspan ../shared/seeds

Target (issue 16): usable for a run over 2,000 postings. Prints the number of postings and
findings, the page size, the time to write it, and in headless Chromium the time to
DOMContentLoaded and to the load event, and how long one filter change takes.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--today", default="2026-12-01")
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp()) / "report.html"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "jdlint", "check", *args.paths, "--isolated",
                    "--today", args.today, "--format", "html", "-o", str(out)],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    written = time.perf_counter() - start
    page = out.read_text("utf-8")
    findings = page.count('<li class="finding"')
    print(f"postings: {page.count('<article class=')}, findings: {findings}, "
          f"marks: {page.count('<mark ')}")
    print(f"page: {out.stat().st_size / 1e6:.1f} MB, check and write: {written:.1f} s")
    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if not chromium or not driver_path:
        print("no chromium/chromedriver: load time not measured")
        return
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update",
                "--window-size=1280,1000", f"--user-data-dir={out.parent / 'profile'}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    try:
        driver.get(out.as_uri())
        timing = driver.execute_script(
            "var t = performance.timing; return [t.domContentLoadedEventEnd - t.navigationStart,"
            " t.loadEventEnd - t.navigationStart];")
        print(f"Chromium: DOMContentLoaded {timing[0] / 1000:.2f} s, load {timing[1] / 1000:.2f} s")
        took = driver.execute_script(
            "var box = document.querySelector('input[name=severity][value=info]');"
            "var t0 = performance.now(); box.click();"
            "document.body.offsetHeight; return performance.now() - t0;")
        print(f"one filter change (hide info): {took / 1000:.2f} s")
        memory = driver.execute_script("return performance.memory && "
                                       "performance.memory.usedJSHeapSize")
        if memory:
            print(f"JS heap after load: {memory / 1e6:.0f} MB")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
