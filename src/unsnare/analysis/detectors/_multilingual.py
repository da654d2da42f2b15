"""Rules for the core of the scheme in more languages: the hacking claim, the
recording, the payment in Bitcoin, the deadline and the threat to send it to
every contact.

The bulk sextortion email is translated into many languages and keeps its
shape in all of them, so a handful of patterns per language reads most of it.
Patterns are written over folded text (lower case, accents off: "à" is "a",
"ß" is "s", "ø" is "o"). The learned layer covers the wording these miss.

Each rule is for one tactic; the detector of that tactic adds them to its own
table. Rules marked for every language (`ALL`) name things that look the same
everywhere (an amount next to "bitcoin"); they also run on languages Unsnare
does not read yet, so what they find is still reported.
"""

from __future__ import annotations

from dataclasses import replace

from unsnare.analysis.base import Rule

ALL = ("en", "es", "pt", "de", "fr", "it", "nl")
_OTHER = ("de", "fr", "it", "nl", "es", "pt")

_HACK = (
    "They claim to have hacked your device or camera. This is a common bluff sent to "
    "thousands of people at once."
)
_RECORDED = (
    "They claim to have recorded you or saved your pictures. Often a bluff; either way, "
    "it is not your fault."
)
_SEND_ALL = (
    "They threaten to send a video or pictures of you to your contacts. That is "
    "blackmail, and it is not your fault."
)
_PAY_CRYPTO = "They demand money in Bitcoin or another cryptocurrency. Do not pay."
_HOURS = "They give you a deadline to pay. The pressure is a tactic; you have time to get help."

# "Detected", "noticed", "unusual", "suspicious": a bank or a mail provider
# reporting an access to the account, not someone claiming to have broken in.
_NOTICE = (
    r"\b(?:festgestellt|bemerkt|erkannt|ungewohnlich\w*|verdachtig\w*|unbefugt\w*|detecte\w*"
    r"|inhabituel\w*|suspect\w*|rilevat\w*|insolit\w*|sospett\w*|gedetecteerd|ongebruikelijk\w*"
    r"|verdacht\w*|detectad\w*|detectamos|inusual\w*|sospechos\w*|incomum|suspeit\w*"
    r"|detected|unusual|suspicious|neobvykl\w*|podezrel\w*|nietypow\w*|podejrzan\w*"
    r"|mistenkelig\w*|usaedvanlig\w*|ovanlig\w*|misstankt\w*)\b"
)

HACKING_CLAIM: tuple[Rule, ...] = (
    Rule(
        r"\b(?:ich|wir) (?:habe|hab|haben) (?:\w+ ){0,5}?(?:gehackt|infiziert|geknackt)"
        r"|\b(?:ich|wir) (?:habe|hab|haben) (?:\w+ ){0,4}?(?:trojaner|malware|virus|spyware"
        r"|schadsoftware|programm|software) (?:\w+ ){0,4}?installiert"
        r"|\b(?:ich|wir) (?:habe|hab|haben) (?:\w+ ){0,3}?(?:vollen |vollstandigen )?"
        r"(?:zugriff|zugang|kontrolle) (?:auf|uber|zu) (?:ihr|dein|ihre|deine|ihren|deinen)\w*",
        0.55,
        _HACK,
        langs=("de",),
        keys="gehackt infiziert geknackt installiert zugriff zugang kontrolle",
        unless=_NOTICE,
    ),
    Rule(
        r"\b(?:j'ai|j ai|nous avons) (?:\w+ ){0,4}?(?:pirate|hacke|infecte|piratee|hackee)"
        r"|\b(?:j'ai|j ai|nous avons) (?:\w+ ){0,5}?installe (?:\w+ ){0,3}?(?:logiciel|malware"
        r"|virus|cheval de troie|trojan|programme)"
        r"|\b(?:j'ai|j ai) (?:\w+ ){0,3}?(?:acces|le controle) (?:complet |total )?(?:a|de|sur)"
        r" (?:votre|ton|ta|vos|tes)\b",
        0.55,
        _HACK,
        langs=("fr",),
        keys="pirate hacke infecte piratee hackee installe acces controle",
        unless=_NOTICE,
    ),
    Rule(
        r"\b(?:ho|abbiamo) (?:\w+ ){0,4}?(?:hackerato|violato|infettato|craccato|hackerata)"
        r"|\b(?:ho|abbiamo) (?:\w+ ){0,5}?installato (?:\w+ ){0,3}?(?:malware|virus|trojan"
        r"|software|programma|spyware)"
        r"|\bho (?:\w+ ){0,3}?(?:accesso|il controllo) (?:completo |totale )?(?:a|al|ai|alla"
        r"|alle|del|dei|sul|sui) (?:tuo|tuoi|tua|tue|suo|suoi|sua)\b",
        0.55,
        _HACK,
        langs=("it",),
        keys="hackerato violato infettato craccato hackerata installato accesso controllo",
        unless=_NOTICE,
    ),
    Rule(
        r"\b(?:ik heb|we hebben|wij hebben|heb ik) (?:\w+ ){0,4}?(?:gehackt|geinfecteerd"
        r"|gekraakt)"
        r"|\b(?:ik heb|we hebben|heb ik) (?:\w+ ){0,5}?(?:malware|virus|trojan|software"
        r"|spyware|programma) (?:\w+ ){0,3}?geinstalleerd"
        r"|\b(?:ik heb|heb ik) (?:\w+ ){0,3}?(?:volledige )?(?:toegang|controle) (?:tot|over)"
        r" (?:je|jouw|uw)\b",
        0.55,
        _HACK,
        langs=("nl",),
        keys="gehackt geinfecteerd gekraakt geinstalleerd toegang controle",
        unless=_NOTICE,
    ),
    Rule(
        r"\b(?:he|hemos) (?:\w+ ){0,3}?(?:hackeado|pirateado|infectado|vulnerado)"
        r"|\b(?:he|hemos) (?:\w+ ){0,4}?instalado (?:\w+ ){0,3}?(?:malware|virus|troyano"
        r"|software|programa|spyware)"
        r"|\b(?:tengo|obtuve|consegui) (?:\w+ ){0,2}?(?:acceso|control) (?:total |completo )?"
        r"(?:a|al|de|sobre) (?:tu|tus|su|sus)\b",
        0.55,
        _HACK,
        langs=("es",),
        keys="hackeado pirateado infectado vulnerado instalado acceso control",
        unless=_NOTICE,
    ),
    Rule(
        r"\b(?:hackeei|invadi|infectei|hackeamos|invadimos)\b"
        r"|\b(?:instalei|instalamos) (?:\w+ ){0,3}?(?:malware|virus|trojan|software|programa"
        r"|spyware)"
        r"|\b(?:tenho|obtive|consegui|ganhei) (?:\w+ ){0,2}?(?:acesso|controle|controlo)"
        r" (?:total |completo )?(?:a|ao|aos|as|de|do|sobre) (?:seu|sua|seus|suas|teu|tua"
        r"|teus|tuas)\b",
        0.55,
        _HACK,
        langs=("pt",),
        keys="hackeei invadi infectei hackeamos invadimos instalei instalamos acesso controle "
        "controlo",
        unless=_NOTICE,
    ),
    # "I am a hacker", "I have been watching you", "I know your password", "all your
    # data was copied": the claim of control, in each language, without the money.
    Rule(
        r"\b(?:ich bin|je suis|sono|soy|sou|ik ben|jsem|jestem|jeg er|jag ar)"
        r" (?:\w+ ){0,2}?(?:hacker|hackeur|haker|programmierer|programmeur|programmatore"
        r"|programador|programmeur|programator)\w*"
        r"|\b(?:ich beobachte (?:dich|sie)|je (?:t'|vous |te )?(?:observe|surveille|espionne)"
        r"|ti (?:sto )?(?:osservando|osservo|spio|controllo)|ik (?:houd|hou) (?:je|u) "
        r"(?:\w+ ){0,4}?in de gaten|ik bekijk (?:je|u)|te (?:he estado |estoy |estado )?"
        r"(?:observando|vigilando|espiando)|(?:estou|estive) (?:te |a te )?(?:observando|vigiando"
        r"|espionando|observar|vigiar))\b"
        r"|\b(?:ich kenne|je connais|conosco|conozco|conheco|ik ken) (?:\w+ ){0,2}?"
        r"(?:passwort|kennwort|mot de passe|password|contrasena|senha|wachtwoord)"
        r"|\b(?:alle (?:ihre|deine) daten|toutes (?:vos|tes) donnees|tutti i (?:tuoi|suoi) dati"
        r"|todos (?:tus|sus|los) datos|todos (?:os )?(?:seus|teus) dados|al (?:je|uw) gegevens)"
        r" (?:\w+ ){0,4}?(?:kopiert|copiees|copiati|copiados|gekopieerd|heruntergeladen"
        r"|telecharge\w*|scaricat\w*|descargad\w*|baixad\w*|gedownload)",
        0.55,
        _HACK,
        langs=_OTHER,
        keys="bin suis sono soy sou ben beobachte observe surveille espionne osservando osservo "
        "spio controllo houd hou bekijk observando vigilando espiando vigiando espionando "
        "observar vigiar kenne connais conosco conozco conheco ken daten donnees dati datos "
        "dados gegevens",
        unless=_NOTICE,
    ),
    # "We have your passwords", "my software sees everything you do".
    Rule(
        r"\b(?:ich habe|wir haben|habe ich|j'ai|nous avons|ho|abbiamo|tengo|tenemos|tenho|temos"
        r"|ik heb|we hebben) (?:\w+ ){0,4}?(?:passwort\w*|kennwort\w*|mots? de passe|password"
        r"|contrasenas?|senhas?|wachtwoord\w*)"
        r"|\b(?:meine|mein|mon|ma|il mio|la mia|mi|meu|minha|mijn) (?:\w+ )?(?:software|programm"
        r"|programa|programme|programma|malware|virus|trojaner|troyano) (?:\w+ ){0,3}?(?:erkennt"
        r"|sieht|registriert|reconnait|voit|enregistre|riconosce|vede|registra|reconoce|ve"
        r"|reconhece|herkent|ziet|registreert)",
        0.55,
        _HACK,
        langs=_OTHER,
        keys="habe haben ai avons ho abbiamo tengo tenemos tenho temos heb hebben meine mein mon "
        "ma mio mia mi meu minha mijn",
        unless=_NOTICE,
    ),
    # Languages Unsnare does not read yet: the claim, not its grammar.
    Rule(
        r"\b(?:hacknul|hacknula|hacknuli|napadl|nainstaloval|zhakowal\w*|zhackowal\w*"
        r"|wlamal\w*|zainstalowal\w*|hacket|hackat|hackade|installerede|installerte"
        r"|installerade)\b",
        0.55,
        _HACK,
        langs=ALL,
        keys="hacknul hacknula hacknuli napadl nainstaloval zhakowalem zhakowalam zhakowal "
        "zhackowalem wlamalem zainstalowalem zainstalowal hacket hackat hackade installerede "
        "installerte installerade",
        unless=_NOTICE,
    ),
)

# What people record or show on purpose, each language: a lecture, a lesson, a
# meeting, a concert, a school play. "I recorded the whole lecture" is help.
_PUBLIC_EVENT = (
    r"\b(?:lectures?|lessons?|class(?:es)?|meetings?|webinars?|podcasts?|concerts?|recitals?"
    r"|school play|performances?|sermons?|interviews?|vorlesung\w*|unterricht\w*|besprechung\w*"
    r"|konzert\w*|auffuhrung\w*|theaterstuck\w*|schultheater\w*|clases?|reunion|conciertos?"
    r"|obra (?:del|de la) (?:colegio|escuela)|aula|palestra|reuniao|concertos?|peca da escola"
    r"|(?:le|du|tout le) cours|concerts?|spectacle\w*|lezion\w*|riunion\w*|recita\w*"
    r"|(?:het|hele) college|hoorcollege\w*|vergadering\w*|voorstelling\w*|schoolmusical"
    r"|wyklad\w*|lekcj\w*"
    r"|zebrani\w*|prednask\w*|schuz\w*|koncert\w*|forelasning\w*|forelaesning\w*"
    r"|forelesning\w*|moten|mote)\b"
)

STOLEN_CONTENT: tuple[Rule, ...] = (
    Rule(
        r"\b(?:ich|wir) (?:habe|hab|haben) (?:\w+ ){0,6}?(?:aufgenommen|gefilmt|aufgezeichnet)"
        r"|\b(?:video|aufnahme|videos|aufnahmen) (?:von (?:ihnen|dir) )?(?:\w+ ){0,6}?"
        r"(?:aufgenommen|gefilmt|aufgezeichnet|gemacht)",
        0.5,
        _RECORDED,
        langs=("de",),
        keys="aufgenommen gefilmt aufgezeichnet gemacht",
        requires=r"\b(?:sie|du|dich|ihnen|dir|ihr|dein)\b",
    ),
    Rule(
        r"\b(?:j'ai|j ai|nous avons) (?:\w+ ){0,5}?(?:enregistre|filme|capture)"
        r"|\b(?:video|enregistrement)s? (?:de vous|de toi|ou vous|ou tu)\b",
        0.5,
        _RECORDED,
        langs=("fr",),
        keys="enregistre filme capture video videos enregistrement enregistrements",
    ),
    Rule(
        r"\b(?:ho|abbiamo) (?:\w+ ){0,5}?(?:registrato|filmato|ripreso|catturato)"
        r"|\b(?:video|registrazione) (?:di te|in cui (?:tu|ti))\b",
        0.5,
        _RECORDED,
        langs=("it",),
        keys="registrato filmato ripreso catturato video registrazione",
    ),
    Rule(
        r"\b(?:ik heb|we hebben|heb ik) (?:\w+ ){0,5}?(?:opgenomen|gefilmd|vastgelegd)"
        r"|\b(?:video|opname)s? (?:van (?:je|jou|u)|waarin (?:je|u))\b",
        0.5,
        _RECORDED,
        langs=("nl",),
        keys="opgenomen gefilmd vastgelegd video videos opname opnames",
    ),
    Rule(
        r"\b(?:he|hemos) (?:\w+ ){0,4}?(?:grabado|filmado|capturado)|\b(?:te grabe|grabe"
        r"|filme)\b|\bvideo (?:tuyo|de ti|suyo|donde (?:tu|te|usted))\b",
        0.5,
        _RECORDED,
        langs=("es",),
        keys="grabado filmado capturado grabe filme video",
    ),
    Rule(
        r"\b(?:gravei|filmei|gravamos|filmamos|capturei)\b|\b(?:tenho|temos) (?:\w+ ){0,2}?"
        r"(?:um |uns )?(?:video|videos|gravac\w*) (?:seu|sua|de voce|de vc|teu)",
        0.5,
        _RECORDED,
        langs=("pt",),
        keys="gravei filmei gravamos filmamos capturei video videos gravacao gravacoes",
    ),
    Rule(
        r"\b(?:nahral|nahrala|natocil|natocila|nagralem|nagralam|nagrywalem|optog"
        r"|spelade in|filmet|filmade)\b",
        0.5,
        _RECORDED,
        langs=ALL,
        keys="nahral nahrala natocil natocila nagralem nagralam nagrywalem optog spelade filmet "
        "filmade",
    ),
)

# Words for a recording or pictures, in every language read here (folded).
_MEDIA = (
    r"\b\w*(?:video|fotos?|foto's|photos?|pics?|bild|bilder|aufnahme|enregistrement|registrazion"
    r"|opname|grabacion|gravac|wideo|fotk|fotek|fotograf|billed|kuva|nagrani|nahravk|optagelse"
    r"|opptak|inspelning|zdjec|snimk|film|clip"
    r"|immagini|imagenes|imagens|afbeelding|nudes?|nackt|naakt|nud[eio]|desnud)\w*"
)

THREAT_TO_EXPOSE: tuple[Rule, ...] = (
    # "to your (whole) family / friends / parents / school", with pictures named.
    Rule(
        r"\b(?:an|zu|mit) (?:deine|deinen|ihre|ihren|dein|ihr)\w* (?:ganze\w* |gesamte\w* )?"
        r"(?:famili\w*|freund\w*|eltern|mutter|vater|kontakt\w*|follower\w*|schule|klasse"
        r"|chef\w*|arbeitgeber\w*|kolleg\w*|verwandt\w*)",
        0.7,
        _SEND_ALL,
        langs=("de",),
        keys="an zu mit",
        requires=_MEDIA,
    ),
    Rule(
        r"\b(?:a|chez) (?:toute |tous )?(?:ta|ton|tes|votre|vos) (?:\w+ )?(?:famille|amis|parents"
        r"|mere|pere|contacts|abonnes|followers|ecole|classe|patron|collegues|proches)",
        0.7,
        _SEND_ALL,
        langs=("fr",),
        keys="a chez",
        requires=_MEDIA,
    ),
    Rule(
        r"\b(?:a|ai|alla|alle) (?:tutta |tutti )?(?:la |i |le )?(?:tua|tuo|tuoi|tue|sua|suoi|sue)"
        r" (?:famiglia|amici|genitori|madre|padre|contatti|follower|scuola|classe|capo|colleghi"
        r"|parenti)",
        0.7,
        _SEND_ALL,
        langs=("it",),
        keys="a ai alla alle",
        requires=_MEDIA,
    ),
    Rule(
        r"\b(?:naar|aan) (?:al |heel )?(?:je|jouw|uw) (?:hele )?(?:familie|vrienden|ouders|moeder"
        r"|vader|contacten|volgers|school|klas|baas|collega's|collegas)",
        0.7,
        _SEND_ALL,
        langs=("nl",),
        keys="naar aan",
        requires=_MEDIA,
    ),
    Rule(
        r"\b(?:an|mit|zu) (?:alle|allen|all|jede\w*) (?:\w+ ){0,2}?(?:kontakt\w*|freund\w*"
        r"|famili\w*|kolleg\w*|verwandt\w*|follower\w*|bekannt\w*|arbeitgeber)"
        r"|\b(?:veroffentlich\w*|hochlad\w*|hochgelad\w*|verschick\w*|versend\w*|verbreit\w*)"
        r"\b(?:\w+ ){0,6}?(?:video|aufnahme|bilder|fotos)",
        0.7,
        _SEND_ALL,
        langs=("de",),
        keys="an mit zu veroffentlichen veroffentliche veroffentlicht hochladen hochgeladen "
        "verschicken verschicke versenden versende verbreiten verbreite",
        requires=_MEDIA,
    ),
    Rule(
        r"\b(?:a|avec) (?:tous|toutes) (?:\w+ ){0,2}?(?:contacts|amis|proches|famille|collegues"
        r"|followers|abonnes|connaissances)"
        r"|\b(?:envoyer|enverrai|envoie|envoyee|publier|publierai|diffuser|diffuserai|partager"
        r"|partagerai)\b(?:\w+ ){0,6}?(?:video|photos|enregistrement)\b(?:\w+ ){0,6}?(?:a|sur)"
        r" (?:tous|toutes|tes|vos|votre|ta|ton|internet|les reseaux)",
        0.7,
        _SEND_ALL,
        langs=("fr",),
        keys="tous toutes envoyer enverrai envoie envoyee publier publierai diffuser diffuserai "
        "partager partagerai",
        requires=_MEDIA,
    ),
    Rule(
        r"\b(?:a|ai|con) (?:tutti|tutte) (?:i |le )?(?:\w+ ){0,1}?(?:contatti|amici|parenti"
        r"|familiari|colleghi|follower|conoscenti)"
        r"|\b(?:mandero|inviero|pubblichero|condividero|diffondero|inviare|pubblicare|diffondere)"
        r"\b(?:\w+ ){0,6}?(?:video|foto|registrazione)",
        0.7,
        _SEND_ALL,
        langs=("it",),
        keys="tutti tutte mandero inviero pubblichero condividero diffondero inviare pubblicare "
        "diffondere",
        requires=_MEDIA,
    ),
    Rule(
        r"\b(?:naar|met|aan) (?:al|alle) (?:\w+ ){0,1}?(?:contacten|vrienden|familie|collega's"
        r"|collegas|volgers|kennissen)"
        r"|\b(?:stuur|sturen|versturen|verstuur|publiceer|publiceren|delen|deel|verspreid"
        r"|verspreiden|upload|uploaden)\b(?:\w+ ){0,6}?(?:video|foto's|fotos|opname)",
        0.7,
        _SEND_ALL,
        langs=("nl",),
        keys="al alle stuur sturen versturen verstuur publiceer publiceren delen deel verspreid "
        "verspreiden upload uploaden",
        requires=_MEDIA,
    ),
    Rule(
        r"\b(?:a|con|para) (?:todos|todas) (?:tus |sus |los |las )?(?:\w+ ){0,1}?(?:contactos"
        r"|amigos|familiares|seguidores|companeros|conocidos)"
        r"|\b(?:enviare|mandare|publicare|compartire|subire|difundire)\b(?:\w+ ){0,6}?"
        r"(?:video|fotos|grabacion)",
        0.7,
        _SEND_ALL,
        langs=("es",),
        keys="todos todas enviare mandare publicare compartire subire difundire",
        requires=_MEDIA,
    ),
    Rule(
        r"\b(?:a|para|com) (?:todos|todas) (?:os |as )?(?:seus |suas |teus |tuas )?(?:\w+ ){0,1}?"
        r"(?:contatos|contactos|amigos|familiares|seguidores|colegas|conhecidos)"
        r"|\b(?:enviarei|mandarei|publicarei|compartilharei|postarei|divulgarei|vou (?:enviar"
        r"|mandar|publicar|postar|divulgar|espalhar))\b(?:\w+ ){0,6}?(?:video|fotos|gravac\w*)",
        0.7,
        _SEND_ALL,
        langs=("pt",),
        keys="todos todas enviarei mandarei publicarei compartilharei postarei divulgarei vou",
        requires=_MEDIA,
    ),
    Rule(
        r"\b(?:vsem|vsechny) (?:\w+ ){0,1}?(?:kontakt\w*|pratel\w*|rodin\w*|kolegum)"
        r"|\b(?:wszystkim|wszystkich|do) (?:twoim |twoich |pana |pani )?(?:kontakt\w*|znajom\w*"
        r"|rodzin\w*|przyjaciol\w*)"
        r"|\btil alle (?:\w+ ){0,1}?(?:kontakter|venner|familie)"
        r"|\btill alla (?:\w+ ){0,1}?(?:kontakter|vanner|familj\w*)",
        0.7,
        _SEND_ALL,
        langs=ALL,
        keys="vsem vsechny wszystkim wszystkich do til till",
        requires=_MEDIA,
    ),
)

# "It would be a shame if your family saw it": the audience, without "I will send".
THREAT_TO_EXPOSE = THREAT_TO_EXPOSE + (
    Rule(
        r"\b(?:schade|schande|peinlich|ce serait dommage|quel dommage|honte|peccato|vergogna"
        r"|zonde|jammer|schande|pena|lastima|verguenza|vergonha)\b[^.!?\n]{0,80}?\b(?:wenn|falls"
        r"|que|si|se|als|als je|dat)\b[^.!?\n]{0,40}?\b(?:famili\w*|famill\w*|famigli\w*"
        r"|freund\w*|eltern|kolleg\w*"
        r"|amis|parents|proches|collegues|amici|genitori|colleghi|vrienden|ouders|collega\w*"
        r"|amigos|padres|companeros|pais|colegas)\b",
        0.7,
        _SEND_ALL,
        langs=_OTHER,
        keys="schade schande peinlich dommage honte peccato vergogna zonde jammer pena lastima "
        "verguenza vergonha",
        requires=_MEDIA + r"|\b(?:das|ca|cela|questo|quello|dit|dat|esto|eso|isso|isto)\b",
    ),
)

_CURRENCY = (
    r"(?:[$€£]|usd|eur|euros?|euroa|euroja|dollars?|dollaria|dolares|dolar|czk|kc|korun\w*"
    r"|zl|pln|zlotych|zloty|kr|sek|nok|dkk|kroner|kronor|kruunua|chf|r\$|reais)"
)

PAYMENT_DEMAND: tuple[Rule, ...] = (
    Rule(
        rf"\d[\d.,' ]*\s?{_CURRENCY}(?![a-z])[^.\n]{{0,80}}?\b(?:in |en |em |v |w |i )?"
        rf"(?:bitcoin\w*|btc|krypto\w*|crypto\w*|kryptomen\w*)\b|\b(?:bitcoin\w*|btc)\b"
        rf"[^.\n]{{0,60}}?(?:{_CURRENCY}\s?\d[\d.,' ]*|\d[\d.,' ]*\s?{_CURRENCY}(?![a-z]))",
        0.6,
        _PAY_CRYPTO,
        langs=ALL,
        keys="bitcoin bitcoins btc krypto crypto kryptomena bitcoinu bitcoinach bitcoiny "
        "bitcoinech bitcoinech bitcoinow bitcoineina bitcoinina bitcoineja bitcoinia",
        requires=r"\b(?:video\w*|aufnahme\w*|webcam|kamera|camera|camara|enregistr\w*"
        r"|registr\w*|grab\w*|grav\w*|opname\w*|nagran\w*|nahr\w*|kontakt\w*|contact\w*|porn\w*"
        r"|sex\w*|intim\w*|nude\w*|nackt\w*|nu|nue|desnud\w*|nud\w*|naakt\w*|wallet|adress\w*"
        r"|adres\w*|portafoglio|portefeuille|portemonnee|carteira|cartera|osoit\w*|portfel\w*"
        r"|lommebo\w*|planbok\w*|lompakko\w*"
        # "Send me": someone asking for it for themselves, not an offer to invest.
        r"|me (?:envies|envie|mandes|mande|transfieras|pagues|pague|transfira)|mir|moi|mij"
        r"|mnie|mne|mig|meg|minulle)\b",
    ),
)

DEADLINE: tuple[Rule, ...] = (
    Rule(
        r"\b(?:innerhalb (?:von |der nachsten )?|in den nachsten |dans les |dans |sous |entro |"
        r"nelle prossime |binnen |in de komende |en (?:las proximas )?|dentro de |em |nas proximas"
        r" |w ciagu |do |behem |inden for |innen |inom )(?:24|36|48|50|72|\d{1,2})\s?"
        r"(?:stunden|std|heures|h|ore|uur|horas|hodin|godzin|timer|timmar|tagen|jours|giorni"
        r"|dagen|dias|dni|dnu|dage|dager|dagar)\b",
        0.35,
        _HOURS,
        langs=_OTHER + ("cs", "pl", "da", "no", "sv"),
        keys="innerhalb in dans sous entro nelle binnen en dentro em nas w do behem inden innen "
        "inom",
        requires=_MEDIA + r"|\b(?:bitcoin\w*|btc|zahl\w*|payer|paiement|pagar|pagamento|betal\w*"
        r"|pagare|plat\w*|zaplat\w*)\b",
    ),
)


# ---------------------------------------------------------------------------
# The bulk email sentence by sentence, in twelve languages.
#
# Warnings and news quote the bulk email one sentence at a time, and many of
# those sentences hold none of the words above. The rules below read each
# recurring kind of sentence alone: the claim of control, the recording, the
# threat to send it out, the payment, the clock and the warning-off. Police
# warnings and news reports use the same words in the third person ("they
# claim", "behauptet") or as advice ("do not pay", "change your password");
# `_REPORTED` keeps those calm, as `_NOTICE` keeps a bank's notice calm.

_NEW = ("cs", "pl", "da", "no", "sv", "fi")
_TWELVE = ALL + _NEW

# The explanations reuse sentences the other detectors write (each one is
# translated for the web pages): keeping the warning-off secret protects them,
# "pointless to answer" is part of the hacking bluff, silence has a price.
_WARN_OFF = "They want what happens between you kept secret. That protects them, not you."
_NO_REPLY = _HACK
_SILENCE = "They are demanding money, with a threat attached."

# Someone telling about the scheme, or advising what to do about it: the third
# person ("they claim"), advice ("do not pay", "change your password"), the
# old leak the password came from, "these emails", and the name of the fraud.
_REPORTED = (
    r"\b(?:behauptet|behaupten|angeblich\w*|geben vor|gibt vor|drohen|droht|pretend\w*"
    r"|menacent|affermano|afferma|sostengono|sostiene|dichiarano|minacciano|beweren|beweert"
    r"|zogenaamd\w*|dreigen|afirman|aseguran|amenazan|alegam|afirmam|ameacam|tvrdi\w*"
    r"|vyhrozuj\w*|twierdz\w*|rzekomo|grozi\w*|havder|hevder|pastar|truer|hotar|vaitta\w*"
    r"|uhkaa\w*"
    r"|(?:zahlen sie|zahle|zahlt|bezahlen sie|uberweisen sie) (?:\w+ )?nicht|nicht (?:be)?zahlen"
    r"|ne (?:payez|paie|payer) (?:pas|jamais|rien)|ne pas payer|non (?:pagate|pagare|paghi)"
    r"|niet (?:be)?talen|betaal (?:niet|nooit)|no (?:pague\w*|pagar)|nunca pague\w*"
    r"|nao (?:pague|pagar|pagues)|neplat\w*|nie (?:plac\w*|wplac\w*|przelew\w*)"
    r"|betal (?:ikke|aldrig|aldri)|ikke betal\w*|betala (?:inte|aldrig)|inte betala|ala maksa"
    r"|(?:andern sie|andere|changez|cambiate|cambia|cambie|wijzig|verander|altere|mude|zmente"
    r"|zmen|zmien|skift|bytt|byt|vaihda) (?:\w+ ){0,2}?(?:passwort\w*|kennwort\w*|mot de passe"
    r"|password|wachtwoord\w*|contrasena|senha|heslo|haslo|adgangskode|passord|losenord"
    r"|salasana\w*)"
    r"|datenleck\w*|datenlek\w*|fuites? de donnees|fuga di dati|datalek\w*|filtracion\w*"
    r"|vazamento\w*|unik\w* dat|wyciek\w*|datalak|datalekkasj\w*|dataintrang|tietovuo\w*"
    # (Reporting it as advice, not "if you report me", which is the sender's threat.)
    r"|erstatten sie (?:\w+ )?anzeige|porter plainte|sporgere denuncia|doe aangifte"
    r"|aangifte doen|denuncie (?:ante|en)|denunciar (?:ante|en)|oznamte|zglos|polisanmal"
    r"|gor en polisanmalan|tee rikosilmoitus"
    r"|(?:diese|solche|derartige|ces|de tels|queste|tali|deze|zulke|estos|estas|esses|estes"
    r"|tyto|takie|disse|sadanne|slike|dessa|sadana|naita|tallaisia) (?:\w+ )?(?:e-?mails"
    r"|e-?maile|mails|nachrichten|courriels|messages|messaggi|berichten|correos|mensajes"
    r"|mensagens|zpravy|wiadomosci|beskeder|meldinger|meddelanden|mejl|viestit|viesteja"
    r"|sahkoposteja)"
    r"|betrug\w*|arnaque\w*|truffa|truffe|oplichting|estafa|golpe|podvod\w*|oszustw\w*"
    r"|svindel|bedrageri|huijau\w*|phishing"
    # The sender named as a scammer or blackmailer: no one calls themselves that.
    r"|betruger\w*|erpresser\w*|escroc\w*|maitre chanteur|maitres chanteurs|truffator\w*"
    r"|ricattator\w*|oplichter\w*|afperser\w*|estafador\w*|extorsionador\w*|chantajista\w*"
    r"|golpista\w*|extorsionario\w*|chantagista\w*|scammers?|extortionists?|blackmailers"
    # The person it was sent to, in the third person, and the email described.
    r"|opfer\w*|empfanger\w*|betroffene\w*|victime\w*|destinataire\w*|internaute\w*"
    r"|vittim\w*|destinatari\w*|slachtoffer\w*|ontvanger\w*|victima\w*|destinatario\w*"
    r"|vitima\w*|obet\w*|obeti|ofiar\w*|odbiorc\w*|offeret|ofrene|ofre|modtageren|modtagerne"
    r"|mottaker\w*|mottagare\w*|uhri\w*|vastaanottaja\w*"
    r"|(?:der|le|il|de|el|o) (?:\w+ )?(?:hacker|pirate|pirata|cybercriminel\w*"
    r"|ciberdelincuente\w*|cybercrimin\w*|erpresser|ricattatore|afperser|chantajista)"
    r"|in der (?:e-?mail|nachricht|mail)|(?:selon|dans) (?:le|ce) (?:message|mail|courriel)"
    r"|(?:nel|nella) (?:messaggio|mail|e-?mail)|in (?:de|het) (?:mail|e-?mail|bericht)"
    r"|(?:en|segun) el (?:correo|mensaje)|(?:no|na|segundo o|segundo a) (?:e-?mail|mensagem)"
    r"|v (?:e-?mailu|te zprave)|w (?:wiadomosci|mailu|e-?mailu)|i (?:mailen|beskeden"
    r"|meldingen|e-?posten|mejlet)|viestissa|sahkopostissa"
    # "Do not hesitate to contact the police": advice, not the warning-off.
    r"|n'?hesitez pas|zogern sie nicht|zogere nicht|scheuen sie sich nicht|non esitate|aarzel niet"
    r"|no dude\w*|nao hesite\w*|nevahejte"
    r"|nie wahaj\w*|tov ikke|nol ikke|tveka inte|ala epaile)\b"
)
_CALM = _NOTICE + "|" + _REPORTED

# First person in each language: the sender speaking of themselves.
_ME = (
    r"\b(?:ich|mich|mir|mein\w*|j'|je (?:\w+ )?(?:ai|suis|vais|sais|peux|vois|veux|serai"
    r"|saurai|verrai|n'ai)|moi|mon|io|ho|mio|mia|miei|ik|mij|mijn|yo|mi|mis|tengo|eu|meu"
    r"|minha|tenho|jsem|mam|muj|moje|jestem|mnie|moj|jeg|mig|meg|mitt|jag|minulla|olen"
    r"|mina|minun|mim|mym|mou|mnou|minua)\b"
)
# The person addressed, in each language.
_YOU = (
    r"\b(?:sie|du|dich|dir|ihnen|dein\w*|vous|tu|te|toi|t'|ti|tuo|tua|je|jou|jouw|uw|usted"
    r"|tus?|voce|vc|lhe|seu|sua|tebe|tebou|vas|vami|ty|tvuj|cie|ciebie|toba|pana|pania|dig"
    r"|deg|din|dit|ditt|sinua|sinusta|sina|sinun|\w+ndote|\w+ndoti)\b"
)

# What the bulk email says the person was watching or doing, named plainly.
_ADULT_CORE = (
    r"(?:porn\w*|masturb\w*|onan\w*|befriedig\w*|selbstbefriedig\w*|erwachsenenseit\w*"
    r"|sexseit\w*|sites? (?:pour |pour les )?adultes|(?:vous|te) faire plaisir|faisant plaisir"
    r"|siti (?:per |a luci )?(?:adulti|rosse)|toccandoti|ti davi piacere|sites? voor volwassenen"
    r"|sitios? (?:para |de )?adultos|tocandote|dandote placer|sites? (?:para |de )?adultos"
    r"|se tocando|dando prazer|stranky pro dospele|uspokojova\w*|uspokaja\w*|sider for voksne"
    r"|tilfredsstil\w*|sidor for vuxna|tillfredsstall\w*|aikuisviihde\w*|aikuis\w* sivu\w*"
    r"|itsetyydy\w*|xxx|paginas? (?:para |de )?adultos|satisfaciendo\w*|satisfacerte"
    r"|pages? (?:pour )?adultes|vous satisfaire|te satisfaire|pagine (?:per )?adulti"
    r"|soddisfacendoti|ti soddisfi|seiten fur erwachsene|bevredig\w*|se satisfazendo"
    r"|satisfazendo-se|paginas? (?:para |de )?adultos|zaspokaja\w*|zaspokoj\w*|uspokoj\w*"
    r"|tyydyttama\w*)"
)


def _both(first: str, second: str) -> str:
    """A context pattern that needs both patterns somewhere in the message."""
    return rf"^(?=[\s\S]*?(?:{first}))(?=[\s\S]*?(?:{second}))"


# A device or account the email says it has taken over.
_DEVICE = (
    r"(?:gerat\w*|computer\w*|handy|telefon\w*|smartphone|konto|account\w*|e-?mail\w*|postfach"
    r"|system\w*|rechner|webcam|kamera\w*|appareil|ordinateur|telephone|compte|messagerie"
    r"|boite (?:mail|e-?mail)|adresse e-?mail|dispositivo|cellulare|telefono|casella"
    r"|apparaat|telefoon|mailbox|ordenador|computadora|movil|celular|cuenta|correo"
    r"|computador|conta|zarizeni|pocitac|ucet|urzadzeni\w*|komputer|enhed|enhet|dator"
    r"|pc|laptop|router|camera|camara)"
)
_HACKED = (
    r"(?:gehackt|infiziert|kompromittiert|ubernommen|pirate\w*|hacke\w*|infecte\w*|compromis\w*"
    r"|hackerat\w*|violat\w*|infettat\w*|compromess\w*|geinfecteerd|gekraakt|overgenomen"
    r"|hackead\w*|infectad\w*|comprometid\w*|invadid\w*|hacknut\w*|napaden\w*|kompromitovan\w*"
    r"|infikovan\w*|zhakowan\w*|przejet\w*|zainfekowan\w*|hacket|hackat|kompromitter\w*"
    r"|komprometterad|inficeret|infisert|infekterad|hakkeroi\w*|murrettu|saastunut)"
)
_HACKED_KEYS = (
    "gehackt infiziert kompromittiert ubernommen pirate piratee hacke hackee infecte infectee "
    "compromis compromise hackerato hackerata violato violata infettato infettata compromesso "
    "compromessa geinfecteerd gekraakt overgenomen hackeado hackeada infectado infectada "
    "comprometido comprometida invadido invadida hacknut hacknuty hacknuto napaden napadeno "
    "napadeny kompromitovan kompromitovany infikovan infikovany zhakowane zhakowany zhakowana "
    "przejete przejety przejeta zainfekowane zainfekowany hacket hackat kompromitteret "
    "kompromittert komprometterad inficeret infisert infekterad hakkeroitu hakkeroi murrettu "
    "saastunut"
)

_MORE_HACKING = (
    # "Your device was infected / your account was hacked", said by the one who did it.
    Rule(
        r"\b(?:ihr|ihre|ihrem|ihren|dein|deine|deinem|deinen|votre|ton|ta|tuo|tua|suo|sua|je"
        r"|jouw|uw|tu|su|seu|teu|vas|vase|vaseho|vasi|tvuj|tvoje|tveho|twoje|twoj|twojego"
        r"|twojej|pana|pani|din|dit|ditt|sinun) (?:\w+ ){0,2}?"
        + _DEVICE
        + r" (?:\w+ ){0,3}?(?:wurde|ist|war|a ete|est|etait|e stato|e stata|era|is|werd|was"
        r"|ha sido|fue|esta|foi|byl|bylo|je|zostal\w*|jest|blev|ble|er|har blitt|har blivit"
        r"|har vaeret|ar) (?:\w+ ){0,4}?"
        + _HACKED
        + r"|\b(?:laitteesi|tietokoneesi|tilisi|sahkopostisi|puhelimesi|kamerasi) (?:on|oli)"
        r" (?:\w+ )?" + _HACKED,
        0.55,
        _HACK,
        langs=_TWELVE,
        keys=_HACKED_KEYS,
        requires=_ME,
        unless=_CALM,
    ),
    # Malware named with where it sits: "a trojan on your computer".
    Rule(
        r"\b(?:trojaner|malware|virus|viren|spyware|keylogger|schadsoftware|schadprogramm\w*"
        r"|cheval de troie|logiciel (?:malveillant|espion)|troyano|trojan|programa (?:espia"
        r"|malicioso)|software (?:espia|malicioso|dannoso|spia)|wirus\w*|oprogramowani\w*"
        r"|skadelig\w*|skadlig\w*|spionprogram\w*|vakoiluohjelm\w*|haittaohjelm\w*"
        r"|troijalai\w*)\b[^.!?\n]{0,60}?(?:installiert|\bauf (?:ihr|dein)\w*|installe|installato"
        r"|geinstalleerd|instalad[oa]|instalei|instalou|nainstalov\w*|zainstalow\w*|installeret"
        r"|installert|installerat"
        r"|\bsur (?:votre|ton|ta)\b|\b(?:sul|nel) (?:tuo|suo)\b|\bop (?:je|jouw|uw)\b"
        r"|\ben (?:tu|su)\b|\b(?:no|na) (?:seu|teu|sua|tua)\b|\bdo (?:tveho|vaseho)\b"
        r"|\bna (?:tvem|vasem|twoim|twoj\w*|pana)\b|\bpa (?:din|dit|ditt|dina)\b|asen\w*"
        r"|laitteeseesi|tietokoneeseesi|puhelimeesi)",
        0.55,
        _HACK,
        langs=_TWELVE,
        keys="trojaner malware virus viren spyware keylogger schadsoftware schadprogramm "
        "cheval logiciel troyano trojan programa software wirus oprogramowanie oprogramowania "
        "skadelig skadelige skadlig skadliga spionprogram vakoiluohjelma vakoiluohjelman "
        "haittaohjelma haittaohjelman troijalainen troijalaisen",
        requires=_ME,
        unless=_CALM,
    ),
    # "I have been watching you", "I know your password", "I have access to your ...":
    # the forms the first rules did not read, and the six newer languages.
    Rule(
        r"\bich habe (?:dich|sie) (?:\w+ ){0,3}?(?:beobachtet|uberwacht|ausspioniert)"
        r"|\bich habe (?:\w+ ){0,3}?(?:zugriff|zugang|kontrolle) (?:\w+ ){0,2}?(?:auf|uber|zu)"
        r" (?:\w+ )?(?:dein|ihr)\w*|\b(?:dein|ihr)\w* (?:\w+ )?(?:gerat|computer|handy|konto"
        r"|system|rechner|postfach)\w* zu (?:hacken|knacken|infizieren)"
        r"|\bj'ai (?:\w+ ){0,3}?(?:pirater|hacker|infecter|acceder a)\b"
        r"|\b(?:riuscito|riuscita) a (?:hackerare|violare|accedere|infettare)"
        r"|\b(?:logre|consegui|pude) (?:\w+ )?(?:hackear|acceder|infectar|entrar)"
        r"|\b(?:consegui|pude) (?:\w+ )?(?:hackear|invadir|acessar|infectar)"
        r"|\b(?:ziskal\w*|jsem ziskal\w*) (?:jsem )?(?:\w+ )?pristup (?:k|ke|do)\b"
        r"|\buzyskal\w* (?:\w+ )?dostep (?:do|na)\b"
        r"|\b(?:prolomil|infikoval|ovladl|naboural)\w* (?:jsem )?(?:\w+ ){0,2}?(?:vas|tvuj|vase"
        r"|tve|vaseho|tveho|do)\b|\b(?:zainfekowal|przejal)\w* (?:\w+ ){0,2}?(?:twoj\w*|pana"
        r"|pani|kontrol\w*)\b"
        r"|\b(?:jeg|jag) har (?:\w+ ){0,3}?(?:inficeret|infisert|infekterat|kapret|kapra|kapat"
        r"|overtaget|overtatt|tagit over) (?:\w+ ){0,2}?(?:din|dine|dit|ditt|dina)\b"
        r"|\bsain (?:\w+ )?haltuuni\b"
        r"|\b(?:adgang|tilgang|tillgang) til{1,2} (?:\w+ )?(?:din|dine|dit|ditt|dina|enhed\w*"
        r"|enhet\w*|computer\w*|datamaskin\w*|dator\w*|konto\w*|telefon\w*|kamera\w*"
        r"|e-?mail\w*|e-?post\w*)\b"
        r"|\b(?:sain|olen saanut) (?:\w+ )?(?:paasyn|hallinnan)|\bpaasy\w* (?:\w+ )?(?:laitteeseesi"
        r"|tietokoneeseesi|tiliisi|sahkopostiisi|puhelimeesi|kameraasi)"
        r"|\b(?:mein|meine|meinem|mon|ma|il mio|mijn|mi|meu|minha|muj|moj|min|mitt) (?:\w+ )?"
        r"(?:software|programm|programa|programme|programma|malware|virus|trojaner|troyano"
        r"|trojan|spyware|wirus)\w* (?:\w+ ){0,2}?(?:hat|a|ha|heeft|tiene|tem|ma|har) (?:\w+ )?"
        r"(?:zugriff|zugang|acces|accesso|toegang|acceso|acesso|pristup|dostep|adgang|tilgang"
        r"|tillgang)\b"
        r"|\bich (?:weiss|kenne) (?:\w+ )?(?:dein|ihr)\w* (?:passwort|kennwort)"
        r"|\bje (?:vous|t') ?ai (?:\w+ ){0,2}?(?:observe|surveille|espionne)"
        r"|\bje (?:sais|connais) (?:\w+ )?(?:votre|ton) mot de passe"
        r"|\bti ho (?:\w+ ){0,2}?(?:osservato|spiato|controllato|guardato)"
        r"|\bso (?:\w+ )?(?:la tua|qual e la tua) password"
        r"|\bik heb (?:\w+ ){0,3}?(?:toegang|controle) (?:\w+ )?(?:tot|over) (?:je|jouw|uw)\b"
        r"|\bik heb (?:je|u) (?:\w+ ){0,3}?(?:bekeken|gevolgd|bespioneerd|geobserveerd"
        r"|in de gaten gehouden)|\bik (?:weet|ken) (?:je|jouw|uw) wachtwoord"
        r"|\bte he (?:\w+ ){0,2}?(?:observado|vigilado|espiado)|\bse (?:tu|su) contrasena"
        r"|\b(?:tenho|estive) (?:te |lhe )?(?:observado|vigiado|espionado|observando|vigiando)"
        r"|\bsei (?:a )?(?:sua|tua) senha"
        r"|\bmam (?:\w+ )?(?:plny |uplny )?pristup (?:k|ke|do) (?:tvemu|vasemu|tvym|vasim|tve"
        r"|vase)|\bsleduj[iu] (?:te|vas)\b|\bsledoval\w* (?:jsem )?(?:te|vas)\b"
        r"|\b(?:znam|vim) (?:\w+ )?(?:tve|vase|tvoje) heslo"
        r"|\bmam (?:\w+ )?(?:pelny |calkowity )?dostep do (?:twojego|twoich|twojej|pana|pani"
        r"|panskiego)|\bobserwuje (?:cie|pana|pania)\b|\b(?:obserwowalem|sledzilem"
        r"|szpiegowalem) (?:cie|pana|pania)\b|\bznam (?:\w+ )?(?:twoje|pana|pani) haslo"
        r"|\b(?:jeg|jag) har (?:\w+ ){0,3}?(?:fuld |full |fullstendig |fullstandig )?(?:adgang"
        r"|tilgang|tillgang|kontrol|kontroll) (?:til|till|over) (?:din|dine|dit|ditt|dina)"
        r"|\b(?:jeg|jag) har (?:\w+ ){0,3}?(?:overvaget|overvaket|overvakat|fulgt|bevakat"
        r"|observeret|observert|observerat|spioneret|spionert|spionerat) (?:dig|deg)"
        r"|\b(?:jeg|jag) (?:kender|kjenner|kanner|ved|vet) (?:til )?(?:din|dit|ditt)"
        r" (?:adgangskode|kodeord|passord|password|losenord)"
        r"|\b(?:jeg|jag) har (?:\w+ ){0,3}?(?:installeret|installert|installerat) (?:\w+ ){0,2}?"
        r"(?:malware|virus|trojan|spyware|program\w*|software)"
        r"|\b(?:olen|olemme) (?:\w+ )?(?:hakkeroinut|murtautunut|asentanut)|\b(?:hakkeroin"
        r"|murtauduin|asensin)\b|\bminulla on (?:\w+ )?(?:taysi )?(?:paasy|hallinta)\w*"
        r"|\b(?:olen|olemme) (?:\w+ ){0,2}?(?:seurannut|tarkkaillut|vakoillut) sinua"
        r"|\btiedan (?:\w+ )?salasanasi",
        0.55,
        _HACK,
        langs=_TWELVE,
        keys="beobachtet uberwacht ausspioniert weiss kenne observe surveille espionne sais "
        "connais osservato spiato controllato guardato so bekeken gevolgd bespioneerd "
        "geobserveerd gehouden weet ken observado vigilado espiado se tenho estive sei mam "
        "toegang controle heb vim sleduji sleduju sledoval sledovala znam obserwuje obserwowalem "
        "sledzilem szpiegowalem "
        "jeg jag olen olemme hakkeroin murtauduin asensin minulla tiedan zugriff zugang "
        "kontrolle hacken knacken infizieren pirater hacker infecter acceder riuscito riuscita "
        "logre consegui pude ziskal ziskala pristup uzyskalem uzyskalam dostep adgang tilgang "
        "tillgang sain paasyn paasy hallinnan prolomil infikoval ovladl naboural "
        "zainfekowalem przejalem inficeret infisert infekterat kapret kapra kapat overtaget "
        "overtatt tagit haltuuni mein meine mon ma mio mijn mi meu minha muj moj "
        "min mitt",
        unless=_CALM,
    ),
    # "I sent this from your own account": the sender address looks like the person's own.
    Rule(
        r"\b(?:ihr|dein)\w* eigene\w* (?:e-?mail\w*|konto|account|postfach|adresse|mail\w*)"
        r"|\b(?:votre|ton|ta) propre (?:compte|adresse|boite|messagerie|e-?mail)"
        r"|\b(?:tuo|tua|suo|sua) (?:stess[oa]|propri[oa]) (?:account|indirizzo|casella|e-?mail)"
        r"|\b(?:je|jouw|uw) eigen (?:account|e-?mail\w*|adres|mailbox)"
        r"|\b(?:tu|su) (?:propia cuenta|propio correo|propia direccion|cuenta propia)"
        r"|\b(?:sua|seu|tua|teu) propri[ao] (?:conta|e-?mail|endereco)"
        r"|\b(?:vaseho|tveho|vasi|tvoji) vlastni\w* (?:uctu|e-?mail\w*|adres\w*|schrank\w*)"
        r"|\bwlasn\w* (?:konta|adresu|e-?maila|skrzynki)"
        r"|\b(?:din|dit|ditt) eg(?:en|et|na) (?:konto|e-?mail\w*|adresse|adress|mail\w*"
        r"|e-?post\w*|mejl\w*)"
        r"|\b(?:omalta|omasta|omaan) (?:tililtasi|sahkopostistasi|sahkopostiosoitteestasi"
        r"|tilistasi|osoitteestasi)",
        0.55,
        _HACK,
        langs=_TWELVE,
        keys="eigenen eigene eigener eigenes propre stesso stessa proprio propria eigen propia "
        "propio propria vlastniho vlastni wlasnego wlasnej wlasnym egen eget egna omalta omasta "
        "omaan",
        requires=r"\b(?:gesendet|geschickt|verschickt|schreibe|geschrieben|envoy\w*|ecri\w*"
        r"|inviat\w*|mandat\w*|scritt\w*|scrivo|verstuurd|gestuurd|verzonden|schrijf|enviad\w*"
        r"|envie|escrib\w*|escrit\w*|mandad\w*|odeslan\w*|poslan\w*|napsan\w*|pisu|wyslan\w*"
        r"|napisan\w*|pisze|sendt|sendte|sent|skickat|skickad\w*|skrevet|skriver|lahetetty"
        r"|lahetin|kirjoitettu|kirjoitan|gehackt|hacke\w*|pirat\w*|hacker\w*|zugriff|acces"
        r"|accesso|toegang|acceso|acesso|pristup|dostep|adgang|tilgang|tillgang|paasy)\b",
        unless=_CALM,
    ),
    # "From the moment you opened this email", "I will see when you read it": the
    # sender claims to watch the person read (a tracking pixel, they say).
    Rule(
        r"\b(?:ab|seit) (?:dem )?(?:moment|augenblick|zeitpunkt),? (?:in dem|an dem|wo|als|da)"
        r" (?:du|sie) (?:\w+ ){0,3}?(?:e-?mail|nachricht|brief)\w* (?:\w+ ){0,2}?(?:geoffnet"
        r"|gelesen|offnest|liest|offnen|lesen)"
        r"|\b(?:ich|werde ich) (?:\w+ ){0,3}?(?:sehe|sehen|weiss|wissen|bemerke|merke|erfahre"
        r"|erfahren) (?:\w+ ){0,3}?(?:wann|sobald|dass|ob) (?:du|sie) (?:\w+ ){0,4}?(?:geoffnet"
        r"|gelesen|offnest|liest|offnen|lesen)"
        r"|\b(?:des|depuis|a partir du?) (?:le |l'|l )?(?:moment|instant|que)\b[^.!?\n]{0,20}?"
        r"(?:vous avez|tu as|vous|tu) (?:ouvert|lu|ouvrez|lisez|ouvres|lis) (?:\w+ ){0,2}?"
        r"(?:e-?mail|message|courriel|lettre)"
        r"|\bje (?:saurai|verrai|sais|vois|serai (?:informe|averti|notifie)) (?:\w+ ){0,3}?"
        r"(?:quand|si|que|lorsque) (?:vous|tu) (?:\w+ ){0,3}?(?:ouvert|lu|ouvrez|lisez|ouvres"
        r"|lis)\b"
        r"|\b(?:dal momento in cui|da quando|nel momento in cui) (?:\w+ ){0,2}?(?:hai|ha|avete)"
        r" (?:aperto|letto) (?:\w+ ){0,2}?(?:e-?mail|mail|messaggio|lettera)"
        r"|\b(?:sapro|vedro|so) (?:\w+ ){0,3}?(?:quando|se|che|appena) (?:hai|ha|avrai)"
        r" (?:\w+ )?(?:aperto|letto)"
        r"|\b(?:vanaf het moment|sinds|zodra)(?: dat)? (?:je|u) (?:\w+ ){0,3}?(?:e-?mail|mail"
        r"|bericht|brief)\w* (?:\w+ ){0,2}?(?:geopend|gelezen|opende|las|opent|leest)"
        r"|\bik (?:zie|weet|zal zien|zal weten|merk) (?:\w+ ){0,3}?(?:wanneer|of|dat|zodra)"
        r" (?:je|u) (?:\w+ ){0,3}?(?:geopend|gelezen|opent|leest)"
        r"|\b(?:desde (?:el momento en )?que|a partir del momento en que|en cuanto)"
        r" (?:usted |tu )?(?:abriste|abrio|has abierto|ha abierto|abras|abra|leiste|leyo"
        r"|has leido|ha leido|leas|lea) (?:\w+ ){0,3}?(?:correo|mensaje|e-?mail|carta)"
        r"|\b(?:sabre|vere) (?:\w+ ){0,3}?(?:cuando|si) (?:has |ha |usted )?(?:abierto|leido"
        r"|abriste|leiste|abrio|leyo|abres|lees|abra|lea)"
        r"|\b(?:desde (?:o momento )?(?:em )?que|a partir do momento em que|assim que)"
        r" (?:voce |vc |tu )?(?:abriu|leu|abriste|leste|abrir|ler) (?:\w+ ){0,3}?(?:e-?mail"
        r"|mensagem|carta)"
        r"|\b(?:saberei|vou saber|verei|vou ver) (?:\w+ ){0,3}?(?:quando|se) (?:voce |vc |tu )?"
        r"(?:abriu|leu|abrir|ler|abre|le)\b"
        r"|\bod (?:okamziku|chvile|momentu),? (?:kdy|co) (?:\w+ ){0,2}?(?:otevrel\w*|precetl\w*)"
        r"|\b(?:uvidim|budu vedet|vim|zjistim|dozvim se),? (?:\w+ ){0,2}?(?:kdy|ze|jestli|az)"
        r" (?:\w+ ){0,2}?(?:otevrel|precetl|otevrete|prectete|otevres|prectes)\w*"
        r"|\bod (?:momentu|chwili),? (?:gdy|kiedy|w ktorej) (?:\w+ )?(?:otworzyl\w*"
        r"|przeczytal\w*|otworzysz|przeczytasz)"
        r"|\b(?:bede wiedzial\w*|zobacze|wiem|dowiem sie),? (?:\w+ ){0,2}?(?:kiedy|ze|czy|gdy)"
        r" (?:\w+ )?(?:otworzy\w*|przeczyta\w*)"
        r"|\b(?:fra|siden|fran|sedan) (?:det |den )?(?:ojeblik\w*|oyeblik\w*|ogonblick\w*|du"
        r"|nar du|da du|att du)\b[^.!?\n]{0,30}?\b(?:abnede|abnet|laste|last|apnet|apnede"
        r"|leste|lest|oppnade|oppnat)\b"
        r"|\b(?:jeg|jag) (?:kan )?(?:se|ser|ved|vet|vil se|vil vide|vil vite|kommer att se"
        r"|far besked) (?:\w+ ){0,2}?(?:nar|at|att|om) (?:du|de) (?:\w+ ){0,2}?(?:abnede|abner"
        r"|abnet|laser|laste|last|apner|apnet|leser|leste|lest|oppnar|oppnat|oppnade)\b"
        r"|\b(?:siita hetkesta|hetkesta),? (?:kun|jolloin) (?:\w+ )?(?:avasit|luit|avaat|luet)"
        r"|\b(?:naen|tiedan|huomaan|saan tiedon),? (?:\w+ ){0,2}?(?:kun|etta|milloin|jos)"
        r" (?:\w+ )?(?:avasit|luit|avaat|luet|olet avannut|olet lukenut)"
        r"|\b(?:tracking-?pixel|zahlpixel|pixel de suivi|pixel di tracciamento|trackingpixel"
        r"|pixel de seguimiento|pixel de rastreamento|sledovaci pixel|piksel sledzacy"
        r"|sporingspixel|sparningspixel|seurantapikseli)\b",
        0.5,
        _HACK,
        langs=_TWELVE,
        keys="ab seit sehe sehen weiss wissen bemerke merke erfahre erfahren des depuis partir "
        "saurai verrai sais vois serai momento quando sapro vedro so vanaf sinds zodra zie weet "
        "zal merk desde cuanto sabre vere assim saberei vou verei od uvidim budu vim zjistim "
        "dozvim bede zobacze wiem dowiem fra siden fran sedan jeg jag siita hetkesta naen "
        "tiedan huomaan saan tracking-pixel trackingpixel zahlpixel pixel piksel sporingspixel "
        "sparningspixel seurantapikseli",
        unless=_CALM,
    ),
    # "There is no point answering: the address was made up" (the warning-off).
    Rule(
        r"\b(?:adresse|absender\w*|absendeadresse|indirizzo|adres|afzender|direccion|remitente"
        r"|endereco|remetente|adresa|adresu|odesilatel\w*|nadawc\w*|afsender\w*|avsender\w*"
        r"|avsandar\w*|adress|osoite\w*|lahettaja\w*)\b[^.!?\n]{0,50}?\b(?:gefalscht|zufallig"
        r"|generiert|nicht zuruckverfolg\w*|anonym\w*|fausse|aleatoire|generee|intracable"
        r"|falso|casuale|generato|non rintracciabile|anonim\w*|nep|vals|willekeurig"
        r"|gegenereerd|niet te traceren|falsa|aleatori[ao]|generad[ao]|gerad[ao]|rastrea\w*"
        r"|rastread\w*|falesn\w*|nahodn\w*|vygenerovan\w*|falszyw\w*|losow\w*|wygenerowan\w*"
        r"|falsk\w*|tilfaldig\w*|tilfeldig\w*|genereret|generert|slumpmassig\w*|genererad"
        r"|vaare\w*|satunnai\w*|generoitu)\b",
        0.45,
        _NO_REPLY,
        langs=_TWELVE,
        keys="adresse absender absenderadresse absendeadresse indirizzo adres afzender "
        "direccion remitente endereco remetente adresa adresu odesilatel odesilatele nadawca "
        "nadawcy afsender afsenderen avsender avsenderen avsandare avsandaren adress osoite "
        "osoitteen lahettaja lahettajan",
        # Pointless to answer: what the sender says; advice says "do not answer".
        requires=r"\b(?:sinnlos|zwecklos|bringt (?:\w+ )?nichts|inutile|geen zin|no tiene sentido"
        r"|inutil|nao adianta|nema smysl|nie ma sensu|nyttelost|nytteslost|ingen ide"
        r"|meningslost|turha|ei kannata)\b",
        # Advice says "do not answer"; the sender says answering is pointless.
        unless=_CALM
        + r"|\b(?:antworten sie nicht|ne repondez pas|non rispondete|antwoord niet|no responda"
        r"|nao responda|neodpovidejte|nie odpowiadaj|svar ikke|ikke svar|svara inte|ala vastaa)\b",
    ),
    # "I sent you this email from your account" (the spoofed sender, claimed as a hack).
    Rule(
        r"\b(?:te |le |lhe |vous |ti )?(?:envie|escribi|mande|enviei|escrevi|mandei"
        r"|ai envoye|ai ecrit|ho inviato|ho scritto|ho mandato) (?:\w+ ){0,3}?(?:desde|de|da|do"
        r"|dal|dalla|depuis) (?:tu|su|sua|seu|tuo|tua|votre|ton) (?:propia |propria |proprio "
        r"|propre )?(?:cuenta|correo|conta|e-?mail|account|casella|compte|adresse|direccion"
        r"|endereco|indirizzo)"
        r"|\b(?:ich habe|habe ich) (?:\w+ ){0,4}?(?:von|uber|aus) (?:deinem|ihrem) (?:\w+ )?"
        r"(?:konto|account|postfach|e-?mail\w*) (?:\w+ )?(?:gesendet|geschickt|verschickt)"
        r"|\bik heb (?:\w+ ){0,4}?(?:vanaf|van|via) (?:je|jouw|uw) (?:account|e-?mail\w*"
        r"|mailbox|adres) (?:\w+ )?(?:verstuurd|gestuurd|verzonden)"
        r"|\b(?:poslal|odeslal|napsal) (?:jsem )?(?:\S+ ){0,3}?z (?:vaseho|tveho) (?:\w+ )?(?:uctu"
        r"|e-?mailu|adresy|schranky)"
        r"|\b(?:wyslal|napisal)\w* (?:\w+ ){0,3}?z (?:twojego|pana|pani) (?:\w+ )?(?:konta"
        r"|adresu|e-?maila|skrzynki)"
        r"|\b(?:sendt|skrevet|sendte|skickat|skickade|skrivit) (?:\w+ ){0,4}?fr[ae]n (?:din|dit"
        r"|ditt) (?:\w+ )?(?:konto|e-?mail\w*|adresse|adress|e-?post\w*|mejl\w*)"
        r"|\blahetin (?:\w+ ){0,3}?(?:sinun )?(?:omalta |omasta )?(?:tililtasi"
        r"|sahkopostistasi|osoitteestasi)",
        0.55,
        _HACK,
        langs=_TWELVE,
        keys="envie escribi mande enviei escrevi mandei envoye ecrit inviato scritto mandato "
        "habe heb poslal odeslal napsal wyslalem wyslalam napisalem napisalam sendt skrevet "
        "sendte skickat skickade skrivit lahetin",
        unless=_CALM,
    ),
    # "Your password is ..., I found it": the password shown as proof of the hack.
    Rule(
        r"\b(?:dein|deine|ihr|ihre|votre|ton|tua|je|jouw|uw|tu|su|sua|seu|vase|tve|tvoje|twoje"
        r"|din|dit|ditt) (?:passwort|kennwort|mot de passe|password|wachtwoord|contrasena|senha"
        r"|heslo|haslo"
        r"|adgangskode|passord|losenord) (?:\w+ )?(?:ist|lautet|est|e|is|es|era|je|jest|er|ar)\b"
        r"|\bsalasanasi on\b",
        0.55,
        _HACK,
        langs=_TWELVE,
        keys="passwort kennwort mot password wachtwoord contrasena senha heslo haslo "
        "adgangskode passord losenord salasanasi",
        # Someone who says they found it out; a reset notice gives a new one.
        requires=r"\b(?:weiss|kenne|herausgefunden|connais|sais|trouve|decouvert|conosco"
        r"|scoperto|ken|weet|achterhaald|conozco|descubri|conheco|sei|descobri|znam|vim"
        r"|zjistil\w*|wiem|kender|ved|kjenner|vet|kanner|tiedan|hacke\w*|gehackt|pirate\w*)\b",
        unless=_CALM + r"|\b(?:neue?s?|nouveau|nuova|nieuwe?|nueva|nova|nove|nowe|ny|nya|nytt"
        r"|uusi|temporar\w*|tempor\w*|tijdelijk\w*|provisori\w*|docasn\w*|tymczasow\w*"
        r"|midlertidig\w*|tillfallig\w*|valiaikai\w*)\b",
    ),
    # "I saw you visiting adult sites": watching the person, claimed outright.
    Rule(
        r"\b(?:ich habe (?:dich|sie) (?:\w+ ){0,4}?gesehen|je (?:vous|t') ?ai vu\w*"
        r"|ti ho vist[oa]|ik (?:heb (?:je|u) (?:\w+ ){0,4}?gezien|zag (?:je|u))"
        r"|te (?:he )?vi(?:sto)?"
        r"|(?:eu )?(?:te |o |a )?vi (?:voce|vc)|videl (?:jsem )?(?:te|vas)|widzial\w* (?:cie|pana"
        r"|pania)|jeg (?:har )?(?:set|sa|sett) (?:dig|deg)|jag (?:har )?(?:sett|sag) dig"
        r"|nain sinut|olen nahnyt sinut)\b[^.!?\n]{0,80}?\b" + _ADULT_CORE,
        0.55,
        _HACK,
        langs=_TWELVE,
        keys="gesehen vu vue visto vista gezien zag vi videl widzialem widzialam set sa sett sag "
        "nain nahnyt",
        unless=_CALM,
    ),
    # "I copied all your contacts": the list the threat will be sent to.
    Rule(
        r"\b(?:kopiert|heruntergeladen|gespeichert|exportiert|copie|recupere|telecharge"
        r"|sauvegarde|exporte|copiato|scaricato|salvato|esportato|gekopieerd|gedownload"
        r"|opgeslagen|copie|descargue|guarde|extraje|copiado|descargado|guardado|copiei|baixei"
        r"|salvei|baixado|zkopiroval\w*|stahl\w*|ulozil\w*|skopiowal\w*|pobral\w*|zapisal\w*"
        r"|kopieret|kopiert|downloadet|gemt|lagret|kopierat|sparat|kopioin|latasin)\b"
        r"[^.!?\n]{0,50}?\b(?:kontakt\w*|contacts|contatti|contacten|contactos|contatos"
        r"|yhteystie\w*|adressbuch|carnet d'adresses|rubrica|adresboek|agenda)\b"
        r"|\b(?:kontakt\w*|contacts|contatti|contacten|contactos|contatos|yhteystie\w*"
        r"|adressbuch|rubrica|adresboek)\b[^.!?\n]{0,50}?\b(?:kopiert|heruntergeladen"
        r"|gespeichert|copie|telecharge|copiato|scaricato|salvato|gekopieerd|gedownload"
        r"|copiado|descargado|guardado|baixado|zkopiroval\w*|skopiowal\w*|pobral\w*|kopieret"
        r"|kopiert|kopierat|kopioin|latasin)\b",
        0.55,
        _HACK,
        langs=_TWELVE,
        keys="kopiert heruntergeladen gespeichert exportiert copie recupere telecharge "
        "sauvegarde exporte copiato scaricato salvato esportato gekopieerd gedownload "
        "opgeslagen descargue guarde extraje copiado descargado guardado copiei baixei salvei "
        "baixado zkopiroval zkopirovala stahl stahla ulozil ulozila skopiowalem skopiowalam "
        "pobralem pobralam zapisalem kopieret downloadet gemt lagret kopierat sparat kopioin "
        "latasin",
        # The sender saying they did it ("I copied"), not advice to back them up.
        requires=_ME + r"|\bhe (?:\w+ )?(?:descargado|copiado|guardado)\b",
        unless=_CALM,
    ),
)

# Verbs of recording, each language (folded).
_REC = (
    r"(?:aufgenommen|aufgezeichnet|gefilmt|mitgeschnitten|enregistre\w*|filme\w*"
    r"|registrat\w*|ripres\w*|filmat\w*|opgenomen|gefilmd|vastgelegd|grabad\w*|grabe|grabando"
    r"|filmad\w*|gravad\w*|gravei|gravando|filmei|nahral\w*|natocil\w*|zaznamenal\w*"
    r"|nagral\w*|nagrywal\w*|nagrany|nagrana|zarejestrowal\w*|optag\w*|filmet|filmede"
    r"|spelade in|spelat in|inspelad\w*|filmade|filmat|tallensin|tallentanut|tallennettu"
    r"|kuvasin|kuvannut|nauhoitin|nauhoittanut)"
)
_CAM = r"(?:web ?cam\w*|kamer\w*|camera\w*|camara\w*|webb?kamer\w*|cam)"
# A recording, a screen capture or proof, as a noun.
_TAPE = (
    r"(?:videos?|video'?s|videon|videota|videoita|videoer|aufnahme\w*|enregistrement\w*"
    r"|registrazion\w*|opname\w*|grabacion\w*|gravac\w*|nahravk\w*|zaznam\w*|nagrani\w*"
    r"|wideo|film|filmik\w*|optagelse\w*|opptak\w*|inspelning\w*|tallenne\w*|clips?"
    r"|screenshots?|bildschirm\w*|ecran|schermo|scherm|pantalla|tela|obrazovk\w*|ekran\w*"
    r"|skarm\w*|skjerm\w*|naytto\w*|naytolta)"
)
# "Of you", "compromising", "your secret": what makes "I have a video" a claim.
_OF_YOU = (
    r"\b(?:von (?:dir|ihnen)|de (?:vous|toi)|di te|van (?:je|jou|u)|tuyo|suyo|de ti|seu|sua"
    r"|de voce|s tebou|s vami|z toba|z panem|z pania|af dig|av deg|av dig|pa dig|med dig"
    r"|sinusta|kompromittier\w*|compromettant\w*|compromettent\w*|compromising"
    r"|comprometedor\w*|compromettent\w*|kompromituj\w*|kompromitter\w*|peinlich\w*|genant\w*"
    r"|imbarazzant\w*|vergonzos\w*|constrangedor\w*|trapn\w*|wstydliw\w*|pinlig\w*|pinsam\w*"
    r"|nolo\w*|geheim\w*|secret\w*|segret\w*|secreto\w*|segredo\w*|tajemstv\w*|tajemnic\w*"
    r"|hemmelig\w*|hemlig\w*|salaisu\w*|doppelleben|double vie|doppia vita|dubbelleven"
    r"|doble vida|vida dupla|dvoji zivot|podwojne zycie|dobbeltliv\w*|dubbelliv\w*"
    r"|kaksoiselam\w*|" + _ADULT_CORE + r")\b"
)

_TAPE_RE = r"\b" + _TAPE + r"\b"

_MORE_STOLEN = (
    # "I recorded you through your webcam", either order.
    Rule(
        r"\b"
        + _CAM
        + r"\b[^.!?\n]{0,80}?\b"
        + _REC
        + r"|\b"
        + _REC
        + r"\b[^.!?\n]{0,80}?\b"
        + _CAM
        + r"\b",
        0.5,
        _RECORDED,
        langs=_TWELVE,
        keys="webcam web cam kamera kameru kamerou kameraa kamerasi kameran kameraet kamerans "
        "camera camara webkamera webkameru webkameraet webkameraen webkameran webkameralla "
        "webbkamera webbkameran webcamera cam",
        requires=_YOU,
        unless=_CALM,
    ),
    # A video of the person watching adult sites or touching themselves.
    Rule(
        r"\b"
        + _TAPE
        + r"\b[^.!?\n]{0,100}?\b"
        + _ADULT_CORE
        + r"|\b"
        + _ADULT_CORE
        + r"[^.!?\n]{0,80}?\b(?:"
        + _REC
        + r"|"
        + _TAPE
        + r")\b",
        0.5,
        _RECORDED,
        langs=_TWELVE,
        keys="video videos videon videota videoita videoer aufnahme aufnahmen enregistrement "
        "registrazione opname grabacion gravacao nahravku nahravka zaznam nagranie nagrania "
        "wideo film filmik optagelse opptak inspelning tallenne clip clips screenshot "
        "screenshots bildschirm ecran schermo scherm pantalla tela obrazovku ekran ekranu "
        "skarm skarmen skjerm skjermen naytto naytolta porno porn pornos pornoseiten "
        "pornoseite pornografia pornografie pornografi pornosider pornosidor pornosivustoja "
        "masturbieren masturbiert masturber masturbando masturbarti masturbeert masturbujes "
        "masturbowales onanerer onanerar onanere masturboit itsetyydytit",
        # The person doing it ("while you were watching"), not a catalogue of films.
        requires=_both(
            _YOU,
            r"\b(?:wie|wahrend|als|beim|pendant que|en train de|quand|mentre|terwijl|waarin"
            r"|mientras|cuando|enquanto|quando|kdyz|jak|kiedy|gdy|mens|medan|nar|kun|jossa)\b|"
            + _REC
            + r"|\b"
            + _CAM
            + r"\b",
        ),
        unless=_CALM,
    ),
    # "I have a (compromising) video of you", "I have proof of your secret".
    Rule(
        r"\b(?:ich habe|ich hab|habe ich|j'ai|ho(?= (?:un|una|dei|delle|il|le|i|gli|prove)\b)"
        r"|ik heb|heb ik|tengo|tenho|mam|jeg har"
        r"|har jeg|jag har|har jag|minulla on)\b (?:\w+ ){0,3}?(?:" + _TAPE + r"|beweis\w*"
        r"|preuves?|prove|bewijs\w*"
        r"|pruebas?|provas?|dukaz\w*|dowod\w*|bevis\w*|todiste\w*)\b",
        0.5,
        _RECORDED,
        langs=_TWELVE,
        keys="habe hab ai ho heb tengo tenho mam har minulla",
        requires=_OF_YOU,
        unless=_CALM,
    ),
    # The "split-screen" video: the person on one half, what they watched on the other.
    Rule(
        r"\b(?:geteilt\w*|zweigeteilt\w*|split|partage|divis[oa]|gesplitst\w*|gedeeld"
        r"|dividid[oa]|rozdelen\w*|podzielon\w*|delt|delad|jaettu\w*)\w* (?:\w+ )?"
        r"(?:bildschirm\w*|screen|ecran|schermo|scherm|pantalla|tela|obrazovk\w*|ekran\w*"
        r"|skarm\w*|skjerm\w*|naytto\w*)|\b(?:bildschirm|ecran|schermo|scherm|pantalla|tela"
        r"|skarm|skjerm) (?:\w+ )?(?:geteilt|partage|diviso|gesplitst|dividida|delad|delt)\b"
        r"|\bsplit-?screen\b",
        0.5,
        _RECORDED,
        langs=_TWELVE,
        keys="geteilt geteilten geteiltem zweigeteilt zweigeteilten split partage divisa diviso "
        "gesplitst gedeeld dividida dividido rozdelena rozdelene rozdelenou podzielony "
        "podzielonym delt delad jaettu jaetulla bildschirm ecran schermo scherm pantalla tela "
        "skarm skjerm split-screen splitscreen",
        requires=_both(_TAPE_RE, _ME),  # phone tips name the split-screen mode too
        unless=_CALM,
    ),
)

# Verbs of putting something online or sending it out, each language.
_PUBLISH = (
    r"(?:veroffentlich\w*|hochlad\w*|hochgelad\w*|verbreit\w*|publier\w*|publie\w*|diffuse\w*"
    r"|mettre en ligne|mettrai en ligne|pubblic\w*|caric\w*|diffonder\w*|diffondero|publiceer"
    r"\w*|zet\w*|upload\w*|plaats\w*|verspreid\w*|publicar\w*|publicare|subir\w*|subire"
    r"|difundir\w*|difundire|postar\w*|postarei|divulgar\w*|zverejn\w*|nahraj\w*|rozeslu\w*"
    r"|opublikuj\w*|udostepni\w*|wrzuc\w*|offentliggor\w*|lagge\w* (?:det |den )?ud"
    r"|legge\w* (?:det |den )?ut|lagga\w* (?:ut|upp)|lagger ut|publicer\w*|publiser\w*"
    r"|julkais\w*|levita\w*|laitan (?:sen |videon )?(?:nettiin|verkkoon))"
)
_ONLINE = (
    r"(?:internet\w*|netz|im web|sozial\w* (?:netzwerk\w*|medien)|reseaux sociaux|social"
    r"(?: network| media)?|rete|redes sociales|redes sociais|socialni\w* sit\w*"
    r"|spolecznosciow\w*|sociale medier|sosiale medier|sociala medier|somessa|someen"
    r"|sosiaali\w*|nettiin|verkkoon|porn\w*|facebook|instagram|youtube|tiktok|twitter"
    r"|whatsapp)"
)
# Family, friends, colleagues and contacts, each language, as a threatened audience.
_AUDIENCE = (
    r"(?:famili\w*|freund\w*|kolleg\w*|kontakt\w*|contact\w*|contat\w*|amis|amici|amigos|vrienden"
    r"|collega\w*|colleghi|collegues|companeros|colegas|parents|genitori|ouders|padres|pais"
    r"|pratel\w*|rodin\w*|znajom\w*|przyjaciol\w*|bliskich|venner|vanner|familj\w*|kolleger"
    r"|kollegor|ystav\w*|perhee\w*|tyokaver\w*|yhteystie\w*)"
)

# The narrow scene: a recording, what it shows, a secret or Bitcoin (not any photo
# or camera, which ordinary offers and newsletters name too).
_SCENE_CORE = (
    r"\b(?:" + _TAPE + r"|" + _ADULT_CORE + r"|bitcoin\w*|btc|geheim\w*|secret\w*|segret\w*"
    r"|secreto\w*|segredo\w*|tajemstv\w*|tajemnic\w*|hemmelig\w*|hemlig\w*|salaisu\w*)\b"
)

_MORE_THREAT = (
    # "To all your contacts", in the six newer languages (the older six are above).
    Rule(
        r"\b(?:vsem |vasim |tvym )?(?:tvym|vasim) (?:\w+ )?(?:kontaktum|pratelum|kolegum"
        r"|znamym|blizkym)|\b(?:tvoji|vasi) rodin[eu]\b"
        r"|\b(?:do )?(?:wszystkich )?(?:twoich|pana|pani|swoich) (?:kontaktow|znajomych"
        r"|przyjaciol|wspolpracownikow|bliskich|rodzin\w*)|\b(?:twojej|pana|pani) rodzin[iy]e?\b"
        r"|\b(?:twoim|pana) (?:znajomym|kontaktom|przyjaciolom|bliskim)\b"
        r"|\btil (?:alle )?(?:dine|din) (?:\w+ )?(?:kontakter|venner|familie|kolleger|kollegaer"
        r"|arbejdsgiver|arbeidsgiver|chef|sjef)"
        r"|\btill (?:alla )?(?:dina|din) (?:\w+ )?(?:kontakter|vanner|familj|kollegor|chef"
        r"|arbetsgivare)"
        r"|\b(?:kaikille )?(?:yhteystiedoillesi|kontakteillesi|ystavillesi|perheellesi"
        r"|tutuillesi|tyokavereillesi|kollegoillesi|sukulaisillesi|esimiehellesi)\b",
        0.7,
        _SEND_ALL,
        langs=_TWELVE,
        keys="vsem vasim tvym tvoji vasi do wszystkich twoich pana pani swoich twojej twoim "
        "til till kaikille yhteystiedoillesi kontakteillesi ystavillesi perheellesi tutuillesi "
        "tyokavereillesi kollegoillesi sukulaisillesi esimiehellesi",
        requires=_MEDIA,
        unless=_CALM,
    ),
    # "I will put it on the internet / social networks / porn sites".
    Rule(
        r"\b" + _PUBLISH + r"\b[^.!?\n]{0,80}?\b" + _ONLINE + r"\b",
        0.65,
        _SEND_ALL,
        langs=_TWELVE,
        keys="internet netz web sozialen reseaux social rete redes socialni socialnich "
        "spolecznosciowych spolecznosciowe medier medier medier somessa somee nettiin verkkoon "
        "porn porno pornoseiten pornoseite pornosites pornosider pornosidor facebook instagram "
        "youtube tiktok twitter whatsapp",
        requires=_both(_MEDIA, _ME),
        unless=_CALM,
    ),
    # "One click and it goes to everyone".
    Rule(
        r"\b(?:ein(?:em)? (?:einzigen )?(?:klick|mausklick|knopfdruck)|un (?:seul |solo |simple "
        r"|semplice )?(?:clic|click)|een (?:enkele |simpele )?(?:klik|druk op de knop)|um (?:unico "
        r"|so |simples )?(?:clique|click)|jedn\w* (?:kliknut\w*|klik\w*)|jednym (?:kliknieciem"
        r"|klikiem)|(?:et|ett) (?:enkelt |enda )?(?:klik|klikk|klick|tryk|trykk)|yhdella"
        r" (?:\w+ )?(?:klikkauksella|painalluksella|napsautuksella))\b[^.!?\n]{0,80}?\b(?:"
        + _AUDIENCE
        + r"|"
        + _ONLINE
        + r"|alle|allen|tous|tutti|iedereen|todos|vsem|vsichni|wszystkim|wszyscy|alla"
        r"|kaikille)\b",
        0.45,
        _SEND_ALL,
        langs=_TWELVE,
        keys="klick mausklick knopfdruck clic click klik druk clique kliknuti kliknutim "
        "jednym klikk tryk trykk yhdella",
        # Offers say "share your photos in one click" too: the threat names a
        # recording and a sender ("I"), and is firmer with what it shows.
        requires=_both(_TAPE, _ME),
        boost=_ADULT_CORE,
        boost_by=0.2,
        unless=_CALM,
    ),
    # "Your life will be ruined", "I will ruin your life": a threat, stronger next to
    # the recording or the secret.
    Rule(
        r"\b(?:dein|ihr)\w* (?:leben|ruf|ansehen|karriere|ehe|beziehung|existenz) (?:\w+ ){0,3}?"
        r"(?:wird|ist dann) (?:\w+ ){0,3}?(?:ruiniert|zerstort|vorbei|am ende|kaputt)"
        r"|\b(?:ich werde|werde ich) (?:\w+ ){0,2}?(?:dein|ihr)\w* (?:leben|ruf|karriere)"
        r" (?:\w+ )?(?:ruinieren|zerstoren)"
        r"|\b(?:votre|ta) (?:vie|reputation|carriere|mariage|couple) (?:\w+ ){0,2}?(?:sera"
        r"|va etre) (?:\w+ )?(?:ruinee?|detruite?|brisee?|fichue|finie|terminee)"
        r"|\bje (?:vais )?(?:ruiner|detruire|ruinerai|detruirai|briser|briserai) (?:votre|ta)"
        r" (?:vie|reputation|carriere)"
        r"|\b(?:la tua|la sua) (?:vita|reputazione|carriera|relazione) (?:\w+ ){0,2}?(?:sara"
        r"|verra) (?:\w+ )?(?:rovinata|distrutta|finita)|\b(?:ti )?(?:rovinero|distruggero)"
        r" (?:la )?(?:tua |sua )?(?:vita|reputazione|carriera)|\bti rovino la vita"
        r"|\b(?:je|jouw|uw) (?:leven|reputatie|carriere|huwelijk|relatie) (?:\w+ ){0,2}?(?:wordt"
        r"|zal (?:\w+ )?worden|is dan|zal) (?:\w+ )?(?:geruineerd|verwoest|kapot|voorbij"
        r"|vernietigd)|\bik (?:zal|ga) (?:je|jouw|uw) (?:leven|reputatie) (?:\w+ )?(?:ruineren"
        r"|verwoesten|kapotmaken|vernietigen)"
        r"|\b(?:tu|su) (?:vida|reputacion|carrera|matrimonio|relacion) (?:\w+ ){0,2}?(?:sera"
        r"|quedara|estara) (?:\w+ )?(?:arruinad[ao]|destruid[ao]|acabad[ao]|terminad[ao])"
        r"|\b(?:arruinare|destruire|voy a arruinar|voy a destruir) (?:tu|su) (?:vida|reputacion"
        r"|carrera)"
        r"|\b(?:sua|tua|seu|teu) (?:vida|reputacao|carreira|casamento|relacionamento)"
        r" (?:\w+ ){0,2}?(?:sera|ficara|vai ser|vai ficar|estara) (?:\w+ )?(?:arruinad[ao]"
        r"|destruid[ao]|acabad[ao])|\b(?:arruinarei|destruirei|vou arruinar|vou destruir)"
        r" (?:a )?(?:sua|tua) (?:vida|reputacao|carreira)"
        r"|\b(?:tvuj|vas|tvoje|vase|tva) (?:zivot|povest|reputace|kariera|manzelstvi)"
        r" (?:\w+ ){0,2}?(?:bude|je) (?:\w+ )?(?:znicen\w*|zruinovan\w*|u konce)"
        r"|\bznicim (?:ti|vam) (?:\w+ )?(?:zivot|povest|kariera|karieru)"
        r"|\b(?:twoje|twoja|pana|pani) (?:zycie|reputacja|kariera|malzenstwo) (?:\w+ ){0,2}?"
        r"(?:bedzie|zostanie) (?:\w+ )?(?:zniszczon\w*|zrujnowan\w*|skonczon\w*)"
        r"|\bzniszcze (?:ci|panu|pani|twoje) (?:\w+ )?(?:zycie|reputacje|kariere)"
        r"|\b(?:dit|ditt|din) (?:liv|rygte|rykte|omdomme|karriere|agteskab|ekteskap)"
        r" (?:\w+ ){0,2}?(?:vil blive|vil bli|bliver|blir) (?:\w+ )?(?:odelagt|smadret"
        r"|ruineret|ruinert)"
        r"|\b(?:ditt|din) (?:liv|rykte|karriar|aktenskap) (?:\w+ ){0,2}?(?:kommer att bli|blir)"
        r" (?:\w+ )?(?:forstort|forstord|ruinerat|ruinerad)"
        r"|\b(?:elamasi|maineesi|urasi|avioliittosi) (?:\w+ ){0,2}?(?:tuhoutuu|on pilalla"
        r"|menee pilalle|tuhoutuvat|tuhotaan)|\btuhoan (?:\w+ )?(?:elamasi|maineesi|urasi)",
        0.45,
        _SEND_ALL,
        langs=_TWELVE,
        boost=_SCENE_CORE,
        boost_by=0.2,
        keys="dein deine deinem deinen ihr ihre ihrem ihren werde votre ta je vais la ti "
        "rovinero distruggero jouw uw ik tu su arruinare destruire voy sua tua seu teu "
        "arruinarei destruirei vou tvuj vas tvoje vase tva znicim twoje twoja pana pani "
        "zniszcze dit ditt din elamasi maineesi urasi avioliittosi tuhoan",
        unless=_CALM,
    ),
    # "Everyone will know", "all your friends will see it".
    Rule(
        r"\b(?:alle|jeder|jede\w*) (?:\w+ ){0,3}?(?:werden|wird) (?:es |das |davon |alles )?"
        r"(?:wissen|erfahren|sehen)\b"
        r"|\btout le monde (?:\w+ ){0,2}?(?:saura|verra|va (?:savoir|voir|le savoir|le voir))"
        r"|\btous (?:\w+ ){0,2}?(?:sauront|verront|vont (?:savoir|voir|le savoir|le voir))"
        r"|\b(?:tutti|chiunque) (?:\w+ ){0,2}?(?:lo )?(?:sapranno|vedranno|sapra|vedra)\b"
        r"|\b(?:iedereen|alle \w+) (?:\w+ ){0,2}?(?:zal|zullen|gaat|gaan) (?:het |dit |alles )?"
        r"(?:weten|zien)\b"
        r"|\b(?:todos|todo el mundo) (?:\w+ ){0,2}?(?:lo )?(?:sabran|veran|sabra|vera|van a"
        r" (?:saber|ver)|va a (?:saber|ver))\b"
        r"|\b(?:todos|todo (?:o )?mundo) (?:\w+ ){0,2}?(?:saberao|verao|sabera|vera|vao (?:saber"
        r"|ver)|vai (?:saber|ver))\b"
        r"|\bvsichni (?:\w+ ){0,2}?(?:se (?:to )?dozvi|dozvi|uvidi|budou vedet)"
        r"|\bwszyscy (?:\w+ ){0,2}?(?:sie (?:o tym )?dowiedza|dowiedza|zobacza|beda wiedziec)"
        r"|\balle (?:\w+ ){0,2}?(?:vil (?:vide|vite|se|fa at vide|fa vite|fa det at vide)"
        r"|kommer til at (?:vide|se))\b"
        r"|\balla (?:\w+ ){0,2}?(?:kommer att (?:veta|se|fa veta)|far veta)\b"
        r"|\bkaikki (?:\w+ ){0,2}?(?:saavat tietaa|nakevat|tulevat tietamaan|tietavat pian)",
        0.55,
        _SEND_ALL,
        langs=_TWELVE,
        keys="alle jeder jede jeden jedem monde tous tutti chiunque iedereen todos todo "
        "vsichni wszyscy alla kaikki",
        requires=_SCENE_CORE,
        # "Everyone will see the video of the school play on Friday."
        unless=_CALM + "|" + _PUBLIC_EVENT,
    ),
    # "Do not go to the police": the warning-off. A condition with the recording
    # ("if you go to the police, the video goes out") is a threat in full.
    Rule(
        r"\b(?:nicht|keinesfalls|niemals|nie),? (?:einmal |mal )?(?:an |zur |die |der |mit der )?"
        r"polizei|\b(?:bringt|nutzt|hilft) (?:\w+ ){0,2}?nichts,? (?:\w+ ){0,3}?polizei"
        r"|\b(?:ne sert a rien|non serve a (?:niente|nulla)|heeft geen zin|no sirve de nada"
        r"|nao adianta|nema smysl|nie ma sensu) (?:\w+ ){0,3}?(?:la |a la |alla |de |a )?(?:police"
        r"|polizia|politie|policia|polici\w*)|\bpolizei (?:\w+ ){0,4}?(?:nicht helfen|nichts tun"
        r"|nichts machen)"
        r"|\bne (?:\w+ )?(?:contacte\w*|appele\w*|previen\w*|prevene\w*|alerte\w*|alle\w*|va)"
        r" (?:pas|jamais|surtout pas) (?:\w+ )?(?:a |la |les )?(?:police|gendarmerie|flics)"
        r"|\bn'(?:allez|essayez|appelez|alertez|informez|avertissez|essaie|appelle|va)"
        r" (?:\w+ ){0,2}?(?:pas|jamais) (?:\w+ ){0,2}?(?:la |a la )?(?:police|gendarmerie)"
        r"|\b(?:pas (?:la )?peine|inutile) (?:\w+ ){0,3}?(?:police|polizia|gendarmerie)"
        r"|\bnon (?:\w+ )?(?:rivolger|chiamar|chiamate|contattar|contattate|andar|andate"
        r"|avvisar|avvisate|informar|provar)\w* (?:\w+ ){0,2}?(?:alla |la |le |i )?(?:polizia"
        r"|carabinieri|forze dell'ordine)"
        r"|\b(?:ga|stap|bel|neem|waarschuw|informeer|schakel) (?:\w+ ){0,2}?(?:niet|geen|nooit)"
        r" (?:\w+ ){0,3}?(?:naar |met |op )?(?:de )?politie|\bniet naar de politie"
        r"|\bpolitie (?:\w+ ){0,3}?(?:niet|niets) (?:\w+ )?(?:helpen|doen)"
        r"|\bno (?:\w+ )?(?:acudas|acuda|vayas|vaya|llames|llame|contactes|contacte|avises"
        r"|avise|denuncies|denuncie|intentes|intente|recurras|recurra|pienses|piense"
        r"|se te ocurra)\b (?:\w+ ){0,3}?(?:la )?policia|\bni (?:se te ocurra|pienses|lo intentes)"
        r"\b[^.!?\n]{0,40}?policia|\binutil (?:\w+ ){0,3}?policia"
        r"|\bnao (?:\w+ )?(?:procure|procura|chame|chama|contate|contacte|ligue|liga|va|vai"
        r"|avise|avisa|denuncie|tente|pense)\b (?:\w+ ){0,3}?(?:a )?policia"
        r"|\bnem pense (?:\w+ ){0,4}?policia"
        r"|\b(?:nekontaktuj\w*|nechodte|nechod|neobracejte|nevolejte|nevolej|neoznamuj\w*)"
        r" (?:\w+ ){0,3}?polici\w*"
        r"|\bnie (?:\w+ )?(?:idz|chodz|dzwon|kontaktuj|zglaszaj|informuj|zawiadamiaj|probuj)\w*"
        r" (?:\w+ ){0,3}?polic\w*"
        r"|\b(?:ga|kontakt|ring|tag|ta) ikke (?:\w+ ){0,3}?politi\w*|\bikke (?:ga|kontakt"
        r"|kontakte|ring|tag|ta) (?:\w+ ){0,3}?politi\w*"
        r"|\b(?:ga|kontakta|ring|vand) (?:dig )?inte (?:\w+ ){0,3}?polis\w*|\binte (?:ga"
        r"|kontakta|ringa|vanda) (?:\w+ ){0,3}?polis\w*"
        r"|\b(?:ala|alkaa) (?:\w+ ){0,3}?poliisi\w*"
        r"|\b(?:wenn|falls|si|se|als|indien|pokud|jestli|jesli|jezeli|hvis|om|jos) (?:du|sie"
        r"|vous|tu|je|u|usted|voce|vc|jste|jsi|pan|pani|de) (?:\w+ ){0,4}?(?:polizei|police"
        r"|polizia|politie|policia|polici\w*|politi\w*|polis\w*|poliisi\w*)\b",
        0.45,
        _WARN_OFF,
        langs=_TWELVE,
        boost=_SCENE_CORE,
        boost_by=0.2,
        keys="polizei police gendarmerie polizia politie policia policie policii polici "
        "policja policji policje policje politiet politi polisen polis poliisi poliisiin "
        "poliisille",
        unless=_CALM,
    ),
    # "Don't tell anyone", with the recording or the money in the same message.
    Rule(
        r"\b(?:erzahl\w*|sag\w*|verrat\w*) (?:\w+ ){0,2}?(?:niemandem|keinem|niemand)\b"
        r"|\bn'en (?:parlez|parle) a personne|\bne (?:le )?(?:dites|dis) (?:rien )?a personne"
        r"|\bnon (?:dirlo|parlarne|dire niente|dire nulla) a nessuno"
        r"|\b(?:vertel|zeg) (?:het |dit )?(?:aan |tegen )?niemand|\btegen niemand"
        r"|\bno (?:se lo |le )?(?:digas|cuentes|diga|cuente) (?:nada )?a nadie"
        r"|\bnao (?:conte|conta|diga|fale) (?:\w+ )?(?:a|para|com) ninguem"
        r"|\bnikomu (?:\w+ )?(?:nerikej\w*|nic|nie mow\w*|nie wspominaj\w*)"
        r"|\b(?:fortal|sig|fortell|si) (?:det )?ikke (?:\w+ )?(?:til )?(?:nogen|noen)"
        r"|\bikke (?:fortell|si|fortal|sig) (?:det )?(?:til )?(?:nogen|noen)"
        r"|\b(?:beratta|sag) (?:inte|inget|ingenting) (?:\w+ )?(?:for |till )?(?:nagon|nagra)"
        r"|\bala kerro (?:\w+ )?(?:kenellekaan|kellekaan)",
        0.45,
        _WARN_OFF,
        langs=_TWELVE,
        keys="erzahl erzahle erzahlen sag sage sagen verrat verrate niemandem keinem niemand "
        "n'en ne non vertel zeg tegen no nao nikomu fortal sig fortell si ikke beratta ala",
        requires=_SCENE_CORE,
        unless=_CALM,
    ),
    # "All your contacts will receive the video": the audience as the subject.
    Rule(
        r"\b" + _AUDIENCE + r"\b[^.!?\n]{0,40}?\b(?:werden (?:\w+ ){0,3}?(?:erhalten|bekommen"
        r"|sehen|zugeschickt)|recevront|verront|vont (?:recevoir|voir)|riceveranno|vedranno"
        r"|(?:zullen|gaan) (?:\w+ ){0,3}?(?:ontvangen|zien|krijgen)|recibiran|veran"
        r"|van a (?:recibir"
        r"|ver)|receberao|verao|vao (?:receber|ver)|dostanou|uvidi|obdrzi|dostana|zobacza"
        r"|otrzymaja|vil (?:modtage|motta|fa|se)|kommer att (?:fa|se)|far se|saavat|nakevat)\b",
        0.6,
        _SEND_ALL,
        langs=_TWELVE,
        keys="werden recevront verront vont riceveranno vedranno zullen gaan recibiran veran van "
        "receberao verao vao dostanou uvidi obdrzi dostana zobacza otrzymaja vil kommer far "
        "saavat nakevat",
        requires=_TAPE_RE,
        unless=_CALM,
    ),
)

# Paying, sending or copying (the wallet address), each language.
_PAY_VERB = (
    r"\b(?:zahl\w*|bezahl\w*|uberweis\w*|sende\w*|senden|schick\w*|paye\w*|payer|vire\w*"
    r"|virer|envoye\w*|transfere\w*|pag[ahou]\w*|invia\w*|versa\w*|trasferi\w*|betaal\w*|betalen"
    r"|stuur\w*|overmak\w*|maak \w+ over|envi[ae]\w*|deposit\w*|transfier\w*|zaplat\w*|posl\w*"
    r"|preved\w*|wplac\w*|przelej|przelac|przelew\w*|wysl\w*|zaplac\w*|betal\w*|overfor\w*"
    r"|skick\w*|satt in|sett inn|maksa\w*|siirra\w*|laheta\w*|kopier\w*|copie\w*|copia\w*"
    r"|kopieer\w*|kopiuj\w*|zkopiruj\w*|kopioi\w*)\b"
)
_WALLET = (
    r"(?:adresse|adres|adresa|adresu|osoite\w*|wallet|walletadresse|geldborse"
    r"|portefeuille|portafoglio|portemonnee|cartera|carteira|penezenk\w*|portfel\w*|lommebog"
    r"|lommebok|planbok|lompakko\w*|indirizzo|direccion|endereco)"
)

_MORE_PAYMENT = (
    # "Send it to this Bitcoin wallet", "BTC address:".
    Rule(
        r"\b(?:bitcoin|btc|krypto|crypto)[- ]?"
        + _WALLET
        + r"\b|\b"
        + _WALLET
        + r"\b[^.!?\n]{0,40}?\b(?:bitcoin\w*|btc)\b",
        0.55,
        _PAY_CRYPTO,
        langs=_TWELVE,
        keys="bitcoin btc krypto crypto bitcoinadresse bitcoin-adresse bitcoinwallet "
        "btc-adresse bitcoinadres bitcoin-adres bitcoinadressen bitcoinosoite "
        "bitcoin-osoite bitcoin-adresa bitcoin-adressen",
        requires=_PAY_VERB,
        unless=_CALM,
    ),
    # "The price for my silence".
    Rule(
        r"\b(?:preis (?:fur |fuer )?(?:mein|meines) schweigen\w*|schweigegeld|prix (?:de |pour )?"
        r"mon silence|prezzo (?:del |per il )?(?:mio )?silenzio|prijs (?:voor|van) mijn (?:stil)?"
        r"zwijgen|zwijggeld|precio (?:de|por) mi silencio|preco (?:do|pelo|por) meu silencio"
        r"|cena za (?:moje |me )?mlceni|cen[ae] (?:za )?(?:moje )?milczeni\w*|prisen for min"
        r" (?:tavshed|taushet)|priset for min tystnad|hinta (?:\w+ )?vaikenemise\w*)\b",
        0.6,
        _SILENCE,
        langs=_TWELVE,
        keys="preis schweigegeld prix prezzo prijs zwijggeld precio preco cena ceny prisen "
        "priset hinta",
        unless=_CALM,
    ),
    # "After payment I delete the video", "you will never hear from me again".
    Rule(
        r"\b(?:nach (?:der |dem |erhalt der |eingang der )?(?:zahlung|bezahlung|uberweisung)"
        r"|sobald (?:ich )?(?:das geld|die zahlung)|apres (?:reception du |le |votre )?paiement"
        r"|des (?:reception|que je recois|que j'aurai recu)|dopo (?:aver ricevuto il |il )?"
        r"pagamento|appena (?:ricevo|avro ricevuto)|na (?:ontvangst van (?:de )?|de )?betaling"
        r"|zodra ik (?:de betaling|het geld)|despues del pago|una vez (?:que )?(?:reciba|recibido)"
        r"|tan pronto (?:como )?reciba|apos (?:o |receber o )?pagamento|depois do pagamento"
        r"|assim que (?:eu )?receber|po (?:prijeti |obdrzeni )?(?:platby|zaplaceni)"
        r"|po (?:otrzymaniu"
        r" )?(?:platnosci|wplaty|zaplacie|przelewu)|efter (?:modtagelse af )?betaling\w*"
        r"|etter (?:mottatt )?betaling\w*|efter (?:mottagen )?betalning\w*|sa snart (?:jeg|jag)"
        r" (?:modtager|mottar|far|har modtaget|har mottatt|har fatt)|maksun (?:jalkeen|saatuani)"
        r"|kun (?:olen )?saanut maksun|(?:jakmile|pote,? co|az|hned jak) (?:\w+ )?obdrzim"
        r" (?:\w+ )?(?:platbu|penize)|(?:gdy|kiedy|jak tylko|po tym jak) (?:\w+ )?otrzymam"
        r" (?:\w+ )?(?:platnosc|pieniadze|wplate)|(?:cuando|en cuanto|una vez que) (?:\w+ )?reciba"
        r" (?:el|tu|su) pago|(?:quando|assim que) (?:eu )?receber (?:o|seu|teu) pagamento"
        r"|(?:quando|appena|non appena) (?:avro )?ricev\w* (?:il )?pagamento|(?:zodra|wanneer|als)"
        r" ik (?:de |je |uw )?betaling (?:heb )?ontvang\w*|(?:nar|sa snart) (?:jeg|jag) (?:har )?"
        r"(?:modtag\w*|mott\w*|fatt|far|tagit emot) (?:\w+ )?betal\w*|(?:kun|heti kun) (?:olen )?"
        r"saa\w* maksun)\b[^.!?\n]{0,100}?\b(?:losch\w*|vernicht\w*|entfern\w*"
        r"|supprim\w*|detrui\w*|effac\w*|cancell\w*|elimin\w*|distrugg\w*|verwijder\w*|wis\w*"
        r"|vernietig\w*|borr\w*|destru\w*|apag\w*|exclu\w*|delet\w*|smaz\w*|odstran\w*|znic\w*"
        r"|usun\w*|skasuj\w*|zniszcz\w*|slet\w*|fjern\w*|radera\w*|ta bort|poista\w*|tuhoa\w*"
        r"|verschwind\w*|disparai\w*|sparir\w*|verdwijn\w*|desaparec\w*|desaparece\w*)"
        r"|\bvon mir (?:\w+ )?(?:nie wieder|nie mehr|nichts mehr) (?:\w+ )?horen"
        r"|\b(?:nie wieder|nie mehr|nichts mehr) (?:\w+ ){0,2}?von mir horen"
        r"|\b(?:plus jamais|n'entendrez plus|n'entendras plus) (?:\w+ ){0,3}?parler de moi"
        r"|\bnon (?:sentirai|sentira|avrai) (?:\w+ ){0,2}?piu (?:parlare |notizie )?di me"
        r"|\b(?:nooit meer|niets meer) (?:\w+ ){0,2}?van mij (?:\w+ )?horen"
        r"|\b(?:no|nunca) (?:volveras|volvera) a (?:saber|oir) (?:nada )?de mi"
        r"|\b(?:nunca mais|nao vai mais) (?:\w+ ){0,2}?(?:ouvir falar|saber) de mim"
        r"|\bo mne (?:uz )?(?:nikdy )?(?:neuslys\w*)|\bnie uslysz\w* (?:\w+ ){0,2}?o mnie"
        r"|\b(?:aldrig|aldri|ikke) (?:\w+ ){0,2}?(?:hore|hora) (?:fra|av) (?:mig|meg)"
        r"|\b(?:et|ette) (?:enaa |koskaan )?(?:kuule|kuulisi) minusta",
        0.5,
        _PAY_CRYPTO,
        langs=_TWELVE,
        keys="nach sobald apres des dopo appena na zodra despues una tan apos depois assim po "
        "efter etter sa maksun kun von nie nichts jakmile pote az hned gdy kiedy jak cuando "
        "quando appena wanneer als nar heti plus n'entendrez n'entendras non nooit "
        "niets no nunca nao mne uslyszysz aldrig aldri ikke et ette",
        # "After your payment we delete your card details": a shop's privacy note.
        unless=_CALM + r"|\b(?:card|carte|karte|kart|carta|tarjeta|cartao|kaart|karty)\w*"
        r" ?(?:data|details|donnees|daten|dati|datos|dados|gegevens|nummer|number|numero)\b"
        r"|\b(?:donnees|daten|dati|datos|dados|gegevens|data|details) (?:\w+ )?(?:de |der |della"
        r" |di |van |do |da |of )?(?:la |votre |ihrer |your |uw |sua |su |tua )?(?:carte|karte"
        r"|carta|tarjeta|cartao|kaart|card)\b|\b(?:kreditkarte|creditcard|credit card)\w*",
    ),
    # "Transfer 1500 euros", with the recording, the secret or an "or else" in the message.
    Rule(
        r"\b(?:uberweis\w*|zahl\w*|sende\w*|schick\w*|payez|paye|payer|virez|envoyez|transferez"
        r"|pagate|paga|pagare|invia|inviate|versa|trasferisci|maak \w+ over|betaal|stuur"
        r"|transfiere|transfiera|envia|envie|pague|transfira|deposite|zaplat\w*|posl\w*"
        r"|preved\w*|przelej|wplac\w*|zaplac\w*|wyslij|betal|betala|overfor|skicka|maksa"
        r"|siirra|laheta) (?:\w+ ){0,4}?\d[\d.,' ]*\s?" + _CURRENCY + r"(?![a-z])",
        0.5,
        _PAY_CRYPTO,
        langs=_TWELVE,
        keys="eur euro euros € $ usd dollar dollars dolares czk kc korun zl pln zlotych kr sek "
        "nok dkk kroner kronor chf reais",
        requires=_SCENE_CORE
        + r"|\b(?:jinak|inaczej|w przeciwnym razie|ellers|annars|muuten|sonst|andernfalls|sinon"
        r"|altrimenti|anders|de lo contrario|si no|senao|caso contrario)\b",
        unless=_CALM,
    ),
    # "If you don't know how to buy Bitcoin, search Google": the bulk email's help desk.
    Rule(
        r"\b(?:wie man|wie (?:du|sie)|comment|come|hoe (?:je|u)?|como|jak|hvordan|hur|miten)"
        r" (?:\w+ ){0,3}?(?:bitcoin\w*|btc|krypto\w*|crypto\w*) (?:\w+ ){0,2}?(?:kauf\w*|acheter"
        r"|achete\w*|acquist\w*|comprar\w*|compra\w*|ko[o]?p\w*|kupi\w*|kobe\w*|kjope\w*|kopa"
        r"|ostaa|ostat|hankki\w*)|\b(?:kauf\w*|acheter|acquistare|kopen|comprar|koupit|kupic"
        r"|kobe|kjope|kopa|ostaa) (?:\w+ ){0,3}?(?:bitcoin\w*|btc)\b[^.!?\n]{0,60}?\b(?:google"
        r"\w*|suche\w*|cherche\w*|cerca\w*|zoek\w*|busca\w*|pesquis\w*|hledej\w*|vyhledej\w*"
        r"|wyszukaj\w*|sog|sok|hae|haku\w*)",
        0.5,
        _PAY_CRYPTO,
        langs=_TWELVE,
        keys="bitcoin bitcoins btc krypto crypto bitcoiny bitcoinu bitcoineja bitcoinia",
        requires=r"\b(?:google\w*|suche\w*|such|cherche\w*|cerca\w*|zoek\w*|busca\w*"
        r"|pesquis\w*|hledej\w*|vyhledej\w*|wyszukaj\w*|sog|sok|hae|wenn (?:du|sie)|si (?:vous"
        r"|tu|usted)|se (?:non|nao|voce)|als (?:je|u)|pokud|jesli|hvis|om du|jos)\b",
        unless=_CALM,
    ),
)

_MORE_DEADLINE = (
    # "You have 48 hours", each language.
    Rule(
        r"\b(?:sie haben|du hast|hast du|haben sie|vous avez|tu as|avete|hai|je hebt|u heeft"
        r"|heb je|heeft u|tienes|tiene|tienen|voce tem|vc tem|tens|tem|mate|mas|masz|ma pan"
        r"|ma pani|du har|har du|de har|sinulla on|teilla on) (?:\w+ ){0,2}?(?:\d{1,3}|zwei|drei"
        r"|deux|trois|due|tre|twee|drie|dos|tres|duas|dva|dve|tri|dwa|trzy|to|kaksi|kolme)"
        r" ?(?:stunden|std|tage|heures|h|jours|ore|giorni|uur|dagen|horas|dias|hodin|dni|dnu"
        r"|godzin|godziny|timer|timmar|dage|dager|dagar|tuntia|paivaa)\b"
        r"|\b(?:24|36|48|72|\d{1,2}) (?:tunnin|paivan) (?:kuluessa|sisalla|aikana)\b"
        r"|\b(?:der |le |il |de |el |o |timeren|timern)?(?:timer|countdown|compte a rebours"
        r"|conto alla rovescia|aftelling|cuenta regresiva|cuenta atras|contagem regressiva"
        r"|odpocet|odliczanie|nedtallingen|nedtellingen|nedrakningen|ajastin|laskuri)"
        r" (?:\w+ ){0,3}?(?:lauft|gestartet|commence|demarre|lance|partito|iniziato|loopt"
        r"|gestart|empezo|comenzo|ha empezado|comecou|iniciou|bezi|spusten\w*|ruszyl\w*"
        r"|rozpoczal\w*|startet|startede|startade|gar|kay|kaynnistyi|alkoi)\b",
        0.35,
        _HOURS,
        langs=_TWELVE,
        keys="haben hast avez as avete hai hebt heeft heb tienes tiene tienen tem tens mate mas "
        "masz ma har on tunnin paivan timer countdown compte conto aftelling cuenta contagem "
        "odpocet odliczanie nedtallingen nedtellingen nedrakningen timeren timern ajastin "
        "laskuri",
        requires=_SCENE_CORE,
    ),
)


def _calm_when_reported(rule: Rule) -> Rule:
    """The first rules, kept calm in warnings and news as the newer ones are."""
    unless = _REPORTED if rule.unless is None else f"{rule.unless}|{_REPORTED}"
    return replace(rule, unless=unless)


HACKING_CLAIM = tuple(map(_calm_when_reported, HACKING_CLAIM)) + _MORE_HACKING
STOLEN_CONTENT = tuple(
    replace(r, unless=f"{r.unless}|{_PUBLIC_EVENT}")
    for r in map(_calm_when_reported, STOLEN_CONTENT)
) + _MORE_STOLEN
# Holiday, party and wedding pictures sent to the family, with nothing intimate
# or paid for in the message: "les photos de vacances partent chez tes parents".
_FAMILY_ALBUM = (
    r"^(?![\s\S]*\b(?:nud\w*|naked|nackt\w*|naakt\w*|nue?s?|desnud\w*|pelad\w*|intim\w*|sex\w*"
    r"|porn\w*|bitcoin\w*|btc|pay\w*|zahl\w*|pai\w*|pag\w*|betaal\w*|block\w*|bloque\w*"
    r"|ignor\w*)\b)[\s\S]*\b(?:trip|holiday|vacation|urlaub\w*|vacances|vacanz\w*|vakantie\w*"
    r"|vacaciones|ferias|viagem|wedding|boda|hochzeit\w*|mariage|matrimonio|bruiloft|casamento"
    r"|party|fiesta|feest|fete|festa|geburtstag\w*|anniversaire|compleanno|verjaardag"
    r"|cumple\w*|aniversario)\b"
)
THREAT_TO_EXPOSE = (
    tuple(
        replace(r, unless=f"{r.unless}|{_FAMILY_ALBUM}")
        for r in map(_calm_when_reported, THREAT_TO_EXPOSE)
    )
    + _MORE_THREAT
)
PAYMENT_DEMAND = tuple(map(_calm_when_reported, PAYMENT_DEMAND)) + _MORE_PAYMENT
DEADLINE = tuple(map(_calm_when_reported, DEADLINE + _MORE_DEADLINE))
