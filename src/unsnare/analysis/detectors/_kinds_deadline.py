"""The deadline's kinds of sentence, each written once for the seven languages
the analysis reads: a clock in hours or minutes, "tonight" and "before
midnight", a clock time, and the countdown ("the clock is ticking"). A clock
counts only beside a payment, the pictures or the people they would go to:
invoices, offers and school forms set deadlines too. Patterns are over folded
text (lower case, accents off).
"""

from __future__ import annotations

from unsnare.analysis.base import Rule
from unsnare.analysis.detectors._kinds import _AMOUNT, _SCENE_CORE, ALL
from unsnare.analysis.detectors._multilingual import _CALM, _HOURS, _PAY_VERB

_CLOCK = (
    r"\b(?:countdown (?:started|is on|begins|has started)|the clock (?:is ticking|starts now)"
    r"|tick ?tock|you have until (?:tonight|midnight|tomorrow|\d)"
    r"|(?:en|dentro de) (?:\d+|una|dos|tres) (?:horas?|minutos?)|(?:antes de|hasta) (?:esta"
    r" noche|(?:la )?medianoche|manana)|el reloj corre|cuenta (?:atras|regresiva)|tic ?tac"
    r"|(?:em|dentro de) (?:\d+|uma|duas|tres) (?:horas?|minutos?)|(?:ate|antes d[ae]) (?:hoje"
    r" a noite|(?:a )?meia-noite|amanha)|ate as \d{1,2}|o tempo (?:ta|esta) (?:correndo"
    r"|acabando)|contagem regressiva"
    r"|(?:in|innerhalb(?: von)?|binnen) (?:\d+|einer|zwei|drei) (?:stunden?|minuten?|tagen?)"
    r"|bis (?:heute abend|mitternacht|morgen(?: fruh)?|\d{1,2} uhr)|vor mitternacht"
    r"|die uhr tickt|countdown (?:lauft|beginnt)|die zeit (?:lauft|drangt)"
    r"|(?:dans|sous|d'ici) (?:\d+|une|deux|trois) (?:heures?|minutes?|h)|(?:avant|d'ici)"
    r" (?:ce soir|minuit|demain)|avant \d{1,2} ?h|le temps presse|compte a rebours|dans l'heure"
    r"|entro (?:\d+|un'?|una|due|tre) (?:ore|ora|minuti|giorni)|entro (?:stasera|mezzanotte"
    r"|domani|domattina|le \d{1,2})|prima di mezzanotte|il tempo (?:stringe|scorre)"
    r"|conto alla rovescia|entro un'ora"
    r"|binnen (?:\d+|een|twee|drie) (?:uur|minuten|dagen)|voor (?:vanavond|middernacht"
    # The end of the day, and "until midnight", each language.
    r"|before the end of the day|bis (?:zum )?ende des tages|avant la fin de la journee"
    r"|entro la fine della giornata|voor het einde van de dag|antes de que (?:acabe|termine)"
    r" el dia|ate o fim do dia|jusqu'a minuit|fino a mezzanotte|tot middernacht"
    r"|morgen(?:ochtend)?|\d{1,2}(?:[.:]00)? uur)|de klok tikt|aftellen|de tijd dringt)\b"
)
# What the clock is on: paying, the pictures, posting, the people who would see.
_ON_THE_DEMAND = (
    _PAY_VERB + "|" + _AMOUNT + "|" + _SCENE_CORE + r"|\b(?:paypal|usdt|bizum|pix|pay|send"
    r"|post\w*|publi\w*|pubblic\w*|everyone"
    r"|todos|todo mundo|tout le monde|tutti|iedereen|alle|bitcoin\w*|btc|geld|dinero|dinheiro"
    r"|argent|soldi|money)\b"
)
# Ordinary clocks: invoices, offers, exams, forms, paying a friend back.
_ORDINARY_CLOCK = (
    r"\b(?:invoice|rechnung|facture|fattura|factuur|factura|fatura|boleto|offer|oferta|angebot"
    r"|offre|offerta|aanbieding|rabatt|descuento|desconto|reduction|sconto|korting|discount"
    r"|sale|back|devuelvo|devolvo|zuruck|rends|rido|terug|formulario|formular|formulaire"
    r"|modulo|formulier|exam\w*|prova|prufung|test|toets|compito|devoir|tarea|hausarbeit"
    r"|werkstuk|trabalho|essay|homework|hausaufgaben|huiswerk|deberes|subscription|abonnement"
    r"|abbonamento|suscripcion|assinatura|parcel|paquete|encomenda|paket|colis|pacco|pakket"
    r"|ticket\w*|entradas?|ingressos?|biglietti?|kaartjes?|reservation|reserva|reservierung"
    r"|prenotazione|reservering)\b"
)

DEADLINE: tuple[Rule, ...] = (
    # "Pay 300 euros before midnight", "bis heute Abend", "entro 2 ore", "de klok tikt".
    Rule(
        _CLOCK,
        0.4,
        _HOURS,
        langs=ALL,
        keys="countdown clock tick tock tic tac until en dentro antes hasta reloj cuenta em ate "
        "tempo contagem in innerhalb binnen bis vor uhr zeit dans sous d'ici avant temps compte "
        "entro prima conto voor klok aftellen tijd",
        requires=_ON_THE_DEMAND,
        unless=_CALM + "|" + _ORDINARY_CLOCK,
        name="a_clock_on_the_demand",
    ),
)
