"""Names, acronyms and codes in a text, and whether each one survives in a translation.

This module is the language side of the TQA35x checks (``tqa.checks.names``):

- :func:`extract` finds the *mentions* of one text: capitalised name sequences (with
  particles such as *al-*, *de*, *bin*, *von*), acronyms (``SOHR``, ``EE.UU.``, ``НАТО``),
  alphanumeric codes (``F-16``, ``COVID-19``), ``@handles`` and Latin-script words inside a
  text of another script. Words that are capitalised for other reasons are left out: the
  first word of a sentence, months and weekdays (CLDR, through Babel), titles
  (``President``, ``Presidente``), nationality adjectives (``Syrian``, ``Turkish``), generic
  institution nouns (``Ejército``, ``Gobierno``) and, in German, capitalised common nouns.
- :class:`Counterparts` indexes the words of the *other* text and tells whether a word has a
  counterpart there: exactly, up to case and accents, through regular inflection
  (``Putina`` = ``Putin``, ``Assads`` = ``Assad``), through a spelling variant with the same
  consonant skeleton (``Alepo`` = ``Aleppo``, ``Hizbulá`` = ``Hezbollah``), through
  transliteration across scripts (``Андрей`` = ``Andrei``, ``الأسد`` = ``al-Assad``,
  ``安达纳尔`` = ``Andanar``, via anyascii) or through an exonym: CLDR's names of countries
  and time-zone cities (``Alemania`` = ``Germany``), and ``cities.txt`` for 48 cities of
  international news that CLDR does not name (``Ginebra`` = ``Geneva``, ``حلب`` = ``Aleppo``).
- :func:`compare` puts both together and returns what is missing, extra or changed.

Everything here is deterministic and offline; the glossary is applied by the check module,
which passes the spans it already covers.

It runs on every segment, so it is written for speed without changing an answer: one regex
finds the words (:func:`split_words` gives the tokens of :func:`tqa.lang.text.words`),
facts about a word are cached by the word, extraction by the text's shape (its digits read
``0``), comparisons by segment, all in bounded caches; a word is looked up by its stems
before any spelling variant is tried, and the other text is indexed only when a mention
is not already covered by the glossary.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from importlib import resources
from operator import itemgetter
from typing import Any, Literal

from anyascii import anyascii

from tqa.core.model import Span
from tqa.lang.text import Token, find_emails, find_handles, find_urls, script_of, words

Kind = Literal["name", "acronym", "code", "handle", "foreign"]

# -- small lexicons ------------------------------------------------------------------------------
# Folded (lower-case, ASCII) forms. These are closed classes of words that are written with a
# capital letter without being names; they are language-agnostic on purpose (a title in one
# language is never a name in another).

PARTICLES = frozenset(
    "al el ar as ash at ad an az ibn bin bint ben abu abd abdul de del della der des di da do dos "
    "du la le van von den ten ter zu".split()
)
"""Lower-case pieces of personal and place names (``Bashar al Asad``, ``Ursula von der``)."""

CONNECTORS = frozenset("of for the fur".split()) | (
    PARTICLES - frozenset("at as an ad ar az do".split())
)
"""Lower-case words that may join two capitalised words of one name (``Observatory for``)."""

DESCRIPTIVE_CONNECTORS = frozenset("of for the und fur".split())

TITLES = frozenset(
    """
    president presidente presidenta presidente presidentin prasident prasidentin prezident
    prime primer primera premier minister ministro ministra ministre ministerin ministr
    secretary secretario secretaria secretaire sekretar general generale generala king queen
    rey reina roi reine konig konigin korol prince princess principe princesa prinz pope papa
    pape papst sheikh jeque cheikh scheich shaykh mr mrs ms dr sr sra srta don dona herr frau
    sir lord lady senator senador senadora senateur governor gobernador gobernadora gouverneur
    gubernator mayor alcalde alcaldesa maire burgermeister mer colonel coronel oberst polkovnik
    commander comandante commandant kommandeur chancellor canciller chancelier kanzler kanzlerin
    bundeskanzler emir ambassador embajador embajadora ambassadeur botschafter posol spokesman
    spokeswoman spokesperson portavoz sprecher sprecherin judge juez jueza juge richter
    lieutenant teniente leutnant captain capitan capitaine kapitan sergeant sargento vice
    vicepresidente deputy chief jefe jefa chef director directora directeur direktor crown
    saint san santa sainte sankt st gen col lt sgt rev imam ayatollah ayatola grand gran
    marshal mariscal admiral almirante field foreign defense defence interior
    """.split()
)
"""Titles and ranks written before names (``President``, ``Presidente``, ``Президент``)."""

GENERIC = frozenset(
    """
    army ejercito armee armee armija armiya government gobierno gouvernement regierung
    pravitelstvo state estado etat staat gosudarstvo parliament parlamento parlement
    parlament congress congreso congres kongress senate senado senat police policia
    polizei politsiya ministry ministerio ministere ministerium ministerstvo council consejo
    conseil rat sovet assembly asamblea assemblee versammlung court corte tribunal cour
    gericht sud church iglesia eglise kirche province provincia provinz provintsiya city
    ciudad ville stadt gorod region region oblast republic republica republique republik
    respublika kingdom reino royaume administration administracion departamento department
    departement office oficina bureau forces fuerzas force guard guardia garde navy marina
    armada university universidad universite universitat chamber camara chambre kammer
    embassy embajada ambassade botschaft posolstvo cabinet gabinete kabinett presidency
    presidencia kremlin kreml exteriores interior defensa hacienda justicia sanidad salud
    economia finanzas affairs health justice finance economy organization organisation
    organizacion organismo observatory observatorio observatoire alliance alianza front frente
    movement movimiento mouvement bewegung party partido parti partei union union committee
    comite comision commission kommission agency agencia agence agentur authority autoridad
    autorite behorde institute instituto institut foundation fundacion fondation stiftung
    bank banco banque nations naciones federation federacion brigade brigada brigades
    brigadas battalion batallon corps cuerpo command comando house casa maison haus palace
    palacio palais palast square plaza platz street calle rue strasse river fleuve fluss
    sea lake lago lac gulf golfo golfe island isla insel valley valle vallee desert
    desierto wuste summit cumbre sommet gipfel conference
    conferencia conference konferenz war guerra guerre krieg treaty tratado traite vertrag
    """.split()
)
"""Institution and place nouns that some languages capitalise (``el Ejército sirio``).

A mention made only of these is not a name; inside a longer name they mark it as a
*descriptive* name (one that is translated, not transliterated). ``kremlin`` is here because
it is always translated as a common noun in some languages and kept in others.
"""

ADJECTIVES = frozenset(
    """
    arab arabs arabic kurd kurds kurdish shiite shiites shia shiite sunni sunnis alawite
    alawites druze islamist islamists islamic muslim muslims moslem christian christians
    jewish jew jews catholic catholics orthodox protestant western westerners eastern
    northern southern european europeans african africans asian asians american americans
    latin soviet ottoman jihadist jihadists swiss zionist hindu buddhist god allah afghan
    afghans saudi saudis emirati emiratis
    """.split()
)
"""Capitalised adjectives and group nouns of English that are not names."""

_GERMAN_DETERMINERS = frozenset(
    """
    der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner
    dieser diese dieses diesen diesem jeder jede jedes jeden jedem sein seine seinen seinem
    seiner ihr ihre ihren ihrem ihrer unser unsere unseren unserem mehrere viele einige alle
    zum zur im am vom beim ins nach mit bei aus seit vor uber unter fur gegen ohne durch um
    laut wegen trotz auf an in
    """.split()
)
_GERMAN_PLURALS = ("e", "en", "er", "n", "s", "innen")
_GERMAN_NUMBER = re.compile(
    r"^(?:ein|eins|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|elf|zwolf|\w*zehn|\w*zig"
    r"|\w*hundert|\w*tausend)$"
)


def _german_function_word(key: str) -> bool:
    return key in _GERMAN_DETERMINERS or bool(_GERMAN_NUMBER.match(key))


_GERMAN_NOUN_SUFFIXES = (
    "ung",
    "heit",
    "keit",
    "schaft",
    "tion",
    "taet",
    "tat",
    "ismus",
    "isten",
    "ist",
    "nis",
    "tum",
    "ling",
    "chen",
    "lein",
    "ierung",
    "anten",
    "enten",
)

_DEMONYM_ENDINGS = (
    "n",
    "an",
    "ans",
    "ian",
    "ians",
    "ns",
    "i",
    "is",
    "ese",
    "ish",
    "ic",
    "ean",
    "eans",
    "o",
    "os",
    "a",
    "as",
    "e",
    "es",
    "ien",
    "ienne",
    "ais",
    "aise",
    "ano",
    "ana",
    "ani",
    "er",
    "isch",
    "ische",
    "ischen",
    "skiy",
    "skaya",
    "skoe",
    "skogo",
    "skoy",
    "skie",
    "skikh",
    "tsy",
    "ets",
)

INFLECTION_SUFFIXES = (
    "s",
    "es",
    "a",
    "u",
    "e",
    "y",
    "i",
    "o",
    "om",
    "em",
    "ym",
    "im",
    "ov",
    "ev",
    "oy",
    "ey",
    "ogo",
    "ego",
    "omu",
    "emu",
    "yu",
    "ya",
    "iy",
    "ii",
    "iya",
    "ei",
    "ie",
    "owi",
    "ovi",
    "us",
    "um",
    "skoy",
    "skaya",
    "skiy",
    "skogo",
    "skom",
    "skoe",
    "skoye",
    "skikh",
    "skie",
    "skuyu",
    "skomu",
    "skim",
    "skimi",
)
"""Regular endings of names in inflected languages and plural/genitive ``-s``, on ASCII forms.

``Putina`` = ``Putin``, ``Zelenskogo`` = ``Zelensky``, ``Assads`` = ``Assad``,
``Damasco`` = ``Damascus``. A stem keeps at least four letters.
"""

CONVENTIONAL_ACRONYMS: tuple[frozenset[str], ...] = tuple(
    frozenset(group.split("|"))
    for group in (
        "UN|ONU|OON|UNO|United Nations|Naciones Unidas|Nations unies|Vereinten Nationen|"
        "Nazioni Unite|Nações Unidas",
        "NATO|OTAN",
        "EU|UE|ES|European Union|Unión Europea|Union européenne|Europäische Union|Unione europea",
        "US|USA|EEUU|EUA|SShA|United States|Estados Unidos|États-Unis|Vereinigte Staaten|"
        "Stati Uniti|America",
        "UK|United Kingdom|Reino Unido|Royaume-Uni|Vereinigtes Königreich|Regno Unito|Britain",
        "NGO|NGOs|ONG|ONGs|NRO|NKO",
        "SOHR|OSDH",
        "WHO|OMS|VOZ|WHO",
        "IAEA|OIEA|AIEA|IAEO|MAGATE",
        "IMF|FMI|IWF|MVF",
        "UNHCR|ACNUR|HCR",
        "ICC|CPI|IStGH|MUS",
        "IS|ISIS|ISIL|EI|IG|IGIL|Daesh|Dáesh|Daech",
        "UAE|EAU|VAE|OAE",
        "OPEC|OPEP|OPEK",
        "FBI|FBR",
        "CIA|TsRU",
        "OSCE|OBSE",
        "SDF|FDS",
        "AU|UA",
        "WTO|OMC",
        "GDP|PIB|BIP|VVP",
        "DNA|ADN|DNK",
        "AIDS|SIDA|SPID",
        "UNICEF|UNISEF",
    )
)
"""Acronyms that languages write differently by convention (``OSDH`` = ``SOHR``, ``ONU`` =
``UN``), with their common full forms. A glossary is the place for a project's own list;
this table only covers the international organisations every news desk meets. Cyrillic
forms are listed as anyascii writes them (``ООН`` → ``OON``, ``США`` → ``SShA``)."""

_ROMAN = re.compile(r"^(?=[CXVI])(?:C[D]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$")
"""Roman numerals of regnal and ordinal use (``II``, ``XIV``), not acronyms (``ICC``)."""
_UNIT = re.compile(r"^\d+(?:[.,]\d+)?[^\W\d_]{1,2}$")
"""A number with a unit glued to it (``15C``, ``20km``): the number checks' business."""
_CODE_HEAD = re.compile(r"^.*?\d(?:[\d.]*\d)?[A-Z]*(?=-[^\W\d_]{3,}$)")
"""The code part of a compound (``Leopard-2`` of ``Leopard-2-Panzer``)."""
_DOTTED_ACRONYM = re.compile(r"(?<![\w.])(?:[^\W\d_]{1,2}\.){2,}(?![\w])")
_DOTTED_HINT = re.compile(r"\.[^\W\d_]{1,2}\.")
"""What every dotted acronym contains (``.U.`` of ``EE.UU.``): a fast test first."""
_ELISION = re.compile(r"^(?:[ldjnsmct]|qu|dell|all|nell|dall|sull)['’](?=[^\W\d_])", re.I)
_SENTENCE_END = frozenset(".!?…:;\n•·|–—")
_OPENERS = frozenset("\"'“”‘’«»„‚([{¿¡-–—*")
_SPACELESS = frozenset({"Han", "Kana", "Thai", "Lao", "Khmer", "Myanmar", "Tibetan"})
CASED_SCRIPTS = frozenset({"Latin", "Cyrillic", "Greek", "Armenian", "Georgian"})
"""Scripts with capital letters: only in these can names be told from other words."""


# -- folding -----------------------------------------------------------------------------------


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ASCII letters and digits only: ``Líbano`` → ``libano``, ``Андрей`` →
    ``andrey``, ``الأسد`` → ``lsd``."""
    if text.isascii():  # NFC and anyascii leave ASCII as it is
        return _NOT_ASCII_ALNUM.sub("", text.lower())
    return _NOT_ASCII_ALNUM.sub("", anyascii(unicodedata.normalize("NFC", text)).lower())


_NOT_ASCII_ALNUM = re.compile("[^a-z0-9]")
"""What :func:`fold` drops from a lower-case ASCII text (what is not ``str.isalnum``)."""


_DIGRAPHS = (
    ("kh", "h"),
    ("sh", "s"),
    ("ch", "s"),
    ("th", "t"),
    ("dh", "d"),
    ("gh", "g"),
    ("ph", "f"),
    ("ck", "k"),
    ("ts", "s"),
    ("tz", "s"),
    ("zh", "s"),
)
_SKELETON_MAP = str.maketrans({"c": "k", "q": "k", "w": "v", "z": "s", "x": "ks"})
_ALTERNATIONS = frozenset(
    frozenset(pair) for pair in ("fv", "hk", "hj", "jk", "gk", "dt", "bp", "gj", "hs", "jy")
)
"""Consonants that transcriptions of one name swap (``Peskow``/``Peskov``,
``Jersón``/``Kherson``, ``Charkiw``/``Kharkiv``, ``Kairo``/``Cairo``)."""


def _collapse(text: Iterable[str]) -> str:
    out: list[str] = []
    for char in text:
        if not out or out[-1] != char:
            out.append(char)
    return "".join(out)


@functools.lru_cache(maxsize=65536)
def skeleton(key: str, arabic: bool = False) -> str:
    """The consonant skeleton of a folded word: vowels dropped, doubles merged, close
    consonants unified (``aleppo`` and ``alepo`` → ``lp``; ``hezbollah`` and ``hizbula`` →
    ``hsbl``). Arabic, written without short vowels, and its Latin transcriptions meet here."""
    text = re.sub(r"ci(?=[aeiou])", "ti", key)  # -ción / -tion
    text = re.sub(r"(?<=[aeiouy])[yi]?j$", "y", text)  # Selenskyj / Zelensky, Andrej
    text = re.sub(r"(?<=[aeiou])ng$", "n", text)  # Wang / Ван
    for digraph, single in _DIGRAPHS:
        text = text.replace(digraph, single)
    text = text.translate(_SKELETON_MAP)
    if arabic:  # long vowels written w/y, no p, g for j
        text = text.replace("v", "").replace("p", "b").replace("j", "g")
    skel = _collapse(c for c in text if c.isalpha() and c not in "aeiouy")
    if len(skel) > 2 and skel.endswith("h") and not key.endswith(("kh", "sh", "ch", "th", "gh")):
        skel = skel[:-1]  # final -ah (Hezbollah, Hamah): the Arabic taa marbuta
    return skel


def arabic_skeleton(key: str) -> str:
    """The skeleton used when one side is Arabic: long vowels written ``w``/``y`` dropped,
    ``p`` read as ``b`` (Arabic has no ``p``)."""
    return skeleton(key, True)


def _close(a: str, b: str) -> bool:
    """Equal skeletons, or one consonant swapped for a usual alternative."""
    if a == b:
        return True
    if len(a) != len(b) or len(a) < 3:
        return False
    diffs = [frozenset((x, y)) for x, y in zip(a, b, strict=True) if x != y]
    allowed = 1 if len(a) < 4 else 2
    return len(diffs) <= allowed and all(d in _ALTERNATIONS for d in diffs)


@functools.lru_cache(maxsize=65536)
def stems(key: str) -> frozenset[str]:
    """The folded word and the stems left after removing one regular ending."""
    out = {key}
    for suffix in INFLECTION_SUFFIXES:
        if key.endswith(suffix) and len(key) - len(suffix) >= 4:
            out.add(key[: -len(suffix)])
    return frozenset(out)


def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _ratio_at_least(a: str, b: str, threshold: float) -> bool:
    """``_ratio(a, b) >= threshold``, answered by the length bound when it can be (the
    ratio ``2M / T`` can never exceed ``2 min(len) / T``)."""
    total = len(a) + len(b)
    if total and 2.0 * min(len(a), len(b)) / total < threshold:
        return False
    return _ratio(a, b) >= threshold


_NOT_LATIN_ONLY = re.compile(r"[^\x00-\xa9\xab-\xb4\xb6-\xb9\xbb-\u024f\u2000-\u206f\u20a0-\u20cf]")
"""A character beyond Latin, its punctuation and currency signs (``ª``, ``µ`` and ``º`` are
letters of no script for :func:`tqa.lang.text.script_of`: they are beyond too)."""
_LATIN_LETTER = re.compile(r"[A-Za-z\xc0-\xd6\xd8-\xf6\xf8-\u024f]")
"""The letters among the characters :data:`_NOT_LATIN_ONLY` lets through."""


@functools.lru_cache(maxsize=4096)
def main_script(text: str) -> str | None:
    """The script with the most letters in ``text`` (ties: the one met first)."""
    if not _NOT_LATIN_ONLY.search(text):
        return "Latin" if _LATIN_LETTER.search(text) else None
    counts: dict[str, int] = {}
    # each distinct character once, in order of first appearance: same counts, same ties
    for char, number in Counter(text).items():
        script = script_of(char)
        if script is not None:
            counts[script] = counts.get(script, 0) + number
    return max(counts, key=counts.__getitem__) if counts else None


@functools.lru_cache(maxsize=65536)
def _word_script(word: str) -> str | None:
    for char in word:
        script = script_of(char)
        if script is not None:
            return script
    return None


# -- CLDR: months, weekdays, territory, city and language names ------------------------------


def _primary(lang: str) -> str:
    return lang.replace("-", "_").split("_")[0].lower()


@functools.lru_cache(maxsize=64)
def _locale(lang: str) -> Any:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(_primary(lang))
    except (UnknownLocaleError, ValueError):
        return None


@functools.lru_cache(maxsize=64)
def calendar_words(lang: str) -> frozenset[str]:
    """Folded month and weekday names (wide and abbreviated, all forms) of a language."""
    locale = _locale(lang)
    if locale is None:
        return frozenset()
    out: set[str] = set()
    for table in (locale.months, locale.days):
        for context in table.values():
            for width in ("wide", "abbreviated"):
                for name in context.get(width, {}).values():
                    out.add(fold(name))
    return frozenset(k for k in out if len(k) > 1)


_TERRITORY_ALTERNATES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "TR": ("Turkey",),
        "US": ("USA", "America", "U.S."),
        "GB": ("UK", "Britain", "Great Britain", "U.K."),
        "CZ": ("Czech Republic",),
        "MM": ("Burma",),
        "CI": ("Ivory Coast",),
        "NL": ("Holland",),
        "KR": ("Korea",),
        "PS": ("Palestine",),
        "CD": ("Congo",),
    },
    "es": {"US": ("EEUU", "EE.UU."), "PS": ("Palestina",), "SA": ("Arabia Saudita",)},
    "fr": {"US": ("USA",)},
    "de": {"US": ("USA",), "PS": ("Palästina",)},
    "ru": {"US": ("США",), "GB": ("Британия",), "PS": ("Палестина",)},
}
"""Everyday names CLDR does not list as the main one (it says ``Türkiye``, ``Myanmar``)."""

_CITY_FILE = "cities.txt"
"""Cities of international news that CLDR names no time zone after, in nine languages (one
per line, tab-separated; ``-``: the English name; alternative names after commas)."""


@functools.lru_cache(maxsize=1)
def _city_names() -> dict[str, dict[str, tuple[str, ...]]]:
    """Language -> city id (``X:Geneva``) -> its names in that language (:data:`_CITY_FILE`)."""
    text = resources.files("tqa.lang").joinpath(_CITY_FILE).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    languages, cities = rows[0], rows[1:]
    out: dict[str, dict[str, tuple[str, ...]]] = {lang: {} for lang in languages}
    for cells in cities:
        english = tuple(name.strip() for name in cells[0].split(","))
        place = f"X:{english[0]}"
        for lang, cell in zip(languages, cells, strict=True):
            out[lang][place] = english if cell == "-" else tuple(n.strip() for n in cell.split(","))
    return out


@dataclass(frozen=True)
class _Places:
    by_key: dict[str, frozenset[str]]
    """Folded place name → place ids (``T:SY`` for a territory, ``C:Asia/Damascus``, ``X:Geneva``
    for a city of :data:`_CITY_FILE`)."""
    by_id: dict[str, tuple[str, ...]]
    """Place id → the names of that place in the language."""


@functools.lru_cache(maxsize=1)
def _zone_ids() -> tuple[str, ...]:
    locale = _locale("ru")
    return tuple(sorted(locale.time_zones)) if locale is not None else ()


@functools.lru_cache(maxsize=64)
def places(lang: str) -> _Places:
    """CLDR territory names and time-zone exemplar cities of a language (``Damasco``,
    ``Moscú``, ``Reino Unido``), and the cities of :data:`_CITY_FILE` (``Ginebra``); a city
    not named in that language keeps its English name, as CLDR itself does."""
    locale = _locale(lang)
    by_key: dict[str, set[str]] = {}
    by_id: dict[str, list[str]] = {}

    def add(place: str, name: str) -> None:
        bracket = re.match(r"^(.*?)\s*\((.*)\)$", name)
        if bracket:  # "Myanmar (Birmania)": both names
            add(place, bracket.group(1))
            add(place, bracket.group(2))
            return
        key = place_key(name)
        if len(key) >= 2:
            by_key.setdefault(key, set()).add(place)
            by_id.setdefault(place, []).append(name)

    if locale is not None:
        for code, name in locale.territories.items():
            if str(code).isalpha() and len(str(code)) == 2:
                add(f"T:{code}", name)
        for code, extra in _TERRITORY_ALTERNATES.get(_primary(lang), {}).items():
            for name in extra:
                add(f"T:{code}", name)
        zones = locale.time_zones
        for zone in _zone_ids():
            if zone.startswith("Etc/") or "/" not in zone:
                continue
            city = zones.get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")
            add(f"C:{zone}", city)
    cities = _city_names()
    for place, names in cities.get(_primary(lang), cities["en"]).items():
        for name in names:
            add(place, name)
    return _Places(
        {k: frozenset(v) for k, v in by_key.items()}, {k: tuple(v) for k, v in by_id.items()}
    )


def place_key(text: str) -> str:
    """How place names are looked up: folded words joined by ``_`` (``reino_unido``), so
    that ``Casa Blanca`` is not ``Casablanca``."""
    return "_".join(k for k in map(fold, _PLACE_SEPARATOR.split(text)) if k)


_PLACE_SEPARATOR = re.compile(r"[\s\-‐]+")


@functools.lru_cache(maxsize=65536)
def place_ids(text: str, lang: str) -> frozenset[str]:
    """The CLDR places (``T:SY``, ``C:Asia/Damascus``) a name denotes in ``lang`` or English."""
    key = place_key(text)
    keys = {key} | (set(stems(key)) if "_" not in key else set())
    out: set[str] = set()
    for k in keys:
        out |= places(lang).by_key.get(k, frozenset()) | places("en").by_key.get(k, frozenset())
    return frozenset(out)


@functools.lru_cache(maxsize=65536)
def is_place(text: str, lang: str) -> bool:
    """A word or phrase is, as written, a CLDR territory or city name in ``lang`` or English."""
    key = place_key(text)
    return key in places(lang).by_key or key in places("en").by_key


@functools.lru_cache(maxsize=64)
def territories(lang: str) -> dict[str, str]:
    """Folded CLDR territory names of a language (``reinounido``) → territory code (``GB``)."""
    out: dict[str, str] = {}
    for key, ids in places(lang).by_key.items():
        for place in sorted(ids):
            if place.startswith("T:"):
                out.setdefault(key, place[2:])
    return out


@functools.lru_cache(maxsize=64)
def language_names(lang: str) -> frozenset[str]:
    """Folded CLDR language names (``russian``, ``arabic``): in English also adjectives."""
    locale = _locale(lang)
    if locale is None:
        return frozenset()
    return frozenset(fold(n) for n in locale.languages.values() if " " not in n)


@functools.lru_cache(maxsize=64)
def _territory_words(lang: str) -> tuple[str, ...]:
    names = set(territories(lang)) | set(territories("en"))
    return tuple(sorted(n for n in names if len(n) >= 4))


@functools.lru_cache(maxsize=64)
def _territory_heads(lang: str) -> dict[str, tuple[str, ...]]:
    """:func:`_territory_words` by their first four letters: :func:`_derived` needs at
    least four shared."""
    heads: dict[str, list[str]] = {}
    for name in _territory_words(lang):
        heads.setdefault(name[:4], []).append(name)
    return {head: tuple(names) for head, names in heads.items()}


@functools.lru_cache(maxsize=8192)
def is_demonym(key: str, lang: str) -> bool:
    """``syrian``, ``lebanese``, ``turkish``, ``sirio``: an adjective or people of a country.

    A word is one when it shares a long prefix with a CLDR territory name and ends in a
    demonym ending; language names (``Russian``, ``German``) are included. Demonyms are not
    in CLDR, so this is a derivation, deliberately narrow.
    """
    if key in ADJECTIVES or key in language_names(lang) or key in language_names("en"):
        return True
    if key in territories(lang) or key in territories("en"):
        return False
    base = key[:-1] if key.endswith("s") and len(key) > 5 else key
    if base in language_names(lang) or base in language_names("en"):
        return True
    return any(_derived(base, name) for name in _territory_heads(lang).get(base[:4], ()))


def _derived(word: str, country: str) -> bool:
    """``word`` is ``country`` with a demonym ending (``jordanian``/``jordan``,
    ``lebanese``/``lebanon``, ``sirio``/``siria``)."""
    shared = 0
    for a, b in zip(word, country, strict=False):
        if a != b:
            break
        shared += 1
    if shared < max(4, len(country) - 2) or word == country:
        return False
    return word[shared:] in _DEMONYM_ENDINGS


# -- mentions ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mention:
    """A name, acronym, code, handle or foreign word found in a text."""

    start: int
    end: int
    text: str
    kind: Kind
    tokens: tuple[Token, ...]
    """The content words to look for in the other text (no particles, titles, connectors)."""
    descriptive: bool = False
    """A name made of common words (``Observatorio Sirio de Derechos Humanos``): usually
    translated, so its absence is only a problem when nothing else takes its place."""
    weak: tuple[Token, ...] = ()
    """Capitalised words before the name that may or may not belong to it (the first word of
    a sentence, ``Wang`` in ``Wang Yi`` at the start): a counterpart for one of them counts,
    their absence does not."""
    partial: bool = False
    """Only part of a longer name (the words of it that have no counterpart)."""
    side: Literal["before", "after", "middle", ""] = ""
    """For a part: where it stands against the words of the name that were found."""

    @property
    def span(self) -> Span:
        return (self.start, self.end)


_new_object = object.__new__
_new_tuple = tuple.__new__
"""``_new_tuple(Token, (start, end, text))`` is ``Token(start, end, text)`` without the
named tuple's own ``__new__`` in Python."""
(
    _set_start,
    _set_end,
    _set_text,
    _set_kind,
    _set_tokens,
    _set_descriptive,
    _set_weak,
    _set_partial,
    _set_side,
) = (getattr(Mention, f.name).__set__ for f in dataclasses.fields(Mention))


def _mention(
    start: int,
    end: int,
    text: str,
    kind: Kind,
    tokens: tuple[Token, ...],
    descriptive: bool = False,
    weak: tuple[Token, ...] = (),
    partial: bool = False,
    side: Literal["before", "after", "middle", ""] = "",
) -> Mention:
    """``Mention(...)`` at half the cost: the frozen dataclass's ``__init__`` sets each
    field through ``object.__setattr__``; this calls the slots' own setters. The object is
    the same (fields, equality, hash); extraction makes several per text."""
    mention: Mention = _new_object(Mention)
    _set_start(mention, start)
    _set_end(mention, end)
    _set_text(mention, text)
    _set_kind(mention, kind)
    _set_tokens(mention, tokens)
    _set_descriptive(mention, descriptive)
    _set_weak(mention, weak)
    _set_partial(mention, partial)
    _set_side(mention, side)
    return mention


_CLITIC = re.compile(r"['’](?:s|es)$")

_Word = tuple[int, int, str]
"""A word as :func:`extract` walks it: start, end, text (lighter than a :class:`Token`)."""


def _trim(token: Token) -> Token:
    """``Israel’s`` → ``Israel``, ``l'OSDH`` → ``OSDH``: clitics are not part of the name."""
    text, start = token.text, token.start
    match = _CLITIC.search(text)
    if match is not None and match.start() > 0:
        text = text[: match.start()]
    elision = _ELISION.match(text)
    if elision is not None and text[elision.end() :][:1].isupper():
        start += elision.end()
        text = text[elision.end() :]
    return Token(start, start + len(text), text)


@functools.lru_cache(maxsize=65536)
def _is_capitalised(word: str) -> bool:
    pieces = [p for p in re.split(r"[-‐'’]", word) if p]
    if not pieces:
        return False
    capital = False
    for piece in pieces:
        letters = [c for c in piece if c.isalpha()]
        if not letters:
            return False
        if letters[0].isupper():
            capital = True
        elif fold(piece) not in PARTICLES:
            return False
    return capital and not all(c.isupper() for c in word if c.isalpha())


@functools.lru_cache(maxsize=65536)
def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2 or any(c.isdigit() for c in word):
        return False
    body = word[:-1] if word.endswith("s") and len(letters) >= 3 else word
    cased = [c for c in body if c.isalpha()]
    return bool(cased) and all(c.isupper() for c in cased) and len(cased) <= 10


@functools.lru_cache(maxsize=65536)
def _is_code(word: str) -> bool:
    return (
        any(c.isdigit() for c in word)
        and any(c.isalpha() for c in word)
        and any(c.isupper() for c in word)
    )


def _sentence_initial(text: str, start: int) -> bool:
    """The word at ``start`` opens a sentence (or the text, or follows a colon)."""
    i = start - 1
    while i >= 0 and (text[i].isspace() or text[i] in _OPENERS):
        i -= 1
    if i < 0:
        return True
    if text[i] != ".":
        return text[i] in _SENTENCE_END
    before = re.search(r"(\S+)\.$", text[: i + 1])
    if before is None:
        return True
    word = before.group(1)
    # Mr. Biden, Gen. Milley, J. Smith, U.S. President: an abbreviation, not a full stop
    abbreviation = (
        fold(word) in TITLES
        or (len(word) == 1 and word.isupper())
        or bool(_DOTTED_ACRONYM.fullmatch(word + "."))
    )
    return not abbreviation


_SMALL_WORDS = frozenset(
    """
    and the for amid with from into over onto upon nor but los las del por con para une des
    les und der die das mit von aus nach sur par dans avec
    """.split()
)


@functools.lru_cache(maxsize=65536)
def _letters(word: str) -> int:
    return sum(c.isalpha() for c in word)


@functools.lru_cache(maxsize=65536)
def _lower_case_word(word: str) -> bool:
    """A word of three letters or more that Title Case would capitalise and that is not."""
    return _letters(word) >= 3 and not word[0].isupper() and fold(word) not in _SMALL_WORDS


def _title_case(words: Sequence[str]) -> bool:
    """Headlines in Title Case (``Syrian Army Retakes Palmyra``): every word of three letters
    or more is capitalised but a few small ones, so capitals say nothing there."""
    if any(map(_lower_case_word, words)):  # the usual answer, found early
        return False
    lettered = sum(1 for w in words if _letters(w) >= 3)
    return 4 <= lettered <= 25


@functools.lru_cache(maxsize=65536)
def _shouted(word: str) -> bool:
    return _letters(word) >= 2 and _is_acronym(word)


def _shouting(words: Sequence[str]) -> bool:
    if sum(map(_shouted, words)) < 3:  # 60 % of four words or more: three at least
        return False
    lettered = acronyms = 0
    limit = 0.4 * len(words)
    for word in words:
        if _letters(word) >= 2:
            lettered += 1
            if _is_acronym(word):
                acronyms += 1
            elif lettered - acronyms > limit:  # 60 % can no longer be reached
                return False
    if lettered < 4:
        return False
    return acronyms / lettered >= 0.6


def _german_common_noun(tokens: Sequence[_Word], index: int, text: str) -> bool:
    word = fold(tokens[index][2])
    if is_place(word, "de") or conventional_forms(word):
        return False
    if len(word) >= 13 or word.endswith(_GERMAN_NOUN_SUFFIXES):
        return True
    if index == 0:
        return False
    _, prev_end, prev_text = tokens[index - 1]
    if text[prev_end : tokens[index][0]].strip():
        return False
    before = fold(prev_text)
    if before in _GERMAN_DETERMINERS:
        return True
    return prev_text[:1].islower() and before.endswith(("e", "en", "er", "es", "em"))


def _not_a_name_word(key: str, lang: str, word: str = "") -> bool:
    pieces = [fold(p) for p in re.split(r"[-‐]", word) if p]
    if len(pieces) > 1 and all(p in TITLES for p in pieces):
        return True  # Secretary-General, Vice-President
    return (
        key in TITLES
        or key in calendar_words(lang)
        or key in calendar_words("en")
        or is_demonym(key, lang)
    )


_CODE, _UNIT_CODE, _ACRONYM = 1, 2, 3


@functools.lru_cache(maxsize=65536)
def _word_class(word: str) -> tuple[int, bool, bool, bool]:
    """What :func:`extract` needs to know of a word by itself: code (``_CODE``, or
    ``_UNIT_CODE`` for ``20km``), acronym (``_ACRONYM``) or neither (0); Latin script;
    capitalised; a lower-case connector (``of``, ``al``) that may join two capitalised words."""
    if _is_code(word):
        kind = _UNIT_CODE if _UNIT.match(word) else _CODE
    elif _is_acronym(word) and not _ROMAN.match(word):
        kind = _ACRONYM
    else:
        kind = 0
    connector = fold(word) in CONNECTORS and word[:1].islower()
    facts = (kind, _word_script(word) == "Latin", _is_capitalised(word), connector)
    return _PLAIN if facts == _PLAIN else _PLAIN_OTHER if facts == _PLAIN_OTHER else facts


_PLAIN = (0, True, False, False)
"""The class of most words: a lower-case Latin word that is no connector."""
_PLAIN_OTHER = (0, False, False, False)
"""The same in another script (or a number): in a Latin text too, it only ends a group."""


def _trimmed_word(word: _Word) -> _Word:
    trim = _trimmed(word[2])
    if trim is None:
        return word
    start = word[0] + trim[0]
    return (start, start + len(trim[1]), trim[1])


@functools.lru_cache(maxsize=65536)
def _trimmed(word: str) -> tuple[int, str] | None:
    """:func:`_trim` of a word by itself: (offset, text), or ``None`` when nothing goes."""
    token = _trim(Token(0, len(word), word))
    return None if token.text == word else (token.start, token.text)


_ADDRESS_HINT = re.compile(r"@|://|www\.", re.IGNORECASE)
"""What every URL, e-mail address and handle contains."""


def extract(text: str, lang: str) -> list[Mention]:
    """The mentions of ``text`` (written in ``lang``), in text order."""
    return list(_mentions(text, lang))


_NONZERO_DIGIT = re.compile("[1-9]")


def _shape(text: str) -> str:
    """``text`` with its ASCII digits all read ``0`` (a regex: several times cheaper than
    ``str.translate`` on a text with few digits)."""
    return _NONZERO_DIGIT.sub("0", text)


def _mentions(text: str, lang: str, shape: str | None = None) -> tuple[Mention, ...]:
    """:func:`extract`, cached by the *shape* of the text: its ASCII digits all read ``0``.

    Which words are names, acronyms or codes never depends on the value of a digit (only on
    there being one), and the shape keeps every offset; so sentences that differ only in
    their numbers (most of a news feed's repeats) share one extraction. A mention that holds
    digits (a code, a handle) takes its text back from ``text``. ``shape`` is
    ``_shape(text)`` when the caller has it.
    """
    if shape is None:
        shape = _shape(text)
    mentions = _extract(shape, lang)
    if shape == text:
        return mentions
    return tuple(m if text[m.start : m.end] == m.text else _retext(m, text) for m in mentions)


def _retext(mention: Mention, text: str) -> Mention:
    """``mention`` with its own text and its tokens' texts read from ``text``."""

    def read(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
        return tuple(Token(t.start, t.end, text[t.start : t.end]) for t in tokens)

    return dataclasses.replace(
        mention,
        text=text[mention.start : mention.end],
        tokens=read(mention.tokens),
        weak=read(mention.weak),
    )


@functools.lru_cache(maxsize=4096)
def _extract(text: str, lang: str) -> tuple[Mention, ...]:
    """The mentions of ``text`` (see :func:`_mentions`, which caches by shape)."""
    mentions: list[Mention] = []
    taken: list[Span] = []
    if _ADDRESS_HINT.search(text):
        taken.extend(t.span for t in (*find_urls(text), *find_emails(text)))
        for handle in find_handles(text):
            mentions.append(_mention(handle.start, handle.end, handle.text, "handle", (handle,)))
            taken.append(handle.span)
    if _DOTTED_HINT.search(text):
        for match in _DOTTED_ACRONYM.finditer(text):
            if any(s <= match.start() < e for s, e in taken):
                continue
            letters = [c for c in match.group() if c.isalpha()]
            if all(c.isupper() for c in letters):
                tok = Token(match.start(), match.end(), match.group())
                mentions.append(_mention(tok.start, tok.end, tok.text, "acronym", (tok,)))
                taken.append(tok.span)
    tokens: Sequence[_Word] = _words(text)
    if taken or "'" in text or "’" in text:  # else there is nothing to leave out or trim
        tokens = [_trimmed_word(t) for t in tokens if not any(s <= t[0] < e for s, e in taken)]
    words = list(map(itemgetter(2), tokens))
    if _shouting(words):
        return tuple(sorted(mentions, key=lambda m: m.start))
    foreign_text = main_script(text) not in (None, "Latin")
    german = _primary(lang) == "de"
    title_case = _title_case(words)
    group: list[int] = []
    weak: set[int] = set()

    def adjacent(index: int) -> bool:
        return index + 1 < len(tokens) and (
            text[tokens[index][1] : tokens[index + 1][0]].strip(" \u00a0") == ""
        )

    def flush() -> None:
        while group and not _is_capitalised(words[group[-1]]):
            group.pop()
        if group:
            first = tokens[group[0]][0]
            mention = _group_mention(
                text[first : tokens[group[-1]][1]],
                tuple([(tokens[i][0] - first, tokens[i][1] - first, i in weak) for i in group]),
                lang,
            )
            if mention is not None:
                mentions.append(_shifted(mention, first) if first else mention)
        group.clear()

    classes = list(map(_word_class, words))
    # a plain word only ends a group, and the gap test below sees it as well: skip it (in a
    # text of another script, a plain Latin word is a foreign word)
    if foreign_text:
        wanted = [c is not _PLAIN_OTHER for c in classes]
    else:
        wanted = [c is not _PLAIN and c is not _PLAIN_OTHER for c in classes]
    for index in itertools.compress(range(len(tokens)), wanted):
        start, end, word = tokens[index]
        if group and text[tokens[group[-1]][1] : start].strip(" \u00a0"):
            flush()
        kind, latin, capitalised, connector = classes[index]
        if kind:
            if group:
                flush()
            if kind == _CODE:
                code = _CODE_HEAD.match(word)
                stop = start + (code.end() if code else len(word))
                head = Token(start, stop, text[start:stop])
                mentions.append(_mention(start, stop, head.text, "code", (head,)))
            elif kind == _ACRONYM:
                mentions.append(_mention(start, end, word, "acronym", (Token(start, end, word),)))
            continue
        if foreign_text and latin:
            if group:
                flush()
            mentions.append(_mention(start, end, word, "foreign", (Token(start, end, word),)))
            continue
        if capitalised and not title_case:
            if _sentence_initial(text, start) and not is_place(word, lang):
                if group:
                    flush()
                nxt = words[index + 1] if index + 1 < len(tokens) else ""
                if adjacent(index) and _is_capitalised(nxt):
                    weak.add(index)
                    group.append(index)
                continue
            if german and _german_common_noun(tokens, index, text):
                if group:
                    flush()
                continue
            group.append(index)
            continue
        if group:
            if connector:
                group.append(index)
                continue
            flush()
    if group:
        flush()
    return tuple(sorted(mentions, key=lambda m: m.start))


@functools.lru_cache(maxsize=4096)
def _group_mention(
    text: str, group: tuple[tuple[int, int, bool], ...], lang: str
) -> Mention | None:
    """:func:`_name_mention` of a group of words that spans all of ``text`` (each word:
    start, end, weak), cached: the same names recur in many sentences."""
    tokens = [Token(start, end, text[start:end]) for start, end, _ in group]
    weak_starts = {start for start, _, weak in group if weak}
    return _name_mention(text, tokens, weak_starts, lang)


def _shifted(mention: Mention, offset: int) -> Mention:
    """``mention`` moved ``offset`` code points to the right."""

    def move(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
        if not tokens:
            return tokens
        return tuple([_new_tuple(Token, (s + offset, e + offset, w)) for s, e, w in tokens])

    return _mention(
        mention.start + offset,
        mention.end + offset,
        mention.text,
        mention.kind,
        move(mention.tokens),
        mention.descriptive,
        move(mention.weak),
        mention.partial,
        mention.side,
    )


def _name_mention(
    text: str, group: list[Token], weak_starts: set[int], lang: str
) -> Mention | None:
    capitals = [t for t in group if _is_capitalised(t.text)]
    strong = [t for t in capitals if t.start not in weak_starts]
    for candidate in (capitals, strong):
        if len(candidate) >= 2 and is_place(text[candidate[0].start : candidate[-1].end], lang):
            start, end = candidate[0].start, candidate[-1].end
            return _mention(start, end, text[start:end], "name", tuple(candidate))
    content: list[Token] = []
    weak: list[Token] = []
    generic: list[Token] = []

    def _names_follow(token: Token) -> bool:
        after = [t for t in group if t.start > token.start and _is_capitalised(t.text)]
        if not after:
            return False
        key = fold(after[0].text)
        return key not in TITLES and (not is_demonym(key, lang) or _names_follow(after[0]))

    descriptive = False
    titled = False
    for token in group:
        key = fold(token.text)
        if key in PARTICLES or not _is_capitalised(token.text):
            if key in DESCRIPTIVE_CONNECTORS and token.text[:1].islower():
                descriptive = True
            continue
        if key in GENERIC or is_demonym(key, lang):
            # a generic noun or demonym inside a name makes it descriptive and counts when
            # found; a demonym before a title (``Russian Foreign Minister``) is not part of
            # the name, one right before it is (``Syrian Arab Red Crescent``)
            descriptive = descriptive or bool(content) or key in GENERIC or _names_follow(token)
            if content or key in GENERIC:
                generic.append(token)
            continue
        if key in TITLES:
            titled = True
            continue
        if _not_a_name_word(key, lang, token.text) or _letters(token.text) < 2:
            continue
        if token.start in weak_starts:
            weak.append(token)
            continue
        content.append(token)
    if not content:
        return None
    if _primary(lang) == "de" and not titled and not is_place(content[0].text, lang):
        named = [t for t in capitals if not _german_function_word(fold(t.text))]
        known = any(conventional_forms(t.text) for t in named)  # Nato, Unicef
        if not known and (
            len(named) <= 1 or all(fold(t.text).endswith(_GERMAN_PLURALS) for t in named)
        ):
            return None  # capitalised German words alone or in a row of nouns
    start, end = content[0].start, content[-1].end
    if generic:  # Observatorio ... Humanos, Military Operations Administration
        start, end = min(start, generic[0].start), max(end, generic[-1].end)
        weak.extend(generic)
    for token in group:  # keep particles that open the name (Al Furqan, von der Leyen)
        if (
            token.end <= start
            and fold(token.text) in PARTICLES
            and token.text[:1].isupper()
            and token.start not in weak_starts
        ):
            start = min(start, token.start)
    if len(content) >= 4:
        descriptive = True
    if len(content) >= 2 and all(t.text.endswith("s") for t in content):
        descriptive = True  # plural agreement: Cascos Blancos, White Helmets
    return _mention(start, end, text[start:end], "name", tuple(content), descriptive, tuple(weak))


_FIRST_SPACELESS = "\u0e00"
"""Every letter of a script written without spaces (Thai, Lao, Tibetan, Myanmar, Khmer, Han,
Kana) comes after this one."""


@functools.lru_cache(maxsize=4096)
def _words(text: str) -> tuple[Token, ...]:
    """:func:`split_words`, cached: extraction and the counterpart index read the same text
    (tokens are named tuples ``(start, end, text)``)."""
    tokens = tuple(words(text))
    if not text or max(text) < _FIRST_SPACELESS:
        return tokens
    out: list[Token] = []
    for token in tokens:
        if not any(_word_script(c) in _SPACELESS for c in token.text):
            out.append(token)
            continue
        start = 0
        for i in range(1, len(token.text) + 1):
            if i == len(token.text) or _spaceless(token.text[i]) != _spaceless(token.text[i - 1]):
                out.append(Token(token.start + start, token.start + i, token.text[start:i]))
                start = i
    return tuple(out)


def split_words(text: str) -> list[Token]:
    """:func:`tqa.lang.text.words`, with runs of Chinese or Japanese split from the Latin
    letters and digits glued to them (``G7サミット`` → ``G7``, ``サミット``)."""
    return list(_words(text))


def _spaceless(char: str) -> bool:
    return _word_script(char) in _SPACELESS


# -- counterparts --------------------------------------------------------------------------------


_ARABIC_PREFIXES = "وبلفك"
_ARABIC_FUNCTION_WORDS = frozenset(
    """
    من في على عن إلى الى بعد قبل مع أن إن ان لم لن قد هو هي هم ما لا كان كانت التي الذي
    الذين هذا هذه ذلك تلك بين حتى ثم أو او كل منذ عند خلال ضد حول دون لها له فيه فيها
    """.split()
)
"""Short Arabic words whose consonants would match any short name (``من`` = ``Oman``)."""
_ARABIC_SUFFIXES = ("ون", "ين", "ية", "ي", "ة")


@functools.lru_cache(maxsize=65536)
def _keys_of(word: str) -> tuple[str, ...]:
    """Folded forms of a word and of its pieces, without clitics and Arabic affixes."""
    out: list[str] = []
    base = re.sub(r"['’](s|es)$", "", word)
    candidates = [base, *[p for p in re.split(r"[-‐'’]", base) if p]]
    if _word_script(word) == "Arabic":
        extra: list[str] = []
        for cand in candidates:
            forms = [cand]
            if len(cand) > 3 and cand[0] in _ARABIC_PREFIXES:
                forms.append(cand[1:])
            for form in list(forms):
                if form.startswith("ال") and len(form) > 3:
                    forms.append(form[2:])
            for form in list(forms):
                for suffix in _ARABIC_SUFFIXES:
                    if form.endswith(suffix) and len(form) - len(suffix) >= 3:
                        forms.append(form[: -len(suffix)])
            extra.extend(forms[1:])
        candidates.extend(extra)
    for cand in candidates:
        key = fold(cand)
        if key and key not in out:
            out.append(key)
    return tuple(out)


@functools.lru_cache(maxsize=65536)
def _stems_of_keys(keys: tuple[str, ...]) -> tuple[str, ...]:
    """The stems of all the folded forms of a word, each once."""
    return tuple(dict.fromkeys(stem for key in keys for stem in stems(key)))


@functools.lru_cache(maxsize=65536)
def _word_entry(word: str) -> tuple[tuple[str, ...], str | None, tuple[str, ...]]:
    """What :meth:`Counterparts.of` files of a word, in one look-up: its first folded form
    (none or one), its script and the stems of all its folded forms."""
    keys = _keys_of(word)
    return keys[:1], _word_script(word), _stems_of_keys(keys)


def _entries_of(text: str) -> Iterator[tuple[str, str | None, int, int]]:
    """Key, script, start and end of each entry of the :class:`Counterparts` of ``text``, in
    order: every folded form of every word, and in Arabic each word joined to the next one
    (``حزب الله`` = Hezbollah)."""
    tokens = _words(text)
    for position, (start, end, word) in enumerate(tokens):
        script = _word_script(word)
        if script in _SPACELESS or (script == "Arabic" and word in _ARABIC_FUNCTION_WORDS):
            continue
        keys = _keys_of(word)
        for key in keys:
            yield key, script, start, end
        if script == "Arabic" and position + 1 < len(tokens):
            next_start, next_end, next_word = tokens[position + 1]
            if _word_script(next_word) == "Arabic" and text[end:next_start] == " ":
                for key in keys:
                    for key2 in _keys_of(next_word)[:1]:
                        yield key + key2, script, start, next_end


@dataclass
class Counterparts:
    """The words of one text, indexed to answer "does this word have a counterpart here?"."""

    text: str
    lang: str
    spaceless: str = ""
    folded_words: list[str] = field(default_factory=list)
    syllables: list[str] = field(default_factory=list)
    """Transliterated characters of Chinese or Japanese runs (``an``, ``da``, ``na``, ``er``)."""
    first: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    """Stem → (entry number, start, end) of the first entry with that stem: the exact and
    inflected look-ups in one step, before any spelling variant is tried."""
    variants: dict[tuple[str, str | None], Span | None] = field(default_factory=dict)
    """The spelling-variant answers already given (a name is often asked for twice)."""
    arabic: bool = False
    """The text has Arabic words (whose entries include pairs of words)."""
    _distinct_entries: list[tuple[str, str | None, int, int]] | None = field(
        default=None, repr=False
    )

    @classmethod
    def of(cls, text: str, lang: str) -> Counterparts:
        index = cls(text, lang)
        first = index.first
        folded_words = index.folded_words
        tokens = _words(text)
        arabic = False
        for position, (start, end, word) in enumerate(tokens):
            head, script, word_stems = _word_entry(word)
            folded_words += head
            if script in _SPACELESS:
                index.spaceless += fold(word) + " "
                index.syllables.extend(fold(c) for c in word if fold(c))
                continue
            if script == "Arabic":
                arabic = True
                continue
            place = (2 * position, start, end)  # the usual word: its entries, as _entries_of
            for stem in word_stems:
                if stem not in first:
                    first[stem] = place
        if arabic:
            index.arabic = True
            # the entries of Arabic words and their pairs: numbered so that an entry of a
            # word comes after those of the words before it (the first one wins a look-up)
            numbers = {start: 2 * i for i, (start, _, _) in enumerate(tokens)}
            for key, script, start, end in _entries_of(text):
                if script == "Arabic":
                    joined = end != tokens[bisect.bisect_left(tokens, (start,))][1]
                    place = (numbers[start] + joined, start, end)
                    for stem in stems(key):
                        if stem not in first or place < first[stem]:
                            first[stem] = place
        return index

    def _distinct(self) -> list[tuple[str, str | None, int, int]]:
        """The entries for the spelling-variant scan: the first of each (key, script) only,
        as a word met again gives the same answer."""
        if self._distinct_entries is None:
            seen: dict[tuple[str, str | None], tuple[str, str | None, int, int]] = {}
            if self.arabic:
                for key, script, start, end in _entries_of(self.text):
                    if (key, script) not in seen:
                        seen[key, script] = (key, script, start, end)
            else:  # what _entries_of gives for a text without Arabic, without a generator
                for start, end, word in _words(self.text):
                    script = _word_entry(word)[1]
                    if script in _SPACELESS:
                        continue
                    for key in _keys_of(word):
                        if (key, script) not in seen:
                            seen[key, script] = (key, script, start, end)
            self._distinct_entries = list(seen.values())
        return self._distinct_entries

    def find(self, word: str) -> Span | None:
        """Where ``word`` (from the other text) has a counterpart here, or ``None``."""
        word_script = _word_script(word)
        for key in _keys_of(word):
            hit = self.find_key(key, word_script)
            if hit is not None:
                return hit
        return None

    def has_form(self, key: str) -> bool:
        """A folded word occurs here as it is or inflected (no spelling variants)."""
        first = self.first
        if any(stem in first for stem in stems(key)):
            return True
        return bool(self.spaceless) and key in self.spaceless.replace(" ", "")

    def find_key(self, key: str, word_script: str | None) -> Span | None:
        """Like :meth:`find`, for a word already folded: the first entry that is the word or
        shares a stem with it, else the first spelling variant or transliteration."""
        first = self.first
        hits = [first[stem] for stem in stems(key) if stem in first]
        if hits:
            _, start, end = min(hits)
            return (start, end)
        asked = (key, word_script)
        if asked in self.variants:
            return self.variants[asked]
        best: Span | None = None
        size = len(key)
        for other, script, start, end in self._distinct():
            if script == word_script and max(size, len(other)) > 1.6 * min(size, len(other)):
                continue  # what _variant_of says first, without the call
            if _variant_of(key, word_script, other, script):
                best = (start, end)
                break
        if best is None and self.syllables and len(key) >= 3 and _in_syllables(key, self.syllables):
            best = (0, 0)
        self.variants[asked] = best
        return best


@functools.lru_cache(maxsize=65536)
def _consonant_y(key: str) -> str:
    """``y`` before a vowel read as the consonant ``j`` (Spanish ``Yazira`` = ``Jazeera``)."""
    return re.sub(r"(?<![aeiou])y(?=[aeiou])", "j", key)


@functools.lru_cache(maxsize=1 << 17)
def _variant_of(key: str, script: str | None, other: str, other_script: str | None) -> bool:
    """A spelling variant or a transliteration of the same name (names recur: the answer is
    cached)."""
    if script == other_script:
        longer, shorter = max(len(key), len(other)), min(len(key), len(other))
        if longer > 1.6 * shorter:
            return False
    arabic = "Arabic" in (script, other_script)
    shape = arabic_skeleton if arabic else skeleton
    minimum = 2
    plural = {key[:-1]} if key.endswith("s") and len(key) > 4 else set()
    ours = frozenset({key, *plural}) if arabic else stems(key)
    theirs = frozenset({other}) if arabic else stems(other)
    for a in ours:
        for b in theirs:
            for sa in {shape(a), shape(_consonant_y(a))}:
                for sb in {shape(b), shape(_consonant_y(b))}:
                    if len(sa) >= minimum and len(sb) >= minimum and _close(sa, sb):
                        return True
    if script != other_script and not arabic:
        return any(_ratio_at_least(a, b, 0.9) for a in stems(key) for b in stems(other))
    return False


def _in_syllables(key: str, syllables: Sequence[str]) -> bool:
    """``key`` is the transcription of a few consecutive Chinese or Japanese characters:
    the same skeleton, or nearly the same letters (``andanar`` = 安达纳尔 ``an da na er``)."""
    skel = skeleton(key)
    for i in range(len(syllables)):
        joined = ""
        for j in range(i, min(i + 6, len(syllables))):
            joined += syllables[j]
            if len(joined) > len(key) + 3:
                break
            if joined == key or (len(skel) >= 3 and _close(skeleton(joined), skel)):
                return True
            if len(key) >= 5 and _ratio_at_least(joined, key, 0.85):
                return True
    return False


# -- exonyms and conventional acronyms -----------------------------------------------------------


def _phrase_in(phrase: str, other: Counterparts) -> bool:
    """A name occurs in the other text: one word inflected or as is, or several words in a
    row, or inside a run of Chinese or Japanese."""
    if any(_word_script(c) in _SPACELESS for c in phrase):
        return phrase in other.text
    parts = _phrase_parts(phrase)
    if len(parts) == 1:
        return other.has_form(parts[0])
    key = "".join(parts)
    folded = other.folded_words
    for i in range(len(folded)):
        joined = ""
        for j in range(i, min(i + 6, len(folded))):
            joined += folded[j]
            if joined == key:
                return True
            if len(joined) >= len(key):
                break
    return False


@functools.lru_cache(maxsize=8192)
def _phrase_parts(phrase: str) -> tuple[str, ...]:
    return tuple(fold(w.text) for w in _words(phrase))


def exonym_match(mention_text: str, lang: str, other: Counterparts, other_lang: str) -> bool:
    """The mention is a CLDR territory or city whose name in the other language is there."""
    ids = place_ids(mention_text, lang)
    if not ids:
        return False
    names = places(other_lang).by_id
    return any(_phrase_in(name, other) for place in ids for name in names.get(place, ()))


@functools.lru_cache(maxsize=65536)
def conventional_forms(mention_text: str) -> frozenset[str]:
    """The other forms the built-in table gives for an acronym or name (may be empty)."""
    key = fold(mention_text)
    return frozenset(g for g in _conventional_index().get(key, ()) if fold(g) != key)


@functools.lru_cache(maxsize=1)
def _conventional_index() -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for group in CONVENTIONAL_ACRONYMS:
        for form in group:
            index.setdefault(fold(form), set()).update(group)
    return {k: frozenset(v) for k, v in index.items()}


def conventional_match(mention_text: str, other: Counterparts) -> bool:
    """An acronym or name the built-in table pairs with a form present in the other text."""
    return any(_phrase_in(form, other) for form in conventional_forms(mention_text))


# -- comparison ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Missing:
    """A source mention with no counterpart in the target."""

    mention: Mention


@dataclass(frozen=True, slots=True)
class Extra:
    """A target mention with no counterpart in the source; ``replaces`` is the source mention
    at the same place that is missing from the target, when there is one (a swapped name)."""

    mention: Mention
    replaces: Mention | None = None


@dataclass(frozen=True, slots=True)
class AcronymChanged:
    """A source acronym written differently in the target (``SOHR`` → ``SHOR``)."""

    source: Mention
    target: Mention


@dataclass(frozen=True, slots=True)
class NameReport:
    """Everything :func:`compare` found in one segment."""

    source_mentions: tuple[Mention, ...] = ()
    target_mentions: tuple[Mention, ...] = ()
    missing: tuple[Missing, ...] = ()
    extra: tuple[Extra, ...] = ()
    changed: tuple[AcronymChanged, ...] = ()


def _inside(span: Span, covered: Iterable[Span]) -> bool:
    start, end = span
    for s, e in covered:  # a loop, not any(): called for every mention of every segment
        if s <= start and end <= e:
            return True
    return False


def _uncovered(mentions: tuple[Mention, ...], covered: Sequence[Span]) -> list[Mention]:
    """The mentions outside every covered span."""
    if not covered:
        return list(mentions)
    return [m for m in mentions if not _inside((m.start, m.end), covered)]


def _lost(
    mention: Mention,
    lang: str,
    other: Counterparts,
    other_lang: str,
    covered: Sequence[Span],
) -> Mention | None:
    """The part of ``mention`` with no counterpart in the other text (``None``: it survives)."""
    if _inside(mention.span, covered):
        return None
    if mention.kind == "handle":
        pattern = re.escape(mention.text) + r"(?!\w)(?!\.\w)"
        return None if re.search(pattern, other.text, re.IGNORECASE) else mention
    if mention.kind == "code":
        return None if _code_found(mention.text, other) else mention
    if mention.kind == "acronym":
        key = fold(mention.text)
        if other.has_form(key) or (key.endswith("s") and other.has_form(key[:-1])):
            return None
        if _word_script(mention.text) != main_script(other.text) and other.find(mention.text):
            return None
        if conventional_match(mention.text, other):
            return None
        return None if exonym_match(mention.text, lang, other, other_lang) else mention
    if exonym_match(mention.text, lang, other, other_lang) or conventional_match(
        mention.text, other
    ):
        return None
    everything = (*mention.weak, *mention.tokens)
    joined = fold("".join(t.text for t in everything))
    if len(everything) > 1 and other.find_key(joined, _word_script(mention.text)):
        return None

    def found(token: Token) -> bool:
        if _inside(token.span, covered):
            return True
        if _is_territory(token.text, lang) and _locale(other_lang) is not None:
            # CLDR says how the other language writes it: no spelling variants
            # (Латвия is not Литва)
            return (
                other.has_form(fold(token.text))
                or exonym_match(token.text, lang, other, other_lang)
                or _demonym_there(token.text, lang, other, other_lang)
            )
        return other.find(token.text) is not None or exonym_match(
            token.text, lang, other, other_lang
        )

    if mention.descriptive:
        for token in mention.tokens:  # a place inside a descriptive name must be there
            if is_place(token.text, lang) and not found(token):
                return Mention(token.start, token.end, token.text, "name", (token,))
    if mention.descriptive or (len(mention.tokens) > 1 and is_place(mention.text, lang)):
        return None if any(found(t) for t in everything) else mention
    required = [t for t in mention.tokens if _letters(t.text) >= 3]
    required = required or list(mention.tokens)
    missing = [t for t in required if not found(t)]
    if not missing:
        return None
    if len(missing) == len(required) and not any(found(t) for t in mention.weak):
        return mention
    start, end = missing[0].start, missing[-1].end
    text = mention.text[start - mention.start : end - mention.start]
    part = tuple(t for t in mention.tokens if start <= t.start and t.end <= end)
    others = [t for t in mention.tokens if t not in missing]
    side: Literal["before", "after", "middle"] = "middle"
    if others and end <= others[0].start:
        side = "before"
    elif others and start >= others[-1].end:
        side = "after"
    return Mention(start, end, text, "name", part, partial=True, side=side)


def _code_found(code: str, other: Counterparts) -> bool:
    """A code is there as written (up to case, hyphens and spaces: ``F-16`` = ``F16``), or,
    across scripts, with the same digits (``كوفيد-19`` = ``COVID-19``)."""
    if fold(code) in fold(other.text):
        return True
    digits = re.findall(r"\d+", code)
    script = _word_script(code)
    for token in split_words(other.text):
        if re.findall(r"\d+", token.text) != digits:
            continue
        theirs = _word_script(token.text)
        if theirs is not None and script is not None and theirs != script:
            return True
    return False


def _demonym_there(name: str, lang: str, other: Counterparts, other_lang: str) -> bool:
    """The other text names the country by its adjective (``Turquía`` → ``Turkish border``)."""
    ids = place_ids(name, lang)
    names = [
        fold(n)
        for place in ids
        if place.startswith("T:")
        for n in places(other_lang).by_id.get(place, ())
        if " " not in n
    ]
    if any(_derived(w, c) for w in other.folded_words for c in names):
        return True
    # France → French: the name of the country's official language is its adjective
    from babel.languages import get_official_languages

    locale = _locale(other_lang)
    if locale is None:
        return False
    adjectives = {
        fold(locale.languages.get(code, ""))
        for place in ids
        if place.startswith("T:")
        for code in get_official_languages(place[2:], de_facto=True)[:1]
    }
    return any(w in adjectives for w in other.folded_words)


@functools.lru_cache(maxsize=65536)
def _is_territory(text: str, lang: str) -> bool:
    return is_place(text, lang) and any(i.startswith("T:") for i in place_ids(text, lang))


def _near_variant(a: str, b: str) -> bool:
    """Two acronyms that differ by a typo: same letters reordered, or one letter off."""
    a, b = fold(a).upper(), fold(b).upper()
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if sorted(a) == sorted(b):
        # a translated acronym moves its head word to the front or back (OTAN/NATO, ONG/NGO,
        # RDC/DRC); a typo keeps the first letter (SOHR/SHOR)
        return a[0] == b[0]
    return _edit_distance(a, b) == 1 and min(len(a), len(b)) >= 4


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _position(mention: Mention, text: str) -> float:
    return mention.start / max(1, len(text))


OPAQUE_LANGUAGES = frozenset({"ja"})
"""Languages whose names cannot be compared through anyascii: it reads Japanese kanji with
Chinese readings (広島 → ``GuangDao``, not Hiroshima)."""

NEAR = 0.3
"""How close (as a fraction of the text) two unmatched mentions must be to be paired."""


def compare(
    source: str,
    target: str,
    src_lang: str,
    tgt_lang: str,
    *,
    source_covered: Sequence[Span] = (),
    target_covered: Sequence[Span] = (),
) -> NameReport:
    """What names, acronyms and codes are missing, extra or changed between two texts.

    ``source_covered`` / ``target_covered`` are spans a glossary already matched across the
    two texts: mentions inside them survive. What has no counterpart is then settled:

    - a target acronym that is a near variant (``SHOR``) of a lost source acronym or of its
      conventional form (``OSDH`` → ``SOHR``) is one *changed* acronym;
    - lost mentions at about the same place on both sides are paired. Two acronyms whose
      letters differ entirely are *ambiguous* (a conventional translation no glossary told
      us about: neither is reported); so are a descriptive name and a multi-word name
      (``Administración de Operaciones Militares`` / ``Military Operations Administration``).
      Any other pair is a *swap*: one TQA352 naming both;
    - what is left is *missing* (source) or *extra* (target), except what cannot be
      verified: part of a longer name (``Bashar`` of ``Bashar al-Asad``; only a swap counts
      there, unless the other side has no capitals to find names in), descriptive names
      (translated, often into words the other side does not capitalise; a CLDR place inside
      one still counts), acronyms across scripts that do not transliterate (``МИД``), target
      acronyms of the built-in table (``EU`` for ``europea``) and names against Japanese.
    """
    return _compare(
        source, target, src_lang, tgt_lang, tuple(source_covered), tuple(target_covered)
    )


@functools.lru_cache(maxsize=256)
def _counterparts(text: str, lang: str) -> Counterparts:
    """:meth:`Counterparts.of`, cached (never changed once built, but for its memo)."""
    return Counterparts.of(text, lang)


@functools.lru_cache(maxsize=4096)
def _compare(
    source: str,
    target: str,
    src_lang: str,
    tgt_lang: str,
    source_covered: tuple[Span, ...],
    target_covered: tuple[Span, ...],
) -> NameReport:
    """:func:`compare`, cached by everything it reads (repeated segments)."""
    src_shape, tgt_shape = _shape(source), _shape(target)
    src_mentions = _mentions(source, src_lang, src_shape)
    tgt_mentions = _mentions(target, tgt_lang, tgt_shape)
    if not target.strip() or not source.strip():
        return NameReport(src_mentions, tgt_mentions)
    # mentions the glossary covers survive without a look at the other text
    src_open = _uncovered(src_mentions, source_covered)
    tgt_open = _uncovered(tgt_mentions, target_covered)
    if not src_open and not tgt_open:
        return NameReport(src_mentions, tgt_mentions)
    # the shapes have the same letters, and their scripts were asked for by extraction
    src_script = main_script(src_shape)
    tgt_script = main_script(tgt_shape)
    src_cased = src_script in CASED_SCRIPTS
    tgt_cased = tgt_script in CASED_SCRIPTS
    lost: list[Mention] = []
    if src_open:
        tgt_index = _counterparts(target, tgt_lang)
        for mention in src_open:
            part = _lost(mention, src_lang, tgt_index, tgt_lang, source_covered)
            if part is not None:
                lost.append(part)
    new: list[Mention] = []
    if tgt_open:
        src_index = _counterparts(source, src_lang)
        for mention in tgt_open:
            part = _lost(mention, tgt_lang, src_index, src_lang, target_covered)
            if part is not None:
                new.append(part)
    changed: list[AcronymChanged] = []
    for mention in [m for m in new if m.kind == "acronym"]:
        for src in [s for s in lost if s.kind == "acronym"]:
            forms = {src.text, *conventional_forms(src.text)}
            if any(_near_variant(f, mention.text) for f in forms):
                changed.append(AcronymChanged(src, mention))
                lost.remove(src)
                new.remove(mention)
                break
    extra: list[Extra] = []
    for mention in list(new):
        pos = _position(mention, target)
        near = [
            s
            for s in lost
            if abs(_position(s, source) - pos) <= NEAR and _pairable(s, mention) is not None
        ]
        if not near:
            continue
        best = min(near, key=lambda s: abs(_position(s, source) - pos))
        verdict = _pairable(best, mention)
        lost.remove(best)
        new.remove(mention)
        if verdict == "swap":
            extra.append(Extra(mention, best))
    for mention in new:
        if mention.partial and src_cased:
            continue
        if mention.descriptive:
            continue
        if mention.kind == "name" and _primary(src_lang) in OPAQUE_LANGUAGES:
            continue
        if mention.kind == "acronym" and (
            not src_cased
            or _word_script(mention.text) != src_script
            or conventional_forms(mention.text)
        ):
            continue  # unverifiable, or a well-known acronym a translation may introduce
        extra.append(Extra(mention))
    extra.sort(key=lambda e: e.mention.start)
    missing = [
        Missing(m)
        for m in lost
        if not (m.partial and tgt_cased)
        and not m.descriptive
        and not (m.kind == "name" and _primary(tgt_lang) in OPAQUE_LANGUAGES)
        and not (m.kind == "acronym" and (not tgt_cased or _word_script(m.text) != tgt_script))
    ]
    return NameReport(src_mentions, tgt_mentions, tuple(missing), tuple(extra), tuple(changed))


def _pairable(src: Mention, tgt: Mention) -> str | None:
    """How two lost mentions at about the same place relate: ``"ambiguous"`` (a translation
    we cannot verify: report neither), ``"swap"`` (one name replaced by another) or ``None``
    (unrelated)."""
    if src.kind == "acronym" or tgt.kind == "acronym":
        return "ambiguous" if src.kind == tgt.kind else None
    if src.kind == "name" and tgt.kind == "name":
        if src.partial and tgt.partial and src.side != tgt.side:
            return None  # Cruz *Roja* / *Red* Cross: word order, not a swap
        if src.descriptive or tgt.descriptive:
            return "ambiguous"
        if len(src.tokens) + len(src.weak) >= 3 and len(tgt.tokens) + len(tgt.weak) >= 3:
            return "ambiguous"  # Médicos Sin Fronteras / Doctors Without Borders
        return "swap"
    kinds = {src.kind, tgt.kind}
    if src.kind == tgt.kind or kinds == {"name", "foreign"}:
        return "swap"
    return None
