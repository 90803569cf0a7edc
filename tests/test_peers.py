"""The peers' own cases (joblint, retext-equality, proselint) that fit job postings.

``python -m tests.test_peers`` prints how many cases ran, how many jdlint agrees with the peer
on, and each disagreement with the reason jdlint is right (``note`` in the data file).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from jdlint.config import Config
from jdlint.engine import build_context, check_text

from .conftest import TODAY

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "data" / "peer_cases.yaml").read_text("utf-8"))


def inclusive_findings(text: str) -> set[str]:
    result = check_text("posting.md", text + "\n",
                        build_context(Config(today=TODAY, select=("INC",))))
    return {d.name for d in result.diagnostics}


@pytest.mark.parametrize("case", CASES, ids=[f"{i}-{c['source'].split()[0]}"
                                             for i, c in enumerate(CASES)])
def test_peer_case(case: dict[str, Any]) -> None:
    found = inclusive_findings(case["text"])
    if case["jdlint"] == "clean":
        assert found == set(), f"{case['text']!r}: {found}"
    else:
        assert set(case["jdlint"]) <= found, f"{case['text']!r}: {found}"


def test_every_disagreement_says_why() -> None:
    for case in CASES:
        agrees = (case["peer"] == "clean") == (case["jdlint"] == "clean")
        assert agrees or case.get("note"), case["text"]


def main() -> None:
    agreed = [c for c in CASES if (c["peer"] == "clean") == (c["jdlint"] == "clean")]
    print(f"{len(CASES)} cases run, jdlint agrees with the peer on {len(agreed)}")
    for c in CASES:
        if c not in agreed:
            print(f"- {c['source']}: {c['text']!r} (peer: {c['peer']}, jdlint: clean): "
                  f"{c['note']}")


if __name__ == "__main__":
    main()
