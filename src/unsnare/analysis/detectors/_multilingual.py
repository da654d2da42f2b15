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

HACKING_CLAIM = (
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

STOLEN_CONTENT = (
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
    r"|opname|grabacion|gravac|nagrani|nahravk|optagelse|opptak|inspelning|zdjec|snimk|film|clip"
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
    r"(?:[$€£]|usd|eur|euros?|dollars?|dolares|dolar|czk|kc|korun|zl|pln|zlotych|kr|sek|nok"
    r"|dkk|kroner|kronor|chf|r\$|reais)"
)

PAYMENT_DEMAND = (
    Rule(
        rf"\d[\d.,' ]*\s?{_CURRENCY}(?![a-z])[^.\n]{{0,80}}?\b(?:in |en |em |v |w |i )?"
        rf"(?:bitcoin\w*|btc|krypto\w*|crypto\w*|kryptomen\w*)\b|\b(?:bitcoin\w*|btc)\b"
        rf"[^.\n]{{0,60}}?(?:{_CURRENCY}\s?\d[\d.,' ]*|\d[\d.,' ]*\s?{_CURRENCY}(?![a-z]))",
        0.6,
        _PAY_CRYPTO,
        langs=ALL,
        keys="bitcoin bitcoins btc krypto crypto kryptomena bitcoinu bitcoinach bitcoiny",
        requires=r"\b(?:video\w*|aufnahme\w*|webcam|kamera|camera|camara|enregistr\w*"
        r"|registr\w*|grab\w*|grav\w*|opname\w*|nagran\w*|nahr\w*|kontakt\w*|contact\w*|porn\w*"
        r"|sex\w*|intim\w*|nude\w*|nackt\w*|nu|nue|desnud\w*|nud\w*|naakt\w*|wallet|adress\w*"
        r"|adres\w*|portafoglio|portefeuille|portemonnee|carteira|cartera)\b",
    ),
)

DEADLINE = (
    Rule(
        r"\b(?:innerhalb (?:von |der nachsten )?|in den nachsten |dans les |dans |sous |entro |"
        r"nelle prossime |binnen |in de komende |en (?:las proximas )?|dentro de |em |nas proximas"
        r" |w ciagu |do |behem |inden for |innen |inom )(?:24|36|48|50|72|\d{1,2})\s?"
        r"(?:stunden|std|heures|h|ore|uur|horas|hodin|godzin|timer|timmar|tagen|jours|giorni"
        r"|dagen|dias|dni|dnu|dage|dager|dagar)\b",
        0.35,
        _HOURS,
        langs=_OTHER,
        keys="innerhalb in dans sous entro nelle binnen en dentro em nas w do behem inden innen "
        "inom",
        requires=_MEDIA + r"|\b(?:bitcoin\w*|btc|zahl\w*|payer|paiement|pagar|pagamento|betal\w*"
        r"|pagare|plat\w*|zaplat\w*)\b",
    ),
)
