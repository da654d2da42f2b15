"""Requests for pictures or video of the person, especially sexual ones."""

from __future__ import annotations

import re

from unsnare.analysis.base import PatternDetector, Rule
from unsnare.analysis.detectors._vocab import PIC, SEXUAL_QUALIFIER, YOU, YOUR, YOUTH
from unsnare.analysis.tactics import Tactic
from unsnare.analysis.text import words
from unsnare.analysis.view import MessageView

_REQ = (
    r"(?:send|show|take|get|give|see|have|got|post|pose|share|snap|trade|swap|any|want|wanna"
    r"|wish|love|like|let me see|more|another)"
)
# Pictures as a chat asks for them, without "selfie" (friends trade those).
_ASKED_PIC = r"(?:pics?|pix|pic's|pictures?|photos?|fotos?|vids?|videos?|images?)"
_SEXY = (
    "They are asking for sexual pictures of you. "
    "Sending them is never your fault, but you can say no."
)
_PLAIN = "They are asking for pictures of you."

RULES = (
    Rule(
        rf"\b{_REQ}\b[^.?!\n]{{0,40}}?\b{PIC}\b[^?!\n]{{0,30}}?\b{SEXUAL_QUALIFIER}\b",
        0.55,
        _SEXY,
    ),
    Rule(
        rf"\b{_REQ}\b[^.?!\n]{{0,30}}?\b{SEXUAL_QUALIFIER}\b[^.?!\n]{{0,20}}?\b{PIC}\b",
        0.55,
        _SEXY,
    ),
    Rule(
        rf"\b(?:send|show)\s+(?:me\s+)?(?:{YOUR}\s+|some\s+|a\s+)?(?:nudes|naked|{SEXUAL_QUALIFIER}"
        r"\s+pics?)\b|\b(?:any|trade|swap)\s+(?:\w+\s+)?nudes\b|\b(?:got|have) any (?:\w+ )?nudes\b"
        r"|\b(?:send|show|let me see)\s+(?:me\s+)?"
        rf"(?:{YOUR}|those|them)\s+(?:\w+\s+){{0,2}}?"
        r"(?:boobs|tits|body|bod|dick|cock|ass|butt|panties|pussy)\b|\bpose\s+(?:for me|nude|naked"
        r"|in (?:your|ur))|\bone (?:of (?:u|you) )?in (?:your|ur) (?:bra|panties|pantys|underwear"
        r"|bikini|lingerie)",
        0.55,
        _SEXY,
        keys="send show pose one let nudes",
    ),
    Rule(
        r"\b(?:get|go|come|turn|hop|jump|be)\s+on\s+(?:the\s+|ur\s+|your\s+|my\s+)?(?:web ?)?cam\b"
        r"|\bturn on (?:the |ur |your |my )?(?:web ?)?cam\b|\bcam (?:for me|2 cam|to cam)\b"
        r"|\b(?:video ?call|facetime) (?:me )?(?:naked|nude|topless)",
        0.45,
        "They want you on camera. Video can be recorded without you knowing.",
        boost=rf"{SEXUAL_QUALIFIER}|rub|touch|dream",
        boost_by=0.15,
        keys="cam webcam facetime",
    ),
    # A direct ask for a picture of the person, in chat words: "send me ur pic",
    # "may i see pics", "can u take one of urself", "would love to see more pics".
    # ("Send me a selfie" or "a pic" between friends stays with the plain rule below.)
    Rule(
        rf"\b(?:send|show|give)\s+(?:me|meh|mi)\s+(?:some|ur|your|yr|ya|another|more|new|those)\s+"
        rf"(?:\w+\s+)?{_ASKED_PIC}\b"
        rf"|\b(?:can|may|could|let)\s+(?:i|me)\s+(?:\w+\s+)?(?:see|have|get)\s+(?:a\s+|some\s+"
        rf"|ur\s+|your\s+|more\s+|another\s+|those\s+|ya\s+)?(?:\w+\s+)?{_ASKED_PIC}\b"
        rf"|\b(?:can|could|will|would)\s+(?:{YOU})\s+(?:\w+\s+){{0,2}}?(?:send|show|take)\s+"
        rf"(?:me\s+)?(?:a\s+|some\s+|more\s+|another\s+|ur\s+|your\s+)?{_ASKED_PIC}\b"
        rf"|\b(?:would|'d|d|wud|i'd)\s+(?:like|love)\s+to\s+see\s+(?:\w+\s+){{0,3}}?{_ASKED_PIC}\b"
        rf"|\btake\s+(?:a\s+|some\s+)?{_ASKED_PIC}\s+of\s+(?:ur|your|yr)\s*self\b",
        0.4,
        _PLAIN,
        unless=r"\b(?:pics?|pictures?|photos?|snaps?|videos?|vids?|selfies?) (?:of|from|for) (?:the"
        r"|my|a|an|his|her|our|this|that|those|these|them|it|their|last|yesterday|today|work"
        r"|(?:your|ur) (?!self|face|body|bod)\w+)\b"
        r"|\b(?:zoom|teams|meeting|class|lecture|interview|receipt|invoice|listing|house|flat"
        r"|apartment|room|car|bike|item|product|dog|cat|puppy|kitten|trip|wedding|party|game"
        r"|concert|damage|baby|holiday|vacation|menu|screenshot|homework|notes)\b",
        boost=YOUTH.pattern,
        boost_by=0.15,
        keys="send show give see have get take like love",
        name="asks_for_a_picture",
    ),
    # "u think u could send a pic?", "u should show me some pics": the person
    # named as the one who would send (the plain rule below reads the bare verb).
    Rule(
        rf"\b{YOU}\s+(?:can|could|should|gonna|will|wanna|want to|got to|gotta|have to)\s+"
        rf"(?:\w+\s+)?(?:send|show)\s+(?:me\s+|us\s+)?(?:a\s+|some\s+|more\s+|another\s+"
        rf"|any\s+|ur\s+|your\s+|a few\s+|a couple\s+)?(?:new\s+|more\s+|recent\s+)?"
        rf"{_ASKED_PIC}\b",
        0.4,
        _PLAIN,
        unless=r"\b(?:pics?|pictures?|photos?|snaps?|videos?|vids?) (?:of|from|for) (?:the|my|a|an"
        r"|his|her|our|this|that|those|these|them|it|their|last|yesterday|today|work"
        r"|(?:your|ur) (?!self|face|body|bod)\w+)\b"
        r"|\b(?:zoom|teams|meeting|class|lecture|interview|receipt|invoice|listing|house|flat"
        r"|apartment|room|car|bike|item|product|dog|cat|puppy|kitten|trip|wedding|party|game"
        r"|concert|damage|baby|holiday|vacation|menu|screenshot|homework|notes|grandma|grandpa"
        r"|nana|group)\b",
        boost=YOUTH.pattern,
        boost_by=0.15,
        keys="send show",
        name="you_could_send",
    ),
    # A video call asked for where no one else will see: "facetime me when ur
    # alone", "video chat in ur room tonight". (A call alone is family life.)
    Rule(
        r"\b(?:facetime|face ?time|video ?call|video ?chat|vid ?call|vc|skype|cam)\s+(?:me|with me"
        rf"|{YOU})?\b[^.?!\n]{{0,40}}?\b(?:alone|by (?:ur|your) ?self|just us|just (?:u|you) and me"
        r"|no ?one(?:'s| is)? (?:home|around|there|up)|nobody(?:'s| is)? (?:home|around|there|up)"
        r"|(?:every ?one|they|ur \w+|your \w+)(?:'s| is| are| r)? (?:asleep|sleeping|gone|out)"
        r"|in (?:ur|your) (?:room|bed)|in bed)\b",
        0.45,
        "They want you on camera. Video can be recorded without you knowing.",
        boost=SEXUAL_QUALIFIER,
        boost_by=0.15,
        keys="facetime face video vid vc skype cam",
        name="private_video_call",
    ),
    # "send me a pic", "show me a picture": a picture asked for outright is the
    # request itself (a selfie, which friends trade, stays with the rule below).
    Rule(
        rf"\b(?:send|show|snap)\b[^.?!\n]{{0,15}}?\b(?:a |another |some |more |me )?"
        rf"{_ASKED_PIC}(?:\s+of\s+(?:ur|your)?\s*(?:self|urself|yourself|you|u|face|body))?\b",
        0.4,
        _PLAIN,
        unless=r"\b(?:pics?|pictures?|photos?|fotos?|snaps?|videos?|vids?|images?) (?:of|from|for"
        r"|at|in) (?:the|my|a|an|his|her|our|this|that|those|these|them|it|their|last|yesterday"
        r"|today|work|(?:your|ur) (?!self|face|body|bod)\w+)\b"
        r"|\b(?:zoom|teams|meeting|class|lecture|interview|receipt|invoice|listing|house|flat"
        r"|apartment|room|car|bike|item|product|dog|cat|puppy|kitten|trip|wedding|party|game"
        r"|concert|damage|baby|holiday|vacation|menu|screenshot|homework|notes|grandma|grandpa"
        r"|nana|group|team|kids?|mom|mum|dad|sister|brother)\b",
        boost=YOUTH.pattern,
        boost_by=0.15,
        keys="send show snap",
        name="send_a_pic",
    ),
    Rule(
        rf"\b(?:send|show|take|snap)\b[^.?!\n]{{0,15}}?\b(?:a |another |some |more |me )?(?:{PIC})"
        r"(?:\s+of\s+(?:ur|your)?\s*(?:self|urself|yourself|you|u|face|body))?\b",
        0.25,
        _PLAIN,
        unless=r"\b(?:pics?|pictures?|photos?|snaps?|videos?) of (?:the|my|a|an|his|her|our|this"
        r"|that|those|these|them|it|(?:your|ur) (?!self|face|body|bod)\w+)",
        boost=YOUTH.pattern,
        boost_by=0.2,
        keys="send show take snap",
    ),
    # "u got a pic?", "any more pics?", "no new pics yet?", "you have a webcam?":
    # asking whether the person has pictures or a camera for the asker. Pictures
    # of something else ("any pics of the flat?") or from an event stay calm.
    Rule(
        rf"\b(?:(?:do|did|have|got)\s+)?{YOU}\s+"
        rf"(?:got|have|has|get|gots)\s+(?:a|any|any ?more|anymore|more|new|other|another|some"
        rf"|any other|any new|a new|ur|your)\s+(?:more\s+|new\s+|other\s+)?(?:{PIC}|selfies?|cam"
        r"|webcam|web cam|dig(?:ital)? ?cam(?:era)?|digicam|camera|cam ?phone|camera ?phone)\b"
        rf"|\b(?:do\s+|got\s+)?{YOU}\s+(?:got|have)\s+(?:{PIC})\s+(?:i|for me|to send|u can send"
        r"|you can send|of (?:you|u|urself|yourself))\b"
        rf"|\b(?:anymore|any more|more|new|other|some)\s+(?:{PIC}|selfies?)\s+of\s+(?:{YOU}|urself"
        r"|yourself|ur ?self)\b"
        rf"|\b(?:any|no|got any|u got any|got more|anymore)\s+(?:more|new|other)\s+(?:{PIC}"
        r"|selfies?)\b",
        0.4,
        _PLAIN,
        unless=r"\b(?:pics?|pictures?|photos?|selfies?|vids?|videos?) (?:of|from|for) (?:the|my|a"
        r"|an|his|her|our|this|that|those|these|them|it|his|their|last|yesterday|today|work)\b"
        r"|\b(?:anyone|anybody|any1|any of (?:you|u|ya))\b"
        r"|\b(?:zoom|teams|meeting|class|lecture|interview|receipt|invoice|listing|house|flat"
        r"|apartment|room|car|bike|item|product|dog|cat|trip|wedding|party|game|concert|damage)\b",
        boost=YOUTH.pattern,
        boost_by=0.15,
        keys="pic pics picture pictures photo photos pix selfie selfies cam webcam web more new "
        "camera digicam dig digital anymore",
    ),
    # "i want to see a pic of you", "wanna see my cam": the asker wants to see
    # the person, or to get them onto a camera session.
    Rule(
        r"\b(?:i\s+)?(?:want|wanna|want to|wanted to|would love to|wish i could|gotta|need to)"
        rf"\s+(?:to\s+)?see\s+(?:a\s+|some\s+|more\s+|another\s+|ur\s+|your\s+)?(?:{PIC})\s+"
        rf"(?:of\s+)?(?:{YOU}|ur ?self|yourself|{YOUR} (?:face|body|bod))\b"
        r"|\b(?:want|wanna|want to|would you like to|u wanna|you wanna)\s+(?:to\s+)?(?:see|watch)"
        r"\s+(?:me\s+on\s+)?my\s+(?:web ?)?cam\b",
        0.45,
        _PLAIN,
        boost=rf"{SEXUAL_QUALIFIER}|{YOUTH.pattern}",
        boost_by=0.15,
        keys="see watch",
    ),
    # "can you send me more?" with nothing after it: in these chats "more" is
    # nearly always more pictures; "more money/details" carry their noun.
    Rule(
        r"\b(?:send|show)\s+(?:me\s+)?(?:some\s+)?more(?:\s+(?:of (?:those|them|you|u)|please|pls"
        r"|plz))?\s*(?:[.?!,)]|$)|\b(?:asking|asks|asked|wants|keeps asking) (?:me|you|u) to "
        r"(?:send|show) (?:him |her |them )?more\b(?! (?:money|cash))",
        0.25,
        "They are asking you to send more. If they mean pictures of you, you can say no.",
        boost=YOUTH.pattern,
        boost_by=0.15,
        keys="send show more",
    ),
    Rule(
        r"\b(?:manda|mandame|enviame|envia|pasame|muestrame|ensename|me manda|me envia|mostra"
        r"|me mostra)\s+(?:una |unas |uma |umas |mais |mas )?(?:foto|fotos|video|videos|nudes|pack)"
        r"\b[^.?!\n]{0,30}?\b(?:desnud[oa]s?|sin ropa|ropa interior|pelad[oa]s?|nua|nu|sem roupa"
        r"|calcinha|intima|intimas|nudes|pack)\b|\b(?:manda|mandame|enviame|me manda|me envia)\s+"
        r"(?:tus |tu |seus |suas )?(?:nudes|pack)\b",
        0.55,
        _SEXY,
        langs=("es", "pt"),
        keys="manda mandame enviame envia pasame muestrame ensename mostra",
    ),
    # "pasame una foto tuya", "manda uma foto sua": a picture of the person, in
    # Spanish or Portuguese; and "haz videollamada conmigo", "bora fazer chamada de video".
    Rule(
        r"\b(?:pasame|pasa|mandame|manda|enviame|envia|me manda|me envia|me passa|passa|mostrame"
        r"|muestrame|quiero ver|quero ver|deja ver|deixa ver)\s+(?:una |uma |un |um |otra |outra "
        r"|alguna |alguma |tu |tus |sua |suas |tua |tuas )?(?:foto|fotos|fotito|fotinho|selfie"
        r"|selfies|video|videos|vid)\s+(?:\w+\s+)?(?:tuya|tuyas|tuyo|tuyos|sua|suas|tua|tuas|teu"
        r"|de ti|de vc|de voce|de usted)\b"
        r"|\b(?:haz|hagamos|hacemos|hace|vamos a hacer|hazme|bora|vamos fazer|faz|faca|faze)\s+"
        r"(?:una\s+|uma\s+|un\s+|um\s+)?(?:videollamada|video ?llamada|llamada de video"
        r"|chamada de video|videochamada|facetime|call)\b",
        0.45,
        "They are asking for pictures of you or a video call. You can say no, and it is not "
        "your fault.",
        langs=("es", "pt"),
        boost=r"\b(?:ahora|ya|solo|conmigo|a solas|agora|ja|so nos|sozinh[ao]|sol[ao]|desnud\w*"
        r"|nua|nu|sem roupa|ropa interior|calcinha)\b",
        boost_by=0.1,
        keys="pasame pasa mandame manda enviame envia passa mostrame muestrame quiero quero deja "
        "deixa haz hagamos hacemos hace vamos hazme bora faz faca faze",
    ),
    # "More" pictures and the camera: pressure for more, or for a video call now.
    Rule(
        r"\b(?:quiero|quero|manda|mandame|pasame|enviame|envia|me manda|me envia|me passa"
        r"|necesito|preciso)\s+(?:\w+\s+)?(?:mas|mais|otra|otras|outra|outras)\s+"
        r"(?:foto|fotos|video|videos|nudes|pack)\b"
        r"|\b(?:prende|enciende|pon|abre|liga|abre|ativa|activa)\s+(?:la |a |tu |sua )?"
        r"(?:camara|cam|webcam|camera)\b"
        r"|\b(?:videollamada|video ?llamada|chamada de video|videochamada|facetime)\s+"
        r"(?:ya|ahora|agora|ja|rapido|now)\b",
        0.5,
        "They are pushing for more pictures or a video call. You can say no, and it is not "
        "your fault.",
        langs=("es", "pt"),
        keys="quiero quero manda mandame pasame enviame envia passa necesito preciso prende "
        "enciende pon abre liga ativa activa videollamada video llamada chamada videochamada "
        "facetime",
    ),
)


# "I'll send your video to...", "should i send you pics?": the writer offers or
# threatens to send; that is not a request for the person's images. (An offer to
# go on camera stays: it invites the person into a camera session.)
_OFFER_VERB = re.compile(r"(?:send|show|post|share)\b")
_FIRST_PERSON_BEFORE = re.compile(
    r"\b(?:i|i'll|ill|i'l|i will|i would|i can|should i|i am going to|i'm going to|im going to"
    r"|i'm gonna|im gonna|imma|when i|if i|i won't|i wont|i will never|i'll never|i never"
    r"|i would never|i'd never|i wouldn't|i wouldnt)(?:\s+\w+)?\s*$"
)
# A victim retelling a threat: "he'll send my pics", "they said they'd post".
# Someone else is the one who would send, so nobody is asking for pictures.
_THIRD_PERSON_BEFORE = re.compile(
    r"\b(?:he|she|they|he's|she's|they're|hes|shes|theyre)(?:'ll|'d|ll| will| would| is going to"
    r"| are going to| gonna| is gonna| are gonna|'s going to|'s gonna|'re going to|'re gonna"
    r"| going to| can| could)?(?:\s+\w+)?\s*$"
    r"|\b(?:threatens?|threatening|threatened)(?: me)? to\s*$"
)
# "send my pics to everyone", "share your nudes with your family", "post them
# online": sending TO other people is a threat to spread images, which
# threat_to_expose reads; it is not a request for pictures. (Used with
# `.match` at the end of the request, so it reads only what follows.)
_TO_AUDIENCE_AFTER = re.compile(
    r"[^.?!\n]{0,40}?\b(?P<prep>to|with)\s+(?:all\s+)?(?:of\s+)?(?:everyone|everybody|every1"
    r"|evry1|all|people|the internet|the whole|the group|(?:your|ur|yr|my|his|her|their|our)"
    r"\s+(?:\w+\s+)?(?:friends?|family|fam|contacts|followers|parents?|mom|mum|dad|school"
    r"|class|classmates|teachers?|boss|coach|team|church|group|chat|relatives|brother|sister"
    r"|girlfriend|boyfriend|gf|bf))\b"
    r"|[^.?!\n]{0,30}?\b(?:online|everywhere|on the internet)\b"
)


class ImageRequestDetector(PatternDetector):
    """Finds requests for pictures or camera time; a pet or homework photo stays quiet."""

    name = "image_request"
    version = "1"
    tactic = Tactic.IMAGE_REQUEST
    rules = RULES

    def validate(
        self, message: MessageView, match: re.Match[str], rule: Rule, score: float
    ) -> float | None:
        """Drop offers and threats to send ("I'll send your video"): not requests."""
        if _OFFER_VERB.match(match.group(0)):
            before = message.folded[max(0, match.start() - 30) : match.start()]
            if _FIRST_PERSON_BEFORE.search(before) or _THIRD_PERSON_BEFORE.search(before):
                return None
            spread = _TO_AUDIENCE_AFTER.match(message.folded, match.end())
            # "share with your friends" spreads; "send a pic with your friends" asks.
            if spread and (spread["prep"] != "with" or match.group(0).startswith("share")):
                return None
        return score

    triggers = words(
        "ass bod body boobs bra butt cam cock dick facetime foto fotos naked nude nudes one "
        "pack panties panty pantys photo photos pic pic's pics picture pictures pix pose "
        "pussy selfie selfies snap snaps tits underwear vid video videos vids webcam"
    )
