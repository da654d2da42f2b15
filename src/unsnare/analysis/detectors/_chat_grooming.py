"""Grooming in the loose register of chat: the kinds of step (secrecy, cover
stories, checking who is home, planning a meeting, gifts, moving apps) said
in the words young people and the adults writing to them actually use.

Most of these sentences can be ordinary between adults or friends ("who's
home?", "where do you live now?"), so the broad ones score low: alone they
say "a weak sign", and the learned layer's overall reading (see
`unsnare.analysis.engine.combine_layers`) or a youth cue in the same message
lifts them. Only the steps that have no everyday reading (a cover story for
the parents, a contact saved under a false name, a chat set to vanish) score
medium on their own.
"""

from __future__ import annotations

from unsnare.analysis.base import Rule
from unsnare.analysis.detectors._vocab import STRONG_YOUTH, YOU, YOUR, YOUTH
from unsnare.analysis.report import DetailValue
from unsnare.analysis.tactics import GroomingKind

K = GroomingKind

# The sentences are the grooming detector's own (already translated).
_SECRET = "They want what happens between you kept secret. That protects them, not you."
_ASK_SECRET = "They ask you to keep this secret. Secrets with an adult online are a warning sign."
_PARENTS = "They ask whether your parents are around or what they allow. That is a grooming sign."
_AWAY = "They want you away from the adults who protect you. That is a grooming sign."
_MEET = "They want to meet you in person. Meeting someone from online alone can be dangerous."
_GIFTS = (
    "They offer you gifts or things you cannot get yourself. Gifts are how groomers make"
    " someone feel they owe them."
)
_APP = "They want to move you to a private app or phone, where it is harder to report them."
_FLATTER = "They flatter you a lot. Flattery is how groomers build trust fast."

_PARENT_WORDS = (
    r"(?:mom|mum|mommy|mother|momma|dad|daddy|father|parents?|folks|step ?(?:mom|dad)"
    r"|stepmom|stepdad|family|sister|brother|bro|sis|grandma|grandpa|aunt|uncle)"
)
_GUARDIANS = rf"(?:{YOUR} {_PARENT_WORDS}|them|they|ur ppl|your people)"
_CHAT = r"(?:chats?|convos?|conversations?|texts?|txts?|msgs?|messages|dms?)"
_APPS = (
    r"(?:snap|snapchat|insta|instagram|ig|kik|whatsapp|whats app|telegram|discord|skype|wickr"
    r"|signal|viber|wechat|session|threema|line)"
)


def kind_detail(kind: GroomingKind) -> tuple[tuple[str, DetailValue], ...]:
    """A grooming rule's `detail`: the kind of grooming it reads."""
    return (("kind", str(kind)),)


_k = kind_detail


CHAT_RULES = (
    # A cover story for the parents: "tell ur mom ur at a friend's", "say ur
    # going to the library". Between adults nobody scripts what to tell a parent.
    Rule(
        rf"\b(?:tell|telling|say|saying|said)\s+(?:to\s+)?(?:{_GUARDIANS}\s+)?(?:that\s+)?"
        rf"(?:{YOU}(?:'re| are| r|re)?|ur|youre|u r)\s+(?:\w+\s+)?(?:going|goin|at|staying|sleeping"
        r"|sleepin|spending the night|stayin|with a friend|at a friend'?s?|over at|out with)\b",
        0.45,
        _AWAY,
        detail=_k(K.ISOLATION),
        requires=rf"\b{YOUR} (?:{_PARENT_WORDS})\b|\b(?:they|them|anyone|anybody|ppl|people)"
        r"\b|\b(?:library|friends?'?s?|practice|sleepover|movies?|mall|school)\b",
        unless=r"\bmy (?:mom|mum|dad|parents|boss)\b|\b(?:boss|manager|teacher|coach|work)\b",
        keys="tell telling say saying said",
        name="cover_story",
    ),
    # "If anyone asks, I'm a friend from gaming": a false account of who they are.
    Rule(
        r"\bif (?:any ?one|any1|anybody|some ?one|somebody|they|ur \w+|your \w+) (?:ever )?"
        r"(?:asks?|asked|wonders?)\b[^.?!]{0,40}\b(?:i'?m|im|i am|we|say|tell|just)\b"
        rf"|\b(?:save|put|store|list)\s+(?:me|my (?:number|contact|name))\s+(?:in\s+{YOUR}\s+"
        r"(?:phone|contacts|cell)\s+)?(?:as|under)\b",
        0.45,
        _SECRET,
        detail=_k(K.SECRECY),
        unless=r"\b(?:surprise|birthday|party|interview|reference|boss|landlord)\b",
        keys="ask asks asked wonder wonders save put store list",
        name="cover_identity",
    ),
    # Making the chat leave no trace: vanishing messages, wiping the convo,
    # hiding the app, no screenshots.
    Rule(
        r"\b(?:vanish mode|disappearing (?:messages|msgs|chats?|mode)|secret chats?)\b"
        rf"|\b(?:wipe|clear|delete|erase)\s+(?:\w+\s+)?(?:convo|convos|dms?|{_CHAT})\b"
        rf"|\b(?:hide|hidden)\s+(?:\w+\s+){{0,2}}?(?:app|chat|{_CHAT}|folder)\b"
        r"|\b(?:promise|swear)\s+(?:\w+\s+)?(?:wont|won'?t|will not|not to|never)\s+"
        r"(?:screenshot|screen ?shot|ss|save|show|tell)\b"
        rf"|\b(?:don'?t|dont|never|do not)\s+(?:show|let)\s+(?:any ?one|anybody|nobody|people"
        rf"|{YOUR} (?:friends|{_PARENT_WORDS}))\s+(?:see\s+)?(?:what|my|our|this)\b",
        0.45,
        _SECRET,
        detail=_k(K.SECRECY),
        unless=r"\b(?:surprise|birthday|spoiler|password|bank|work|boss)\b",
        keys="vanish disappearing secret wipe clear delete erase hide hidden promise swear "
        "show let",
        name="no_trace",
    ),
    # "This stays between u n me", "just for us": a bond kept from everyone.
    Rule(
        rf"\bbetween {YOU} (?:n|and|&|an) (?:me|i)\b|\bbetween (?:me|us two) (?:n|and|&|an) "
        rf"{YOU}\b|\b(?:just|only) (?:for|between) (?:us|us two|the two of us)\b"
        rf"|\b(?:nobody|no ?one|no1) (?:else )?(?:needs|has|have|gets|gotta) (?:to )?know\b",
        0.3,
        _ASK_SECRET,
        detail=_k(K.SECRECY),
        unless=r"\b(?:surprise|birthday|party|spoiler|gift|present|crush)\b",
        boost=rf"{YOUTH.pattern}|\bpromise\b|\bour (?:thing|secret)\b",
        boost_by=0.15,
        keys="between just only nobody no noone no1",
        name="just_us",
    ),
    # Who is at home with the person, and whether anyone can hear or see.
    Rule(
        rf"\bwho(?:'?s| is| else is| else'?s)\s+(?:home|there|in the house|around)\s+"
        rf"(?:with|w|w/)\s+{YOU}\b|\b(?:any ?one|any1|anybody|someone|somebody) (?:else )?"
        rf"(?:home|up|around|there|awake|in the (?:house|room))\s+(?:with {YOU}|at {YOUR} "
        rf"(?:place|house|home))\b|\b(?:can|could|would)\s+(?:any ?one|anybody|they|{_GUARDIANS})"
        rf"\s+(?:hear|see|walk in on)\s+{YOU}\b|\b(?:is|r|are)\s+{YOU}r? (?:by {YOUR} ?self|alone)"
        rf"\s+(?:rn|right now|now|tonight|today)\b",
        0.3,
        _PARENTS,
        detail=_k(K.ISOLATION),
        unless=r"\bmy (?:mom|mum|dad|parents|key|keys)\b|\bkeys?\b",
        boost=STRONG_YOUTH,
        boost_by=0.15,
        keys="who who's whos any anyone any1 anybody some someone somebody hear see walk alone "
        "yourself urself yrself self",
        name="who_is_home",
    ),
    # The person's own room, its door, who comes in at night.
    Rule(
        rf"\b{YOUR} (?:own )?(?:bed ?room|room)\s+(?:\w+\s+)?(?:door|lock|upstairs|far)\b"
        rf"|\b(?:have|got)\s+{YOUR}\s+own\s+(?:bed ?room|room)\b"
        rf"|\block\s+{YOUR}\s+(?:bed ?room\s+|room\s+)?door\b"
        rf"|\bcomes? (?:in|into) {YOUR} (?:bed ?)?room\b",
        0.35,
        _AWAY,
        detail=_k(K.ISOLATION),
        boost=STRONG_YOUTH,
        boost_by=0.15,
        keys="room bedroom lock comes come",
        name="own_room",
    ),
    # Whether the parents are strict, check the phone, would let them go out.
    Rule(
        rf"\b(?:r|are|is)\s+{YOUR}\s+{_PARENT_WORDS}\s+(?:\w+\s+)?strict\b"
        rf"|\bhow strict\s+(?:r|are|is)\s+{YOUR}\s+{_PARENT_WORDS}\b"
        rf"|\b(?:do|does|can|will|would|did)\s+(?:{YOUR}\s+{_PARENT_WORDS}|they|anyone"
        rf"|any ?one|anybody)\s+(?:\w+\s+)?(?:check|read|see|look (?:at|through)|go through"
        rf"|snoop)\s+(?:\w+\s+)?(?:{YOUR}\s+)?(?:phone|cell|texts?|{_CHAT}|snap|dms|messages"
        r"|history|laptop)\b"
        rf"|\b(?:r|are|am)\s+{YOU}\s+allowed\s+(?:to\s+)?(?:have\s+a\s+(?:bf|boyfriend|gf"
        r"|girlfriend)|date|go out|out|to date)\b",
        0.35,
        _PARENTS,
        detail=_k(K.ISOLATION),
        unless=r"\bmy (?:mom|mum|dad|parents)\b|\b(?:password reset|bank|account)\b",
        boost=rf"{STRONG_YOUTH}|\bsomeone (?:my age|older)\b|\bolder\b",
        boost_by=0.15,
        keys="strict check read see look through snoop allowed",
        name="strict_parents",
    ),
    # Getting the person out of the house, or slipping away for a while.
    Rule(
        rf"\b(?:can|could|would|will)\s+{YOU}\s+(?:\w+\s+)?(?:get|slip|sneak|get away)\s+"
        r"(?:out of (?:the |ur |your )?(?:house|home|place)|away)\b"
        r"|\bget out of (?:the|ur|your) (?:house|home) (?:without|for)\b"
        rf"|\bwithout (?:any ?one|anybody|them|{_GUARDIANS}) (?:noticing|knowing|finding out)\b",
        0.4,
        _AWAY,
        detail=_k(K.ISOLATION),
        unless=r"\b(?:work|boss|meeting|shift|dog|kids)\b",
        boost=STRONG_YOUTH,
        boost_by=0.15,
        keys="get slip sneak away without",
        name="get_out",
    ),
    # Where the person lives and how to get there, from someone planning to come.
    Rule(
        rf"\b(?:what|which|wat)\s+(?:street|road|part of town|neighbou?rhood|area|city|town)\s+"
        rf"(?:do\s+|does\s+)?{YOU}\s+(?:live|stay)\b|\bwhere (?:do|does|abouts do) {YOU} live\b"
        rf"|\bhow far (?:r|are|is) {YOU} from\b|\bhow far (?:is|r|are) {YOUR} (?:house|place|town)"
        rf"|\b(?:get|drive|come)\s+to\s+{YOUR}\s+(?:town|city|area|street)\b"
        rf"|\bnear(?:est)?\s+(?:to\s+)?{YOUR}\s+(?:house|place|home|school)\b",
        0.25,
        _MEET,
        detail=_k(K.MEETING),
        unless=r"\b(?:package|delivery|deliver|order|parcel|mail|pizza|uber|taxi|cab)\b",
        boost=rf"{STRONG_YOUTH}|\balone\b|\bsneak\b|\bno ?one\b|\bschool\b",
        boost_by=0.15,
        keys="live stay far get drive come near nearest",
        name="where_you_live",
    ),
    # Planning to see the person: "when i see u", "we should hang out irl",
    # waiting in a car, coming to get them.
    Rule(
        rf"\b(?:when|once|if|after)\s+i\s+(?:finally\s+)?(?:see|meet|get)\s+{YOU}\b"
        rf"|\b(?:see|meet|hang out with|hang with)\s+{YOU}\s+(?:irl|in real life|in person"
        r"|for real)\b|\b(?:hang out|meet up|chill)\s+(?:\w+\s+)?(?:irl|in real life|in person)\b"
        rf"|\bi(?:'ll| will|ll| can| could|'m gonna| am gonna| gonna)?\s+(?:come|drive|be there)\s+"
        rf"(?:\w+\s+)?(?:get|pick up|see)\s+{YOU}\b|\b(?:i'?ll|ill|i will) (?:wait|park|be)\s+"
        r"(?:\w+\s+){0,2}?(?:in|at|by|around|behind|down)\s+(?:the|a|ur|your)\s+(?:corner|lot"
        r"|parking lot|end of|back|block|car|truck)\b|\bhop in\b|\bpull up\b",
        0.25,
        _MEET,
        detail=_k(K.MEETING),
        unless=r"\b(?:office|work|meeting|class|practice|game|appointment|zoom|airport"
        r"|flight|uber|taxi|delivery)\b|\bmy (?:mom|mum|dad|sister|brother|wife|husband|kids?)\b",
        boost=rf"{STRONG_YOUTH}|\balone\b|\bsneak\b|\bno ?one\b|\bjust (?:us|u and me)\b",
        boost_by=0.15,
        keys="see meet get hang chill irl person real pick corner lot parking end back block "
        "car truck hop pull",
        name="meeting_plan",
    ),
    # Gifts for games and money sent to the young person.
    Rule(
        rf"\b(?:i|ill|i'll|i can|i could|lemme|let me|want me to)\s+(?:\w+\s+){{0,2}}?(?:buy|get"
        rf"|send|put|give|gift|venmo|cashapp|pay for|load)\s+(?:{YOU}\s+)?(?:\w+\s+){{0,3}}?"
        r"(?:robux|v ?bucks|vbux|steam|battle ?pass|skins?|gift ?cards?|itunes|google play"
        r"|nintendo|psn|xbox live|discord nitro|nitro|credits?|top ?up|recharge)\b"
        r"|\b(?:i'?ll|ill|i will|i can|let me)\s+(?:\w+\s+)?(?:venmo|cashapp|cash app|paypal"
        rf"|zelle)\s+{YOU}\b[^.?!]{{0,30}}\b(?:clothes|nails|phone|bus|uber|come|if)\b",
        0.35,
        _GIFTS,
        detail=_k(K.FLATTERY),
        unless=r"\b(?:birthday|christmas|xmas|back|owe|rent|refund|split|bill)\b",
        boost=rf"{YOUTH.pattern}|\bsecret\b|\bbetween us\b|\bdon'?t tell\b|\bkeep talking\b",
        boost_by=0.15,
        keys="robux vbucks bucks vbux steam battle battlepass skin skins gift giftcard "
        "giftcards itunes google nintendo psn xbox nitro credit credits top topup recharge venmo "
        "cashapp cash paypal zelle",
        name="game_gifts",
    ),
    # Moving the chat somewhere private, said loosely.
    Rule(
        rf"\b(?:download|get|install|use|go on|hop on|come on)\s+{_APPS}\s+(?:and|&|n|so)\b"
        rf"|\b(?:lets|let'?s|we (?:should|can))\s+(?:go|move|talk|chat)\s+(?:\w+\s+)?(?:private"
        r"|privately|somewhere else|elsewhere)\b"
        rf"|\b(?:text|message|dm) me (?:instead|privately|there)\b",
        0.3,
        _APP,
        detail=_k(K.PLATFORM_SWITCH),
        unless=r"\b(?:team|group|class|club|raid|lobby|work)\b",
        boost=YOUTH.pattern,
        boost_by=0.2,
        keys="snap snapchat insta instagram ig kik whatsapp whats telegram discord skype wickr "
        "signal viber wechat session threema line private privately somewhere elsewhere instead "
        "there",
        name="private_app",
    ),
    # Lavish attachment to someone just met: "ur the only one who gets me",
    # "i think im falling for u". Weak alone (couples say it).
    Rule(
        rf"\b(?:i think )?i'?m (?:falling|fallin) for {YOU}\b|\b(?:ur|you'?re|youre|u r) the only"
        rf" one (?:who|that) (?:gets|understands|listens to) me\b|\bi(?:'m| am|m) the only one"
        rf" (?:who|that) (?:listens to|gets|cares about) {YOU}\b|\b{YOUR} (?:{_PARENT_WORDS}"
        rf"|friends) (?:just )?(?:don'?t|dont|never|doesn'?t|doesnt) (?:get|understand"
        rf"|appreciate) {YOU}\b|\bnot like other (?:adults|grown ?ups|guys my age)\b",
        0.3,
        _FLATTER,
        detail=_k(K.FLATTERY),
        boost=YOUTH.pattern,
        boost_by=0.2,
        keys="falling fallin only get understand appreciate other",
        name="lavish_attachment",
    ),
    # The law on age, named by the adult: "dating a minor", "giving beer to a
    # minor", "statutory". Someone who brings it up knows the other is a child.
    Rule(
        r"\b(?:with|dating|date|seeing|sleeping with|touching)\s+an?\s+minor\b"
        r"|\b(?:give|giving|gave|buy|buying|sell|selling)\s+(?:\w+\s+){1,2}?to\s+an?\s+minor\b"
        r"|\bstatutory\b",
        0.45,
        "They talk about your age or the age gap. An adult doing this with a young person"
        " is grooming.",
        detail=_k(K.AGE_PROBING),
        unless=r"\bminor (?:league|key|chord|issue|problem|injury|detail|change|edit|fix|thing)"
        r"|\b(?:unsubscribe|click|website|site|verify|adults? only|18\+)"
        # A long text (a fake police email accusing the reader) is not a chat line.
        r"|^[\s\S]{300}",
        keys="minor statutory",
        name="age_law",
    ),
    # A first meeting hoped for: "if we ever get to meet", "wish we could meet".
    Rule(
        r"\bget to (?:finally )?(?:meet|see each other)\b(?!\s+(?:your|ur|the|my|his|her)\b)"
        rf"|\b(?:wish|hope|hoping)\s+(?:we|i)\s+(?:could|can|would|will|get to)\s+(?:\w+\s+)?"
        rf"(?:meet|see each other|see {YOU}|be with {YOU})\b"
        r"|\bwe(?:'ll| will| would| could|'d)? (?:\w+ )?(?:ever|finally|someday|one day) "
        r"(?:\w+ )?(?:meet|get together|hook up)\b",
        0.3,
        _MEET,
        detail=_k(K.MEETING),
        unless=r"\b(?:office|work|meeting|class|practice|game|zoom|team|client|family)\b",
        boost=rf"{STRONG_YOUTH}|\balone\b|\bsneak\b|\bno ?one\b|\bsecret\b",
        boost_by=0.15,
        keys="get wish hope hoping ever finally someday day",
        name="hoped_meeting",
    ),
    # Spanish and Portuguese: cover stories, hiding the chat, who is home.
    Rule(
        r"\b(?:di|dile a tus (?:papas|padres)|dices|fala|fale|diz|diga) que (?:vas|estas|vai"
        r"|esta|ta) (?:a |na |en |em )?(?:casa de|dormir|dormindo|durmiendo)\b"
        r"|\b(?:borra|borrar|apaga|apagar) (?:el |la |os |as |o |a )?(?:chat|conversa|conversacion"
        r"|mensajes|mensagens)\b"
        r"|\bsi alguien pregunta\b|\bse alguem perguntar\b"
        r"|\b(?:quien|quem) (?:esta|ta) (?:en|na) (?:tu|sua) casa\b"
        r"|\b(?:estas|esta|ta) (?:solita|sola|sozinha|sozinho|solo) en casa\b"
        r"|\b(?:estas|esta|ta) (?:solita|sola|sozinha|sozinho) em casa\b",
        0.4,
        _SECRET,
        langs=("es", "pt"),
        detail=_k(K.SECRECY),
        keys="di dile dices fala fale diz diga borra borrar apaga apagar alguien alguem quien "
        "quem solita sola solo sozinha sozinho",
        name="es_pt_hiding",
    ),
)
