"""Number words per language: compact tables the number extractor compiles once.

CLDR (Babel) has separators, month and weekday names but no usable spell-out tables, so the
words live here. Each language table is a few space-separated ``word=value`` lists grouped by
role:

``num``      additive values (units, teens, tens, hundreds written as one word: ``doscientos``)
``hundred``  the word for "hundred" when it multiplies what precedes (``two hundred``)
``scale``    thousand and above; multiplies the number before it (``2,5 millones``)
``scale_abbr`` abbreviated scale words written after digits (``2,5 млн``)
``ord``      ordinal words (``second``, ``segunda``, ``vingt-huitième`` is ``vingt`` + ``huitième``)
``conj``     words that may join parts of one number (``and``, ``y``, ``et``, ``и``)
``article``  an indefinite article that counts as 1 only before a scale word (``a hundred``)
``weak``     values that are often not quantities (``one of them``, ``uno de los``): they match
             like any number but are never reported alone as missing or extra
``percent``  phrases that turn the number before them into a percentage
``morphemes`` (German, Italian) pieces that glue into one written word (``achtundzwanzig``)

Values are integers; ordinals carry their integer value. Words are lower case.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field


@dataclass(frozen=True)
class WordTable:
    """The compiled number words of one language."""

    lang: str
    num: dict[str, int] = field(default_factory=dict)
    hundred: frozenset[str] = frozenset()
    scale: dict[str, int] = field(default_factory=dict)
    scale_abbr: dict[str, int] = field(default_factory=dict)
    ordinal: dict[str, int] = field(default_factory=dict)
    conj: frozenset[str] = frozenset()
    article: frozenset[str] = frozenset()
    weak: frozenset[str] = frozenset()
    percent: tuple[str, ...] = ()
    morphemes: dict[str, int] = field(default_factory=dict)
    """Pieces of glued compounds: value, or -1 for the joining ``und``."""
    scale_alone: frozenset[str] = frozenset()
    """Scale words that mean 1 x scale on their own (``mil personas``, ``tausend``)."""
    vigesimal: bool = False
    """French: ``soixante-dix`` = 60 + 10, ``quatre-vingt-douze`` = 80 + 12."""

    def words(self) -> frozenset[str]:
        return frozenset([*self.num, *self.hundred, *self.scale, *self.ordinal, *self.scale_abbr])


_NUKTA_PRECOMPOSED = {
    "\u0915\u093c": "\u0958",
    "\u0916\u093c": "\u0959",
    "\u0917\u093c": "\u095a",
    "\u091c\u093c": "\u095b",
    "\u0921\u093c": "\u095c",
    "\u0922\u093c": "\u095d",
    "\u092b\u093c": "\u095e",
    "\u092f\u093c": "\u095f",
}


def variants(word: str) -> set[str]:
    """The spellings of one word that differ only in Unicode composition.

    Devanagari letters with a nukta (``ड़``) exist precomposed and as letter + nukta, and NFC
    does not unify them (they are composition exclusions), so tables list both.
    """
    decomposed = unicodedata.normalize("NFD", word)
    forms = {word, decomposed, unicodedata.normalize("NFC", word)}
    composed = decomposed
    for pair, single in _NUKTA_PRECOMPOSED.items():
        composed = composed.replace(pair, single)
    forms.add(composed)
    return forms


def _pairs(text: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for item in text.split():
        word, _, value = item.partition("=")
        for form in variants(word):
            out[form] = int(value)
    return out


def _all(*words: str) -> frozenset[str]:
    return frozenset(form for word in words for form in variants(word))


def _series(words: str, start: int = 1, step: int = 1) -> dict[str, int]:
    """``'one two three'`` -> ``{'one': 1, 'two': 2, 'three': 3}``; ``a/b`` are variants."""
    out: dict[str, int] = {}
    for index, group in enumerate(words.split()):
        for word in group.split("/"):
            for form in variants(word):
                out[form] = start + index * step
    return out


_EN = WordTable(
    lang="en",
    num={
        **_series(
            "one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen"
        ),
        **_series("twenty thirty forty fifty sixty seventy eighty ninety", 20, 10),
        "zero": 0,
        "twice": 2,
    },
    hundred=frozenset({"hundred"}),
    scale=_pairs(
        "thousand=1000 million=1000000 billion=1000000000 trillion=1000000000000 dozen=12"
    ),
    scale_abbr=_pairs("bn=1000000000 mln=1000000 tn=1000000000000"),
    ordinal={
        **_series(
            "first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
            "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
            "nineteenth"
        ),
        **_series(
            "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth", 20, 10
        ),
        "hundredth": 100,
        "thousandth": 1000,
    },
    conj=frozenset({"and"}),
    article=frozenset({"a", "one"}),
    weak=frozenset({"one", "first", "second", "zero", "twice"}),
    percent=("percent", "per cent", "pct", "percentage points"),
)

_ES = WordTable(
    lang="es",
    num={
        **_series(
            "uno/un/una dos tres cuatro cinco seis siete ocho nueve diez once doce trece "
            "catorce quince dieciséis/dieciseis diecisiete dieciocho diecinueve veinte "
            "veintiuno/veintiún/veintiuna veintidós/veintidos veintitrés/veintitres "
            "veinticuatro veinticinco veintiséis/veintiseis veintisiete veintiocho "
            "veintinueve"
        ),
        **_series("treinta cuarenta cincuenta sesenta setenta ochenta noventa", 30, 10),
        **_series(
            "cien/ciento doscientos/doscientas trescientos/trescientas "
            "cuatrocientos/cuatrocientas quinientos/quinientas seiscientos/seiscientas "
            "setecientos/setecientas ochocientos/ochocientas novecientos/novecientas",
            100,
            100,
        ),
        "cero": 0,
    },
    scale=_pairs(
        "mil=1000 millón=1000000 millon=1000000 millones=1000000 "
        "billón=1000000000000 billones=1000000000000 "
        # collective nouns: "un millar" = 1000, "dos docenas" = 24 ("miles de" stays vague)
        "millar=1000 millares=1000 centenar=100 centenares=100 decena=10 decenas=10 "
        "docena=12 docenas=12"
    ),
    scale_abbr=_pairs("mill=1000000 mdd=1000000"),
    ordinal={
        **_series(
            "primero/primer/primera/primeros/primeras segundo/segunda/segundos/segundas "
            "tercero/tercer/tercera/terceros/terceras cuarto/cuarta quinto/quinta "
            "sexto/sexta séptimo/séptima/septimo/septima octavo/octava noveno/novena "
            "décimo/décima/decimo/decima"
        ),
        **_series("vigésimo/vigésima trigésimo/trigésima", 20, 10),
    },
    conj=frozenset({"y"}),
    article=frozenset({"un", "una", "uno"}),
    weak=frozenset(
        {
            "uno",
            "un",
            "una",
            "primero",
            "primer",
            "primera",
            "primeros",
            "primeras",
            "segundo",
            "segunda",
            "segundos",
            "segundas",
            "cuarto",
            "cuarta",
            "cero",
        }
    ),
    percent=("por ciento", "por cien"),
    scale_alone=frozenset({"mil"}),
)

_FR = WordTable(
    lang="fr",
    num={
        **_series(
            "un/une deux trois quatre cinq six sept huit neuf dix onze douze treize "
            "quatorze quinze seize"
        ),
        **_series(
            "vingt/vingts trente quarante cinquante soixante septante huitante/octante nonante",
            20,
            10,
        ),
        "zéro": 0,
    },
    hundred=frozenset({"cent", "cents"}),
    scale=_pairs(
        "mille=1000 mil=1000 million=1000000 millions=1000000 milliard=1000000000 "
        "milliards=1000000000 billion=1000000000000 billions=1000000000000 "
        # collective nouns: "un millier" = 1000, "une vingtaine" = 20 ("des milliers" is vague)
        "millier=1000 milliers=1000 centaine=100 centaines=100 dizaine=10 dizaines=10 "
        "douzaine=12 douzaines=12 vingtaine=20 vingtaines=20 trentaine=30 cinquantaine=50"
    ),
    scale_abbr=_pairs("md=1000000000 mds=1000000000 mrd=1000000000 mrds=1000000000"),
    ordinal={
        **_series(
            "premier/première/premiers/premières deuxième/second/seconde/deuxièmes "
            "troisième/troisièmes quatrième cinquième sixième septième huitième neuvième "
            "dixième onzième douzième treizième quatorzième quinzième seizième"
        ),
        **_series("vingtième trentième quarantième cinquantième soixantième", 20, 10),
        "centième": 100,
        "millième": 1000,
    },
    conj=frozenset({"et"}),
    article=frozenset({"un", "une"}),
    weak=frozenset(
        {"un", "une", "premier", "première", "premiers", "premières", "second", "seconde", "zéro"}
    ),
    percent=("pour cent", "pour-cent", "pourcent"),
    scale_alone=frozenset({"mille"}),
    vigesimal=True,
)

_DE_UNITS = (
    "eins/ein/eine/einen/einem/einer zwei drei vier fünf sechs sieben acht neun zehn elf zwölf "
    "dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn"
)
_DE_TENS = "zwanzig dreißig/dreissig vierzig fünfzig sechzig siebzig achtzig neunzig"

_DE = WordTable(
    lang="de",
    num={**_series(_DE_UNITS), **_series(_DE_TENS, 20, 10), "null": 0, "hundert": 100},
    hundred=frozenset({"hundert"}),
    scale=_pairs(
        "tausend=1000 million=1000000 millionen=1000000 milliarde=1000000000 "
        "milliarden=1000000000 billion=1000000000000 billionen=1000000000000 "
        "dutzend=12"
    ),
    scale_abbr=_pairs("mio=1000000 mrd=1000000000 tsd=1000"),
    ordinal={
        **_series(
            "erste/erster/erstes/ersten/erstem zweite/zweiter/zweites/zweiten/zweitem "
            "dritte/dritter/drittes/dritten/drittem"
        ),
    },
    conj=frozenset(),
    article=frozenset({"ein", "eine", "einer", "einem", "einen"}),
    weak=frozenset(
        {
            "ein",
            "eine",
            "einen",
            "einem",
            "einer",
            "eins",
            "erste",
            "erster",
            "erstes",
            "ersten",
            "erstem",
            "zweite",
            "zweiter",
            "zweites",
            "zweiten",
            "zweitem",
            "null",
        }
    ),
    percent=("prozent", "prozentpunkte"),
    morphemes={
        **{
            w: v
            for w, v in _series(_DE_UNITS).items()
            if w
            in {
                "ein",
                "zwei",
                "drei",
                "vier",
                "fünf",
                "sechs",
                "sieben",
                "acht",
                "neun",
                "zehn",
                "elf",
                "zwölf",
                "dreizehn",
                "vierzehn",
                "fünfzehn",
                "sechzehn",
                "siebzehn",
                "achtzehn",
                "neunzehn",
            }
        },
        **_series(_DE_TENS, 20, 10),
        "sieb": 7,
        "sech": 6,
        "hundert": 100,
        "tausend": 1000,
        "und": -1,
    },
    scale_alone=frozenset({"tausend", "hundert"}),
)

_IT_UNITS = (
    "uno/un/una due tre quattro cinque sei sette otto nove dieci undici dodici tredici "
    "quattordici quindici sedici diciassette diciotto diciannove"
)
_IT_TENS = "venti trenta quaranta cinquanta sessanta settanta ottanta novanta"

_IT = WordTable(
    lang="it",
    num={**_series(_IT_UNITS), **_series(_IT_TENS, 20, 10), "zero": 0, "cento": 100},
    hundred=frozenset({"cento"}),
    scale=_pairs(
        "mille=1000 mila=1000 milione=1000000 milioni=1000000 "
        "miliardo=1000000000 miliardi=1000000000 "
        "migliaio=1000 migliaia=1000 centinaio=100 centinaia=100 decina=10 decine=10 "
        "dozzina=12 dozzine=12"
    ),
    scale_abbr=_pairs("mln=1000000 mld=1000000000 mrd=1000000000"),
    ordinal={
        **_series(
            "primo/prima/primi/prime secondo/seconda/secondi/seconde terzo/terza/terzi "
            "quarto/quarta quinto/quinta sesto/sesta settimo/settima ottavo/ottava "
            "nono/nona decimo/decima"
        ),
    },
    conj=frozenset({"e"}),
    article=frozenset({"un", "una", "uno"}),
    weak=frozenset(
        {
            "uno",
            "un",
            "una",
            "primo",
            "prima",
            "primi",
            "prime",
            "secondo",
            "seconda",
            "secondi",
            "seconde",
            "quarto",
            "quarta",
            "zero",
            "sei",
        }
    ),
    percent=("per cento", "percento"),
    morphemes={
        **{w: v for w, v in _series(_IT_UNITS).items() if w not in {"un", "una"}},
        **_series(_IT_TENS, 20, 10),
        **_series("vent trent quarant cinquant sessant settant ottant novant", 20, 10),
        "tré": 3,
        "cento": 100,
        "cent": 100,
        "mille": 1000,
        "mila": 1000,
    },
    scale_alone=frozenset({"mille", "cento"}),
)

_PT = WordTable(
    lang="pt",
    num={
        **_series(
            "um/uma dois/duas três/tres quatro cinco seis sete oito nove dez onze doze "
            "treze catorze/quatorze quinze dezesseis/dezasseis dezessete/dezassete "
            "dezoito dezenove/dezanove"
        ),
        **_series("vinte trinta quarenta cinquenta sessenta setenta oitenta noventa", 20, 10),
        **_series(
            "cem/cento duzentos/duzentas trezentos/trezentas quatrocentos/quatrocentas "
            "quinhentos/quinhentas seiscentos/seiscentas setecentos/setecentas "
            "oitocentos/oitocentas novecentos/novecentas",
            100,
            100,
        ),
        "zero": 0,
    },
    scale=_pairs(
        "mil=1000 milhão=1000000 milhões=1000000 milhao=1000000 milhoes=1000000 "
        "bilhão=1000000000 bilhões=1000000000 bilião=1000000000000 "
        "biliões=1000000000000 milhar=1000 milhares=1000 centena=100 centenas=100 "
        "dezena=10 dezenas=10 dúzia=12 dúzias=12"
    ),
    scale_abbr=_pairs("mi=1000000 bi=1000000000"),
    ordinal={
        **_series(
            "primeiro/primeira/primeiros/primeiras segundo/segunda/segundos/segundas "
            "terceiro/terceira quarto/quarta quinto/quinta sexto/sexta sétimo/sétima "
            "oitavo/oitava nono/nona décimo/décima"
        ),
    },
    conj=frozenset({"e"}),
    article=frozenset({"um", "uma"}),
    weak=frozenset(
        {
            "um",
            "uma",
            "primeiro",
            "primeira",
            "primeiros",
            "primeiras",
            "segundo",
            "segunda",
            "segundos",
            "segundas",
            "quarto",
            "quarta",
            "zero",
        }
    ),
    percent=("por cento",),
    scale_alone=frozenset({"mil"}),
)

_RU = WordTable(
    lang="ru",
    num={
        **_series(
            "один/одна/одно/одного/одной/одному/одним два/две/двух/двум/двумя "
            "три/трех/трёх/трем/трём/тремя четыре/четырех/четырёх/четырем/четырём "
            "пять/пяти/пятью шесть/шести семь/семи восемь/восьми/восемью девять/девяти "
            "десять/десяти одиннадцать/одиннадцати двенадцать/двенадцати "
            "тринадцать/тринадцати четырнадцать/четырнадцати пятнадцать/пятнадцати "
            "шестнадцать/шестнадцати семнадцать/семнадцати восемнадцать/восемнадцати "
            "девятнадцать/девятнадцати двадцать/двадцати"
        ),
        **_series(
            "тридцать/тридцати сорок/сорока пятьдесят/пятидесяти "
            "шестьдесят/шестидесяти семьдесят/семидесяти восемьдесят/восьмидесяти "
            "девяносто/девяноста",
            30,
            10,
        ),
        **_series(
            "сто/ста двести/двухсот триста/трехсот/трёхсот четыреста/четырехсот "
            "пятьсот/пятисот шестьсот/шестисот семьсот/семисот восемьсот/восьмисот "
            "девятьсот/девятисот",
            100,
            100,
        ),
        "ноль": 0,
    },
    scale=_pairs(
        "тысяча=1000 тысячи=1000 тысяч=1000 тысячу=1000 миллион=1000000 "
        "миллиона=1000000 миллионов=1000000 миллиард=1000000000 "
        "миллиарда=1000000000 миллиардов=1000000000 триллион=1000000000000 "
        "триллиона=1000000000000 триллионов=1000000000000 "
        "десяток=10 десятка=10 десятков=10 сотня=100 сотни=100 сотен=100 сотню=100 "
        "дюжина=12 дюжины=12 дюжин=12"
    ),
    scale_abbr=_pairs("тыс=1000 млн=1000000 млрд=1000000000 трлн=1000000000000"),
    ordinal={
        **_series(
            "первый/первая/первое/первого/первой/первом/первые/первых "
            "второй/вторая/второе/второго/втором/вторые/вторых "
            "третий/третья/третье/третьего/третьей/третьем "
            "четвертый/четвёртый/четвертая/четвёртая/четвертого/четвёртого "
            "пятый/пятая/пятого шестой/шестая/шестого седьмой/седьмая/седьмого "
            "восьмой/восьмая/восьмого девятый/девятая/девятого десятый/десятая/десятого"
        ),
    },
    conj=frozenset(),
    article=frozenset(),
    weak=frozenset(
        {
            "один",
            "одна",
            "одно",
            "одного",
            "одной",
            "одному",
            "одним",
            "первый",
            "первая",
            "первое",
            "первого",
            "первой",
            "первом",
            "первые",
            "первых",
            "второй",
            "вторая",
            "второе",
            "второго",
            "втором",
            "вторые",
            "вторых",
            "ноль",
        }
    ),
    percent=("процент", "процента", "процентов", "проц"),
    scale_alone=frozenset({"тысяча", "тысячу", "миллион", "миллиард"}),
)

_AR = WordTable(
    lang="ar",
    num={
        **_series(
            "واحد/واحدة اثنان/اثنين/اثنتان/اثنتين ثلاثة/ثلاث أربعة/أربع/اربعة/اربع "
            "خمسة/خمس ستة/ست سبعة/سبع ثمانية/ثماني/ثمان تسعة/تسع عشرة/عشر"
        ),
        # teens are written unit + ten ("ثلاثة عشر" = 13, see numbers._add); 11 and 12
        # have their own first words
        "أحد": 1,
        "إحدى": 1,
        "اثنا": 2,
        "اثني": 2,
        "اثنتا": 2,
        "اثنتي": 2,
        # the dual: a noun ending in -ان/-ين (nominative/oblique) counts two of it
        **_series(
            "يومين/يومان شهرين/شهران عامين/عامان سنتين/سنتان ساعتين/ساعتان "
            "أسبوعين/أسبوعان/اسبوعين مرتين/مرتان دقيقتين/دقيقتان شخصين/شخصان "
            "طفلين/طفلان دولارين/دولاران",
            2,
            0,
        ),
        "ألفين": 2000,
        "ألفان": 2000,
        "الفين": 2000,
        "مليونين": 2_000_000,
        "مليونان": 2_000_000,
        "مليارين": 2_000_000_000,
        "ملياران": 2_000_000_000,
        **_series(
            "عشرون/عشرين ثلاثون/ثلاثين أربعون/أربعين/اربعين خمسون/خمسين ستون/ستين "
            "سبعون/سبعين ثمانون/ثمانين تسعون/تسعين",
            20,
            10,
        ),
        **_series(
            "مائة/مئة مئتان/مئتين/مائتان/مائتين ثلاثمائة/ثلاثمئة أربعمائة/أربعمئة "
            "خمسمائة/خمسمئة ستمائة/ستمئة سبعمائة/سبعمئة ثمانمائة/ثمانمئة "
            "تسعمائة/تسعمئة",
            100,
            100,
        ),
    },
    scale=_pairs(
        "ألف=1000 آلاف=1000 الف=1000 مليون=1000000 ملايين=1000000 "
        "مليار=1000000000 مليارات=1000000000 بليون=1000000000"
    ),
    ordinal={
        **_series(
            "الأول/الأولى/أول الثاني/الثانية الثالث/الثالثة الرابع/الرابعة "
            "الخامس/الخامسة السادس/السادسة السابع/السابعة الثامن/الثامنة "
            "التاسع/التاسعة العاشر/العاشرة"
        ),
    },
    conj=frozenset({"و"}),
    article=frozenset(),
    weak=frozenset({"واحد", "واحدة", "الأول", "الأولى", "أول", "الثاني", "الثانية", "أحد", "إحدى"}),
    percent=("في المئة", "في المائة", "بالمئة", "بالمائة", "في المائه"),
    scale_alone=frozenset({"ألف", "الف", "مليون", "مليار"}),
)

_FA = WordTable(
    lang="fa",
    num={
        **_series(
            "یک دو سه چهار پنج شش هفت هشت نه ده یازده دوازده سیزده چهارده پانزده شانزده "
            "هفده هجده/هیجده نوزده"
        ),
        **_series("بیست سی چهل پنجاه شصت هفتاد هشتاد نود", 20, 10),
        **_series("صد دویست سیصد چهارصد پانصد ششصد هفتصد هشتصد نهصد", 100, 100),
    },
    scale=_pairs("هزار=1000 میلیون=1000000 میلیارد=1000000000"),
    ordinal=_series("اول/نخست دوم سوم چهارم پنجم ششم هفتم هشتم نهم دهم"),
    conj=frozenset({"و"}),
    weak=frozenset({"یک", "نه", "اول", "نخست", "دوم"}),
    percent=("درصد",),
    scale_alone=frozenset({"هزار"}),
)

_HI = WordTable(
    lang="hi",
    num={
        **_series(
            "एक दो तीन चार पांच/पाँच छह/छः सात आठ नौ दस ग्यारह बारह तेरह चौदह पंद्रह/पन्द्रह "
            "सोलह सत्रह अठारह उन्नीस"
        ),
        **_series("बीस तीस चालीस पचास साठ सत्तर अस्सी नब्बे", 20, 10),
    },
    hundred=_all("सौ"),
    scale=_pairs(
        "हज़ार=1000 हजार=1000 लाख=100000 करोड़=10000000 अरब=1000000000 "
        "मिलियन=1000000 बिलियन=1000000000"
    ),
    ordinal=_series("पहला/पहली/पहले दूसरा/दूसरी/दूसरे तीसरा/तीसरी/तीसरे चौथा/चौथी/चौथे"),
    weak=_all("एक", "पहला", "पहली", "पहले", "दूसरा", "दूसरी", "दूसरे"),
    percent=tuple(sorted(_all("प्रतिशत", "फीसदी", "फ़ीसदी"))),
    scale_alone=_all("हज़ार", "हजार", "सौ"),
)

TABLES: dict[str, WordTable] = {
    t.lang: t for t in (_EN, _ES, _FR, _DE, _IT, _PT, _RU, _AR, _FA, _HI)
}
"""Word tables by base language code."""

CJK_DIGITS: dict[str, int] = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CJK_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "千": 1000}
CJK_BIG_UNITS: dict[str, int] = {
    "万": 10_000,
    "萬": 10_000,
    "亿": 100_000_000,
    "億": 100_000_000,
    "兆": 1_000_000_000_000,
}

CJK_COUNTERS: tuple[str, ...] = (
    *"个個人名位天日年岁歳次件架座艘辆輛家周週号號届枚所条條项項起国國只头頭本张張份层層倍吨噸元"
    "万亿億つ回台機隻页頁章部例批轮輪场場门門颗顆発发票户戶间間栋棟所季期",
    "小时",
    "小時",
    "分钟",
    "分鐘",
    "公里",
    "公斤",
    "美元",
    "欧元",
    "歐元",
    "英镑",
    "平方",
    "时間",
    "時間",
    "か月",
    "ヶ月",
    "カ月",
    "个月",
    "個月",
    "年間",
)
"""What may follow a CJK numeral to make it a quantity: counters, units and time words."""

CJK_PERCENT_PREFIX = ("百分之",)
CJK_PERCENT_SUFFIX = ("%", "％", "パーセント", "个百分点")
