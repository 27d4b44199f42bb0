"""reportgen: validate and build China's government information-disclosure annual reports.

The library API is loaded on first use, so that ``import reportgen`` stays instant::

    from reportgen import Options, validate_files
    run = validate_files([Path("2021.yaml")], Options())
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    "validate_files": "reportgen.check.runner",
    "validate_file": "reportgen.check.validate",
    "Options": "reportgen.check.validate",
    "FileResult": "reportgen.check.results",
    "RunResult": "reportgen.check.results",
    "run_build": "reportgen.api.build",
    "BuildOptions": "reportgen.api.build",
    "convert_file": "reportgen.api.convert",
    "create_report_file": "reportgen.api.new_report",
    "placeholder_listing": "reportgen.api.placeholders",
    "UserError": "reportgen.core.errors",
}
"""The public names and the modules that define them (module paths themselves are not public)."""

__all__ = [  # noqa: RUF022 - the version first, then the names in the order of _EXPORTS
    "__version__",
    "validate_files",
    "validate_file",
    "Options",
    "FileResult",
    "RunResult",
    "run_build",
    "BuildOptions",
    "convert_file",
    "create_report_file",
    "placeholder_listing",
    "UserError",
]

if TYPE_CHECKING:
    from .api.build import BuildOptions, run_build
    from .api.convert import convert_file
    from .api.new_report import create_report_file
    from .api.placeholders import placeholder_listing
    from .check.results import FileResult, RunResult
    from .check.runner import validate_files
    from .check.validate import Options, validate_file
    from .core.errors import UserError


def __getattr__(name: str) -> Any:
    """Load a public name from its module on first use."""
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'reportgen' has no attribute {name!r}")
