from __future__ import annotations

import re
from decimal import Decimal
from importlib import resources

import pytest

import povmodel as pm

FORUM = pm.load_forum()
ARTICLE = pm.article_text()


def test_bundled_forum_is_the_default() -> None:
    assert pm.available_forums() == (pm.DEFAULT_FORUM,)
    assert pm.load_forum(pm.DEFAULT_FORUM) is FORUM
    with pytest.raises(LookupError, match="no bundled forum named 'nope'"):
        pm.load_forum("nope")


def test_data_file_is_canonical() -> None:
    # The shipped file is exactly what dumps() writes, so diffs of it stay readable.
    shipped = (resources.files("povmodel") / "data" / f"{pm.DEFAULT_FORUM}.json").read_text("utf-8")
    assert shipped == pm.dumps(FORUM) + "\n"


def _sources(forum: pm.Forum) -> list[pm.Source]:
    found = [forum.date_source]
    found += [m.source for m in forum.metrics]
    found += [p.source for p in forum.people if p.source]
    found += [i.source for i in forum.programme]
    found += [p.source for p in forum.projects]
    if forum.attendance:
        found.append(forum.attendance.source)
    return found


def test_every_quote_occurs_verbatim_in_the_article() -> None:
    sources = _sources(FORUM)
    assert len(sources) > 40
    for source in sources:
        assert source.quote is not None
        assert source.quote in ARTICLE, source.quote


def test_every_figure_is_in_its_quote() -> None:
    # The value as the article writes it ("2.658 billion", "279,700", "110") is in the quote.
    def spellings(value: Decimal) -> set[str]:
        found = {f"{value:,f}", f"{value:f}"}
        for scale, word in ((10**9, "billion"), (10**6, "million")):
            if value >= scale:
                found.add(f"{(value / scale).normalize():f} {word}")
                found.add(f"{(value / scale * 1000).normalize():,f} {'million' if word == 'billion' else 'thousand'}")
        return found

    for metric in FORUM.metrics:
        assert any(s in metric.source.quote for s in spellings(metric.quantity.value)), metric.id  # type: ignore[operator]


def test_year_is_marked_inferred_with_a_reason() -> None:
    assert FORUM.date.isoformat() == "2020-10-16"
    assert FORUM.date_source.inferred
    assert "2020" not in ARTICLE
    assert FORUM.date_source.note and "not the year" in FORUM.date_source.note


def test_counts() -> None:
    assert len(FORUM.metrics) == 29
    assert len(FORUM.people) == 10
    assert len(FORUM.organizations) == 16
    assert sum(len(item.remarks) for item in FORUM.programme) == 3
    assert sum(len(category.facts) for category in FORUM.categories) == 4


@pytest.mark.parametrize(
    ("metric_id", "value", "unit", "qualifier", "start_year"),
    [
        ("counties-lifted-out-of-poverty", "221", "county", "exact", None),
        ("counties-under-acceptance", "27", "county", "exact", None),
        ("funds-invested-since-2016", "100000000000", "CNY", "nearly", 2016),
        ("cadres-dispatched", "10000", "person", "more_than", 2016),
        ("investment-driven", "14700000000", "CNY", "exact", 2016),
        ("technical-personnel-trained", "279700", "person", "exact", 2016),
        ("products-purchased", "6874000000", "CNY", "exact", None),
        ("education-funds", "2658000000", "CNY", "exact", 2016),
        ("schools-built", "2700", "school", "more_than", 2016),
        ("medical-funds", "958000000", "CNY", "exact", 2016),
        ("housing-funds", "600000000", "CNY", "more_than", 2016),
        ("housing-beneficiaries", "180000", "person", "nearly", 2016),
        ("drinking-water-funds", "362000000", "CNY", "exact", 2016),
        ("investment-fund-size", "31405000000", "CNY", "exact", None),
        ("sinopec-funds", "2400000000", "CNY", "exact", 1988),
        ("sinopec-cadres", "2000", "person", "nearly", None),
        ("sinopec-villages", "709", "village", "exact", None),
    ],
)
def test_figures(metric_id: str, value: str, unit: str, qualifier: str, start_year: int | None) -> None:
    metric = FORUM.metric(metric_id)
    assert metric.quantity.value == Decimal(value)
    assert metric.quantity.unit == unit
    assert metric.qualifier.value == qualifier
    assert (metric.period.start_year if metric.period else None) == start_year


def test_measures_keep_unlike_figures_apart() -> None:
    measure = {m.id: m.measure for m in FORUM.metrics}
    assert measure["funds-invested-since-2016"] == measure["education-funds"] == "funds-invested"
    assert (
        len(
            {
                measure["products-purchased"],
                measure["products-sold"],
                measure["investment-fund-size"],
                measure["investment-driven"],
                measure["education-funds"],
            }
        )
        == 5
    )


def test_people_and_posts() -> None:
    names = {p.name["en"] for p in FORUM.people}
    assert names == {
        "Hao Peng",
        "Hong Tianyun",
        "Ren Hongbin",
        "Zhang Yuzhuo",
        "Liu Guoyue",
        "Yang Jie",
        "Wang Tongzhou",
        "Wang Weidong",
        "Wang Yanfang",
        "Zhong Hongwu",
    }
    for person in FORUM.people:
        assert person.name["en"] in ARTICLE
        assert person.positions, person.id
        for position in person.positions:
            FORUM.organization(position.organization)  # resolves
    hao = FORUM.person("hao-peng")
    assert [p.title["en"] for p in hao.positions] == ["party secretary", "chairman"]
    assert {p.organization for p in hao.positions} == {"sasac"}


def test_chinese_names_only_where_certain() -> None:
    # Wang Yanfang's characters could not be confirmed: the name stays in pinyin.
    assert FORUM.person("wang-yanfang").name.languages == ("en",)
    assert FORUM.person("wang-yanfang").name.for_locale("zh_CN") == "Wang Yanfang"
    assert FORUM.person("wang-weidong").name.for_locale("zh_CN") == "王维东"  # Xinhua, 2018
    assert FORUM.person("hao-peng").name.for_locale("zh_CN") == "郝鹏"
    # OpenCC would write 楊傑: the Traditional name is given
    assert FORUM.person("yang-jie").name.for_locale("zh_TW") == "楊杰"


def test_sponsor_organisers_attendance() -> None:
    assert FORUM.sponsor == "sasac"
    assert FORUM.organizers == ("sinopec", "csr-hundred-forum")
    attendance = FORUM.attendance
    assert attendance is not None
    assert (attendance.participants, attendance.qualifier) == (300, pm.Qualifier.MORE_THAN)
    assert attendance.central_enterprises == 97
    assert len(attendance.organizations) == 4


def test_programme() -> None:
    kinds = [item.kind for item in FORUM.programme]
    assert kinds.count(pm.ProgrammeKind.SPEECH) + kinds.count(pm.ProgrammeKind.REPORT) == 3
    assert kinds.count(pm.ProgrammeKind.EXPERIENCE_SHARING) == 1
    assert kinds.count(pm.ProgrammeKind.ROUND_TABLE) == 2
    assert kinds.count(pm.ProgrammeKind.RELEASE) == 1
    topics = [t["en"] for i in FORUM.programme if i.kind is pm.ProgrammeKind.ROUND_TABLE for t in i.topics]
    assert all(topic in ARTICLE for topic in topics) and len(topics) == 2
    sharing = next(i for i in FORUM.programme if i.kind is pm.ProgrammeKind.EXPERIENCE_SHARING)
    assert len(sharing.speakers) == 6


def test_sinopec_projects_in_dongxiang() -> None:
    places = {p.id: p.place["en"] for p in FORUM.projects if p.actor == "sinopec" and p.place}
    assert places == {
        "bulengou-village": "Dongxiang County, Gansu Province",
        "dongxiang-quinoa": "Dongxiang County, Gansu Province",
    }
    assert "Bulenggou" in FORUM.projects[0].name["en"]  # 布楞沟: the article's "Bulengou" drops a g


def test_texts_in_six_languages_and_traditional_chinese_derived() -> None:
    def texts(forum: pm.Forum) -> list[pm.LocalizedText]:
        found = [forum.name, forum.city]
        if forum.theme:
            found.append(forum.theme)
        found += [c.name for c in forum.categories] + [m.name for m in forum.measures]
        found += [f.text for c in forum.categories for f in c.facts]
        found += [m.label for m in forum.metrics] + [o.name for o in forum.organizations]
        found += [m.statement for m in forum.metrics if m.statement is not None]
        found += [p.title for person in forum.people for p in person.positions]
        found += [i.title for i in forum.programme] + [t for i in forum.programme for t in i.topics]
        found += [r.text for i in forum.programme for r in i.remarks]
        found += [p.name for p in forum.projects] + [p.place for p in forum.projects if p.place]
        if forum.attendance:
            found += list(forum.attendance.groups)
        return found

    han = re.compile(r"[\u4e00-\u9fff]")
    cyrillic = re.compile(r"[\u0400-\u04ff]")
    arabic = re.compile(r"[\u0600-\u06ff]")
    written = set(pm.LANGUAGES) - {"zh-Hant"}
    companies = [o.name for o in FORUM.organizations if o.kind is pm.OrganizationKind.ENTERPRISE]
    for text in texts(FORUM):
        plain = {tag for tag in text.languages if "-x-" not in tag}
        # zh-Hant is derived by OpenCC; a Taiwan text is stored only where Taiwan's words differ (docs/dataset.md)
        assert plain - {"zh-Hant-TW"} == written, text
        if "zh-Hant-TW" in plain:
            assert text["zh-Hant-TW"] != pm.LocalizedText({"zh-Hans": text["zh-Hans"]}).for_locale("zh_TW"), text
        assert han.search(text["zh-Hans"]) and han.search(text.for_locale("zh_TW")), text
        # company names may stay in Latin letters where that language's press writes them so
        if text not in companies:
            assert text["fr"] != text["en"] and text["es"] != text["en"], text
        assert arabic.search(text["ar"]), text
        if text not in companies:
            assert cyrillic.search(text["ru"]), text


def test_people_keep_pinyin_outside_chinese() -> None:
    for person in FORUM.people:
        assert set(person.name.languages) <= {"en", "zh-Hans", "zh-Hant"}
        assert person.name.for_locale("ru") == person.name["en"]


def test_headline() -> None:
    assert [m.id for m in FORUM.headline_metrics()] == [
        "counties-lifted-out-of-poverty",
        "counties-under-acceptance",
        "funds-invested-since-2016",
        "cadres-dispatched",
    ]
