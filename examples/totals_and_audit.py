"""Category totals that respect qualifiers, and the consistency audit.

Run: python examples/totals_and_audit.py [LOCALE]
"""

from __future__ import annotations

import sys

import povmodel as pm


def main(locale: str = "en") -> None:
    forum = pm.load_forum()
    totals = pm.totals_by(forum, "category")
    for group in totals.groups:
        name = forum.category(group.key).name.for_locale(locale)
        for total in group.totals:
            if len(total.metrics) > 1:
                measure = forum.measure(total.measure).name.for_locale(locale)
                print(f"{name} — {measure}: {pm.format_total(total, locale=locale)}")
    print()
    for finding in pm.audit(forum):
        print(f"[{'ok' if finding.holds else 'FAILS'}] {finding.kind.value} {finding.subject}: {finding.detail}")


if __name__ == "__main__":
    main(*sys.argv[1:2])
