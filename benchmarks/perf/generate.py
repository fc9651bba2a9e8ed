"""Write N synthetic news-style segment pairs for the throughput benchmarks.

    python benchmarks/perf/generate.py 100000 --out /tmp/perf100k

writes, under ``--out``:

- ``jsonl/<src>-<tgt>.jsonl``: the segments of each language pair (es-en, en-es, en-fr,
  de-en, en-ru, ar-en), one JSON object per line with ``id``, ``source``, ``target``,
  ``src_lang`` and ``tgt_lang``;
- ``po/<src>-<tgt>.po``: the same segments in the same order as gettext PO (``msgctxt`` is
  the segment id, the header carries ``Language`` and ``X-Source-Language``), so that tqa and
  Translate Toolkit's ``pofilter`` read identical data;
- ``glossary.csv``: a 1,000-concept glossary, the curated
  ``corpora/glossaries/conflict-syria.csv`` plus synthetic concepts, written with
  ``tqa.glossary.io``;
- ``manifest.json``: N, the seed, the files and how many segments of each kind were written.

Segments are built from news templates (casualty figures, percentages, tonnages, dates and
years in each locale's number format; armed groups, places and people from the glossary) and
a share of them carry the errors tqa is for: changed numbers, empty targets, doubled words,
untranslated targets, deprecated terms; some are repeats of earlier segments, as in real
translation memories. The output depends only on N and ``--seed``, and the generator streams:
it holds a few hundred segments, not N.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tqa.glossary.io import read_glossary, write_glossary  # noqa: E402
from tqa.glossary.model import Concept, Glossary, Term, TermStatus, TermType  # noqa: E402

CURATED = ROOT / "corpora" / "glossaries" / "conflict-syria.csv"
PAIRS: tuple[tuple[str, str], ...] = (
    ("es", "en"),
    ("en", "es"),
    ("en", "fr"),
    ("de", "en"),
    ("en", "ru"),
    ("ar", "en"),
)
LANGS = ("en", "es", "fr", "de", "ru", "ar")
GLOSSARY_CONCEPTS = 1000

# One news sentence per template, in every language. Slots: {n} a count, {x} a decimal
# quantity, {pct} a percentage, {date} a day and month, {year}, {group}, {place}, {name}.
TEMPLATES: tuple[dict[str, str], ...] = (
    {
        "en": "At least {n} people were killed in {place} on {date}, according to {group}.",
        "es": "Al menos {n} personas murieron en {place} el {date}, según {group}.",
        "fr": "Au moins {n} personnes ont été tuées à {place} le {date}, selon {group}.",
        "de": "Mindestens {n} Menschen wurden am {date} in {place} getötet, teilte {group} mit.",
        "ru": "По данным {group}, не менее {n} человек погибли в {place} {date}.",
        "ar": "قُتل ما لا يقل عن {n} شخصا في {place} في {date}، بحسب {group}.",
    },
    {
        "en": "{group} said it had taken control of {n} villages around {place}.",
        "es": "{group} afirmó haber tomado el control de {n} aldeas en torno a {place}.",
        "fr": "{group} a affirmé avoir pris le contrôle de {n} villages autour de {place}.",
        "de": "{group} erklärte, die Kontrolle über {n} Dörfer rund um {place} übernommen "
        "zu haben.",
        "ru": "{group} заявила, что взяла под контроль {n} деревень вокруг {place}.",
        "ar": "أعلنت {group} أنها سيطرت على {n} قرية حول {place}.",
    },
    {
        "en": "Prices in {place} rose by {pct} in a week, {name} told reporters.",
        "es": "Los precios en {place} subieron un {pct} en una semana, dijo {name} a los "
        "periodistas.",
        "fr": "Les prix à {place} ont augmenté de {pct} en une semaine, a déclaré {name}.",
        "de": "Die Preise in {place} stiegen binnen einer Woche um {pct}, sagte {name}.",
        "ru": "Цены в {place} выросли на {pct} за неделю, сообщил журналистам {name}.",
        "ar": "ارتفعت الأسعار في {place} بنسبة {pct} خلال أسبوع، حسبما قال {name} للصحفيين.",
    },
    {
        "en": "The United Nations said {n} families had fled {place} since {date}.",
        "es": "Naciones Unidas indicó que {n} familias han huido de {place} desde el {date}.",
        "fr": "Les Nations unies ont indiqué que {n} familles avaient fui {place} depuis le "
        "{date}.",
        "de": "Die Vereinten Nationen teilten mit, dass seit dem {date} {n} Familien aus {place} "
        "geflohen seien.",
        "ru": "ООН сообщила, что с {date} из {place} бежали {n} семей.",
        "ar": "قالت الأمم المتحدة إن {n} عائلة فرت من {place} منذ {date}.",
    },
    {
        "en": "{name}, a spokesman for {group}, denied the reports.",
        "es": "{name}, portavoz de {group}, desmintió las informaciones.",
        "fr": "{name}, porte-parole de {group}, a démenti ces informations.",
        "de": "{name}, ein Sprecher von {group}, dementierte die Berichte.",
        "ru": "{name}, представитель {group}, опроверг эти сообщения.",
        "ar": "نفى {name}، المتحدث باسم {group}، هذه التقارير.",
    },
    {
        "en": "The convoy carried {x} tonnes of aid to {place}.",
        "es": "El convoy transportó {x} toneladas de ayuda a {place}.",
        "fr": "Le convoi a acheminé {x} tonnes d'aide vers {place}.",
        "de": "Der Konvoi brachte {x} Tonnen Hilfsgüter nach {place}.",
        "ru": "Конвой доставил {x} тонн помощи в {place}.",
        "ar": "نقلت القافلة {x} طن من المساعدات إلى {place}.",
    },
    {
        "en": "Fighting continues.",
        "es": "Los combates continúan.",
        "fr": "Les combats se poursuivent.",
        "de": "Die Kämpfe dauern an.",
        "ru": "Бои продолжаются.",
        "ar": "يتواصل القتال.",
    },
    {
        "en": "In {year}, {group} controlled about {n} square kilometres.",
        "es": "En {year}, {group} controlaba unos {n} kilómetros cuadrados.",
        "fr": "En {year}, {group} contrôlait environ {n} kilomètres carrés.",
        "de": "Im Jahr {year} kontrollierte {group} etwa {n} Quadratkilometer.",
        "ru": "В {year} году {group} контролировала около {n} квадратных километров.",
        "ar": "في عام {year}، كانت {group} تسيطر على نحو {n} كيلومتر مربع.",
    },
)

MONTHS: dict[str, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"),
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"),
    "ar": ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس",
           "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"),
}  # fmt: skip

# Spokespeople: (Latin, Cyrillic, Arabic) spellings of invented names.
NAMES: tuple[tuple[str, str, str], ...] = (
    ("Farhad Shami", "Фархад Шами", "فرهاد شامي"),
    ("Omar Haddad", "Омар Хаддад", "عمر حداد"),
    ("Layla Nasser", "Лейла Насер", "ليلى ناصر"),
    ("Karim Darwish", "Карим Дарвиш", "كريم درويش"),
    ("Rami Khalil", "Рами Халиль", "رامي خليل"),
    ("Hussein Jaber", "Хусейн Джабер", "حسين جابر"),
)

# Locale number formats: group separator, decimal separator, percent pattern.
NUMBER_FORMAT: dict[str, tuple[str, str, str]] = {
    "en": (",", ".", "{}%"),
    "es": (".", ",", "{}\u00a0%"),
    "fr": ("\u202f", ",", "{}\u00a0%"),
    "de": (".", ",", "{}\u00a0%"),
    "ru": ("\u00a0", ",", "{}\u00a0%"),
    "ar": (",", ".", "{}%"),
}
ARABIC_INDIC = str.maketrans("0123456789,.", "٠١٢٣٤٥٦٧٨٩٬٫")

# Share of segments with each kind of error (the rest are clean translations).
ERRORS: tuple[tuple[str, float], ...] = (
    ("changed-number", 0.03),
    ("empty-target", 0.02),
    ("doubled-word", 0.02),
    ("untranslated", 0.02),
    ("deprecated-term", 0.02),
)
REPEAT_SHARE = 0.05


@dataclass(frozen=True)
class Pair:
    id: str
    src_lang: str
    tgt_lang: str
    source: str
    target: str
    kind: str


def format_number(value: float, lang: str, decimals: int = 0, *, native: bool = False) -> str:
    group, point, _ = NUMBER_FORMAT[lang]
    text = f"{value:,.{decimals}f}"  # 1,234.5
    text = text.replace(",", "\0").replace(".", point).replace("\0", group)
    if value < 10000 and lang in ("es",) and decimals == 0:
        text = text.replace(".", "")  # Spanish style: no group separator below 10 000
    if native:
        text = text.translate(ARABIC_INDIC)
    return text


def format_date(day: int, month: int, lang: str) -> str:
    name = MONTHS[lang][month - 1]
    if lang == "en":
        return f"{name} {day}"
    if lang == "es":
        return f"{day} de {name}"
    if lang == "de":
        return f"{day}. {name}"
    return f"{day} {name}"


def _terms(glossary: Glossary, domains: tuple[str, ...]) -> list[Concept]:
    return [
        c
        for c in glossary
        if c.domain in domains
        and all(c.preferred(lang) is not None for lang in LANGS)
        and c.preferred("en").text[:1].isupper()  # type: ignore[union-attr]
    ]


def _deprecated(concept: Concept, lang: str) -> str | None:
    for term in concept.terms_in(lang):
        if term.status in (TermStatus.DEPRECATED, TermStatus.FORBIDDEN):
            return term.text
    return None


class Generator:
    """Builds segment pairs one by one from a seeded random generator."""

    def __init__(self, seed: int = 1) -> None:
        self.rng = random.Random(seed)
        curated = read_glossary(CURATED)
        self.groups = _terms(curated, ("armed-group", "organization", "state-force"))
        self.places = _terms(curated, ("place",))
        self.recent: deque[tuple[str, str, str, str]] = deque(maxlen=200)

    def _slots(self, lang: str, values: dict[str, object]) -> dict[str, str]:
        group = values["group"]
        place = values["place"]
        name = values["name"]
        assert isinstance(group, Concept) and isinstance(place, Concept)
        assert isinstance(name, tuple)
        native = lang == "ar" and bool(values["native"])
        n = values["n"]
        x = values["x"]
        pct = values["pct"]
        assert isinstance(n, int) and isinstance(x, float) and isinstance(pct, float)
        date = values["date"]
        assert isinstance(date, tuple)
        day, month = date
        percent = NUMBER_FORMAT[lang][2]
        group_term = group.preferred(lang)
        place_term = place.preferred(lang)
        assert group_term is not None and place_term is not None
        return {
            "n": format_number(n, lang, native=native),
            "x": format_number(x, lang, 1, native=native),
            "pct": percent.format(format_number(pct, lang, 1, native=native)),
            "date": format_date(day, month, lang),
            "year": str(values["year"]),
            "group": group_term.text,
            "place": place_term.text,
            "name": name[{"ru": 1, "ar": 2}.get(lang, 0)],
        }

    def pair(self, index: int) -> Pair:
        rng = self.rng
        seg_id = f"s{index:08d}"
        if self.recent and rng.random() < REPEAT_SHARE:
            src_lang, tgt_lang, source, target = rng.choice(self.recent)
            return Pair(seg_id, src_lang, tgt_lang, source, target, "repeat")
        src_lang, tgt_lang = PAIRS[index % len(PAIRS)]
        template = rng.choice(TEMPLATES)
        values: dict[str, object] = {
            "n": rng.choice(
                (rng.randint(2, 99), rng.randint(100, 9999), rng.randint(10000, 250000))
            ),
            "x": round(rng.uniform(1, 5000), 1),
            "pct": round(rng.uniform(1, 60), 1),
            "date": (rng.randint(1, 28), rng.randint(1, 12)),
            "year": rng.randint(2011, 2025),
            "group": rng.choice(self.groups),
            "place": rng.choice(self.places),
            "name": rng.choice(NAMES),
            "native": rng.random() < 0.3,
        }
        kind = "clean"
        roll = rng.random()
        for name, share in ERRORS:
            if roll < share:
                kind = name
                break
            roll -= share
        if kind == "deprecated-term":
            usable = [g for g in self.groups if _deprecated(g, tgt_lang) is not None]
            if usable and "{group}" in template[tgt_lang]:
                values["group"] = rng.choice(usable)
        source = template[src_lang].format(**self._slots(src_lang, values))
        if kind == "changed-number" and "{n}" in template[tgt_lang]:
            n = values["n"]
            assert isinstance(n, int)
            values["n"] = n + rng.choice((-10, -1, 1, 10, 100))
        elif kind == "changed-number":
            kind = "clean"
        target = template[tgt_lang].format(**self._slots(tgt_lang, values))
        if kind == "empty-target":
            target = ""
        elif kind == "untranslated":
            target = source
        elif kind == "doubled-word":
            words = target.split(" ")
            at = rng.randrange(len(words))
            words.insert(at, words[at])
            target = " ".join(words)
        elif kind == "deprecated-term":
            group = values["group"]
            assert isinstance(group, Concept)
            preferred = group.preferred(tgt_lang)
            bad = _deprecated(group, tgt_lang)
            if bad is not None and preferred is not None and preferred.text in target:
                target = target.replace(preferred.text, bad, 1)
            else:
                kind = "clean"
        self.recent.append((src_lang, tgt_lang, source, target))
        return Pair(seg_id, src_lang, tgt_lang, source, target, kind)

    def pairs(self, count: int) -> Iterator[Pair]:
        for index in range(1, count + 1):
            yield self.pair(index)


def po_quote(text: str) -> str:
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    )
    return f'"{escaped}"'


def po_header(src: str, tgt: str) -> str:
    return (
        'msgid ""\nmsgstr ""\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Content-Transfer-Encoding: 8bit\\n"\n'
        f'"Language: {tgt}\\n"\n'
        f'"X-Source-Language: {src}\\n"\n\n'
    )


def po_entry(pair: Pair) -> str:
    return (
        f"msgctxt {po_quote(pair.id)}\nmsgid {po_quote(pair.source)}\n"
        f"msgstr {po_quote(pair.target)}\n\n"
    )


def synthetic_glossary(seed: int = 1, size: int = GLOSSARY_CONCEPTS) -> Glossary:
    """The curated glossary plus invented committee names, ``size`` concepts in all."""
    curated = read_glossary(CURATED)
    rng = random.Random(seed)
    latin = ("ka", "ra", "mi", "zo", "ta", "lu", "ne", "sa", "bo", "di", "fa", "ha")
    cyrillic = dict(zip(latin, ("ка", "ра", "ми", "зо", "та", "лу", "не", "са", "бо", "ди",
                                "фа", "ха"), strict=True))  # fmt: skip
    arabic = dict(zip(latin, ("كا", "را", "مي", "زو", "تا", "لو", "ني", "سا", "بو", "دي",
                              "فا", "ها"), strict=True))  # fmt: skip
    concepts = list(curated)
    seen: set[str] = set()
    while len(concepts) < size:
        parts = [rng.choice(latin) for _ in range(rng.randint(2, 4))]
        key = "".join(parts)
        if key in seen:
            continue
        seen.add(key)
        word = key.capitalize()
        ru = "".join(cyrillic[p] for p in parts).capitalize()
        ar = "".join(arabic[p] for p in parts)
        terms = (
            Term(f"{word} Relief Committee", "en", TermStatus.PREFERRED, TermType.FULL_FORM),
            Term(f"{word} Aid Committee", "en", TermStatus.DEPRECATED),
            Term(f"Comité de Socorro de {word}", "es", TermStatus.PREFERRED),
            Term(f"Comité de secours de {word}", "fr", TermStatus.PREFERRED),
            Term(f"{word}er Hilfskomitee", "de", TermStatus.PREFERRED),
            Term(f"Комитет помощи {ru}", "ru", TermStatus.PREFERRED),
            Term(f"لجنة إغاثة {ar}", "ar", TermStatus.PREFERRED),
        )
        concepts.append(Concept(f"synthetic_{key}", terms, domain="organization"))
    return Glossary.of(concepts, ("synthetic",))


def generate(count: int, out: Path, seed: int = 1) -> dict[str, object]:
    """Write ``count`` segments (JSONL and PO), the glossary and a manifest under ``out``."""
    (out / "jsonl").mkdir(parents=True, exist_ok=True)
    (out / "po").mkdir(parents=True, exist_ok=True)
    kinds: Counter[str] = Counter()
    jsonl_files = {}
    po_files = {}
    try:
        for src, tgt in PAIRS:
            name = f"{src}-{tgt}"
            jsonl_files[(src, tgt)] = (out / "jsonl" / f"{name}.jsonl").open(
                "w", encoding="utf-8", newline="\n"
            )
            po = (out / "po" / f"{name}.po").open("w", encoding="utf-8", newline="\n")
            po.write(po_header(src, tgt))
            po_files[(src, tgt)] = po
        for pair in Generator(seed).pairs(count):
            kinds[pair.kind] += 1
            key = (pair.src_lang, pair.tgt_lang)
            row = {
                "id": pair.id,
                "source": pair.source,
                "target": pair.target,
                "src_lang": pair.src_lang,
                "tgt_lang": pair.tgt_lang,
            }
            jsonl_files[key].write(json.dumps(row, ensure_ascii=False) + "\n")
            po_files[key].write(po_entry(pair))
    finally:
        for handle in (*jsonl_files.values(), *po_files.values()):
            handle.close()
    write_glossary(synthetic_glossary(seed), out / "glossary.csv")
    manifest: dict[str, object] = {
        "segments": count,
        "seed": seed,
        "pairs": [f"{s}-{t}" for s, t in PAIRS],
        "jsonl": sorted(str(p.relative_to(out)) for p in (out / "jsonl").glob("*.jsonl")),
        "po": sorted(str(p.relative_to(out)) for p in (out / "po").glob("*.po")),
        "glossary": "glossary.csv",
        "glossary_concepts": GLOSSARY_CONCEPTS,
        "kinds": dict(sorted(kinds.items())),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("count", type=int, help="number of segment pairs")
    parser.add_argument("--out", type=Path, required=True, help="output directory")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("count must be at least 1")
    manifest = generate(args.count, args.out, args.seed)
    print(json.dumps(manifest["kinds"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
