"""Runnable examples of povmodel (each file is a script: ``python examples/NAME.py``).

A package only so that type checkers tell ``examples/service.py`` from ``bench/service.py``.
"""
