"""Rule documentation, rendered one way for `explain`, the README table and SARIF help."""

from __future__ import annotations

from .model import RuleMeta


def explain_markdown(meta: RuleMeta) -> str:
    d = meta.docs
    parts = [
        f"# {meta.name} ({meta.code})",
        "",
        f"{meta.summary}",
        "",
        f"Category: {meta.category} · default severity: {meta.severity} · "
        f"{'enabled' if meta.default_enabled else 'off'} by default"
        + (" · fixable" if meta.fixable else ""),
    ]
    if d.basis:
        parts.append(f"Basis: {d.basis}")
    parts += ["", "## What it does", d.what, "", "## Why is this bad?", d.why]
    if d.example:
        parts += ["", "## Example", _indent(d.example)]
    if d.use_instead:
        parts += ["", "## Use instead", _indent(d.use_instead)]
    if meta.options:
        parts += ["", "## Options"]
        parts += [f"- `{k}` (default: `{v!r}`)" for k, v in meta.options.items()]
    if d.references:
        parts += ["", "## References"] + [f"- {r}" for r in d.references]
    return "\n".join(parts) + "\n"


def _indent(text: str) -> str:
    return "\n".join("    " + line if line else "" for line in text.splitlines())


def readme_table(metas: list[RuleMeta]) -> str:
    rows = ["| Code | Name | Category | Severity | Default | Fix | Summary |",
            "| --- | --- | --- | --- | --- | --- | --- |"]
    for m in sorted(metas, key=lambda m: m.code):
        default = "on" if m.default_enabled else "off"
        fix = "yes" if m.fixable else ""
        rows.append(f"| {m.code} | `{m.name}` | {m.category} | {m.severity} | {default} | "
                    f"{fix} | {m.summary} |")
    return "\n".join(rows)
