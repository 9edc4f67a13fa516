"""factcheck: claim verification and cross-source consistency checking."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Report", "__version__", "check", "extract", "load_config"]

if TYPE_CHECKING:
    from factcheck.model import Report


def __getattr__(name: str) -> Any:
    # Lazy public API: `import factcheck` stays cheap.
    if name == "extract":
        from factcheck.extract import extract

        return extract
    if name == "check":
        from factcheck.api import check

        return check
    if name == "load_config":
        from factcheck.config import load_config

        return load_config
    if name == "Report":
        from factcheck.model import Report

        return Report
    raise AttributeError(name)
