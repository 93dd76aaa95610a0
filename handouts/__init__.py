"""handouts: print-ready, branded PDF patient handouts from YAML content and Jinja2 templates."""
