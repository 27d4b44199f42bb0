"""Fixtures of the CI-gate tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cihelp import copy_data


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the sample submission set; the current folder is its root."""
    copy_data(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path
