"""The stolen content's kinds of sentence, each written once for the seven
languages the analysis reads: the plain claim to hold the pictures, the
recording described by what it shows, the split screen. Patterns are over
folded text.
"""

from __future__ import annotations

from unsnare.analysis.base import Rule
from unsnare.analysis.detectors._kinds import (
    _MEDIA_KEYS,
    ALL,
)
from unsnare.analysis.detectors._multilingual import (
    _ADULT_CORE,
    _AUDIENCE,
    _CALM,
    _RECORDED,
    _TAPE,
)

# "I have your pictures / your video", each language.
_HAVE_YOUR_MEDIA = (
    r"(?:\bi (?:have|got|still have|saved|kept)|\bwe (?:have|got)|\bi'?ve got"
    r"|\b(?:ich habe|ich hab|wir haben|habe ich)|\b(?:j'ai|j ai|nous avons|je garde|je possede)"
    r"|\b(?:ho|abbiamo)|\b(?:ik heb|we hebben|wij hebben|heb ik)"
    r"|\b(?:tengo|tenemos|cuento con|guardo|conservo)"
    r"|\b(?:tenho|temos|guardei|possuo))\b"
    r"[^.!?\n]{0,50}?\b(?:your|ur|all your|all ur|dein\w*|ihr\w*|tes|vos|ta|ton|votre"
    r"|(?:le |la |i |il )?(?:tue|tuoi|tuo|tua)|je|jouw|uw|tus|tu|sus|su|seus|suas|seu|sua|teus"
    r"|tuas|teu)\s(?:\w+ )?(?:nudes?|pics|pictures|photos|videos?|vids|recordings?|footage"
    r"|nacktbilder|nacktfotos|fotos|bilder|videos?|aufnahmen|photos|videos?|images"
    r"|enregistrements?|filmato|filmati|foto|immagini|foto's|naaktfoto's|filmpjes?|beelden"
    r"|opnames?|desnudos|imagenes|grabacion\w*|packs?|imagens|gravac\w*)\b"
)
# A recording described by what it shows: "a video where you ...", each language.
_TAPE_SHOWING = (
    r"\b(?:" + _TAPE + r"|photos?|fotos?|bilder|images?|beelden|imagenes|imagens)\b"
    r"[^.!?\n]{0,70}?\b(?:" + _ADULT_CORE + r")"
)
# "On which you can be seen ...": the recording implied by who is seen doing what.
_SEEN_DOING = (
    r"\b(?:you can be seen|te zien (?:is|bent|zijn)|(?:is|ben) te zien"
    r"|man (?:dich|sie) (?:\w+ )?sieht|man sieht|zu sehen (?:ist|bist|sind)|(?:l'on|on) (?:vous|te)"
    r" voit|(?:l'on|on) voit|(?:ti )?si vede|ti si vede|(?:se )?(?:te|le|lo|la) ve|se ve(?: como)?"
    r"|aparece[s]?|aparec\w* (?:voce|vc)|se ve (?:voce|vc)|da pra ver|se (?:pode|consegue) ver)"
    r"\b[^.!?\n]{0,40}?\b(?:" + _ADULT_CORE + r")"
)

# The split screen or the montage: the porn and the person side by side.
_SPLIT = (
    r"\b(?:split[- ]screen|(?:screen|display) (?:was |is )?split|pantalla dividida|tela dividida"
    r"|geteilte\w* bildschirm|bildschirm (?:war |ist )?geteilt|ecran (?:partage|divise|scinde)"
    r"|schermo diviso|gesplitst scherm|scherm (?:in tweeen|gesplitst)"
    r"|(?:one|other|left|right|first|second) (?:half|side)|(?:un|otro|el otro|izquierd\w*"
    r"|derech\w*) lado|(?:um|outro|o outro|esquerd\w*|direit\w*) lado|(?:uma|outra|a outra)"
    r" metade|(?:einen|anderen|linken|rechten) (?:halfte|seite)|(?:une|l'autre) moitie"
    r"|cote (?:gauche|droit)|(?:una|l'altra) meta|lato (?:sinistro|destro)|(?:ene|andere"
    r"|linker|rechter) (?:helft|kant))\b[^.!?\n]{0,60}?\b(?:screen|pantalla|tela|bildschirm\w*"
    r"|ecran|schermo|scherm|video\w*|you|tu|voce|du|vous|jij|je)\b"
    r"|\b(?:montage|montaje|montagem|zusammenschnitt|montaggio|compilation|compilacion"
    r"|compilacao|kompilation)\b"
)
_WATCHING = (
    r"\b(?:" + _ADULT_CORE + r"|watch\w*|veias|viendo|mirabas|mirando|assistia|vendo"
    r"|assistindo|angesehen|angeschaut|ansahst|anschautest|regardiez|regardais|regardant"
    r"|guardavi|guardando|keek|bekeek|aan het kijken|keken)\b"
)

STOLEN_CONTENT: tuple[Rule, ...] = (
    Rule(
        _SPLIT,
        0.5,
        _RECORDED,
        langs=ALL,
        keys="split screen display pantalla tela bildschirm bildschirms ecran schermo scherm half "
        "halfte moitie meta helft lado metade seite cote lato kant montage montaje montagem "
        "zusammenschnitt montaggio compilation compilacion compilacao kompilation",
        requires=_WATCHING,
        unless=_CALM,
        name="split_screen_or_montage",
    ),
    # "On which you can be seen touching yourself."
    Rule(
        _SEEN_DOING,
        0.5,
        _RECORDED,
        langs=ALL,
        keys="seen zien sehen sieht voit vede ve aparece apareces aparecem",
        unless=_CALM,
        name="seen_doing_the_act",
    ),
    # "I have your nudes", "ho anche il tuo filmato", "tenho seus nudes".
    Rule(
        _HAVE_YOUR_MEDIA,
        0.5,
        _RECORDED,
        langs=ALL,
        keys=_MEDIA_KEYS,
        requires=r"\b(?:" + _ADULT_CORE + r"|nudes?|naked|nackt\w*|naakt\w*|nue?s?|desnud\w*"
        r"|nud[ao]s?|intim\w*|sex\w*|password\w*|passwort\w*|mots? de passe|wachtwoord\w*"
        r"|contrasen\w*|senhas?|bitcoin\w*|btc|pay|zahl\w*|payer|pagar\w*|pagare|betal\w*"
        r"|ruin\w*|arruin\w*|rovin\w*|ruiner|post|leak\w*|expos\w*|" + _AUDIENCE
        # "You blocked me, but I still have your pictures."
        + r"|still|todavia|aun|ainda|noch|encore|toujours|ancora|nog|block\w*|bloque\w*"
        r"|bloccat\w*|geblokkeerd)\b",
        unless=_CALM + r"|\b(?:trip|holiday|vacation|wedding|party|birthday|urlaub|hochzeit"
        r"|vacances|mariage|fete|vacanza|matrimonio|festa|vakantie|bruiloft|feest|vacaciones"
        r"|boda|fiesta|ferias|casamento)\b",
        name="holds_your_pictures",
    ),
    # "I know you visit porn sites, and I have the recording."
    Rule(
        r"(?:\bi (?:have|got|kept|saved)|\b(?:ich habe|ich hab|wir haben)|\b(?:j'ai|nous avons)"
        r"|\b(?:ho|abbiamo)|\b(?:ik heb|we hebben)|\b(?:tengo|tenemos)|\b(?:tenho|temos))"
        r" (?:\w+ )?(?:the|that|this|a|die|das|diese|l'|la|le|cette|ce|il|la|questa|questo|het|de"
        r"|dit|deze|el|la|este|esta|esa|ese|o|a|esse|essa|este|esta|un|une|uno|una|een|um|uma"
        r"|ein|eine)\s?(?:\w+ )?" + _TAPE + r"\b",
        0.5,
        _RECORDED,
        langs=ALL,
        keys=_MEDIA_KEYS,
        requires=r"\b(?:" + _ADULT_CORE + r")",
        unless=_CALM,
        name="holds_the_recording",
    ),
    # "A video in which you touch yourself", "vídeos onde você se masturbou".
    Rule(
        _TAPE_SHOWING,
        0.5,
        _RECORDED,
        langs=ALL,
        keys="video videos clip clips film filme films filmpje recording recordings footage "
        "aufnahme aufnahmen enregistrement enregistrements registrazione filmato opname opnames "
        "grabacion grabaciones gravacao gravacoes photo photos foto fotos bilder images image "
        "beelden imagenes imagens screenshot screenshots",
        requires=r"\b(?:you|u|your|yourself|du|dich|dir|sie|ihnen|vous|tu|te|toi|ti|tuo|tua|je"
        r"|jij|jezelf|jou|u|usted|sale|voce|vc|se|seu|sua)\b",
        unless=_CALM,
        name="recording_shows_the_act",
    ),
)

# "I saw you pleasure yourself in front of the camera", each language: the
# recording claimed through what was watched.
_I_SAW_YOU = (
    r"\b(?:i (?:saw|watched|have seen|have watched|could see)|(?:te |lo |la )?(?:vi|he visto"
    r"|observe)|(?:eu )?(?:te |o |a )?(?:vi|assisti)|ich (?:habe|hab) (?:\w+ ){0,3}?(?:gesehen"
    r"|beobachtet)|ich sah|je (?:t'ai|vous ai) (?:vu|regarde|observe)|j'ai vu|(?:ti )?ho (?:visto"
    r"|guardato|osservato)|ik heb (?:\w+ ){0,3}?(?:gezien|bekeken)|ik zag)\b"
)
# The act itself, not porn in general ("I saw you like porn, lol" is banter).
_THE_ACT = (
    r"(?:masturb\w*|befriedig\w*|selbstbefriedig\w*|(?:vous|te) faire plaisir|faisant plaisir"
    r"|toccandoti|ti toccavi|ti davi piacere|tocandote|dandote placer|se tocando|dando prazer"
    r"|bevredig\w*|touch(?:ing)? (?:yourself|urself)|pleasur\w* (?:yourself|urself)"
    r"|jerk(?:ing)? off|wank\w*|te touch\w*|vous touch\w*|uspokojova\w*|uspokaja\w*"
    r"|zaspokaja\w*)"
)
_SAW_THE_ACT = _I_SAW_YOU + r"[^.!?\n]{0,80}?\b" + _THE_ACT

STOLEN_CONTENT = STOLEN_CONTENT + (
    Rule(
        _SAW_THE_ACT,
        0.5,
        _RECORDED,
        langs=ALL,
        keys="saw watched seen see vi visto observe assisti gesehen beobachtet sah vu regarde "
        "guardato osservato gezien bekeken zag",
        requires=r"\b(?:you|yourself|te|tu|voce|vc|du|dich|sie|vous|toi|ti|je|jezelf|jij|u"
        r"|usted)\b",
        unless=_CALM,
        name="saw_you_do_it",
    ),
)
