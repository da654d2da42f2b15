"""The hacking claim's kinds of sentence, each written once for the seven
languages the analysis reads: the malware planted, the message sent from the
person's own account, the data taken from the device, control of the camera,
and the bulk email's proofs of skill. Patterns are over folded text.
"""

from __future__ import annotations

from unsnare.analysis.base import Rule
from unsnare.analysis.detectors._kinds import (
    _PORN_KEYS,
    ALL,
)
from unsnare.analysis.detectors._multilingual import (
    _ADULT_CORE,
    _CALM,
    _DEVICE,
    _HACK,
    _REPORTED,
    _TAPE,
)

_DEVICE_KEYS = (
    "device devices phone phones computer laptop camera webcam account accounts email e-mail "
    "mailbox inbox system router modem browser mobile tablet cell cellphone pc gerat geraten "
    "handy telefon smartphone konto postfach rechner kamera appareil ordinateur telephone "
    "compte messagerie dispositivo dispositivos cellulare telefono casella apparaat telefoon "
    "ordenador computadora movil celular cuenta correo computador conta sistema systeme "
    "systeem fotocamera telecamera roteador routeur camara"
)
_MALWARE_KEYS = (
    "virus viren malware trojan trojans troyano trojaner spyware keylogger logiciel software "
    "programma programa codigo codice schadsoftware spionagesoftware exploit rat cheval"
)
# First person with a planting verb: "I put / placed / planted / injected".
_PLANTED = (
    r"(?:\bi (?:have )?(?:put|placed|planted|injected|hid|uploaded|set up)"
    r"|\b(?:ich|wir) (?:habe|hab|haben) (?:\w+ ){0,5}?(?:platziert|eingeschleust|versteckt"
    r"|eingebaut|hochgeladen|eingerichtet|eingepflanzt)"
    r"|\b(?:j'ai|j ai|nous avons) (?:\w+ ){0,2}?(?:mis|place|implante|injecte|cache|depose"
    r"|installe)"
    r"|\b(?:ho|abbiamo) (?:\w+ ){0,2}?(?:messo|piazzato|inserito|iniettato|nascosto|caricato"
    r"|impiantato)"
    r"|\b(?:ik heb|we hebben|wij hebben|heb ik) (?:\w+ ){0,5}?(?:geplaatst|gezet|verstopt"
    r"|geinjecteerd|geupload|verborgen)"
    r"|\b(?:he|hemos) (?:\w+ ){0,2}?(?:puesto|colocado|plantado|inyectado|escondido|subido"
    r"|metido)|\b(?:puse|coloque|plante|inyecte|escondi)\b"
    r"|\b(?:coloquei|plantei|injetei|escondi|inseri|pus|instalei|implantei|colocamos))"
)
# German and Dutch put the participle last: "ich habe einen Trojaner platziert".
_PLANTED_LAST = (
    r"(?:platziert|eingeschleust|versteckt|eingebaut|hochgeladen|installiert|geplaatst|gezet"
    r"|verstopt|geinjecteerd|geupload|geinstalleerd)"
)
_AUX = r"\b(?:ich habe|ich hab|wir haben|habe ich|ik heb|we hebben|wij hebben|heb ik)"
_MALWARE = (
    r"(?:virus|viren|malware|trojan\w*|troyano\w*|trojaner\w*|cheval de troie|spyware"
    r"|keylogger|logiciel (?:espion|malveillant)|software (?:spia|espia|espiao|malicioso)"
    r"|programma spia|programa espia|codigo malicioso|codice malevolo|schadsoftware"
    r"|spionagesoftware|exploit\w*|rat)"
)
# "My virus / my trojan / our malware", each language.
_MY_MALWARE = (
    r"\b(?:my|our|mein\w*|unser\w*|mon|notre|ma|il mio|la mia|il nostro|mijn|onze|ons|mi|nuestro"
    r"|o meu|meu|nosso)\s(?:\w+ )?" + _MALWARE + r"\b(?![- ](?:scanner|scan|protection|check"
    r"|checker|definitions?|database|filter|alert|schutz|scanner|protezione|bescherming"
    r"|proteccion|protecao|analyse|analisi))"
)
# The person's device or account, with "your" in each language.
_YOUR_DEVICE = (
    r"\b(?:your|ur|dein\w*|ihr\w*|votre|ton|ta|vos|tes|tuo|tua|tuoi|suo|sua|je|jouw|uw|tu|tus"
    r"|su|sus|seu|sua|seus|suas|teu|tua)\s(?:\w+ )?(?:" + _DEVICE + r"|phones?|devices?|mobile"
    r"|tablet|cell|cellphone|inbox|browser|sistema|systeme|systeem|sistemas|fotocamera|telecamera"
    r"|router|roteador|routeur|modem"
    r"|webcam\w*)\b"
)
# First person taking data: "I downloaded / copied / stole", each language.
_TOOK = (
    r"(?:\bi (?:have )?(?:downloaded|copied|stole|extracted|exported|saved|collected)"
    r"|\b(?:ich|wir) (?:habe|hab|haben) (?:\w+ ){0,6}?(?:heruntergeladen|kopiert|gestohlen"
    r"|extrahiert|gesichert|gespeichert)"
    r"|\b(?:j'ai|j ai|nous avons) (?:\w+ ){0,2}?(?:telecharge|copie|vole|extrait|recupere"
    r"|sauvegarde)"
    r"|\b(?:ho|abbiamo) (?:\w+ ){0,2}?(?:scaricato|copiato|rubato|estratto|salvato)"
    r"|\b(?:ik heb|we hebben|heb ik) (?:\w+ ){0,6}?(?:gedownload|gekopieerd|gestolen"
    r"|opgeslagen|binnengehaald)"
    r"|\b(?:descargue|copie|robe|extraje|guarde)\b|\b(?:he|hemos) (?:\w+ ){0,2}?(?:descargado"
    r"|copiado|robado|extraido|guardado)"
    r"|\b(?:baixei|copiei|roubei|extrai|salvei|baixamos|copiamos))"
)
_DATA = (
    r"(?:data|daten|donnees|dati|gegevens|datos|dados|informations?|informazioni|informatie"
    r"|informacion\w*|informac\w*|files|dateien|fichiers|file|bestanden|archivos|arquivos"
    r"|contacts?|kontakte|contatti|contacten|contactos|contatos|photos|fotos|foto's"
    r"|password\w*|passworter|mots de passe|wachtwoorden|contrasenas|senhas)"
)

HACKING_CLAIM: tuple[Rule, ...] = (
    # "I put a virus on the site you visited", "j'ai mis en place un virus".
    Rule(
        _PLANTED + r"\b(?: en place| in place)?(?: \w+){0,3}? " + _MALWARE + r"\b|" + _AUX
        + r" (?:\w+ ){0,5}?" + _MALWARE + r" (?:\w+ ){0,4}?" + _PLANTED_LAST + r"\b",
        0.55,
        _HACK,
        langs=ALL,
        keys=_MALWARE_KEYS,
        unless=_CALM,
        name="malware_planted",
    ),
    # "My trojan was downloaded to your device", "mein Virus hat dein Gerät infiziert".
    Rule(
        _MY_MALWARE + r"[^.!?\n]{0,80}?" + _YOUR_DEVICE,
        0.55,
        _HACK,
        langs=ALL,
        keys=_MALWARE_KEYS,
        unless=_CALM,
        name="my_malware_on_your_device",
    ),
    # "I sent this message from your own account", the bulk email's proof of control.
    Rule(
        r"\b(?:this|these|ce|cette|ces|diese\w*|questo|questa|questi|dit|deze|este|esta|estos"
        r"|esse|essa)\s(?:\w+ )?(?:message|messages|mail|e-?mail|nachricht|courriel|lettre|brief"
        r"|bericht|messaggio|lettera|correo|mensaje|carta|mensagem)\b[^.!?\n]{0,40}?\b(?:from"
        r"|depuis|de|von|aus|da|dal|dalla|vanaf|van|desde|do|a partir de)\s(?:your|votre|ton|ta"
        r"|deinem|ihrem|deiner|ihrer|dein|ihr|tuo|tua|il tuo|la tua|je|jouw|uw|tu|su|seu|sua"
        r"|sua propria|seu proprio)\s(?:own |propre |eigenen |eigen |proprio |propria |propio "
        r"|propia )?(?:account|mailbox|e-?mail|email address|compte|messagerie|boite\w*|adresse"
        r"|konto|postfach|e-?mail-?adresse|casella|indirizzo|cuenta|correo|conta|caixa"
        r"|endereco)\b",
        0.5,
        _HACK,
        langs=ALL,
        keys="account mailbox email e-mail mail compte messagerie boite adresse konto postfach "
        "e-mail-adresse casella indirizzo cuenta correo conta caixa endereco",
        requires=r"\b(?:i|i'm|i've|we|ich|wir|j'ai|j'|je|nous|ho|io|abbiamo|ik|wij|we|he|yo"
        r"|hemos|eu|enviei|envie|mande|mandei|ti ho|te he|heb)\b",
        unless=_CALM,
        name="sent_from_your_own_account",
    ),
    # "I downloaded all the data from your system", "ich habe alle Daten kopiert".
    Rule(
        _TOOK + r"\b(?: \w+){0,4}? " + _DATA + r"\b[^.!?\n]{0,50}?" + _YOUR_DEVICE + r"|" + _AUX
        + r" (?:\w+ ){0,3}?" + _DATA + r"\b[^.!?\n]{0,50}?" + _YOUR_DEVICE
        + r" (?:\w+ ){0,2}?(?:kopiert|heruntergeladen|gestohlen|gesichert|gekopieerd|gedownload"
        r"|gestolen|opgeslagen)\b",
        0.55,
        _HACK,
        langs=ALL,
        keys=_DEVICE_KEYS,
        unless=_CALM,
        name="data_taken_from_your_device",
    ),
)

# "I control your camera", "I had access to your webcam", each language.
_I_CONTROL = (
    r"(?:\bi (?:now )?(?:control|am controlling|have (?:full |total |complete )?control"
    r" (?:of|over))"
    r"|\b(?:yo )?(?:controlo|manejo)|\b(?:eu )?(?:controlo|comando)|\bich (?:kontrolliere"
    r"|steuere|beherrsche)|\bje (?:controle|pilote)|\b(?:io )?(?:controllo|comando)"
    r"|\bik (?:bestuur|controleer|beheer)"
    r"|\bi (?:had|got|gained|obtained) (?:full |complete |total )?access (?:to|into)"
    r"|\b(?:tuve|obtuve|consegui|logre) (?:\w+ )?acceso (?:a|al)"
    r"|\b(?:tive|obtive|consegui|ganhei) (?:\w+ )?acesso (?:a|ao|as|aos)"
    r"|\bich (?:hatte|bekam|erhielt|habe) (?:\w+ )?(?:zugriff|zugang) (?:auf|zu)"
    r"|\bj'ai (?:eu|obtenu) (?:\w+ )?acces (?:a|au|aux)"
    r"|\bho (?:avuto|ottenuto) (?:\w+ )?accesso (?:a|al|alla|ai|alle)"
    r"|\bik (?:had|kreeg|heb) (?:\w+ )?toegang (?:tot))\s"
)

HACKING_CLAIM = HACKING_CLAIM + (
    Rule(
        _I_CONTROL + r"(?:\w+ ){0,2}?" + _YOUR_DEVICE.removeprefix(r"\b"),
        0.55,
        _HACK,
        langs=ALL,
        keys=_DEVICE_KEYS,
        unless=_CALM + r"|\b(?:parental|eltern|parentale?s?|parentali?|ouderlijk\w*)\b",
        name="controls_your_device",
    ),
)

# The bulk email's proof of skill, each language: it knows when the email is
# opened, changing the password is useless, no antivirus finds it, a hole in
# the router let it in.
_I_WILL_KNOW = (
    r"\b(?:i(?:'ll| will) (?:know|see|be notified|get a notification)|(?:yo )?sabre|vou saber"
    r"|saberei|ich (?:sehe|weiss|erfahre|merke|bekomme eine benachrichtigung)|je (?:saurai"
    r"|verrai|serai (?:averti|informe|notifie))|(?:io )?(?:sapro|vedro)|ik (?:weet|zie|merk)"
    r"(?: het)?)\b[^.!?\n]{0,40}?\b(?:open\w*|read|reads|abras|leas|abra|lea|abrir|ler|leia"
    r"|offnest|offnen|liest|lesen|geoffnet|gelesen|ouvrirez|ouvriras|lirez|liras|ouvrez|lisez"
    r"|ouvres|apri|aprirai|leggi|leggerai|aperto|letto|opent|leest|geopend|gelezen)\b"
)
_MAIL_NOUN = (
    r"\b(?:e-?mails?|mail|messages?|letter|correo|mensajes?|carta|mensagem|nachricht|brief"
    r"|courriel|lettre|messaggio|lettera|bericht)\b"
)
_CHANGE_PASSWORD = (
    r"(?:chang\w*|reset\w*|cambi\w*|mud\w*|alter\w*|trocar|troque|ander\w*|wechsel\w*"
    r"|wijzig\w*|verander\w*)\b[^.!?\n]{0,25}?\b(?:password\w*|passwort\w*|kennwort\w*"
    r"|contrasena\w*|clave|senha\w*|mots? de passe|wachtwoord\w*)"
    r"|\b(?:password\w*|passwort\w*|kennwort\w*|contrasena\w*|senha\w*|mots? de passe"
    r"|wachtwoord\w*)\b[^.!?\n]{0,25}?\b(?:zu andern|andern|wijzigen|veranderen|cambiare"
    r"|changer)"
)
_USELESS = (
    r"(?:won'?t (?:help|work|save you|change anything)|doesn'?t (?:help|matter)|is (?:useless"
    r"|pointless|no use)|(?:it'?s )?(?:useless|pointless)|no (?:te )?(?:sirve|servira|ayuda"
    r"|ayudara)(?: de nada)?|es inutil|nao (?:adianta|serve|ajuda|vai adiantar)|e inutil"
    r"|bringt (?:dir |ihnen )?nichts|hilft (?:dir |ihnen )?nicht|(?:ist )?sinnlos|nutzt nichts"
    r"|ne (?:vous |te )?sert a rien|(?:est|c'est|il est) inutile|ne changera rien"
    r"|non (?:ti )?serve(?: a (?:niente|nulla))?|e inutile|non (?:cambiera|cambia) (?:niente"
    r"|nulla)|heeft geen zin|helpt (?:je |u )?niet|is zinloos|(?:is )?nutteloos)"
)
_NO_ANTIVIRUS = (
    r"\b(?:no|ningun|nenhum|kein\w*|aucun|nessun|geen(?: enkel\w*)?)\s(?:\w+ )?(?:anti-?virus"
    r"\w*|antivirenprogramm\w*|virenscanner|virusscanner|virus scanner|security software"
    r"|sicherheitssoftware)\b[^.!?\n]{0,30}?\b(?:can|could|will|puede|podra|consegue|pode"
    r"|podera|kann|konnte|wird|peut|pourra|puo|potra|kan|zal)\b[^.!?\n]{0,20}?\b(?:detect\w*"
    r"|find|spot|erkennen|finden|entdecken|aufspuren|detecter|trouver|reperer|rilevar\w*"
    r"|trovar\w*|individuar\w*|detecteren|vinden|ontdekken|encontrar|achar)"
    r"|\b(?:anti-?virus\w*|antivirenprogramm\w*|virenscanner|virusscanner)\b[^.!?\n]{0,20}?"
    r"\b(?:can'?t|cannot|won'?t|will not|no (?:puede|podra|lo detecta)|nao (?:pode|consegue"
    r"|vai)|kann (?:\w+ )?nicht|ne (?:peut|pourra|le detecte) pas|non (?:puo|potra|lo rileva)"
    r"|kan (?:\w+ )?niet)\b[^.!?\n]{0,20}?\b(?:detect\w*|find|erkennen|finden|entdecken"
    r"|detecter|trouver|rilevar\w*|trovar\w*|detecteren|vinden|encontrar)"
)
_MINE = r"\b(?:my|mi|mis|meu|minha|mein\w*|mon|ma|il mio|la mia|mijn)\s"
_VULN = (
    r"(?:vulnerabilit\w*|exploit\w*|security (?:hole|flaw|gap)|loophole|backdoor|back door"
    r"|vulnerabilidad\w*|fallo\w* de seguridad|agujero|brecha|vulnerabilidade\w*|falha\w*"
    r"|brecha|sicherheitslucke\w*|schwachstelle\w*|lucke|hintertur|faille\w*|vulnerabilite\w*"
    r"|porte derobee|falla\w*|vulnerabilita|lek|lekken|kwetsbaarhe\w*|beveiligingslek\w*"
    r"|achterdeur)"
)
_I_USED = (
    r"\b(?:i (?:used|exploited|abused|found)|use|aproveche|explote|encontre|usei|explorei"
    r"|aproveitei|encontrei|(?:ausgenutzt|genutzt|benutzt|gefunden|missbraucht)|j'ai (?:\w+ )?"
    r"(?:exploite|utilise|trouve|profite)|ho (?:\w+ )?(?:sfruttato|usato|trovato|utilizzato)"
    r"|(?:gebruikt|misbruikt|gevonden|benut))\b"
)

# "I have been monitoring your activity", first person, each language.
_MONITORED = (
    r"(?:monitor\w*|track\w*|watch\w*|spied|spying|follow\w*|observ\w*|rastre\w*|vigil\w*"
    r"|segu\w*|acompanh\w*|vigi\w*|espi\w*|uberwach\w*|verfolg\w*|beobacht\w*"
    r"|surveill\w*|suivi\w*|tracciat\w*|seguit\w*|spiat\w*|osservat\w*|gevolgd|gemonitord"
    r"|bekeken|bespied|geobserveerd)"
)
_ACTIVITY = (
    r"(?:your|tu|tus|su|sus|sua|suas|seu|seus|tua|tuas|dein\w*|ihr\w*|vos|tes|votre|ton"
    r"|le tue|la tua|i tuoi|je|jouw|uw)\s(?:\w+ )?(?:activit\w*|actividad\w*|atividade\w*"
    r"|aktivitat\w*|attivita|activiteit\w*|browsing|navegacion|navegacao|surfverhalten"
    r"|navigation|navigazione|surfgedrag|movements|movimientos|movimentos|schritte"
    r"|faits et gestes|movimenti|bewegingen|every (?:move|step))"
)
# "Your sexual tastes are perverted", each language.
_PERVERTED_TASTE = (
    r"\b(?:(?:your|tus|seus|deine|ihre|vos|tes|i tuoi|le tue|je|jouw|uw)\s(?:\w+ )?"
    r"(?:preferences|tastes|fetish\w*|fantas\w*|kinks|gustos|preferencias|gostos|fetiches"
    r"|vorlieben|neigungen|fantasien|preferences|gouts|penchants|gusti|preferenze|feticci"
    r"|voorkeuren|fantasieen)\b[^.!?\n]{0,30}?\b(?:pervert\w*|pervers\w*|sick|disgusting"
    r"|weird|asqueros\w*|raros|enfermiz\w*|estranh\w*|nojent\w*|doenti\w*|ekelhaft\w*"
    r"|abartig\w*|krank\w*|degoutant\w*|bizarre\w*|malsain\w*|disgustos\w*|strani|malat\w*"
    r"|vreemd\w*|smerig\w*|ziek\w*|walgelijk\w*)|une perversion|perversion malsaine)"
)
# "Your password is hunter22": a token with a digit in it, after the words.
_PASSWORD_IS = (
    r"\b(?:your|ur|tu|su|sua|seu|tua|teu|dein|ihr|votre|ton|la tua|je|jouw|uw)\s(?:\w+ )?"
    r"(?:password|contrasena|clave|senha|passwort|kennwort|mot de passe|wachtwoord)\s"
    r"(?:(?:is|was|es|era|e|ist|lautet|war|est|etait|era|is|was)\s)?(?:[:=]\s?)?[\"'«]?"
    r"(?=[^\s\"'»]*\d)[^\s\"'»]{4,}"
)

# "I know your dirty secret", "I know what you watch", each language.
_KNOW_SECRET = (
    # ("se" and "so" alone are "if" and "so": the Spanish and Italian "I know" need what
    # follows.)
    r"\b(?:i know|conozco|yo se|se (?=lo que|todo)|conheco|eu sei|sei (?=o que|tudo)"
    r"|ich kenne|ich weiss?|je connais|je sais|conosco|io so|so (?=cosa|quello|tutto)"
    r"|ik ken|ik weet|vi (?:er klar over|kjenner|vet)|jeg kjenner|jag kanner|znam)\b"
    r"[^.!?\n]{0,30}?\b(?:(?:your|tu|tus|seu|seus|dein\w*|ihr\w*|votre|vos|ton|tes|il tuo"
    r"|i tuoi|je|jouw|uw|dine|dina|tvoje|twoj\w*)\s(?:\w+ ){0,3}?(?:secrets?|secreto?s?"
    r"|segredos?|geheimnis\w*|secrets?|segret[oi]|geheim\w*|hemmelighe\w*|hemligh\w*"
    r"|tajemstv\w*|sekret\w*|tajemnic\w*)|what (?:you|u) (?:watch|were watching|look at"
    r"|were doing)|lo que (?:ves|miras|mirabas|veias|hacias|estabas viendo|estabas haciendo)"
    r"|o que (?:voce|vc)"
    r" (?:assiste|ve|estava vendo|estava fazendo)|was (?:du|sie) (?:dir |sich )?(?:ansiehst"
    r"|anschaust|ansehen|anschauen|getan hast|tust)|ce que (?:vous|tu) (?:regardez|regardes"
    r"|faisiez|faisais|regardiez|regardais)|cosa (?:guardi|guardavi|facevi|stavi guardando"
    r"|stavi facendo)|quello che (?:guardi"
    r"|stavi guardando)|wat (?:je|jij|u) (?:bekijkt|kijkt|deed|aan het doen was))"
)
# "I know that you watch porn", each language (and Czech and Polish).
_KNOW_YOU_WATCH = (
    r"\b(?:i know|i'm aware|yo se|se que|eu sei|sei que|ich weiss?|je sais|io so|so che"
    r"|ik weet|vim|wiem)\b[^.!?\n]{0,40}?\b(?:porn\w*|xxx|sites? (?:pour |pour les )?adultes"
    r"|adult (?:sites?|websites?|content)|erwachsenenseit\w*|siti (?:per )?adulti"
    r"|sitios? (?:para |de )?adultos|sites? (?:para |de )?adultos|sites? voor volwassenen)"
)
_KNOW_CONTEXT = (
    r"\b(?:" + _ADULT_CORE + r"|" + _TAPE + r"|dirty|sucio\w*|suj[oa]\w*|schmutzig\w*|sale"
    r"|sporc\w*|vies\w*|vuil\w*|perver\w*|sex\w*|intim\w*|small and big|pequenos y grandes"
    r"|sm[ao] og store|hack\w*|password\w*|bitcoin\w*|btc|camera\w*|kamera\w*|webcam)\b"
)
_KNOWS_SECRETS = (
    "They say they know your secrets. This is a common bluff sent to thousands of people at"
    " once, and it is not your fault."
)
# "The sender's address is fake", "you can't trace me": the persona's cover.
_UNTRACEABLE = (
    r"\b(?:(?:sender'?s?|from) address (?:is|was) (?:fake|false|spoofed|forged)"
    r"|direccion del remitente es falsa|endereco do remetente (?:e|esta) falso"
    r"|absenderadresse (?:ist|war) (?:\w+ )?(?:gefalscht|falsch)|l'adresse de l'expediteur"
    r" (?:est|etait) (?:\w+ )?(?:fausse|falsifiee|usurpee)|l'indirizzo del mittente (?:e|era)"
    r" (?:\w+ )?(?:falso|falsificato)|afzenderadres (?:is|was) (?:\w+ )?(?:vals|nep|vervalst)"
    r"|(?:you|u) (?:can'?t|cannot|will never|won'?t) (?:\w+ )?(?:trace|track|find) me"
    r"|no (?:puedes|podras|pueden|podran) (?:\w+ )?(?:rastrearme|localizarme|encontrarme)"
    r"|nao (?:pode|consegue|vai conseguir|poderao|conseguirao) (?:\w+ )?me (?:rastrear"
    r"|localizar|encontrar)|(?:du kannst|sie konnen) mich (?:\w+ )?nicht (?:finden"
    r"|verfolgen|zuruckverfolgen|aufspuren)|(?:vous ne pouvez|tu ne peux|vous ne pourrez"
    r"|tu ne pourras) (?:\w+ )?pas (?:me (?:retrouver|tracer|localiser|pister))"
    r"|non (?:puoi|potrai|potete|riuscirai a) (?:\w+ )?(?:rintracciarmi|trovarmi|tracciarmi)"
    r"|(?:je kunt|u kunt|jullie kunnen) (?:me|mij) (?:\w+ )?niet (?:vinden|traceren"
    r"|opsporen|achterhalen)|i(?:'m| am) (?:untraceable|incognito)|soy (?:irrastreable"
    r"|imposible de rastrear)|(?:me )?manter incognito|ich bin (?:nicht (?:auffindbar"
    r"|zuruckverfolgbar)|unauffindbar)|je suis (?:introuvable|intracable)"
    r"|sono (?:irrintracciabile|introvabile)|ik ben (?:onvindbaar|ontraceerbaar|niet te"
    r" traceren))"
)

HACKING_CLAIM = HACKING_CLAIM + (
    Rule(
        _KNOW_SECRET,
        0.5,
        _KNOWS_SECRETS,
        langs=ALL,
        keys="secret secrets secreto secretos segredo segredos geheimnis geheimnisse geheim "
        "geheimen segreto segreti hemmeligheter hemmelighet hemligheter tajemstvi sekret "
        "sekrety tajemnice watch watching ves miras mirabas veias hacias assiste ansiehst "
        "anschaust regardez regardes regardiez regardais guardi guardavi facevi bekijkt kijkt",
        requires=_KNOW_CONTEXT,
        unless=_CALM + r"|\b(?:recipe|receta|receita|rezept|recette|ricetta|recept|summer"
        r"|verano|verao|sommer|ete|estate|zomer|surprise|sorpresa|surpresa|uberraschung"
        r"|verrassing)\b",
        name="knows_your_secrets",
    ),
    Rule(
        r"\b" + _MONITORED + r"\b[^.!?\n]{0,30}?\b" + _ACTIVITY + r"|\b" + _ACTIVITY
        + r"\b[^.!?\n]{0,30}?\b" + _MONITORED + r"\b",
        0.5,
        _HACK,
        langs=ALL,
        keys="activite activites activity activities actividad actividades atividade "
        "atividades aktivitat aktivitaten "
        "attivita activiteit activiteiten browsing navegacion navegacao surfverhalten "
        "navigation navigazione surfgedrag movements movimientos movimentos schritte gestes "
        "movimenti bewegingen move step",
        requires=r"\b(?:i|i've|ive|he|yo|eu|\w+ei|ich|hab|habe|j'ai|je|ho|io|ik|heb)\b",
        unless=_CALM,
        name="monitored_your_activity",
    ),
    Rule(
        _PERVERTED_TASTE,
        0.5,
        _KNOWS_SECRETS,
        langs=ALL,
        keys="preferences tastes fetish fetishes fantasies kinks gustos preferencias gostos "
        "fetiches vorlieben neigungen fantasien gouts penchants gusti preferenze feticci "
        "voorkeuren fantasieen perversion",
        unless=_CALM,
        name="judges_your_tastes",
    ),
    Rule(
        _PASSWORD_IS,
        0.5,
        _HACK,
        langs=ALL,
        keys="password contrasena clave senha passwort kennwort passe wachtwoord",
        unless=_CALM + r"|\b(?:temporar\w*|temporal|provisor\w*|tijdelijk\w*|one-time"
        r"|einmal\w*|reset|reinicio|redefin\w*|zurucksetz\w*|reinitialis\w*)\b",
        name="your_password_is",
    ),
    Rule(
        _KNOW_YOU_WATCH,
        0.5,
        _KNOWS_SECRETS,
        langs=ALL,
        keys=_PORN_KEYS,
        requires=r"\b(?:you|u|que|that|dass|que|che|dat|ze)\b",
        unless=_CALM + r"|\b(?:addict\w*|sucht|dependance|dipendenza|verslaving|adiccion"
        r"|vicio|therap\w*|terapi\w*|kids|kinder|enfants|bambini|kinderen|ninos|criancas)\b",
        name="knows_you_watch_porn",
    ),
    Rule(
        _UNTRACEABLE,
        0.5,
        _HACK,
        langs=ALL,
        keys="sender's senders sender direccion endereco absenderadresse l'adresse l'indirizzo "
        "afzenderadres trace track rastrearme localizarme encontrarme rastrear localizar "
        "encontrar finden verfolgen zuruckverfolgen aufspuren retrouver tracer localiser "
        "pister rintracciarmi trovarmi tracciarmi vinden traceren opsporen achterhalen "
        "untraceable incognito irrastreable auffindbar zuruckverfolgbar unauffindbar "
        "introuvable intracable irrintracciabile introvabile onvindbaar ontraceerbaar",
        requires=r"\b(?:i|i'm|me|my|yo|mi|eu|mim|meu|ich|mich|mir|mein\w*|je|j'|moi|mon|io|ik"
        r"|mij|mijn)\b",
        unless=_CALM,
        name="cannot_be_traced",
    ),
    Rule(
        _I_WILL_KNOW,
        0.5,
        _HACK,
        langs=ALL,
        keys="open opened opens read abras leas abra lea abrir ler leia offnest offnen liest lesen "
        "geoffnet gelesen ouvrirez ouvriras lirez liras ouvrez lisez ouvres apri aprirai "
        "leggi leggerai aperto letto opent leest geopend gelezen",
        requires=_MAIL_NOUN,
        unless=_CALM,
        name="knows_when_you_open_it",
    ),
    Rule(
        r"\b(?:" + _CHANGE_PASSWORD + r")\b[^.!?\n]{0,30}?\b" + _USELESS + r"|\b" + _USELESS
        + r"\b[^.!?\n]{0,20}?\b(?:" + _CHANGE_PASSWORD + r")",
        0.5,
        _HACK,
        langs=ALL,
        keys="password passwords passwort kennwort contrasena contrasenas clave senha senhas "
        "mot mots wachtwoord",
        unless=_CALM,
        name="new_password_is_useless",
    ),
    Rule(
        _NO_ANTIVIRUS,
        0.5,
        _HACK,
        langs=ALL,
        keys="antivirus anti-virus antivirusprogram antivirenprogramm virenscanner "
        "virusscanner virus",
        requires=_MINE,
        # (Not `_CALM`: its "detected" is the word this sentence is made of.)
        unless=_REPORTED,
        name="no_antivirus_finds_it",
    ),
    Rule(
        _VULN + r"\b[^.!?\n]{0,40}?" + _YOUR_DEVICE,
        0.5,
        _HACK,
        langs=ALL,
        keys="vulnerability vulnerabilities exploit security loophole backdoor back "
        "vulnerabilidad fallo agujero brecha vulnerabilidade falha sicherheitslucke "
        "schwachstelle lucke hintertur faille vulnerabilite porte falla vulnerabilita lek "
        "lekken kwetsbaarheid beveiligingslek achterdeur",
        requires=_I_USED,
        unless=_CALM,
        name="hole_in_your_router",
    ),
)
