"""How people are quoted, language by language: quotation marks, speech verbs, pronouns, titles before names,
"according to", and words that open sentences without being names. attribution/ reads documents with all of
these at once, since one corpus (or one article) may quote in several languages.

Each language's verbs are listed as written in news: English "said", French "a déclaré" / "explique" and the
inverted "a-t-il ajouté", German "sagte" and the reporting "so" (» …«, so Keller), Spanish "afirmó"."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SpeechWords:
    verbs: tuple[str, ...]  # speech verbs as they follow a name ("X said", "X a déclaré", "X sagte")
    pronouns: tuple[str, ...]  # subject pronouns that stand for the last named speaker
    according: tuple[str, ...]  # openers after which the rest of the sentence is the named source's
    titles: frozenset[str] = frozenset()  # before a name, not part of it ("Mme", "Bürgermeisterin")
    not_names: frozenset[str] = frozenset()  # capitalised sentence openers that are never a speaker


def _list(words: str) -> tuple[str, ...]:
    """Space-separated words: long lists read better as text."""
    return tuple(words.split())


def _aux(aux: str, participles: str) -> tuple[str, ...]:
    """Compound past forms: each participle after each auxiliary ("a déclaré", "ont déclaré")."""
    return tuple(f"{a} {p}" for a in aux.split() for p in participles.split())


_FR_PARTICIPLES = ("déclaré dit affirmé ajouté expliqué précisé souligné estimé indiqué répondu raconté assuré "
                   "confié annoncé insisté rappelé prévenu averti écrit demandé reconnu lancé martelé regretté "
                   "jugé résumé observé poursuivi")
_FR_PRESENT = ("déclare dit affirme ajoute explique précise souligne estime indique répond raconte assure confie "
               "annonce insiste rappelle prévient avertit écrit demande reconnaît lance martèle regrette juge "
               "résume observe poursuit déclarait disait affirmait expliquait racontait")
_ES_PARTICIPLES = "dicho afirmado explicado asegurado señalado añadido declarado indicado comentado advertido"

SPEECH: dict[str, SpeechWords] = {
    "en": SpeechWords(
        verbs=(*_list(
            "said says told tells added adds explained explains continued continues argued argues insisted "
            "insists warned warns wrote writes asked asks declared declares stated states noted notes replied "
            "replies urged urges claimed claims recalled recalls admitted admits stressed stresses commented "
            "comments acknowledged acknowledges announced announces suggested suggests"
        ), "pointed out", "points out"),
        pronouns=("He", "She", "They"),
        according=("According to",),
        titles=frozenset(_list(
            "mr mrs ms miss dr prof professor sir dame lord lady councillor cllr president minister senator "
            "governor mayor judge rev reverend father sister deputy leader chancellor secretary chair chairman "
            "chairwoman general captain ambassador commissioner administrator undersecretary premier"
        )),
        not_names=frozenset(_list(
            "the this that these those it its but and or so in on at as a an if when while after before many "
            "some most all thousands hundreds huge there here what why how who we i you our my his her their one "
            "last yesterday today tomorrow meanwhile however also critics supporters officials people members "
            "labour government police according later"
        )),
    ),
    "fr": SpeechWords(
        verbs=_aux("a ont avait avaient", _FR_PARTICIPLES) + _list(_FR_PRESENT),
        pronouns=("Il", "Elle", "Ils", "Elles"),
        according=("Selon", "D'après", "D’après"),
        titles=frozenset(_list("m mme mlle monsieur madame maire ministre président présidente docteur maître")),
        not_names=frozenset(_list(
            "le la les un une des ce cette ces il elle ils elles on nous vous je mais et ou donc car quand si "
            "lorsque après avant depuis pour dans selon hier aujourd'hui demain pourtant cependant enfin puis"
        )),
    ),
    "de": SpeechWords(
        verbs=_list(
            "sagte sagt erklärte erklärt betonte betont meinte meint warnte warnt schrieb schreibt fragte fragt "
            "antwortete antwortet ergänzte ergänzt erzählte erzählt berichtete berichtet kritisierte kritisiert "
            "forderte fordert fügte fügt räumte räumt stellte stellt versicherte versichert"
        ),
        pronouns=("Er", "Sie"),
        according=("Laut", "Nach Angaben von", "Zufolge"),
        titles=frozenset(_list(
            "herr frau dr prof professor professorin bürgermeister bürgermeisterin minister ministerin präsident "
            "präsidentin kanzler kanzlerin vorsitzender vorsitzende sprecher sprecherin"
        )),
        not_names=frozenset(_list(
            "der die das den dem des ein eine einer einen er sie es wir ich ihr man aber und oder doch denn wenn "
            "als nach vor seit für im am auch noch dann jetzt heute gestern morgen viele einige alle laut zufolge"
        )),
    ),
    "es": SpeechWords(
        verbs=_aux("ha han había habían", _ES_PARTICIPLES) + _list(
            "dijo afirmó explicó aseguró señaló añadió agregó declaró indicó comentó advirtió insistió recordó "
            "subrayó respondió preguntó escribió sostuvo manifestó contó dice afirma explica asegura señala "
            "añade agrega cuenta advierte insiste recuerda subraya responde sostiene"
        ),
        pronouns=("Él", "Ellos"),  # not "Ella": an English name too
        according=("Según", "De acuerdo con"),
        titles=frozenset(_list(
            "sr sra srta señor señora don doña alcalde alcaldesa presidente presidenta ministro ministra doctor "
            "doctora"
        )),
        not_names=frozenset(_list(
            "el la los las un una unos unas lo este esta estos estas ese esa pero y o si cuando mientras después "
            "antes desde para en según ayer hoy mañana muchos algunos todos también sin embargo"
        )),
    ),
}

VERBS = tuple(dict.fromkeys(v for words in SPEECH.values() for v in words.verbs))
# Verbs that tag a quotation only when they stand right beside it, as fiction writes dialogue ("cried Emma",
# "she returned"): too common elsewhere to mark reported speech at a distance.
DIALOGUE_VERBS = tuple(dict.fromkeys((*VERBS, *_list(
    "cried cries exclaimed exclaims answered answers returned returns rejoined observed observes remarked "
    "remarks whispered whispers shouted shouts muttered mutters murmured murmurs called calls began begins "
    "resumed resumes interrupted interrupts thought thinks repeated repeats inquired inquires enquired enquires "
    "retorted retorts protested protests sighed sighs laughed laughs groaned groans responded responds screamed "
    "sobbed pleaded pleads agreed agrees demanded demands faltered stammered growled snapped persisted yelled "
    "exclaimed sneered smiled grinned nodded gasped breathed drawled hissed roared thundered "
    "ventured concluded concludes proceeded answered asked said says ejaculated corroborated urged insisted "
    "explained suggested wailed moaned shrieked squeaked chuckled sniffed confessed admitted assented conceded "
    "announced questioned pursued pronounced"), "went on", "goes on",
    # a speaker breaking into talk: "broke out Tom violently", "put in Jordan"
    "broke out", "burst out", "broke in", "put in", "chimed in", "struck in")))
PRONOUNS = tuple(p for words in SPEECH.values() for p in words.pronouns)
ACCORDING = tuple(a for words in SPEECH.values() for a in words.according)
TITLES = frozenset().union(*(w.titles for w in SPEECH.values()))
NOT_NAMES = frozenset().union(*(w.not_names for w in SPEECH.values())) - {p.lower() for p in PRONOUNS}
# Peoples' adjectives, which English capitalises ("American academic Marc Lamont Hill"): never a person's name on
# their own. French, German and Spanish write them in lower case, so the document's own case already tells.
DEMONYMS = frozenset(_list(
    "afghan african albanian algerian american arab argentine argentinian armenian asian australian austrian "
    "azerbaijani bangladeshi belarusian belgian bolivian bosnian brazilian british bulgarian burmese cambodian "
    "cameroonian canadian chilean chinese colombian congolese croatian cuban cypriot czech danish dutch "
    "ecuadorian egyptian emirati eritrean estonian ethiopian european filipino finnish french georgian german "
    "ghanaian greek guatemalan haitian honduran hungarian icelandic indian indonesian iranian iraqi irish "
    "israeli italian jamaican japanese jordanian kazakh kenyan korean kosovar kurdish kuwaiti kyrgyz laotian "
    "latvian lebanese liberian libyan lithuanian macedonian malaysian maltese mexican moldovan mongolian "
    "montenegrin moroccan mozambican namibian nepalese nigerian nicaraguan norwegian pakistani palestinian "
    "panamanian paraguayan persian peruvian polish portuguese qatari romanian russian rwandan saudi scottish "
    "senegalese serbian singaporean slovak slovenian somali spanish sudanese swedish swiss syrian "
    "taiwanese tajik tanzanian thai tibetan tunisian turkish turkmen ugandan ukrainian uruguayan uzbek "
    "venezuelan vietnamese welsh yemeni zambian zimbabwean western eastern northern southern latin arabic "
    "asian-american african-american hispanic latino latina muslim jewish catholic protestant hindu buddhist "
    "sikh islamic democratic republican"
))
# A French verb inverted after a quotation, its pronoun joined by hyphens: "a-t-il ajouté", "explique-t-elle",
# "dit-il"; the pronoun is the last named speaker.
FR_INVERTED = (rf"(?:a-t-(?:il|elle)\s+(?:{_FR_PARTICIPLES.replace(' ', '|')})"
               rf"|(?:{_FR_PRESENT.replace(' ', '|')})"
               r"-(?:t-)?(?:il|elle))")
# German reporting "so": „…“, so Keller.
TRAILING_ONLY = ("so",)

# A capital letter, Latin (accented ones included), Cyrillic or Greek: where a name may start.
CAPITALS = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper()) + "А-ЯЁΑ-Ω"
# Lower-case words inside a person's name ("Vincent van Gogh", "Omar ibn Said", "Jean de la Fontaine"): one list for
# every reader of names (the fiction sieve's cast, speaker labels, quoted mail's attributions).
PARTICLES = frozenset(["de", "da", "di", "du", "del", "der", "den", "van", "von", "al", "el", "la", "le", "bin", "ibn"])
PARTICLE = "(?:" + "|".join(sorted(PARTICLES, key=lambda w: (-len(w), w))) + ")"  # the list as a regex group

# Quotation marks: each opening mark and the marks that close it. „ closes with “ (German) or ” (Polish,
# Hungarian, Czech), « with », » with « (German, Danish) or » (Swedish, Finnish), 「 with 」 (Japanese, Chinese).
PAIRS: dict[str, str] = {
    "“": "”", '"': '"', "„": "“”", "«": "»", "»": "«»", "‹": "›", "「": "」", "『": "』",
}
OPENING = "".join(PAIRS)
CLOSING = "".join(dict.fromkeys("".join(PAIRS.values())))
MARKS = "".join(dict.fromkeys(OPENING + CLOSING))
