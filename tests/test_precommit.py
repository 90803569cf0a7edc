"""Real pre-commit against a temporary repository of postings: a bad posting fails the commit."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

pytestmark = pytest.mark.slow


def test_manifest_is_valid() -> None:
    from pre_commit.clientlib import load_manifest

    hooks = load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    hook = next(h for h in hooks if h["id"] == "jdlint")
    assert hook["require_serial"] is True
    assert set(hook["types_or"]) == {"markdown", "plain-text", "html"}


def git(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, text=True, capture_output=True,
                          check=check)


def snapshot_of_this_project(dest: Path) -> str:
    """A git repository holding the working tree as it is (uncommitted changes included)."""
    files = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"],
                           cwd=ROOT, text=True, capture_output=True, check=True).stdout.split()
    for name in files:
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    git(dest, "init", "-q")
    git(dest, "add", "-A")
    git(dest, "commit", "-qm", "snapshot")
    return git(dest, "rev-parse", "HEAD").stdout.strip()


def test_pre_commit_blocks_a_bad_posting_and_passes_a_clean_one(tmp_path: Path) -> None:
    hook_repo = tmp_path / "jdlint"
    hook_repo.mkdir()
    rev = snapshot_of_this_project(hook_repo)
    repo = tmp_path / "postings"
    repo.mkdir()
    git(repo, "init", "-q")
    config = {"repos": [{"repo": str(hook_repo), "rev": rev, "hooks": [{"id": "jdlint"}]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), "utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo, env=env, check=True, capture_output=True)

    def commit(name: str, text: str) -> subprocess.CompletedProcess[str]:
        (repo / name).write_text(text, "utf-8")
        git(repo, "add", name, ".pre-commit-config.yaml")
        return subprocess.run(["git", "commit", "-m", f"add {name}"], cwd=repo, env={
            **env, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
            "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"},
            text=True, capture_output=True)

    bad = commit("bad.md", "# Ninja wanted\n\nWe want a rockstar.\n")
    assert bad.returncode != 0, bad.stdout + bad.stderr
    assert "INC006" in bad.stdout + bad.stderr
    git(repo, "reset", "-q")
    (repo / "bad.md").unlink()
    clean = commit("clean.md", (ROOT / "examples" / "clean-posting.md").read_text("utf-8"))
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout + clean.stderr
    # the repository's own documents are not postings, and the configured excludes apply to
    # the files pre-commit names (the hook runs with --force-exclude)
    for name in ("README.md", "docs/CHANGELOG.md", "LICENSE.txt"):
        (repo / name).parent.mkdir(exist_ok=True)
        doc = commit(name, "# Notes\n\nOur rockstar ninja wrote this.\n")
        assert doc.returncode == 0, name + doc.stdout + doc.stderr
    (repo / ".jdlint.toml").write_text('extend-exclude = ["drafts/**"]\n', "utf-8")
    git(repo, "add", ".jdlint.toml")
    (repo / "drafts").mkdir()
    draft = commit("drafts/idea.md", "# Ninja wanted\n\nWe want a rockstar.\n")
    assert draft.returncode == 0, draft.stdout + draft.stderr
