"""Demands for money, with amount, currency and channel."""

from __future__ import annotations

import re

from unsnare.analysis.base import PatternDetector, Rule
from unsnare.analysis.detectors import _kinds_payment, _multilingual
from unsnare.analysis.detectors._vocab import ME
from unsnare.analysis.identifiers.money import find_amounts, payment_channel
from unsnare.analysis.report import DetailValue
from unsnare.analysis.tactics import Tactic
from unsnare.analysis.text import words
from unsnare.analysis.view import MessageView

_AMT = (
    r"(?:r\$|us\$|[$€£₹])\s?\d[\d,.]*k?|"
    r"\d[\d,.]*\s?k?\s?(?:usd|dollars?|bucks|euros?|eur|gbp|pounds|reais|pesos|dolares|btc|bitcoins?|usdt|\$)"
)
_PAYV = r"(?:send|pay|give|transfer|wire|cash ?app|venmo|zelle|paypal|deposit|get)"
# Words that show ordinary money talk between people who know each other
# (paying back, splitting, rent): a request with these is not a demand.
_ORDINARY = (
    r"\b(?:back|owe|owed|owes|lent|loan|borrow\w*|split|rent|dinner|lunch|pizza|tickets?|gas"
    r"|groceries|bill|tab|refund|change|tip|invoice|subscription|order|billing|membership)\b"
)
# What a retold demand asks for when it names no amount.
_RETOLD_THING = (
    r"(?:an?\s+|some\s+|more\s+|the\s+)?(?:\w+\s+)?(?:gift ?cards?|(?:steam|itunes|apple"
    r"|google play|amazon|roblox|xbox|psn|playstation|visa) ?cards?|money|cash|bitcoin|crypto)\b"
)
# Words of coercion that turn a request for money into extortion.
_COERCION = (
    r"\bor (?:else|i|i'll|ill|everyone|everybody|your)\b|\bif (?:you|u) (?:don'?t|dont"
    r"|do not|refuse)"
    r"|\bbitcoin|\bbtc\b|gift ?cards?|\bfair price\b|\bour (?:little )?secret\b|\bdelete\b|\bleak"
    r"|\bpost\b|\bexpose"
)

RULES = (
    Rule(
        rf"\b{_PAYV}\s+(?:{ME}\s+)?(?:the\s+|a\s+|an\s+)?(?:\w+\s+)?(?:{_AMT})",
        0.3,
        "They are asking you for money.",
        unless=_ORDINARY,
        boost=_COERCION,
        boost_by=0.2,
    ),
    Rule(
        rf"\b(?:i\s+want|i\s+need|it'?s|costs?|price is|is a fair price|pay me|i'?ll take)"
        rf"\s+(?:\w+\s+){{0,2}}?(?:{_AMT})",
        0.3,
        "They are asking you for money.",
        unless=_ORDINARY,
        boost=_COERCION,
        boost_by=0.2,
        # ("I demand" has its own rule now; the name stays as it was.)
        name="8af4561510",
    ),
    Rule(
        rf"(?:{_AMT})\s+(?:\w+\s+){{0,3}}?(?:(?:fair|nice|good|small|reasonable) (?:price"
        rf"|amount|fee"
        r"|sum)|or (?:else|i|everyone)|in bitcoin"
        r"|in btc|via bitcoin|to (?:my|this) (?:wallet|address|cash ?app))",
        0.45,
        "They are demanding money, with a threat attached.",
    ),
    # Amount first, and what it buys after: "200 in gift cards and this stays
    # between us", "$300 on cashapp n i delete everything".
    Rule(
        rf"(?:{_AMT}|\b\d[\d,.]*k?)\s+(?:(?:in|on|via|thru|through|by|to)\s+(?:\w+\s+)?"
        r"(?:gift ?cards?|cards?|cash ?app|venmo|zelle|paypal|bitcoin|btc|crypto|steam|apple"
        r"|amazon|itunes|google play|usdt|wallet|revolut|bizum|pix|mbway|blik|swish|vipps"
        r"|mobilepay)\s+)?"
        r"(?:and|&|n|then|or|,)\s+(?:(?:i(?:'ll| will|ll)?|we(?:'ll| will)?)\s+)?(?:delete|erase"
        r"|remove|leave (?:you|u) alone|disappear|go away|forget (?:about )?(?:it|this|you|u)"
        r"|never (?:message|text|contact|bother))"
        r"|(?:{_AMT}|\b\d[\d,.]*k?)\s+(?:\w+\s+){0,4}?(?:and|&|n)\s+(?:this|it|everything"
        r"|all of this)\s+(?:all\s+)?(?:stays (?:between us|private|secret|here)|goes away"
        r"|disappears|ends)"
        r"|(?:{_AMT}|\b\d[\d,.]*k?)\s+(?:\w+\s+){0,4}?(?:and|&|n)\s+(?:nobody|no one|noone"
        r"|no1) (?:sees|will see|knows|will know|finds out|will find out|gets)",
        0.6,
        "They want money to keep something hidden or to delete it. That is blackmail: do not"
        " pay, paying rarely ends it.",
        unless=_ORDINARY + r"|\b(?:listing|advert|ad|item|i (?:paid|pay|spent)|(?:we|they|you|u)"
        r" (?:paid|spent))\b",
        keys="delete erase remove leave disappear away forget never stays goes disappears ends "
        "nobody one noone no1",
    ),
    Rule(
        r"\b(?:make|send) (?:the )?payment\b[^.]{0,40}\b(?:bitcoin|btc|crypto|wallet|gift ?cards?)"
        r"|\b(?:bitcoin|btc) (?:wallet )?address\b|\bbuy (?:me )?(?:a |some )?(?:\w+ )?gift ?cards?"
        r"|\bsend (?:me )?(?:the )?(?:gift ?card )?codes?\b",
        0.45,
        "They want money in a way that cannot be taken back, such as Bitcoin or gift cards.",
        keys="payment bitcoin btc gift code codes",
        # "Buy a gift card for grandma's birthday."
        unless=r"\b(?:birthday|christmas|xmas|anniversary|wedding|present|grandma|granny"
        r"|grandpa|mom'?s|mum'?s|dad'?s|teacher'?s|secret santa)\b",
    ),
    Rule(
        rf"\b(?:pay|send)\s+(?:{ME}\s+)?(?:now|right now|today|tonight)\b|\b(?:pay|send) (?:the )?"
        r"(?:money|cash|ransom)\b|\bpay up\b",
        0.3,
        "They are pushing you to pay.",
        # (Advice against the scam: "your bank will never ask you to send money".)
        unless=_ORDINARY + r"|\b(?:never|don'?t|do not|nobody|no one) (?:\w+ ){0,3}?(?:ask|pay"
        r"|send)",
        boost=_COERCION,
        boost_by=0.2,
        keys="pay send up",
    ),
    Rule(
        rf"\b(?:he|she|they|someone)(?:'s| is| are)?\s+(?:\w+\s+)?(?:wants|want|asking|asked|asks"
        rf"|demanding|demands|demanded|telling me to pay|says to pay)\s+(?:me\s+)?(?:for\s+)?"
        rf"(?:to\s+(?:pay|send)\s+)?(?:{_AMT}|money)|\b(?:unless|if) i (?:don'?t |dont |do not )?"
        r"(?:pay|send (?:him|her|them) (?:money|\$))",
        0.45,
        "You describe someone demanding money from you. Do not pay: paying rarely ends it.",
        keys="he she they someone unless if he's she's they're",
        unless=_ORDINARY,
    ),
    # The person targeted retells a demand without an amount: "he wants a gift
    # card", "they want me to pay", "she's asking for steam cards". Only a
    # third person doing the wanting counts, so "i want a steam card" does
    # not; gifts and paying back stay ordinary.
    Rule(
        rf"\b(?:he|she|they|someone|this (?:guy|girl|person)|the (?:guy|girl|person))"
        rf"(?:'s| is| are|'re)?\s+(?:still\s+|now\s+|keeps?\s+)?(?:"
        # "he wants a gift card", "she's asking for money"
        rf"(?:wants?|asking|asked|asks|demanding|demands|demanded)\s+(?:{ME}\s+)?(?:for\s+)?"
        rf"{_RETOLD_THING}"
        # "they want me to pay", "he says i have to buy him steam cards"
        rf"|(?:wants?|asking|asked|asks|demanding|demands|demanded|telling|told|says|said)\s+"
        rf"(?:{ME}\s+to|i (?:have to|need to|must|should|gotta))\s+"
        rf"(?:pay(?:\s+(?:him|her|them|up))?\s*(?:$|[.,!?]|(?:or|now|before|by|else)\b)"
        rf"|(?:pay|send|buy|get)\s+(?:(?:him|her|them)\s+)?(?:for\s+)?{_RETOLD_THING}))",
        0.45,
        "You describe someone demanding money from you. Do not pay: paying rarely ends it.",
        keys="he she they someone guy girl person he's she's they're",
        unless=rf"{_ORDINARY}|\b(?:birthday|bday|christmas|xmas|present|holiday)\b",
    ),
    Rule(
        rf"\b(?:mandame|enviame|pagame|pagar|paga|deposita|depositame|transfiere|transfiereme"
        rf"|quiero|me manda|manda|me envia|envia|me paga|deposita|transfere|faz um pix|quero)\s+"
        rf"(?:\w+\s+){{0,2}}?(?:{_AMT}|dinero|plata|lana|dinheiro|grana|pix)",
        0.3,
        "They are asking you for money.",
        langs=("es", "pt"),
        unless=r"\b(?:devuelve|devolver|debes|presta|emprestado|devolve|deve)\b",
        boost=r"\bo (?:si no|todos|tu familia)|\bsenao\b"
        r"|\bou (?:todos|eu|sua)|bitcoin|tarjeta|cartao",
        boost_by=0.2,
    ),
)


class PaymentDemandDetector(PatternDetector):
    """Finds demands for money; ordinary money talk (paying back, rent) stays quiet."""

    name = "payment_demand"
    version = "1"
    tactic = Tactic.PAYMENT_DEMAND
    rules = RULES + _multilingual.PAYMENT_DEMAND + _kinds_payment.PAYMENT_DEMAND
    triggers = words(
        "$ bitcoin bitcoins btc bucks card cards cash cashapp code codes crypto deposita "
        "depositame dinero "
        "dinheiro dollars enviame eur euros gbp gift giftcard grana lana mandame money paga "
        "pagame pagar pay paying payment paypal pesos pix plata pounds quero quiero ransom "
        "reais transfere transfiere transfiereme usd venmo zelle £ € ₹"
    )

    def extra_detail(
        self, message: MessageView, match: re.Match[str], rule: Rule
    ) -> tuple[tuple[str, DetailValue], ...]:
        """The amount, currency and channel of the demand."""
        amounts = find_amounts(message.folded)
        near = [a for a in amounts if a.start >= match.start() - 40] or amounts
        amount = near[0] if near else None
        return (
            ("amount", amount.value if amount else None),
            ("currency", amount.currency if amount else None),
            ("channel", payment_channel(message.folded)),
        )
