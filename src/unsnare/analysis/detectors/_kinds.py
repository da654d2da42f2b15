"""More kinds of sentence of the scheme, each written once for the seven
languages the analysis reads (en, es, pt, de, fr, it, nl).

Each rule is for one kind of sentence, not for one wording: the demand put
as a condition ("if you don't send me 500 euros"), the demand put as a price
for a secret, the payment that buys deletion, the plain claim to hold the
pictures, the recording described by what it shows, the malware planted,
the message sent "from your own account", the data taken from the device,
and the audience that will see it. Patterns are over folded text (lower
case, accents off). The explanations reuse sentences the other rules write,
so each one is already translated for the web pages.
"""

from __future__ import annotations

from unsnare.analysis.base import Rule
from unsnare.analysis.detectors._multilingual import (
    _ADULT_CORE,
    _AUDIENCE,
    _CALM,
    _CURRENCY,
    _DEVICE,
    _HACK,
    _PAY_CRYPTO,
    _PAY_VERB,
    _RECORDED,
    _REPORTED,
    _SEND_ALL,
    _SILENCE,
    _TAPE,
)

ALL = ("en", "es", "pt", "de", "fr", "it", "nl")

# An amount: "500 euros", "$3000", "2 mila dollari", "2.900 dollari", "1 000 €".
_AMOUNT = (
    r"(?:(?:[$€£]|r\$|us\$)\s?\d[\d.,' ]*(?:k\b)?|\d[\d.,' ]*\s?(?:k\s?|mil |mila |mille "
    r"|tausend |duizend |thousand )?(?:dollari|dollaro|dolares|dolar|euro|" + _CURRENCY
    + r")(?![a-z]))"
)
# Prefilter words: the rare words a rule's sentence cannot do without (a
# message with none of them skips the rule), so that common words like "I",
# "your" or "if" do not send every message through these patterns.
_CURRENCY_KEYS = (
    "$ € £ usd eur euro euros dollar dollars dolares dolar dollari dollaro reais r$ czk kc "
    "korun pln zl zlotych zloty sek nok dkk kr kroner kronor chf euroa euroja dollaria btc"
)
_MEDIA_KEYS = (
    "nude nudes pic pics pictures picture photo photos video videos vids vid recording "
    "recordings footage clip clips film filmpje filmpjes filmato filmati nacktbilder nacktfotos "
    "fotos foto bilder bild aufnahme aufnahmen images image enregistrement enregistrements "
    "registrazione registrazioni immagini foto's naaktfoto's beelden opname opnames desnudos "
    "imagenes grabacion grabaciones pack packs imagens gravacao gravacoes screenshot "
    "screenshots wideo nagranie nahravka nahravku zdjecia fotky"
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
_PORN_KEYS = (
    "porn porno pornos pornography pornografia pornografie pornographie pornhub pornsites "
    "pornosites pornoseite pornoseiten pornosite pornowebsites xxx adult adultes adulti "
    "adultos volwassenen erwachsenenseiten"
)
_AUDIENCE_KEYS = (
    "friends family parents contacts followers colleagues school town city class everyone "
    "everybody whole freunde familie eltern kontakte kontakten kollegen stadt schule amis "
    "proches parents collegues famille ville ecole amici parenti contatti genitori colleghi "
    "famiglia citta scuola vrienden ouders contacten collega's collegas stad amigos familia "
    "padres contactos companeros ciudad escuela pais contatos colegas cidade escola"
)

# What makes money talk the scheme: pictures or a recording, the intimate act,
# a secret, or a payment that cannot be taken back.
_SCENE_CORE = (
    r"\b(?:" + _TAPE + r"|" + _ADULT_CORE + r"|fotos?|foto's|photos?|pics?|bilder|nudes?"
    r"|recordings?|footage|clips?|filmato|filmpje|nackt\w*|naakt\w*|nue?s?|desnud\w*|nud[ao]s?|intim\w*|sex\w*|bitcoin\w*|btc|crypto\w*"
    r"|krypto\w*|secret\w*|geheim\w*|segret\w*|secreto\w*|segredo\w*)\b"
)
# Intimate, secret or paid for: what turns "your friends will see it" into a threat.
_INTIMATE = (
    r"\b(?:" + _ADULT_CORE + r"|nudes?|naked|nackt\w*|naakt\w*|nue?s?|desnud\w*|nud[ao]s?"
    r"|pelad[ao]s?|intim\w*|sex\w*|bitcoin\w*|btc|secret\w*|geheim\w*|segret\w*|secreto\w*"
    r"|segredo\w*)\b"
)
# ... or the people it would be sent to.
_SCENE = _SCENE_CORE + r"|\b" + _AUDIENCE + r"\b"
# A conditional with a negation: "if you don't", "wenn du nicht", "si vous ne",
# "se non", "als je niet", "si no", "se nao".
_IF_NOT = (
    r"(?:\bif (?:you|u) (?:don'?t|dont|do not|won'?t|wont|fail to|refuse to|didn'?t)"
    r"|\bunless (?:you|u)\b"
    r"|\b(?:wenn|falls|solltest|sollten) (?:du|sie|ihr)\b[^.!?\n]{0,30}?\b(?:nicht|kein\w*)"
    r"|\bsi (?:vous|tu) (?:ne|n')|\bsi (?:vous|tu) n"
    # (Not "if I didn't pay him": the sender speaks to "you", not of a third person.)
    r"|\bse (?:tu |lei )?non\b(?! (?:gli|le|lo|la)\b)"
    r"|\b(?:als|indien|wanneer) (?:je|jij|u)\b[^.!?\n]{0,30}?\b(?:niet|geen)\b|\btenzij (?:je|u)\b"
    r"|\bsi (?:usted |tu )?no\b(?! (?:le|les|lo|la)\b)|\ba menos que\b"
    r"|\bse (?:voce |vc |tu )?nao\b(?! (?:lhe|o|a)\b)|\bcaso (?:voce |vc )?nao\b)"
)
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
# "This is my last warning", each language: a menace with nothing else said.
_LAST_WARNING = (
    r"\b(?:my (?:last|final) warning|meine letzte warnung|mon dernier avertissement"
    r"|il mio ultimo avvertimento|mijn laatste waarschuwing|mi ultim[ao] (?:advertencia|aviso)"
    r"|(?:o )?meu ultimo aviso|(?:my|meine|mon|mijn|mi|meu) (?:last|letzte|dernier|laatste"
    r"|ultimo|ultima) (?:chance|kans|oportunidad|oportunidade))\b"
)
_MENACE = (
    "They threaten to hurt or ruin you. That is blackmail pressure, and it is not your fault."
)
# An audience that will see it: "your friends will see it", each language.
_WILL_SEE = (
    r"(?:\b(?:your|ur|all your|everyone|everybody|the whole|all of your)\s(?:\w+ )?"
    r"(?:friends|family|parents|contacts|followers|colleagues|school|town|city|class)?\s?"
    r"(?:will|gonna|are going to|is going to) (?:see|get|watch|receive) (?:it|this|them|the"
    r"|your|ur|you)\b"
    r"|\b(?:deine|ihre|alle deine|alle ihre|deine ganze|ihre ganze)\w* (?:\w+ )?(?:freunde"
    r"|familie|eltern|kontakte|kollegen|stadt|schule)\b[^.!?\n]{0,10}?\bwerden (?:\w+ ){0,3}?"
    r"(?:sehen|bekommen|erhalten)"
    r"|\b(?:tes|vos|ta|votre|tous tes|tous vos|toute ta|toute votre)\s(?:\w+ )?"
    r"(?:amis|proches|contacts"
    r"|parents|collegues|famille|ville|ecole)\b[^.!?\n]{0,10}?\b(?:vont|va|verront|recevront"
    r"|verra|recevra) (?:\w+ )?(?:voir|recevoir)?"
    r"|\b(?:i tuoi|tutti i tuoi|la tua|tutta la tua)\s(?:\w+ )?(?:amici|parenti|contatti"
    r"|genitori|colleghi|famiglia|citta|scuola)\b[^.!?\n]{0,10}?\b(?:lo |la |li |ti )?"
    r"(?:vedranno|vedra|riceveranno|ricevera)"
    r"|\b(?:je|jouw|uw|al je|al jouw|heel je)\s(?:\w+ )?(?:vrienden|familie|ouders|contacten"
    r"|collega's|collegas|stad|school)\b[^.!?\n]{0,10}?\b(?:zullen|gaan|zal|gaat) (?:\w+ ){0,3}?"
    r"(?:zien|krijgen|ontvangen)"
    r"|\b(?:lo|la|los|las|te) (?:veran|vera|van a ver|va a ver|recibiran) (?:todos )?"
    r"(?:tus|sus|tu|su)\s(?:\w+ )?(?:amigos|familia|padres|contactos|companeros|ciudad"
    r"|escuela)\b|\bse (?:vera|veran) en (?:tu|su) (?:ciudad|escuela|pueblo|barrio|trabajo)\b"
    r"|\b(?:tus|sus|todos tus|toda tu)\s(?:\w+ )?(?:amigos|familia|padres|contactos|companeros)"
    r"\b[^.!?\n]{0,10}?\b(?:lo |la |los |las |te )?(?:veran|van a ver|recibiran)"
    r"|\b(?:seus|teus|todos os seus|sua|tua|toda a sua)\s(?:\w+ )?(?:amigos|familia|pais"
    r"|contatos|colegas|cidade|escola)\b[^.!?\n]{0,10}?\b(?:vao ver|verao|vai ver|vera|vao"
    r" receber|receberao)"
    r"|\b(?:vao|vai|vera|verao) (?:ver )?(?:isso |tudo )?(?:seus|teus|sua|tua)\s(?:\w+ )?"
    r"(?:amigos|familia|pais|contatos|colegas))"
)

# A recording or pictures, as a noun, each language (for "the video disappears").
_THE_MEDIA = (
    r"(?:the|el|la|los|las|o|a|os|as|das|die|le|les|il|lo|gli|i|le|de|het)\s(?:\w+ )?(?:"
    + _TAPE
    + r"|photos?|fotos?|foto's|pics|pictures|bilder|immagini|imagenes|imagens|nudes)\b"
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

# "You'll regret it", each language; a threat when said about a block or a report.
_REGRET = (
    r"\b(?:(?:you'?ll|you will|you'?re going to|ur gonna|you'?re gonna) regret"
    r"|te (?:vas a|va a) arrepentir|te arrepentiras|(?:vas|va) a arrepentirte"
    r"|(?:vai|vais) (?:se |te )?arrepender|se arrependera|vai-se arrepender"
    r"|(?:du wirst|sie werden) (?:\w+ )?bereuen|(?:das|es) wirst du bereuen"
    r"|(?:tu vas|vous allez) (?:le )?regretter|tu (?:le )?regretteras|vous (?:le )?regretterez"
    r"|te ne pentirai|ve ne pentirete|te ne faro pentire|ti pentirai"
    r"|(?:je gaat|u gaat|je zult|ga je) (?:er |daar )?spijt (?:van )?krijgen|spijt van krijgen)"
)
_BLOCKED = (
    r"\b(?:block\w*|bloque\w*|bloquea\w*|blockier\w*|bloccat\w*|bloccar\w*|geblokkeerd"
    r"|blokkeren|ignor\w*|negeren|genegeerd|report\w*|denunci\w*|anzeig\w*|signal\w*"
    r"|segnal\w*|aangeven|melden|" + _TAPE + r"|pics?|photos?|fotos?|foto's|bilder|nudes?)\b"
)
# "... or the video goes out", each language: the pictures as the subject.
_OR = (
    r"\b(?:or|o|ou|oder|sonst|sinon|altrimenti|of|anders|otherwise|si no|senao|sino|jinak"
    r"|inaczej|albo)\s"
)
_GOES_OUT = (
    r"(?:goes (?:out|online|public|viral)|gets (?:posted|out|leaked|published)|will be (?:posted"
    r"|published|leaked)|sale|se (?:publica|sube|filtra)|sera publicad\w*|va a salir"
    r"|(?:vai|vao) (?:ser )?(?:publicad\w*|postad\w*|vazad\w*|pra internet)|sai|vaza"
    r"|geht (?:raus|online|viral)|(?:wird|werden) (?:\w+ )?(?:veroffentlicht|gepostet"
    r"|hochgeladen)|part|sort|(?:sera|seront) (?:publiee?s?|diffusee?s?|postee?s?)"
    r"|esce|va online|finisce online|(?:verra|verranno|sara|saranno) (?:pubblicat\w*"
    r"|diffus\w*)|gaat (?:online|eruit|rond|viraal)|(?:wordt|worden) (?:gepubliceerd"
    r"|gepost|verspreid))"
)
# "Or I post them", first person, each language.
_OR_I_POST = (
    r"\b(?:or|o|ou|oder|sonst|sinon|altrimenti|of|anders)\s(?:i(?:'ll| will)? (?:post|upload"
    r"|leak|share|send)|(?:yo )?(?:subo|publico|posteo|filtro|mando)|(?:eu )?(?:posto|publico"
    r"|vazo|mando)|ich (?:poste|veroffentliche|lade|schicke|teile)|je (?:poste|publie|envoie"
    r"|balance|partage)|(?:io )?(?:pubblico|posto|mando|carico)|ik (?:post|plaats|stuur|deel"
    r"|zet))\b"
    # Czech and Polish: "jinak video rozešlu", "inaczej opublikuję".
    r"|\b(?:jinak|nebo) (?:\w+ )?(?:zverejnim|rozeslu|poslu|nahraju)\b|\b(?:inaczej|albo)"
    r" (?:\w+ )?(?:opublikuje|wysle|wrzuce|udostepnie|roznice)\b"
)
# "I'll put it on porn sites", first person, each language.
_ON_PORN_SITES = (
    r"\b(?:i(?:'ll| will)?|i'm gonna|subire|voy a (?:subir|publicar)|publicare|vou (?:postar"
    r"|publicar|colocar)|postarei|publicarei|ich (?:werde|lade|stelle)|je (?:vais|publierai"
    r"|mettrai)|publierai|mettrai|pubblichero|carichero|mettero|ik (?:zet|plaats|ga|zal))\b"
    r"[^.!?\n]{0,60}?\b(?:porn\w*|xxx)"
)

# "If you don't pay", each language (and Czech and Polish).
_IF_YOU_DONT_PAY = (
    r"\b(?:if (?:you|u) (?:don'?t|dont|do not|won'?t|refuse to) pay|unless (?:you|u) pay"
    r"|si no (?:me )?(?:pagas|paga|pagan)|se (?:voce |vc )?nao (?:me )?(?:pagar|pagares|pagas)"
    r"|(?:wenn|falls) (?:du|sie) (?:\w+ )?nicht (?:be)?zahl\w*|si (?:vous|tu) ne (?:me )?"
    r"(?:payez|paies|payes) pas|se non (?:mi )?(?:paghi|pagherai|paga|pagate)"
    r"|(?:als|indien) (?:je|jij|u) (?:\w+ )?niet (?:be)?taal\w*|(?:pokud|jestli|kdyz)"
    r" nezaplat\w*|(?:jesli|jezeli|gdy) nie zaplac\w*)\b"
)
_SPREAD = (
    r"(?:publish|post|upload|leak|send|share|publicar\w*|publicare|subir\w*|subire|enviar\w*"
    r"|enviare|mandar\w*|mandare|postar\w*|enviarei|mandarei|publicarei|divulg\w*|veroffentlich"
    r"\w*|verbreit\w*|schick\w*|send\w*|hochlad\w*|publier\w*|publie\w*|envoi\w*|enverr\w*"
    r"|diffuse\w*|pubblic\w*|invi\w*|mand\w*|diffond\w*|caric\w*|publiceer\w*|publiceren"
    r"|stuur\w*|verspreid\w*|zverejn\w*|rozesl\w*|posl\w*|opublikuj\w*|wysl\w*|wysle"
    r"|roznies\w*|udostepni\w*)"
)

THREAT_TO_EXPOSE: tuple[Rule, ...] = (
    # "If you don't pay, I'll publish the video."
    Rule(
        _IF_YOU_DONT_PAY + r"[^.!?\n]{0,60}?\b" + _SPREAD + r"\b",
        0.55,
        _SEND_ALL,
        langs=ALL,
        keys="pay paga pagas pagan pagar pagares zahlst zahlen bezahlst bezahlen zahlt payez paies "
        "payes paghi pagherai pagate betaalt betaal betalen nezaplatis nezaplatite zaplacisz "
        "zaplacicie",
        requires=r"\b(?:" + _TAPE + r"|pics?|photos?|fotos?|foto's|bilder|nudes?|images?"
        r"|immagini|imagenes|imagens|beelden|zdjeci\w*|fotk\w*|nagrani\w*|nahravk\w*)\b",
        unless=_CALM,
        name="pay_or_it_is_spread",
    ),
    # "Blocking me changes nothing."
    Rule(
        r"\b(?:blocking me|bloquearme|me bloquear|bloquear-me|mich (?:zu )?blockieren"
        r"|me bloquer|bloccarmi|mi bloccare|me blokkeren|mij blokkeren)\b[^.!?\n]{0,20}?\b"
        r"(?:changes nothing|won'?t (?:help|change|save)|doesn'?t (?:help|change)|is useless"
        r"|no cambia nada|no (?:te )?sirve de nada|no (?:te )?va a servir|nao muda nada"
        r"|nao (?:te )?adianta|nao vai adiantar|andert nichts|bringt (?:dir )?nichts|hilft"
        r" (?:dir )?nicht|ne change rien|ne (?:te )?sert a rien|ne servira a rien|non cambia"
        r" (?:niente|nulla)|non (?:ti )?serve a (?:niente|nulla)|non servira|verandert niets"
        r"|helpt (?:je )?niet|heeft geen zin)",
        0.5,
        _MENACE,
        langs=ALL,
        keys="blocking bloquearme bloquear bloquear-me blockieren bloquer bloccarmi bloccare "
        "blokkeren",
        unless=_CALM,
        name="blocking_changes_nothing",
    ),
    Rule(
        _REGRET,
        0.5,
        _MENACE,
        langs=ALL,
        keys="regret arrepentir arrepentiras arrepentirte arrepender arrependera bereuen "
        "regretter regretteras regretterez pentirai pentirete pentire spijt",
        requires=_BLOCKED,
        unless=_CALM,
        name="regret_after_a_block",
    ),
    Rule(
        _OR + r"(?:" + _THE_MEDIA + r"|(?:your|ur|tus|tu|suas|seus|sua|deine\w*|tes|vos|ta"
        r"|le tue|i tuoi|je)\s(?:\w+ )?(?:pics|photos?|fotos?|foto's|bilder|nudes|videos?))"
        r"\s(?:\w+ )?" + _GOES_OUT + r"\b"
        # German and Dutch put the verb first: "sonst geht das Video raus".
        + r"|" + _OR + r"(?:geht|gehen|kommt|kommen|gaat|gaan|komt|komen)\s" + _THE_MEDIA
        + r"\s(?:\w+ ){0,2}?(?:online|raus|rum|rund|viral|viraal|rond|eruit|ins netz|ins internet"
        r"|op internet|op het internet)\b",
        0.55,
        _SEND_ALL,
        langs=ALL,
        keys=_MEDIA_KEYS,
        unless=_CALM,
        name="or_the_pictures_go_out",
    ),
    Rule(
        _OR_I_POST,
        0.5,
        _SEND_ALL,
        langs=ALL,
        keys=_MEDIA_KEYS,
        requires=r"\b(?:" + _TAPE + r"|pics?|pictures|photos?|fotos?|foto's|bilder|nudes?"
        r"|images?|immagini|imagenes|imagens|beelden)\b",
        unless=_CALM + r"|\b(?:trip|holiday|vacation|urlaub|vacances|vacanza|vakantie"
        r"|vacaciones|ferias|viagem|party|fiesta|festa|feest|fete|wedding|boda|hochzeit"
        r"|mariage|matrimonio|bruiloft|casamento)\b",
        name="or_i_post_them",
    ),
    Rule(
        _ON_PORN_SITES,
        0.55,
        _SEND_ALL,
        langs=ALL,
        keys=_PORN_KEYS,
        requires=r"\b(?:" + _TAPE + r"|pics?|photos?|fotos?|foto's|bilder|nudes?|images?"
        r"|immagini|imagenes|imagens|beelden|you|te|du|dich|vous|ti|je|jou)\b",
        unless=_CALM,
        name="on_porn_sites",
    ),
    # "This is my last warning."
    Rule(
        _LAST_WARNING,
        0.5,
        _MENACE,
        langs=ALL,
        keys="warning warnung avertissement avvertimento waarschuwing advertencia aviso chance "
        "kans oportunidad oportunidade",
        unless=_CALM + r"|\b(?:game|match|spiel|jeu|partita|wedstrijd|juego|partido|jogo"
        r"|homework|hausaufgaben|devoirs|compiti|huiswerk|tarea|deberes|dever|lol|haha|jk)\b",
        name="my_last_warning",
    ),
    # "Your friends will see it", "lo verán tus amigos": the audience as the subject.
    Rule(
        _WILL_SEE,
        0.55,
        _SEND_ALL,
        langs=ALL,
        keys=_AUDIENCE_KEYS,
        requires=_INTIMATE,
        unless=_CALM,
        name="audience_will_see_it",
    ),
    # "I'll send your photo to five of your contacts."
    Rule(
        r"\b(?:send|forward|show|schick\w*|send\w*|zeig\w*|envoi\w*|enverr\w*|montrer\w*"
        r"|invi\w*|mand\w*|mostr\w*|stuur\w*|stuurt|toon\w*|envi\w*|ensen\w*)\b[^.!?\n]{0,60}?"
        r"\b(?:\d+|some|a few|several|five|ten|einige\w*|ein paar|funf|zehn|quelques|plusieurs"
        r"|cinq|dix|alcuni|alcune|qualche|cinque|dieci|enkele|een paar|vijf|tien|algunos|algunas"
        r"|cinco|diez|alguns|algumas|dez)\s(?:of |von |de |di |van |dos |das )?(?:your|ur"
        r"|deine\w*|ihre\w*|tes|vos|tuoi|dei tuoi|delle tue|tue|je|jouw|uw|tus|sus|seus|teus"
        r"|suas|tuas|de tus|de sus|dos seus)\s(?:\w+ )?" + _AUDIENCE + r"|\b(?:\d+|some|a few"
        r"|several|five|ten|cinque|dieci|cinq|dix|funf|zehn|vijf|tien|cinco|diez|dez)\s(?:of"
        r" )?(?:your|ur|tuoi|tes|vos|deine\w*|ihre\w*|je|uw|tus|sus|seus|teus)\s(?:\w+ )?"
        r"(?:friends|contacts|followers|family members|relatives)\b",
        0.6,
        _SEND_ALL,
        langs=ALL,
        keys=_AUDIENCE_KEYS,
        requires=_SCENE_CORE,
        unless=_CALM,
        name="to_some_of_your_contacts",
    ),
)
