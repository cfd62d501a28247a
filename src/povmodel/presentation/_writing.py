"""What every part of a summary shares: the reader's formatter, the forum, and the names of its data.

A summary's words come from two places. The catalogue (domain ``povmodel``)
gives the frames of each language; the data gives the names, with their
grammatical forms (``fr-x-def``, ``ru-x-gen``...), and the sentences of its
figures (`Metric.statement`) and of its speakers (`Remark`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Final

import attrs
from babel.dates import format_date, format_skeleton

from povmodel.core.actors import Organization, Person
from povmodel.core.model import Forum, Metric
from povmodel.core.text import LocalizedText
from povmodel.presentation._base import FormatterBase
from povmodel.presentation._locales import ListStyle

__all__ = ["FORM_SUFFIXES", "PREDICATE_PARTS", "SPEAKERS_LISTED", "Writer", "running_date", "upper_first"]

_VARIANTS: Final = ("", "_short", "_full")
_FORMS: Final = ("", "_plain", "_gen", "_loc", "_narrow")
FORM_SUFFIXES: Final = (*(v + f for v in _VARIANTS for f in _FORMS if v + f), "_first")
"""Suffixes a translator may add to a placeholder that names texts of the data.

``%(sponsor)s`` is the name as running text writes it (its ``def`` form: "the
State-owned Assets…"); a variant picks the short name (``%(sponsor_short)s``:
SASAC) or the full one (``%(sponsor_full)s``); a form follows: ``_plain`` the
bare name, ``_gen`` its genitive ("of the …", Russian genitive), ``_loc`` its
form after "in", ``_narrow`` a list with every name joined by the same mark
(中国石化、中国社会责任百人论坛). ``%(sponsor_first)s`` is the full name with the
short one in brackets, for a first mention. So ``%(organizers_short_gen)s`` is
the organisers' short names, in the genitive, as a list.
"""

PREDICATE_PARTS: Final = ("verb", "rest")
"""Beside ``%(predicates)s``, a frame of figures may use ``%(verb)s`` and ``%(rest)s``.

They are the predicates' first word and the others, so that a language may put
the subject after the verb (Arabic: verb, subject, object).
"""
SPEAKERS_LISTED: Final = "speakers_listed"
"""Beside ``%(speakers)s`` (the subject), a frame may list the speakers where the sentence ends."""


def _m(message: str) -> str:
    return message


def _mp(context: str, message: str) -> tuple[str, str]:
    return context, message


# A translator's switch: how running text writes a date, as a babel (CLDR) date pattern;
# "long" for the locale's long format. Russian news copy writes "16 октября 2020 года".
_DATE: Final = _mp("a date in running text: a babel date pattern, or long", "long")
_OF: Final = _mp("the genitive of a name, where the data gives none", "of %(name)s")
_FIRST_MENTION: Final = _m("%(name)s (%(short)s)")
_TITLES_TWO: Final = _mp("joining two posts of one person", "%(first)s and %(second)s")
_POSTS: Final = _m("%(titles)s of %(organization)s")
_PERSON: Final = _m("%(name)s, %(posts)s")
# The same, as the subject of a sentence: English closes the apposition with a comma.
_PERSON_SUBJECT: Final = _mp("a person with their posts, as the subject of a sentence", "%(name)s, %(posts)s,")
# People named with their posts, in a list: "Zhang Yuzhuo, chairman of Sinopec; Liu Guoyue, …".
_PEOPLE_TWO: Final = _mp("joining two people named with their posts", "%(first)s and %(second)s")
_PEOPLE_MIDDLE: Final = _mp("joining people named with their posts, before the last two", "%(first)s; %(rest)s")
_PEOPLE_END: Final = _mp("joining people named with their posts, the last two", "%(first)s; and %(last)s")
_PEOPLE_SUBJECT: Final = _mp("people named with their posts, as the subject of a sentence", "%(people)s,")
# Translators' switches: a list's last two items as the language's press joins them
# ("CLDR" keeps CLDR's pattern: "A, B, and C"; AP style is "{0} and {1}"); and whether
# a closing period or comma goes inside closing quotation marks (American "…”." → "….”").
_LIST_END: Final = _mp("a list's last two items, {0} and {1}: CLDR for CLDR's pattern, or your own", "CLDR")
_INSIDE_QUOTES: Final = _mp("a closing period or comma inside closing quotation marks: yes or no", "no")
_CLAUSES_TWO: Final = _mp("joining two predicates", "%(first)s and %(second)s")
_CLAUSES_MIDDLE: Final = _mp("joining predicates, before the last two", "%(first)s, %(rest)s")
_CLAUSES_END: Final = _mp("joining predicates, the last two of three or more", "%(first)s, and %(last)s")
# Words that predicates joined in one sentence say once, at the first: English
# "have trained…, hired… and helped…". A translator's switch: "none" for no such word.
_SAID_ONCE: Final = _mp(
    "auxiliary verbs joined predicates say only once, separated by |; none if the language has none", "have|has"
)

# A statement that starts with one of these continues the statement before it.
_CONTINUES: Final = re.compile(r"^[\s\u00a0\u202f]*[,，、;；،؛]")
_PLACEHOLDER: Final = re.compile(r"\{(figure|amount|speakers)\}")
_HAN: Final = re.compile("[\u3400-\u9fff]")
_OUTSIDE_QUOTES: Final = re.compile(r"([”’»])([.,])")
_OPENING: Final = "\u2068«“\"'¿¡"


def running_date(fmt: FormatterBase, day: dt.date, *, year: bool = True) -> str:
    """A date as ``fmt``'s language writes it in running text: the catalogue's pattern ("16 октября 2020 года").

    ``year=False`` writes the day and month only, as CLDR orders them for the
    locale ("October 16", "16 octobre", "10月16日"): for a year the report does not give.
    """
    if not year:
        return str(format_skeleton("MMMMd", day, locale=fmt.locale))
    pattern = str(fmt._translations.pgettext(*_DATE))
    if pattern == "long":
        return fmt.date(day)
    return str(format_date(day, format=pattern, locale=fmt.locale))


def upper_first(text: str) -> str:
    """``text`` with its first letter in upper case, past opening quotes and isolates."""
    start = len(text) - len(text.lstrip(_OPENING))
    return text[:start] + text[start : start + 1].upper() + text[start + 1 :]


@attrs.frozen
class Writer:
    """A summary in the making: the reader's formatter, the forum, and who has been named so far."""

    fmt: FormatterBase
    forum: Forum
    introduced: set[str] = attrs.field(factory=set)

    def say(self, message: str | tuple[str, str], **values: object) -> str:
        return self.fmt._say(message, **values)

    def date(self, day: dt.date, *, year: bool = True) -> str:
        """A date as the summary's language writes it in running text (the catalogue's pattern); see `running_date`."""
        return running_date(self.fmt, day, year=year)

    def setting(self, message: tuple[str, str]) -> str:
        """A translator's switch: the catalogue's answer to ``message``, not filled in."""
        return str(self.fmt._translations.pgettext(*message))

    def say_plural(self, messages: tuple[str, str], n: int, **values: object) -> str:
        return self.fmt._say_plural(messages, n, **values)

    def text(self, value: LocalizedText, form: str | None = None) -> str:
        """A text of the data in the reader's language; in a right-to-left sentence, its Latin words isolated."""
        return self.fmt._isolate_latin(self.fmt.text(value, form=form))

    def sentences(self, sentences: Sequence[str]) -> str:
        """Sentences one after the other, as the language writes them, with its punctuation around quotes."""
        text = self.fmt._sentences(sentences)
        if self.setting(_INSIDE_QUOTES) == "yes":
            text = _OUTSIDE_QUOTES.sub(r"\2\1", text)
        return text

    def joined(self, items: Sequence[str], *, list_style: ListStyle = "standard") -> str:
        """Items joined as a list, with the catalogue's pattern for the last two where it gives one."""
        end = self.setting(_LIST_END)
        return self.fmt._list(items, list_style, None if end == "CLDR" or list_style != "standard" else end)

    def people(self, ids: Sequence[str]) -> str:
        """People as the subject of a sentence: with their posts at a first mention, else by name."""
        return self.people_forms(ids)[0]

    def people_forms(self, ids: Sequence[str]) -> tuple[str, str]:
        """People as `people` names them: as the subject of a sentence, and as a list that ends one."""
        if all(id in self.introduced for id in ids):
            names = self.joined([self.named(self.forum.person(id)) for id in ids])
            return names, names
        if len(ids) == 1:
            mentioned = self.mention(ids[0])
            return mentioned, mentioned
        named: list[str] = []
        for id in ids:
            first = id not in self.introduced
            self.introduced.add(id)
            person = self.forum.person(id)
            named.append(self.person(person) if first else self.named(person))
        tail = self.say(_PEOPLE_END, first=named[-2], last=named[-1])
        if len(named) == 2:
            tail = self.say(_PEOPLE_TWO, first=named[0], second=named[1])
        for item in reversed(named[:-2]):
            tail = self.say(_PEOPLE_MIDDLE, first=item, rest=tail)
        return self.say(_PEOPLE_SUBJECT, people=tail), tail

    def gen(self, value: LocalizedText) -> str:
        """``value`` as the complement of a noun: its ``gen`` form, or the catalogue's "of …"."""
        found = self.fmt.form(value, "gen")
        return found if found is not None else self.say(_OF, name=self.text(value, "def"))

    def names(
        self,
        key: str,
        texts: Sequence[LocalizedText],
        shorts: Sequence[LocalizedText] | None = None,
        *,
        short_first: bool = False,
    ) -> dict[str, str]:
        """The placeholders of names of the data, in every variant and form a translator may ask for.

        ``%(key)s`` gives ``texts`` (or, ``short_first``, their short names);
        ``shorts`` are their short names, where they have one (see `FORM_SUFFIXES`).
        """
        full = list(texts)
        short = list(shorts) if shorts is not None else full
        values = {}
        for variant, chosen in (("", short if short_first else full), ("_short", short), ("_full", full)):
            written = [self.text(t, "def") for t in chosen]
            values[key + variant] = self.joined(written)
            values[f"{key}{variant}_plain"] = self.joined([self.text(t) for t in chosen])
            values[f"{key}{variant}_gen"] = self.joined([self.gen(t) for t in chosen])
            values[f"{key}{variant}_loc"] = self.joined([self.text(t, "loc") for t in chosen])
            values[f"{key}{variant}_narrow"] = self.joined(written, list_style="standard-narrow")
        values[f"{key}_first"] = self.joined(
            [self.text(f, "def") if f is s else self.say(_FIRST_MENTION, name=self.text(f, "def"), short=self.text(s))
             for f, s in zip(full, short, strict=True)]
        )  # fmt: skip
        return values

    def organizations(self, key: str, ids: Sequence[str], *, short_first: bool = False) -> dict[str, str]:
        """The placeholders of organisations: by full name (or, ``short_first``, short name), in every form."""
        orgs = [self.forum.organization(i) for i in ids]
        return self.names(key, [o.name for o in orgs], [self.short(o) for o in orgs], short_first=short_first)

    def short(self, org: Organization) -> LocalizedText:
        """The organisation's short name where the reader's language has one, else its full name."""
        short = org.short_name
        return short if short is not None and self.fmt.has(short) else org.name

    def person(self, person: Person, *, subject: bool = False) -> str:
        """The person's name with their posts ("Hao Peng, Party secretary and chairman of SASAC").

        As the ``subject`` of a sentence, in the catalogue's frame for it.
        """
        by_org: dict[str, list[str]] = {}
        for position in person.positions:
            by_org.setdefault(position.organization, []).append(self.text(position.title))
        posts = []
        for org, titles in by_org.items():
            joined = titles[0]
            for title in titles[1:]:
                joined = self.say(_TITLES_TWO, first=joined, second=title)
            posts.append(self.say(_POSTS, titles=joined, **self.organizations("organization", [org])))
        name = self.fmt.name(person.name)
        if not posts:
            return name
        if self.fmt.locale.language == "zh" and not _HAN.search(name):
            name = ""  # Chinese copy prints no pinyin: a person whose characters are unknown is named by post
        return self.say(_PERSON_SUBJECT if subject else _PERSON, name=name, posts=self.joined(posts))

    def named(self, person: Person) -> str:
        """A person named again: by name, or, in Chinese, by post where only the pinyin is known."""
        name = self.fmt.name(person.name)
        if self.fmt.locale.language == "zh" and not _HAN.search(name) and person.positions:
            return self.person(person)
        return name

    def mention(self, id: str) -> str:
        """A person as the subject of a sentence names them: with their posts the first time, then by name."""
        person = self.forum.person(id)
        if id in self.introduced:
            return self.named(person)
        self.introduced.add(id)
        return self.person(person, subject=True)

    def join(self, items: Sequence[str]) -> str:
        """Predicates joined by the catalogue's patterns, each auxiliary said once.

        One that starts with a comma continues the one before it.
        """
        runs: list[str] = []
        for item in items:
            if runs and _CONTINUES.match(item):
                runs[-1] += item
            else:
                runs.append(item)
        runs = self._said_once(runs)
        if len(runs) == 1:
            return runs[0]
        if len(runs) == 2:
            return self.say(_CLAUSES_TWO, first=runs[0], second=runs[1])
        tail = self.say(_CLAUSES_END, first=runs[-2], last=runs[-1])
        for item in reversed(runs[:-2]):
            tail = self.say(_CLAUSES_MIDDLE, first=item, rest=tail)
        return tail

    def _said_once(self, runs: list[str]) -> list[str]:
        words = self.setting(_SAID_ONCE).split("|")
        first, _, _ = runs[0].partition(" ") if runs else ("", "", "")
        if first not in words or first == "none":
            return runs
        prefix = first + " "
        return [runs[0], *(run.removeprefix(prefix) for run in runs[1:])]

    def fill(self, template: LocalizedText, **values: str) -> str:
        """A sentence of the data with its placeholder filled in."""
        return _PLACEHOLDER.sub(lambda found: values[found[1]], self.text(template))

    def statement(self, metric: Metric) -> str | None:
        """What the metric's actor did, as the rest of a sentence, or ``None`` where the data says not."""
        if metric.statement is None:
            return None
        quantity, qualifier = metric.quantity, metric.qualifier
        return self.fill(
            metric.statement,
            figure=self.fmt.quantity(quantity, qualifier, words=True),
            amount=self.fmt.amount(quantity, qualifier, words=True),
        )
