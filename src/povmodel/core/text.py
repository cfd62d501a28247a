"""Text in several languages, keyed by BCP 47 language tags."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

import attrs

from povmodel.core.errors import ValidationError

__all__ = ["LocalizedText", "is_language_tag"]

# Well-formed BCP 47 tags as povmodel uses them: language, optional script,
# optional region (``en``, ``zh-Hans``, ``zh-Hant-TW``, ``es-419``).
_TAG = re.compile(r"[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?")
_SEPARATOR = re.compile(r"[-_]")
_TRADITIONAL_REGIONS = frozenset({"TW", "HK", "MO"})
FALLBACK = "en"


def is_language_tag(tag: str) -> bool:
    """Tell whether ``tag`` is a well-formed language tag (``en``, ``zh-Hans``).

    Examples:
        >>> is_language_tag("zh-Hant"), is_language_tag("zh_Hant"), is_language_tag("EN")
        (True, False, False)
    """
    if tag in _WELL_FORMED:
        return True
    if _TAG.fullmatch(tag) is None:
        return False
    if len(_WELL_FORMED) < 1024:  # a bounded memo: texts repeat the same few tags
        _WELL_FORMED.add(tag)
    return True


_WELL_FORMED: set[str] = set()


def _items(value: Mapping[str, str] | tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    if isinstance(value, Mapping):
        return tuple(sorted(value.items(), key=_tag))
    pairs = tuple(value)
    tags = [tag for tag, _ in pairs]
    if len(set(tags)) != len(tags):
        raise ValidationError.at("", f"a language appears twice: {sorted(t for t in set(tags) if tags.count(t) > 1)}")
    return tuple(sorted(pairs, key=_tag))


def _tag(pair: tuple[str, str]) -> str:
    return str(pair[0])


def _check_items(
    instance: LocalizedText,
    attribute: attrs.Attribute[tuple[tuple[str, str], ...]],
    value: tuple[tuple[object, object], ...],
) -> None:
    # Typed loosely: the pairs come from callers' dicts, not yet checked.
    if value and all(
        tag.__class__ is str and tag in _WELL_FORMED and text.__class__ is str and not text.isspace() and text
        for tag, text in value
    ):
        return  # the common case, checked without building anything
    errors: list[tuple[str, str]] = []
    if not value:
        errors.append(("", "needs text in at least one language"))
    for tag, text in value:
        if not isinstance(tag, str) or not is_language_tag(tag):
            errors.append((f"[{tag!r}]", f"not a language tag: {tag!r}"))
        elif not isinstance(text, str):
            errors.append((f"[{tag!r}]", f"expected a string, got {type(text).__name__}"))
        elif not text.strip():
            errors.append((f"[{tag!r}]", "must not be blank"))
    if errors:
        raise ValidationError(errors)


@attrs.frozen(repr=False)
class LocalizedText(Mapping[str, str]):
    """The same text in several languages.

    A read-only mapping of language tag to text; in JSON, an object such as
    ``{"en": "Beijing", "zh-Hans": "北京"}``.

    Attributes:
        items: ``(tag, text)`` pairs, sorted by tag. Pass a ``dict`` to build one.

    Examples:
        >>> city = LocalizedText({"en": "Beijing", "zh-Hans": "北京", "zh-Hant": "北京"})
        >>> city.for_locale("zh_TW"), city.for_locale("fr_CA")
        ('北京', 'Beijing')
    """

    items_: tuple[tuple[str, str], ...] = attrs.field(converter=_items, validator=_check_items, alias="items")

    def __getitem__(self, tag: str) -> str:
        for key, text in self.items_:
            if key == tag:
                return text
        raise KeyError(tag)

    def __iter__(self) -> Iterator[str]:
        return (tag for tag, _ in self.items_)

    def __len__(self) -> int:
        return len(self.items_)

    def __repr__(self) -> str:
        return f"LocalizedText({dict(self.items_)!r})"

    def __str__(self) -> str:
        return self.for_locale(FALLBACK)

    @property
    def languages(self) -> tuple[str, ...]:
        """The language tags this text is available in."""
        return tuple(tag for tag, _ in self.items_)

    def for_locale(self, locale: object = FALLBACK) -> str:
        """Return the text that best fits ``locale``; never fails.

        ``locale`` is a tag or locale identifier (``"zh-Hant"``, ``"zh_TW"``,
        ``"fr_CA"``) or a ``babel.Locale``. The best match is chosen in this order:
        the exact tag, language and script (``zh_TW`` gives ``zh-Hant``, ``zh_CN``
        gives ``zh-Hans``), the language alone, then English, then the first text.

        Args:
            locale: the reader's locale.

        Returns:
            The text in the closest available language.
        """
        for tag in _candidates(str(locale)):
            for key, text in self.items_:
                if key == tag:
                    return text
        return self.items_[0][1]


def from_json_object(data: dict[str, object]) -> LocalizedText:
    """Build a LocalizedText from a parsed JSON object, as fast as the checks allow.

    The common case (well-formed tags seen before, non-blank strings) is checked
    inline and the instance built without running the checks a second time; any
    other input goes through the class's own validation and its errors.
    """
    try:
        # str.strip refuses anything but a string; an empty result means a blank text.
        trusted = bool(data) and _WELL_FORMED.issuperset(data) and all(map(str.strip, data.values()))  # type: ignore[arg-type]
    except TypeError:
        trusted = False
    if trusted:
        instance = object.__new__(LocalizedText)
        object.__setattr__(instance, "items_", tuple(sorted(data.items())))
        return instance
    return LocalizedText(data)  # type: ignore[arg-type]


def _candidates(locale: str) -> Iterator[str]:
    parts = _SEPARATOR.split(locale)
    language = parts[0].lower()
    script = next((p.title() for p in parts[1:] if len(p) == 4 and p.isalpha()), None)
    region = next((p.upper() for p in parts[1:] if len(p) in (2, 3) and p.isalnum()), None)
    if language == "zh" and script is None:
        script = "Hant" if region in _TRADITIONAL_REGIONS else "Hans"
    if script and region:
        yield f"{language}-{script}-{region}"
    if script:
        yield f"{language}-{script}"
    if region:
        yield f"{language}-{region}"
    yield language
    yield FALLBACK
