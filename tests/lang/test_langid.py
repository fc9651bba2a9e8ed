"""Named tests of language identification (tqa/lang/langid.py) and the TQA4xx checks."""

from __future__ import annotations

import pytest

from tqa.checks.language import Untranslated, WrongLanguage
from tqa.core.check import Check, RunContext
from tqa.core.model import Segment, SegmentResult
from tqa.core.pipeline import Pipeline
from tqa.lang.langid import (
    LanguageIdentifier,
    LanguagePolicy,
    base_language,
    judge_language,
    profile,
    writing_system,
)

POLICY = LanguagePolicy()


class FixedIdentifier(LanguageIdentifier):
    """langdetect replaced by fixed probabilities, to test the decision rules alone."""

    def __init__(self, probabilities: dict[str, float]) -> None:
        super().__init__()
        self.fixed = tuple(sorted(probabilities.items(), key=lambda kv: -kv[1]))

    def probabilities(self, text: str) -> tuple[tuple[str, float], ...]:
        self.calls += 1
        return self.fixed


@pytest.fixture(scope="module")
def identifier() -> LanguageIdentifier:
    return LanguageIdentifier()


@pytest.mark.parametrize(
    ("code", "base"),
    [
        ("pt-BR", "pt"),
        ("zh-cn", "zh"),
        ("zh-TW", "zh"),
        ("zh_Hant", "zh"),
        ("EN", "en"),
        ("nb", "no"),
        ("nn-NO", "no"),
        ("iw", "he"),
        ("fil", "tl"),
    ],
)
def test_base_language(code: str, base: str) -> None:
    assert base_language(code) == base


ARABIC = (
    "قال المرصد السوري لحقوق الإنسان إن الفصائل المسلحة سيطرت يوم الأربعاء على معظم أحياء "
    "مدينة حلب بعد أربعة أيام من القتال العنيف."
)
RUSSIAN = (
    "Повстанцы в среду захватили большую часть города Алеппо после четырёх дней ожесточённых боёв."
)
ENGLISH = (
    "The rebels seized most of the city of Aleppo on Wednesday after four days of heavy fighting."
)


@pytest.mark.parametrize("probabilities", [{"fa": 0.6, "ar": 0.4}, {"fa": 0.95, "ar": 0.05}])
def test_arabic_target_with_unsure_persian_guess_is_not_flagged(
    probabilities: dict[str, float],
) -> None:
    verdict = judge_language(ARABIC, "en", "ar", FixedIdentifier(probabilities), POLICY)
    assert verdict.status == "ok"
    assert verdict.detection is not None and verdict.detection.lang == "fa"


def test_arabic_target_with_certain_persian_call_is_flagged() -> None:
    verdict = judge_language(ARABIC, "en", "ar", FixedIdentifier({"fa": 0.999}), POLICY)
    assert verdict.status == "wrong"


def test_unrelated_language_needs_only_min_confidence() -> None:
    text = (
        "Los rebeldes tomaron el miércoles la mayor parte de la ciudad de Alepo tras cuatro días."
    )
    assert judge_language(text, "en", "de", FixedIdentifier({"es": 0.92}), POLICY).status == (
        "wrong"
    )
    assert judge_language(text, "en", "de", FixedIdentifier({"es": 0.85}), POLICY).status == "ok"
    assert judge_language(text, "es", "de", FixedIdentifier({"es": 0.92}), POLICY).status == (
        "untranslated"
    )


def test_close_languages_need_twice_the_letters() -> None:
    short = "L'ofensiva rebel va començar dimecres al matí."  # 38 content letters
    verdict = judge_language(short, "en", "es", FixedIdentifier({"ca": 1.0}), POLICY)
    assert verdict.status == "ok"
    assert verdict.reason == "too short to tell ca from es (38 letters)"
    assert judge_language(short, "en", "de", FixedIdentifier({"ca": 1.0}), POLICY).status == (
        "wrong"
    )


def test_script_settles_korean_without_langdetect() -> None:
    stub = FixedIdentifier({"ja": 1.0})
    verdict = judge_language("반군이 수요일에 알레포를 점령했다.", "en", "ko", stub, POLICY)
    assert (verdict.status, stub.calls) == ("ok", 0)
    assert verdict.detection is not None
    assert (verdict.detection.lang, verdict.detection.method) == ("ko", "script")


def test_cyrillic_text_rules_out_english_by_script() -> None:
    stub = FixedIdentifier({"uk": 0.6, "ru": 0.4})
    verdict = judge_language(RUSSIAN, "es", "en", stub, POLICY)
    assert verdict.status == "wrong"
    assert "Cyrillic" in verdict.reason
    assert verdict.detection is not None and verdict.detection.lang == "uk"


def test_langdetect_answer_outside_the_script_is_ignored() -> None:
    stub = FixedIdentifier({"ko": 1.0})
    verdict = judge_language("東京都知事選挙結果発表", "en", "ja", stub, POLICY)
    assert (verdict.status, verdict.detection) == ("skipped", None)


@pytest.mark.parametrize(
    ("text", "system"),
    [
        ("反政府勢力は水曜日にアレッポを制圧した。", ("Han and kana", {"ja"})),
        ("叛军周三占领了阿勒颇市，叙利亚政府军撤出了这座城市。", ("Han", {"zh"})),
        ("東京都知事選挙結果発表", ("Han", {"zh", "ja"})),
        ("반군이 水曜日 알레포를 점령했다", ("Hangul", {"ko"})),
        ("Повстанцы захватили город", ("Cyrillic", {"ru", "uk", "bg", "mk", "sr"})),
    ],
)
def test_writing_system(text: str, system: tuple[str, set[str]]) -> None:
    found = writing_system(profile(text), 20)
    assert found is not None
    assert found[0] == system[0]
    assert system[1] <= found[1]


def test_mixed_scripts_have_no_writing_system() -> None:
    assert writing_system(profile("Aleppo حلب Alep حلب"), 20) is None


def test_dense_scripts_count_double_towards_the_minimum() -> None:
    assert profile("阿勒颇市").content_letters == 8
    assert profile("Alep, 311").content_letters == 4


def test_langdetect_sees_content_words_without_names() -> None:
    prof = profile("Hayat Tahrir al Sham (HTS), antes Frente al Nusra, encabezó la ofensiva.")
    assert prof.content == "Hayat antes encabezó la ofensiva"
    assert prof.name_share == 0.5  # 28 of 56 letters are content


def test_capitals_are_not_names_in_an_all_caps_headline() -> None:
    caps = profile("REBELS SEIZE ALEPPO AIRPORT")
    assert (caps.content, caps.name_share) == ("rebels seize aleppo airport", 0.0)
    title = profile("Rebels Seize Aleppo Airport")
    assert (title.content, title.name_share) == ("Rebels", 0.75)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Ok, merci.", "too short"),
        ("Hayat Tahrir al-Sham (HTS), Bashar al-Assad, EFE", "mostly names"),
        ("https://www.efe.com/efe/english/world/syria-rebels @EFEnoticias", "too short"),
    ],
)
def test_skipped_segments(identifier: LanguageIdentifier, text: str, reason: str) -> None:
    verdict = judge_language(text, "en", "es", identifier, POLICY)
    assert verdict.status == "skipped"
    assert verdict.reason.startswith(reason)


@pytest.mark.parametrize(
    ("text", "tgt_lang"),
    [
        ("Die Offensive begann am Mittwochmorgen.", "de"),
        ("सीरियाई सेना बुधवार को चार दिनों की भीषण लड़ाई के बाद शहर से पीछे हट गई।", "hi"),
        ("LOS REBELDES TOMAN EL AEROPUERTO DE ALEPO", "es"),
    ],
)
def test_judged_by_langdetect_not_skipped(
    identifier: LanguageIdentifier, text: str, tgt_lang: str
) -> None:
    verdict = judge_language(text, "en", tgt_lang, identifier, POLICY)
    assert verdict.status == "ok"
    assert verdict.detection is not None
    assert (verdict.detection.lang, verdict.detection.method) == (tgt_lang, "langdetect")


def test_unknown_target_language_is_only_judged_by_script(
    identifier: LanguageIdentifier,
) -> None:
    basque = (
        "Matxinoek Alepo hiriaren zatirik handiena hartu zuten asteazkenean, lau egunen ondoren."
    )
    assert judge_language(basque, "en", "eu", identifier, POLICY).status == "skipped"
    assert judge_language(RUSSIAN, "en", "eu", identifier, POLICY).status == "wrong"


def test_identifier_is_deterministic_and_caches() -> None:
    text = "Les rebelles ont pris la ville d'Alep mercredi."
    first, second = LanguageIdentifier(), LanguageIdentifier()
    a = first.probabilities(text)
    assert first.probabilities(text) == a
    assert first.calls == 1
    assert second.probabilities(text) == a
    assert a[0][0] == "fr"


def test_identifier_merges_chinese_variants() -> None:
    probs = LanguageIdentifier().probabilities("叛军周三占领了阿勒颇市。")
    assert "zh" in dict(probs)
    assert not any(code.startswith("zh-") for code, _ in probs)


def test_identifier_cache_is_bounded() -> None:
    small = LanguageIdentifier(cache_size=2)
    for text in ("uno dos tres", "one two three", "un deux trois"):
        small.probabilities(text)
    assert len(small._cache) == 2


def _run(checks: list[Check], segments: list[Segment]) -> list[SegmentResult]:
    return list(Pipeline(checks).run(segments))


def test_both_checks_share_one_detection_and_record_scores() -> None:
    context = RunContext()
    checks: list[Check] = [WrongLanguage(context), Untranslated(context)]
    segments = [
        Segment("1", ENGLISH, ENGLISH, "en", "es"),
        Segment("2", ENGLISH, ENGLISH, "en", "es"),
    ]
    results = _run(checks, segments)
    assert [[f.code for f in r.findings] for r in results] == [["TQA402"], ["TQA402"]]
    assert results[0].scores == {"langid": "en", "langid_confidence": pytest.approx(1.0, 1e-4)}
    identifier = context.resource("langid.identifier", LanguageIdentifier)
    assert identifier.calls == 1


def test_script_call_records_full_confidence() -> None:
    context = RunContext()
    segment = Segment("1", "Aleppo", "반군이 수요일에 알레포를 점령했다.", "en", "ko")
    (result,) = _run([WrongLanguage(context)], [segment])
    assert result.findings == []
    assert result.scores == {"langid": "ko", "langid_confidence": 1.0}


def test_skipped_segment_records_no_scores() -> None:
    (result,) = _run([WrongLanguage(RunContext())], [Segment("1", "Hi.", "Hola.", "en", "es")])
    assert (result.findings, result.scores) == ([], {})
