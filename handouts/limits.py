"""Limits on what the tool reads and renders, so a damaged or hostile file gets an error
instead of a hang. Each is far above what a real handout needs (README, "Limits")."""

from __future__ import annotations

MAX_FILE_MB = 5.0  # any one input file (handouts.yaml `max_file_mb` changes it)
MAX_YAML_VALUES = 100_000  # values of one YAML file, aliases counted as what they repeat
MAX_YAML_DEPTH = 40  # nesting of lists and mappings
MAX_TEXT_CHARS = 20_000  # one text value of a handout, brand or translation
MAX_TEMPLATE_LOOPS = 200_000  # iterations of `range` in one rendering of a template
MAX_TEMPLATE_OUTPUT = 5_000_000  # characters one template may write
MAX_QR_ADDRESS = 300  # characters of a QR code's address (a small code must stay scannable)
