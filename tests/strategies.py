"""Hypothesis strategies that build valid forums, with every reference resolving."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

import povmodel as pm
from povmodel.core import limits

LANGUAGES = ("en", "zh-Hans", "zh-Hant", "fr", "es", "ru", "ar")

slugs = st.from_regex(r"[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,5}){0,2}", fullmatch=True)
# Any printable text, CJK, Arabic and emoji included; never blank, and never a control
# character or an explicit bidi control (which povmodel refuses).
_BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CHARACTERS = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters=_BIDI_CONTROLS)
texts = st.text(_CHARACTERS, min_size=1, max_size=30).filter(str.strip)
localized = st.dictionaries(st.sampled_from(LANGUAGES), texts, min_size=1, max_size=4).map(pm.LocalizedText)
# Within the reader's budgets: at most 12 digits after the point; never -0.
decimals = (
    st.integers(min_value=0, max_value=12)
    .flatmap(
        lambda places: st.decimals(
            min_value=0, max_value=Decimal("1e15"), allow_nan=False, allow_infinity=False, places=places
        )
    )
    .filter(lambda value: not value.is_signed())
)
units = st.sampled_from(("CNY", "USD", "EUR", "person", "county", "school", "hospital", "village", "project"))
qualifiers = st.sampled_from(pm.Qualifier)
quantities = st.builds(pm.Quantity, value=decimals, unit=units)
stated = st.builds(pm.Source, quote=texts)
inferred = st.builds(pm.Source, quote=st.none() | texts, inferred=st.just(True), note=texts)
sources = stated | inferred
years = st.integers(min_value=1949, max_value=2030)

# Tags and texts near the edges of what a LocalizedText takes: malformed tags, blank and
# over-long texts, control characters, bidi overrides, and values that are not strings.
SOME_TAGS = st.one_of(
    st.sampled_from([f"{a}{b}" for a in "abcdefgh" for b in "stuvwxyz"] + ["zh-Hans", "ru-x-gen", "es-419"]),
    st.sampled_from(["EN", "zh_Hans", "", "e"]),
)
SOME_TEXTS = st.one_of(
    st.text(
        alphabet=st.sampled_from(["a", " ", "\u00a0", "\u202f", "\n", "\t", "\r", "\x00", "\u202e", "北"]), max_size=6
    ),
    st.sampled_from(
        ["x" * limits.MAX_TEXT_LENGTH, "x" * (limits.MAX_TEXT_LENGTH + 1), " ", "  ", "\u00a0", "a\u00a0b"]
    ),
    st.integers(),
)


@st.composite
def periods(draw: st.DrawFn) -> pm.Period:
    start = draw(st.none() | years)
    end = draw(st.none() | years) if start is not None else draw(years)
    if start is not None and end is not None and end < start:
        start, end = end, start
    return pm.Period(start_year=start, end_year=end)


def _unique(ids: st.SearchStrategy[str], min_size: int, max_size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(ids, min_size=min_size, max_size=max_size, unique=True)


@st.composite
def forums(draw: st.DrawFn, names: st.SearchStrategy[pm.LocalizedText] = localized) -> pm.Forum:
    """A valid forum of a few of everything, ids unique and references resolving; ``names`` draws its texts."""
    org_ids = draw(_unique(slugs, 1, 5))
    organizations = tuple(
        pm.Organization(
            id=oid,
            name=draw(names),
            kind=draw(st.sampled_from(pm.OrganizationKind)),
            short_name=draw(st.none() | names),
            parent=org_ids[i - 1] if i and draw(st.booleans()) else None,
        )
        for i, oid in enumerate(org_ids)
    )
    orgs = st.sampled_from(org_ids)
    person_ids = draw(_unique(slugs, 0, 4))
    people = tuple(
        pm.Person(
            id=pid,
            name=draw(names),
            positions=tuple(draw(st.lists(st.builds(pm.Position, title=names, organization=orgs), max_size=2))),
            source=draw(st.none() | sources),
        )
        for pid in person_ids
    )
    category_ids = draw(_unique(slugs, 1, 5))
    categories = tuple(
        pm.Category(
            id=cid,
            name=draw(names),
            parent=draw(st.sampled_from(category_ids[:i])) if i and draw(st.booleans()) else None,
        )
        for i, cid in enumerate(category_ids)
    )
    measure_ids = draw(_unique(slugs, 1, 4))
    measures = tuple(pm.Measure(id=mid, name=draw(names)) for mid in measure_ids)
    metric_ids = draw(_unique(slugs, 0, 8))
    metrics = tuple(
        pm.Metric(
            id=mid,
            label=draw(names),
            category=draw(st.sampled_from(category_ids)),
            actor=draw(orgs),
            measure=draw(st.sampled_from(measure_ids)),
            quantity=draw(quantities),
            qualifier=draw(qualifiers),
            period=draw(st.none() | periods()),
            source=draw(sources),
        )
        for mid in metric_ids
    )
    headline = tuple(draw(st.lists(st.sampled_from(metric_ids), unique=True))) if metric_ids else ()
    programme = tuple(
        pm.ProgrammeItem(
            id=iid,
            kind=draw(st.sampled_from(pm.ProgrammeKind)),
            title=draw(names),
            speakers=tuple(draw(st.lists(st.sampled_from(person_ids), max_size=3, unique=True))) if person_ids else (),
            topics=tuple(draw(st.lists(names, max_size=2))),
            source=draw(sources),
        )
        for iid in draw(_unique(slugs, 0, 3))
    )
    projects = tuple(
        pm.Project(id=pid, name=draw(names), actor=draw(orgs), place=draw(st.none() | names), source=draw(sources))
        for pid in draw(_unique(slugs, 0, 2))
    )
    relations: tuple[pm.Relation, ...] = ()
    if len(metric_ids) >= 2:
        kind = draw(st.sampled_from(pm.RelationKind))
        relations = (
            pm.Relation(
                id="rel",
                kind=kind,
                parts=tuple(metric_ids[1:]),
                whole=None if kind is pm.RelationKind.DISJOINT else metric_ids[0],
                note=draw(texts),
            ),
        )
    attendance = draw(
        st.none()
        | st.builds(
            pm.Attendance,
            participants=st.integers(0, 10_000),
            qualifier=qualifiers,
            central_enterprises=st.none() | st.integers(0, 200),
            organizations=st.lists(orgs, max_size=3, unique=True).map(tuple),
            groups=st.lists(names, max_size=2).map(tuple),
            source=sources,
        )
    )
    return pm.Forum(
        id=draw(slugs),
        name=draw(names),
        date=draw(st.dates(min_value=dt.date(1949, 1, 1), max_value=dt.date(2030, 12, 31))),
        date_source=draw(sources),
        city=draw(names),
        title=draw(st.none() | names),
        theme=draw(st.none() | names),
        sponsor=draw(st.none() | orgs),
        organizers=tuple(draw(st.lists(orgs, max_size=2, unique=True))),
        attendance=attendance,
        organizations=organizations,
        people=people,
        programme=programme,
        categories=categories,
        measures=measures,
        metrics=metrics,
        headline=headline,
        projects=projects,
        relations=relations,
    )
