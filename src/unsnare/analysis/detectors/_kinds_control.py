"""Claims of control over the person's device, each written once for the seven
languages the analysis reads: "my software runs on your computer", "your phone
has my program on it", "I can turn on your camera and read your messages".
Said alone, without the money paragraph, as chat messages and single
sentences of the bulk email are. Patterns are over folded text.
"""

from __future__ import annotations

from unsnare.analysis.base import Rule
from unsnare.analysis.detectors._kinds import ALL
from unsnare.analysis.detectors._kinds_hacking import _YOUR_DEVICE
from unsnare.analysis.detectors._multilingual import _CALM, _HACK

# "My software / my program", first person singular (a vendor says "our").
_MY_PROGRAM = (
    r"\b(?:my|mi|meu|o meu|mein\w*|mon|il mio|mijn)\s(?:\w+ )?(?:software|programs?"
    r"|programa|programma|programm|logiciel|app|codigo|code|codice|tool)\b"
)
# ... and what makes it a claim: running unseen, for months, watching everything.
_RUNNING_UNSEEN = (
    r"\b(?:runs?|running|installed|sits?|lauft|laufen|installiert|unbemerkt|tourne|installe"
    r"|gira|installato|draait|staat|geinstalleerd|rodando|instalado|funcionando|corre"
    r"|ejecut\w*|without you|sin que|sem (?:que )?(?:voce|vc)|sans que|senza che|zonder dat"
    r"|ohne dass|see everything|veo todo|vejo tudo|sehe alles|vois tout|vedo tutto|zie alles"
    r"|months|meses|monat\w*|mois|mesi|maanden|weeks|semanas|wochen|semaines|settimane|weken"
    r"|c'e|tiene|tem|hat|has)\b"
)
# "I can turn on your camera", "ich kann Ihre Kamera einschalten", each language.
_I_CAN_TURN_ON = (
    r"\b(?:i can|puedo|posso|ich kann|je peux|ik kan)\s(?:\w+ ){0,3}?(?:see|watch|turn on"
    r"|switch on|activate|read|ver|encender|activar|leer|ligar|ativar|ler|sehen|einschalten"
    r"|aktivieren|lesen|voir|allumer|activer|lire|vedere|accendere|attivare|leggere|zien"
    r"|aanzetten|activeren|lezen)\s(?:\w+ )?(?:your|tu|su|sua|seu|ihr\w*|dein\w*|votre|ton|ta"
    r"|tes|vos|il tuo|la tua|i tuoi|je|jouw|uw)\s(?:\w+ )?(?:screen|pantalla|tela|bildschirm"
    r"|ecran|schermo|scherm|camera|camara|kamera|webcam|fotocamera|microphone|microfono"
    r"|microfone|mikrofon|micro|messages|mensajes|mensagens|nachrichten|messaggi|berichten)\b"
    # German and Dutch put the verb last: "ich kann deine Kamera jederzeit einschalten".
    r"|\b(?:ich kann|ik kan) (?:\w+ )?(?:dein\w*|ihr\w*|je|jouw|uw) (?:kamera|webcam|camera"
    r"|mikrofon|microfoon|bildschirm|scherm|nachrichten|berichten) (?:\w+ ){0,3}?(?:sehen"
    r"|einschalten|anschalten|aktivieren|lesen|zien|aanzetten|activeren|lezen)\b"
)
_CAMERA = (
    r"\b(?:camera|camara|kamera|webcam|fotocamera|microphone|microfono|microfone|mikrofon"
    r"|micro)\b"
)
# Remote help from a real support desk: "I can see your screen now, click Start".
_SUPPORT = (
    r"\b(?:support|soporte|suporte|hilfe|assistance|assistenza|helpdesk|ticket|zoom|teams"
    r"|meeting|reunion|reuniao|besprechung|riunione|vergadering|settings|ajustes|einstellungen"
    r"|parametres|impostazioni|instellingen|permission|permiso|permissao|berechtigung)\b"
)

HACKING_CLAIM: tuple[Rule, ...] = (
    # "My software has been running on your computer for months."
    Rule(
        _MY_PROGRAM + r"[^.!?\n]{0,60}?" + _YOUR_DEVICE + r"|" + _YOUR_DEVICE
        + r"[^.!?\n]{0,40}?" + _MY_PROGRAM,
        0.5,
        _HACK,
        langs=ALL,
        keys="software program programs programa programma programm logiciel app codigo code "
        "codice tool",
        requires=_RUNNING_UNSEEN,
        unless=_CALM + r"|\b(?:update\w*|license|licencia|licenca|lizenz|licence|licenza"
        r"|licentie|trial|download\w*|descarg\w*|baixar|herunterlad\w*|telecharg\w*|scaric\w*"
        r"|homework|school|class|tarea|escola|schule|ecole|scuola|school)\b|" + _SUPPORT,
        name="my_program_on_your_device",
    ),
    # "I can see your screen, turn on your camera and read your messages."
    Rule(
        _I_CAN_TURN_ON,
        0.5,
        _HACK,
        langs=ALL,
        keys="can puedo posso kann peux kan",
        requires=_CAMERA,
        unless=_CALM + "|" + _SUPPORT,
        name="can_turn_on_your_camera",
    ),
)
