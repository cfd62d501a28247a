"""Category totals that respect qualifiers, and the consistency audit, in any language.

Only sums the forum declares additive are shown: figures that may count the same
people twice (trained, then placed in work) are flagged by the audit instead.

Run: python examples/totals_and_audit.py [LOCALE]
"""

from __future__ import annotations

import sys

import povmodel as pm


def main(locale: str = "en") -> None:
    forum = pm.load_forum()
    fmt = pm.Formatter(locale)
    for group in pm.totals_by(forum, "category").groups:
        name = fmt.text(forum.category(group.key).name)
        for total in group.totals:
            if len(total.metrics) > 1 and forum.additive(total.metrics):
                measure = fmt.text(forum.measure(total.measure).name)
                print(f"{name} — {measure}: {fmt.total(total)}")
    print()
    for finding in pm.audit(forum):
        print(f"[{'ok' if finding.holds else '!!'}] {fmt.finding(finding, forum)}")


if __name__ == "__main__":
    main(*sys.argv[1:2])
