"""Quality gates: checks that content can pass validation and still fail its readers.

``registry.py`` lists every check with its id, default level and function; the
modules beside it hold the checks, grouped by what they read.
"""

from handouts.quality.context import BUILD, Finding
from handouts.quality.registry import CHECKS, Report, blocking_problems, run_checks, scope_of

__all__ = ["BUILD", "CHECKS", "Finding", "Report", "blocking_problems", "run_checks",
           "scope_of"]
