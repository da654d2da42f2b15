"""The threat to expose's kinds of sentence, each written once for the seven
languages the analysis reads: the audience that will see it, the pictures as
the subject, the menace after a block, the last warning. Patterns are over
folded text.
"""

from __future__ import annotations

from unsnare.analysis.base import Rule
from unsnare.analysis.detectors._kinds import (
    _IF_NOT,
    _MEDIA_KEYS,
    _PORN_KEYS,
    _SCENE_CORE,
    _THE_MEDIA,
    ALL,
)
from unsnare.analysis.detectors._multilingual import (
    _ADULT_CORE,
    _AUDIENCE,
    _CALM,
    _SEND_ALL,
    _TAPE,
)

_AUDIENCE_KEYS = (
    "friends family parents contacts followers colleagues school town city class everyone "
    "everybody whole freunde familie eltern kontakte kontakten kollegen stadt schule amis "
    "proches parents collegues famille ville ecole amici parenti contatti genitori colleghi "
    "famiglia citta scuola vrienden ouders contacten collega's collegas stad amigos familia "
    "padres contactos companeros ciudad escuela pais contatos colegas cidade escola"
)
# Intimate, secret or paid for: what turns "your friends will see it" into a threat.
_INTIMATE = (
    r"\b(?:" + _ADULT_CORE + r"|nudes?|naked|nackt\w*|naakt\w*|nue?s?|desnud\w*|nud[ao]s?"
    r"|pelad[ao]s?|intim\w*|sex\w*|bitcoin\w*|btc|secret\w*|geheim\w*|segret\w*|secreto\w*"
    r"|segredo\w*)\b"
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

# Menace that names no picture: "you know what happens if you don't answer",
# "keep ignoring me and see what happens", "you won't like what comes next".
_WHAT_COMES_NEXT = (
    r"\b(?:you know (?:exactly |very well |damn well )?what (?:happens|will happen|comes next"
    r"|i'?ll do|i will do)|(?:see|watch) what happens|you won'?t like what (?:comes|happens)"
    r"(?: next)?|don'?t test me|(?:your )?life (?:gets|will get|is gonna get|becomes) (?:very )?"
    r"(?:complicated|hard|ugly|hell)|last chance before i"
    r"|(?:ya )?sabes (?:muy bien |perfectamente |exactamente )?(?:lo que|que) (?:pasa|pasara"
    r"|va a pasar)|veras (?:lo que|que) pasa|no te va a gustar lo que viene"
    r"|no me pongas a prueba|(?:voce |vc )?sabe (?:muito bem |exatamente )?o que (?:acontece"
    r"|vai acontecer)|(?:ve|vai ver|veja|vera) o que acontece|nao vai gostar do que vem"
    r"|nao me test[ae]|(?:du )?(?:weisst|weist|weiss) (?:du )?(?:ganz |sehr )?(?:genau|wohl),?"
    r" was"
    r" (?:dann )?(?:passiert|geschieht)|(?:schau|sieh|wirst sehen),? was (?:dann )?passiert"
    r"|teste mich nicht|wird dir nicht gefallen|tu sais (?:tres bien |parfaitement "
    r"|exactement )?ce qui (?:se passe|va se passer|arrive|t'attend)|tu vas voir ce qui"
    r"|ne me teste pas|ne va pas te plaire|sai (?:benissimo |bene |esattamente |perfettamente )?"
    r"cosa (?:succede|succedera|ti aspetta)|vedrai cosa succede|non mettermi alla prova"
    r"|non ti piacera|(?:je )?weet (?:je )?(?:precies |heel goed )?wat er (?:gebeurt|gaat"
    r" gebeuren)"
    r"|kijk (?:maar )?wat er gebeurt|test me niet|zal je niet bevallen)\b"
)
# ... said to someone who does not answer, blocks or stalls (or "last chance").
_NOT_ANSWERING = (
    _IF_NOT + r"|\b(?:ignor\w*|negeer\w*|negeren|answer\w*|reply\w*|respond\w*|contest\w*"
    r"|respond\w*|antwort\w*|antwoord\w*|repond\w*|rispond\w*|block\w*|bloque\w*|bloquea\w*"
    r"|blockier\w*|blocc\w*|blokk\w*|geblokkeerd|pay|pag[ao]\w*|zahl\w*|pai\w*|betaal\w*"
    r"|joking|kidding|bromeando|brincando|witze|plaisante|scherzando|grapje|chance|kans"
    r"|oportunidad|possibilita|test|prueba|testa|teste|prova)\b"
)
# "Blocking me won't help, I still have everything": the material still held.
_STILL_HAVE_IT_ALL = (
    r"\b(?:i (?:still )?(?:have|got|kept) (?:it all|everything|all of it|copies|backups?)"
    r"|still (?:have|got) (?:it all|everything|all of it)|everything(?:'s| is) (?:still )?"
    r"(?:saved|on my \w+|backed up)|(?:the )?files (?:are|r) (?:saved|backed up|safe)"
    r"|sigo teniendo todo|(?:todavia|aun) (?:lo )?tengo todo|tengo copias|lo tengo todo guardado"
    r"|los archivos siguen|ainda tenho tudo|tenho (?:copias|tudo guardado)|os arquivos continuam"
    r"|(?:ich )?hab[e]? (?:immer )?noch alles|ich habe kopien|(?:die )?dateien sind (?:gesichert"
    r"|gespeichert)|j'ai (?:toujours|encore) tout|j'ai des copies|(?:les )?fichiers sont"
    r" (?:sauvegardes|en securite)|ho ancora tutto|ho delle copie|(?:i )?file sono al sicuro"
    r"|heb (?:nog steeds |nog )alles|ik heb kopie\w*|(?:de )?bestanden staan veilig)\b"
)
_BLOCK_OR_DELETE = (
    r"\b(?:block\w*|bloque\w*|bloquea\w*|blockier\w*|blocc\w*|blokk\w*|geblokkeerd|delet\w*"
    r"|borrar|apagar|losch\w*|supprim\w*|cancell\w*|verwijder\w*|new account|cuenta nueva"
    r"|conta nova|neues konto|nouveau compte|nuovo profilo|nuovo account|nieuw account"
    r"|ignor\w*|negeer\w*|negeren)\b"
)
# "Every picture you sent me ends up with your family": the pictures as the
# subject, a verb of going or landing, and the person's own people.
_PICS_SUBJECT = (
    r"\b(?:your|ur|those|these|the|every|each|all|tus|tu|esas|esos|cada|las|los|el|suas|seus"
    r"|sua|seu|aquelas|o|as|os|deine\w*|die|das|jedes|tes|ces|les|la|le|chaque|le tue|i tuoi"
    r"|quelle|quei|il|ogni|je|de|het|elke) (?:\w+ ){0,2}?(?:pics?|photos?|pictures?|nudes?"
    r"|videos?|vids?|fotos?|foto's|bilder|nacktfotos|naaktfoto's|nacktbilder)\b"
)
_LANDS_WITH = (
    r"\b(?:end(?:s)? up (?:with|in)|lands? in|(?:is|are) going (?:straight )?to|go(?:es)? "
    r"(?:straight )?to|va(?:n)? (?:a acabar en manos de|para|directo a)|llegan? a|vao (?:direto )?"
    r"para|vai parar com|chega para|landen bei|landet (?:im|bei)|geh(?:t|en) (?:direkt )?an"
    r"|part(?:ent)? (?:direct )?(?:a|chez)|vont (?:direct )?a|finiss\w* chez|vanno|finisce"
    r"|finiscono|arrivano (?:dritti )?|gaan (?:rechtstreeks )?naar|gaat naar|eindigen bij"
    r"|komt (?:in|bij))\b[^.!?\n]{0,30}?\b(?:your|ur|tu|tus|seu|sua|seus|suas|dein\w*|ta|ton"
    r"|tes|(?:al|alla|ai|alle) tu\w*|tuo|tua|tuoi|je|jouw|everyone|todos|tout le monde|tutti"
    r"|iedereen)\b"
)

THREAT_TO_EXPOSE = THREAT_TO_EXPOSE + (
    Rule(
        _WHAT_COMES_NEXT,
        0.5,
        _MENACE,
        langs=ALL,
        keys="know happens see watch like test life last sabes veras gustar prueba sabe ve vai "
        "veja vera gostar testa teste weisst weist weiss schau sieh wirst gefallen sais vas "
        "plaire sai vedrai mettermi piacera weet kijk bevallen",
        requires=_NOT_ANSWERING,
        unless=_CALM + r"|\b(?:game|match|spiel|jeu|partita|wedstrijd|juego|partido|jogo|movie"
        r"|film|show|episode|series|serie|book|libro|livro|buch|livre|boek|study|estudia\w*"
        r"|lern\w*|homework|hausaufgaben|devoirs|compiti|huiswerk|tarea|deberes|dever|lol|haha"
        r"|jk|recipe|oven)\b",
        name="you_know_what_comes_next",
    ),
    # "You'll regret playing games with me."
    Rule(
        _REGRET + r"[^.!?\n]{0,40}?\b(?:playing (?:games )?with me|messing with me|jugar conmigo"
        r"|brincar comigo|mit mir (?:zu )?spielen|jou[eé] avec moi|giocato con me|met me"
        r" (?:te )?speel\w*|met me speelt)\b",
        0.5,
        _MENACE,
        langs=ALL,
        keys="regret arrepentir arrepentiras arrepentirte arrepender arrependera bereuen "
        "regretter regretteras regretterez pentirai pentirete pentire spijt",
        unless=_CALM,
        name="regret_playing_with_me",
    ),
    Rule(
        _STILL_HAVE_IT_ALL,
        0.5,
        _MENACE,
        langs=ALL,
        keys="have got kept saved files everything teniendo tengo archivos ainda tenho arquivos "
        "noch habe hab kopien dateien toujours encore copies fichiers ancora ho copie file "
        "alles kopieen kopie bestanden",
        requires=_BLOCK_OR_DELETE,
        # "I blocked that spam account; I still have everything backed up."
        unless=_CALM + r"|\b(?:spam\w*|bots?|virus|malware|scam\w*|estafa\w*|golpe\w*"
        r"|arnaque\w*|truffa\w*|oplicht\w*|betrug\w*)\b",
        name="still_have_it_all_after_a_block",
    ),
    Rule(
        _PICS_SUBJECT + r"[^.!?\n]{0,40}?" + _LANDS_WITH,
        0.55,
        _SEND_ALL,
        langs=ALL,
        keys=_MEDIA_KEYS,
        requires=_INTIMATE + r"|\b(?:sent me|mandaste|enviaste|mandou|enviou|geschickt"
        r"|envoyee?s?|mandato|inviato|stuurde|gestuurd|of you|de ti|de voce|von dir|de toi"
        r"|di te|van jou|van je)\b|" + _NOT_ANSWERING,
        unless=_CALM + r"|\b(?:trip|holiday|vacation|urlaub|vacances|vacanza|vakantie"
        r"|vacaciones|ferias|viagem|party|fiesta|festa|feest|fete|wedding|boda|hochzeit"
        r"|mariage|matrimonio|bruiloft|casamento|album|print\w*|imprim\w*|druck\w*)\b",
        name="the_pictures_end_up_with_them",
    ),
)
