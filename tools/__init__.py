"""Maintenance scripts of povmodel (each file is a script: ``python tools/NAME.py``).

A package only so that type checkers tell ``tools/summaries.py`` from ``bench/summaries.py``.
"""
