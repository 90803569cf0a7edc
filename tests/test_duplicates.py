"""duplicate-block: repeats within a posting, near-duplicates, and across files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from jdlint.document.copies import find_repeats
from jdlint.cli import cli as main
from jdlint.document.structure import find_blocks
from jdlint.model import FileResult

Lint = Callable[..., FileResult]

POSTING = """# Warehouse Coordinator

## Your role

You will plan the daily inbound and outbound flow of goods at our central warehouse.
You will coordinate a team of eight operators across two shifts.

- Plan and follow up on the weekly picking schedule with the team leads
- Keep stock levels and the warehouse system accurate at all times
- Report on deliveries, delays and damaged goods every Friday

## What we offer

A permanent position with a pension plan, paid overtime and a canteen on site.
"""


def dup(lint: Lint, text: str, **options: object) -> list:  # type: ignore[type-arg]
    rules = {"duplicate-block": options} if options else {}
    return list(lint(text, select=("duplicate-block",), rule_options=rules).diagnostics)


def test_clean_posting_has_no_finding(lint: Lint) -> None:
    assert dup(lint, POSTING) == []


def test_posting_pasted_twice_is_one_finding(lint: Lint) -> None:
    (d,) = dup(lint, POSTING + "\n" + POSTING)
    assert d.line == 16 and "lines 1-14" in d.message and "whole posting" in d.message
    assert d.data and d.data["blocks"] == 9


def test_the_title_said_again_in_the_details_is_no_copy(lint: Lint) -> None:
    """Boards repeat a posting's title in its details ("Posting Title" and the title): not a
    pasted copy. A long opening paragraph said twice still is."""
    title = "Senior Planning Officer for Regional Transport and Housing Schemes"
    text = (f"{title}\n\nYou will plan transport and housing schemes with our partners.\n\n"
            f"Posting Title\n{title}\n\nDepartment\nPlanning\n")
    assert dup(lint, text) == []
    opening = ("Welcome to the county council, where a thousand people plan, build and run "
               "the services our residents use every day.")
    (d,) = dup(lint, f"{opening}\n\n## Planner\n\n{opening}\n\nYou will plan schemes.\n")
    assert d.line == 5


def test_pasted_three_times_is_two_findings(lint: Lint) -> None:
    assert len(dup(lint, "\n".join([POSTING] * 3))) == 2


def test_near_duplicate_paragraph(lint: Lint) -> None:
    para = ("Our customers are hospitals and clinics across the region, and they rely on "
            "us to deliver the right goods on time.")
    near = para.replace("across the region", "across the whole region").replace(",", "")
    (d,) = dup(lint, f"{para}\n\nSomething else entirely here.\n\n{near.upper()}\n")
    assert d.line == 5 and "nearly" in d.message


def test_repeated_sentence_inside_other_paragraphs(lint: Lint) -> None:
    s = "We value a healthy balance between work and life for everyone."
    (d,) = dup(lint, f"We started as a small workshop in 1982 and grew steadily. {s}\n\n"
                     f"Our benefits include a pension plan and free parking. {s} And more.\n")
    assert "sentence repeats the one on line 1" in d.message


def test_headings_and_short_lines_do_not_count(lint: Lint) -> None:
    text = ("## Tasks\n\n- Python\n- SQL\n\n## Nice to have\n\n- Python\n- SQL\n\n"
            "Apply now\n\nApply now\n")
    assert dup(lint, text) == []


def test_min_words_option(lint: Lint) -> None:
    text = "Join our friendly team today.\n\nOther.\n\nJoin our friendly team today.\n"
    assert dup(lint, text) == []
    assert len(dup(lint, text, **{"min-words": 4})) == 1


def test_large_input_stays_near_linear() -> None:
    # 20,000 distinct paragraphs plus one repeat: must finish quickly (no quadratic pairing)
    paras = [f"Paragraph number {i} describes task {i * 7} in unit {i % 13} with care."
             for i in range(20_000)]
    text = "\n\n".join([*paras, paras[5]])
    repeats = find_repeats(find_blocks(text), 8, 0.8)
    assert [(r.first, r.start) for r in repeats] == [(5, 20_000)]


def test_across_files(tmp_path: Path) -> None:
    shared = "We are an equal opportunity employer and welcome applications from everyone."
    about = "Example Corp builds logistics software for hospitals in the Nordic countries."
    for i in range(3):
        (tmp_path / f"p{i}.md").write_text(
            f"# Role {i}\n\nYou will do task number {i} with great care and attention.\n\n"
            f"{shared}\n\n{about}\n", "utf-8")
    runner = CliRunner()
    args = ["check", str(tmp_path), "--isolated", "--select", "duplicate-block", "--format",
            "json", "--fail-on", "never"]
    assert json.loads(runner.invoke(main, args).output)["diagnostics"] == []
    out = json.loads(runner.invoke(main, [*args, "--across-files"]).output)["diagnostics"]
    assert len(out) == 6 and {d["severity"] for d in out} == {"info"}
    (tmp_path / ".jdlint.toml").write_text(
        '[rules.duplicate-block]\nacross-files = true\nallow = ["equal opportunity employer"]\n',
        "utf-8")
    args.remove("--isolated")
    out = json.loads(runner.invoke(main, args).output)["diagnostics"]
    assert len(out) == 3 and all("p" in d["message"] for d in out)
