"""The scheme in more languages, and the kinds of threat the first rules missed.

Every line here is written by the team; none comes from the evaluation set.
"""

from __future__ import annotations

import pytest

from unsnare.analysis import RiskLevel, analyze_text

FLAGGED = [
    # Bulk-email claims, each language, without the money paragraph.
    ("Ich bin ein Hacker und habe Zugriff auf dein Handy und deine Kamera.", "hacking_claim"),
    ("Je suis un hackeur et je vous observe depuis des mois.", "hacking_claim"),
    ("Sono un hacker e ti sto osservando da settimane.", "hacking_claim"),
    ("Ik ben een hacker en ik houd je al weken in de gaten.", "hacking_claim"),
    ("Soy un hacker y te he estado observando por meses.", "hacking_claim"),
    ("Sou um hacker e estou te observando faz tempo.", "hacking_claim"),
    ("Wir haben dein Gerät gehackt und alles gesehen.", "hacking_claim"),
    # Threats to send the recording to everyone.
    ("Ich schicke das Video an deine ganze Familie.", "threat_to_expose"),
    ("J'enverrai la vidéo à tous tes contacts.", "threat_to_expose"),
    ("Manderò il video a tutti i tuoi amici.", "threat_to_expose"),
    ("Ik stuur de video naar al je vrienden.", "threat_to_expose"),
    # Passive threats: the pictures or the audience as the subject.
    ("your parents will get the video tonight", "threat_to_expose"),
    ("everyone on ur follower list gets the pics in 10 min", "threat_to_expose"),
    ("wouldnt it be a shame if your mom saw these", "threat_to_expose"),
    # Money in Bitcoin, any language.
    ("Zahle 800 € in Bitcoin an diese Adresse, sonst geht das Video raus.", "payment_demand"),
    # Pressure for more pictures or the camera, in Spanish and Portuguese.
    ("quiero más fotos tuyas ya", "image_request"),
    ("prende la cámara ya", "image_request"),
    ("quero mais fotos suas", "image_request"),
    # When the adults are away.
    ("what time does your mom get home from work", "grooming"),
    ("u could keep it hidden from ur parents", "grooming"),
]

CALM = [
    "We detected unusual access to your account from a new device. Reset your password.",
    "Wir haben einen ungewöhnlichen Zugriff auf Ihr Konto festgestellt.",
    "Nous avons détecté un accès inhabituel à votre compte.",
    "Your 12 month subscription renews within 24 hours.",
    "Your invoice is due: you have 48 hours to pay before a late fee.",
    "my parents will see the photos on facebook",
    "i sent the pics from the trip to everyone in the family chat",
]


@pytest.mark.parametrize(("text", "tactic"), FLAGGED)
def test_the_scheme_is_read_in_each_language(text: str, tactic: str) -> None:
    report = analyze_text(text)
    assert tactic in {str(t) for t in report.tactics()}, report.findings
    assert report.risk.flagged


@pytest.mark.parametrize("text", CALM)
def test_ordinary_notices_stay_calm(text: str) -> None:
    assert not analyze_text(text).risk.flagged


def test_a_language_not_read_is_unknown_not_none() -> None:
    report = analyze_text("Ahoj, jak se máš? Zítra půjdeme do kina a potom na večeři s rodinou.")
    assert report.risk.level is RiskLevel.UNKNOWN
    assert report.risk.assessed is False


@pytest.mark.parametrize(
    "text",
    [
        "is ur mom home right now?",
        "does your dad check your phone",
        "what time do u get home from school",
        "im so nervous about meeting u for the first time",
        "how do i know ur not a cop",
        "just delete the texts after ok",
        "i used to talk to a young girl like you",
    ],
)
def test_grooming_kinds_read_alone(text: str) -> None:
    report = analyze_text(text)
    assert "grooming" in {str(t) for t in report.tactics()}
    assert report.risk.flagged


@pytest.mark.parametrize(
    "text",
    [
        "is my mom home yet? tell her i'm at practice",
        "meet you at 9:45 by the station",
        "the cops closed the road, take the other way",
    ],
)
def test_everyday_lines_with_the_same_words_stay_calm(text: str) -> None:
    assert not analyze_text(text).risk.flagged


@pytest.mark.parametrize(
    "text",
    [
        "Sarebbe un peccato se la tua famiglia vedesse il video",
        "Es wäre eine Schande, wenn deine Familie das Video sieht",
        "Ce serait dommage que ta famille voie cette vidéo",
        "Sería una pena que tu familia viera el video",
        "Abbiamo tutte le tue password e molto altro",
        "Mi software reconoce todo lo que haces",
    ],
)
def test_menace_and_control_without_the_money(text: str) -> None:
    assert analyze_text(text).risk.flagged


def test_a_shame_about_something_else_stays_calm() -> None:
    text = "Schade, dass deine Familie nicht kommen konnte, das Foto ist trotzdem schön"
    assert not analyze_text(text).risk.flagged


def test_a_meeting_without_anyone_else_is_grooming_kind_meeting() -> None:
    report = analyze_text("lets meet up at the shopping centre saturday, dont bring anyone")
    assert any(f.get("kind") == "meeting" and f.score >= 0.5 for f in report.findings)
    assert report.risk.flagged


def test_telling_the_school_what_was_said_is_a_threat() -> None:
    report = analyze_text("if u dont come ill tell everyone at ur school what u said to me")
    assert "threat_to_expose" in {str(t) for t in report.tactics()}


@pytest.mark.parametrize(
    ("text", "normalized", "valid"),
    [
        ("pay to BSB 062-000 acc 12345678 now", "au-bsb:062000:12345678", None),
        ("sort code 20-00-00 account 55779911", "uk-sort:200000:55779911", None),
        ("IBAN DE89 3704 0044 0532 0130 00", "iban:DE89370400440532013000", True),
        ("IBAN DE89 3704 0044 0532 0130 01", "iban:DE89370400440532013001", False),
    ],
)
def test_bank_details_are_identifiers(text: str, normalized: str, valid: bool | None) -> None:
    found = {i.normalized: i for i in analyze_text(text).identifiers}
    assert normalized in found and found[normalized].kind == "bank_account"
    assert found[normalized].valid is valid


# The bulk sextortion email, one sentence at a time, in twelve languages: the
# claim of control, the recording, the threat to send it out, the payment, the
# clock read with the sender's tracking claim, and the warning-off. Each line
# stands alone, as warnings and news quote them.
BULK_EMAIL_SENTENCES = [
    (
        "de",
        "hacking_claim",
        "Ich habe vor einigen Monaten einen Trojaner auf deinem Computer installiert.",
    ),
    (
        "de",
        "stolen_content",
        "Über deine Webcam habe ich ein Video aufgenommen, während du Pornoseiten angeschaut hast.",
    ),
    (
        "de",
        "threat_to_expose",
        "Mit einem Klick geht das Video an alle deine Kontakte und Kollegen.",
    ),
    ("de", "payment_demand", "Überweise 900 € in Bitcoin an die folgende Wallet-Adresse."),
    (
        "de",
        "hacking_claim",
        "Ab dem Moment, in dem Sie diese E-Mail geöffnet haben, sehe ich alles.",
    ),
    ("de", "threat_to_expose", "Geh nicht zur Polizei, sonst veröffentliche ich das Video sofort."),
    ("de", "hacking_claim", "Diese Nachricht habe ich von deinem eigenen Konto geschickt."),
    ("de", "threat_to_expose", "Dein Leben wird ruiniert sein, wenn alle das Video sehen."),
    (
        "fr",
        "hacking_claim",
        "J'ai installé un logiciel espion sur votre appareil il y a plusieurs mois.",
    ),
    (
        "fr",
        "stolen_content",
        "Votre webcam a enregistré une vidéo de vous pendant que vous regardiez des sites pour adultes.",
    ),
    (
        "fr",
        "threat_to_expose",
        "En un seul clic, la vidéo part chez tous vos contacts et votre famille.",
    ),
    ("fr", "payment_demand", "Envoyez 700 € en Bitcoin à mon portefeuille ci-dessous."),
    ("fr", "hacking_claim", "Je saurai immédiatement quand vous aurez lu ce message."),
    ("fr", "threat_to_expose", "Ne contactez pas la police, sinon la vidéo sera publiée."),
    ("fr", "hacking_claim", "Je vous ai envoyé ce courriel depuis votre propre compte."),
    ("fr", "payment_demand", "Après le paiement, je supprimerai la vidéo définitivement."),
    ("it", "hacking_claim", "Ho installato un malware sul tuo dispositivo e ora lo controllo."),
    (
        "it",
        "stolen_content",
        "Ho registrato un video dalla tua webcam mentre guardavi siti per adulti.",
    ),
    (
        "it",
        "threat_to_expose",
        "Pubblicherò il video sui social e lo manderò a tutti i tuoi contatti.",
    ),
    ("it", "payment_demand", "Invia 600 euro in Bitcoin al mio portafoglio."),
    ("it", "hacking_claim", "Ti ho spiato per mesi attraverso la tua fotocamera."),
    ("it", "threat_to_expose", "Non rivolgerti alla polizia o il video finisce online."),
    (
        "it",
        "payment_demand",
        "Dopo il pagamento cancellerò il video e non sentirai più parlare di me.",
    ),
    ("nl", "hacking_claim", "Ik heb maandenlang toegang gehad tot je computer en je webcam."),
    (
        "nl",
        "stolen_content",
        "Ik heb een video van je opgenomen via je camera terwijl je porno keek.",
    ),
    (
        "nl",
        "threat_to_expose",
        "Ik stuur de video naar al je contacten en collega's als je niet betaalt.",
    ),
    ("nl", "payment_demand", "Maak 800 euro over in bitcoin naar dit adres."),
    ("nl", "hacking_claim", "Vanaf het moment dat je deze e-mail hebt geopend, weet ik het."),
    ("nl", "threat_to_expose", "Ga niet naar de politie, anders verspreid ik de video."),
    ("nl", "payment_demand", "Na de betaling verwijder ik de video voorgoed."),
    ("es", "hacking_claim", "Instalé un troyano en tu ordenador hace meses y tengo acceso a todo."),
    ("es", "stolen_content", "Grabé un video tuyo con tu cámara mientras veías páginas porno."),
    ("es", "threat_to_expose", "Enviaré el video a todos tus contactos y familiares."),
    ("es", "payment_demand", "Transfiere 500 dólares en bitcoin a esta dirección."),
    ("es", "hacking_claim", "Sabré cuándo has leído este correo."),
    ("es", "threat_to_expose", "No acudas a la policía o publicaré la grabación."),
    ("es", "payment_demand", "Después del pago borraré el video y no volverás a saber de mí."),
    ("pt", "hacking_claim", "Instalei um malware no seu computador e tenho acesso à sua câmera."),
    ("pt", "stolen_content", "Gravei um vídeo seu pela webcam enquanto você assistia sites pornô."),
    ("pt", "threat_to_expose", "Vou enviar o vídeo para todos os seus contatos e familiares."),
    ("pt", "payment_demand", "Envie 400 dólares em bitcoin para a carteira abaixo."),
    ("pt", "hacking_claim", "Saberei quando você abriu este e-mail."),
    ("pt", "threat_to_expose", "Não procure a polícia, ou o vídeo será divulgado."),
    (
        "pt",
        "payment_demand",
        "Após o pagamento vou apagar o vídeo e você nunca mais vai ouvir falar de mim.",
    ),
    ("cs", "hacking_claim", "Před několika měsíci jsem nainstaloval malware do vašeho počítače."),
    ("cs", "stolen_content", "Nahrál jsem vás přes webkameru, když jste sledoval porno."),
    ("cs", "threat_to_expose", "Video pošlu všem vašim kontaktům a kolegům."),
    ("cs", "payment_demand", "Pošlete 15000 Kč v bitcoinech na tuto adresu."),
    ("cs", "hacking_claim", "Mám plný přístup k vašemu zařízení a sleduji vás už měsíce."),
    ("cs", "threat_to_expose", "Nekontaktujte policii, jinak video zveřejním na internetu."),
    ("pl", "hacking_claim", "Zainstalowałem złośliwe oprogramowanie na twoim komputerze."),
    ("pl", "stolen_content", "Nagrałem cię przez kamerę, kiedy oglądałeś strony porno."),
    ("pl", "threat_to_expose", "Wyślę nagranie do wszystkich twoich znajomych i rodziny."),
    ("pl", "payment_demand", "Przelej 2000 zł w bitcoinach na ten adres portfela."),
    ("pl", "hacking_claim", "Mam pełny dostęp do twojego urządzenia i znam twoje hasło."),
    ("pl", "threat_to_expose", "Nie idź na policję, bo opublikuję wideo w internecie."),
    (
        "da",
        "hacking_claim",
        "Jeg har installeret en trojan på din computer for flere måneder siden.",
    ),
    ("da", "stolen_content", "Jeg har optaget dig gennem dit webcam, mens du så porno."),
    ("da", "threat_to_expose", "Jeg sender videoen til alle dine kontakter og din familie."),
    ("da", "payment_demand", "Send 5000 kr i bitcoin til min wallet."),
    ("da", "hacking_claim", "Jeg har haft fuld adgang til din computer i flere måneder."),
    ("da", "threat_to_expose", "Gå ikke til politiet, ellers bliver videoen lagt ud på nettet."),
    (
        "no",
        "hacking_claim",
        "Jeg har installert et virus på din datamaskin og har full tilgang til kameraet.",
    ),
    ("no", "stolen_content", "Jeg har filmet deg gjennom webkameraet mens du så på pornosider."),
    ("no", "threat_to_expose", "Videoen blir sendt til alle dine kontakter og venner."),
    ("no", "payment_demand", "Betal 6000 kr i bitcoin til denne adressen."),
    ("no", "hacking_claim", "Jeg har overvåket deg i flere måneder."),
    ("no", "threat_to_expose", "Ikke kontakt politiet, da publiserer jeg videoen umiddelbart."),
    (
        "sv",
        "hacking_claim",
        "Jag har installerat ett virus på din dator och har full tillgång till din kamera.",
    ),
    ("sv", "stolen_content", "Jag har filmat dig med din webbkamera medan du tittade på porr."),
    ("sv", "threat_to_expose", "Jag skickar videon till alla dina kontakter och din familj."),
    ("sv", "payment_demand", "Betala 7000 kr i bitcoin till min plånbok."),
    ("sv", "hacking_claim", "Jag har övervakat dig i flera månader."),
    ("sv", "threat_to_expose", "Kontakta inte polisen, annars hamnar videon på nätet."),
    ("fi", "hacking_claim", "Asensin haittaohjelman tietokoneeseesi muutama kuukausi sitten."),
    ("fi", "stolen_content", "Tallensin videon sinusta webkameran kautta, kun katsoit pornoa."),
    ("fi", "threat_to_expose", "Lähetän videon kaikille yhteystiedoillesi ja perheellesi."),
    ("fi", "payment_demand", "Maksa 800 euroa bitcoineina tähän osoitteeseen."),
    ("fi", "hacking_claim", "Olen seurannut sinua kuukausien ajan."),
    ("fi", "threat_to_expose", "Älä ota yhteyttä poliisiin, muuten video julkaistaan."),
    ("cs", "hacking_claim", "Poslal jsem vám tento e-mail z vašeho účtu."),
    (
        "cs",
        "hacking_claim",
        "Prolomil jsem váš operační systém a sledoval jsem vás několik měsíců.",
    ),
    ("cs", "payment_demand", "Jakmile obdržím platbu, video smažu."),
    ("cs", "hacking_claim", "Vím vaše heslo a mám k dispozici video, na kterém se uspokojujete."),
    ("pl", "hacking_claim", "Wysłałem ci tę wiadomość z twojego konta."),
    ("pl", "hacking_claim", "Przejąłem kontrolę nad twoim komputerem."),
    ("da", "hacking_claim", "Jeg har inficeret din computer med en virus."),
    ("sv", "hacking_claim", "Jag har skickat detta mejl från ditt konto."),
    ("fi", "hacking_claim", "Sain haltuuni tietokoneesi kuukausia sitten."),
    ("de", "hacking_claim", "Ihr Gerät wurde mit meiner eigenen Malware infiziert."),
    ("de", "hacking_claim", "Ich habe alle deine Kontakte kopiert."),
    ("fr", "hacking_claim", "J'ai copié tous vos contacts et votre historique."),
    ("es", "hacking_claim", "He descargado todos tus contactos."),
    (
        "it",
        "stolen_content",
        "Ho creato un video a schermo diviso: da una parte tu, dall'altra il sito che guardavi.",
    ),
    ("de", "stolen_content", "Ich habe ein Video mit geteiltem Bildschirm gemacht."),
    (
        "fr",
        "payment_demand",
        "Si vous ne savez pas comment acheter des bitcoins, cherchez sur Google.",
    ),
    ("nl", "payment_demand", "Als je niet weet hoe je bitcoin koopt, zoek het op Google."),
]


@pytest.mark.parametrize(("lang", "tactic", "text"), BULK_EMAIL_SENTENCES)
def test_each_sentence_of_the_bulk_email_is_read_alone(lang: str, tactic: str, text: str) -> None:
    report = analyze_text(text)
    assert tactic in {str(t) for t in report.tactics()}, (lang, report.findings)
    assert report.risk.flagged


# The same words in police warnings, news and a provider's own notices: the
# third person ("they claim"), advice ("do not pay", "change your password"),
# the old leak the password came from.
WARNINGS_AND_NOTICES = [
    ("de", "Die Betrüger behaupten, sie hätten Sie über die Webcam gefilmt. Zahlen Sie nicht."),
    (
        "de",
        "Das Passwort in der E-Mail stammt meist aus einem alten Datenleck. Ändern Sie Ihr Passwort.",
    ),
    ("de", "Wir haben eine ungewöhnliche Anmeldung bei Ihrem Konto festgestellt."),
    ("fr", "Les escrocs prétendent avoir filmé les victimes avec leur webcam. Ne payez pas."),
    ("fr", "Nous avons détecté une connexion inhabituelle sur votre compte."),
    ("fr", "Ne répondez pas à ces courriels et changez votre mot de passe."),
    ("it", "I truffatori affermano di aver registrato un video con la webcam. Non pagate."),
    ("it", "Abbiamo rilevato un accesso insolito al tuo account."),
    ("nl", "Oplichters beweren dat ze je via je webcam hebben gefilmd. Betaal niet."),
    ("nl", "We hebben ongebruikelijke activiteit op je account gedetecteerd."),
    ("es", "Los estafadores afirman haber grabado a la víctima con la cámara. No pagues."),
    ("es", "Hemos detectado un inicio de sesión inusual en tu cuenta."),
    ("pt", "Os golpistas alegam ter gravado a vítima pela webcam. Não pague."),
    ("pt", "Detectamos um acesso incomum na sua conta."),
    ("cs", "Podvodníci tvrdí, že vás natočili přes webkameru. Neplaťte."),
    ("cs", "Zaznamenali jsme neobvyklé přihlášení k vašemu účtu."),
    ("pl", "Oszuści twierdzą, że nagrali ofiarę kamerą. Nie płać."),
    ("pl", "Wykryliśmy nietypowe logowanie na Twoje konto."),
    ("da", "Svindlerne påstår, at de har filmet dig gennem dit webcam. Betal ikke."),
    ("da", "Vi har registreret et usædvanligt login på din konto."),
    ("no", "Svindlerne påstår at de har filmet deg med webkameraet. Ikke betal."),
    ("no", "Vi har oppdaget en uvanlig pålogging på kontoen din."),
    ("sv", "Bedragarna påstår att de har filmat dig med webbkameran. Betala inte."),
    ("sv", "Vi har upptäckt en ovanlig inloggning på ditt konto."),
    ("fi", "Huijarit väittävät kuvanneensa uhrin webkameralla. Älä maksa."),
    ("fi", "Havaitsimme epätavallisen kirjautumisen tilillesi."),
    (
        "de",
        "Die Täter drohen, das angebliche Video an alle Kontakte zu schicken. Löschen Sie die E-Mail.",
    ),
    (
        "de",
        "Antworten Sie nicht: Die Absenderadresse ist gefälscht, es ist sinnlos, dort nachzufragen.",
    ),
    ("de", "Zögern Sie nicht, die Polizei einzuschalten, wenn Sie so eine Nachricht bekommen."),
    (
        "fr",
        "Les escrocs menacent d'envoyer la vidéo à tous vos contacts. Ne payez pas et portez plainte.",
    ),
    ("fr", "Le mot de passe cité dans le message vient d'une ancienne fuite de données."),
    ("fr", "N'hésitez pas à contacter la police si vous recevez ce genre de message."),
    (
        "it",
        "I truffatori minacciano di inviare il video a tutti i contatti della vittima. Non pagate.",
    ),
    (
        "it",
        "La password indicata nella mail proviene da una vecchia fuga di dati: cambiate la password.",
    ),
    ("it", "Non esitate a contattare la polizia postale."),
    (
        "nl",
        "Oplichters dreigen de video naar al je contacten te sturen. Betaal niet en doe aangifte.",
    ),
    ("nl", "Het wachtwoord in de mail komt uit een oud datalek. Wijzig je wachtwoord."),
    ("nl", "Aarzel niet om contact op te nemen met de politie."),
    (
        "es",
        "Los delincuentes amenazan con enviar el video a todos tus contactos. No pagues y denuncia.",
    ),
    (
        "es",
        "La contraseña que aparece en el correo procede de una filtración antigua. Cambia tu contraseña.",
    ),
    ("es", "No dudes en contactar con la policía si recibes un mensaje así."),
    ("pt", "Os criminosos ameaçam enviar o vídeo para todos os contatos da vítima. Não pague."),
    ("pt", "A senha citada no e-mail vem de um vazamento antigo. Altere sua senha."),
    ("pt", "Não hesite em procurar a polícia."),
    ("cs", "Podvodníci vyhrožují, že video pošlou všem kontaktům oběti. Neplaťte."),
    ("cs", "Heslo v e-mailu pochází ze starého úniku dat. Změňte heslo."),
    ("pl", "Oszuści grożą, że wyślą nagranie wszystkim znajomym ofiary. Nie płać i zgłoś sprawę."),
    ("pl", "Hasło w wiadomości pochodzi z dawnego wycieku danych. Zmień hasło."),
    ("da", "Svindlerne truer med at sende videoen til alle offerets kontakter. Betal ikke."),
    ("da", "Adgangskoden i mailen stammer fra et gammelt datalæk. Skift din adgangskode."),
    ("no", "Svindlerne truer med å sende videoen til alle kontaktene til offeret. Ikke betal."),
    ("no", "Passordet i e-posten kommer fra en gammel datalekkasje. Bytt passord."),
    ("sv", "Bedragarna hotar att skicka videon till alla offrets kontakter. Betala inte."),
    ("sv", "Lösenordet i mejlet kommer från ett gammalt dataintrång. Byt lösenord."),
    ("fi", "Huijarit uhkaavat lähettää videon kaikille uhrin yhteystiedoille. Älä maksa."),
    ("fi", "Viestin salasana on peräisin vanhasta tietovuodosta. Vaihda salasana."),
    ("de", "So sehen Sie ein Video im Split-Screen-Modus auf dem Handy an."),
    ("de", "Sichern Sie Ihre Kontakte regelmäßig, so wird nichts gespeichert, was verloren geht."),
    ("de", "Wie man Bitcoin kauft: ein Ratgeber für Einsteiger."),
]


@pytest.mark.parametrize(("lang", "text"), WARNINGS_AND_NOTICES)
def test_warnings_news_and_notices_stay_calm(lang: str, text: str) -> None:
    report = analyze_text(text)
    assert not report.risk.flagged, (lang, report.findings)


def test_a_language_read_only_by_rules_is_flagged_but_not_assessed() -> None:
    text = (
        "Dobrý den. Před několika měsíci jsem nainstaloval malware do vašeho počítače. "
        "Natočil jsem vás přes webkameru, když jste sledoval porno. Pokud nezaplatíte "
        "15000 Kč v bitcoinech, pošlu to video všem vašim kontaktům."
    )
    report = analyze_text(text)
    assert report.risk.flagged
    # Czech is not a supported language: what a rule finds is reported, but a
    # message no rule reads stays "unknown", never "none".
    assert report.risk.assessed is False


def test_a_deadline_alone_stays_below_an_alert_but_counts_with_the_claim() -> None:
    alone = analyze_text("Sie haben 48 Stunden Zeit, das Video anzusehen.")
    assert not alone.risk.flagged
    both = analyze_text(
        "Ab dem Moment, in dem Sie diese E-Mail geöffnet haben, haben Sie 48 Stunden, "
        "um 900 € in Bitcoin zu zahlen, sonst geht das Video an alle Ihre Kontakte."
    )
    assert {"deadline", "hacking_claim", "payment_demand"} <= {str(t) for t in both.tactics()}
