"""Threats to send, post or show someone's images or secrets to other people."""

from __future__ import annotations

import re

from unsnare.analysis.base import PatternDetector, Rule
from unsnare.analysis.detectors import _kinds_threat, _multilingual
from unsnare.analysis.detectors._vocab import I_WILL, PIC, YOUR
from unsnare.analysis.report import DetailValue
from unsnare.analysis.tactics import Audience, Tactic
from unsnare.analysis.text import words
from unsnare.analysis.view import MessageView

_AUD_WORDS = (
    r"(?:everyone|everybody|all (?:of )?(?:your|ur) \w+|the (?:whole )?(?:world|internet)|online"
    r"|internet|family|mom|mum|dad|parents|relatives|friends|contacts|followers|school|classmates"
    r"|teachers?|principal|boss|employer|coworkers|colleagues|work|job|instagram|insta|ig|tiktok"
    r"|facebook|snap ?story|social media|porn sites?|websites?|todos|todo el mundo|tu familia"
    r"|tus amigos|tus seguidores|escuela|colegio|todo mundo|sua familia|seus amigos"
    r"|seus seguidores|escola|trabalho)"
)
_OBJ = (
    rf"(?:it|them|this|these|those|that|everything|the (?:\w+ )?{PIC}|(?:all )?{YOUR}"
    rf" (?:\w+ )?{PIC}|{YOUR} (?:\w+ )?(?:nudes|video|vid|chat|messages|secrets?)"
    rf"|(?:the )?screenshots?)"
)
_YOURS = rf"(?:all )?{YOUR} (?:\w+ )?(?:{PIC}|nudes|video|vid|chats?|messages|secrets?)"
_EXPOSE = (
    r"(?:post|leak|expose|release|upload|publish|spread|share|make (?:it|this|them|you) viral)"
)
# "pay or I post it": a present-tense threat after "or".
_COND_I = r"(?:(?:or|otherwise|else|then)\s+i)"
_SEND = r"(?:send|show|share|forward|give|dm|tag|mail|email|text)"

_PRESSURE = (
    r"\b(?:or|unless|if (?:you|u)|everyone|everybody|family|friends|followers|school"
    r"|online|internet|pay|money|nudes|naked|ruin|send me)\b|[$€£]"
)

# What makes "send it to everyone" a threat rather than a chain message: the
# pictures, money, a condition, harm.
_PRESSURE_HELD = (
    r"\b(?:or|unless|if (?:you|u) (?:don'?t|dont|do not|won'?t|wont)|pay|money|nudes?|naked"
    rf"|{PIC}|videos?|vids?|chats?|messages|screenshots?|secrets?|ruin|leak|expose|i will|i'll"
    r"|ill|im gonna|i'm gonna|i am going to|i'm going to|im going to|before|data|compromising"
    r"|evidence|proof|recordings?)\b|\b(?:i|we)(?:\s+(?:can|could|will|would|shall|am|are)|'ll"
    r"|'m|'re)\b|\b(?:i|we)\s+(?:\w+\s+)?(?:send|post|share|forward|show|leak|dm|text|mail"
    r"|email|tag)\b|[$€£]"
)

# A person retelling what someone else threatened ("he said he'll post my pics").
_RETOLD_BY = (
    r"\b(?:he|she|they|someone|this (?:guy|girl|person|account))(?:'s| is| are|'re|'ll|'d"
    r"| will| would)?\s+"
)
_RETOLD_KEYS = (
    "he she they someone guy girl person account he'll she'll they'll he's she's "
    "they're he'd she'd"
)
_RETOLD_EXPLANATION = (
    "You describe someone threatening to share your pictures. That is sextortion, and it "
    "is not your fault."
)

# "Your parents will get the video", "everyone on your list sees the pics",
# "wouldn't it be a shame if your mom saw these": the pictures as the subject,
# or the people who will see them, with no "I will send".
_WHO = (
    rf"(?:everyone|everybody|all (?:of )?{YOUR} \w+|{YOUR} (?:\w+ )?(?:family|mom|mum|dad"
    rf"|parents|friends|followers|classmates|school|teachers|boss|coworkers|colleagues|contacts"
    rf"|grandparents|relatives|girlfriend|boyfriend|wife|husband))"
)
_THEIR = rf"(?:the|these|those|this|that|{YOUR}|ur|all (?:the|{YOUR}))"
_MEDIA = r"(?:pics?|pix|pictures?|photos?|nudes?|videos?|vids?|screenshots?|recordings?|chats?)"

# A picture the person chose to show: a new profile picture, a post, a haircut.
_SHOWN_ON_PURPOSE = (
    r"\b(?:profile (?:pic|picture|photo)\w*|(?:new|latest) (?:pic|picture|photo|post|selfie"
    r"|haircut|hair|look|outfit|story)\w*|foto (?:de|do) perfil|(?:nueva|nova|ultima) (?:foto"
    r"|publicacion|publicacao|postagem)|(?:nuevo|novo) (?:post|corte|look))\b"
)
# Pictures from a wedding or a trip, offered back: "I have your photos from the
# wedding, want me to send them?". Not when money or posting them is named.
_FROM_AN_EVENT = (
    r"^(?![\s\S]*\b(?:pay|paid|money|cash|bitcoin|post|leak|expose|everyone|unless|or else"
    r"|nudes?|naked)\b)[\s\S]*\b(?:wedding|trip|holiday|vacation|party|birthday|graduation|prom"
    r"|concert|match|game|christening|baptism|reunion|camp|ceremony)\b"
)

RULES = (
    # "I'll tell everyone at your school what you said": exposing the chat itself.
    Rule(
        rf"\b{I_WILL}\s+(?:\w+\s+)?(?:tell|show|inform|let|send)\s+(?:\w+\s+){{0,2}}?"
        rf"(?:everyone|everybody|every1|all|{YOUR}\s+(?:\w+\s+)?(?:school|class|classmates"
        rf"|teachers?|mom|mum|dad|parents|family|friends|followers|boss))\b[^.?!]{{0,40}}?\b(?:what"
        rf"|about|how)\s+(?:you|u|we|ya)\b",
        0.65,
        "They threaten to tell people you know what you said or did. That is blackmail, and it "
        "is not your fault.",
        keys="tell show inform let send",
    ),
    Rule(
        rf"\b{_WHO}\s+(?:\w+\s+){{0,4}}?(?:will|gonna|'ll|is going to|are going to|r gonna"
        rf"|is gonna|are gonna|would)?\s*(?:get|gets|see|sees|receive|receives|have|watch"
        rf"|watches|look at|find)\s+{_THEIR}\s+(?:\w+\s+)?{_MEDIA}"
        rf"|\b(?:shame|pity|sad|terrible|awful|embarrassing|bad)\s+if\s+{_WHO}\s+(?:\w+\s+)?"
        rf"(?:saw|see|sees|found|find|got|get|watched|received)\b",
        0.7,
        "They say people you know will see your pictures. That is a threat to expose you.",
        keys="get gets see sees receive receives have watch watches look find shame pity sad "
        "terrible awful embarrassing bad",
        unless=r"\b(?:trip|vacation|holiday|party|wedding|graduation|game|match|birthday"
        r"|concert|baby|puppy|dog|cat|play|recital|show|performance|musical|assembly"
        r"|ceremony)\b",
    ),
    Rule(
        rf"\b(?:{I_WILL}|{_COND_I})\s+(?:\w+\s+){{0,2}}?{_EXPOSE}\w*\s+{_YOURS}",
        0.7,
        "They say they will post or leak your pictures or chats. That is blackmail.",
        keys="post posting leak leaking expose release upload publish spread share sharing viral",
    ),
    # "I'll post it" / "I'll post the pics": a threat only with pressure around it
    # (not "I'll post the pics from the trip tonight").
    Rule(
        rf"\b(?:{I_WILL}|{_COND_I})\s+(?:\w+\s+){{0,2}}?{_EXPOSE}\w*\s+{_OBJ}",
        0.7,
        "They say they will post or leak your pictures or chats. That is blackmail.",
        keys="post posting leak leaking expose release upload publish spread share sharing viral",
        requires=_PRESSURE,
    ),
    Rule(
        rf"\b(?:(?:{I_WILL}|{_COND_I})\s+)?(?:\w+\s+)?{_SEND}\w*\s+(?:\w+\s+){{0,2}}?{_OBJ}\s+(?:\w+\s+){{0,2}}?"
        rf"(?:to|with|on)\s+(?:\w+\s+){{0,3}}?{_AUD_WORDS}",
        0.75,
        "They say they will send your pictures or chats to people you know. That is blackmail.",
        # A chain message ("send this to all your friends, but first reply to me")
        # asks the reader to send; it threatens nothing.
        requires=_PRESSURE_HELD,
    ),
    Rule(
        rf"\b(?:everyone|everybody|all (?:of )?{YOUR} \w+|{YOUR} (?:\w+ )?(?:family|mom|mum|dad"
        rf"|parents|friends|followers|classmates|school|teachers|boss|coworkers|contacts))\s+"
        rf"(?:\w+\s+)?(?:will|gonna|is going to|are going to|would|'ll|is gonna|are gonna)?\s*"
        rf"(?:see|sees|get|gets|receive|watch|know about)\s+(?:it|them|this|these"
        rf"|everything|{YOUR}\s+\w+)",
        0.7,
        "They say other people will see your pictures. That is a threat to expose you.",
        keys="see sees get gets receive watch know",
        # "Your friends will see your new profile picture": a picture the person
        # chose to show, not one held against them.
        unless=_SHOWN_ON_PURPOSE,
    ),
    # The pictures as the subject: "ur pics r going on ur school's page", "your
    # nudes go to everyone", "the video will be posted". Nobody says "I will".
    Rule(
        rf"\b(?:(?:all\s+)?{YOUR}|(?:all\s+)?(?:the|those|these)|my)\s+(?:\w+\s+)?"
        rf"(?:{_MEDIA}|nudes|secrets?)\s+(?:\w+\s+)?(?:are|r|is|will|'ll|gonna|going to|'re|re)?"
        r"\s*(?:be\s+|get\s+|gets\s+|getting\s+)?(?:going|goin|gonna go|go|goes|get|gets|be|been"
        r"|posted|sent|leaked|shared|uploaded|published|forwarded|spread|everywhere|viral|public)"
        r"\b\s*(?:\w+\s+){0,2}?(?:on|to|out|up|online|viral|public|everywhere|with)\b"
        r"(?:\s+(?:\w+\s+){0,2}?(?:page|story|feed|group|chat|everyone|everybody|all|school"
        r"|family|friends|followers|contacts|internet|web|insta|instagram|snap|tiktok|facebook"
        r"|twitter|x|reddit|discord|porn|sites?|list|class|mom|dad|parents|work))?",
        0.7,
        "They say your pictures will go out to other people. That is a threat to expose you.",
        keys="going goin gonna go goes get gets be been posted sent leaked shared uploaded "
        "published forwarded spread everywhere viral public",
        requires=_PRESSURE + r"|\b(?:schools|class|classmates|contacts|story|followers)\b",
        unless=r"\b(?:trip|vacation|holiday|party|wedding|graduation|game|match|birthday"
        r"|concert|baby|puppy|dog|cat|album|yearbook|printed|framed|frame)\b",
    ),
    # The consequence of a demand, with the thing held as "it": "500 or it goes on
    # your instagram", "pay or they get sent to ur family". The audience is named.
    Rule(
        r"\bor\s+(?:else\s+)?(?:it|they|this|these|that|everything|all of it|all of them)\s+"
        r"(?:goes|go|gets|get|will go|will get|will be|is going|are going|gonna go|gonna get"
        r"|'s going|'re going)\s+(?:\w+\s+){0,2}?(?:on|to|out to|up on|round|around)\s+"
        rf"(?:all\s+(?:of\s+)?)?{YOUR}\s+(?:\w+\s+)?(?:page|story|feed|insta|instagram|snap"
        r"|snapchat|tiktok|facebook|fb|twitter|family|friends|followers|school|contacts|parents"
        r"|mom|mum|dad|class|classmates|teachers|boss|work|group chats?)\b",
        0.7,
        "They say your pictures will go out to other people. That is a threat to expose you.",
        keys="goes go gets get will going gonna",
    ),
    # After a block: "blocking me won't help", "unblock me or else". Only someone
    # who still holds something over the person says it.
    Rule(
        r"\bblock(?:ing|ed)?\s+me\s+(?:\w+\s+)?(?:won'?t|wont|will not|doesn'?t|does not|dont"
        r"|don'?t|aint|ain'?t|isn'?t|is not|not gonna|never)\s+(?:gonna\s+|going to\s+)?(?:help"
        r"|work|save|stop|change|fix)"
        r"|\b(?:thought|think|thinking)\s+(?:that\s+)?block(?:ing)?\s+me\s+(?:would|will|was"
        r"|is|gonna|could)"
        r"|\bunblock\s+me\s+(?:\w+\s+)?(?:or|now|before|right now|else|if)\b",
        0.6,
        "They remind you they still have something after you blocked them. Blocking was "
        "right; this is a threat, and it is not your fault.",
        keys="block blocking blocked unblock",
    ),
    # Menace that names no picture: "you know what happens next", with pressure
    # (money, pictures, everyone) in the same message.
    Rule(
        r"\b(?:you|u|ya)\s+(?:know|kno|knw)\s+what\s+(?:happens|will happen|is gonna happen"
        r"|is going to happen|comes next|i(?:'ll| will) do|im gonna do|i'm gonna do|happens next)",
        0.55,
        "They hint at what they will do if you don't obey. That is a threat.",
        keys="know kno knw",
        requires=_PRESSURE,
    ),
    Rule(
        rf"\b(?:ruin|destroy|end)\s+{YOUR}\s+(?:whole\s+)?(?:life|reputation|future|career)",
        0.7,
        "They threaten to ruin your life. That is blackmail, and it is not your fault.",
        detail=(("audience", "everyone"),),
        keys="ruin destroy end",
    ),
    Rule(
        rf"\bi\s+(?:have|got|saved|recorded|screenshotted|screen ?recorded|captured|kept)\s+"
        rf"(?:all\s+)?(?:of\s+)?{YOUR}\s+(?:\w+\s+)?(?:nudes|naked \w+|video|vids|dick pics?|pics"
        rf"|photos|chats|messages)",
        0.55,
        "They say they kept your pictures or chats, which is how blackmail usually starts.",
        keys="have got saved recorded screenshotted screen captured kept",
        unless=_FROM_AN_EVENT,
    ),
    Rule(
        rf"\bi\s+(?:have|got|saved|made)\s+(?:a\s+)?(?:list\s+of\s+)?(?:all\s+)?{YOUR}\s+"
        r"(?:followers|friends|contacts|family)",
        0.55,
        "They say they have a list of your friends or family, to scare you into obeying.",
        keys="have got saved made list",
    ),
    Rule(
        _RETOLD_BY
        + r"(?:\w+\s+){0,4}?(?:post|leak|send|share|show|expose|release|upload|spread|e-?mail"
        r"|forward|dm|text)\w*\s+(?:\w+\s+){0,2}?(?:my|me|everything|it all)\b",
        0.6,
        _RETOLD_EXPLANATION,
        keys=_RETOLD_KEYS,
        requires=r"\b(?:unless|if i (?:don'?t|dont)|or else|pay|money|nudes|naked|private|video"
        r"|threat\w*|blackmail\w*)\b|[$€£]",
    ),
    # A person retelling the threat with its audience: "he says he'll send my pics to
    # everyone". "my pics" going to the people in their life is exposure, with or
    # without a demand in the same message ("the trip photos" stay calm).
    Rule(
        _RETOLD_BY
        + r"(?:\w+\s+){0,4}?"
        rf"(?:{_SEND}|{_EXPOSE})\w*\s+(?:all\s+)?(?:of\s+)?my\s+(?:\w+\s+)?{PIC}\s+"
        rf"(?:\w+\s+){{0,2}}?(?:to|with|on)\s+(?:\w+\s+){{0,3}}?{_AUD_WORDS}",
        0.6,
        _RETOLD_EXPLANATION,
        keys=_RETOLD_KEYS,
    ),
    Rule(
        r"\b(?:voy a|te voy a|vou|eu vou|irei)\s+(?:\w+\s+){0,2}?(?:publicar|enviar|mandar|"
        r"compartir|compartilhar|subir|difundir|filtrar|divulgar|vazar|postar|espalhar|mostrar)\w*",
        0.65,
        "They say they will send or post your pictures. That is blackmail.",
        langs=("es", "pt"),
        boost=r"fotos|videos?|nudes|familia|amigos|todos|todo",
        boost_by=0.1,
    ),
    Rule(
        r"\b(?:todos|todo el mundo|todo mundo|tu familia|tus amigos|sua familia|seus amigos)\s+"
        r"(?:\w+\s+)?(?:van a ver|veran|vera|vai ver|vao ver|verao|irao ver)",
        0.7,
        "They say other people will see your pictures. That is a threat to expose you.",
        langs=("es", "pt"),
        unless=_SHOWN_ON_PURPOSE + "|" + _multilingual._PUBLIC_EVENT,
    ),
    # "I'll ruin you", "I'll make you suffer": menace aimed at the person, not a game.
    Rule(
        rf"\b{I_WILL}\s+(?:\w+\s+)?(?:ruin|destroy|wreck|end)\s+(?:you|u|ya)\b"
        rf"|\b{I_WILL}\s+(?:\w+\s+)?make\s+(?:you|u|ya)\s+(?:suffer|regret (?:this|it|everything"
        r"|ever)|beg)\b",
        0.5,
        "They threaten to hurt or ruin you. That is blackmail pressure, and it is not your fault.",
        keys="ruin destroy wreck end make",
        unless=r"\b(?:game|match|fortnite|minecraft|roblox|chess|court|round|lol|lmao|haha|jk"
        r"|1v1|ranked|tomorrow at|in (?:the|a) (?:game|match))\b",
    ),
    # Spanish and Portuguese with the pronoun on the verb and an article:
    # "te voy a arruinar la vida", "voy a destrozarte la vida", "vou te fazer sofrer".
    Rule(
        r"\b(?:arruinar|destruir|destrozar|joder|arrasar|acabar con|acabar com)(?:te|le|lhe|les)?"
        r"\s+(?:la|tu|su|a|sua)\s+vida\b"
        r"|\b(?:te|le|lhe)\s+(?:voy a|vamos a|vou|vamos|iremos|irei)\s+(?:arruinar|destruir"
        r"|destrozar|acabar con|acabar com|joder)\s+(?:la|a)\s+vida\b"
        r"|\b(?:te|le)\s+(?:voy|vamos)\s+a\s+hacer\s+sufrir\b"
        r"|\b(?:voy|vamos)\s+a\s+hacerte\s+sufrir\b"
        r"|\b(?:vou|vamos|irei)\s+(?:te|lhe)\s+fazer\s+sofrer\b|\bte\s+(?:farei|faremos)\s+sofrer\b",
        0.6,
        "They threaten to ruin your life. That is blackmail, and it is not your fault.",
        langs=("es", "pt"),
        keys="arruinar arruinarte arruinarle arruinarles destruir destruirte destruirle destrozar "
        "destrozarte destrozarle joder joderte joderle arrasar arrasarte acabar hacer hacerte "
        "fazer farei faremos",
    ),
    Rule(
        r"\b(?:arruinar|destruir|acabar con|acabar com)\s+(?:a\s+)?(?:tu|sua)\s+vida",
        0.7,
        "They threaten to ruin your life. That is blackmail, and it is not your fault.",
        langs=("es", "pt"),
        detail=(("audience", "everyone"),),
        keys="arruinar destruir acabar",
    ),
)

_AUDIENCE = (
    (re.compile(r"\b(?:family|mom|mum|dad|parents|relatives|brother|sister|familia)\b"), "family"),
    (re.compile(r"\b(?:school|classmates|teachers?|principal|escuela|colegio|escola)\b"), "school"),
    (
        re.compile(r"\b(?:boss|employer|coworkers|colleagues|work|job|trabajo|trabalho)\b"),
        "employer",
    ),
    (
        re.compile(
            r"\b(?:followers|instagram|insta|ig|tiktok|facebook|snap ?story|social media"
            r"|seguidores)\b"
        ),
        "followers",
    ),
    (re.compile(r"\b(?:friends|contacts|amigos)\b"), "friends"),
    (
        re.compile(r"\b(?:everyone|everybody|world|internet|online|porn|websites?|todos|todo)\b"),
        "everyone",
    ),
)


def audience_in(folded: str, start: int = 0) -> Audience | None:
    """Which audience a threat names: the one mentioned first from `start` on
    (else the first anywhere in the message)."""
    best: tuple[int, str] | None = None
    fallback: tuple[int, str] | None = None
    for regex, name in _AUDIENCE:
        for m in regex.finditer(folded):
            here = (m.start(), name)
            if fallback is None or here < fallback:
                fallback = here
            if m.start() >= start and (best is None or here < best):
                best = here
            if m.start() >= start:
                break
    chosen = best or fallback
    return Audience(chosen[1]) if chosen else None


# "can you share the pics with everyone?": the writer asks the reader to send
# something; a threat is the writer saying they will send it. "With one click you
# can share this video" is an app telling the reader what they may do.
_SEND_VERB = re.compile(rf"\b{_SEND}")
# "he'll send the photos from the trip to everyone": "the photos" are nobody's
# in particular, so only a demand or a threat around them makes it blackmail.
_THE_PICS = re.compile(rf"\b{_SEND}\w*\s+(?:\w+\s+){{0,2}}?the (?:\w+ )?{PIC}\b")
_DEMAND = re.compile(
    r"\b(?:or|unless|if (?:you|u|i) (?:don'?t|dont|do not)|pay|money|nudes|naked|ruin)\b|[$€£]"
)
_ASKS_YOU = re.compile(
    r"(?:\b(?:can|could|would|will|pls|please|plz)\s+(?:you|u|ya)|\b(?:please|pls|plz)"
    r"|\b(?:you|u)\s+(?:can|could|may)(?:\s+(?:now|easily|also))?)"
    r"\s+(?:please\s+|pls\s+|just\s+)?$"
)


class ThreatToExposeDetector(PatternDetector):
    """Finds threats to share someone's images, with the audience threatened."""

    name = "threat_to_expose"
    version = "1"
    tactic = Tactic.THREAT_TO_EXPOSE
    rules = RULES + _multilingual.THREAT_TO_EXPOSE + _kinds_threat.THREAT_TO_EXPOSE
    triggers = words(
        "acabar amigos arruinar boss captured chats classmates colleagues contacts coworkers "
        "dad destroy destruir divulgar dm employer everybody everyone expose familia family "
        "filtrar followers friends internet irei leak list messages mom mum nudes online "
        "parents photos pics post postar posting publicar publish recorded release ruin "
        "saved school screenshot screenshots screenshotted seguidores send sending share "
        "sharing show spread tag teachers todos upload vazar video videos vids viral vou voy "
        "world"
    )

    def validate(
        self, message: MessageView, match: re.Match[str], rule: Rule, score: float
    ) -> float | None:
        """Drop a request to the reader to share ("can u send it to the group")."""
        verb = _SEND_VERB.search(match.group(0))
        if verb is None:
            return score
        at = match.start() + verb.start()
        if _ASKS_YOU.search(message.folded, max(0, at - 25), at):
            return None
        if _THE_PICS.search(match.group(0)) and not _DEMAND.search(message.folded):
            return None
        return score

    def extra_detail(
        self, message: MessageView, match: re.Match[str], rule: Rule
    ) -> tuple[tuple[str, DetailValue], ...]:
        """Name the audience the threat is aimed at."""
        if any(k == "audience" for k, _ in rule.detail):
            return ()
        aud = audience_in(message.folded, match.start())
        return (("audience", str(aud) if aud else None),)
