"""Both `pip install .` (a wheel) and `pip install -e .` must find the built-in YAML rules."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow

PROBE = ("from jdlint.registry import builtin_rule_files; "
         "files = builtin_rule_files(); assert files, 'no built-in rules'; print(files[0])")


def make_venv(path: Path) -> Path:
    venv.create(path, with_pip=True)
    return path / "bin" / "python"


def pip(python: Path, *args: str) -> None:
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                    *args], check=True, capture_output=True, text=True)


def test_wheel_ships_the_rules(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path / "dist"),
                    str(ROOT)], check=True, capture_output=True, text=True)
    wheel = next((tmp_path / "dist").glob("jdlint-*.whl"))
    python = make_venv(tmp_path / "venv")
    pip(python, str(wheel))
    where = subprocess.run([str(python), "-c", PROBE], check=True, capture_output=True,
                           text=True, cwd=tmp_path).stdout
    assert "site-packages/jdlint/_rules/" in where
    jdlint = python.parent / "jdlint"
    out = subprocess.run([str(jdlint), "rules"], capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 0 and "exclusionary-jargon" in out.stdout and "long-sentence" in out.stdout
    # the table of the patterns' keys (a fast start) is shipped and valid where installed
    shipped = subprocess.run([str(python), "-c", "from jdlint import literals; "
                              "print(len(literals._shipped()))"], check=True,
                             capture_output=True, text=True, cwd=tmp_path).stdout
    assert int(shipped) > 100


def test_editable_install_finds_the_rules_folder(tmp_path: Path) -> None:
    python = make_venv(tmp_path / "venv")
    pip(python, "-e", str(ROOT))
    where = subprocess.run([str(python), "-c", PROBE], check=True, capture_output=True,
                           text=True, cwd=tmp_path).stdout.strip()
    assert Path(where).resolve().parent.parent == (ROOT / "rules").resolve()
