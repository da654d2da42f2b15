"""Grooming: flattery, secrecy, age talk, cutting off adults, moving apps, meeting.

Each rule names the kind of grooming in `detail.kind`. Several of these
sentences are ordinary between adults ("call me", "come over"), so they
score low alone and rise when the same message carries a youth cue
(an age under 18, school, parents) or a second grooming sign.
"""

from __future__ import annotations

import re

from unsnare.analysis.base import PatternDetector, Rule
from unsnare.analysis.detectors._chat_grooming import CHAT_RULES
from unsnare.analysis.detectors._chat_grooming import kind_detail as _k
from unsnare.analysis.detectors._vocab import (
    FAMILY,
    STRONG_YOUTH,
    YOU,
    YOUR,
    YOUTH,
    has_youth_cue,
)
from unsnare.analysis.report import DetailValue
from unsnare.analysis.tactics import GroomingKind, Tactic
from unsnare.analysis.text import words
from unsnare.analysis.view import MessageView

K = GroomingKind
# Everyday secrets between friends.
_ORDINARY_SECRET = r"\b(?:surprise|birthday|party|spoiler|ending|crush|gift|present)\b"
# "Do you want your family to see this?" names the family as the audience of a
# threat (threat_to_expose reads it), not as adults to plan around.
_ASKS_IF_YOU_WANT = re.compile(r"\b(?:you|u|ya) (?:want|wanna|like|wish)\s+$")
_GUARD = rf"(?:(?:{YOUR}|the|ya|u) (?:{FAMILY}|folks|sister|bro)|momz?|mum|dad|parents|aunt)"
# The person's own parent (not the writer's): "your mom", "ur dad", "ya folks".
_PARENT = (
    rf"(?:{YOUR}|ya|da|the) (?:mom|mum|mommy|mother|momma|dad|daddy|father|parents?|folks|pops"
    r"|step ?(?:mom|dad)|stepmom|stepdad)"
)
_HOME = r"(?:home|hoem|hom|hme|house)"
_APPS = (
    r"(?:snap|snapchat|insta|instagram|ig|kik|whatsapp|whats app|"
    r"telegram|discord|skype|wickr|signal|line|viber|wechat|teams)"
)


RULES = (
    # Secrecy: asking the person to hide the contact from others.
    # "Don't tell YOUR parents/friends": hiding the contact from the person's own people.
    Rule(
        rf"\b(?:don'?t|dont|dnt|do not|never|better not|wont|won'?t)\s+(?:\w+\s+)?tell\s+"
        rf"(?:none of |any of |anyone in )?{YOUR}\s+(?:\w+\s+)?(?:{FAMILY}|folks|friends)\b",
        0.45,
        "They ask you to keep this secret. Secrets with an adult online are a warning sign.",
        detail=_k(K.SECRECY),
        unless=_ORDINARY_SECRET,
        keys="tell",
    ),
    # "Don't tell anyone": low alone (friends say it), higher about the contact itself.
    Rule(
        r"\b(?:don'?t|dont|dnt|do not|never|better not|wont|won'?t)\s+(?:\w+\s+)?tell\s+"
        r"(?:any ?one|any1|anybody|n e body|nobody|none|no one|a soul|them|people)\b",
        0.3,
        "They ask you to keep this secret. Secrets with an adult online are a warning sign.",
        detail=_k(K.SECRECY),
        unless=_ORDINARY_SECRET,
        boost=r"\b(?:a|a')?bout (?:us|me|this|what we|our)\b"
        r"|\b(?:we|i)(?:'ve| have| had| was| were| are|'re)? (?:been )?(?:talking|chatting|talk"
        r"|chat)\b|\b(?:chatting|talking) (?:with|to) (?:you|u|me)\b"
        r"|\bi (?:bought|gave|got) (?:you|u)\b",
        boost_by=0.15,
        keys="tell",
    ),
    Rule(
        r"\b(?:keep|kept)\s+(?:this|it|us|that|our \w+)\s+(?:\w+\s+)?(?:between us|a secret|secret"
        r"|to ?ur ?self|to yourself|quiet|private)|\bour (?:little )?secret\b|\bno ?(?:one|1|body)"
        r" (?:will|has to|needs to|would|else|gonna|can)\s+(?:ever\s+)?know\b|\bno one will know us"
        r"\b|\b(?:erase|delete|clear)\s+(?:it|this|the (?:chat|messages?|msgs?|history|pics?))\b"
        r"|\b(?:us|me) in trouble if (?:you|u) told\b|\bif (?:you|u) told\b",
        0.45,
        "They want what happens between you kept secret. That protects them, not you.",
        detail=_k(K.SECRECY),
        unless=r"\b(?:surprise|birthday|party|spoiler)\b",
        keys="between secret know erase delete clear told keep kept",
    ),
    # Age probing and age-gap talk.
    Rule(
        r"(?<![\d.$])(?:9|1[0-7])\s*(?:yrs?|years?|y/?o|yo)\b|\b(?:ur|you'?re|you are|u r|u are|ure"
        r"|your)\s+(?:only\s+|just\s+)?(?:9|1[0-7])\b(?![.,:/-]?\d|\s*(?:months?|days?|weeks?"
        r"|hours?|hrs?|mins?|minutes?|items?|orders?|gb|mb|%|x|pm|am|o'?clock|points?|pts|euros?"
        r"|dollars?|bucks|percent|people|members?|messages?|photos?|pics?))|\bjail ?bait\b"
        r"|\bage (?:is|doesn'?t"
        r"|doesnt|dont"
        r"|don'?t) (?:just )?(?:a number|matter)|\b(?:mature|big|old|small) for (?:your|ur) age\b"
        rf"|\b(?:look|looks|seem|seems) (?:\w+ )?older than\b|\b(?:girls?|boys?"
        rf"|kids?) (?:at )?{YOUR} age"
        rf"|\bif i (?:was|were) (?:\w+ )?(?:younger|{YOUR} age)\b|\bnot {YOUR} age\b|\bso young\b"
        rf"|\bolder (?:guy|guys|man|men|dude|bf|boyfriend)s?\b|\bmen my age\b"
        r"|\b(?:pretty |cute |sweet |little |lil )?young (?:girl|boy|thing|lady|one)s?\b"
        r"|\b(?:[5-9]th|1[0-2]th) grade\b|\bmiddle school\b|\bget me (?:in ?to |into )?(?:trouble"
        r"|jail)\b|\bgo to jail\b|\bgoto jail\b|\bput in jail\b|\bjail\b",
        0.45,
        "They talk about your age or the age gap. An adult doing this with a young person"
        " is grooming.",
        detail=_k(K.AGE_PROBING),
        keys=(
            "9 10 11 12 13 14 15 16 17 yrs yr year years yo y/o jail jailbait bait age "
            "older young younger grade school trouble men"
        ),
    ),
    # An adult stating an interest in youth itself: "i like younger girls", "you
    # being 14 makes it hotter".
    Rule(
        r"\bi(?:'m| am|m)?\s+(?:really\s+|just\s+|kinda\s+|only\s+)?(?:like|love|prefer|want"
        r"|into|go for|am into|'m into|m into)\s+(?:\w+\s+)?(?:younger|young|little|lil|teen"
        r"|teenage|underage)\s+(?:girls?|boys?|ones|kids?|teens?|guys)\b"
        rf"|\b(?:{YOU}|ur|you'?re|youre|u r)\s+(?:being\s+)?(?:only\s+|just\s+|so\s+)?(?:young"
        r"|1[0-7]|9|a kid|in (?:middle|high) school)\s+(?:\w+\s+)?(?:makes?|is what makes|is)\s+"
        r"(?:it|you|u|this|me)\s+(?:\w+\s+)?(?:hotter|sexier|better|more exciting|exciting|hot"
        r"|sexy|cuter|more fun|special|want)",
        0.6,
        "They say your young age is what they like. An adult saying this to a young person is"
        " grooming, and it is never your fault.",
        detail=_k(K.AGE_PROBING),
        keys="like love prefer want into go makes make is",
    ),
    # Naming the person a minor: "cuz u still a minor".
    Rule(
        rf"\b(?:{YOU}|you'?re|youre|ur|u r|u still|you still|still)\s+(?:are\s+|r\s+|is\s+)?"
        r"(?:still\s+)?(?:only\s+)?(?:a"
        r"\s+)?(?:minor|underage|under ?age|jail ?bait)\b",
        0.5,
        "They talk about your age or the age gap. An adult doing this with a young person"
        " is grooming.",
        detail=_k(K.AGE_PROBING),
        keys="minor underage under jail jailbait",
    ),
    Rule(
        rf"\bhow old (?:are|r|is)\s+(?:{YOU}|ya)\b|\bwhat grade\b|\b(?:asl|a/s/l)\b"
        r"|\bwhat school\b|\bwhere do (?:you|u) go to school\b",
        0.2,
        "They ask your age or your school.",
        detail=_k(K.AGE_PROBING),
        boost=YOUTH.pattern,
        boost_by=0.2,
        keys="old grade asl school",
    ),
    # Isolation: timing contact around parents, sneaking out, being alone.
    Rule(
        rf"\b{_GUARD}\s+(?:\w+\s+){{0,2}}?(?:leaves|leave|left|gone|goes out|is out|away"
        rf"|asleep|sleeping"
        r"|gets home|get home|comes home|home yet|is home|at work|find(?:s)? out|know(?:s)?|see"
        r"|sees|check(?:s)?|question|catch(?:es)?|reads?)\b"
        rf"|\bbefore {_GUARD} gets home\b|\b(?:after|when|till|until|before) {_GUARD}\s+(?:\w+\s+)?"
        r"(?:leaves|left|gets home|comes home|goes|get home|is gone|are gone)\b"
        rf"|\b(?:is|are) (?:{YOUR}|the) (?:{FAMILY}) (?:gone|away|home|out)\b"
        rf"|\b(?:get away from|without) {YOUR} (?:{FAMILY})\b",
        0.45,
        "They plan around your parents or carers so that no adult notices. That is a"
        " grooming sign.",
        detail=_k(K.ISOLATION),
        unless=r"\bmy (?:mom|mum|dad|parents)\b",
        keys=(
            "mom mum mommy momz dad daddy parent parents aunt mother father family folks "
            "sister bro uncle grandma grandpa"
        ),
    ),
    # When the adults are away: asking when a parent comes home, whether the
    # person is on their own, hiding things from them or getting in trouble.
    Rule(
        rf"\b(?:does|do|dose|will|is)\s+{_GUARD}\s+(?:ever\s+|usually\s+|normally\s+|still\s+)?"
        r"(?:come|get|go|leave)\s+(?:\w+\s+)?(?:home|out) (?:for lunch|early|late|at night|on"
        r" weekends|during the day)"
        rf"|\b(?:what|how)\s+(?:will|would|can|could|r|are|do)\s+{YOU}\s+(?:gonna\s+|going to\s+)?"
        rf"tell\s+{_GUARD}\s+(?:so|to)\s+(?:\w+\s+){{0,2}}?(?:meet|see|come|sneak|go out|stay)"
        rf"|\b(?:when|what time|how long|till when|until when)\s+(?:does|do|is|are|will|r|till"
        rf"|until|before)?\s*{_GUARD}\s+(?:\w+\s+){{0,3}}?(?:come|coming|be|get|getting|go"
        rf"|going|leave|leaving)\s+(?:\w+\s+)?(?:home|back|out|to work|to bed)\b"
        rf"|\b{_GUARD}\s+(?:don'?t|dont|doesn'?t|doesnt|won'?t|wont|wouldn'?t|wouldnt)\s+"
        rf"(?:\w+\s+)?(?:mind|like|approve|understand|let)\b"
        rf"|\b(?:keep|kept|hide|hid|hidden)\s+(?:\w+\s+){{0,2}}?from\s+{_GUARD}"
        rf"|\b(?:in|into)\s+trouble\s+with\s+{_GUARD}"
        rf"|\bby\s+(?:your ?self|ur ?self|yourself|urself|yrself)\b"
        rf"|\bolder than {_GUARD}",
        0.45,
        "They ask when the adults around you are away, or want things kept from them. That is"
        " a grooming sign.",
        detail=_k(K.ISOLATION),
        unless=r"\bmy (?:mom|mum|dad|parents)\b",
        keys=(
            "mom mum mommy momz dad daddy parent parents aunt mother father family folks "
            "sister bro uncle grandma grandpa yourself urself yrself self"
        ),
    ),
    # Whether a parent is there now, what they allow, when school ends.
    Rule(
        rf"\b(?:is|are|r|iz)\s+{_GUARD}(?:\s+\w+)?\s+(?:there|home|around|awake|up|at home"
        rf"|asleep|gone|away|out|in)\b"
        rf"|\b(?:does|do|dose|did|doesn'?t|doesnt|don'?t|dont|would|will)\s+{_GUARD}\s+"
        rf"(?:\w+\s+){{0,2}}?(?:let|allow|care|check|read|look at|know about|mind|have a|has a"
        rf"|got a)\b"
        rf"|\b(?:when|while|if|since|cuz|cause|because)?\s*{_GUARD}\s+(?:and\s+\w+\s+)?(?:is\s+|are"
        rf"\s+|r\s+|s\s+)?(?:not|isn'?t|aren'?t|aint|never|r not)\s+(?:at\s+)?home\b"
        rf"|\b(?:isn'?t|aren'?t|is|are)\s+{_GUARD}\s+(?:\w+\s+)?home\s+(?:on|at|in|during|after"
        rf"|till|until)\b"
        rf"|\b{_GUARD}\s+(?:\w+\s+)?(?:would|will|'d|'ll|gonna)\s+(?:\w+\s+)?(?:get mad|be mad"
        rf"|freak(?: out)?|approve|flip(?: out)?)\s+(?:\w+\s+){{0,2}}?(?:of me|of us|about me"
        rf"|about us|at me|at us|if (?:they|he|she) (?:knew|found out|saw)"
        rf"|(?:with |of )?someone my age|(?:with |of )?an? older)"
        rf"|\b(?:does|do|dose)\s+{_GUARD}\s+(?:still\s+)?work(?:s|ing)?(?:\s+(?:late|nights|weekends"
        rf"|today|tonight|tomorrow|all day))?\s*(?:\?|$)"
        rf"|\b(?:so\s+)?{_GUARD}\s+(?:is|are|r)\s+(?:still\s+)?(?:there|home|around|awake|up"
        rf"|asleep|gone|away|out)\s*\?"
        rf"|\b(?:what time|when)\s+(?:do\s+|does\s+|will\s+|r\s+)?(?:you|u|ya)\s+(?:get|come"
        rf"|go)\s+(?:home|out|back)\s+(?:from|of)\s+school\b",
        0.45,
        "They ask whether your parents are around or what they allow. That is a grooming sign.",
        detail=_k(K.ISOLATION),
        unless=r"\bmy (?:mom|mum|dad|parents)\b",
        keys=(
            "mom mum mommy momz dad daddy parent parents aunt mother father family folks "
            "sister bro uncle grandma grandpa school"
        ),
    ),
    # The adult's fear of being caught: "i could get in big trouble", "i dont
    # want to get in trouble". Said to a young person, it is the law they fear.
    Rule(
        r"\bi\s+(?:could|can|would|will|'ll|ll|might|may|do not want to|don'?t want to|dont want to"
        r"|dont wanna|don'?t wanna|can'?t|cant|cannot)\s+(?:\w+\s+)?get\s+(?:\w+\s+)?(?:in|into)"
        r"\s+(?:big |so much |a lot of |serious |real |deep )?trouble\b",
        0.35,
        "They worry about getting in trouble for talking to you. An adult who fears the law"
        " over a chat with a young person is a warning sign.",
        detail=_k(K.AGE_PROBING),
        unless=r"\b(?:boss|work|job|wife|husband|gf|girlfriend|bf|boyfriend|landlord|teacher"
        r"|coach|parking|late|homework|fine|ticket|class)\b",
        boost=YOUTH.pattern,
        boost_by=0.15,
        keys="trouble",
    ),
    # Come alone: a meeting planned so that no one else is there.
    Rule(
        r"\b(?:don'?t|dont|do not|dnt|no need to)\s+bring\s+(?:any ?one|any1|anybody|nobody"
        r"|(?:your|ur|yr) (?:friends?|mates|sister|brother|mom|mum|dad|parents)|friends|mates)\b"
        r"|\bcome (?:alone|by (?:your ?self|ur ?self|yourself|urself)|on (?:your|ur) own)\b"
        r"|\bjust (?:the two of us|(?:you|u) and me|me and (?:you|u))\b",
        0.55,
        "They want to meet you in person and alone. Please tell an adult you trust before any "
        "meeting: that is how people stay safe.",
        detail=_k(K.MEETING),
        keys="bring come just",
    ),
    # A first meeting with someone met online: "before we meet", "nervous about meeting u".
    Rule(
        r"\b(?:first|finally|actually|ever) meet\b|\bmeet(?:ing)? (?:you|u|ya) (?:for the first"
        r" time|in person|irl|finally)\b|\b(?:nervous|scared|excited) (?:about|to) meet"
        r"|\b(?:want|wanna|would (?:like|love)|like|waiting|hope|can'?t wait|cant wait|dying)"
        r" (?:\w+ )?to meet (?:you|u|ya)\b|\bbefore we (?:ever |finally )?meet\b"
        r"|\bwhen we (?:finally |first )?meet\b|\b(?:could|can|would|will) (?:you|u) (?:ever )?"
        r"meet me\b|\bi (?:can|could|will|would) (?:drive|come) (?:up )?to (?:you|u|ya)\b",
        0.4,
        "They want to meet you in person. Meeting someone from online alone can be dangerous.",
        detail=_k(K.MEETING),
        boost=rf"{STRONG_YOUTH}|\bno one\b|\bsneak\b|\balone\b|\bsecret\b|\bschool\b",
        boost_by=0.15,
        keys="first finally actually ever meet meeting nervous scared excited wait waiting "
        "hope dying before when drive come",
    ),
    # Checking that the other person is not the police: a tell of someone who
    # knows what they are doing is a crime.
    Rule(
        r"\b(?:you'?re|ur|u r|you are|r u|are you|u a|you a|ur a|arent you|aren'?t you)\s+"
        r"(?:not\s+)?(?:a\s+|the\s+|an\s+)?(?:cop|cops|police|policeman|fed|feds|undercover"
        r"|agent|decoy|sting)\b|\bnot (?:a |the )?(?:cop|police|fed)\b|\bcops? (?:are|is|r)"
        r" not allowed\b|\b(?:to catch|catching) (?:a )?(?:predator|perv)"
        r"|\b(?:you|u|ur|you'?re|youre|r u|are you)\s+(?:\w+\s+){0,2}?(?:with|working for|work for"
        r"|from)\s+the\s+(?:police|cops|feds|fbi)\b"
        r"|\b(?:thought|think|thinking|worried|scared|afraid)\s+(?:\w+\s+){0,3}?(?:u|you|ur|you'?re)"
        r"\s+(?:might be|could be|were|was|are|r)\s+(?:a\s+)?(?:cop|police|fed|undercover|sting"
        r"|decoy)\b|\bundercover cops?\b|\b(?:don'?t|dont|do not)\s+want\s+(?:the\s+)?(?:cops?"
        r"|police|feds)\s+to\s+(?:know|find out)",
        0.45,
        "They check that you are not the police. Someone who worries about that knows what they "
        "are doing is wrong.",
        detail=_k(K.SECRECY),
        keys="cop cops police policeman fed feds undercover agent decoy sting predator perv",
    ),
    Rule(
        r"\b(?:delete|erase|clear)\s+(?:the\s+|this\s+|that\s+|our\s+|these\s+|all\s+(?:of\s+)?(?:the\s+"
        r"|these\s+|those\s+|our\s+|my\s+)?"
        r"|my\s+)?(?:texts?|txts?|msgs?|messages|chats?|convo|conversation|history)\b"
        r"(?! (?:about|for) (?:the|your) (?:bill|order|account))",
        0.45,
        "They want what you write to each other deleted. That protects them, not you.",
        detail=_k(K.SECRECY),
        keys="delete erase clear",
    ),
    Rule(
        rf"\bsneak\w*\s+(?:out|away|over)\b|\bcut school\b|\bskip school\b|\b(?:pretend"
        rf"|say) (?:to go"
        rf" to|you'?re at|ur at) (?:school|a friend'?s)\b|\b(?:are|r) (?:{YOU}"
        rf"|ya) (?:home )?alone\b"
        r"|\bhome alone\b|\bi(?:'m| am)? the only one who (?:understands|gets) (?:you|u)\b"
        r"|\b(?:they|your parents) (?:don'?t|dont) understand (?:you|u)\b",
        0.45,
        "They want you away from the adults who protect you. That is a grooming sign.",
        detail=_k(K.ISOLATION),
        keys="sneak sneaking sneaked school alone understand understands",
    ),
    # Platform switch: moving to a private app, phone or camera.
    Rule(
        rf"\b(?:add|text|message|dm|hmu|hit me up|find)\s+me\s+(?:on|at)\s+{_APPS}\b"
        rf"|\b(?:what'?s|whats|wats|give me|send me|got)\s+{YOUR}\s+(?:{_APPS}|number|phone number"
        rf"|cell|digits)\b|\b(?:let'?s|lets|we can|can we)\s+(?:move|talk|chat|go"
        rf"|switch)\s+(?:to|on)"
        rf"\s+{_APPS}\b|\b(?:give me|want to give me|send me) {YOUR} (?:number|#)\b"
        r"|\bwhat is (?:ur|your) (?:phone )?number\b",
        0.3,
        "They want to move you to a private app or phone, where it is harder to report them.",
        detail=_k(K.PLATFORM_SWITCH),
        boost=YOUTH.pattern,
        boost_by=0.2,
        keys="add text message dm hmu find number cell digits move talk chat switch go phone",
    ),
    Rule(
        r"\bcall me\b|\b(?:i|i'll|ill|i will|i can|i could|can i)\s+(?:\w+\s+)?call (?:you|u)\b"
        r"|\b(?:a|my|his) friends? cell\b",
        0.2,
        "They want to talk by phone.",
        detail=_k(K.PLATFORM_SWITCH),
        boost=rf"{YOUTH.pattern}|\bsexy\b|no one will know|\b(?:she|he) leaves\b|friends? cell",
        boost_by=0.25,
        keys="call cell",
    ),
    # Meeting: coming to the person's home, picking them up, a room.
    # A private place, overnight, or their home address: the riskiest meetings.
    Rule(
        rf"\b(?:my|our|a|the) (?:hotel|motel) room\b(?! is booked)|\bspend the night\b"
        rf"|\bstay (?:the night|over|until)\b|\b(?:need|give me|send me|tell me|what'?s)"
        rf" (?:{YOUR}|the) (?:home )?address\b"
        r"|\bcome to (?:my|our) (?:place|house|hotel|motel|room|car)\b"
        rf"|\bpick\s+(?:{YOU}|ya)\s+up\b[^.?!]{{0,20}}\bnight\b"
        rf"|\bnight\b[^.?!]{{0,30}}\bpick\s+(?:{YOU}|ya)\s+up\b",
        0.4,
        "They want to meet you in person, somewhere private. Meeting someone from online alone "
        "can be dangerous.",
        detail=_k(K.MEETING),
        unless=r"\b(?:postal|email|mailing|e-mail|shipping) address\b|\b(?:send|sending|mail"
        r"|ship|deliver)\w*\b[^.?!]{0,30}\b(?:present|gift|package|card|parcel)",
        boost=rf"{STRONG_YOUTH}|\bnaked\b|\bno one\b|\bsneak\b|\balone\b",
        boost_by=0.15,
        keys="hotel motel night stay address come",
    ),
    # Where the person's parents are, whether they will be home, whether they
    # look through the person's phone or would mind: an adult timing contact
    # around the adults who protect the person. "My mom" is the writer's own
    # family (excluded); the person's parent is "your/ur mom".
    Rule(
        rf"\bwhere(?:'s|s| is| are| r|re| was| were)?\s+{_PARENT}\s+(?:at|now|tonight|today"
        rf"|2nite|2day|rn)\b"
        rf"|\b{_PARENT}\s+(?:\w+\s+){{0,2}}?(?:gonna|going to|will|'ll|ll|gon|finna)\s+"
        rf"(?:\w+\s+)?be\s+(?:at\s+)?(?:{_HOME}|there|around|back|gone|away|out|at work)\b"
        rf"|\b{_PARENT}\s+(?:will|would|wont|won'?t|will not|would not|wouldn'?t|are not|arent"
        rf"|aren'?t|r not|is not|isnt|isn'?t|not)\s+(?:\w+\s+)?(?:be\s+)?(?:at\s+)?{_HOME}\b"
        rf"|\b{_PARENT}\s+(?:\w+\s+){{0,2}}?(?:go(?:es)?|went|look(?:s)?|looked|snoop(?:s)?)\s+"
        r"(?:through|thru|in|at)\s+(?:\w+\s+)?(?:computer|pc|laptop|phone|cell|texts?|msgs?"
        r"|messages|chats?|history|emails?|facebook|account|stuff)\b"
        rf"|\b(?:wouldn'?t|wouldnt|won'?t|wont|would|will|r|are|is)\s+{_PARENT}\s+(?:be\s+|get\s+)"
        rf"(?:mad|angry|pissed|upset)\b|\b{_PARENT}\s+(?:\w+\s+){{0,3}}?(?:approve|disapprove)\b"
        rf"|\b{_PARENT}\s+(?:\w+\s+){{0,3}}?(?:mad|angry|pissed|upset|freak|freaked|flip"
        r"|flipped)\s+(?:\w+\s+)?(?:though|tho|if (?:they|he|she) (?:knew|found|saw|caught)"
        r"|about (?:me|us|this)|at (?:me|us))\b"
        rf"|\b(?:does|do|dose|did|will|would)\s+{_PARENT}\s+(?:ever|usually|often|always|normally"
        r"|sometimes)\s+(?:go|leave|walk|work|travel|stay|sleep)\w*\b"
        rf"|\b{_PARENT}\s+(?:\w+\s+){{0,2}}?(?:come|comes|came|get|gets|walk|walks)\s+"
        r"(?:\w+\s+)?(?:home|in)\s+(?:and|to)\s+(?:see|find|catch)\b",
        0.45,
        "They ask whether your parents are around or what they allow. That is a grooming sign.",
        detail=_k(K.ISOLATION),
        unless=r"\bmy (?:mom|mum|dad|parents)\b|\b(?:say|tell|ask) (?:hi|hello) to\b",
        keys="mom mum mommy mother momma dad daddy father parent parents folks pops stepdad "
        "stepmom",
        name="parents_whereabouts",
    ),
    # The person on their own at home: "staying alone", "will you be by yourself".
    Rule(
        rf"\b(?:{YOU}|ur|you'?re|youre)\s+(?:\w+\s+){{0,2}}?(?:stay|staying|stays|be|being|left"
        r"|home)\s+(?:home\s+|at home\s+)?(?:alone|all alone|by (?:ur|your) ?self)\b"
        rf"|\b(?:we|us)\s+(?:\w+\s+){{0,2}}?(?:got|have|get)\s+the\s+(?:whole\s+)?(?:house|place"
        r"|hou?se|hosue|apartment)\s+(?:to|ot|for)\s+(?:our ?selves|ourself|ourselfs|us)\b",
        0.45,
        "They want you away from the adults who protect you. That is a grooming sign.",
        detail=_k(K.ISOLATION),
        keys="alone yourself urself self ourselves ourself ourselfs selves us",
        name="person_alone",
    ),
    # Getting the person (or the two of them) into trouble: the adult knows
    # the contact must stay hidden from the people around the person.
    Rule(
        rf"\b(?:{YOU}|us|we|either of us|both of us)\s+(?:\w+\s+){{0,3}}?(?:get|getting|gets|got"
        r"|be|being|end up|wind up)\s+(?:\w+\s+)?(?:in|into)\s+(?:\w+\s+)?trouble\b"
        rf"|\bget\s+(?:{YOU}|us)\s+(?:\w+\s+)?(?:in|into)\s+(?:\w+\s+)?trouble\b",
        0.45,
        "They worry about you or them getting in trouble. An adult who needs your contact kept"
        " from others is a warning sign.",
        detail=_k(K.SECRECY),
        unless=r"\b(?:boss|work|job|shift|manager|landlord|teacher|class|homework|coach|ref"
        r"|referee|ticket|parking|fine|tax|taxes|irs|bank|late|speeding|exam|test|cheat\w*"
        r"|wife|husband)\b",
        keys="trouble",
        name="trouble_for_you",
    ),
    # An adult offering or asking to meet the person: "can i see u", "do you
    # want me to come over", "when can i pick you up", "if we meet".
    Rule(
        r"\b(?:when|what time|where|how soon)\s+(?:can|could|should|do|would|will|shall)\s+(?:i|we)"
        r"\s+(?:\w+\s+)?(?:come|meet|see|pick|visit|get together|hook up|hang out)\b"
        rf"|\b(?:{YOU}|ya)\s+(?:\w+\s+)?(?:wanted|want|wanna|would like|wud like)\s+to\s+meet\b"
        r"|\bif\s+we\s+(?:ever\s+|finally\s+|do\s+|really\s+)?(?:meet|hook up|get together)\b"
        rf"|\b(?:git|get|got|gets|getting)\s+to\s+(?:\w+\s+)?(?:see|meet)\s+(?:{YOU}|ya)\b"
        rf"|\b(?:love|like|enjoy|liked|loved)\s+(?:\w+\s+)?meeting\s+(?:{YOU}|ya)\b"
        r"|\bi\s+(?:\w+\s+)?drive\s+(?:up|down|over)\s+(?:now|tonight|2nite|today|there|to)\b"
        rf"|\bpick\s+(?:{YOU}|ya)\s+up\s+(?:\w+\s+){{0,2}}?(?:from|after|at|near|by|outside)\s+"
        r"(?:\w+\s+)?(?:school|home|house|place|mall|park|corner|bus|station)\b"
        rf"|\btime\s+(?:for me\s+)?to\s+(?:come|drop)\s+(?:over|by)\b"
        rf"|\b(?:get|go|come|drive)\s+(?:\w+\s+)?to\s+{YOUR}\s+(?:place|house|home|apartment"
        r"|apt|room|crib)\b",
        0.4,
        "They want to meet you in person. Meeting someone from online alone can be dangerous.",
        detail=_k(K.MEETING),
        unless=r"\b(?:meeting|meet)\s+(?:at|in)\s+(?:the\s+)?(?:office|work|zoom|teams)\b"
        r"|\b(?:interview|appointment|client|colleague|class)\b",
        boost=rf"{STRONG_YOUTH}|\bno one\b|\bsneak\b|\balone\b|\bsecret\b",
        boost_by=0.15,
        keys="come meet see pick visit hook hang meeting drive drop place house home apartment "
        "apt room crib",
        name="meeting_offer",
    ),
    # Gifts the adult offers to buy or bring: phone credit, clothes, underwear,
    # alcohol or smokes (things a young person cannot get alone).
    Rule(
        rf"\b(?:i|ill|i'll|lemme|let me)\s+(?:\w+\s+){{0,2}}?(?:buy|get|bring|give|send|pay for"
        rf"|getcha|gitcha)\s+(?:{YOU}|ya)\s+(?:\w+\s+){{0,3}}?(?:beer|beers|alcohol|liquor|vodka"
        r"|booze|rum|whiskey|smokes|cigarettes|cigs|weed|pot|blunt|minutes|mins|credit|data"
        r"|top ?up|phone|cell|iphone|ipod|ipad|gift ?card|clothes|outfit|panties|thong|bra"
        r"|lingerie|underwear|undies|shoes|present|presents|gifts?|soda|candy)\b"
        rf"|\b(?:take|bring)\s+(?:{YOU}|ya)\s+(?:\w+\s+){{0,2}}?(?:shopping|to (?:the )?mall)\b",
        0.4,
        "They offer you gifts or things you cannot get yourself. Gifts are how groomers make"
        " someone feel they owe them.",
        detail=_k(K.FLATTERY),
        unless=r"\b(?:birthday|christmas|xmas)\b|\bfor (?:your|ur) (?:mom|dad|sister|brother)\b",
        boost=YOUTH.pattern,
        boost_by=0.15,
        keys="buy get bring give send pay getcha gitcha take",
        name="gifts",
    ),
    # Age gap talk: "when i was your age", "someone my age", "you not being
    # legal", "a 30 year old guy".
    Rule(
        rf"\bwhen i was (?:\w+ )?{YOUR} age\b|\b(?:someone|somebody|a man|an adult|a grown ?up"
        r"|an older (?:guy|man)) (?:my|of my) age\b"
        rf"|\b(?:{YOU}|ur|you'?re|youre)\s+(?:\w+\s+)?(?:not\s+being|aren'?t|are not|r not|not"
        r"|being not|isnt)\s+(?:legal|of age|18 yet|eighteen yet)\b"
        rf"|\bwhen (?:{YOU}|ya) (?:\w+ )?(?:get|grow|are|r|'re|turn)\s+(?:up\s+)?(?:older|18"
        r"|eighteen|legal)\b"
        r"|\ba (?:[2-6]\d)\s*(?:year old|years old|yr old|yrs old|yo|y/o) (?:guy|man|dude|male"
        r"|person)\b"
        r"|\bchild porn\w*|\bkiddie porn\w*|\b(?:underage|minors?) (?:girls?|boys?|kids?)\b",
        0.45,
        "They talk about your age or the age gap. An adult doing this with a young person"
        " is grooming.",
        detail=_k(K.AGE_PROBING),
        keys="age legal older 18 eighteen year years yr yrs yo y/o porn porno child kiddie "
        "underage minor minors",
        name="age_gap_talk",
    ),
    # "your not like a cop": checking the person is not the police, in the
    # looser spellings of chat.
    Rule(
        r"\b(?:your|ur|you'?re|youre|u r|you are|r u|are you|are u)\s+(?:not\s+)?(?:like\s+"
        r"|some\s+(?:kind|sort)\s+of\s+|some\s+)(?:a\s+)?(?:cop|cops|police|fed|narc|undercover"
        r"|agent)\b",
        0.45,
        "They check that you are not the police. Someone who worries about that knows what they "
        "are doing is wrong.",
        detail=_k(K.SECRECY),
        keys="cop cops police fed narc undercover agent",
        name="cop_check_loose",
    ),
    # Coming over, picking up, meeting: ordinary between friends, so low alone.
    Rule(
        rf"\b(?:come|coming|came)\s+over\b|\bpick\s+(?:{YOU}|ya)\s+up\b|\bmeet (?:you|u|me|up)\b"
        rf"|\b(?:if|when|once) i (?:come|get) (?:there|over)\b",
        0.3,
        "They want to meet you in person. Meeting someone from online alone can be dangerous.",
        detail=_k(K.MEETING),
        boost=rf"{STRONG_YOUTH}|\bnaked\b|\bno one\b|\bsneak\b|\balone\b|\bsecret\b",
        boost_by=0.15,
        keys="come coming came pick meet",
    ),
    # Flattery: compliments that set up trust; low alone (adults flirt too).
    Rule(
        r"\b(?:you'?re|you are|ur|u r|u are|your)\s+(?:so\s+|very\s+|really\s+|soo+\s+)?"
        r"(?:beautiful|pretty|gorgeous|cute|hot|hott|sexy|mature)\b|\bgod damn (?:ur"
        r"|you'?re) sexy\b"
        r"|\bjaw would hit the floor\b|\bi (?:don'?t|dont) see (?:you|u) as\b",
        0.15,
        "They flatter you a lot. Flattery is how groomers build trust fast.",
        detail=_k(K.FLATTERY),
        boost=YOUTH.pattern + r"|\bshouldn'?t\b|\bshouldnt\b",
        boost_by=0.3,
        keys="beautiful pretty gorgeous cute hot hott sexy mature jaw see",
    ),
    # Spanish and Portuguese packs.
    Rule(
        r"\b(?:no le digas|no se lo digas|nao conta|nao fala|nao diga|no digas)\b[^.?!]{0,30}"
        r"\b(?:a nadie|nadie|ninguem|tus padres|tu mama|seus pais|sua mae)\b|\bnuestro secreto\b"
        r"|\bnosso segredo\b|\bentre nosotros\b|\bentre nos\b",
        0.45,
        "They ask you to keep this secret. Secrets with an adult online are a warning sign.",
        langs=("es", "pt"),
        detail=_k(K.SECRECY),
        keys="digas diga conta fala secreto segredo nosotros nos",
    ),
    Rule(
        r"\b(?:cuantos anos tienes|que edad tienes|quantos anos (?:voce )?tem"
        r"|qual (?:a )?sua idade)"
        r"\b|\b(?:eres|es) (?:muy )?madura para tu edad\b|\bmadura para (?:sua|a sua) idade\b",
        0.3,
        "They ask your age or talk about it.",
        langs=("es", "pt"),
        detail=_k(K.AGE_PROBING),
        boost=YOUTH.pattern,
        keys="anos edad idade madura",
    ),
    Rule(
        r"\b(?:agregame|agrega me|me agrega|me adiciona|chama no|hablemos por|vamos pro|pasame tu"
        r" (?:numero|whats|snap|insta)|me passa (?:seu|teu) (?:numero|whats|zap|snap|insta))\b",
        0.3,
        "They want to move you to a private app or phone, where it is harder to report them.",
        langs=("es", "pt"),
        detail=_k(K.PLATFORM_SWITCH),
        keys="agregame agrega adiciona chama hablemos vamos pasame passa",
    ),
    # The chat register's kinds, said loosely (see _chat_grooming).
    *CHAT_RULES,
)


class GroomingDetector(PatternDetector):
    """Finds the steps of grooming, each with its kind."""

    name = "grooming"
    version = "1"
    tactic = Tactic.GROOMING
    rules = RULES
    triggers = words(
        "10 11 12 13 14 15 16 17 9 add address adiciona age agrega agregame alone anos asl "
        "aunt bait beautiful between bro call came cell chama clear come coming conta cute "
        "dad daddy delete diga digas digits discord dm edad erase fala family father folks "
        "gorgeous grade grandma hablemos hmu hot hotel hott idade ig insta instagram jail "
        "jailbait jaw kik know madura mature meet message mom mommy momz motel mother move "
        "mum night nos nosotros number old older parent parents pasame passa pick pretty "
        "school secret secreto secrets see segredo sexy sister skype snap snapchat sneak "
        "sneaking switch telegram tell telling text told trouble uncle understand "
        "understands vamos whatsapp y/o year years yo young younger yr yrs"
    )

    def validate(
        self, message: MessageView, match: re.Match[str], rule: Rule, score: float
    ) -> float | None:
        """A youth cue in the same message makes secrecy, isolation or meeting weigh more."""
        kind = dict(rule.detail).get("kind")
        if kind == K.ISOLATION and _ASKS_IF_YOU_WANT.search(
            message.folded, max(0, match.start() - 25), match.start()
        ):
            return None
        if kind in (K.SECRECY, K.ISOLATION) and has_youth_cue(message.folded):
            return score + 0.15
        return score

    def extra_detail(
        self, message: MessageView, match: re.Match[str], rule: Rule
    ) -> tuple[tuple[str, DetailValue], ...]:
        """Say whether a youth cue was seen in the message."""
        return (("youth_cue", has_youth_cue(message.folded)),)
