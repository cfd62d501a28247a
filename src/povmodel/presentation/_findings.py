"""The audit's findings as sentences in the reader's language."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from povmodel.core.audit import Finding, FindingKind

if TYPE_CHECKING:
    from povmodel.core.model import Forum
    from povmodel.presentation._base import FormatterBase

__all__ = ["describe"]


def _m(message: str) -> str:
    return message


_MESSAGES: Final = {
    (FindingKind.PART_OF, True): _m("The parts add up to %(sum)s, within the whole: %(whole)s."),
    (FindingKind.PART_OF, False): _m("The parts add up to %(sum)s, more than the whole: %(whole)s."),
    (FindingKind.SUBSET_OF, True): _m("Each part is within the whole: %(parts)s of %(whole)s."),
    (FindingKind.SUBSET_OF, False): _m("A part is more than the whole: %(parts)s of %(whole)s."),
    (FindingKind.UNITS, False): _m("The parts cannot be compared with the whole (%(whole)s): their units differ."),
    (FindingKind.PERIOD, True): _m("%(period)s: consistent with the forum's date, %(date)s."),
    (FindingKind.PERIOD, False): _m("%(period)s: after the forum's date, %(date)s."),
    (FindingKind.PERIOD_WITHIN, False): _m("%(parts)s: a period wider than the whole's (%(whole)s)."),
    (FindingKind.ADDITIVE, True): _m("%(parts)s count distinct things: together, %(sum)s."),
    (FindingKind.ADDITIVE, False): _m("%(parts)s may count the same things twice: their sum (%(sum)s) means nothing."),
}


def describe(fmt: FormatterBase, finding: Finding, forum: Forum) -> str:
    """One sentence that says what was checked, with the figures compared."""
    whole = forum.metric(finding.metrics[-1]) if finding.relation is not None else None
    shown = finding.exceeding or finding.metrics[:-1] if whole is not None else finding.metrics
    values = {
        "sum": fmt.total(finding.total) if finding.total is not None else "",
        "whole": fmt.metric(whole) if whole is not None else "",
        "parts": fmt.names([_figure(fmt, forum, metric_id) for metric_id in shown]),
        "period": fmt.period(finding.period) if finding.period is not None else "",
        "date": fmt.date(forum.date),
    }
    if finding.kind is FindingKind.PERIOD_WITHIN or finding.kind is FindingKind.ADDITIVE:
        values["parts"] = fmt.names([fmt.text(forum.metric(i).label) for i in shown])
    if finding.kind is FindingKind.PERIOD_WITHIN and whole is not None:
        values["whole"] = fmt.text(whole.label)
    text = fmt._say(_MESSAGES[finding.kind, finding.holds], **values)
    return text[:1].upper() + text[1:]


def _figure(fmt: FormatterBase, forum: Forum, metric_id: str) -> str:
    return fmt.metric(forum.metric(metric_id))
