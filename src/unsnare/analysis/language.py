"""Which language a conversation is in, and whether we have rules for it.

A language without a rule pack is reported as unsupported: finding nothing
in a language we cannot read does not mean the conversation is safe.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from operator import itemgetter

from unsnare.analysis.text import words

# Languages the analysis reads: English, Spanish and Portuguese with rules and
# the learned model, and German, French, Italian and Dutch with the learned
# model and the English rules (the bulk emails share much of their layout).
SUPPORTED = ("en", "es", "pt", "de", "fr", "it", "nl")

# Short function words; a text's language is the one whose words it uses most.
# Written folded (lower case, accents off), as the analysis reads text. The
# languages without a pack are here too, so that a Czech or Swedish email is
# recognised as such and reported as not assessed, rather than read as English.
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": words(
        "the and you your to of is are it i me my we in on for that this with be have what "
        "do not but so if was just u ur can will don't i'm im it's at or get"
    ),
    "es": words(
        "el la los las que de y en es un una tu te mi por para con no si pero yo lo le se "
        "del al esta estas eres soy muy mas como todo tus voy todos tengo tienes fotos ahora"
    ),
    "pt": words(
        "o os as que de e em um uma voce vc seu sua eu nao se mas com para por do da dos vou "
        "tudo pra seus suas ta tenho das isso esta meu minha muito agora fotos tem ao no na"
    ),
    "de": words(
        "der die das und ist nicht ich du sie wir ein eine mit auf fur zu ihr ihre ihnen "
        "dein deine dich dir mich mir sich auch wenn oder aber habe hast hat sind bin bist "
        "wird werden kann alle noch nur schon dass dem den des vom zum zur einen einem "
        "diese dieser dieses sonst geht nach wie was wenn"
    ),
    "fr": words(
        "le la les et est ne pas je tu vous nous un une avec pour des du que qui il elle "
        "ce cette mon ma mes ton ta tes votre vos sur dans mais ou tout tous suis es sont "
        "ai as avez au aux ne plus si"
    ),
    "it": words(
        "il lo la gli e non che di un una sono sei per con mi ti ma le del della dei io tu "
        "lui lei noi voi tuo tua tuoi tue mio mia questo questa anche come se ho hai ha "
        "abbiamo ci al alla nel nella"
    ),
    "nl": words(
        "de het een en is niet ik je jij wij met op voor van dat jouw jou mijn zijn ben "
        "bent heb hebt heeft wordt worden kan als maar ook nog al er naar om uit dit deze "
        "die wat u uw"
    ),
    "cs": words(
        "je to se na ze jsem jsi jste ale jak tak pro od do za ve by byl bylo mam mate "
        "vase vas vsechny ktery ktera ktere kdyz nebo tvoje tve jak potom zitra dnes jsme "
        "bude muzes neni uz si v a ve"
    ),
    "pl": words(
        "i w nie sie to na ze jest z do jak ale co po tak za od czy jestem jestes twoje "
        "twoj ktory ktore bedzie wszystkich moje"
    ),
    "da": words(
        "og i at det er en til pa med jeg du har ikke af de den som for vil din dine mig "
        "vi kan skal var meget alle"
    ),
    "no": words(
        "og i at det er en til pa med jeg du har ikke av de den som for vil din dine meg "
        "vi kan skal var ogsa alle hvis"
    ),
    "sv": words(
        "och i att det ar en till pa med jag du har inte av de den som for vill din dina "
        "mig vi kan ska var ocksa alla om"
    ),
    "fi": words(
        "ja on ei etta se olen olet sinun minun han me te he mutta kun tai jos kaikki "
        "tama sinua"
    ),
    "tr": words(
        "ve bir bu da de icin ile ben sen senin benim ne ama cok gibi olarak var yok"
    ),
    "ro": words(
        "si in este nu ca pe cu la de un o sunt esti tu eu tau ta tale mai dar"
    ),
    "hu": words(
        "a az es hogy nem van egy meg de ha is en te neked vagy minden mert"
    ),
}

# Each stop word to the languages that use it (one look-up per word).
_LANGS_OF: dict[str, tuple[str, ...]] = {}
for _lang, _words in _STOPWORDS.items():
    for _w in _words:
        _LANGS_OF[_w] = (*_LANGS_OF.get(_w, ()), _lang)

_SCRIPTS = (
    (0x0400, 0x04FF, "ru"),
    (0x0600, 0x06FF, "ar"),
    (0x0900, 0x097F, "hi"),
    (0x0E00, 0x0E7F, "th"),
    (0x3040, 0x30FF, "ja"),
    (0x4E00, 0x9FFF, "zh"),
    (0xAC00, 0xD7AF, "ko"),
    (0x0590, 0x05FF, "he"),
)


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """The language code, whether a rule pack exists, and whether we were sure."""

    code: str
    supported: bool
    confident: bool


def rule_languages(guess: LanguageGuess) -> tuple[str, ...]:
    """The rule packs to apply: the detected language, and English always."""
    if not guess.confident and guess.supported:
        return SUPPORTED  # too little text to tell: read it with every pack
    return ("en",) if guess.code == "en" or not guess.supported else ("en", guess.code)


# Every stop word of every language, to pick a message's stop words in one step.
_ANY_STOPWORD = frozenset(_LANGS_OF)
# Every guess made from stop words, made once (a guess is a frozen value).
_GUESSES = {
    (code, confident): LanguageGuess(code, code in SUPPORTED, confident)
    for code in _STOPWORDS
    for confident in (True, False)
}
# The guess for text with too few stop words to tell (many single chat messages).
_UNSURE = LanguageGuess("en", True, False)

_SCRIPT_RES = tuple((re.compile(f"[{chr(lo)}-{chr(hi)}]"), code) for lo, hi, code in _SCRIPTS)
# Any letter of those scripts: text with accents or emoji but none of them
# skips the per-script counts (one search instead of eight).
_ANY_SCRIPT = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi, _ in _SCRIPTS) + "]")
_LETTER = re.compile(r"[^\W\d_]")


# A conversation's language is told from a sample: the first SCRIPT_SAMPLE
# texts for scripts, the first WORD_SAMPLE word sets for stop words.
SCRIPT_SAMPLE = 200
WORD_SAMPLE = 500


def count_scripts(texts: Iterable[str], counts: dict[str, int]) -> int:
    """Add each script's letters in `texts` to `counts`; the number of letters read."""
    letters = 0
    for text in texts:
        if text.isascii():
            letters += len(text)  # an over-count is fine: only the share matters
            continue
        sample = text[:2000]
        letters += len(_LETTER.findall(sample))
        if _ANY_SCRIPT.search(sample) is None:
            continue
        for regex, code in _SCRIPT_RES:
            n = len(regex.findall(sample))
            if n:
                counts[code] = counts.get(code, 0) + n
    return letters


def count_stopwords(folded_tokens: Iterable[frozenset[str]], scores: dict[str, int]) -> int:
    """Add each language's stop words in the word sets to `scores`; how many were seen."""
    seen = 0
    for toks in folded_tokens:
        for word in toks & _ANY_STOPWORD:
            seen += 1
            for lang in _LANGS_OF[word]:
                scores[lang] += 1
    return seen


def new_scores() -> dict[str, int]:
    """Stop-word scores at zero, one per language (in a fixed order)."""
    return dict.fromkeys(_STOPWORDS, 0)


def guess_from_counts(
    letters: int, scripts: dict[str, int], scores: dict[str, int], seen: int
) -> LanguageGuess:
    """The guess from the counts `count_scripts` and `count_stopwords` made."""
    if scripts and letters:
        code, n = max(scripts.items(), key=itemgetter(1))
        # Look-alike Cyrillic letters in an English scam email stay a minority.
        if n / letters > 0.5:
            return LanguageGuess(code, False, True)
    # No language can score 2 from fewer than two stop words: skip the ranking.
    if seen < 2:
        return _UNSURE
    best = max(scores.items(), key=itemgetter(1))
    if best[1] < 2:
        # Too little text to tell: read it with the English rules, say we were unsure.
        return _UNSURE
    if best[0] != "en" and scores["en"] >= best[1] * 0.8:
        best = ("en", scores["en"])
    confident = best[1] >= 3 and best[1] >= 0.5 * sum(scores.values())
    return _GUESSES[best[0], confident]


def detect_language(
    folded_tokens: Iterable[frozenset[str]], raw_texts: Iterable[str]
) -> LanguageGuess:
    """Guess the language from message word sets and raw text (for scripts)."""
    scripts: dict[str, int] = {}
    letters = count_scripts(raw_texts, scripts)
    scores = new_scores()
    seen = count_stopwords(folded_tokens, scores)
    return guess_from_counts(letters, scripts, scores, seen)
