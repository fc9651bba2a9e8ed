"""Build the alignment benchmark: document pairs with a known (gold) sentence alignment.

Every document pair is cut from the parallel stories of ``pool.py`` (one story, sometimes
followed by the first paragraphs of another, 5 to 15 source sentences) and the translation
side is then edited the way real translations differ from their originals:

- ``omit``: a translated sentence is dropped (gold: the source sentence has no link);
- ``merge``: two adjacent translated sentences of a paragraph become one (gold: 2-1);
- ``split``: a translated sentence is written as two (gold: 1-2), where the pool has a split;
- ``add``: a sentence with no source is inserted (gold: 0-1);
- ``join-paragraphs``: two adjacent translated paragraphs become one;
- ``split-paragraph``: a translated paragraph is cut in two.

Documents 0-33 are Spanish -> English, 34-39 English -> Spanish (the same stories read the
other way: a pool split then gives a 2-1 bead). Everything is drawn from ``random.Random``
with a fixed seed, so the output is the same on every run.

A second, held-out set is built the same way from ``pool_heldout.py`` (stories written after
the aligner's weights were set, never used to develop it), 12 documents (10 es -> en, 2
en -> es) with another seed.

Usage::

    .venv/bin/python benchmarks/align/build.py                  # rewrites data/
    .venv/bin/python benchmarks/align/build.py --pool heldout   # rewrites data_heldout/
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import pool  # noqa: E402
import pool_heldout  # noqa: E402

STORIES: dict[str, list[list[tuple[str, ...]]]] = pool.STORIES
EXTRA_EN: list[str] = pool.EXTRA_EN
EXTRA_ES: list[str] = pool.EXTRA_ES

SETS = {
    # name: (pool module, output folder, seed, es->en documents, en->es documents)
    "main": (pool, HERE / "data", 20261125, 34, 6),
    "heldout": (pool_heldout, HERE / "data_heldout", 7700, 10, 2),
}


@dataclass
class Unit:
    """One translated sentence and the source sentences it renders."""

    text: str
    src: list[int]
    split_of: tuple[str, str] | None = None


@dataclass
class Doc:
    src_paras: list[list[str]]
    tgt_paras: list[list[Unit]]
    ops: list[str] = field(default_factory=list)


def _names() -> set[str]:
    """Words written with a capital inside a sentence somewhere in the pool: names."""
    names: set[str] = set()
    for story in STORIES.values():
        for paragraph in story:
            for pair in paragraph:
                for text in pair:
                    for word in re.findall(r"\w+", text)[1:]:
                        if word[0].isupper():
                            names.add(word)
    return names


NAMES = _names()


def _join(a: str, b: str) -> str | None:
    """Two sentences as one, the way a translator merges them (``a; b``)."""
    if not a.endswith(".") or a.endswith("”.") or b.startswith(("“", "¿", "«")):
        return None
    first = re.match(r"\w+", b)
    if first and first.group() not in NAMES:
        b = b[0].lower() + b[1:]
    return a[:-1] + "; " + b


def _pick(rng: random.Random, reverse: bool) -> list[list[tuple[str, ...]]]:
    keys = sorted(STORIES)
    story = [list(p) for p in STORIES[rng.choice(keys)]]
    count = sum(len(p) for p in story)
    if rng.random() < 0.4:
        other = STORIES[rng.choice(keys)]
        for paragraph in other:
            if count + len(paragraph) > 15 or paragraph in story:
                break
            story.append(list(paragraph))
            count += len(paragraph)
    while count > 15:
        count -= len(story.pop())
    return story


def _make(rng: random.Random, reverse: bool) -> Doc:
    story = _pick(rng, reverse)
    src_paras: list[list[str]] = []
    tgt_paras: list[list[Unit]] = []
    index = 0
    for paragraph in story:
        src_para: list[str] = []
        tgt_para: list[Unit] = []
        for pair in paragraph:
            es, en = pair[0], pair[1]
            split = (pair[2], pair[3]) if len(pair) == 4 else None
            if reverse and split is not None and rng.random() < 0.5:
                # English source written in two sentences, Spanish target in one: 2-1.
                src_para.extend(split)
                tgt_para.append(Unit(es, [index, index + 1]))
                index += 2
                continue
            src_para.append(en if reverse else es)
            tgt_para.append(Unit(es if reverse else en, [index], None if reverse else split))
            index += 1
        src_paras.append(src_para)
        tgt_paras.append(tgt_para)
    doc = Doc(src_paras, tgt_paras)
    _edit(doc, rng, EXTRA_ES if reverse else EXTRA_EN)
    return doc


def _units(doc: Doc) -> list[tuple[int, int]]:
    return [(p, u) for p, para in enumerate(doc.tgt_paras) for u in range(len(para))]


def _edit(doc: Doc, rng: random.Random, extras: list[str]) -> None:
    # omissions
    for _ in range(rng.choice([0, 1, 1, 1, 2, 2, 3])):
        candidates = [(p, u) for p, u in _units(doc) if len(doc.tgt_paras[p][u].src) == 1]
        if len(candidates) < 4:
            break
        p, u = rng.choice(candidates)
        unit = doc.tgt_paras[p].pop(u)
        doc.ops.append(f"omit:{unit.src[0]}")
    doc.tgt_paras = [para for para in doc.tgt_paras if para]
    # merges of two translated sentences
    for _ in range(rng.choice([0, 0, 1, 1, 2])):
        candidates = [
            (p, u)
            for p, u in _units(doc)
            if u + 1 < len(doc.tgt_paras[p])
            and len(doc.tgt_paras[p][u].src) == 1
            and len(doc.tgt_paras[p][u + 1].src) == 1
            and _join(doc.tgt_paras[p][u].text, doc.tgt_paras[p][u + 1].text) is not None
        ]
        if not candidates:
            break
        p, u = rng.choice(candidates)
        a, b = doc.tgt_paras[p][u], doc.tgt_paras[p][u + 1]
        text = _join(a.text, b.text)
        assert text is not None
        doc.tgt_paras[p][u : u + 2] = [Unit(text, a.src + b.src)]
        doc.ops.append(f"merge:{a.src[0]}+{b.src[0]}")
    # splits of one translated sentence in two
    for _ in range(rng.choice([0, 1, 1, 2])):
        candidates = [(p, u) for p, u in _units(doc) if doc.tgt_paras[p][u].split_of]
        if not candidates:
            break
        p, u = rng.choice(candidates)
        unit = doc.tgt_paras[p][u]
        assert unit.split_of is not None
        first, second = unit.split_of
        doc.tgt_paras[p][u : u + 1] = [Unit(first, unit.src), Unit(second, list(unit.src))]
        doc.ops.append(f"split:{unit.src[0]}")
    # additions
    for _ in range(rng.choice([0, 0, 0, 1])):
        p = rng.randrange(len(doc.tgt_paras))
        u = (
            rng.randrange(1, len(doc.tgt_paras[p]) + 1)
            if p == 0
            else rng.randrange(len(doc.tgt_paras[p]) + 1)
        )
        doc.tgt_paras[p].insert(u, Unit(rng.choice(extras), []))
        doc.ops.append(f"add:p{p}")
    # paragraph edits
    if len(doc.tgt_paras) > 2 and rng.random() < 0.35:
        p = rng.randrange(len(doc.tgt_paras) - 1)
        doc.tgt_paras[p : p + 2] = [doc.tgt_paras[p] + doc.tgt_paras[p + 1]]
        doc.ops.append(f"join-paragraphs:{p}")
    if rng.random() < 0.15:
        candidates = [p for p, para in enumerate(doc.tgt_paras) if len(para) >= 2]
        if candidates:
            p = rng.choice(candidates)
            cut = rng.randrange(1, len(doc.tgt_paras[p]))
            para = doc.tgt_paras[p]
            doc.tgt_paras[p : p + 1] = [para[:cut], para[cut:]]
            doc.ops.append(f"split-paragraph:{p}")


def gold_record(doc_id: str, doc: Doc, src_lang: str, tgt_lang: str) -> dict[str, object]:
    src_sents = [[p, s] for p, para in enumerate(doc.src_paras) for s in para]
    tgt_sents: list[list[object]] = []
    links: list[list[int]] = []
    for p, para in enumerate(doc.tgt_paras):
        for unit in para:
            j = len(tgt_sents)
            tgt_sents.append([p, unit.text])
            links.extend([i, j] for i in unit.src)
    linked_src = {i for i, _ in links}
    linked_tgt = {j for _, j in links}
    return {
        "id": doc_id,
        "src_lang": src_lang,
        "tgt_lang": tgt_lang,
        "src_file": f"docs/{doc_id}.{src_lang}.txt",
        "tgt_file": f"docs/{doc_id}.{tgt_lang}.txt",
        "ops": doc.ops,
        "src_sentences": src_sents,
        "tgt_sentences": tgt_sents,
        "links": sorted(links),
        "omitted": [i for i in range(len(src_sents)) if i not in linked_src],
        "added": [j for j in range(len(tgt_sents)) if j not in linked_tgt],
    }


def main(argv: list[str] | None = None) -> int:
    global STORIES, EXTRA_EN, EXTRA_ES, NAMES
    parser = argparse.ArgumentParser(description="Build the alignment benchmark data.")
    parser.add_argument("--pool", choices=sorted(SETS), default="main")
    args = parser.parse_args(argv)
    module, data, seed, es_en, en_es = SETS[args.pool]
    STORIES, EXTRA_EN, EXTRA_ES = module.STORIES, module.EXTRA_EN, module.EXTRA_ES
    NAMES = _names()
    docs = data / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for old in docs.glob("*.txt"):
        old.unlink()
    records = []
    for number in range(es_en + en_es):
        reverse = number >= es_en
        rng = random.Random(seed + number)
        doc = _make(rng, reverse)
        src_lang, tgt_lang = ("en", "es") if reverse else ("es", "en")
        doc_id = f"{number:02d}-{src_lang}{tgt_lang}"
        (docs / f"{doc_id}.{src_lang}.txt").write_text(
            "".join(" ".join(para) + "\n" for para in doc.src_paras), encoding="utf-8"
        )
        (docs / f"{doc_id}.{tgt_lang}.txt").write_text(
            "".join(" ".join(u.text for u in para) + "\n" for para in doc.tgt_paras),
            encoding="utf-8",
        )
        records.append(gold_record(doc_id, doc, src_lang, tgt_lang))
    with (data / "gold.jsonl").open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    sentences = sum(len(r["src_sentences"]) for r in records)  # type: ignore[arg-type]
    omitted = sum(len(r["omitted"]) for r in records)  # type: ignore[arg-type]
    print(f"{len(records)} documents, {sentences} source sentences, {omitted} omissions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
