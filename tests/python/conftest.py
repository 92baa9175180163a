"""Shared fixtures of the Python tests: the repository's oracle cases and the `coloc` CLI to compare against."""

import os
import subprocess

import pytest

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CASES = os.path.join(REPO, "tests", "data", "oracle", "cases")


def cli_path():
    env = os.environ.get("COLOC_CLI")
    if env:
        return env
    for c in ("Debug", "Release"):
        p = os.path.join(REPO, "src", "Coloc.Cli", "bin", c, "net10.0", "coloc")
        if os.path.exists(p):
            return p
    raise RuntimeError("no coloc CLI build found (dotnet build src/Coloc.Cli) and COLOC_CLI not set")


def run_cli(*args):
    """Runs `coloc ARGS`; returns (exit code, stdout, stderr)."""
    r = subprocess.run([cli_path(), *map(str, args)], capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def cases(group):
    return sorted(d for d in os.listdir(CASES) if d.startswith(group))


@pytest.fixture
def tmp(tmp_path):
    return tmp_path
