"""Shared test set-up: the helper modules in tests/ are importable from every test directory."""

from __future__ import annotations

import sys
from pathlib import Path

TESTS_DIR = Path(__file__).resolve().parent
for helper_dir in (TESTS_DIR, TESTS_DIR / "rules"):
    if str(helper_dir) not in sys.path:
        sys.path.insert(0, str(helper_dir))
