"""Compact stopword and particle lists for term extraction (Spanish, English, French, German).

``STOPWORDS[lang]`` are function words that never begin or end a term (articles, pronouns,
prepositions, conjunctions, auxiliaries, frequent adverbs and determiners). ``PARTICLES[lang]``
are the few of them that may sit *inside* a term or a name: ``Observatorio Sirio de Derechos
Humanos``, ``alto el fuego``, ``Organisation for the Prohibition of Chemical Weapons``.

Languages without a list get an empty one: extraction then relies on frequency and
association alone. Words are compared case-folded.
"""

from __future__ import annotations

from tqa.glossary.model import primary_lang

_ES = """
a al algo algún alguna algunas alguno algunos ante antes aquel aquella aquellas aquellos aquí
así aun aún bajo bien cada casi como cómo con contra cual cuales cuando cuándo cuyo de del
desde donde dónde durante e el él ella ellas ello ellos en entre era eran es esa esas ese
eso esos esta está están estaba estaban estas este esto estos fue fueron ha habían había han
hasta hay hoy la las le les lo los más me mi mientras muy nada ni no nos nosotros o otra
otras otro otros para pero poco por porque qué que quien quienes se sea según ser si sí
sido siempre sin sino sobre son su sus también tan tanto te tras tu tus u un una unas uno
unos usted ya yo este esta lunes martes miércoles jueves viernes sábado domingo ayer además
luego después todo toda todos todas mismo misma mismos mismas cuyo cuya dos tres cuatro cinco
seis siete ocho nueve diez cien mil primer primera primero segundo segunda último última
menos mucho muchos mucha muchas varios varias ser estar haber tener hacer dijo dijeron
afirmó aseguró indicó informó señaló explicó añadió según cerca unos unas tal tales ningún
ninguna ninguno sólo solo entonces allí ahí incluso aunque parte
"""

_EN = """
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each either few for
from further had has have having he her here hers him his how i if in into is it its itself
just many may me might more most much must my near neither no nor not now of off on once
one only or other our out over own per same she should since so some such than that the
their them then there these they this those though through to too two three four five six
seven eight nine ten hundred thousand under until up upon us very via was we were what when
where whether which while who whom whose why will with within without would yet you your
monday tuesday wednesday thursday friday saturday sunday yesterday today said says told
according first second last new several least whose another every among amid across
"""

_FR = """
à a afin ai aient ainsi alors au aucun aucune aujourd aussi autre autres aux avaient avait
avant avec avoir ayant c ce ceci cela celle celles celui ces cet cette chaque chez comme
comment d dans de depuis des deux dont du elle elles en encore entre est et étaient était
été être eu fait hier il ils j je jusqu l la le les leur leurs lors lui m ma mais me même
mes moi moins mon n ne ni nos notre nous on ont ou où par parce pas pendant peu peut plus
pour qu quand que quel quelle quelles quels qui s sa sans se selon ses si son sont sous sur
t ta te tes toi ton tous tout toute toutes trois très tu un une vers vos votre vous y lundi
mardi mercredi jeudi vendredi samedi dimanche premier première dernier dernière a dit
"""

_DE = """
aber alle allem allen aller alles als also am an auch auf aus bei beim bin bis bisher da
dabei damit dann das dass daß dem den denen der deren des dessen die dies diese diesem diesen
dieser dieses doch dort drei durch ein eine einem einen einer eines einige er es etwa für
gegen gewesen hat hatte hatten ich ihr ihre ihrem ihren ihrer im in ist ja jedoch jetzt kein
keine mehr mit nach nicht noch nun nur ob oder ohne seit sich sie sind so sowie über um und
uns unter vom von vor war waren wegen weil wenn werden wie wieder wird wurde wurden zu zum
zur zwei zwischen montag dienstag mittwoch donnerstag freitag samstag sonntag gestern heute
sagte laut erste ersten letzte letzten
"""

_PARTICLES = {
    "es": "de del la las los el al y para a con",
    "en": "of for the and on al el bin ibn de",
    "fr": "de du des la le les l d pour et à al",
    "de": "der die das des für von und zur zum al",
}

STOPWORDS: dict[str, frozenset[str]] = {
    "es": frozenset(_ES.split()),
    "en": frozenset(_EN.split()),
    "fr": frozenset(_FR.split()),
    "de": frozenset(_DE.split()),
}
"""Function words per language (case-folded)."""

PARTICLES: dict[str, frozenset[str]] = {
    lang: frozenset(words.split()) for lang, words in _PARTICLES.items()
}
"""Words allowed inside (never at the edge of) a term or a name, per language."""

_NAME_PARTICLES = frozenset(
    "al el ad ar as ash at az ed er ez ul bin bint ibn abu ben van von der da".split()
)
"""Name particles common to every language: the Arabic article with its assimilated forms
(``Deir ez Zor``, ``Bab al Hawa``), and particles of Arabic and European surnames."""


def stopwords(lang: str) -> frozenset[str]:
    """The stopwords of a language (empty for languages without a list)."""
    return STOPWORDS.get(primary_lang(lang), frozenset())


def particles(lang: str) -> frozenset[str]:
    """Words that may join the parts of a term or name in a language."""
    return PARTICLES.get(primary_lang(lang), frozenset()) | _NAME_PARTICLES
