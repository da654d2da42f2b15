"""The shapes of a WhatsApp "Export chat" text file, in the languages we read.

Kept apart from the importer so the tables (what "<Media omitted>" or "This
message was deleted" says in each language) can grow without touching logic.
"""

from __future__ import annotations

import re

from unsnare.importers.whatsapp_clock import DAY_PERIODS, PREFIX_PERIODS
from unsnare.models import SystemEvent

# Invisible marks WhatsApp puts around headers and names: U+200E/U+200F (iOS,
# right-to-left chats), U+202A-U+202E embeddings, U+FEFF (a BOM mid-file after
# concatenation), U+2068/U+2069 isolates.
INVISIBLE = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff\u2066\u2067\u2068\u2069"
_STRIP_INVISIBLE = str.maketrans("", "", INVISIBLE)


def strip_invisible(text: str) -> str:
    """Remove direction and BOM marks (never visible characters)."""
    return text.translate(_STRIP_INVISIBLE)


# A date: 28/04/2021, 4/28/21, 28.04.21, 28-04-2021, 2021-04-28, "2021. 4. 28."
# (a space after the separator in ko/hu; a trailing dot in some locales). The
# separator must repeat; a one-digit last part is only a day (year-first, zh
# "2021/4/8"), which the reader checks. Right-to-left chats put U+200F before the separators.
# `\d` is any Unicode digit: Arabic-Indic (٠-٩) and Persian (۰-۹) digits match
# and `int()` reads them.
_DATE = (
    r"(?P<a>\d{1,4})\u200f?(?P<sep>[./-]) ?\u200f?(?P<b>\d{1,2})\u200f?(?P=sep) ?\u200f?"
    r"(?P<c>\d{1,4})\.?"
)
# Between date and time: ", " (en), "، " (ar), " " (fr, pt, tr), " à " (fr), " klo " (fi).
_JOIN = r"(?:[,،]\s?|\s)(?:(?:à|klo|um|kl\.|om|alle|às|a las|в)\s)?"

_WORDS = "|".join(re.escape(w) for w in sorted(DAY_PERIODS, key=len, reverse=True))
_PREFIXES = "|".join(map(re.escape, PREFIX_PERIODS))


def _first_letters(words: dict[str, str]) -> str:
    """A lookahead on the words' first letters: lines without a marker skip the
    alternation at once (measured: the unguarded words tripled the header sweep)."""
    firsts = {w[0] for w in words} | {w[0].upper() for w in words}
    return "(?=[" + re.escape("".join(sorted(firsts))) + "])"


# 12-hour markers: AM, am, a.m., a. m., or a day period; before them a space,
# U+202F or U+00A0.
_TIME = (
    r"(?:" + _first_letters(PREFIX_PERIODS) + r"(?P<pre>" + _PREFIXES + r") ?)?"
    r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?:[:.](?P<s>\d{2}))?"
    r"(?:[ \u202f\u00a0]?(?P<ap>[AaPp]\.?[ \u202f\u00a0]?[Mm]\.?|"
    + _first_letters(DAY_PERIODS)
    + r"(?i:"
    + _WORDS
    + r")))?"
)
# Vietnamese puts the time first: "21:25:15, 28/4/2021" or "21:25 28/4/2021".
_STAMPS = {
    False: r"(?P<stamp>(?P<date>" + _DATE + ")" + _JOIN + _TIME + ")",
    True: r"(?P<stamp>" + _TIME + r"(?:[,،]\s?|\s)(?P<date>" + _DATE + "))",
}


class Layout:
    """The compiled header patterns for one order of date and time in the stamp."""

    def __init__(self, time_first: bool) -> None:
        stamp = _STAMPS[time_first]
        ios = r"\[" + stamp + r"\][ \u202f\u00a0]"
        android = stamp + r"[ \u202f\u00a0][-–][ \u202f\u00a0]"
        self.time_first = time_first
        self.ios_header = re.compile(ios + r"(?P<rest>.*)", re.S)
        self.android_header = re.compile(android + r"(?P<rest>.*)", re.S)
        # The same, found in a whole block of lines at once (re.M: "^" is a line start).
        self.ios_line = re.compile("^[" + INVISIBLE + "]*" + ios + r"(?P<rest>[^\n]*)", re.M)
        self.android_line = re.compile(
            "^[" + INVISIBLE + "]*" + android + r"(?P<rest>[^\n]*)", re.M
        )
        # Both layouts at once, for scanning whole blocks of text (re.M): the
        # opening bracket decides whether "]" or " - " must follow the time.
        self.scan_header = re.compile(
            "^["
            + INVISIBLE
            + r"]*(\[)?"
            + stamp
            + r"(?(1)\]|[ \u202f\u00a0][-–])[ \u202f\u00a0](?P<rest>[^\n]{0,82})",
            re.M,
        )


DATE_FIRST = Layout(time_first=False)
TIME_FIRST = Layout(time_first=True)
LAYOUTS = (DATE_FIRST, TIME_FIRST)
# The usual (date-first) patterns under their historical names.
IOS_HEADER = DATE_FIRST.ios_header
ANDROID_HEADER = DATE_FIRST.android_header
IOS_LINE = DATE_FIRST.ios_line
ANDROID_LINE = DATE_FIRST.android_line
SCAN_HEADER = DATE_FIRST.scan_header

# Android "<file name> (file attached)", translated.
FILE_ATTACHED = (
    "file attached",
    "Datei angehängt",
    "fichier joint",
    "archivo adjunto",
    "file allegato",
    "arquivo anexado",
    "ficheiro anexado",
    "bestand bijgevoegd",
    "tiedosto liitetty",
    "файл добавлен",
    "файл прикреплен",
    "dosya ekli",
)
ANDROID_ATTACHED = re.compile(
    r"^(?P<file>.+?\.[A-Za-z0-9]{1,6}) \((?:" + "|".join(map(re.escape, FILE_ATTACHED)) + r")\)$"
)
# iOS "<attached: 00000042-PHOTO-2024-01-05-10-00-30.jpg>", translated label.
IOS_ATTACHED = re.compile(r"^<(?P<label>[^<>:]{2,30}?) ?: (?P<file>[^<>]+\.[A-Za-z0-9]{1,6})>$")

# Android "<Media omitted>", translated. The media kind is unknown.
MEDIA_OMITTED = {
    "<Media omitted>",
    "<Medien ausgeschlossen>",
    "<Médias omis>",
    "<Multimedia omitido>",
    "<Media omessi>",
    "<Mídia oculta>",
    "<Multimédia omitido>",
    "<Media weggelaten>",
    "<Media jätetty pois>",
    "<Без медиафайлов>",
    "<Medya dahil edilmedi>",
    "<تم استبعاد الوسائط>",
}
# iOS "image omitted" and friends, translated; value is the media kind.
_OMITTED_WORDS: dict[str, tuple[str, ...]] = {
    "image": (
        "image omitted",
        "Bild weggelassen",
        "image absente",
        "imagen omitida",
        "immagine omessa",
        "imagem ocultada",
        "afbeelding weggelaten",
        "kuva jätetty pois",
        "изображение отсутствует",
        "görüntü dahil edilmedi",
        "photo omitted",
        "hình ảnh bị bỏ qua",
        "تم استبعاد الصورة",
    ),
    "video": (
        "video omitted",
        "Video weggelassen",
        "vidéo absente",
        "video omitido",
        "video omesso",
        "vídeo ocultado",
        "video weggelaten",
        "video jätetty pois",
        "видео отсутствует",
        "video dahil edilmedi",
    ),
    "audio": (
        "audio omitted",
        "Audio weggelassen",
        "audio omis",
        "audio omitido",
        "audio omesso",
        "áudio ocultado",
        "audio weggelaten",
        "ääni jätetty pois",
        "аудио отсутствует",
        "ses dahil edilmedi",
    ),
    "sticker": (
        "sticker omitted",
        "Sticker weggelassen",
        "sticker omis",
        "sticker omitido",
        "sticker omesso",
        "figurinha omitida",
        "sticker weggelaten",
        "tarra jätetty pois",
        "стикер отсутствует",
        "çıkartma dahil edilmedi",
    ),
    "gif": (
        "GIF omitted",
        "GIF weggelassen",
        "GIF retiré",
        "GIF omitido",
        "GIF omessa",
        "GIF omitido",
        "GIF weggelaten",
        "GIF jätetty pois",
        "GIF отсутствует",
        "GIF dahil edilmedi",
    ),
    "document": (
        "document omitted",
        "Dokument weggelassen",
        "document absent",
        "documento omitido",
        "documento omesso",
        "document weggelaten",
        "asiakirja jätetty pois",
        "документ отсутствует",
        "belge dahil edilmedi",
    ),
}
# Exact text only: a person who types "Image Omitted" wrote a message.
MEDIA_KIND_OMITTED = {w: kind for kind, ws in _OMITTED_WORDS.items() for w in ws}


def is_marker(text: str) -> bool:
    """Whether a whole message body is one of WhatsApp's placeholder texts."""
    t = text.strip()
    return (
        t in MEDIA_OMITTED
        or t in MEDIA_KIND_OMITTED
        or t.casefold() in DELETED
        or t.casefold() in CALLS
        or t.endswith(EDITED_SUFFIXES)
    )


# "<This message was edited>" appended to edited messages (2023+).
EDITED_SUFFIXES = (
    "<This message was edited>",
    "<Diese Nachricht wurde bearbeitet>",
    "<Ce message a été modifié>",
    "<Se editó este mensaje.>",
    "<Questo messaggio è stato modificato>",
    "<Mensagem editada>",
    "<Dit bericht is bewerkt>",
    "<Tätä viestiä on muokattu>",
    "<Сообщение изменено>",
    "<Bu mesaj düzenlendi>",
)

# Texts that are the whole body of a deleted message, from the sender or you.
DELETED = {
    t.casefold()
    for t in (
        "This message was deleted",
        "You deleted this message",
        "This message was deleted.",
        "Diese Nachricht wurde gelöscht.",
        "Diese Nachricht wurde gelöscht",
        "Du hast diese Nachricht gelöscht.",
        "Ce message a été supprimé",
        "Vous avez supprimé ce message",
        "Se eliminó este mensaje.",
        "Eliminaste este mensaje.",
        "Questo messaggio è stato eliminato",
        "Hai eliminato questo messaggio",
        "Mensagem apagada",
        "Esta mensagem foi apagada",
        "Você apagou esta mensagem",
        "Dit bericht is verwijderd",
        "Je hebt dit bericht verwijderd",
        "Tämä viesti poistettiin",
        "Poistit tämän viestin",
        "Данное сообщение удалено",
        "Вы удалили данное сообщение",
        "Bu mesaj silindi",
        "Bu mesajı sildiniz",
    )
}
# Calls logged as a message from the caller.
CALLS = {
    t.casefold()
    for t in (
        "Missed voice call",
        "Missed video call",
        "Voice call",
        "Video call",
        "Verpasster Sprachanruf",
        "Verpasster Videoanruf",
        "Appel vocal manqué",
        "Appel vidéo manqué",
        "Llamada perdida",
        "Videollamada perdida",
        "Chiamata vocale persa",
        "Videochiamata persa",
        "Chamada de voz perdida",
        "Chamada de vídeo perdida",
        "Gemiste spraakoproep",
        "Gemiste videogesprek",
        "Vastaamaton äänipuhelu",
        "Vastaamaton videopuhelu",
        "Пропущенный аудиозвонок",
        "Пропущенный видеозвонок",
        "Cevapsız sesli arama",
        "Cevapsız görüntülü arama",
    )
}


_EVENT_LENGTHS = {len(t) for t in DELETED | CALLS}


def body_event(text: str) -> SystemEvent | None:
    """The system event a whole message body stands for (deleted, call), if any."""
    if len(text) not in _EVENT_LENGTHS and text[:1] not in INVISIBLE and text[-1:] != " ":
        return None  # the usual case, decided without building a lower-case copy
    low = text.casefold().strip(INVISIBLE + " ")
    if low in DELETED:
        return SystemEvent.DELETED
    if low in CALLS:
        return SystemEvent.CALL
    return None


# Keywords that classify a system line (a header with no "Name: "). Matched
# case-insensitively anywhere in the line; first table entry that hits wins.
SYSTEM_KEYWORDS: tuple[tuple[SystemEvent, tuple[str, ...]], ...] = (
    (
        SystemEvent.ENCRYPTION_NOTICE,
        (
            "end-to-end encrypted",
            "ende-zu-ende-verschlüsselt",
            "chiffrés de bout en bout",
            "cifrados de extremo a extremo",
            "crittografia end-to-end",
            "ponta a ponta",
            "end-to-end versleuteld",
            "päästä päähän",
            "сквозным шифрованием",
            "uçtan uca",
            "mã hóa đầu cuối",
            "مشفرة تمامًا",
            "رمزگذاری سرتاسری",
        ),
    ),
    (
        SystemEvent.SECURITY_CODE,
        (
            "security code",
            "sicherheitsnummer",
            "code de sécurité",
            "código de seguridad",
            "codice di sicurezza",
            "código de segurança",
            "beveiligingscode",
            "turvakoodi",
            "код безопасности",
            "güvenlik kodu",
        ),
    ),
    (
        SystemEvent.DELETED,
        (
            "message was deleted",
            "nachricht wurde gelöscht",
            "a été supprimé",
            "eliminó este mensaje",
            "è stato eliminato",
            "mensagem apagada",
            "is verwijderd",
            "poistettiin",
            "сообщение удалено",
            "mesaj silindi",
        ),
    ),
    (
        SystemEvent.CALL,
        (
            "call",
            "anruf",
            "appel",
            "llamada",
            "chiamata",
            "chamada",
            "oproep",
            "puhelu",
            "звонок",
            "arama",
        ),
    ),
    (
        SystemEvent.GROUP_EVENT,
        (
            "created group",
            "added",
            "removed",
            "left",
            "joined",
            "changed the subject",
            "changed this group",
            "changed the group",
            "group description",
            "admin",
            "hat die gruppe",
            "hinzugefügt",
            "entfernt",
            "verlassen",
            "beigetreten",
            "a créé le groupe",
            "a ajouté",
            "a retiré",
            "est parti",
            "a rejoint",
            "creó el grupo",
            "añadió",
            "eliminó a",
            "salió",
            "se unió",
            "ha creato il gruppo",
            "ha aggiunto",
            "ha rimosso",
            "è uscito",
            "si è unito",
            "criou o grupo",
            "adicionou",
            "removeu",
            "saiu",
            "entrou",
            "heeft groep",
            "toegevoegd",
            "verwijderd",
            "heeft de groep verlaten",
            "neemt deel",
            "loi ryhmän",
            "lisäsi",
            "poisti",
            "poistui",
            "liittyi",
            "создал",
            "добавил",
            "удалил",
            "вышел",
            "присоединил",
            "grubu oluşturdu",
            "ekledi",
            "çıkardı",
            "ayrıldı",
            "katıldı",
        ),
    ),
)


def classify_system(text: str) -> SystemEvent:
    """Which kind of system line this is, from its words."""
    low = text.casefold()
    for event, words in SYSTEM_KEYWORDS:
        if any(w in low for w in words):
            return event
    return SystemEvent.OTHER
