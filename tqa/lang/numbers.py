"""Locale-aware number extraction and source/target alignment by value.

``extract(text, lang)`` finds every number-like mention in a text and reads its value with the
conventions of ``lang``:

* digits in any Unicode script (``311``, ``٣١١``, ``۳۱۱``, ``३११``, ``３１１``), read through
  ``unicodedata.decimal``; group and decimal separators from CLDR (Babel): ``1,000.5`` (en),
  ``1.000,5`` (es, de, it, pt), ``1 000,5`` with space, NBSP or narrow NBSP (fr, ru),
  ``1’000.5`` (de-CH), Arabic ``٫`` and ``٬``. A form like ``1.000`` or ``1,500`` is read the
  way the segment's locale reads it and keeps the other reading as ``alt``; where the locale
  cannot decide (the separator is not one of its symbols, or the language is unknown) the
  mention is marked ``settled=False`` and the checks report it as ambiguous (TQA205, neutral),
  never as a mismatch. A target that its locale reads as another value than the source
  (``1.000`` copied from Spanish into English, which reads 1) is a changed number;
* signs (``-5``, ``−5``), ranges (``2016-2024`` is 2016 and 2024), percentages (``50 %``,
  ``50 por ciento``, ``百分之五十``), ordinals (``27th``, ``27.º``, ``27e``, ``27-го``, words),
  scale words after digits or words (``2,5 millones``, ``2,5 млн``, ``3.5亿``, ``mil millones``);
* numbers written as words, per language (``four``, ``cuatro``, ``quatre-vingt-dix``,
  ``achtundzwanzig``, ``двадцать восемь``, ``二十八``); values often used as pronouns or
  articles (``one of them``, ``uno de los``, ``first``) are *weak*: they match like any
  number but are never reported on their own;
* dates (``November 27`` = ``27 de noviembre`` = ``27. November`` = ``27 ноября`` =
  ``11月27日``; numeric dates in the locale's CLDR order), weekdays and month names (from
  CLDR), and times (``10:30``, ``10h30``, ``3 p.m.``);
* codes and names that contain digits (``COVID-19``, ``G7``, ``F-16``, ``1701(2006)``) are
  kept as strings and never read as quantities.

Fractions written as words (``half``, ``mitad``) are deliberately not numbers: they are too
often idiomatic (``half of the city``) to compare safely; digit fractions ``3/4`` read as two
numbers. A German ordinal ``27.`` reads as 27 (cardinals and ordinals compare by value).

``analyze(source, target, src_lang, tgt_lang)`` matches the two lists as multisets by value
(order-insensitive; numbers, percentages and ordinals compare by value across those kinds, so
``four`` = ``4`` and ``1st`` = ``primero``), then by the other reading of ambiguous forms, then
by loose equivalences (a date's day against a bare number, a code's digits), then pairs the
leftovers of the same type by position as *changed*, and leaves the rest as *missing* /
*extra*. Weak mentions (``one``, ``uno``, ``first``) are never missing or extra on their own.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
import unicodedata
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, NamedTuple, TypeVar

from tqa.lang.numbers_words import (
    CJK_BIG_UNITS,
    CJK_COUNTERS,
    CJK_DIGITS,
    CJK_PERCENT_PREFIX,
    CJK_PERCENT_SUFFIX,
    CJK_SMALL_UNITS,
    TABLES,
    WordTable,
)

if TYPE_CHECKING:
    from babel import Locale

Kind = Literal["number", "percent", "ordinal", "date", "time", "weekday", "month", "code"]
Value = float | tuple[int, int] | int | str
Span = tuple[int, int]

_NUMERIC_KINDS = frozenset({"number", "percent", "ordinal"})


@dataclass(frozen=True)
class Mention:
    """One number-like mention in a text.

    ``value`` is a float for numbers, percentages and ordinals, ``(month, day)`` for dates,
    ``(hour, minute)`` for times, an int for weekdays (0 = Monday) and months (1-12), and the
    normalised string for codes. ``alt`` is the other reading of an ambiguous form.
    """

    kind: Kind
    value: Value
    start: int
    end: int
    text: str
    words: bool = False
    alt: Value | None = None
    settled: bool = True
    note: str | None = None
    weak: bool = False

    @property
    def span(self) -> Span:
        return (self.start, self.end)

    @property
    def group(self) -> str:
        return "num" if self.kind in _NUMERIC_KINDS else self.kind

    def key(self) -> tuple[str, object]:
        """What equal values share: the type group and the normalised value."""
        return (self.group, _norm(self.value))

    def alt_key(self) -> tuple[str, object] | None:
        return None if self.alt is None else (self.group, _norm(self.alt))

    def describe(self) -> str:
        """The value in words a message can use (``2500000``, ``27 November``, ``10:30``)."""
        return describe_value(self.kind, self.value)


_new_object = object.__new__
_set_attribute = object.__setattr__
T = TypeVar("T")


def _built(cls: type[T], fields: dict[str, object]) -> T:
    """``cls(**fields)`` for a frozen dataclass, at a third of the cost: its ``__init__`` sets
    each field with its own ``object.__setattr__`` call; this sets the instance dictionary
    once. The result is the same object (fields, order, equality, hash, pickling). Only for
    the objects made once per number or per segment; ``fields`` must name every field."""
    made: T = _new_object(cls)
    _set_attribute(made, "__dict__", fields)
    return made


def _mention(
    kind: Kind,
    value: Value,
    start: int,
    end: int,
    text: str,
    words: bool = False,
    alt: Value | None = None,
    settled: bool = True,
    note: str | None = None,
    weak: bool = False,
) -> Mention:
    """``Mention(...)`` built with :func:`_built`: extraction makes one per number."""
    return _built(
        Mention,
        {
            "kind": kind,
            "value": value,
            "start": start,
            "end": end,
            "text": text,
            "words": words,
            "alt": alt,
            "settled": settled,
            "note": note,
            "weak": weak,
        },
    )


def _num(value: float) -> int | float:
    """A float as an int when it is whole, else rounded to 9 significant digits."""
    if value.is_integer() and abs(value) < 1e18:  # finite and whole
        return int(value)
    return float(f"{value:.9g}")


def _norm(value: Value) -> object:
    return _num(value) if isinstance(value, float) else value


_MONTHS_EN = (
    "January February March April May June July August September October November December"
).split()
_WEEKDAYS_EN = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def describe_value(kind: str, value: Value) -> str:
    """A language-neutral rendering of a value for messages."""
    if kind == "date" and isinstance(value, tuple):
        return f"{value[1]} {_MONTHS_EN[value[0] - 1]}"
    if kind == "time" and isinstance(value, tuple):
        return f"{value[0]:02d}:{value[1]:02d}"
    if kind == "weekday" and isinstance(value, int):
        return _WEEKDAYS_EN[value]
    if kind == "month" and isinstance(value, int):
        return _MONTHS_EN[value - 1]
    if isinstance(value, float):
        shown = _num(value)
        if isinstance(shown, int):
            text = f"{shown:,}" if abs(shown) >= 10000 else str(shown)
        else:
            text = f"{shown:,.9g}" if abs(shown) >= 10000 else f"{shown:.9g}"
        return text + ("%" if kind == "percent" else "")
    return str(value)


# -- locales ---------------------------------------------------------------------------------

_SPACES = "\u00a0\u202f\u2009\u2007 "
_APOSTROPHES = "'’"


def _sep_class(char: str) -> str:
    if char in _SPACES:
        return " "
    if char in _APOSTROPHES:
        return "'"
    return char


@dataclass(frozen=True)
class LocaleInfo:
    """What CLDR says about writing numbers and dates in one locale."""

    tag: str
    lang: str
    known: bool
    decimal: str = "."
    group: str = ","
    date_order: str = "mdy"
    babel_locale: str | None = None
    secondary_group: int = 3
    """Digits per group above the first (CLDR): 2 in Indian grouping, ``3,11,311``."""


@functools.lru_cache(maxsize=256)
def locale_info(tag: str) -> LocaleInfo:
    """Separators and date order for a language tag (``es``, ``pt-BR``, ``de_CH``)."""
    from babel import Locale, UnknownLocaleError
    from babel.dates import get_date_format
    from babel.numbers import get_decimal_symbol, get_group_symbol

    cleaned = tag.strip().replace("-", "_") or "und"
    lang = cleaned.split("_")[0].lower()
    locale = None
    for candidate in (cleaned, lang):
        try:
            locale = Locale.parse(candidate)
            break
        except (UnknownLocaleError, ValueError, TypeError):
            continue
    if locale is None:
        return LocaleInfo(tag=tag, lang=lang, known=False)
    name = str(locale)
    pattern = get_date_format("short", locale=name).pattern
    positions = {c: pattern.find(c) for c in "dMy" if pattern.find(c) >= 0}
    order = "".join(sorted(positions, key=lambda c: positions[c])).lower()
    return LocaleInfo(
        tag=tag,
        lang=lang,
        known=True,
        decimal=_sep_class(get_decimal_symbol(name)),
        group=_sep_class(get_group_symbol(name)),
        date_order=order if len(order) == 3 else "mdy",
        babel_locale=name,
        secondary_group=_secondary_grouping(locale),
    )


def _secondary_grouping(locale: object) -> int:
    """The secondary grouping size of a Babel locale's decimal pattern (3 for most)."""
    try:
        grouping = locale.decimal_formats[None].grouping  # type: ignore[attr-defined]
        return int(grouping[1])
    except (AttributeError, KeyError, IndexError, TypeError, ValueError):
        return 3


def _upper_groups_ok(groups: list[str], loc: LocaleInfo) -> bool:
    """Whether the integer groups after the leading one are well formed: all of three digits,
    or, where CLDR says so (hi, en-IN), of two digits except the last three (``3,11,311``)."""
    if all(len(g) == 3 for g in groups):
        return True
    return (
        loc.secondary_group == 2
        and len(groups) >= 2
        and len(groups[-1]) == 3
        and all(len(g) == 2 for g in groups[:-1])
    )


# -- month and weekday names (CLDR) ----------------------------------------------------------

_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


@dataclass(frozen=True)
class CalendarNames:
    """Month and weekday names of one language, compiled."""

    months: dict[str, int]
    """All month names (wide and abbreviated, format and stand-alone), lower case."""
    standalone_months: dict[str, int]
    weekdays: dict[str, int]
    date_dm: re.Pattern[str] | None
    date_md: re.Pattern[str] | None
    names_re: re.Pattern[str] | None
    case_sensitive: bool
    by_first_word: dict[str, tuple[str, ...]]
    """Month names (lower case) by their first word, longest first."""
    name_firsts: dict[str, tuple[str, ...]]
    """Weekday and standalone month names (lower case) by their first word."""
    first_order: dict[str, int]
    """The position of each key of ``by_first_word``."""


def _fits(name: str, lang: str) -> bool:
    if not name or any(ch.isdigit() for ch in name):
        return False
    return lang in ("zh", "ja") or not _CJK_RE.search(name)


@functools.lru_cache(maxsize=64)
def calendar_names(lang: str) -> CalendarNames:
    from babel.dates import get_day_names, get_month_names

    info = locale_info(lang)
    months: dict[str, int] = {}
    standalone: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    if info.known and info.babel_locale:
        sources = [info.babel_locale]
        if info.lang == "ar":
            sources.append("ar_SY")
        for loc in sources:
            for width in ("wide", "abbreviated"):
                for context in ("format", "stand-alone"):
                    for number, name in get_month_names(width, context, loc).items():
                        clean = name.strip().rstrip(".")
                        if not _fits(clean, info.lang):
                            continue
                        months.setdefault(clean.lower(), number)
                        if width == "wide" or info.lang in ("zh", "ja"):
                            standalone.setdefault(name, number)
            widths: tuple[Literal["wide", "abbreviated"], ...] = (
                ("wide", "abbreviated") if info.lang == "zh" else ("wide",)
            )
            for width in widths:
                for index, name in get_day_names(width, "format", loc).items():
                    if _fits(name, info.lang):
                        weekdays.setdefault(name, index)
    if info.lang == "ru":
        for name, number in list(standalone.items()):
            if name.endswith(("ь", "й")):
                standalone.setdefault(name[:-1] + "е", number)
            elif not name.endswith("."):
                standalone.setdefault(name + "е", number)
        for name, index in list(weekdays.items()):
            if name.endswith("а"):
                weekdays.setdefault(name[:-1] + "у", index)
    # habitual plurals and adverbs: "on Sundays", "los domingos", "les dimanches", "sonntags"
    for name, index in list(weekdays.items()):
        if info.lang in ("en", "fr"):
            weekdays.setdefault(name + "s", index)
        elif info.lang in ("es", "pt") and name.endswith("o"):
            weekdays.setdefault(name + "s", index)
        elif info.lang == "de":
            weekdays.setdefault(name.lower() + "s", index)
    if info.lang == "en":
        standalone.pop("May", None)  # the modal verb; see _may_is_month
    # Standalone names must be written as CLDR writes them: "Saturday" in English, "sábado"
    # in Spanish. A capitalised Spanish "Domingo" or "Abril" is a name, not a weekday.
    case_sensitive = True
    date_dm = date_md = names_re = None
    if months and info.lang not in ("zh", "ja"):
        alternation = "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True))
        date_dm = re.compile(
            r"(?<![\d.,])(\d{1,2})(?:st|nd|rd|th|er|ᵉʳ|º|ª|\.º|\.ª|\.)?"
            r"(?:\s+(?:de|of|del|du)\s+|\s+)"
            rf"({alternation})(?![^\W\d_])",
            re.IGNORECASE,
        )
        date_md = re.compile(
            rf"(?<![^\W\d_])({alternation})\.?\s+(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?"
            r"(?![\d])(?![.,]\d)",
            re.IGNORECASE,
        )
    names = [*standalone, *weekdays]
    if names:
        alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        if info.lang in ("zh", "ja"):
            names_re = re.compile(f"(?:{alternation})")
        else:
            flags = 0 if case_sensitive else re.IGNORECASE
            names_re = re.compile(rf"(?<![^\W\d_])(?:{alternation})(?![^\W\d_])", flags)
    by_first: dict[str, list[str]] = {}
    for month_name in sorted(months, key=len, reverse=True):
        by_first.setdefault(month_name.split()[0], []).append(month_name)
    return CalendarNames(
        months,
        standalone,
        weekdays,
        date_dm,
        date_md,
        names_re,
        case_sensitive,
        {k: tuple(v) for k, v in by_first.items()},
        _by_first(n.lower() for n in (*names, *(["May"] if info.lang == "en" else []))),
        {k: i for i, k in enumerate(by_first)},
    )


def _by_first(names: Iterable[str]) -> dict[str, tuple[str, ...]]:
    grouped: dict[str, list[str]] = {}
    for name in sorted(set(names), key=len, reverse=True):
        grouped.setdefault(name.split()[0], []).append(name)
    return {k: tuple(v) for k, v in grouped.items()}


# -- regular expressions ---------------------------------------------------------------------

_DIGIT_RE = re.compile(r"\d")
_CODE_HINT_RE = re.compile(
    r"\d(?:(?<=[A-Za-zА-Яа-яЁё]\d)|(?<=[A-Za-zА-Яа-яЁё][-‐‑–]\d)|(?<=[\u0621-\u06cc][-‐‑–]\d)"
    r"|[A-Z]|\s?\(\d)"
)
"""Whether a code may be here: a digit after a letter (or a letter and a dash), before a
capital letter or before ``(`` and a digit. Starting with a digit lets the scan skip fast."""
_CODE_RE = re.compile(
    r"(?<![A-Za-zА-Яа-яЁё0-9])(?:"
    r"[A-Za-zА-Яа-яЁё]+[-‐‑–]?\d+(?:[-‐‑]?[A-Za-zА-Яа-яЁё0-9]+)*"
    r"|[\u0621-\u064a\u067e\u0686\u06a9\u06af\u06cc]+[-‐‑–]\d+"
    r"|\d+(?![CF](?![A-Za-z0-9]))[A-Z]+(?![A-Za-z0-9])"
    r"|\d{2,5}\s?\(\d{4}\)"
    r")(?![A-Za-z0-9])"
)
_NUMERIC_DATE_HINT_RE = re.compile(r"\d([/.\-])\d\d?\1\d\d")
"""What every numeric date has (``27/11/24``); most texts with a full stop have none."""
_NUMERIC_DATE_RE = re.compile(
    r"(?<![\d.,/\-])(\d{1,4})([/.\-])(\d{1,2})\2(\d{2,4})(?!\d)(?![.,/\-]\d)"
)
_CJK_NUMERAL = "〇零一二两兩三四五六七八九十"
_CJK_DATE_RE = re.compile(
    rf"(?:(\d{{4}}|[〇零一二三四五六七八九]{{4}})\s*年\s*)?(\d{{1,2}}|[{_CJK_NUMERAL}]{{1,3}})\s*月"
    rf"(?:\s*(\d{{1,2}}|[{_CJK_NUMERAL}]{{1,3}})\s*[日号號])?"
)
_CJK_YEAR_RE = re.compile(r"(\d{4})\s*年")
_TIME_RE = re.compile(
    r"(?<![\d.,:])(\d{1,2})(?:"
    r":(\d{2})(?::\d{2})?(?!\d)(?:\s?([ap])\.?\s?m\b\.?)?"
    r"|\s?[hH]\s?(\d{2})?(?![^\W_])"
    r"|\s?([ap])\.?\s?m\b\.?"
    r")"
)
_DOT_TIME_RE = re.compile(
    r"(?:(?<![^\W\d_])(?:at|las|la|à|um|alle|ore|às|в|к)\s+)"
    r"(\d{1,2})\.(\d{2})(?!\d)(?![.,]\d)"
    r"|(?<![\d.,])(\d{1,2})\.(\d{2})"
    r"(?=\s?(?:[ap]\.?\s?m\b|uhr\b|h\b|horas?\b|heures?\b|ч\b|gmt\b|utc\b|cet\b))",
    re.IGNORECASE,
)
_MERIDIEM_RE = re.compile(r"\s?([ap])\.?\s?m\b\.?", re.IGNORECASE)
_CJK_DAYPART = (
    "午前|午後|上午|下午|晚上|早上|凌晨|中午|傍晚|夕方|今晚|昨晚|夜里|夜間|夜间|深夜|夜|朝"
)
"""Words before a clock time that say which half of the day it is (zh, ja)."""
_CJK_NIGHT = frozenset({"夜里", "夜間", "夜间", "夜"})
_CJK_TIME_RE = re.compile(
    rf"({_CJK_DAYPART})?\s*(\d{{1,2}}|[{_CJK_NUMERAL}]{{1,3}})\s*[時时点點]"
    rf"(?:\s*(\d{{1,2}}|[{_CJK_NUMERAL}]{{1,3}})\s*分|(半))?"
)
_CJK_AFTERNOON = frozenset({"午後", "下午", "晚上", "傍晚", "夕方", "今晚", "昨晚"})
_NUMBER_SPACE_RE = re.compile(
    r"\d\d*(?:(?:[.,'’٫٬]|[\u00a0\u202f\u2009\u2007 ](?=\d{3}(?!\d)))\d+)*"
)
r"""A run of digits and separators. ``\d\d*`` rather than ``\d+``: a pattern that starts with a
plain character class lets ``re`` skip to the next digit in C instead of trying the pattern
at every position."""
_SIGNS = frozenset("-−‒")
_ORDINAL_SUFFIX_RE = re.compile(
    r"(?:st|nd|rd|th|ºˢ|º|ª|\.º|\.ª|°|er|ère|re|ème|eme|e|ᵉ|ᵉʳ|es|"
    r"-?(?:й|я|е|го|му|м|х|ми|ой|ая|ое|ые|ых|ый))(?![^\W\d_])"
)
_MARKS = "\u0300-\u036f\u064b-\u065f\u0670\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963"
_WORD_RE = re.compile(rf"[^\W\d_]+(?:[{_MARKS}]+[^\W\d_]*)*|[{_MARKS}]+(?:[^\W\d_]+[{_MARKS}]*)*")
r"""A word: letters with the combining marks that Devanagari and vocalised Arabic need.

The same runs as ``(?:[^\W\d_]|[marks])+``, matched a third faster: the engine takes a whole
run of letters (or of marks) per step instead of choosing between the two at every character.
"""
_GAP_RE = re.compile(r"[ \u00a0\t]*[-‐‑]?[ \u00a0\t]*")
_CJK_RUN_RE = re.compile(r"(第)?([〇零一二两兩三四五六七八九十拾百千万萬亿億兆]+)")
_SEP_SPLIT_RE = re.compile(r"\d+|\D")
_CJK_TIME_CHAR_RE = re.compile("[時时点點]")
_CJK_TIME_HINT_RE = re.compile(r"[\d〇零一二两兩三四五六七八九十]\s*[時时点點]")
_TIME_HINT_RE = re.compile(
    r"\d:\d|\d\.\d\d(?!\d)(?![.,]\d)|\d\s?[hH](?:\s?\d\d)?(?![^\W_])|\d\s?[aApP]\.?\s?[mM]"
)
"""What a clock time needs (``10:30``, ``10.30``, ``10 h``, ``10h30``, ``3 pm``); "45.123" and
"5 habitantes" are not enough to run the time patterns."""
_DIGIT_HINT_RE = re.compile(
    r"\d(?:(?<=[A-Za-zА-Яа-яЁё]\d)|(?<=[A-Za-zА-Яа-яЁё][-‐‑–]\d)|(?<=[\u0621-\u06cc][-‐‑–]\d)"
    r"|[A-Z]|\s?\(\d"
    r"|([/.\-])\d\d?\1\d\d"
    r"|:\d|\.\d\d(?!\d)(?![.,]\d)|\s?[hH](?:\s?\d\d)?(?![^\W_])|\s?[aApP]\.?\s?[mM])"
)
"""Found exactly where one of ``_CODE_HINT_RE``, ``_NUMERIC_DATE_HINT_RE`` and
``_TIME_HINT_RE`` is (their branches after the shared leading digit): most texts with digits
have no code, numeric date or clock time, and one scan proves it where three would."""


# -- digits ----------------------------------------------------------------------------------


def _ascii(digits: str) -> str:
    """Digits of any script to ASCII (``٣١١`` -> ``311``), via ``unicodedata.decimal``."""
    if digits.isascii():
        return digits
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in digits)


class _Reading(NamedTuple):
    value: float
    alt: float | None = None
    settled: bool = True
    note: str | None = None


def _name(sep: str) -> str:
    return {
        ".": "a period",
        ",": "a comma",
        " ": "a space",
        "'": "an apostrophe",
        "٫": "the Arabic decimal separator",
        "٬": "the Arabic thousands separator",
    }.get(sep, repr(sep))


Way = Literal["whole", "decimal"]
"""How digit groups are read: all digits as one integer, or with a decimal point before the
last group."""


class _Plan(NamedTuple):
    """How to read every run of digits of one shape in one locale (see :func:`_read_digits`)."""

    value: Way
    alt: Way | None = None
    settled: bool = True
    note: str | None = None
    last: int = 0
    """Digits in the last group (those after the decimal point when read as ``decimal``)."""


_ASCII_SHAPE = str.maketrans("0123456789", "dddddddddd")
_SHAPE_RE = re.compile(r"\d")
_SHAPE_SPLIT_RE = re.compile(r"d+|[^d]")
_SEPARATORS = str.maketrans("", "", ".,'’٫٬" + _SPACES)


def _read_digits(body: str, tag: str) -> _Reading | None:
    """Read a run of digits and separators in a locale; ``None`` when it is not one number.

    How a run reads depends only on its shape (``ddd,ddd``: group sizes and separators),
    whether it starts with a zero, and the locale; that is decided once per shape
    (:func:`_digits_plan`, memoised), and the digits then give the values. Memoising by the
    run itself would miss: most runs with separators (``215,917``) occur once.
    """
    shape = body.translate(_ASCII_SHAPE) if body.isascii() else _SHAPE_RE.sub("d", body)
    plan = _digits_plan(shape, unicodedata.decimal(body[0]) == 0, tag)
    if plan is None:
        return None
    digits = _ascii(body.translate(_SEPARATORS))
    point = len(digits) - plan.last
    decimal = float(f"{digits[:point]}.{digits[point:]}")
    whole = float(digits)
    value = decimal if plan.value == "decimal" else whole
    alt = None if plan.alt is None else decimal if plan.alt == "decimal" else whole
    return _Reading(value, alt, plan.settled, plan.note)


@functools.lru_cache(maxsize=4096)
def _digits_plan(shape: str, lead_zero: bool, tag: str) -> _Plan | None:
    """The reading of digit runs of ``shape`` (digits written ``d``) in locale ``tag``."""
    loc = locale_info(tag)
    parts = _SHAPE_SPLIT_RE.findall(shape)
    groups = parts[0::2]
    seps = [_sep_class(p) for p in parts[1::2]]
    last = len(groups[-1])
    if not seps:
        return _Plan("whole", last=last)
    kinds = set(seps)
    lead_ok = 1 <= len(groups[0]) <= 3 and not (len(groups[0]) > 1 and lead_zero)
    lead_is_zero = len(groups[0]) == 1 and lead_zero
    rest_three = _upper_groups_ok(groups[1:], loc)
    if len(kinds) == 1:
        sep = seps[0]
        if sep == "٫":
            return _Plan("decimal", last=last) if len(groups) == 2 else None
        if sep in (" ", "'", "٬"):
            if not (lead_ok and rest_three):
                return None
            note = None
            if loc.known and sep == "'" and loc.group != "'":
                note = f"an apostrophe groups thousands, which {loc.tag} does not use"
            return _Plan("whole", note=note, last=last)
        if len(groups) > 2:
            if not (lead_ok and rest_three):
                return None
            note = None
            if loc.known and sep == loc.decimal:
                note = f"{_name(sep)} groups thousands but is the decimal separator in {loc.tag}"
            return _Plan("whole", note=note, last=last)
        if lead_ok and rest_three and not lead_is_zero:
            if not loc.known:
                return _Plan("whole", "decimal", settled=False, last=last)
            if sep == loc.decimal:
                return _Plan("decimal", "whole", last=last)
            if sep == loc.group:
                return _Plan("whole", "decimal", last=last)
            note = f"{_name(sep)}, which is not a separator in {loc.tag}"
            return _Plan("whole", "decimal", settled=False, note=note, last=last)
        note = None
        if loc.known and sep != loc.decimal:
            note = f"{_name(sep)} as decimal separator; {loc.tag} uses {_name(loc.decimal)}"
        return _Plan("decimal", note=note, last=last)
    # two kinds of separator: groups, then one decimal separator at the end
    dec = seps[-1]
    grp = seps[0]
    if seps.count(dec) != 1 or any(s != grp for s in seps[:-1]) or not lead_ok:
        return None
    if not _upper_groups_ok(groups[1:-1], loc) and len(groups) > 2:
        return None
    note = None
    if loc.known and dec not in ("٫",):
        if dec != loc.decimal:
            note = f"{_name(dec)} as decimal separator; {loc.tag} uses {_name(loc.decimal)}"
        elif grp not in (" ", loc.group):
            note = f"{_name(grp)} groups thousands; {loc.tag} uses {_name(loc.group)}"
    return _Plan("decimal", note=note, last=last)


# -- extraction ------------------------------------------------------------------------------


class _Mask:
    __slots__ = ("taken",)

    def __init__(self, size: int) -> None:
        self.taken = bytearray(size)

    def free(self, start: int, end: int) -> bool:
        return self.taken.find(1, start, end) < 0

    def take(self, start: int, end: int) -> None:
        self.taken[start:end] = b"\x01" * (end - start)


class _Extractor:
    """One text being read: its mentions so far and the characters they took."""

    __slots__ = ("loc", "lower", "mask", "out", "table", "text")

    def __init__(self, text: str, loc: LocaleInfo, table: WordTable | None, lower: str) -> None:
        self.text = text
        self.lower = lower  # text.lower(), made once for every pass that needs it
        self.loc = loc
        self.table = table
        self.out: list[Mention] = []
        self.mask = _Mask(len(text))

    def add(self, mention: Mention, take: Span | None = None) -> None:
        self.out.append(mention)
        start, end = take if take is not None else mention.span
        self.mask.take(start, end)

    def mention(
        self,
        kind: Kind,
        value: Value,
        start: int,
        end: int,
        *,
        words: bool = False,
        alt: Value | None = None,
        settled: bool = True,
        note: str | None = None,
        weak: bool = False,
    ) -> Mention:
        return _mention(
            kind, value, start, end, self.text[start:end], words, alt, settled, note, weak
        )


_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _valid_date(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= _MONTH_DAYS[month - 1]


def _cjk_value(run: str) -> int | None:
    """Read a CJK numeral (``二十八`` 28, ``三千五百万`` 35 000 000); ``None`` if malformed."""
    total = 0
    section = 0
    current = -1
    big = 0
    for ch in run:
        if ch in CJK_DIGITS:
            if current >= 0 and current != 0:
                if len(run) >= 2 and all(c in CJK_DIGITS for c in run):
                    return int("".join(str(CJK_DIGITS[c]) for c in run))
                return None
            current = CJK_DIGITS[ch]
        elif ch in CJK_SMALL_UNITS:
            section += (current if current > 0 else 1) * CJK_SMALL_UNITS[ch]
            current = -1
        elif ch in CJK_BIG_UNITS:
            unit = CJK_BIG_UNITS[ch]
            amount = section + max(current, 0)
            if big and unit > big:
                total = (total + amount) * unit
            else:
                total += (amount if amount else 1) * unit
            big = max(big, unit)
            section = 0
            current = -1
        else:
            return None
    return total + section + max(current, 0)


def _date_number(token: str) -> int | None:
    if token and token[0].isdecimal():
        return int(_ascii(token))
    return _cjk_value(token)


def _extract_codes(ex: _Extractor) -> None:
    for m in _CODE_RE.finditer(ex.text):
        raw = m.group(0)
        norm = re.sub(r"[\s\-‐‑–]", "", raw.upper())
        ex.add(ex.mention("code", _ascii(norm), m.start(), m.end()))


def _extract_numeric_dates(ex: _Extractor) -> None:
    for m in _NUMERIC_DATE_RE.finditer(ex.text):
        if not ex.mask.free(m.start(), m.end()):
            continue
        p1, sep, p2, p3 = m.group(1), m.group(2), m.group(3), m.group(4)
        a, b, c = int(_ascii(p1)), int(_ascii(p2)), int(_ascii(p3))
        if len(p1) == 4:
            year, first, second, order = a, b, c, "md"
            spans = (m.start(3), m.end(4))
            year_span = (m.start(1), m.end(1))
        else:
            if len(p3) not in (2, 4) or len(p1) > 2:
                continue
            year, first, second = c, a, b
            order = "md" if ex.loc.date_order.startswith("m") else "dm"
            spans = (m.start(1), m.end(3))
            year_span = (m.start(4), m.end(4))
        if sep == "." and order == "md" and len(p1) != 4:
            order = "dm"
        month, day = (first, second) if order == "md" else (second, first)
        alt: tuple[int, int] | None = (day, month) if _valid_date(day, month) else None
        note = None
        if not _valid_date(month, day):
            if alt is None:
                continue
            month, day, alt = alt[0], alt[1], None
            if ex.loc.known:
                wanted = "month/day" if order == "md" else "day/month"
                note = f"a date order other than {ex.loc.tag}'s {wanted}"
        if alt == (month, day):
            alt = None
        if year < 100:
            year += 2000 if year < 70 else 1900
        settled = ex.loc.known or alt is None
        ex.add(
            ex.mention(
                "date", (month, day), spans[0], spans[1], alt=alt, settled=settled, note=note
            ),
            take=(m.start(), m.end()),
        )
        ex.out.append(ex.mention("number", float(year), *year_span))


def _extract_cjk_dates(ex: _Extractor) -> None:
    if "月" not in ex.text and "年" not in ex.text:
        return
    for m in _CJK_DATE_RE.finditer(ex.text):
        if not ex.mask.free(m.start(2), m.end()):
            continue
        month = _date_number(m.group(2))
        if month is None or not 1 <= month <= 12:
            continue
        if m.group(1):
            year = _date_number(m.group(1))
            if year is not None:
                ex.add(ex.mention("number", float(year), m.start(1), m.end(1)))
        if m.group(3):
            day = _date_number(m.group(3))
            if day is None or not _valid_date(month, day):
                continue
            ex.add(ex.mention("date", (month, day), m.start(2), m.end()))
        else:
            ex.add(ex.mention("month", month, m.start(2), m.end(), words=True))
    for m in _CJK_YEAR_RE.finditer(ex.text):
        if ex.mask.free(m.start(1), m.end(1)):
            ex.add(ex.mention("number", float(_ascii(m.group(1))), m.start(1), m.end(1)))


_DM_HEAD_RE = re.compile(
    r"(\d(?<![\d.,]\d)\d?)(?:st|nd|rd|th|er|ᵉʳ|º|ª|\.º|\.ª|\.)?(?:\s+(?:de|of|del|du)\s+|\s+)\Z",
    re.IGNORECASE,
)
r"""A day before a month name (``27 de``, ``27th of``), ending where it is searched to. The
same matches as ``(?<![\d.,])(\d{1,2})...``, with the lookbehind moved after the first digit:
a pattern that starts with a digit lets ``re`` skip to the digits of the window."""
_MD_TAIL_RE = re.compile(
    r"\.?\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?(?!\d)(?![.,]\d)", re.IGNORECASE
)


def _extract_word_dates(ex: _Extractor, names: CalendarNames, words: frozenset[str]) -> None:
    """Dates with a month name: ``27 de noviembre``, ``November 27``, ``27. November``."""
    text = ex.text
    lower = ex.lower
    if len(lower) != len(text):
        _extract_word_dates_regex(ex, names)
        return
    by_first = names.by_first_word
    # the month names present, in the order of by_first_word (longest names first)
    present = sorted((w for w in words if w in by_first), key=names.first_order.__getitem__)
    for first in present:
        hits: list[Span] = []
        for name in by_first[first]:
            _find_bounded(text, lower, name, hits)
        for start, end in sorted(hits):
            _date_at(ex, names, start, end)


def _date_at(ex: _Extractor, names: CalendarNames, pos: int, end: int) -> None:
    text = ex.text
    month = names.months.get(text[pos:end].lower())
    if month is None:
        return
    head = None
    if _DIGIT_RE.search(text, max(0, pos - 12), pos) is not None:
        head = _DM_HEAD_RE.search(text, max(0, pos - 24), pos)
    if head is not None:
        day = int(_ascii(head.group(1)))
        if _valid_date(month, day) and ex.mask.free(head.start(), end):
            ex.add(ex.mention("date", (month, day), head.start(), end))
            return
    tail = _MD_TAIL_RE.match(text, end)
    if tail is not None:
        day = int(_ascii(tail.group(1)))
        if _valid_date(month, day) and ex.mask.free(pos, tail.end()):
            ex.add(ex.mention("date", (month, day), pos, tail.end()))


def _extract_word_dates_regex(ex: _Extractor, names: CalendarNames) -> None:
    for pattern, day_group, month_group in ((names.date_dm, 1, 2), (names.date_md, 2, 1)):
        if pattern is None:
            continue
        for m in pattern.finditer(ex.text):
            if not ex.mask.free(m.start(), m.end()):
                continue
            month = names.months.get(m.group(month_group).lower())
            day = int(_ascii(m.group(day_group)))
            if month is None or not _valid_date(month, day):
                continue
            ex.add(ex.mention("date", (month, day), m.start(), m.end()))


def _time_value(hour: int, minute: int, meridiem: str | None) -> tuple[int, int] | None:
    if minute > 59 or hour > 24:
        return None
    if meridiem:
        if hour > 12 or hour == 0:
            return None
        hour = hour % 12 + (12 if meridiem.lower() == "p" else 0)
    return (hour, minute)


def _extract_times(ex: _Extractor) -> None:
    text = ex.text
    for m in _DOT_TIME_RE.finditer(text):
        hour_group = 1 if m.group(1) else 3
        start, end = m.start(hour_group), m.end(hour_group + 1)
        meridiem = _MERIDIEM_RE.match(text, end)
        value = _time_value(
            int(_ascii(m.group(hour_group))),
            int(_ascii(m.group(hour_group + 1))),
            meridiem.group(1) if meridiem else None,
        )
        if value is not None and ex.mask.free(start, end):
            ex.add(ex.mention("time", value, start, meridiem.end() if meridiem else end))
    for m in _TIME_RE.finditer(text):
        if not ex.mask.free(m.start(), m.end()):
            continue
        value = _time_value(
            int(_ascii(m.group(1))),
            int(_ascii(m.group(2) or m.group(4) or "0")),
            m.group(3) or m.group(5),
        )
        if value is None:
            continue
        end = m.end()
        while end > m.start() and text[end - 1].isspace():
            end -= 1
        ex.add(ex.mention("time", value, m.start(), end))


def _extract_cjk_times(ex: _Extractor) -> None:
    """``10時30分``, ``下午3点``, ``十点半``."""
    for m in _CJK_TIME_RE.finditer(ex.text):
        start = m.start(2)
        if not ex.mask.free(start, m.end()):
            continue
        if not m.group(2)[0].isdecimal() and not (m.group(1) or m.group(3) or m.group(4)):
            if not ex.text.startswith("钟", m.end()):
                continue  # 三点五 is 3.5, not three o'clock
        hour = _date_number(m.group(2))
        minute = 30 if m.group(4) else _date_number(m.group(3) or "0")
        if hour is None or minute is None:
            continue
        hour = _daypart_hour(hour, _cjk_daypart(m.group(1)))
        value = _time_value(hour, minute, None)
        if value is not None:
            ex.add(ex.mention("time", value, m.start(1) if m.group(1) else start, m.end()))


_SCALE_WORD_RE = re.compile(rf"[ \u00a0\u202f]{{0,2}}((?:[^\W\d_]|[{_MARKS}])+)(\.)?")


_CJK_DIGIT_UNITS = frozenset("千百")


def _scale_after(ex: _Extractor, pos: int) -> tuple[float, int]:
    """A chain of scale words right after ``pos`` (``millones``, ``mil millones``, ``万``)."""
    text = ex.text
    if pos < len(text) and text[pos] in _CJK_DIGIT_UNITS and ex.loc.lang in ("zh", "ja"):
        # "5千" is 5000 and "3百万" 3 000 000 in Chinese and Japanese
        factor = float(CJK_SMALL_UNITS[text[pos]])
        end = pos + 1
        if end < len(text) and text[end] in CJK_BIG_UNITS:
            factor *= CJK_BIG_UNITS[text[end]]
            end += 1
        return factor, end
    if pos < len(text) and text[pos] in CJK_BIG_UNITS:
        factor = float(CJK_BIG_UNITS[text[pos]])
        end = pos + 1
        if end < len(text) and text[end] in CJK_BIG_UNITS:
            factor *= CJK_BIG_UNITS[text[end]]
            end += 1
        return factor, end
    table = ex.table
    if table is None:
        return 1.0, pos
    factor = 1.0
    end = pos
    biggest = 0
    while True:
        m = _SCALE_WORD_RE.match(text, end)
        if m is None:
            break
        word = m.group(1).lower()
        glued = m.start(1) == end
        if word in table.scale and not glued:
            scale, new_end = table.scale[word], m.end(1)
        elif word in table.scale_abbr and (not glued or end == pos):
            scale, new_end = table.scale_abbr[word], m.end()
        else:
            break
        if biggest and scale <= biggest:
            break
        factor = factor * scale if biggest else float(scale)
        biggest = scale
        end = new_end
    return factor, end


_CURRENCY = frozenset("$€£¥")
_MONEY_SCALE_RE = re.compile(r"(bn|m|k)(?![^\W\d_])")
_MONEY_SCALES = {"bn": 1e9, "m": 1e6, "k": 1e3}


def _money_scale(text: str, pos: int) -> tuple[float, int]:
    """``$5.2bn``, ``€1.5m``, ``£50k``: a glued scale letter after a currency amount."""
    m = _MONEY_SCALE_RE.match(text, pos)
    if m is None:
        return 1.0, pos
    return _MONEY_SCALES[m.group(1)], m.end()


def _percent_after(ex: _Extractor, pos: int) -> int | None:
    text = ex.text
    i = pos
    while i < len(text) and text[i] in _SPACES and i - pos < 2:
        i += 1
    if i < len(text) and text[i] in "%٪％":
        return i + 1
    lower = text[i : i + 24].lower()
    phrases = ex.table.percent if ex.table is not None else ()
    for phrase in (*phrases, *CJK_PERCENT_SUFFIX):
        if lower.startswith(phrase):
            end = i + len(phrase)
            if end >= len(text) or not text[end].isalpha() or phrase in CJK_PERCENT_SUFFIX:
                return end
    return None


@functools.lru_cache(maxsize=64)
def _follow_re(lang: str) -> re.Pattern[str]:
    """What may follow a number and change it: a scale word, a percent sign or phrase."""
    table = TABLES.get(lang)
    words = [*CJK_PERCENT_SUFFIX]
    if table is not None:
        words += [*table.scale, *table.scale_abbr, *table.percent]
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    cjk_units = "千百" if lang in ("zh", "ja") else ""
    return re.compile(
        rf"[ \u00a0\u202f]{{0,2}}(?:[%٪％万萬亿億兆{cjk_units}]|(?:{alternation})(?![^\W\d_]))",
        re.IGNORECASE,
    )


_ORDINAL_START = frozenset(".º°ª-ᵉ")
_MINUS_WORDS = ("minus", "menos", "moins", "минус", "meno")
_CJK_MINUS = ("マイナス", "零下", "氷点下", "负", "負")
_MINUS_WORD_RE = re.compile(
    r"(?<![^\W\d_])(?<!al )(?<!lo )(?<!más o )(?<!au )(?<!du )(?<!le )(?<!plus ou )"
    r"(minus|menos|moins|минус|meno) \Z",
    re.IGNORECASE,
)
"""A minus word and one space, ending where it is searched to: a match starts 5 or 6
characters before that end (the lookbehinds may look further back), so searching the last
six characters is enough."""


def _extract_digit_numbers(ex: _Extractor) -> None:
    text = ex.text
    size = len(text)
    follow = _follow_re(ex.loc.lang)
    taken = ex.mask.taken
    out = ex.out
    loc = ex.loc
    for m in _NUMBER_SPACE_RE.finditer(text):
        start, end = m.span()
        if taken.find(1, start, end) >= 0:
            continue
        body = m.group()
        if body.isascii() and body.isdigit():
            value = float(body)
            alt: float | None = None
            settled = True
            note = None
        else:
            reading = _read_digits(body, loc.tag)
            if reading is None:
                for g in re.finditer(r"\d+", body):
                    s, e = start + g.start(), start + g.end()
                    if ex.mask.free(s, e):
                        ex.add(ex.mention("number", float(_ascii(g.group())), s, e))
                continue
            value, alt, settled, note = reading
        prev = text[start - 1] if start else ""
        if prev and (
            prev in _SIGNS
            or (prev == " " and start > 3 and text[start - 2] in _MINUS_WORD_LAST)
            or (prev != " " and prev in _MINUS_ENDINGS)
        ):
            start, negative = _sign_before(ex, start)
            if negative:
                value = -value
                alt = -alt if alt is not None else None
        kind: Kind = "number"
        after = text[end] if end < size else " "
        if after.isalpha() or after in _ORDINAL_START:
            suffix = _ORDINAL_SUFFIX_RE.match(text, end)
            if suffix is not None and alt is None and value == int(value) and value > 0:
                kind = "ordinal"
                end = suffix.end()
        currency = start > 0 and text[start - 1] in _CURRENCY
        if kind == "number" and (follow.match(text, end) is not None or currency):
            factor, scale_end = _scale_after(ex, end)
            if factor == 1.0 and currency:
                factor, scale_end = _money_scale(text, end)
            if factor != 1.0:
                value *= factor
                alt = alt * factor if alt is not None else None
                end = scale_end
            percent_end = _percent_after(ex, end)
            if percent_end is not None:
                kind = "percent"
                end = percent_end
        out.append(_mention(kind, value, start, end, text[start:end], False, alt, settled, note))
        taken[start:end] = b"\x01" * (end - start)


_MINUS_ENDINGS = frozenset(" スド下负負")
_MINUS_WORD_LAST = frozenset(w[-1] for w in _MINUS_WORDS) | frozenset(
    w[-1].upper() for w in _MINUS_WORDS
)
"""Last letters of the minus words: a number after a space is checked for a sign only then."""


def _sign_before(ex: _Extractor, start: int) -> tuple[int, bool]:
    """A minus sign or word right before the digits at ``start``: (new start, negative)."""
    text = ex.text
    if text[start - 1] in _SIGNS:
        before = text[start - 2] if start > 1 else " "
        glued = before.isdecimal() or before in ".,_" or (before.isalpha() and before < "\u3000")
        if not glued and ex.mask.free(start - 1, start):
            return start - 1, True
        return start, False
    head = text[max(0, start - 4) : start]
    for word in _CJK_MINUS:
        if head.endswith(word) and ex.mask.free(start - len(word), start):
            return start - len(word), True
    if start > 3 and text[start - 1] == " ":
        if text[max(0, start - 6) : start - 1].lower().endswith(_MINUS_WORDS):
            minus = _MINUS_WORD_RE.search(text, max(0, start - 6), start)
            if minus is not None and ex.mask.free(minus.start(1), start):
                return minus.start(1), True
    return start, False


_ROMAN_RE = re.compile(
    r"(?<![^\W\d_])(?:(siglo|siècle|secolo|século|век|century)\s+)?([IVXL]{1,6})"
    r"(?:e|ᵉ|er)?(?:\s+(siglo|siècle|secolo|século|век|веке|века|century))?(?![^\W\d_])"
)
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def _roman(numeral: str) -> int | None:
    total = 0
    for index, char in enumerate(numeral):
        value = _ROMAN[char]
        if index + 1 < len(numeral) and _ROMAN[numeral[index + 1]] > value:
            total -= value
        else:
            total += value
    return total if 0 < total <= 60 else None


def _extract_centuries(ex: _Extractor) -> None:
    """Roman-numeral centuries: ``siglo XXI``, ``XXIe siècle``, ``XXI век`` (ordinals)."""
    for m in _ROMAN_RE.finditer(ex.text):
        if not (m.group(1) or m.group(3)) or not ex.mask.free(m.start(2), m.end(2)):
            continue
        value = _roman(m.group(2))
        if value is not None:
            start, end = m.start(2), m.end(2)
            ex.add(ex.mention("ordinal", float(value), start, end, words=True))


def _lowplace(value: int) -> int:
    place = 1
    while value and value % (place * 10) == 0:
        place *= 10
    return place


@dataclass
class _WordState:
    total: int = 0
    current: int = 0
    big: int = 0
    used: bool = False
    ordinal: bool = False
    pending_article: bool = False

    def value(self) -> int:
        return self.total + self.current

    def copy(self) -> _WordState:
        """``_WordState(**vars(self))`` without the keyword ``__init__`` (a copy per word)."""
        twin: _WordState = _new_object(_WordState)
        twin.__dict__.update(self.__dict__)
        return twin


_TENS = frozenset(range(20, 100, 10))


def _add(state: _WordState, value: int, table: WordTable) -> bool:
    if state.ordinal:
        return False
    if state.current == 0:
        state.current = value
        return True
    if value < _lowplace(state.current):
        state.current += value
        return True
    low = state.current % 100
    if table.lang == "ar" and 0 < low < 10 and value in _TENS:
        state.current += value
        return True
    if table.lang == "ar" and 0 < state.current < 10 and value == 10:
        state.current += value  # "ثلاثة عشر" = 13: the unit comes before the ten
        return True
    if table.vigesimal:
        if low == 4 and value == 20:
            state.current += 76
            return True
        if low in (60, 80) and 10 <= value < 20:
            state.current += value
            return True
    return False


def _apply(state: _WordState, piece: tuple[str, int], table: WordTable, first: bool) -> bool:
    """Feed one word piece to the accumulator; False when it cannot continue this number."""
    role, value = piece
    if state.pending_article and role not in ("hundred", "scale"):
        return False
    if role == "article":
        if not first:
            return False
        state.pending_article = True
        return True
    if role == "num" or role == "ord":
        ok = _add(state, value, table)
        if ok and role == "ord":
            state.ordinal = True
        state.used = state.used or ok
        return ok
    if role == "hundred":
        if state.ordinal:
            return False
        if state.current == 0 or state.pending_article:
            state.current = 100
        elif 0 < state.current < 100:
            state.current *= 100
        else:
            return False
        state.pending_article = False
        state.used = True
        return True
    if role == "scale":
        if state.ordinal:
            return False
        if not state.used and not state.pending_article and not first:
            return False
        amount = state.current if state.current else 1
        if state.big and value > state.big:
            state.total = (state.total + state.current) * value
        elif state.big and value >= state.big:
            return False
        else:
            state.total += amount * value
        state.big = max(state.big, value)
        state.current = 0
        state.pending_article = False
        state.used = True
        return True
    return False


_IT_ORD_RE = re.compile(r"^(.+?)esim[oaie]$")
_DE_ACHT_ENDINGS = frozenset({"e", "en", "er", "es", "em"})
_DE_ORD_SUFFIXES = ("sten", "ster", "stes", "stem", "ste", "ten", "ter", "tes", "tem", "te")


def _decompose(word: str, table: WordTable) -> list[tuple[str, int]] | None:
    """Split a glued compound (``achtundzwanzig``, ``duemilasedici``) into pieces."""
    if not table.morphemes or len(word) < 5:
        return None
    morphemes = table.morphemes
    found: list[str] = []
    i = 0
    while i < len(word):
        for size in range(min(len(word) - i, 9), 1, -1):
            part = word[i : i + size]
            if part in morphemes:
                found.append(part)
                i += size
                break
        else:
            return None
    if len(found) < 2:
        return None
    pieces: list[tuple[str, int]] = []
    k = 0
    while k < len(found):
        part = found[k]
        if k + 2 < len(found) and found[k + 1] == "und" and morphemes[found[k + 2]] >= 20:
            pieces.append(("num", morphemes[found[k + 2]]))
            pieces.append(("num", morphemes[part]))
            k += 3
            continue
        if part == "und":
            return None
        value = morphemes[part]
        if part in table.hundred or (value == 100 and part in ("cento", "cent")):
            pieces.append(("hundred", 100))
        elif value >= 1000:
            pieces.append(("scale", value))
        else:
            pieces.append(("num", value))
        k += 1
    return pieces


def _pieces(word: str, table: WordTable) -> list[tuple[str, int]] | None:
    if word in table.hundred:
        return [("hundred", 100)]
    if word in table.num:
        return [("num", table.num[word])]
    if word in table.ordinal:
        return [("ord", table.ordinal[word])]
    if word in table.scale:
        return [("scale", table.scale[word])]
    if word in table.article:
        return [("article", 1)]
    if table.morphemes:
        pieces = _decompose(word, table)
        if pieces is not None:
            return pieces
        if table.lang == "de":
            stems = [word[: -len(s)] for s in _DE_ORD_SUFFIXES if word.endswith(s)]
            if "acht" in word and word[word.rindex("acht") + 4 :] in _DE_ACHT_ENDINGS:
                stems.append(word[: word.rindex("acht") + 4])  # "achte", not "achtete"
        else:
            m = _IT_ORD_RE.match(word)
            stems = [m.group(1) + v for v in ("", "o", "e", "i", "a")] if m else []
        for stem in stems:
            if stem in table.morphemes and table.morphemes[stem] > 0:
                inner: list[tuple[str, int]] | None = [("num", table.morphemes[stem])]
            else:
                inner = _decompose(stem, table)
            if inner and inner[-1][0] == "num":
                return [*inner[:-1], ("ord", inner[-1][1])]
    return None


_MAY_BEFORE_RE = re.compile(
    r"(?:\b(?:in|of|since|until|by|last|next|early|late|mid|from|through|during|before|after|"
    r"between|and|to|this|that)[\s-]+)\Z",
    re.IGNORECASE,
)
_MAY_AFTER_RE = re.compile(r",?\s+\d{4}(?!\d)")


def _may_is_month(text: str, start: int, end: int) -> bool:
    """English "May" is the month after "in", "since", "last"... or before a year."""
    return bool(
        _MAY_BEFORE_RE.search(text, max(0, start - 10), start) or _MAY_AFTER_RE.match(text, end)
    )


def _name_hits(text: str, lower: str, names: CalendarNames, words: frozenset[str]) -> list[Span]:
    """Where the weekday and standalone month names of ``names`` occur in ``text``
    (``lower`` is ``text.lower()``)."""
    hits: list[Span] = []
    if len(lower) != len(text) or names.names_re is None:
        return [m.span() for m in names.names_re.finditer(text)] if names.names_re else []
    for first in words & names.name_firsts.keys():
        for name in names.name_firsts[first]:
            _find_bounded(text, lower, name, hits)
    hits.sort()
    return hits


def _find_bounded(text: str, lower: str, name: str, hits: list[Span]) -> None:
    """Append where ``name`` occurs in ``lower`` as a whole word."""
    pos = lower.find(name)
    while pos >= 0:
        end = pos + len(name)
        if (pos == 0 or not text[pos - 1].isalpha()) and (
            end == len(text) or not text[end].isalpha()
        ):
            hits.append((pos, end))
        pos = lower.find(name, end)


def _extract_words(
    ex: _Extractor,
    names: CalendarNames,
    words: frozenset[str],
    with_names: bool,
    all_words: frozenset[str],
) -> None:
    text = ex.text
    table = ex.table
    if names.names_re is not None and with_names:
        if ex.loc.lang in ("zh", "ja"):
            hits = [hit.span() for hit in names.names_re.finditer(text)]
        else:
            hits = _name_hits(text, ex.lower, names, all_words)
        for m in hits:
            if not ex.mask.free(m[0], m[1]):
                continue
            word = text[m[0] : m[1]]
            if word == "May" and ex.loc.lang == "en" and _may_is_month(text, m[0], m[1]):
                ex.add(ex.mention("month", 5, m[0], m[1], words=True))
            elif word in names.weekdays:
                ex.add(ex.mention("weekday", names.weekdays[word], m[0], m[1], words=True))
            elif word in names.standalone_months:
                value = names.standalone_months[word]
                ex.add(ex.mention("month", value, m[0], m[1], words=True))
    if table is None or not words:
        return
    if words <= _lone_articles(table.lang) and text.isascii():
        return
    tokens = list(_WORD_RE.finditer(text))
    resume = 0  # the first token after the last number read
    for i in [i for i, token in enumerate(tokens) if token[0].lower() in words]:
        token = tokens[i]
        if i >= resume and ex.mask.free(token.start(), token.end()):
            resume = i + max(_parse_word_number(ex, tokens, i, table), 1)


@functools.lru_cache(maxsize=16)
def _lone_articles(lang: str) -> frozenset[str]:
    """Articles that are no number word themselves (English ``a``), where that is safe to use.

    After such an article a number needs a hundred or scale word (``a million``), and every
    word that can continue a number may also start one, so it is among the text's starters
    too. Where the text's only starters are these articles, no number is written in words.
    That holds where words are not glued (no morphemes) and no clitic is stripped (Arabic);
    :func:`_extract_words` also asks for ASCII text, where lower-casing keeps word bounds.
    """
    table = TABLES[lang]
    if table.morphemes or lang == "ar":
        return frozenset()
    return frozenset(table.article - table.words())


_PIECES_CACHE: dict[tuple[str, str], list[tuple[str, int]] | None] = {}


def _word_pieces(word: str, table: WordTable) -> list[tuple[str, int]] | None:
    key = (table.lang, word)
    try:
        return _PIECES_CACHE[key]
    except KeyError:
        pass
    if len(_PIECES_CACHE) > 50_000:
        _PIECES_CACHE.clear()
    pieces = _pieces(word, table)
    _PIECES_CACHE[key] = pieces
    return pieces


@functools.lru_cache(maxsize=16)
def _start_vocabulary(lang: str) -> frozenset[str]:
    """The words of ``lang`` that may begin a number (with Arabic clitics)."""
    table = TABLES[lang]
    words = {w for w in (*table.words(), *table.article) if _starts_number(w, table)}
    if lang == "ar":
        words |= {prefix + w for w in words for prefix in "وبل"}
    return frozenset(words)


def _starts_number(word: str, table: WordTable) -> bool:
    if table.lang == "ar" and len(word) > 3 and word[0] in "وبل":
        word = word[1:]
    return _word_pieces(word, table) is not None


def _strip_clitic(word: str, table: WordTable) -> tuple[str, int]:
    """Arabic ``و``/``ب``/``ل`` glued to a number word: ``وعشرون`` -> ``عشرون``."""
    if table.lang == "ar" and len(word) > 3 and word[0] in "وبل" and word[1:] in table.words():
        return word[1:], 1
    return word, 0


def _parse_word_number(
    ex: _Extractor, tokens: list[re.Match[str]], i: int, table: WordTable
) -> int:
    """Parse the longest number that starts at token ``i``; return the tokens consumed."""
    text = ex.text
    state = _WordState()
    first_word, clitic = _strip_clitic(tokens[i].group(0).lower(), table)
    if first_word in table.scale and first_word not in table.scale_alone:
        return 1
    end_index = i
    last_good = -1
    last_good_state: _WordState | None = None
    j = i
    while j < len(tokens):
        token = tokens[j]
        if j > i:
            gap = text[tokens[j - 1].end() : token.start()]
            if not _GAP_RE.fullmatch(gap) or not ex.mask.free(token.start(), token.end()):
                break
        word = token.group(0).lower()
        if j > i and word in table.conj:
            j += 1
            continue
        word, _ = _strip_clitic(word, table)
        pieces = _word_pieces(word, table)
        if pieces is None:
            break
        ok = True
        for piece in pieces:
            if not _apply(state, piece, table, first=(j == i)):
                ok = False
                break
        if not ok:
            break
        if state.used and not state.pending_article:
            last_good = j
            last_good_state = state.copy()
        j += 1
        if state.ordinal:
            break
    if last_good < 0 or last_good_state is None:
        return 1
    if last_good == i and table.lang == "en" and _is_fraction(ex.text, tokens, i, table):
        return 1
    end_index = last_good
    start = tokens[i].start() + clitic
    end = tokens[end_index].end()
    words_used = [t.group(0).lower() for t in tokens[i : end_index + 1]]
    value = float(last_good_state.value())
    kind: Kind = "ordinal" if last_good_state.ordinal else "number"
    weak = len(words_used) == 1 and (words_used[0] in table.weak or value == 1)
    if weak and kind == "ordinal" and _SUPERLATIVE_RE.match(text, end):
        weak = False  # "second-largest", "second most populous": a rank, not a pronoun
    if (
        value == 2
        and kind == "number"
        and len(words_used) == 1
        and i > 0
        and _GAP_RE.fullmatch(text[tokens[i - 1].end() : tokens[i].start()])
    ):
        weak = weak or tokens[i - 1].group(0).lower() in _BOTH_ARTICLES  # "los dos" = both
    if kind == "number" and _follow_re(table.lang).match(text, end) is not None:
        percent_end = _percent_after(ex, end)
        if percent_end is not None and percent_end > end:
            kind = "percent"
            end = percent_end
            weak = False
    if not ex.mask.free(start, end):
        return 1
    if kind == "number" and start > 3 and text[start - 1] == " ":
        minus = _MINUS_WORD_RE.search(text, max(0, start - 6), start)
        if minus is not None and ex.mask.free(minus.start(1), start):
            start, value, weak = minus.start(1), -value, False  # "minus three degrees"
    ex.add(ex.mention(kind, value, start, end, words=True, weak=weak))
    return end_index - i + 1


_SUPERLATIVE_RE = re.compile(
    r"[-‐‑ ](?:most|least|[a-z]{2,}est|best|worst|biggest)(?![^\W\d_])", re.IGNORECASE
)
_BOTH_ARTICLES = frozenset({"the", "los", "las", "les", "i", "le", "os", "as", "die", "оба"})


def _is_fraction(text: str, tokens: list[re.Match[str]], i: int, table: WordTable) -> bool:
    """English "a third", "one fifth": an ordinal word after "a" or "one" is a fraction."""
    word = tokens[i].group(0).lower()
    if i == 0 or word not in table.ordinal or table.ordinal[word] < 3:
        return False
    before = tokens[i - 1]
    if not (
        before.group(0).lower() in ("a", "one")
        and _GAP_RE.fullmatch(text[before.end() : tokens[i].start()]) is not None
    ):
        return False
    # "a third of", "cut by a third." are fractions; "a third week", "a fifth term" are not
    if i + 1 >= len(tokens) or tokens[i + 1].group(0).lower() in _FRACTION_NEXT:
        return True
    return _GAP_RE.fullmatch(text[tokens[i].end() : tokens[i + 1].start()]) is None


_FRACTION_NEXT = frozenset({"of", "more", "less", "fewer", "as", "the", "that", "and", "or"})


def _extract_cjk_numerals(ex: _Extractor) -> None:
    text = ex.text
    for m in _CJK_RUN_RE.finditer(text):
        start, end = m.start(2), m.end(2)
        if not ex.mask.free(start, end):
            continue
        run = m.group(2)
        after = text[end : end + 4]
        counter = after.startswith(CJK_COUNTERS)
        ordinal = bool(m.group(1))
        prefix_percent = any(text[max(0, start - len(p)) : start] == p for p in CJK_PERCENT_PREFIX)
        if run[0] not in CJK_DIGITS and run[0] not in "十拾" and not counter:
            continue
        if len(run) == 1 and not (counter or ordinal or prefix_percent):
            continue
        if run == "一" and not ordinal:
            continue  # "one"/"a": in 一些, 一起, 统一, 一名 it is not a quantity worth comparing
        value = _cjk_value(run)
        if value is None:
            continue
        kind: Kind = "ordinal" if ordinal else "number"
        s = m.start(1) if ordinal else start
        if prefix_percent:
            kind = "percent"
            s = start - len(CJK_PERCENT_PREFIX[0])
        elif after.startswith(CJK_PERCENT_SUFFIX):
            suffix = next(p for p in CJK_PERCENT_SUFFIX if after.startswith(p))
            kind = "percent"
            end += len(suffix)
        weak = value == 1
        ex.add(ex.mention(kind, float(value), s, end, words=True, weak=weak))


_CJK_NUMERAL_CHARS = frozenset(CJK_DIGITS) | frozenset(CJK_SMALL_UNITS) | frozenset(CJK_BIG_UNITS)


_CENTURY_WORDS = frozenset(
    {"siglo", "siècle", "secolo", "século", "век", "веке", "века", "century"}
)
_CJK_ANY_RE = re.compile("[" + "".join(sorted(_CJK_NUMERAL_CHARS)) + "]")


@functools.lru_cache(maxsize=64)
def _name_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """Lower-case first words of month names, and of standalone month and weekday names."""
    names = calendar_names(lang)
    months = frozenset(m.split()[0] for m in names.months if m)
    return months, frozenset(names.name_firsts)


class _Vocabulary:
    """Which whitespace tokens of one language hold a word that :func:`_extract` looks for.

    Tokens are memoised: most recur from text to text, so a segment's tokens are usually all
    found in ``plain`` (tokens holding no such word) by one C-level set test.
    """

    __slots__ = ("base", "hits", "plain")

    def __init__(self, base: str) -> None:
        self.base = base
        self.plain: set[str] = set()
        self.hits: dict[str, tuple[str, ...]] = {}

    def relevant(self, word: str) -> bool:
        """Whether ``_extract`` can react to ``word``: every use of its word set is a test
        against month, weekday, century or rank words or words that may start a number."""
        base = self.base
        month_words, name_words = _name_words(base)
        if word in month_words or word in name_words or word in _CENTURY_WORDS:
            return True
        rank = _RANK_PATTERNS.get(base)
        if rank is not None and word.startswith(tuple(rank[1])):
            return True
        table = TABLES.get(base)
        if table is None:
            return False
        if word in _start_vocabulary(table.lang):
            return True
        return bool(table.morphemes) and len(word) >= 5 and _starts_number(word, table)

    def learn(self, token: str) -> tuple[str, ...]:
        """The relevant words of a new token, remembered while the memo has room."""
        if not token.strip(_NOT_LETTERS):
            # a number or punctuation ("5,299", "27.5%", "(2025)."): no word, and not worth
            # remembering, since most such tokens never recur
            return ()
        runs = [token] if token.isalpha() else _WORD_RE.findall(token)
        found = tuple(w for w in runs if self.relevant(w))
        if len(self.plain) + len(self.hits) < _VOCABULARY_MEMO:
            # When full, the memo keeps what it has (the frequent tokens come early) and new
            # tokens are judged each time: bounded memory without clearing and relearning.
            if found:
                self.hits[token] = found
            else:
                self.plain.add(token)
        return found


_NO_WORDS: frozenset[str] = frozenset()
_NOT_LETTERS = "0123456789.,:;!?%()[]{}\"'«»“”‘’-–—/+$€£#*&"
"""Characters that are neither letters nor combining marks: a token of these has no word."""
_VOCABULARY_MEMO = 50_000
"""Tokens remembered per language (a few MB)."""


@functools.lru_cache(maxsize=64)
def _vocabulary(base: str) -> _Vocabulary:
    return _Vocabulary(base)


def _relevant_words(lower: str, base: str) -> frozenset[str]:
    """The words of ``lower`` (runs of letters and marks) that :func:`_extract` reacts to.

    Equal, for every test ``_extract`` makes, to the set of all the text's words, at a
    fraction of the cost: a letter run never crosses whitespace, so whitespace tokens can be
    judged once and remembered.
    """
    vocabulary = _vocabulary(base)
    tokens = lower.split()
    if vocabulary.plain.issuperset(tokens):  # the usual text: every token known and plain
        return _NO_WORDS
    unknown = set(tokens).difference(vocabulary.plain)  # walks the small side
    found: list[str] = []
    hits = vocabulary.hits
    for token in unknown:
        known = hits.get(token)
        found.extend(known if known is not None else vocabulary.learn(token))
    return frozenset(found)


def extract(text: str, lang: str) -> list[Mention]:
    """Every number-like mention of ``text`` read as ``lang`` writes numbers, in text order."""
    return list(_extract_memo(text, lang))


@functools.lru_cache(maxsize=8192)
def _extract_memo(text: str, lang: str) -> tuple[Mention, ...]:
    """:func:`extract`, memoised: texts recur (repeated segments, short fixed sentences), and
    mentions are immutable, so one tuple can serve every caller."""
    if "．" in text:
        # a full-width decimal point (３１．５) reads like "."; same length, so spans hold
        shown = text
        mentions = _extract(_FULLWIDTH_POINT_RE.sub(".", text), lang)
        return tuple(_with_text(m, shown[m.start : m.end]) for m in mentions)
    return tuple(_extract(text, lang))


def _with_text(mention: Mention, text: str) -> Mention:
    if mention.text == text:
        return mention
    return _mention(
        mention.kind,
        mention.value,
        mention.start,
        mention.end,
        text,
        mention.words,
        mention.alt,
        mention.settled,
        mention.note,
        mention.weak,
    )


_AR_CLOCK_HINTS = ("الساعة", "صباح", "مساء", "ظهر", "ليل", "فجر", "عصر")


class _Setup(NamedTuple):
    """What :func:`_extract` needs of one language tag, looked up once."""

    loc: LocaleInfo
    table: WordTable | None
    names: CalendarNames
    month_words: frozenset[str]
    name_words: frozenset[str]
    start_vocabulary: frozenset[str]
    rank_prefixes: tuple[str, ...] | None
    cjk: bool


@functools.lru_cache(maxsize=256)
def _setup(lang: str) -> _Setup:
    loc = locale_info(lang)
    base = loc.lang
    table = TABLES.get(base)
    month_words, name_words = _name_words(base)
    rank = _RANK_PATTERNS.get(base)
    return _Setup(
        loc,
        table,
        calendar_names(base),
        month_words,
        name_words,
        _start_vocabulary(table.lang) if table is not None else frozenset(),
        tuple(rank[1]) if rank is not None else None,
        base in ("zh", "ja"),
    )


def _extract(text: str, lang: str) -> list[Mention]:
    setup = _setup(lang)
    loc = setup.loc
    base = loc.lang
    table = setup.table
    cjk_lang = setup.cjk
    has_digit = _DIGIT_RE.search(text) is not None
    has_cjk = not text.isascii() and _CJK_ANY_RE.search(text) is not None
    lower = text.lower()
    words = _relevant_words(lower, base)
    starters: frozenset[str] = frozenset()
    century = rank = month_names = False
    with_names = cjk_lang
    if words:  # most texts have none of the words looked for: skip the set algebra
        with_names = cjk_lang or not setup.name_words.isdisjoint(words)
        if table is not None:
            starters = words & setup.start_vocabulary
            if table.morphemes:
                starters |= {
                    w
                    for w in words
                    if len(w) >= 5 and w not in starters and _starts_number(w, table)
                }
        century = not words.isdisjoint(_CENTURY_WORDS)
        prefixes = setup.rank_prefixes
        rank = prefixes is not None and any(word.startswith(prefixes) for word in words)
        month_names = not setup.month_words.isdisjoint(words)
    has_words = with_names or bool(starters) or century
    if not (has_digit or has_words or has_cjk or rank):
        return []
    ex = _Extractor(text, loc, table, lower)
    names = setup.names
    if "年" in text and (has_digit or has_cjk or "元" in text):
        _extract_era_years(ex)
    if base == "ar" and any(hint in text for hint in _AR_CLOCK_HINTS):
        _extract_ar_clock_words(ex)
    if rank:
        _extract_ranks(ex)
    hinted = has_digit and _DIGIT_HINT_RE.search(text) is not None
    if hinted:
        if _CODE_HINT_RE.search(text):
            _extract_codes(ex)
        if ("/" in text or "-" in text or "." in text) and _NUMERIC_DATE_HINT_RE.search(text):
            _extract_numeric_dates(ex)
    if (has_digit or has_cjk) and ("月" in text or "年" in text):
        _extract_cjk_dates(ex)
    if (has_digit or has_cjk) and not text.isascii() and _CJK_TIME_CHAR_RE.search(text):
        if _CJK_TIME_HINT_RE.search(text):
            _extract_cjk_times(ex)
    if has_digit:
        if month_names:
            _extract_word_dates(ex, names, words)
        if hinted and _TIME_HINT_RE.search(text):
            _extract_times(ex)
        _extract_digit_numbers(ex)
    if century:
        _extract_centuries(ex)
    if has_words:
        _extract_words(ex, names, starters, with_names, words)
    if has_cjk:
        _extract_cjk_numerals(ex)
    if not ex.out:
        return ex.out
    if cjk_lang or _context_hint_re(base).search(lower) is not None:
        _apply_dayparts(ex, lower)
        _apply_below_zero(ex, lower)
    ex.out.sort(key=_START_END)
    out = ex.out
    if len(out) > 1 and (has_cjk or cjk_lang):
        out = _merge_cjk_scaled(out)
    # month mentions come from month names (with_names) and CJK dates (月) only
    if len(out) > 1 and (with_names or "月" in text) and any(m.kind == "month" for m in out):
        out = _drop_month_glosses(out, text)
    return out


_START_END = operator.attrgetter("start", "end")


# -- time of day, below zero, eras, and other readings that need context ----------------------

Daypart = Literal["am", "pm", "night", "noon"]


def _daypart_hour(hour: int, part: Daypart | None) -> int:
    """The 24-hour hour of a clock ``hour`` said with a part of the day."""
    if part is None or hour > 12:
        return hour
    if part == "pm":
        return hour + 12 if hour < 12 else hour
    if part == "night":
        return hour + 12 if 6 <= hour < 12 else (0 if hour == 12 else hour)
    if part == "noon":
        return hour + 12 if hour < 6 else hour
    return 0 if hour == 12 else hour


def _cjk_daypart(word: str | None) -> Daypart | None:
    if not word:
        return None
    if word in _CJK_AFTERNOON:
        return "pm"
    if word in _CJK_NIGHT or word == "深夜":
        return "night"
    if word == "中午":
        return "noon"
    return "am"


_DAYPART_WORDS: dict[str, Daypart] = {
    # ar (stems: صباحاً, مساءً, ظهراً, ليلاً, فجراً, عصراً)
    "صباح": "am",
    "فجر": "am",
    "مساء": "pm",
    "عصر": "pm",
    "ظهر": "noon",
    "ليل": "night",
    # es, pt, fr, it, de, ru, en, fa
    "mañana": "am",
    "madrugada": "am",
    "tarde": "pm",
    "noche": "night",
    "manhã": "am",
    "noite": "night",
    "matin": "am",
    "après-midi": "pm",
    "après‑midi": "pm",
    "soir": "pm",
    "nuit": "night",
    "mattina": "am",
    "mattino": "am",
    "pomeriggio": "pm",
    "sera": "pm",
    "notte": "night",
    "morgens": "am",
    "früh": "am",
    "vormittags": "am",
    "nachmittags": "pm",
    "abends": "pm",
    "nachts": "night",
    "утра": "am",
    "вечера": "pm",
    "ночи": "night",
    "morning": "am",
    "afternoon": "pm",
    "evening": "pm",
    "night": "night",
    "صبح": "am",
    "بعدازظهر": "pm",
    "شب": "night",
}
_DAYPART_AFTER: dict[str, re.Pattern[str]] = {
    "ar": re.compile(
        r"\s+(?:من\s+)?(?:ال)?(صباح|فجر|مساء|عصر|ظهر|ليل)(?:[^\W\d_]|[\u064b-\u065f\u0670])*"
    ),
    "es": re.compile(r"\s+(?:horas?\s+)?de la (mañana|madrugada|tarde|noche)\b", re.I),
    "pt": re.compile(r"\s+(?:horas?\s+)?da (manhã|madrugada|tarde|noite)\b", re.I),
    "fr": re.compile(
        r"\s+(?:heures?\s+)?(?:du (matin|soir)|de l['’](après-midi)|de la (nuit))\b", re.I
    ),
    "it": re.compile(
        r"\s+(?:di (mattina|sera|notte)|del (mattino|pomeriggio)|della (sera|notte))\b", re.I
    ),
    "de": re.compile(r"\s+Uhr\s+(morgens|früh|vormittags|nachmittags|abends|nachts)\b", re.I),
    "ru": re.compile(r"\s+(?:час(?:а|ов)?\s+)?(утра|вечера)\b|\s+час(?:а|ов)?\s+(ночи)\b", re.I),
    "en": re.compile(
        r"\s+(?:o['’]clock\s+)?(?:in the (morning|afternoon|evening)|at (night))\b", re.I
    ),
    "fa": re.compile(r"\s+(صبح|بعدازظهر|شب)(?![^\W\d_])"),
}
"""A part of the day said after a clock time or an hour (``10:30 مساءً``, ``a las 10 de la
noche``, ``в 7 утра``): the hour is read on the 24-hour clock."""

_DAYPART_HINTS: dict[str, re.Pattern[str]] = {
    lang: re.compile("|".join(hints))
    for lang, hints in {
        "ar": ("صباح", "فجر", "مساء", "عصر", "ظهر", "ليل"),
        "es": ("de la ",),
        "pt": ("da ",),
        "fr": ("du ", "de l"),
        "it": ("di ", "del"),
        "de": ("uhr",),
        "ru": ("утра", "вечера", "час"),
        "en": ("morning", "afternoon", "evening", "night"),
        "fa": ("صبح", "بعدازظهر", "شب"),
    }.items()
}
"""Cheap substrings (of the lower-cased text) without which the daypart pass has nothing to
find."""
_CJK_DAYPART_BEFORE_RE = re.compile(rf"(?:{_CJK_DAYPART})\s*\Z")
_AR_CLOCK_ORDINALS = {
    "الواحدة": 1,
    "الثانية": 2,
    "الثالثة": 3,
    "الرابعة": 4,
    "الخامسة": 5,
    "السادسة": 6,
    "السابعة": 7,
    "الثامنة": 8,
    "التاسعة": 9,
    "العاشرة": 10,
    "الحادية": 1,
}
_AR_CLOCK_RE = re.compile(
    r"(?:(الساعة)\s+)?(" + "|".join(_AR_CLOCK_ORDINALS) + r")(?:\s+(عشرة?))?"
    r"(?:\s+و(النصف|الربع|الثلث))?(?![^\W\d_])"
)
_AR_FRACTION_MINUTES = {"النصف": 30, "الربع": 15, "الثلث": 20}


def _extract_ar_clock_words(ex: _Extractor) -> None:
    """Arabic clock times in words: ``الساعة السابعة صباحاً`` (7:00), ``العاشرة والنصف``."""
    after = _DAYPART_AFTER["ar"]
    for m in _AR_CLOCK_RE.finditer(ex.text):
        part_m = after.match(ex.text, m.end())
        if not (m.group(1) or part_m) or not ex.mask.free(m.start(2), m.end()):
            continue
        hour = _AR_CLOCK_ORDINALS[m.group(2)]
        if m.group(3):
            hour += 10
        elif m.group(2) == "الحادية":
            continue
        minute = _AR_FRACTION_MINUTES.get(m.group(4) or "", 0)
        part = _DAYPART_WORDS.get(part_m.group(1)) if part_m else None
        end = part_m.end() if part_m else m.end()
        value = (_daypart_hour(hour, part), minute)
        ex.add(ex.mention("time", value, m.start(2), end, words=True))


_EXPLICIT_MERIDIEM_RE = re.compile(r"[ap]\.?\s?m\b", re.IGNORECASE)


def _apply_dayparts(ex: _Extractor, lower: str) -> None:
    """Read clock times and bare hours said with a part of the day on the 24-hour clock."""
    after = _DAYPART_AFTER.get(ex.loc.lang)
    cjk = ex.loc.lang in ("zh", "ja")
    text = ex.text
    if cjk:
        if not any(m.kind == "time" for m in ex.out):
            return
    elif after is None or _DAYPART_HINTS[ex.loc.lang].search(lower) is None:
        return
    for index, mention in enumerate(ex.out):
        if mention.kind == "time":
            if not isinstance(mention.value, tuple) or mention.value[0] > 12:
                continue
            if _EXPLICIT_MERIDIEM_RE.search(mention.text):
                continue
        elif (
            ex.loc.lang == "de"
            and mention.kind == "number"
            and not mention.words
            and isinstance(mention.value, float)
            and mention.value in _DAY_HOURS
            and _UHR_RE.match(text, mention.end)
        ):
            uhr = _UHR_RE.match(text, mention.end)
            assert uhr is not None
            hit = after.match(text, mention.end) if after is not None else None
            if hit is None:  # "um 9 Uhr" is a clock time; "um 9 Uhr abends" is read below
                hour = int(mention.value)
                ex.out[index] = ex.mention("time", (hour, 0), mention.start, uhr.end())
                continue
        elif not (
            mention.kind == "number"
            and not mention.words
            and isinstance(mention.value, float)
            and mention.value in _CLOCK_HOURS
            and after is not None
        ):
            continue
        part: Daypart | None = None
        end = mention.end
        if cjk:
            before = _CJK_DAYPART_BEFORE_RE.search(text, max(0, mention.start - 3), mention.start)
            if before is not None:
                part = _cjk_daypart(before.group(0).strip())
        elif after is not None:
            hit = after.match(text, mention.end)
            if hit is not None:
                word = next(g for g in hit.groups() if g)
                part = _DAYPART_WORDS.get(word.lower(), _DAYPART_WORDS.get(word))
                end = hit.end()
        if part is None:
            continue
        if mention.kind == "time" and isinstance(mention.value, tuple):
            hour, minute = mention.value
        else:
            hour, minute = int(float(mention.value)), 0  # type: ignore[arg-type]
        ex.out[index] = ex.mention("time", (_daypart_hour(hour, part), minute), mention.start, end)


_CLOCK_HOURS = frozenset(float(h) for h in range(1, 13))
_DAY_HOURS = frozenset(float(h) for h in range(0, 25))
_UHR_RE = re.compile(r"\s?Uhr(?![^\W\d_])")
"""German ``9 Uhr`` is always a time of day (a duration is ``9 Stunden``)."""

_BELOW_ZERO_RE = re.compile(
    r"\s*(?:[^\W\d_]+\.?\s+){0,2}?(?:below zero|below freezing|bajo cero|sous zéro|"
    r"en dessous de zéro|au-dessous de zéro|unter null|ниже нуля|sotto zero|"
    r"abaixo de zero|تحت الصفر|زیر صفر)(?![^\W\d_])",
    re.IGNORECASE,
)
_BELOW_ZERO_HINT_RE = re.compile("zero|cero|zéro|null|нуля|صفر|freezing")
"""Searched in the lower-cased text: without one of these there is no below-zero phrase."""


@functools.lru_cache(maxsize=64)
def _context_hint_re(lang: str) -> re.Pattern[str]:
    """Found in the lower-cased text wherever :func:`_apply_dayparts` (outside Chinese and
    Japanese) or :func:`_apply_below_zero` could change a mention: their two hint patterns in
    one scan, which most texts pass without a hit."""
    hints = [_BELOW_ZERO_HINT_RE.pattern]
    if lang in _DAYPART_AFTER:
        hints.append(_DAYPART_HINTS[lang].pattern)
    return re.compile("|".join(hints))


def _apply_below_zero(ex: _Extractor, lower: str) -> None:
    """``5 degrees below zero``, ``خمس درجات تحت الصفر``, ``3 grados bajo cero`` are -5, -3."""
    if _BELOW_ZERO_HINT_RE.search(lower) is None:
        return
    for index, mention in enumerate(ex.out):
        if mention.kind != "number" or not isinstance(mention.value, float):
            continue
        if mention.value <= 0 or _BELOW_ZERO_RE.match(ex.text, mention.end) is None:
            continue
        ex.out[index] = _mention(
            "number",
            -mention.value,
            mention.start,
            mention.end,
            mention.text,
            mention.words,
            -mention.alt if isinstance(mention.alt, float) else mention.alt,
            mention.settled,
            mention.note,
            False,
        )


_ERAS = {
    "令和": 2018,
    "平成": 1988,
    "昭和": 1925,
    "大正": 1911,
    "明治": 1867,
    "民國": 1911,
    "民国": 1911,
}
_ERA_RE = re.compile(r"(" + "|".join(_ERAS) + rf")\s*(\d{{1,3}}|元|[{_CJK_NUMERAL}百]{{1,4}})\s*年")


def _extract_era_years(ex: _Extractor) -> None:
    """Japanese era and Minguo years: ``令和6年`` is 2024, ``平成元年`` 1989, ``民國113年`` 2024."""
    for m in _ERA_RE.finditer(ex.text):
        number = 1 if m.group(2) == "元" else _date_number(m.group(2))
        if number is None or number < 1 or not ex.mask.free(m.start(), m.end()):
            continue
        year = float(_ERAS[m.group(1)] + number)
        ex.add(ex.mention("number", year, m.start(), m.end()))


_MERGE_UNITS = {**CJK_BIG_UNITS, "千": 1000, "百": 100}


def _merge_cjk_scaled(out: list[Mention]) -> list[Mention]:
    """``2万5000`` and ``1億2400万`` are one number: a scaled part, then what it adds."""
    merged: list[Mention] = []
    for mention in out:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.end == mention.start
            and prev.kind == "number"
            and mention.kind in ("number", "percent")
            and prev.text[-1:] in _MERGE_UNITS
            and isinstance(prev.value, float)
            and isinstance(mention.value, float)
            and 0 < mention.value < _MERGE_UNITS[prev.text[-1]]
            and prev.alt is None
            and mention.alt is None
        ):
            merged[-1] = _mention(
                mention.kind,
                prev.value + mention.value,
                prev.start,
                mention.end,
                prev.text + mention.text,
                prev.words and mention.words,
            )
            continue
        merged.append(mention)
    return merged


_NAME_GLOSS_RE = re.compile(r"\s*[/(（]\s*\Z")


def _drop_month_glosses(out: list[Mention], text: str) -> list[Mention]:
    """``أيلول/سبتمبر``, ``تشرين الثاني (نوفمبر)``: two names of one month are one month."""
    kept: list[Mention] = []
    for mention in out:
        prev = kept[-1] if kept else None
        if (
            prev is not None
            and mention.kind == "month"
            and prev.kind in ("month", "date")
            and isinstance(prev.value, (int, tuple))
            and (prev.value[0] if isinstance(prev.value, tuple) else prev.value) == mention.value
            and _NAME_GLOSS_RE.match(text[prev.end : mention.start])
        ):
            continue
        kept.append(mention)
    return kept


_RANK_PATTERNS: dict[str, tuple[re.Pattern[str], dict[str, int]]] = {
    # German glues the rank to the superlative: "zweitgrößte", "dritthöchsten", "viertbeste"
    "de": (
        re.compile(
            r"(?<![^\W\d_])(zweit|dritt|viert|fünft|sechst|siebt|acht|neunt|zehnt)"
            r"(?=[^\W\d_]*?(?:st|ßt|t)e[nrsm]?(?![^\W\d_]))(?=[^\W\d_]{4,})",
            re.IGNORECASE,
        ),
        {
            "zweit": 2,
            "dritt": 3,
            "viert": 4,
            "fünft": 5,
            "sechst": 6,
            "siebt": 7,
            "acht": 8,
            "neunt": 9,
            "zehnt": 10,
        },
    ),
    # Arabic puts an indefinite ordinal before the elative: "ثاني أكبر مدينة"
    "ar": (
        re.compile(
            r"(?<![^\W\d_])(ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر)"
            r"(?=\s+[أا][^\W\d_]{3}(?![^\W\d_]))"
        ),
        {
            "ثاني": 2,
            "ثالث": 3,
            "رابع": 4,
            "خامس": 5,
            "سادس": 6,
            "سابع": 7,
            "ثامن": 8,
            "تاسع": 9,
            "عاشر": 10,
        },
    ),
}
"""Ranks said with a superlative ("second-largest"), where the ordinal is not a word of its own
in the table."""


def _extract_ranks(ex: _Extractor) -> None:
    pattern, values = _RANK_PATTERNS[ex.loc.lang]
    for m in pattern.finditer(ex.text):
        if ex.mask.free(m.start(), m.end()):
            value = float(values[m.group(1).lower()])
            word = _WORD_RE.match(ex.text, m.start())
            if ex.table is not None and word is not None:
                if _word_pieces(word.group(0).lower(), ex.table) is not None:
                    continue  # "achtundzwanzigsten" is 28th, read with the number words
            ex.add(ex.mention("ordinal", value, m.start(), m.end(), words=True))


_FULLWIDTH_POINT_RE = re.compile(r"(?<=\d)．(?=\d)")


# -- alignment -------------------------------------------------------------------------------

How = Literal["exact", "kind", "alt-target", "alt-source", "alt-both", "loose", "position"]


@dataclass(frozen=True)
class Pair:
    """A source and a target mention that belong together."""

    source: Mention
    target: Mention
    how: How


@dataclass(frozen=True)
class Ambiguity:
    """A mention whose reading the locale cannot settle (or that only matches another reading)."""

    side: Literal["source", "target"]
    mention: Mention
    counterpart: Mention | None
    message: str


@dataclass(frozen=True)
class NumberAnalysis:
    """Everything the number checks need about one segment."""

    source: tuple[Mention, ...]
    target: tuple[Mention, ...]
    matched: tuple[Pair, ...]
    changed: tuple[Pair, ...]
    missing: tuple[Mention, ...]
    extra: tuple[Mention, ...]
    ambiguous: tuple[Ambiguity, ...]
    tgt_lang: str = "en"


def _exact_pair(source: Mention, target: Mention) -> Pair:
    """``Pair(source, target, "exact")`` built with :func:`_built`: the usual segment makes
    one per number."""
    return _built(Pair, {"source": source, "target": target, "how": "exact"})


def _all_matched(
    source: tuple[Mention, ...], target: tuple[Mention, ...], matched: tuple[Pair, ...], lang: str
) -> NumberAnalysis:
    """``NumberAnalysis(source, target, matched, (), (), (), (), lang)`` built with
    :func:`_built`: the analysis of the usual segment."""
    return _built(
        NumberAnalysis,
        {
            "source": source,
            "target": target,
            "matched": matched,
            "changed": (),
            "missing": (),
            "extra": (),
            "ambiguous": (),
            "tgt_lang": lang,
        },
    )


def _match(
    src: list[Mention],
    tgt: list[Mention],
    pairs: list[Pair],
    how: How,
) -> None:
    """Pair equal keys; ``how`` says which keys are compared."""
    index: dict[object, deque[int]] = {}
    for j, t in enumerate(tgt):
        key: object
        if how == "exact":
            key = (t.key(), t.kind)
        elif how in ("kind", "alt-source"):
            key = t.key()
        else:
            key = t.alt_key()
        if key is not None:
            index.setdefault(key, deque()).append(j)
    used: set[int] = set()
    remaining: list[Mention] = []
    for s in src:
        if how == "exact":
            key = (s.key(), s.kind)
        elif how in ("kind", "alt-target"):
            key = s.key()
        else:
            key = s.alt_key()
        slots = index.get(key) if key is not None else None
        if not slots:
            remaining.append(s)
            continue
        slot = slots.popleft()  # each target sits in one list: the first left is unused
        used.add(slot)
        pairs.append(Pair(s, tgt[slot], how))
    src[:] = remaining
    tgt[:] = [t for j, t in enumerate(tgt) if j not in used]


def _loose(a: Mention, b: Mention) -> bool:
    """Equivalences across types: a date's day, a time's hour, a code's digits."""
    for x, y in ((a, b), (b, a)):
        if x.kind == "date" and y.group == "num" and isinstance(x.value, tuple):
            if _norm(y.value) == x.value[1]:
                return True
        if x.kind == "time" and y.group == "num" and isinstance(x.value, tuple):
            hour, minute = x.value
            if isinstance(y.value, float) and (
                (minute == 0 and y.value in (hour, hour - 12))
                or abs(y.value - (hour + minute / 100)) < 1e-9
                or abs(y.value - (hour - 12 + minute / 100)) < 1e-9
            ):
                return True  # "a las 10 de la noche" = "at 10 p.m." = 22:00
    if a.kind == "code" and b.kind == "code":
        digits_a = re.sub(r"\D", "", str(a.value))
        digits_b = re.sub(r"\D", "", str(b.value))
        return bool(digits_a) and digits_a == digits_b
    for x, y in ((a, b), (b, a)):
        # "G20" = "二十国集团", "Leopard-2-Panzer" = "Leopard 2 tanks": the name's one number
        if x.kind == "code" and y.kind == "number" and isinstance(y.value, float):
            runs = _DIGIT_RUN_RE.findall(str(x.value))
            if len(runs) == 1 and float(runs[0]) == y.value:
                return True
    return False


_DIGIT_RUN_RE = re.compile(r"\d+")


def _loose_keys(m: Mention) -> tuple[tuple[object, ...], tuple[object, ...]]:
    """What a mention offers to a loose match and what it looks for on the other side.

    Two mentions match loosely when one looks for a key the other offers; this is
    :func:`_loose` as lookups, so that aligning long segments stays linear.
    """
    value = m.value
    if m.kind == "code":
        runs = _DIGIT_RUN_RE.findall(str(value))
        digits = ("code", "".join(runs))
        wants: tuple[object, ...] = (digits,) if runs else ()
        if len(runs) == 1:
            wants += (("num", round(float(runs[0]), 6)),)
        return ((digits,) if runs else ()), wants
    if m.group == "num" and isinstance(value, float):
        return (("num", round(value, 6)),), ()
    if m.kind == "date" and isinstance(value, tuple):
        return (), (("num", float(value[1])),)
    if m.kind == "time" and isinstance(value, tuple):
        hour, minute = value
        if minute == 0:
            return (), (("num", float(hour)), ("num", float(hour - 12)))
        return (), (
            ("num", round(hour + minute / 100, 6)),
            ("num", round(hour - 12 + minute / 100, 6)),
        )
    return (), ()


def _match_loose(src: list[Mention], tgt: list[Mention], pairs: list[Pair]) -> None:
    offers: dict[object, deque[int]] = {}
    wants: dict[object, deque[int]] = {}
    for j, t in enumerate(tgt):
        offered, wanted = _loose_keys(t)
        for key in offered:
            offers.setdefault(key, deque()).append(j)
        for key in wanted:
            wants.setdefault(key, deque()).append(j)
    used: set[int] = set()
    remaining: list[Mention] = []
    for s in src:
        offered, wanted = _loose_keys(s)
        slot: int | None = None
        for table, keys in ((offers, wanted), (wants, offered)):
            for key in keys:
                queue = table.get(key)
                while queue and queue[0] in used:
                    queue.popleft()  # lists are in target order: drop the used front
                if queue and (slot is None or queue[0] < slot):
                    slot = queue[0]
        if slot is None:
            remaining.append(s)
            continue
        used.add(slot)
        pairs.append(Pair(s, tgt[slot], "loose"))
    src[:] = remaining
    tgt[:] = [t for j, t in enumerate(tgt) if j not in used]
    # a date against its month name alone on the other side: the month is there, the day is
    # lost (or invented); the date stays unmatched and the month is absorbed
    for side, other in ((src, tgt), (tgt, src)):
        months: dict[int, int] = {}
        for m in side:
            if m.kind == "date" and isinstance(m.value, tuple):
                months[m.value[0]] = months.get(m.value[0], 0) + 1
        if not months:
            continue
        kept: list[Mention] = []
        for m in other:
            if m.kind == "month" and isinstance(m.value, int) and months.get(m.value, 0) > 0:
                months[m.value] -= 1
                continue
            kept.append(m)
        other[:] = kept
    # a date paired with a bare day leaves the month name on the other side: absorb it
    if not any(m.kind == "month" for m in (*src, *tgt)):
        return
    absorb_src: list[int] = []
    absorb_tgt: list[int] = []
    for pair in pairs:
        if pair.how != "loose":
            continue
        for months_of, dated in ((absorb_src, pair.target), (absorb_tgt, pair.source)):
            if dated.kind == "date" and isinstance(dated.value, tuple):
                months_of.append(dated.value[0])
    for left, months_of in ((src, absorb_src), (tgt, absorb_tgt)):
        for month in months_of:
            hit = next((m for m in left if m.kind == "month" and m.value == month), None)
            if hit is not None:
                left.remove(hit)


def _pairable(s: Mention, t: Mention) -> bool:
    if s.group != t.group:
        return _hour_of(s, t) or _hour_of(t, s)
    if s.weak or t.weak:
        # "one"/"uno" (pronoun, article) never pairs; a weak "los dos" (both) or "twice" can
        if s.kind == t.kind == "ordinal" or s.kind in ("weekday", "month"):
            return True
        return all(isinstance(m.value, float) and abs(m.value) >= 2 for m in (s, t) if m.weak)
    return True


def _hour_of(time: Mention, number: Mention) -> bool:
    """A bare whole number that is the hour of a clock time (``a las 10:30`` -> ``at 10``):
    one changed value, not a missing time and an extra number."""
    return (
        time.kind == "time"
        and number.kind == "number"
        and not number.weak
        and isinstance(time.value, tuple)
        and number.value == time.value[0]
    )


_NEAREST = 8
"""In long segments, each leftover source mention is weighed against this many target
mentions of its type on either side of its relative position (not against all of them)."""


def _candidate_targets(
    src: list[Mention], tgt: list[Mention], src_len: int, tgt_len: int
) -> list[Iterable[int]]:
    """For each source mention, the target indices worth costing."""
    if len(src) * len(tgt) <= 1024:
        return [range(len(tgt))] * len(src)
    by_group: dict[str, tuple[list[float], list[int]]] = {}
    for j, t in enumerate(tgt):
        positions, indices = by_group.setdefault(t.group, ([], []))
        positions.append(t.start / max(tgt_len, 1))
        indices.append(j)
    out: list[Iterable[int]] = []
    for s in src:
        positions, indices = by_group.get(s.group, ([], []))
        at = bisect.bisect_left(positions, s.start / max(src_len, 1))
        out.append(indices[max(0, at - _NEAREST) : at + _NEAREST])
    return out


def _pair_changed(src: list[Mention], tgt: list[Mention], src_len: int, tgt_len: int) -> list[Pair]:
    if not (src and tgt):
        return []
    candidates: list[tuple[float, int, int]] = []
    for i, (s, near) in enumerate(
        zip(src, _candidate_targets(src, tgt, src_len, tgt_len), strict=True)
    ):
        for j in near:
            t = tgt[j]
            if not _pairable(s, t):
                continue
            cost = abs(s.start / max(src_len, 1) - t.start / max(tgt_len, 1))
            cost += 0.3 if s.kind != t.kind else 0.0
            cost += 0.2 if s.words != t.words else 0.0
            candidates.append((cost, i, j))
    candidates.sort()
    used_s: set[int] = set()
    used_t: set[int] = set()
    pairs: list[Pair] = []
    for _, i, j in candidates:
        if i in used_s or j in used_t:
            continue
        used_s.add(i)
        used_t.add(j)
        pairs.append(Pair(src[i], tgt[j], "position"))
    src[:] = [s for i, s in enumerate(src) if i not in used_s]
    tgt[:] = [t for j, t in enumerate(tgt) if j not in used_t]
    pairs.sort(key=lambda p: p.target.start)
    return pairs


def _plain_reading(mention: Mention) -> bool:
    """True when the mention has one reading, or its reading is the usual one.

    ``1.000`` read as a thousand (es) is the usual reading; ``1.500`` read as 1.5 (en), with
    three decimals where a thousands group fits, is the unusual one. A numeric date read in
    the locale's own day/month order is the usual reading.
    """
    if isinstance(mention.value, float) and isinstance(mention.alt, float):
        return abs(mention.value) > abs(mention.alt)
    return True


def analyze(source: str, target: str, src_lang: str, tgt_lang: str) -> NumberAnalysis:
    """Extract numbers from both sides and align them by value."""
    return _analyze_memo(source, target, src_lang, tgt_lang)


@functools.lru_cache(maxsize=2048)
def _analyze_memo(source: str, target: str, src_lang: str, tgt_lang: str) -> NumberAnalysis:
    """:func:`analyze`, memoised: repeated segments come back a few segments apart, and the
    analysis is immutable."""
    src_all = _extract_memo(source, src_lang)
    tgt_all = _extract_memo(target, tgt_lang)
    if not (src_all or tgt_all):
        return _all_matched((), (), (), tgt_lang)
    if len(src_all) == len(tgt_all):
        pairs = zip(src_all, tgt_all, strict=True)
        # equal raw values have equal keys; only when some differ are the keys compared
        if all(s.kind == t.kind and s.value == t.value for s, t in pairs) or [
            (m.key(), m.kind) for m in src_all
        ] == [(m.key(), m.kind) for m in tgt_all]:
            # The usual segment: the same values in the same order. The exact pass below would
            # pair them one to one in this order and leave nothing for the other passes.
            matched_all = tuple(map(_exact_pair, src_all, tgt_all))
            return _all_matched(src_all, tgt_all, matched_all, tgt_lang)
    return _align(src_all, tgt_all, len(source), len(target), src_lang, tgt_lang)


def _align(
    src_all: tuple[Mention, ...],
    tgt_all: tuple[Mention, ...],
    src_len: int,
    tgt_len: int,
    src_lang: str,
    tgt_lang: str,
) -> NumberAnalysis:
    """Align the mentions of both sides by value (every pass; :func:`_analyze_memo` answers
    the usual segments before this)."""
    src = list(src_all)
    tgt = list(tgt_all)
    matched: list[Pair] = []
    passes: tuple[How, ...] = ("exact", "kind", "alt-target", "alt-source", "alt-both")
    for how in passes:
        if not (src and tgt):
            break
        _match(src, tgt, matched, how)
    if src and tgt:
        _match_loose(src, tgt, matched)
    ambiguous: list[Ambiguity] = []
    by_reading: list[Pair] = []
    kept: list[Pair] = []
    for pair in matched:
        if pair.how in ("alt-target", "alt-source"):
            settled = pair.source.settled and pair.target.settled
            if settled and _plain_reading(pair.source):
                # Each side read as its locale reads it: the values differ.
                by_reading.append(pair)
                continue
            pair = Pair(pair.source, pair.target, "alt-both")
        if pair.how == "alt-both":
            ambiguous.append(
                Ambiguity(
                    "source",
                    pair.source,
                    pair.target,
                    f"'{pair.source.text}' reads as {pair.source.describe()} in {src_lang} "
                    f"but the target has {pair.target.describe()}: check which is meant",
                )
            )
        kept.append(pair)
    matched = kept
    for side, items in (("source", src), ("target", tgt)):
        for mention in [m for m in items if not m.settled]:
            items.remove(mention)
            other = mention.alt if mention.alt is not None else mention.value
            ambiguous.append(
                Ambiguity(
                    side,  # type: ignore[arg-type]
                    mention,
                    None,
                    f"'{mention.text}' may be {mention.describe()} or "
                    f"{describe_value(mention.kind, other)}; the locale does not settle it",
                )
            )
    changed = by_reading + _pair_changed(src, tgt, src_len, tgt_len)
    changed.sort(key=lambda p: (p.target.start, p.source.start))
    missing = tuple(m for m in src if not m.weak)
    extra = tuple(m for m in tgt if not m.weak)
    return NumberAnalysis(
        source=src_all,
        target=tgt_all,
        matched=tuple(matched),
        changed=tuple(changed),
        missing=missing,
        extra=extra,
        ambiguous=tuple(ambiguous),
        tgt_lang=tgt_lang,
    )


# -- formatting values for suggestions ---------------------------------------------------------


def format_for(mention: Mention, lang: str, value: Value | None = None) -> str:
    """``value`` (default: the mention's) written the way ``lang`` writes it."""
    value = mention.value if value is None else value
    return _format_value(mention.kind, mention.text, mention.words, lang, value)


@functools.lru_cache(maxsize=64)
def _babel_locale(name: str) -> Locale:
    """Babel's locale object for ``name``, kept: formatting with a locale given by name
    parses it again and rebuilds its number patterns at every call (twice the cost)."""
    from babel import Locale

    return Locale.parse(name)


@functools.lru_cache(maxsize=4096)
def _format_value(kind: Kind, text: str, words: bool, lang: str, value: Value) -> str:
    """:func:`format_for` on the fields it reads, memoised (Babel formatting is slow)."""
    import datetime

    from babel.dates import format_skeleton, get_day_names, get_month_names
    from babel.numbers import format_decimal, format_percent

    info = locale_info(lang)
    babel_loc = _babel_locale(info.babel_locale or "en")
    if kind == "code":
        return text
    if kind == "date" and isinstance(value, tuple):
        return format_skeleton("MMMMd", datetime.date(2000, value[0], value[1]), locale=babel_loc)
    if kind == "time" and isinstance(value, tuple):
        return f"{value[0]:02d}:{value[1]:02d}"
    if kind == "weekday" and isinstance(value, int):
        return str(get_day_names("wide", "format", babel_loc)[value])
    if kind == "month" and isinstance(value, int):
        # Babel can resolve a stand-alone alias to another locale's names (seen: Chinese
        # month names for Spanish after Chinese was loaded), so check what comes back.
        for context in ("stand-alone", "format"):
            month_name = str(get_month_names("wide", context, babel_loc)[value])
            if _fits(month_name, info.lang):
                return month_name
        return describe_value("month", value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return describe_value(kind, value)
        if abs(value) >= 1e21 and value.is_integer():
            # beyond Babel's decimal quantisation: group the digits with the locale's symbol
            from babel.numbers import get_group_symbol

            return f"{int(value):,}".replace(",", get_group_symbol(locale=babel_loc))
        if kind == "percent":
            return str(format_percent(value / 100, locale=babel_loc, decimal_quantization=False))
        shown = _num(value)
        grouped = not (isinstance(shown, int) and abs(shown) < 10000 and text.isdigit())
        if words and isinstance(shown, int) and abs(shown) < 10000:
            grouped = False
        written = str(
            format_decimal(
                shown, locale=babel_loc, decimal_quantization=False, group_separator=grouped
            )
        )
        return _regrouped(written, info, babel_loc) if grouped else written
    return str(value)


_INTEGER_PART = re.compile(r"\d[\d'’.,\u00a0\u202f ]*")


def _regrouped(written: str, info: LocaleInfo, babel_loc: Locale) -> str:
    """``written`` (Babel's digits) with every thousands group separated: Babel 2.x groups
    only the last three digits of big numbers in Swiss locales (``311311311'311``, and
    ``1234567`` not at all) though CLDR groups them all (``311'311'311'311``)."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    match = _INTEGER_PART.search(written)
    if match is None:
        return written
    decimal = get_decimal_symbol(locale=babel_loc)
    body = match.group()
    whole, point, fraction = body.partition(decimal) if decimal in body else (body, "", "")
    digits = "".join(c for c in whole if c.isdigit())
    if len(digits) < 5:
        return written  # four digits may stay ungrouped (CLDR's minimum grouping digits)
    separators = [c for c in whole if not c.isdigit()]
    group = separators[0] if separators else get_group_symbol(locale=babel_loc)
    groups = [digits[-3:]]
    rest = digits[:-3]
    while rest:
        groups.append(rest[-info.secondary_group :])
        rest = rest[: -info.secondary_group]
    regrouped = group.join(reversed(groups)) + point + fraction
    return written[: match.start()] + regrouped + written[match.end() :]
