"""Text normalisation and script-aware tokenisation for term matching.

Tokens keep their exact character span in the original text; only their *keys* are
normalised, so every match maps back to the text as written.

- Unicode: NFKC (full-width Latin, Arabic presentation forms, ligatures become plain letters).
- Typography: apostrophes (’ ‘ ʼ ′ ` ´) become ``'``, dashes (‐ ‑ ‒ – — ―  −) become ``-``,
  double quotes (“ ” „ « » ″) become ``"``.
- Russian: ё is read as е (most press copy writes е).
- Arabic: alef variants (أ إ آ ٱ) become ا, alef maqsura ى becomes ي, tatweel and harakat are
  removed. The clitic prefixes و ف (and), ب ل ك (prepositions) and the article ال may precede
  the first word of a term (``وحلب``, ``بحلب``, ``والحلب`` all contain ``حلب``). Any word may
  also be read without its article and with its regular plural, dual or feminine ending
  undone, or as the singular of a listed broken plural (:func:`arabic_forms`:
  ``الغارات الجوية`` contains ``غارة جوية``, ``المدنيين`` contains ``مدني``).
- Case: keys are case-folded; case-sensitive terms are checked against the original text.
- Inflection: European languages are stemmed with the Snowball stemmers, token by token.
  Where Snowball gives an inflected form another stem than its base form (Spanish
  ``altos``/``alto``, ``militares``/``militar``; Portuguese ``nações``/``nação``; English
  ``gunmen``/``gunman``, ``crises``/``crisis``; French ``travaux``/``travail``; Italian
  ``militari``/``militare``; Russian ``повстанцы``/``повстанец``, ``граждане``/``гражданин``),
  the matcher also reads the word as the base forms it may come from (:func:`base_forms_for`).
- Tokens: runs of letters, digits and combining marks; Han, Kana, Hangul and Thai characters
  are one token each (those scripts do not separate words by spaces). Hyphens and apostrophes
  separate tokens but remember the link, so ``cease-fire`` can also be read as one word.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from typing import NamedTuple

APOSTROPHES = "'’‘ʼ′`´"
HYPHENS = "-‐‑‒–—―−"
_TYPOGRAPHY = str.maketrans(
    {
        **{c: "'" for c in APOSTROPHES},
        **{c: "-" for c in HYPHENS},
        **{c: '"' for c in "“”„‟«»″"},
    }
)
CONNECTORS = frozenset(APOSTROPHES + HYPHENS)

_LETTER_MAP = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ـ": None,
        "ё": "е",
        "Ё": "Е",
        **{chr(c): None for c in range(0x064B, 0x0660)},
        "\u0670": None,
    }
)
_ARABIC_LETTERS = re.compile(r"[\u0621-\u064A]")

_SEGMENTED_RANGES = (
    (0x0E00, 0x0E7F),  # Thai
    (0x0E80, 0x0EFF),  # Lao
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2E80, 0x2FDF),  # CJK radicals
    (0x3005, 0x3007),  # 々 〆 〇
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3130, 0x318F),  # Hangul compatibility Jamo
    (0x31F0, 0x31FF),  # Katakana extensions
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xAC00, 0xD7AF),  # Hangul syllables
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF66, 0xFF9F),  # half-width Katakana
    (0x20000, 0x3134F),  # CJK extensions B-G
)


def _segmented_class() -> str:
    return "".join(f"{_esc(a)}-{_esc(b)}" for a, b in _SEGMENTED_RANGES)


def _esc(code: int) -> str:
    return f"\\U{code:08x}"


@functools.cache
def _mark_class() -> str:
    """A regex class body with every combining mark of the BMP (harakat, accents, matras)."""
    ranges: list[tuple[int, int]] = []
    # map() keeps the scan of the BMP in C: this runs once per process, before the first match
    categories = map(unicodedata.category, map(chr, range(0x0300, 0x10000)))
    for code, category in enumerate(categories, start=0x0300):
        if category[0] == "M":
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(f"{_esc(a)}-{_esc(b)}" for a, b in ranges) + "\\u200c\\u200d\\u0640"


@functools.cache
def _word_re() -> re.Pattern[str]:
    return re.compile(f"(?:[^\\W_]|[{_mark_class()}])+")


@functools.cache
def _segmented_re() -> re.Pattern[str]:
    return re.compile(f"[{_segmented_class()}][{_mark_class()}]*")


_ASCII_WORD_SPLIT = re.compile("([A-Za-z0-9]+)")
"""``_word_re`` on ASCII text, where it takes only letters and digits (the fastest split)."""


@functools.cache
def _word_split_re() -> re.Pattern[str]:
    # One character class is about twice as fast as the alternation of ``_word_re``; it also
    # takes "_", so it is only used on text without one.
    return re.compile(f"([\\w{_mark_class()}]+)")


def split_words(text: str) -> list[str] | None:
    """``[gap, word, gap, word, ..., gap]``: the words of ``tokenize`` and what lies between.

    ``None`` when the text needs ``tokenize`` itself: it has an underscore or a character of a
    script written without spaces (Han, Kana, Hangul, Thai), which is split into one token per
    character.
    """
    if text.isascii():
        return _ASCII_WORD_SPLIT.split(text)
    if "_" in text or _segmented_re().search(text) is not None:
        return None
    return _word_split_re().split(text)


class Token(NamedTuple):
    """A word (or one CJK character) of a text, with its span in the original string."""

    start: int
    end: int
    norm: str
    """NFKC, typography and Arabic normalised; case preserved."""
    link: str
    """``-`` or ``'`` when joined to the previous token by that one character (``cease-fire``,
    ``Ba'ath``); empty otherwise."""
    gap: str
    """Empty when only whitespace or a connector separates it from the previous token;
    otherwise a key for the punctuation in between (``U.N.``, ``EE. UU.``), never equal to
    a word key."""

    @property
    def soft(self) -> bool:
        return not self.gap


_REPLACEMENTS = {
    chr(code): to or "" for code, to in {**_TYPOGRAPHY, **_LETTER_MAP}.items() if chr(code) != to
}
"""The typography and letter maps as one: no key of one is a key or a value of the other."""
_MAPPED = re.compile("[" + re.escape("".join(_REPLACEMENTS)) + "]")
"""A character the maps change. ``str.translate`` looks every character up in its table;
a regex finds the few that change much faster."""


def _replace(match: re.Match[str]) -> str:
    return _REPLACEMENTS[match.group()]


def normalize_text(text: str) -> str:
    """NFKC, unified typography and Arabic normalisation; case is kept."""
    return _MAPPED.sub(_replace, unicodedata.normalize("NFKC", text))


@functools.lru_cache(maxsize=65536)
def normalize_word(word: str) -> str:
    """The ``norm`` of a word token (empty when it holds only marks that normalisation drops)."""
    # A word token holds letters, digits and marks only: ASCII ones need no normalisation.
    if word.isascii():
        return word
    norm = normalize_text(word)
    if "'" in norm or "-" in norm:
        # a letter-like apostrophe (ʼ) or a compatibility hyphen inside the word
        norm = norm.replace("'", "").replace("-", "")
    return norm


def surface(text: str) -> str:
    """The comparable written form of a span: normalised, whitespace collapsed."""
    if text.isascii() and "`" not in text:
        return " ".join(text.split())  # NFKC and the letter maps leave such text as it is
    return " ".join(normalize_text(text).split())


GAP_MARK = "\x00"


def gap_marker(gap: str) -> str:
    """The key of punctuation between two words: whitespace dropped, typography unified."""
    return GAP_MARK + "".join(normalize_text(gap).split())


def is_soft_gap(gap: str) -> bool:
    """Only whitespace and connectors: words on both sides may belong to one term."""
    return gap == " " or all(ch.isspace() or ch in CONNECTORS for ch in gap)


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens (CJK, Thai: one character per token)."""
    parts = split_words(text)
    if parts is None:
        return _tokenize_segmented(text)
    tokens: list[Token] = []
    end = 0
    for index in range(1, len(parts), 2):
        gap, word = parts[index - 1], parts[index]
        start = end + len(gap)
        end = start + len(word)
        if index == 1:
            link, gap_key = "", GAP_MARK
        elif len(gap) == 1 and gap in CONNECTORS:
            link, gap_key = gap.translate(_TYPOGRAPHY), ""
        elif is_soft_gap(gap):
            link, gap_key = "", ""
        else:
            link, gap_key = "", gap_marker(gap)
        norm = normalize_word(word)
        if norm:
            tokens.append(Token(start, end, norm, link, gap_key))
    return tokens


def _tokenize_segmented(text: str) -> list[Token]:
    """``tokenize`` for text with Han, Kana, Hangul or Thai characters (or an underscore)."""
    tokens: list[Token] = []
    segmented = _segmented_re()
    split = segmented.search(text) is not None
    previous_end = -1
    for match in _word_re().finditer(text):
        word_start, word_end = match.span()
        pieces: list[tuple[int, int]]
        if split and segmented.search(text, word_start, word_end):
            pieces = []
            position = word_start
            for char in segmented.finditer(text, word_start, word_end):
                start, end = char.span()
                if start > position:
                    pieces.append((position, start))
                pieces.append((start, end))
                position = end
            if position < word_end:
                pieces.append((position, word_end))
        else:
            pieces = [(word_start, word_end)]
        for start, end in pieces:
            if previous_end < 0:
                link, gap_key = "", GAP_MARK
            else:
                gap = text[previous_end:start]
                if len(gap) == 1 and gap in CONNECTORS:
                    link, gap_key = gap.translate(_TYPOGRAPHY), ""
                elif is_soft_gap(gap):
                    link, gap_key = "", ""
                else:
                    link, gap_key = "", gap_marker(gap)
            norm = normalize_word(text[start:end])
            if norm:
                tokens.append(Token(start, end, norm, link, gap_key))
            previous_end = end
    return tokens


# -- stemming --------------------------------------------------------------------------------

STEMMED_LANGUAGES = {
    "ca": "catalan",
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "et": "estonian",
    "eu": "basque",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hu": "hungarian",
    "hy": "armenian",
    "it": "italian",
    "lt": "lithuanian",
    "nb": "norwegian",
    "nl": "dutch",
    "nn": "norwegian",
    "no": "norwegian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "sv": "swedish",
    "tr": "turkish",
}
"""Languages stemmed with Snowball (primary subtag -> algorithm)."""

_CACHE_LIMIT = 200_000


@functools.cache
def stemmer_for(lang: str) -> Callable[[str], str]:
    """A cached word -> stem function for a language (identity where none applies)."""
    algorithm = STEMMED_LANGUAGES.get(lang)
    if algorithm is None:
        return _identity
    import snowballstemmer

    try:
        stemmer = snowballstemmer.stemmer(algorithm)
    except KeyError:
        return _identity
    cache: dict[str, str] = {}

    def stem(word: str) -> str:
        found = cache.get(word)
        if found is None:
            if len(cache) > _CACHE_LIMIT:
                cache.clear()
            # Snowball rules rewrite letters only: numbers (most of the distinct words of
            # news copy) come back unchanged, and stemming one costs as much as a word.
            if len(word) > 2 and not (word.isdigit() and word.isascii()):
                found = stemmer.stemWord(word)
            else:
                found = word
            cache[word] = found
        return found

    return stem


def _identity(word: str) -> str:
    return word


# -- inflected forms that Snowball stems apart -------------------------------------------------


def _spanish_forms(word: str) -> tuple[str, ...]:
    """``altos`` -> alto; ``militares`` -> militar (also militare); ``luces`` -> luz."""
    found = [word[:-1]]
    if word.endswith("es") and len(word) > 4:
        found.append(word[:-2])
        if word.endswith("ces"):
            found.append(word[:-3] + "z")
    return tuple(found)


def _portuguese_forms(word: str) -> tuple[str, ...]:
    """``ataques`` -> ataque; ``nações`` -> nação; ``civis`` -> civil; ``mísseis`` -> míssil;
    ``reféns`` -> refém; ``militares`` -> militar; ``hospitais`` -> hospital; ``papéis`` ->
    papel; ``meses`` -> mês."""
    found = [word[:-1]]
    if word.endswith(("ões", "ães")):
        found.append(word[:-3] + "ão")
    elif word.endswith("ns"):
        found.append(word[:-2] + "m")
    elif word.endswith("ais"):
        found.append(word[:-3] + "al")
    elif word.endswith("éis"):
        found.append(word[:-3] + "el")
    elif word.endswith("óis"):
        found.append(word[:-3] + "ol")
    elif word.endswith("eis"):
        found += [word[:-3] + "el", word[:-3] + "il"]
    elif word.endswith("is"):
        found += [word[:-2] + "il", word[:-2] + "l"]
    elif word.endswith("es") and len(word) > 4:
        found.append(word[:-2])
        if word.endswith("eses"):
            found.append(word[:-4] + "ês")
    return tuple(found)


_ENGLISH_IRREGULAR = {
    "children": ("child",),
    "people": ("person",),
    "feet": ("foot",),
    "teeth": ("tooth",),
    "geese": ("goose",),
    "mice": ("mouse",),
    "oxen": ("ox",),
}


def _english_forms(word: str) -> tuple[str, ...]:
    """``gunmen`` -> gunman; ``lives`` -> life; ``crises`` -> crisis; ``buses`` -> bus;
    ``indices`` -> index; ``criteria`` -> criterion; ``nuclei`` -> nucleus; ``children`` ->
    child (regular plurals in ``s`` stem together already)."""
    irregular = _ENGLISH_IRREGULAR.get(word)
    if irregular is not None:
        return irregular
    if word.endswith("men"):
        return (word[:-3] + "man",)
    if word.endswith("ves"):
        return (word[:-3] + "f", word[:-3] + "fe")
    if word.endswith("ices"):
        return (word[:-4] + "ix", word[:-4] + "ex")
    if word.endswith(("ses", "xes")):  # crises, axes; buses, boxes
        return (word[:-2] + "is", word[:-2])
    if word.endswith("ae"):
        return (word[:-1],)
    if word.endswith("a"):
        return (word[:-1] + "um", word[:-1] + "on")
    if word.endswith("i"):
        return (word[:-1] + "us",)
    return ()


_FRENCH_IRREGULAR = {"yeux": ("œil", "oeil"), "cieux": ("ciel",), "aïeux": ("aïeul",)}


def _french_forms(word: str) -> tuple[str, ...]:
    """``travaux`` -> travail (also traval); ``feux`` -> feu; ``bijoux`` -> bijou; ``pneus``
    -> pneu; ``yeux`` -> œil."""
    irregular = _FRENCH_IRREGULAR.get(word)
    if irregular is not None:
        return irregular
    if word.endswith("aux"):
        return (word[:-3] + "ail", word[:-3] + "al")
    if word.endswith(("eux", "oux", "eus")):  # Snowball keeps -us whole: pneus
        return (word[:-1],)
    return ()


_ITALIAN_IRREGULAR = {
    "uomini": ("uomo",),
    "dei": ("dio",),
    "buoi": ("bue",),
    "mogli": ("moglie",),
    "templi": ("tempio",),
    "braccia": ("braccio",),
    "uova": ("uovo",),
    "dita": ("dito",),
    "ossa": ("osso",),
    "mura": ("muro",),
    "paia": ("paio",),
}


def _italian_forms(word: str) -> tuple[str, ...]:
    """``militari`` -> militare (also militaro, militara); ``armi`` -> arma; ``laghi`` ->
    lago; ``banche`` -> banca; ``uomini`` -> uomo."""
    irregular = _ITALIAN_IRREGULAR.get(word)
    if irregular is not None:
        return irregular
    found: list[str] = []
    if word.endswith(("chi", "ghi")):
        found.append(word[:-2] + "o")
    elif word.endswith(("che", "ghe")):
        found.append(word[:-2] + "a")
    if word.endswith("i"):
        found += [word[:-1] + "e", word[:-1] + "o", word[:-1] + "a"]
    elif word.endswith("e"):
        found.append(word[:-1] + "a")
    return tuple(found)


_RUSSIAN_VOWELS = frozenset("аеиоуыэюяё")
_RUSSIAN_IRREGULAR = {
    "дет": ("ребенок",),
    "детьм": ("ребенок",),
    "люд": ("человек",),
    "людьм": ("человек",),
    "друз": ("друг",),
    "сынов": ("сын",),
    "матер": ("мать",),
    "дочер": ("дочь",),
}
"""Stem of the plural (all its cases) -> the singular."""


def _russian_forms(word: str) -> tuple[str, ...]:
    """Forms whose stem drops a vowel of the base form or its ``-ин``: ``повстанцы``,
    ``повстанца`` -> повстанец; ``бойцы`` -> боец; ``послы`` -> посол; ``граждане`` ->
    гражданин; ``дети`` -> ребенок; read from the word's Snowball stem, so every case
    ending is covered. Glossaries often list groups in the plural, so a singular also reads
    as the plural's stem: ``повстанец`` -> повстанц(ы), ``гражданин`` -> граждан(е)."""
    stem = stemmer_for("ru")(word)
    irregular = _RUSSIAN_IRREGULAR.get(stem)
    if irregular is not None:
        return irregular
    if word.endswith(("ан", "ян")):  # граждан (of the citizens): Snowball stems it гражда
        return (word + "ин", word + "е")
    if len(stem) < 3:
        return ()
    last, before = stem[-1], stem[-2]
    if last == "ц" and before in "йь":  # бойцы -> боец, владельцы -> владелец
        return (stem[:-2] + "ец",)
    if before in _RUSSIAN_VOWELS:
        if stem.endswith(("ан", "ян")):  # граждане -> гражданин
            return (stem + "ин",)
        if stem.endswith("ец") and len(stem) > 3:  # a term in the plural: повстанец -> повстанцы
            return (stem[:-2] + "ц",)
        if stem.endswith(("анин", "янин")):  # гражданин -> граждане
            return (stem[:-2] + "е",)
        return ()
    if last == "ц":  # повстанцы -> повстанец, отцы -> отец
        return (stem[:-1] + "ец",)
    if last == "к":  # потолки -> потолок, кусочки -> кусочек
        return (stem[:-1] + "ок", stem[:-1] + "ек")
    if last == "л":  # послы -> посол, узлы -> узел
        return (stem[:-1] + "ол", stem[:-1] + "ел")
    return ()


_ARABIC_BROKEN_PLURALS = """
أطفال طفل صواريخ صاروخ أسلحة سلاح جنود جندي مدن مدينة شهداء شهيد قتلى قتيل جرحى جريح
رهائن رهينة فصائل فصيل أحياء حي قرى قرية معاقل معقل هجمات هجوم دول دولة أسرى أسير ضباط ضابط
قادة قائد زعماء زعيم وزراء وزير رؤساء رئيس سجون سجن سجناء سجين مناطق منطقة مواقع موقع
براميل برميل قذائف قذيفة ألغام لغم مدارس مدرسة منازل منزل بيوت بيت شوارع شارع أسواق سوق
جسور جسر أقاليم إقليم أحزاب حزب معابر معبر حواجز حاجز نقاط نقطة قواعد قاعدة موانئ ميناء
أراض أرض أرواح روح أشخاص شخص نساء امرأة رجال رجل عناصر عنصر أكراد كردي دروز درزي شيعة شيعي
"""
"""Broken plurals of news and conflict vocabulary, each followed by its singular: their
pattern changes inside the word, so they are listed, not derived."""


@functools.cache
def _arabic_broken_plurals() -> dict[str, str]:
    words = _ARABIC_BROKEN_PLURALS.split()
    return {
        normalize_word(plural): normalize_word(one)
        for plural, one in zip(words[::2], words[1::2], strict=True)
    }


def arabic_forms(word: str) -> tuple[str, ...]:
    """An Arabic word (normalised: one alef, ى as ي, no harakat) read without its article and
    its regular plural, dual or feminine endings: ``الغارات`` -> غارة; ``المدنيين`` -> مدني;
    ``لاجئون`` -> لاجئ; ``مستشفيات`` -> مستشفي (مستشفى); ``ميليشيات`` -> ميليشيا; ``غارتين`` ->
    غارة; ``مقاتلو`` -> مقاتل; ``الكيميائية`` -> كيميائي; and a masculine plural in its other
    case (``النازحين`` -> النازحون). The article is never added: ``قاعدة`` (a base) must not
    read as ``القاعدة`` (al-Qaeda). Broken plurals (``الأطفال`` -> طفل) come from a list of
    news vocabulary. Clitic prefixes (و ف ب ل ك) are the matcher's part
    (:func:`arabic_clitic_offsets`)."""
    found: list[str] = []
    rest = word
    if word.startswith("ال") and len(word) >= 5:
        rest = word[2:]
        found.append(rest)
    singular = _arabic_broken_plurals().get(rest)
    if singular is not None:
        found.append(singular)
    if len(rest) >= 5 and word.endswith(("ين", "ون")):
        found.append(word[:-2] + ("ون" if word.endswith("ين") else "ين"))
    if len(rest) < 4:
        return tuple(found)
    if rest.endswith("ات"):
        found.append(rest[:-2] + "ة")
        if rest.endswith("يات"):
            found += [rest[:-2], rest[:-3] + "يا"]
    elif len(rest) >= 5 and rest.endswith(("تان", "تين")):
        found.append(rest[:-3] + "ة")
    elif len(rest) >= 5 and rest.endswith(("ون", "ين", "ان")):
        found.append(rest[:-2])
    elif rest.endswith("ية"):
        found.append(rest[:-1])
    elif rest.endswith("و"):
        found.append(rest[:-1])
    return tuple(found)


class BaseForms(NamedTuple):
    """How a language's words may be inflected forms that Snowball stems apart from their
    base form (the form a glossary lists), or that no stemmer joins (Arabic): which words to
    try, and the guesses."""

    last_letters: frozenset[str] | None
    """Only words ending in one of these letters (either case) are tried; None: every word."""
    min_length: int
    guesses: Callable[[str], tuple[str, ...]]
    """Case-folded word -> the base forms it may come from (wrong guesses are harmless: the
    matcher looks them up among the terms' words only)."""
    not_first: Callable[[str], str | None] | None = None
    """Case-folded word -> a guess that is dropped where a term starts with it, if any."""


def arabic_adjective(word: str) -> str | None:
    """The definite feminine adjective ``السورية`` ("the Syrian") without its article,
    ``سورية``, is also a spelling of Syria: such a guess goes on a term (``الغارة الجوية``:
    غارة جوية) but is dropped where a term starts with it."""
    if word.startswith("ال") and word.endswith("ية") and len(word) >= 5:
        return word[2:]
    return None


def _letters(*ends: str) -> frozenset[str]:
    return frozenset(ends) | frozenset(end.upper() for end in ends)


_BASE_FORMS: dict[str, BaseForms] = {
    "es": BaseForms(_letters("s"), 4, _spanish_forms),
    "pt": BaseForms(_letters("s"), 4, _portuguese_forms),
    "en": BaseForms(
        _letters("n", "s", "a", "i", "e", "t", "h"),
        3,
        _english_forms,
    ),
    "fr": BaseForms(_letters("x", "s"), 4, _french_forms),
    "it": BaseForms(_letters("i", "e", "a"), 3, _italian_forms),
    "ru": BaseForms(None, 3, _russian_forms),
    "ar": BaseForms(None, 3, arabic_forms, arabic_adjective),
}


def base_forms_for(lang: str) -> BaseForms | None:
    """For languages whose Snowball stemmer often stems an inflected form (a plural, or a
    Russian case that drops a vowel) apart from its base form, and for Arabic, which has no
    stemmer here: which words to try and the base forms they may come from. ``None`` where
    the stemmer already brings them together."""
    return _BASE_FORMS.get(lang)


def fold(norm: str) -> str:
    return norm.casefold()


# -- Arabic clitics ----------------------------------------------------------------------------


_CLITIC_FIRST = frozenset("وفبلك")


def arabic_clitic_offsets(token_text: str) -> list[tuple[int, str]]:
    """Where the stem of an Arabic word may start after clitic prefixes.

    Returns ``(offset in token_text, normalised rest)`` pairs, longest prefix last; the rest
    keeps at least three letters. ``لل`` (ل + ال) also yields the rest with the article restored,
    and the rest after the first ``ل`` (``للاجئين``: ل + اللاجئين, whose article merges).
    """
    if not token_text or token_text[0] not in _CLITIC_FIRST:
        return []
    letters: list[tuple[int, str]] = []
    for index, char in enumerate(token_text):
        norm = char.translate(_LETTER_MAP)
        if norm and not unicodedata.category(char).startswith("M"):
            letters.append((index, unicodedata.normalize("NFKC", norm)))
    word = "".join(ch for _, ch in letters)
    if len(word) < 4 or not _ARABIC_LETTERS.match(word):
        return []
    found: list[tuple[int, str]] = []

    def add(position: int, rest: str | None = None) -> None:
        if position < len(letters):
            remainder = rest if rest is not None else word[position:]
            if len(remainder) >= 3 and (position, remainder) not in found:
                found.append((letters[position][0], remainder))

    position = 0
    if word[0] in "وف":
        position = 1
        add(position)
    if word[position : position + 2] == "لل":
        add(position + 1, "ال" + word[position + 2 :])
        add(position + 1)  # a noun that starts with ل: للاجئين is ل + (ال)لاجئين
        add(position + 2)
        return found
    if position < len(word) and word[position] in "بلك":
        position += 1
        add(position)
    if word[position : position + 2] == "ال":
        add(position + 2)
    return found


def has_arabic(text: str) -> bool:
    return bool(_ARABIC_LETTERS.search(text))
