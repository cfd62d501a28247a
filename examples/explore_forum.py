"""Load the bundled forum and look around: people, figures, their sources.

Run: python examples/explore_forum.py
"""

from __future__ import annotations

import povmodel as pm


def main() -> None:
    forum = pm.load_forum()
    print(f"{forum.name} — {forum.date:%d %B %Y}, {forum.city}")
    print(f"(the year is inferred: {forum.date_source.inferred})")
    print()
    for person in forum.people:
        posts = ", ".join(
            f"{p.title} ({forum.organization(p.organization).short_name or ''})" for p in person.positions
        )
        print(f"{person.name['en']:15} {person.name.for_locale('zh_CN'):6} {posts}")
    print()
    metric = forum.metric("housing-funds")
    print(f"{metric.label}: {metric.qualifier.value} {metric.quantity.value:,f} {metric.quantity.unit}")
    print(f"  source: {metric.source.quote}")


if __name__ == "__main__":
    main()
