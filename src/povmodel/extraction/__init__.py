"""Draft a forum from the text of any report, in English or Chinese, and check a forum against it.

>>> import povmodel as pm
>>> from povmodel.extraction import extract
>>> figures = extract(pm.article_text())
>>> figures[3].text, figures[3].quantity.value, figures[3].qualifier.value, figures[3].noun
('nearly 100 billion yuan', Decimal('100000000000'), 'nearly', 'assistance')
>>> figures[3].period, figures[3].period_text
(Period(start_year=2016, end_year=None), 'Since 2016')

Extraction depends on `povmodel.core` only. English needs nothing beyond
povmodel's own dependencies; Chinese numerals need ``cn2an``, installed by the
``extract`` extra (``pip install 'povmodel[extract]'``).
"""

from povmodel.extraction._check import Problem, ProblemKind, check
from povmodel.extraction._draft import TODO, draft_forum
from povmodel.extraction._extract import LANGUAGES, detect_language, extract
from povmodel.extraction._figure import Figure, FigureRole

__all__ = [
    "LANGUAGES",
    "TODO",
    "Figure",
    "FigureRole",
    "Problem",
    "ProblemKind",
    "check",
    "detect_language",
    "draft_forum",
    "extract",
]
