"""More kinds of sentence of the scheme, each written once for the seven
languages the analysis reads (en, es, pt, de, fr, it, nl).

Each rule is for one kind of sentence, not for one wording: the demand put
as a condition ("if you don't send me 500 euros"), the demand put as a price
for a secret, the payment that buys deletion, the plain claim to hold the
pictures, the recording described by what it shows, the malware planted,
the message sent "from your own account", the data taken from the device,
and the audience that will see it. Patterns are over folded text (lower
case, accents off). The explanations reuse sentences the other rules write,
so each one is already translated for the web pages.

This module holds the words the tactics share; each tactic's rules sit in
`_kinds_payment`, `_kinds_hacking`, `_kinds_stolen` and `_kinds_threat`.
"""

from __future__ import annotations

from unsnare.analysis.detectors._multilingual import (
    _ADULT_CORE,
    _CURRENCY,
    _TAPE,
)

ALL = ("en", "es", "pt", "de", "fr", "it", "nl")

# Prefilter words: the rare words a rule's sentence cannot do without (a
# message with none of them skips the rule), so that common words like "I",
# "your" or "if" do not send every message through these patterns.
_MEDIA_KEYS = (
    "nude nudes pic pics pictures picture photo photos video videos vids vid recording "
    "recordings footage clip clips film filmpje filmpjes filmato filmati nacktbilder nacktfotos "
    "fotos foto bilder bild aufnahme aufnahmen images image enregistrement enregistrements "
    "registrazione registrazioni immagini foto's naaktfoto's beelden opname opnames desnudos "
    "imagenes grabacion grabaciones pack packs imagens gravacao gravacoes screenshot "
    "screenshots wideo nagranie nahravka nahravku zdjecia fotky"
)
_PORN_KEYS = (
    "porn porno pornos pornography pornografia pornografie pornographie pornhub pornsites "
    "pornosites pornoseite pornoseiten pornosite pornowebsites xxx adult adultes adulti "
    "adultos volwassenen erwachsenenseiten"
)

# What makes money talk the scheme: pictures or a recording, the intimate act,
# a secret, or a payment that cannot be taken back.
_SCENE_CORE = (
    r"\b(?:" + _TAPE + r"|" + _ADULT_CORE + r"|fotos?|foto's|photos?|pics?|bilder|nudes?"
    r"|recordings?|footage|clips?|filmato|filmpje|nackt\w*|naakt\w*|nue?s?|desnud\w*|nud[ao]s?|intim\w*|sex\w*|bitcoin\w*|btc|crypto\w*"
    r"|krypto\w*|secret\w*|geheim\w*|segret\w*|secreto\w*|segredo\w*)\b"
)

# A recording or pictures, as a noun, each language (for "the video disappears").
_THE_MEDIA = (
    r"(?:the|el|la|los|las|o|a|os|as|das|die|le|les|il|lo|gli|i|le|de|het)\s(?:\w+ )?(?:"
    + _TAPE
    + r"|photos?|fotos?|foto's|pics|pictures|bilder|immagini|imagenes|imagens|nudes)\b"
)

# A conditional with a negation: "if you don't", "wenn du nicht", "si vous ne",
# "se non", "als je niet", "si no", "se nao".
_IF_NOT = (
    r"(?:\bif (?:you|u) (?:don'?t|dont|do not|won'?t|wont|fail to|refuse to|didn'?t)"
    r"|\bunless (?:you|u)\b"
    r"|\b(?:wenn|falls|solltest|sollten) (?:du|sie|ihr)\b[^.!?\n]{0,30}?\b(?:nicht|kein\w*)"
    r"|\bsi (?:vous|tu) (?:ne|n')|\bsi (?:vous|tu) n"
    # (Not "if I didn't pay him": the sender speaks to "you", not of a third person.)
    r"|\bse (?:tu |lei )?non\b(?! (?:gli|le|lo|la)\b)"
    r"|\b(?:als|indien|wanneer) (?:je|jij|u)\b[^.!?\n]{0,30}?\b(?:niet|geen)\b|\btenzij (?:je|u)\b"
    r"|\bsi (?:usted |tu )?no\b(?! (?:le|les|lo|la)\b)|\ba menos que\b"
    r"|\bse (?:voce |vc |tu )?nao\b(?! (?:lhe|o|a)\b)|\bcaso (?:voce |vc )?nao\b)"
)

# An amount: "500 euros", "$3000", "2 mila dollari", "2.900 dollari", "1 000 €".
_AMOUNT = (
    r"(?:(?:[$€£]|r\$|us\$)\s?\d[\d.,' ]*(?:k\b)?|\d[\d.,' ]*\s?(?:k\s?|mil |mila |mille "
    r"|tausend |duizend |thousand )?(?:dollari|dollaro|dolares|dolar|euro|" + _CURRENCY
    + r")(?![a-z]))"
)
