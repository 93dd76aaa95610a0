"""``handouts serve``: the print desk, a small local web application (Flask, served by
waitress) for ward staff who print a pack or a handout for one child without a
terminal. It sits beside the command line as a front end of the same pipeline."""
