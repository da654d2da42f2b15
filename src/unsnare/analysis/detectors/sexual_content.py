"""Sexual talk aimed at the person (not mild flirting)."""

from __future__ import annotations

import re

from unsnare.analysis.base import PatternDetector, Rule
from unsnare.analysis.detectors._vocab import BODY, YOU, YOUR, has_youth_cue
from unsnare.analysis.report import DetailValue
from unsnare.analysis.tactics import Tactic
from unsnare.analysis.text import words
from unsnare.analysis.view import MessageView

_EXPLAIN = "They are sending you sexual messages."

RULES = (
    Rule(
        rf"\b(?:suck|lick|touch|rub|finger|eat|kiss|play with|feel|grab|squeeze)\w*\s+(?:on\s+)?"
        rf"(?:{YOUR}|my|her|his|those|them|the)?\s*(?:\w+\s+)?{BODY}\b",
        0.5,
        _EXPLAIN,
        keys=(
            "pussy cock dick tits titties boobs breasts breast nipples nipple clit penis "
            "vagina balls cunt ass butt thighs privates"
        ),
    ),
    Rule(
        r"\b(?:wanna|want to|would|will|i'?d|to|gonna|going to|never|love to|could|can|was|were"
        r"|been|i'?ll|let me)\s+(?:\w+\s+)?(?:fuck|screw|bang)(?:ed|ing)?\s+(?:you|u|ya|her|a|your"
        r"|ur|some)\b|\bfucked out\b|\bhit it\b",
        0.5,
        _EXPLAIN,
        unless=r"\bfuck (?:you|u) (?:and|too|all|man|bitch)\b",
        keys="fuck fucking fucked fuckin screw bang hit",
    ),
    Rule(
        rf"\b(?:{YOUR}|my|ya)\s+(?:\w+\s+)?(?:pussy|cock|dick|tits|titties|boobs|nipples|clit|penis"
        r"|vagina|cunt)\b",
        0.5,
        _EXPLAIN,
        keys="pussy cock dick tits titties boobs nipples clit penis vagina cunt",
    ),
    Rule(
        r"\b(?:have|had|having|about|do|did|doing|want|wants|like|likes|to|for|comes to|go through)"
        r"\s+(?:\w+\s+){0,2}?sex\b(?!ual)|\bsex\s+with\s+(?:me|you|u|him|her|a)\b"
        r"|\bsex education\b|\bphone sex\b|\bsexting\b|\btalk dirty\b|\bplay on the phone\b",
        0.45,
        _EXPLAIN,
        keys="sex sexting dirty phone",
    ),
    Rule(
        rf"\b(?:are|r|ur|you'?re|u)\s+(?:{YOU}\s+)?(?:still\s+)?(?:a\s+)?virgin\b"
        r"|\b(?:your|ur) virginity\b|\blose (?:your|ur) virginity\b|\b(?:your|ur"
        r"|you'?re) a virgin\b",
        0.45,
        "They are asking about your sex life. An adult asking this is a warning sign.",
        keys="virgin virginity",
    ),
    Rule(
        rf"\b(?:get|getting|be|being|ya|{YOU}|yourself|urself|door)\b[^.?!\n]{{0,25}}\bnaked\b"
        r"|\bcam\b[^.?!\n]{0,30}\bnaked\b|\bnaked\b[^.?!\n]{0,30}\bcam\b",
        0.45,
        _EXPLAIN,
        keys="naked",
    ),
    Rule(
        rf"\b(?:make|made|makes|get|gets|got)\s+{YOU}\s+(?:\w+\s+){{0,3}}?(?:cum|wet|hard|horny)\b"
        rf"|\b{YOU}\s+(?:\w+\s+){{0,3}}?(?:cum|horny|masturbat\w*|orgasm|jerk off)\b"
        rf"|\bmake love to {YOU}\b|\bsexually\b|\bcum (?:in|on|all over) {YOU}\b",
        0.45,
        _EXPLAIN,
        keys="cum cumming horny masturbate masturbating orgasm jerk wet hard love sexually",
    ),
    # Sexual acts aimed at the person, and questions about their sexual
    # experience: "i could finger you", "have u ever given oral", "did he lick you".
    Rule(
        rf"\b(?:finger|lick|eat|suck|go down on|went down on|gone down on|blow|rub|touch"
        rf"|undress|strip)(?:ing|ed|s)?\s+{YOU}(?:\s+out)?\b(?!\s+(?:up|later|in|at|on)\b)"
        rf"|\bhave\s+{YOU}\s+ever\s+(?:\w+\s+){{0,2}}?(?:had|given|gotten|got|done|tried|seen"
        r"|watched|been)\s+(?:\w+\s+){0,2}?(?:oral|head|a blow ?job|blowjob|sex|porn\w*|fingered"
        r"|eaten out|licked|touched|naked|a guy go down|a girl go down|69|anal|cum|a dick|a cock"
        r"|masturbat\w*)"
        r"|\b(?:did|does|has|have)\s+(?:he|she|they|anyone|any ?one|your bf|ur bf|a guy|a boy)\s+"
        r"(?:ever\s+)?(?:lick|licked|finger|fingered|eat|ate|go down on|gone down on|touch|touched"
        r"|suck|sucked)\s+(?:you|u|ya|them|it|ur|your)\b",
        0.45,
        _EXPLAIN,
        unless=r"\b(?:dog|puppy|cat|kitten|ice ?cream|lollipop|candy|plate|food|pizza|stamp"
        r"|envelope|wound|paint|screen)\b",
        keys="finger lick eat suck down blow rub touch undress strip ever did does has have "
        "fingering licking eating sucking rubbing touching fingered licked ate sucked touched",
    ),
    # Chat spellings of coming ("cum over", "can i cum 2nite", "cum 4 u").
    Rule(
        rf"\bcum(?:ming|min|s)?\s+(?:\w+\s+)?(?:for|4|fer)\s*{YOU}\b|\bcum(?:ming|min)?\s+"
        r"(?:over|inside|all over)\b|\bcum\s+(?:2|to)\s*(?:nite|night|tonight|2nite)\b"
        r"|\b(?:can|could|should|may|will|gonna|wanna|want to|not to|never|to|till|until|make"
        r"|made|let)\s+(?:i\s+|me\s+|u\s+|you\s+)?cum\b",
        0.45,
        _EXPLAIN,
        keys="cum cumming cummin cumin cums",
        name="come_slang",
    ),
    # Protection and contraception: "use a condom", "are you on the pill".
    Rule(
        r"\bcondoms?\b|\b(?:use|using|wear|wearing|without|no|w/o)\s+(?:a\s+|any\s+)?(?:protection"
        r"|rubbers?)\b|\b(?:on|taking|take)\s+(?:the\s+)?(?:pill|birth control)\b(?!\s+for)"
        r"|\bbirth control\b",
        # Adults talk about this among themselves: low alone, medium with a youth cue.
        0.35,
        _EXPLAIN,
        unless=r"\b(?:sun|sunscreen|eye|ear|hearing|data|virus|antivirus|privacy|headache"
        r"|vitamin|painkiller|allergy)\b",
        keys="condom condoms protection rubber rubbers pill birth",
        name="protection_talk",
    ),
    # Sexual acts named in chat words: oral sex, licking, "getting you off",
    # "we can do it", "better than regular sex". ("Making love" is left out:
    # adults in chat rooms say it of each other.)
    Rule(
        r"\bgo(?:ne|ing|es)? down on\b"
        r"|\b(?:wanna|want to|wanted to|love to|like to|gonna|going to|i'?d|let me|lemme|i will"
        r"|i'?ll|i can|i could)\s+(?:\w+\s+)?lick\b|\bget (?:you|u|ya) off\b"
        r"|\b(?:do|did|have|ever)\s+(?:you|u|ya)\s+(?:ever\s+)?(?:fuck|screw|sleep)\w*\s+around\b"
        r"|\bsex (?:addict|drive|toys?)\w*|\b(?:than|real|reg|regular|normal|oral|anal|rough"
        r"|first time|safe)\s+sex\b"
        r"|\b(?:we|us|u and me|you and me|me and (?:you|u))\s+(?:\w+\s+){0,2}?(?:can|could|should"
        r"|will|gonna|would|wanna)\s+(?:\w+\s+)?(?:fuck|screw|bang|have sex|do it|make love)\b"
        rf"|\b(?:suck|lick|touch|rub|finger|grab|squeeze)\w*\s+(?:on\s+)?(?:\w+\s+){{2,3}}?{BODY}\b",
        0.45,
        _EXPLAIN,
        unless=r"\b(?:ice ?cream|lollipop|candy|plate|spoon|bowl|stamp|envelope|wound|paint"
        r"|ears?|fingers? clean)\b|\bsex (?:education|ed)\b",
        keys="down lick off "
        "fuck fucking screw sleep sex addict drive toy toys fuck bang it suck sucking "
        "licking touch touching rub rubbing finger grab squeeze",
        name="acts_in_chat_words",
    ),
    # Oral sex named in chat words, asked of or offered to the person ("ever had
    # a bj", "i'd give u a blowjob"); adults joking among themselves name it too.
    Rule(
        r"\bblow ?jobs?\b|\bbj'?s?\b|\bhand ?jobs?\b",
        0.45,
        _EXPLAIN,
        requires=r"\b(?:you|u|ya|ur|your|ever|never|b4|before|first)\b",
        keys="blow blowjob blowjobs bj bjs hand handjob handjobs",
        name="oral_in_chat_words",
    ),
    # Pornography and sexual material shown or talked about: "x movies", "dirty mags".
    Rule(
        r"\b(?:x|xxx|x rated|porn|porno|dirty|nasty|sex|blue)\s+(?:movies?|mags?|magazines?"
        r"|dvds?|films?|books?)\b|\b(?:watch|watched|watching|seen|show|showed|look at|looked at)"
        r"\s+(?:\w+\s+)?porn\w*\s+(?:with|together)\b",
        0.45,
        _EXPLAIN,
        # The bulk email's "you visited porn sites" is the hacking claim's story.
        unless=r"\b(?:report|reporting|block|blocked|filter|ban|banned|addiction|ring|site"
        r"|sites|website|websites|webcam|recorded|recording|hacked|malware|device)\b",
        keys="x xxx rated porn porno porns pornography dirty nasty sex blue",
        name="sexual_material",
    ),
    # Questions about the person's underwear or what they are wearing.
    Rule(
        r"\bwhat\s+(?:\w+\s+)?(?:are|r)\s+(?:you|u|ya)\s+wearing\s*(?:right now|rn|now|tonight"
        r"|in bed|to bed|under)?\s*(?:\?|$)"
        r"|\b(?:what|which)\s+(?:kind|color|colour|type|style)\s+(?:of\s+)?(?:\w+\s+){0,3}?(?:panties"
        r"|pantys|panty|bra|bras|thong|thongs|undies|underwear|lingerie)\b"
        r"|\b(?:are|r|is|iz)\s+(?:ur|your|yr|u|you)\s+(?:\w+\s+)?(?:panties|pantys|panty|bra"
        r"|thong|undies|underwear|lingerie)\s+(?:\w+\s+)?(?:pink|red|black|white|blue|purple"
        r"|lace|lacy|silk|tight|wet|on|off|cute|sexy)\b"
        r"|\b(?:ur|your|yr|ya)\s+(?:panties|pantys|panty|bra|thong|undies|underwear)\s+(?:\w+\s+)?"
        r"(?:around|down|off|pulled|aside)\b"
        r"|\b(?:buy|get|bring)\s+(?:you|u|ya)\s+(?:\w+\s+){0,2}?(?:panties|thong|thongs|bra|bras"
        r"|lingerie|underwear|undies)\b|\b(?:sexy|lacy|lace|tiny)\s+(?:panties|pantys|thong|bra"
        r"|lingerie|undies)\b|\bor none at all\b",
        0.45,
        "They talk about your underwear. From an adult to a young person, that is a warning sign.",
        unless=r"\b(?:to (?:the|tonight'?s|school|prom|party|dinner|work|class|church|the wedding)"
        r"|for (?:the|tonight|school|prom|party|dinner|work|class|halloween))\b",
        keys="wearing kind color colour type style panties pantys panty bra bras thong thongs "
        "undies underwear lingerie none",
        name="asks_underwear",
    ),
    # The writer offering their own nudity: "wanna see me naked", "pics of my lower half".
    Rule(
        r"\b(?:see|seeing|watch|watching|show (?:you|u|ya))\s+(?:me\s+)?(?:in the nude|naked|nude"
        r"|in my (?:boxers|underwear|undies))\b|\bpics? of my (?:lower half|privates|dick|cock"
        r"|junk|penis)\b",
        0.45,
        _EXPLAIN,
        keys="see seeing watch watching show pic pics nude naked boxers underwear undies",
        name="offers_own_nudity",
    ),
    # "he'll post my nudes": the person naming their own pictures is not sexual
    # talk pushed at them, so it gets a blame-free sentence, not a grooming one.
    Rule(
        r"\bmy (?:\w+ )?(?:nudes|nude (?:pics?|photos?|pictures?|videos?|vids?)|naked (?:pics?"
        r"|photos?|pictures?|videos?|vids?))\b",
        0.35,
        "Private pictures are part of this. If they are yours, sending them was not your fault, "
        "and there is help to get them taken down.",
        keys="naked nude nudes",
    ),
    Rule(
        r"\b(?:naked|nude|nudes|topless|undressed|unnaked|semi naked|nudity)\b",
        0.35,
        "They bring up nudity. An adult pushing this with a young person is a warning sign.",
        keys="naked nude nudes topless undressed unnaked nudity",
    ),
    Rule(
        r"\b(?:in|of|see|show|wear|wearing|your|ur|u|you)\s+(?:\w+\s+){0,2}?(?:bra|panties|pantys"
        r"|panty|lingerie|underwear|thong|undies)\b",
        0.35,
        "They talk about your underwear. From an adult to a young person, that is a warning sign.",
        keys="bra panties pantys panty lingerie underwear thong undies",
    ),
    Rule(
        r"\b(?:coger|cogerte|follar|follarte|chuparte|tocarte|mamar|verga|tetas|sexo|desnud[oa]s?"
        r"|virgen|transar|foder|te comer|chupar|buceta|peitos|pelad[oa]s?|virgem|tesao|gozar"
        r"|punheta)\b",
        0.45,
        _EXPLAIN,
        langs=("es", "pt"),
    ),
)


# Longer than a chat message: an email, an article, a story.
LONG_TEXT = 400


class SexualContentDetector(PatternDetector):
    """Finds explicit sexual talk directed at the person; mild flirting stays quiet."""

    name = "sexual_content"
    version = "1"
    tactic = Tactic.SEXUAL_CONTENT
    rules = RULES
    triggers = words(
        "ass balls bang blow boobs breast breasts buceta butt chupar chuparte clit cock coger "
        "cogerte comer cum cumming cunt desnuda desnudas desnudo desnudos dick dirty foder "
        "follar follarte fuck fucked fuckin fucking gozar horny jerk love mamar masturbate "
        "masturbating naked nipple nipples orgasm peitos pelada pelado penis privates "
        "punheta pussy screw sex sexo sexting tesao tetas thighs tits titties tocarte "
        "finger fingered fingering lick licked licking eat ate eating suck sucked sucking rub "
        "rubbing touch touched touching undress strip down oral head porn ever "
        "transar vagina verga virgem virgen virgin virginity"
    )

    def validate(
        self, message: MessageView, match: re.Match[str], rule: Rule, score: float
    ) -> float | None:
        """Sexual talk with a youth cue in the same message weighs more; in a long
        text (adult spam, a story, an article) without one, it weighs less."""
        if has_youth_cue(message.folded):
            return score + 0.15
        if len(message.folded) > LONG_TEXT:
            return min(score, 0.35)
        return score

    def extra_detail(
        self, message: MessageView, match: re.Match[str], rule: Rule
    ) -> tuple[tuple[str, DetailValue], ...]:
        """Say whether a youth cue was seen in the message."""
        return (("youth_cue", has_youth_cue(message.folded)),)
