"""The batched langdetect of tqa/lang/langid.py gives exactly langdetect's answers, and the
shortcuts before it (letter counts, the length bound, the prefetch) change no verdict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tqa.checks.language import Untranslated, WrongLanguage
from tqa.core.check import Check, RunContext
from tqa.core.model import Segment
from tqa.core.pipeline import Pipeline
from tqa.lang import langid
from tqa.lang.langid import LanguageIdentifier, LanguagePolicy, judge_language, profile
from tqa.lang.text import script_counts

ROOT = Path(__file__).resolve().parents[2]

MIXED = [
    "Los rebeldes tomaron la ciudad de Alepo el miércoles tras cuatro días de combates.",
    "THE REBELS SEIZED THE CITY ON WEDNESDAY",
    "Les rebelles ont pris la ville d'Alep mercredi, selon l'OSDH (https://www.syriahr.com).",
    "Die Rebellen haben am Mittwoch die Stadt Aleppo eingenommen, sagte ein Sprecher.",
    "Quân nổi dậy đã chiếm phần lớn thành phố Aleppo vào thứ Tư sau bốn ngày giao tranh.",
    "Qua\u0302n no\u0309i da\u0323y đã chiếm thành phố",  # Vietnamese with combining marks
    "Повстанцы захватили большую часть города Алеппо в среду после четырёх дней боёв.",
    "به گفته دیده‌بان حقوق بشر سوریه، شورشیان روز چهارشنبه بخش بزرگی از شهر حلب را تصرف کردند.",
    "قال المرصد السوري لحقوق الإنسان إن المتمردين سيطروا على معظم مدينة حلب يوم الأربعاء.",
    "叛军周三占领了阿勒颇市的大部分地区。反叛軍は水曜日にアレッポを制圧した。",
    "반군은 나흘간의 격렬한 전투 끝에 수요일 알레포 시의 대부분을 장악했다.",
    "Οι αντάρτες κατέλαβαν το μεγαλύτερο μέρος της πόλης την Τετάρτη.",
    "Els rebels van prendre dimecres la major part de la ciutat d'Alep després de quatre dies.",
    "NATO UN EU",
    "1234 5678 !!! ...",
    "a",
    "İSTANBUL'DA YAĞMUR VE RÜZGAR BEKLENİYOR",
    "Ein  doppelter   Abstand\tund\nZeilen",
]


def _corpus() -> list[str]:
    texts = list(MIXED)
    for path in sorted((ROOT / "tests" / "cases" / "language").glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            texts += [case["source"], case["target"]]
    with (ROOT / "seeds" / "aleppo.es-en.jsonl").open(encoding="utf-8") as rows:
        for line in rows:
            row = json.loads(line)
            texts += [row["source"], row["target"]]
    return [text for text in texts if text]


CORPUS = _corpus()


@pytest.fixture(scope="module")
def engine() -> langid._Langdetect:
    return langid._engine()


def _plain_ngrams(engine: langid._Langdetect, text: str) -> list[str]:
    detector = engine._factory.create()
    detector.append(text)
    detector.cleaning_text()
    found: list[str] = detector._extract_ngrams()
    return found


def test_engine_passes_its_self_test(engine: langid._Langdetect) -> None:
    assert engine.exact


def test_ngrams_are_langdetects(engine: langid._Langdetect) -> None:
    for text in CORPUS:
        assert engine.ngrams(text) == _plain_ngrams(engine, text), text


@pytest.mark.parametrize("batch", [1, 7, len(CORPUS)])
def test_batched_walks_give_langdetects_probabilities(
    engine: langid._Langdetect, batch: int
) -> None:
    found = []
    for start in range(0, len(CORPUS), batch):
        found += engine.detect_many(CORPUS[start : start + batch])
    assert found == [engine._plain(text) for text in CORPUS]


def test_a_short_random_stream_is_extended(engine: langid._Langdetect) -> None:
    small = langid._Langdetect(engine._factory)
    small._stream = small._random_words(64)
    small._accepted.clear()
    texts = CORPUS[:12]
    assert small.detect_many(texts) == [engine._plain(text) for text in texts]
    assert len(small._stream) > 64


def test_letters_match_script_counts() -> None:
    for text in CORPUS:
        fast, slow = langid._letters(text), script_counts(text)
        assert list(fast.items()) == list(slow.items()), text


def test_length_bound_never_skips_a_long_enough_text() -> None:
    policy = LanguagePolicy()
    for text in CORPUS:
        counts = langid._letters(text)
        for capitalised in (False, True):
            if langid._surely_short(counts, text, policy.min_letters):
                prof = profile(text, nouns_capitalised=capitalised)
                assert prof.content_letters < policy.min_letters, text


def test_prefetch_sends_each_new_text_once() -> None:
    identifier = LanguageIdentifier()
    first, second = CORPUS[0], CORPUS[1]
    identifier.prefetch([first, second, first, f"  {first} "])
    assert identifier.calls == 2
    assert identifier.probabilities(first)[0][0] == "es"
    identifier.prefetch([second])
    assert identifier.calls == 2


def test_checks_prefetch_a_chunk_and_judge_as_before() -> None:
    context = RunContext()
    checks: list[Check] = [WrongLanguage(context), Untranslated(context)]
    pairs = [("en", "es"), ("es", "en"), ("en", "fr"), ("en", "ru"), ("en", "ar")]
    segments = [
        Segment(str(i), "source", text, *pairs[i % len(pairs)]) for i, text in enumerate(CORPUS)
    ]
    results = list(Pipeline(checks).run(segments))
    identifier = context.resource("langid.identifier", LanguageIdentifier)
    reference = LanguageIdentifier()
    policy = LanguagePolicy()
    for segment, result in zip(segments, results, strict=True):
        verdict = judge_language(
            segment.target, segment.src_lang, segment.tgt_lang, reference, policy
        )
        codes = {"wrong": ["TQA401"], "untranslated": ["TQA402"]}.get(verdict.status, [])
        assert [f.code for f in result.findings] == codes
        if verdict.detection is not None:
            confidence = verdict.detection.confidence
            assert result.scores["langid_confidence"] == pytest.approx(confidence, abs=1e-6)
    assert identifier.calls == reference.calls
