"""The payment demand's kinds of sentence, each written once for the seven
languages the analysis reads: the demand put as a condition, the price of a
secret, the payment that buys deletion, the amount first and its consequence
after. Patterns are over folded text (lower case, accents off).
"""

from __future__ import annotations

from unsnare.analysis.base import Rule
from unsnare.analysis.detectors._kinds import (
    _AMOUNT,
    _IF_NOT,
    _SCENE_CORE,
    _THE_MEDIA,
    ALL,
)
from unsnare.analysis.detectors._multilingual import (
    _AUDIENCE,
    _CALM,
    _PAY_CRYPTO,
    _PAY_VERB,
    _SILENCE,
)

# Prefilter words: the rare words a rule's sentence cannot do without (a
# message with none of them skips the rule), so that common words like "I",
# "your" or "if" do not send every message through these patterns.
_CURRENCY_KEYS = (
    "$ € £ usd eur euro euros dollar dollars dolares dolar dollari dollaro reais r$ czk kc "
    "korun pln zl zlotych zloty sek nok dkk kr kroner kronor chf euroa euroja dollaria btc"
)
# ... or the people it would be sent to.
_SCENE = _SCENE_CORE + r"|\b" + _AUDIENCE + r"\b"
# "Pay me", the pronoun on the verb or beside it, each language.
_PAY_ME = (
    r"(?:\bpay me\b|\b(?:bezahl|bezahle|zahl|zahle)\w* (?:mir|mich)\b|\b(?:zahlen|bezahlen)"
    r" sie mir\b|\bpayez[- ]moi\b|\bpaie[- ]moi\b|\bme payer\b|\bme (?:payez|paies|verser)\b"
    r"|\bpagarmi\b|\bpagami\b|\bmi (?:paghi|pagherai|paga|versi|verserai)\b"
    r"|\bbetaal (?:me|mij)\b|\b(?:me|mij) (?:betalen|betaalt)\b"
    r"|\bpagame\b|\bpagarme\b|\bme (?:pagas|pagues|pagaras|pague)\b"
    r"|\bpague-me\b|\bpagar-me\b|\bme (?:pagar|pagara)\b"
    # The verb last: "mir 2000 Euro zu zahlen", "me 2000 euro betalen".
    r"|\bmir (?:\w+ ){0,4}?(?:zu )?(?:zahlen|bezahlen|uberweisen)\b"
    r"|\b(?:me|mij) (?:\w+ ){0,4}?(?:te )?(?:betalen|overmaken)\b)"
)
_PRICE = r"(?:price|prix|prezzo|preis|prijs|precio|preco)"
# "our (little) secret", "my silence", each language.
_OUR_SECRET = (
    r"(?:(?:our|my) (?:little |small )?(?:secret|silence)|(?:notre|mon) (?:petit )?"
    r"(?:secret|silence)|(?:il )?(?:nostro|mio) (?:piccolo )?(?:segreto|silenzio)"
    r"|(?:unser|mein)\w* (?:kleine\w* )?(?:geheimnis|schweigen)|(?:ons|mijn) (?:kleine )?"
    r"(?:geheim\w*|stilzwijgen|zwijgen)|(?:nuestro|mi) (?:pequeno )?(?:secreto|silencio)"
    r"|(?:nosso|meu) (?:pequeno )?(?:segredo|silencio))"
)
# "After the payment / transaction / transfer", each language.
_AFTER_PAYING = (
    r"(?:\b(?:after|once|as soon as|when) (?:i (?:receive|get) )?(?:the |your |my )?"
    r"(?:payment|transaction|transfer)"
    r"|\b(?:nach|sobald) (?:der |dem |ihrer |deiner |eingang der )?(?:zahlung|transaktion"
    r"|uberweisung)|\bnach (?:ihrer|deiner) (?:zahlung|transaktion|uberweisung)"
    r"|\b(?:apres|des) (?:la |le |votre |ton |ta |reception du |reception de la )?"
    r"(?:paiement|transaction|virement)"
    r"|\b(?:dopo|appena ricevuto) (?:il |la |tuo |tua |la tua |il tuo )?(?:pagamento"
    r"|transazione|bonifico|versamento)"
    r"|\bna (?:de |je |uw |ontvangst van (?:de |je |uw )?)?(?:betaling|transactie"
    r"|overboeking|overschrijving)"
    r"|\b(?:despues de|tras) (?:el |la |tu |su |recibir (?:el |la |tu |su )?)?(?:pago"
    r"|transaccion|transferencia)"
    r"|\b(?:apos|depois d[aeo]) (?:receber )?(?:(?:o|a|sua|seu|tua|teu) ){0,2}(?:pagamento"
    r"|transacao|transferencia))"
)
_DESTROY = (
    r"(?:delet\w*|destroy\w*|eras\w*|remov\w*|wip\w*|losch\w*|vernicht\w*|entfern\w*"
    r"|supprim\w*|detrui\w*|effac\w*|cancell\w*|elimin\w*|distrugg\w*|verwijder\w*|wis\w*"
    r"|vernietig\w*|borr\w*|destru\w*|apag\w*|exclu\w*)"
)
# It goes away: "disappears", "is deleted", each language.
_GOES_AWAY = (
    r"(?:disappears?|(?:is|are|gets|get) (?:deleted|gone|erased|destroyed)|goes away|go away"
    r"|desaparece\w*|se borra\w*|(?:es|son) borrad\w*|some|somem|(?:e|sao) apagad\w*"
    r"|(?:e|sao) excluid\w*|verschwind\w*|(?:wird|werden) (?:\w+ )?(?:geloscht|vernichtet)"
    r"|disparai\w*|(?:est|sont|sera|seront) (?:\w+ )?(?:supprime\w*|detruit\w*|efface\w*)"
    r"|spariscono|sparisce|(?:viene|vengono|sara|saranno) (?:\w+ )?(?:cancellat\w*"
    r"|distrutt\w*|eliminat\w*)|verdwijn\w*|(?:wordt|worden) (?:\w+ )?(?:verwijderd"
    r"|gewist|vernietigd))"
)
# "... and I delete everything", each language.
_I_DELETE_ALL = (
    r"(?:(?:and |& |n )?i(?:'ll| will)? (?:delete|erase|destroy) (?:it|them|everything|all)"
    r"|(?:y )?(?:yo )?(?:borro|elimino|destruyo) (?:todo|el|la|los|las)"
    r"|(?:e )?(?:eu )?(?:apago|excluo|deleto|destruo) (?:tudo|o|a|os|as)"
    r"|(?:und )?(?:ich )?(?:losche|vernichte|entferne) (?:alles|das|die|es)"
    r"|(?:et )?(?:je )?(?:supprime|efface|detruis) (?:tout|la|le|les)"
    r"|(?:e )?(?:io )?(?:cancello|elimino|distruggo) (?:tutto|il|la|i|le)"
    r"|(?:en )?(?:ik )?(?:verwijder|wis|vernietig) (?:alles|de|het))"
)

# "I demand", first person, each language (not "I want", which buys tickets too).
_I_DEMAND = (
    r"\b(?:i (?:demand|require|insist on)|(?:yo )?exijo|(?:eu )?(?:exijo|cobro)|ich (?:verlange"
    r"|fordere)|j'exige|je (?:reclame|exige)|(?:io )?esigo|ik (?:eis|vorder|verlang))"
)
# "The amount is", each language.
_THE_AMOUNT_IS = (
    r"\b(?:the (?:amount|sum|price|fee) (?:is|will be)|(?:la )?(?:cantidad|suma|cifra) (?:es|sera)"
    r"|el (?:monto|importe|precio) (?:es|sera)|o (?:valor|montante|preco) (?:e|sera)"
    r"|a (?:quantia|soma) (?:e|sera)|der (?:betrag|preis) (?:ist|betragt|lautet)"
    r"|die summe (?:ist|betragt)|le (?:montant|prix) (?:est|sera)|la somme (?:est|sera)"
    r"|l'importo (?:e|sara)|la (?:somma|cifra) (?:e|sara)|il prezzo (?:e|sara)"
    r"|het bedrag (?:is|bedraagt|wordt)|de (?:som|prijs) (?:is|bedraagt))"
    r"(?: (?:de|di|van|of|von))?\s"
)
# "If I don't receive the payment", each language.
_IF_NOT_PAID = (
    r"\b(?:if i (?:don'?t|do not|dont) (?:receive|get|see)|(?:if|unless) (?:the )?payment"
    r" (?:is not|isn'?t|doesn'?t)|si no (?:recibo|veo|llega)|si el pago no"
    r"|se (?:eu )?nao (?:receber|recebo|vir)|se o pagamento nao"
    r"|(?:wenn|falls|sollte) ich (?:\w+ ){0,3}?(?:nicht|keine?n?) (?:\w+ ){0,2}?(?:erhalte"
    r"|bekomme|sehe)|(?:wenn|falls) (?:die zahlung|das geld) nicht"
    r"|si je ne (?:recois|vois) pas|si (?:le paiement|l'argent) n'(?:arrive|est)"
    r"|se non (?:ricevo|ricevero|vedo)|se il pagamento non"
    r"|(?:als|indien) ik (?:\w+ ){0,3}?(?:niet|geen) (?:\w+ ){0,2}?(?:ontvang|krijg|zie)"
    r"|(?:als|indien) (?:de betaling|het geld) niet)\b"
)

# "If you want to prevent this", each language.
_TO_PREVENT = (
    r"\b(?:if (?:you|u) (?:want|wish|would like) to (?:prevent|avoid|stop) (?:this|it|that)"
    r"|to (?:prevent|avoid) (?:this|that)|si (?:quieres|deseas|quiere|desea) evitar(?:lo| esto"
    r"| eso)|para evitar(?:lo| esto| eso)|se (?:voce |vc )?(?:quiser|quer|deseja|desejar) evitar"
    r"(?: isso| isto)?|para evitar isso|(?:wenn|falls) (?:du|sie) (?:das|dies|es) (?:\w+ )?"
    r"verhindern (?:willst|wollen|mochtest|mochten)|um (?:das|dies) zu verhindern"
    r"|si (?:vous voulez|tu veux|vous souhaitez|tu souhaites) (?:eviter|empecher) (?:cela|ca"
    r"|ceci)|pour (?:eviter|empecher) (?:cela|ca)|se (?:vuoi|volete|desideri) evitar(?:lo|e"
    r" (?:questo|cio))|per evitar(?:lo|e (?:questo|cio))|(?:als|indien) (?:je|u) dit"
    r" (?:\w+ )?(?:wilt|wil) voorkomen|om dit te voorkomen)\b"
)

PAYMENT_DEMAND: tuple[Rule, ...] = (
    # "If you want to prevent this, transfer 900 euros."
    Rule(
        # (The clause alone is the span: the payment after it has rules of its own.)
        _TO_PREVENT + r"(?=[^.!?\n]{0,80}?(?:" + _PAY_VERB + r"|" + _AMOUNT + r"|\bbitcoin\w*))",
        0.55,
        _SILENCE,
        langs=ALL,
        keys="prevent avoid stop evitar evitarlo verhindern eviter empecher evitare voorkomen",
        requires=_AMOUNT + r"|\b(?:bitcoin\w*|btc|crypto\w*|krypto\w*|wallet|portefeuille"
        r"|portafoglio|billetera|cartera|carteira|geldborse)\b",
        unless=_CALM,
        name="pay_to_prevent_it",
    ),
    # "I demand 1500 euros."
    Rule(
        _I_DEMAND + r"\b[^.!?\n]{0,30}?" + _AMOUNT,
        0.5,
        _SILENCE,
        langs=ALL,
        keys="demand require insist exijo cobro verlange fordere j'exige exige reclame esigo eis "
        "vorder verlang",
        unless=_CALM,
        name="i_demand_an_amount",
    ),
    # "The amount is 1200 dollars in Bitcoin."
    Rule(
        _THE_AMOUNT_IS + _AMOUNT,
        0.5,
        _PAY_CRYPTO,
        langs=ALL,
        keys="amount sum price fee cantidad suma cifra monto importe precio valor montante "
        "preco quantia soma betrag preis summe montant prix somme l'importo importo somma "
        "prezzo bedrag som prijs",
        requires=_SCENE_CORE,
        unless=_CALM,
        name="the_amount_is",
    ),
    # "If I don't receive the payment, ..."
    Rule(
        _IF_NOT_PAID,
        0.5,
        _SILENCE,
        langs=ALL,
        keys="receive payment recibo pago receber recebo pagamento erhalte bekomme zahlung geld "
        "recois paiement argent ricevo ricevero ontvang betaling",
        requires=r"(?:" + _SCENE + r")|\b(?:zahlung|geld|payment|money|pago|dinero|pagamento"
        r"|dinheiro|paiement|argent|soldi|betaling|bitcoin\w*)\b",
        unless=_CALM + r"|\b(?:order|bestellung|commande|ordine|bestelling|pedido|encomenda"
        r"|invoice|rechnung|facture|fattura|factuur|factura|fatura)\b",
        name="if_i_am_not_paid",
    ),
    # The amount first, then what it buys: "500 euros and the video disappears".
    Rule(
        _AMOUNT + r"\s(?:\w+ ){0,4}?(?:and|&|n|y|e|und|et|en|,|then|luego|depois|dann|puis"
        r"|poi|dan)\s(?:" + _THE_MEDIA + r"\s(?:\w+ )?" + _GOES_AWAY + r"|" + _I_DELETE_ALL
        + r")\b",
        0.55,
        "They want money to keep something hidden or to delete it. That is blackmail: do not"
        " pay, paying rarely ends it.",
        langs=ALL,
        keys="$ € £ usd eur euro euros dollar dollars dolares dollari reais r$ k",
        unless=_CALM + r"|\b(?:subscription|abonnement|abbonamento|suscripcion|assinatura"
        r"|account|konto|compte|cuenta|conta|ad|ads|advert\w*|anzeige|annonce|annuncio"
        r"|anuncio|advertentie)\b",
        name="amount_then_it_disappears",
    ),
    # "If you don't send me 3000 dollars ...", the consequence before or after.
    Rule(
        _IF_NOT + r"[^.!?\n]{0,50}?" + _AMOUNT,
        0.5,
        _SILENCE,
        langs=ALL,
        keys=_CURRENCY_KEYS,
        requires=_SCENE,
        unless=_CALM,
        name="amount_on_a_condition",
    ),
    # "Option two: pay me 2 thousand dollars", "pagarmi".
    Rule(
        _PAY_ME + r"[^.!?\n]{0,40}?" + _AMOUNT + r"|\b(?:option|optie|opzione|opcion|opcao"
        r"|moglichkeit|choix|scelta|keuze)\w* (?:2|two|zwei|deux|due|twee|dos|duas|b)\b"
        r"[^.!?\n]{0,40}?" + _PAY_ME,
        0.5,
        _SILENCE,
        langs=ALL,
        keys="pay bezahl bezahle zahl zahle zahlen bezahlen uberweisen payez paie payer pagarmi "
        "pagami paghi pagherai paga versi verserai betaal betalen betaalt overmaken pagame "
        "pagarme pagas pagues pagaras pague pagar pagara payez-moi paie-moi",
        requires=_SCENE + r"|\b(?:bluff\w*|" + _DESTROY + r"|sbarazz\w*|get rid|loswerd\w*"
        r"|debarrass\w*|deshacer\w*|livrar\w*)\b",
        unless=_CALM + r"|\b(?:back|zuruck|rembourse\w*|restitui\w*|terug|devuelv\w*|devolv\w*)\b",
        name="pay_me_as_the_way_out",
    ),
    # "A fair price for our little secret", "the price of my silence".
    Rule(
        _PRICE + r"\b[^.!?\n]{0,30}?\b(?:for|of|pour|de|du|per|del|fur|voor|van|por|pelo|para"
        r"|do)\s" + _OUR_SECRET + r"\b",
        0.55,
        _SILENCE,
        langs=ALL,
        keys="price prix prezzo preis prijs precio preco",
        unless=_CALM,
        name="price_for_a_secret",
    ),
    # "After your transaction I will delete everything."
    Rule(
        _AFTER_PAYING + r"\b[^.!?\n]{0,100}?\b" + _DESTROY,
        0.5,
        _PAY_CRYPTO,
        langs=ALL,
        keys="payment transaction transfer zahlung transaktion uberweisung paiement "
        "transaction virement pagamento transazione bonifico versamento betaling transactie "
        "overboeking overschrijving pago transaccion transferencia transacao",
        requires=_SCENE,
        unless=_CALM,
        name="paying_buys_deletion",
    ),
)

# Gift cards and their codes, each language: money that cannot be taken back.
_GIFT = (
    r"(?:gift ?cards?|steam (?:cards?|gift)|google play|itunes|apple (?:gift )?cards?"
    r"|amazon (?:cards?|vouchers?)|paysafe\w*|tarjetas? (?:de )?regalo|tarjetas? steam"
    r"|cartoes?[- ]presente|cartao[- ]presente|cartoes steam|gutschein\w*|guthabenkarte\w*"
    r"|steam-karten|google-play-karten|cartes? cadeaux?|cartes? pcs|coupons? transcash"
    r"|transcash|neosurf|carte regalo|carta regalo|carte steam|cadeaukaart\w*|cadeaubon\w*"
    r"|steam-kaarten|google play-kaarten)"
)
_CODES = r"(?:codes?|codigos?|codici|code's|kodes?)"
# "... and you never hear from me again", each language: the payment as the way out.
_NEVER_AGAIN = (
    r"(?:you(?:'ll| will)? never hear from me again|no (?:vuelves|volveras) a saber (?:nada )?"
    r"de mi|nunca mais (?:vai )?ou(?:ve|vir) falar de mim|(?:du )?horst nie wieder (?:etwas )?"
    r"von mir|tu n'entend\w* plus (?:jamais )?parler de moi|non sentirai piu parlare di me"
    r"|je hoort nooit meer (?:iets )?van (?:mij|me))"
)
# "That is the price of my silence", each language.
_PRICE_OF_SILENCE = (
    r"\b(?:(?:the )?(?:price|fee) (?:of|for) my silence|(?:the )?price to keep (?:this|it|me) quiet"
    r"|precio de mi silencio|preco do meu silencio|preis fur mein schweigen|prix de mon silence"
    r"|prezzo del mio silenzio|prijs voor mijn zwijgen)\b"
)
_FOR_A_PRESENT = (
    r"\b(?:birthday|christmas|xmas|anniversary|present|grandma|granny|grandpa|cumple\w*"
    r"|navidad|aniversario|abuel[ao]|natal|avo|avos|geburtstag\w*|weihnacht\w*|oma|opa"
    r"|anniversaire|noel|mamie|papi|compleanno|natale|nonna|nonno|verjaardag|kerst\w*"
    r"|secret santa)\b"
)

PAYMENT_DEMAND = PAYMENT_DEMAND + (
    # "Buy gift cards for 200 euros and send me the codes."
    Rule(
        r"\b" + _GIFT + r"\b[^.!?\n]{0,80}?\b" + _CODES + r"\b|\b" + _CODES + r"\b[^.!?\n]{0,40}?\b"
        + _GIFT + r"\b",
        0.5,
        _PAY_CRYPTO,
        langs=ALL,
        keys="code codes codigo codigos codici kode kodes",
        unless=_CALM + "|" + _FOR_A_PRESENT,
        name="gift_cards_and_their_codes",
    ),
    # "300 euros in bitcoin and you never hear from me again."
    Rule(
        _AMOUNT + r"[^.!?\n]{0,50}?\b(?:and|y|e|und|et|en|,)\s(?:\w+ ){0,2}?" + _NEVER_AGAIN
        + r"|" + _PRICE_OF_SILENCE,
        0.55,
        _SILENCE,
        langs=ALL,
        keys="never nunca nie jamais piu nooit vuelves volveras saber ouve ouvir horst "
        "entends entendras sentirai hoort price fee precio preco preis prix prezzo prijs",
        unless=_CALM,
        name="pay_and_never_hear_from_me",
    ),
    # "500 euros, or your family sees everything": the amount first, the threat after.
    Rule(
        _AMOUNT + r"[^.!?\n]{0,50}?(?:,|\.|\s)\s*(?:or|o|ou|oder|sonst|ansonsten|sinon"
        r"|altrimenti|anders|of|senao|si no)\s(?:\w+ ){0,4}?(?:everyone|everybody|your|ur|tu|tus"
        r"|todos|sua|seus|seu|suas|toda|todo|deine\w*|alle|jeder|ta|tes|ton|tout|tous|la tua"
        r"|i tuoi|le tue|tutti|je|jouw|iedereen|eu|ich|je|io|ik|yo|i)\b",
        0.5,
        _SILENCE,
        langs=ALL,
        keys=_CURRENCY_KEYS,
        requires=_SCENE,
        unless=_CALM + r"|\b(?:invoice|rechnung|facture|fattura|factuur|factura|fatura|boleto"
        r"|ticket\w*|entrada\w*|ingresso\w*|eintritt\w*|biglietto\w*|kaartje\w*|offer|oferta"
        r"|angebot|offre|offerta|aanbieding|rabatt|descuento|desconto|sconto|korting|discount)\b",
        name="amount_or_else",
    ),
)

# "My bitcoin address is below", "ecco il mio indirizzo bitcoin": where to pay.
_MY_WALLET = (
    r"\b(?:my|mi|meu|mein\w*|mon|ma|il mio|mijn)\s(?:\w+ )?(?:bitcoin|btc|krypto|crypto|usdt)"
    r"[- ]?(?:address|adresse|indirizzo|adres|direccion|endereco|wallet|portefeuille|portafoglio"
    r"|billetera|carteira)|\b(?:address|adresse|indirizzo|adres|direccion|endereco) (?:\w+ )?"
    r"(?:de |di |du )?(?:bitcoin|btc)\b|\bbitcoinadres\b|\b(?:bitcoin|btc)-adresse\b"
)
_BELOW = (
    r"\b(?:below|unten|ci-dessous|qui sotto|hieronder|abajo|abaixo|here|hier|voici|ecco|aqui"
    r"|aca|to this|an diese|a cette|a questo|naar dit|a esta|para este)\b|\b(?:my|mi|meu|mein\w*"
    r"|mon|ma|il mio|mijn)\s"
)

PAYMENT_DEMAND = PAYMENT_DEMAND + (
    Rule(
        _MY_WALLET,
        0.5,
        _PAY_CRYPTO,
        langs=ALL,
        keys="address adresse indirizzo adres direccion endereco wallet portefeuille portafoglio "
        "billetera carteira bitcoinadres bitcoin-adresse btc-adresse",
        requires=_BELOW,
        unless=_CALM + r"|\b(?:your|ihre?|deine?|votre|ton|tuo|tua|uw|jouw|tu|su|seu|sua)\s"
        r"(?:\w+ )?(?:bitcoin|btc|krypto|crypto)\b|\b(?:exchange|borse|boerse|bourse|verified"
        r"|verifiziert|verifie|verificato|geverifieerd|verificad\w*)\b",
        name="my_bitcoin_address",
    ),
)
