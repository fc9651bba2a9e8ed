"""Glossary terms in their base form match the plurals (and Russian case forms) that Snowball
stems apart, or that no stemmer joins (Arabic): singular/plural pairs of news vocabulary in eight
languages. Each plural is looked up in a text among the terms of every singular of its
language and must match its own term only."""

from __future__ import annotations

import pytest

from tqa.glossary.matcher import Matcher
from tqa.glossary.model import Concept, Glossary, Term, TermStatus

PAIRS = {
    "ar": """
        مدني/المدنيين مدني/مدنيون لاجئ/لاجئين لاجئ/اللاجئين لاجئ/للاجئين مقاتل/مقاتلين
        مقاتل/المقاتلون مقاتل/مقاتلو طفل/أطفال طفل/الأطفال صاروخ/صواريخ سلاح/أسلحة جندي/جنود
        جندي/الجنود مدينة/مدن غارة/غارات غارة/الغارات غارة/بالغارات غارة/غارتين مسلح/مسلحون
        مسلح/المسلحين مسلح/والمسلحين شهيد/شهداء قتيل/قتلى جريح/جرحى رهينة/رهائن معتقل/معتقلين
        متمرد/المتمردين فصيل/فصائل ميليشيا/ميليشيات حي/أحياء قرية/قرى مستشفى/مستشفيات دبابة/دبابات
        طائرة/طائرات قصف/القصف حصار/الحصار هدنة/الهدنة كيميائي/الكيميائية النازحون/النازحين
        سوري/سوريون
    """,
    "en": """
        crisis/crises analysis/analyses gunman/gunmen militiaman/militiamen serviceman/servicemen
        policeman/policemen child/children life/lives thief/thieves knife/knives person/people
        woman/women man/men criterion/criteria phenomenon/phenomena thesis/theses basis/bases
        wife/wives foot/feet tooth/teeth hostage/hostages casualty/casualties militia/militias
        ally/allies refugee/refugees chief/chiefs leaf/leaves half/halves wolf/wolves shelf/shelves
        mouse/mice index/indices matrix/matrices axis/axes diagnosis/diagnoses hypothesis/hypotheses
        nucleus/nuclei radius/radii medium/media spokesman/spokesmen spokeswoman/spokeswomen
        chairman/chairmen congressman/congressmen fisherman/fishermen tribesman/tribesmen
        countryman/countrymen airstrike/airstrikes siege/sieges bus/buses box/boxes church/churches
        city/cities army/armies convoy/convoys tax/taxes process/processes status/statuses
        campus/campuses virus/viruses crossfire/crossfires ceasefire/ceasefires
    """,
    "it": """
        militare/militari ribelle/ribelli attacco/attacchi forza/forze milizia/milizie
        ostaggio/ostaggi gruppo/gruppi civile/civili soldato/soldati bomba/bombe profugo/profughi
        rifugiato/rifugiati nemico/nemici arma/armi uomo/uomini combattente/combattenti
        missile/missili dialogo/dialoghi colpo/colpi banca/banche carica/cariche lago/laghi
        luogo/luoghi medico/medici politico/politici tregua/tregue vittima/vittime sanzione/sanzioni
        territorio/territori carro/carri elicottero/elicotteri aereo/aerei esercito/eserciti
        ministro/ministri capo/capi drone/droni ospedale/ospedali villaggio/villaggi
        provincia/province guerra/guerre autobomba/autobombe dio/dei bue/buoi tempio/templi
    """,
    "fr": """
        général/généraux journal/journaux hôpital/hôpitaux animal/animaux travail/travaux
        cheval/chevaux rival/rivaux local/locaux signal/signaux tribunal/tribunaux œil/yeux feu/feux
        jeu/jeux lieu/lieux otage/otages milicien/miliciens civil/civils arsenal/arsenaux
        canal/canaux régional/régionaux national/nationaux principal/principaux fédéral/fédéraux
        amiral/amiraux maréchal/maréchaux bureau/bureaux réseau/réseaux drapeau/drapeaux
        niveau/niveaux bateau/bateaux chef/chefs char/chars blessé/blessés vitrail/vitraux
        corail/coraux pneu/pneus bleu/bleus
    """,
    "de": """
        Stadt/Städte Flughafen/Flughäfen Angriff/Angriffe Soldat/Soldaten Rebell/Rebellen
        Kampf/Kämpfe Land/Länder Haus/Häuser Mann/Männer Geisel/Geiseln Miliz/Milizen
        Zivilist/Zivilisten Dorf/Dörfer Bombe/Bomben Rakete/Raketen Kind/Kinder
        Flüchtling/Flüchtlinge Anschlag/Anschläge Luftangriff/Luftangriffe Vertrag/Verträge
        Arzt/Ärzte Sohn/Söhne Bruder/Brüder Zug/Züge Schuss/Schüsse Fluss/Flüsse Volk/Völker
        Platz/Plätze Plan/Pläne Stamm/Stämme Hand/Hände Nacht/Nächte
    """,
    "ru": """
        город/города солдат/солдаты повстанец/повстанцы ребёнок/дети человек/люди боевик/боевики
        заложник/заложники беженец/беженцы танк/танки ракета/ракеты удар/удары друг/друзья
        брат/братья сын/сыновья мать/матери дочь/дочери дом/дома житель/жители гражданин/граждане
        христианин/христиане мусульманин/мусульмане курд/курды армянин/армяне крестьянин/крестьяне
        боец/бойцы отец/отцы конец/концы палестинец/палестинцы израильтянин/израильтяне
        американец/американцы иранец/иранцы оккупант/оккупанты миротворец/миротворцы
        наёмник/наёмники владелец/владельцы
    """,
    "es": """
        crisis/crisis régimen/regímenes carácter/caracteres luz/luces pez/peces vez/veces
        militar/militares rebelde/rebeldes civil/civiles rehén/rehenes misil/misiles joven/jóvenes
        origen/orígenes examen/exámenes volumen/volúmenes comité/comités país/países
        francés/franceses inglés/ingleses kurdo/kurdos líder/líderes ley/leyes rey/reyes
        alemán/alemanes capitán/capitanes sunní/sunníes chií/chiíes iraní/iraníes israelí/israelíes
        marroquí/marroquíes
    """,
    "pt": """
        cidadão/cidadãos alemão/alemães pão/pães irmão/irmãos capitão/capitães nação/nações
        míssil/mísseis civil/civis refém/reféns homem/homens país/países mês/meses ataque/ataques
        militar/militares jovem/jovens hospital/hospitais general/generais animal/animais
        fuzil/fuzis papel/papéis hotel/hotéis túnel/túneis líder/líderes israelense/israelenses
        xiita/xiitas
    """,
}


@pytest.mark.parametrize("lang", sorted(PAIRS))
def test_singular_terms_match_their_plurals(lang: str) -> None:
    pairs = [pair.split("/") for pair in PAIRS[lang].split()]
    singulars = list(dict.fromkeys(singular for singular, _ in pairs))
    terms = [
        Concept(f"c{index}", (Term(singular, lang, TermStatus.PREFERRED),))
        for index, singular in enumerate(singulars)
    ]
    matcher = Matcher(Glossary.of(terms))
    missed = [
        f"{singular}/{plural}"
        for singular, plural in pairs
        if [m.concept_id for m in matcher.find(f"x {plural} x", lang)]
        != [f"c{singulars.index(singular)}"]
    ]
    assert missed == []
