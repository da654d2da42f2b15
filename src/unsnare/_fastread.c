/* The WhatsApp reader's two passes over the common lines, in C (issue 17).
 *
 * Why C: reading a 1,000,000-message export in Python spent ~7 us a message in
 * the two passes, twice what the fastest JavaScript reader takes for the whole
 * file. Here only the lines whose header has the export's usual fixed shape
 * are read (a "template": the first header's characters, with its date and
 * time digits as ASCII-digit slots, e.g. "dd/dd/dddd, dd:dd - "). A line that
 * fits the template is the same header for the Python regex, with the same
 * groups: every character the pattern tests is fixed by the template, and its
 * tests never tell one ASCII digit from another.
 *
 * Everything else is handed back to the Python code of unsnare/importers/
 * whatsapp.py, which stays the reference: a line that might be a header of
 * another shape (it starts with a digit, "[" or a non-ASCII character) is
 * matched with the very regex the pure-Python reader uses, and any header
 * that is not plain (a new date, an impossible date, a name that needs
 * cleaning or a name with ": " in it) goes to the Python code for that line.
 * Messages that are not plain text from a known sender (attachments,
 * system lines, edits, events, first sighting of a sender) are built by the
 * Python builder. tests/importers/test_whatsapp_fast.py checks both paths agree.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <datetime.h>

#define MAX_NAME 82 /* _MAX_NAME + 2: ": " is looked for in the first 82 characters */
#define SLOTS 14

typedef struct {
    Py_ssize_t len;
    int kind;
    const void *data;
    const char *mask;
    /* a, b, c, h, mi, s, date: start and end, relative to the line start; s0 < 0 if none */
    Py_ssize_t sp[SLOTS];
} Tmpl;

enum { A0, A1, B0, B1, C0, C1, H0, H1, M0, M1, S0, S1, D0, D1 };

static int
parse_tmpl(PyObject *t, Tmpl *T)
{
    PyObject *prefix, *mask, *spans;
    if (!PyArg_ParseTuple(t, "UO!O!", &prefix, &PyBytes_Type, &mask, &PyTuple_Type, &spans)) {
        return -1;
    }
    T->len = PyUnicode_GET_LENGTH(prefix);
    if (PyBytes_GET_SIZE(mask) != T->len || PyTuple_GET_SIZE(spans) != SLOTS) {
        PyErr_SetString(PyExc_ValueError, "template: mask or spans of the wrong size");
        return -1;
    }
    T->kind = PyUnicode_KIND(prefix);
    T->data = PyUnicode_DATA(prefix);
    T->mask = PyBytes_AS_STRING(mask);
    for (int i = 0; i < SLOTS; i++) {
        T->sp[i] = PyLong_AsSsize_t(PyTuple_GET_ITEM(spans, i));
        if (T->sp[i] == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (T->sp[i] > T->len) {
            PyErr_SetString(PyExc_ValueError, "template: span past the prefix");
            return -1;
        }
    }
    return 0;
}

/* Whether the line [pos, end) starts with the template's shape. */
static inline int
fits(const Tmpl *T, int kind, const void *data, Py_ssize_t pos, Py_ssize_t end)
{
    if (end - pos < T->len) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < T->len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, pos + i);
        if (T->mask[i]) {
            if (ch < '0' || ch > '9') {
                return 0;
            }
        }
        else if (ch != PyUnicode_READ(T->kind, T->data, i)) {
            return 0;
        }
    }
    return 1;
}

static inline long
number(int kind, const void *data, Py_ssize_t a, Py_ssize_t b)
{
    long v = 0;
    for (Py_ssize_t i = a; i < b; i++) {
        v = v * 10 + (long)(PyUnicode_READ(kind, data, i) - '0');
    }
    return v;
}

/* The index of the next "\n" at or after pos, or n. */
static inline Py_ssize_t
find_newline(int kind, const void *data, Py_ssize_t pos, Py_ssize_t n)
{
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *p = (const Py_UCS1 *)data;
        const Py_UCS1 *hit = memchr(p + pos, '\n', (size_t)(n - pos));
        return hit ? hit - p : n;
    }
    if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *p = (const Py_UCS2 *)data;
        while (pos < n && p[pos] != '\n') {
            pos++;
        }
        return pos;
    }
    const Py_UCS4 *p = (const Py_UCS4 *)data;
    while (pos < n && p[pos] != '\n') {
        pos++;
    }
    return pos;
}

/* Could the regex match a header here? Only lines starting with an ASCII digit,
 * "[" or a non-ASCII character (digits of other scripts, invisible marks,
 * CJK day periods) can be one. */
static inline int
maybe_header(Py_UCS4 ch)
{
    return ch >= 0x80 || (ch >= '0' && ch <= '9') || ch == '[';
}

/* The first ": " in [from, limit), -1 if none. */
static inline Py_ssize_t
find_colon(int kind, const void *data, Py_ssize_t from, Py_ssize_t limit)
{
    for (Py_ssize_t i = from; i + 1 < limit; i++) {
        if (PyUnicode_READ(kind, data, i) == ':' && PyUnicode_READ(kind, data, i + 1) == ' ') {
            return i;
        }
    }
    return -1;
}

static inline int
all_ascii(int kind, const void *data, Py_ssize_t a, Py_ssize_t b)
{
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *p = (const Py_UCS1 *)data;
        for (Py_ssize_t i = a; i < b; i++) {
            if (p[i] >= 0x80) {
                return 0;
            }
        }
        return 1;
    }
    for (Py_ssize_t i = a; i < b; i++) {
        if (PyUnicode_READ(kind, data, i) >= 0x80) {
            return 0;
        }
    }
    return 1;
}

static inline int
is_invisible(PyObject *invisible, Py_UCS4 ch)
{
    return ch >= 0x80 &&
           PyUnicode_FindChar(invisible, ch, 0, PyUnicode_GET_LENGTH(invisible), 1) >= 0;
}

/* counter[key] += 1 when key is counted already or the counter has room (as _scan does). */
static int
bump(PyObject *counter, PyObject *key, Py_ssize_t cap)
{
    PyObject *v = PyDict_GetItemWithError(counter, key);
    PyObject *nv;
    if (v == NULL) {
        if (PyErr_Occurred()) {
            return -1;
        }
        if (PyDict_GET_SIZE(counter) >= cap) {
            return 0;
        }
        nv = PyLong_FromLong(1);
    }
    else {
        nv = PyLong_FromLong(PyLong_AsLong(v) + 1);
    }
    if (nv == NULL) {
        return -1;
    }
    int r = PyDict_SetItem(counter, key, nv);
    Py_DECREF(nv);
    return r;
}

/* ---------------------------------------------------------------- first pass */

/* wa_scan(ctx, block) -> (bracketed, plain): counts of the header lines read here.
 *
 * ctx = (template, bracketed, scan_header.match, on_match, seen, names, extended, cap,
 *        INVISIBLE).
 * A template line whose date was seen and whose name part is ASCII is counted
 * here; every other header line goes to on_match(scan_header.match(block, pos)).
 */
static PyObject *
wa_scan(PyObject *module, PyObject *args)
{
    PyObject *ctx, *block, *tmpl, *match, *on_match, *seen, *names, *extended, *invisible;
    int bracketed;
    Py_ssize_t cap;
    Tmpl T;
    if (!PyArg_ParseTuple(args, "O!U", &PyTuple_Type, &ctx, &block)) {
        return NULL;
    }
    if (!PyArg_ParseTuple(ctx, "OpOOO!O!O!nU", &tmpl, &bracketed, &match, &on_match, &PySet_Type,
                          &seen, &PyDict_Type, &names, &PyDict_Type, &extended, &cap,
                          &invisible)) {
        return NULL;
    }
    if (parse_tmpl(tmpl, &T) < 0) {
        return NULL;
    }
    int kind = PyUnicode_KIND(block);
    const void *data = PyUnicode_DATA(block);
    Py_ssize_t n = PyUnicode_GET_LENGTH(block);
    Py_ssize_t counted = 0;
    Py_ssize_t pos = 0;
    while (pos < n) {
        Py_ssize_t eol = find_newline(kind, data, pos, n);
        int mine = 0;
        if (fits(&T, kind, data, pos, eol)) {
            PyObject *key = PyUnicode_Substring(block, pos + T.sp[D0], pos + T.sp[D1]);
            if (key == NULL) {
                return NULL;
            }
            int known = PySet_Contains(seen, key);
            Py_DECREF(key);
            if (known < 0) {
                return NULL;
            }
            Py_ssize_t r0 = pos + T.len;
            Py_ssize_t r1 = eol < r0 + MAX_NAME ? eol : r0 + MAX_NAME;
            if (known || PySet_GET_SIZE(seen) >= cap) {
                /* The candidate names (see _name_candidates): where each ends. */
                Py_ssize_t ends[4], found = 0, start = r0;
                while (found < 4) {
                    Py_ssize_t i = find_colon(kind, data, start, r1);
                    if (i < 0) {
                        break;
                    }
                    if (found) {
                        Py_ssize_t plen = i - start;
                        int bad = plen == 0 || plen > 30 || is_invisible(invisible,
                            PyUnicode_READ(kind, data, start));
                        for (Py_ssize_t k = start; !bad && k < i; k++) {
                            Py_UCS4 ch = PyUnicode_READ(kind, data, k);
                            bad = ch == '<' || ch == '>' || ch == '/' || ch == 0x200e;
                        }
                        if (bad) {
                            break;
                        }
                    }
                    ends[found++] = i;
                    start = i + 2;
                }
                /* Names with other characters are cleaned by the Python code. */
                mine = found == 0 || all_ascii(kind, data, r0, ends[found - 1]);
                for (Py_ssize_t k = 0; mine && k < found; k++) {
                    PyObject *name = PyUnicode_Substring(block, r0, ends[k]);
                    if (name == NULL) {
                        return NULL;
                    }
                    int r = bump(k ? extended : names, name, cap);
                    Py_DECREF(name);
                    if (r < 0) {
                        return NULL;
                    }
                }
            }
        }
        else if (pos < n && !maybe_header(PyUnicode_READ(kind, data, pos))) {
            mine = -1; /* not a header for any layout */
        }
        if (mine > 0) {
            counted++;
        }
        else if (mine == 0) {
            PyObject *m = PyObject_CallFunction(match, "On", block, pos);
            if (m == NULL) {
                return NULL;
            }
            if (m != Py_None) {
                PyObject *r = PyObject_CallOneArg(on_match, m);
                if (r == NULL) {
                    Py_DECREF(m);
                    return NULL;
                }
                Py_DECREF(r);
            }
            Py_DECREF(m);
        }
        pos = eol + 1;
    }
    return Py_BuildValue("nn", bracketed ? counted : 0, bracketed ? 0 : counted);
}

/* --------------------------------------------------------------- second pass */

typedef struct {
    PyObject *match, *zone, *senders, *split, *long_by_first, *names;
    PyObject *participants, *events, *omitted, *build, *orphan;
    PyObject *msg_cls, *msg_descr, *src_cls, *src_descr, *sha, *file_name;
    PyObject *kind_message, *kind_system, *deleted, *invisible, *empty_tuple;
    PyObject *evlen, *body_event, *omlen, *media_omitted, *omitted_att, *edited, *edit_strip;
    PyObject *ev_first, *ev_last, *deleted_texts, *call_texts, *call;
    int order, long_names, events_bmp;
    Tmpl T;
} Ctx;

/* A new cls (a frozen, slotted dataclass) with its slots set to values.
 *
 * The value is then untracked by the cycle collector: a Message or a Source
 * holds only immutable values (text, times, enums, tuples of attachments)
 * that never lead back to it, so it cannot be part of a cycle, and a full
 * collection (one runs at exit) no longer walks a million of them (measured:
 * about a fifth of `read_export`'s whole process on 1M messages). What it
 * holds stays alive through it as before. */
static PyObject *
make(PyObject *cls, PyObject *descr, PyObject **values)
{
    PyTypeObject *type = (PyTypeObject *)cls;
    PyObject *obj = type->tp_alloc(type, 0);
    if (obj == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(descr);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *d = PyTuple_GET_ITEM(descr, i);
        descrsetfunc set = Py_TYPE(d)->tp_descr_set;
        if (set == NULL || set(d, obj, values[i]) < 0) {
            if (set == NULL) {
                PyErr_SetString(PyExc_TypeError, "not a slot descriptor");
            }
            Py_DECREF(obj);
            return NULL;
        }
    }
    if (PyObject_IS_GC(obj) && PyObject_GC_IsTracked(obj)) {
        PyObject_GC_UnTrack(obj);
    }
    return obj;
}

static int
blank(PyObject *s)
{
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) {
            return 0;
        }
    }
    return 1;
}

/* _Reader's pending tuple (line, time, sender, lines): `lines` when the message
 * has more than its first line (NULL otherwise), else a new list of `first`. */
static PyObject *
pending_tuple(Py_ssize_t lineno, PyObject *when, PyObject *sender, PyObject *first,
              PyObject *lines)
{
    return lines ? Py_BuildValue("(nOOO)", lineno, when, sender, lines)
                 : Py_BuildValue("(nOO[O])", lineno, when, sender, first);
}

/* body_event(text) when it can be told here, without the Python function:
 * a borrowed SystemEvent or None; NULL when the function must answer (or on
 * an error, then set). body_event compares text.casefold(), with spaces and
 * invisible marks stripped, with the event texts. Here an ASCII first or
 * last character of what is left must start or end an event text (ev_first,
 * ev_last: 128 flags each; ASCII folds to its lower case), and it must hold
 * no character past U+FFFF; then, when it is all ASCII, its lower case is
 * looked up. Measured on 1M messages: 200,000
 * calls of body_event (~0.15 s), nearly all of them for ordinary texts that
 * have an event text's length. */
static PyObject *
quick_event(Ctx *c, int kind, const void *data, Py_ssize_t n)
{
    Py_ssize_t a = 0, z = n;
    while (a < z && (PyUnicode_READ(kind, data, a) == ' ' ||
                     is_invisible(c->invisible, PyUnicode_READ(kind, data, a)))) {
        a++;
    }
    while (z > a && (PyUnicode_READ(kind, data, z - 1) == ' ' ||
                     is_invisible(c->invisible, PyUnicode_READ(kind, data, z - 1)))) {
        z--;
    }
    if (a == z) {
        return Py_None; /* "" is no event text */
    }
    Py_UCS4 first = PyUnicode_READ(kind, data, a), last = PyUnicode_READ(kind, data, z - 1);
    if ((first < 128 && !PyBytes_AS_STRING(c->ev_first)[Py_TOLOWER(first)]) ||
        (last < 128 && !PyBytes_AS_STRING(c->ev_last)[Py_TOLOWER(last)])) {
        return Py_None;
    }
    if (kind == PyUnicode_4BYTE_KIND && c->events_bmp) {
        /* A character past U+FFFF (most emoji) folds to characters past it,
         * and no event text has one (tests/importers/test_whatsapp_fast.py
         * checks both for this Python's Unicode tables). */
        for (Py_ssize_t i = a; i < z; i++) {
            if (PyUnicode_READ(kind, data, i) > 0xFFFF) {
                return Py_None;
            }
        }
    }
    if (!all_ascii(kind, data, a, z)) {
        return NULL;
    }
    PyObject *low = PyUnicode_New(z - a, 127);
    if (low == NULL) {
        return NULL;
    }
    Py_UCS1 *out = PyUnicode_1BYTE_DATA(low);
    for (Py_ssize_t i = a; i < z; i++) {
        out[i - a] = (Py_UCS1)Py_TOLOWER(PyUnicode_READ(kind, data, i));
    }
    int r = PySet_Contains(c->deleted_texts, low);
    PyObject *event = r > 0 ? c->deleted : Py_None;
    if (r == 0) {
        r = PySet_Contains(c->call_texts, low);
        event = r > 0 ? c->call : Py_None;
    }
    Py_DECREF(low);
    return r < 0 ? NULL : event;
}

/* _Reader._build for a plain message (text from a known sender, no marker,
 * attachment, edit or event); anything else goes to the Python builder. */
static PyObject *
build(Ctx *c, Py_ssize_t lineno, PyObject *when, PyObject *sender, PyObject *first,
      PyObject *lines)
{
    /* lines: every line of the message, or NULL when it has only `first` */
    Py_ssize_t nl = lines ? PyList_GET_SIZE(lines) : 1;
    while (nl > 1 && blank(PyList_GET_ITEM(lines, nl - 1))) {
        if (PyList_SetSlice(lines, nl - 1, nl, NULL) < 0) {
            return NULL;
        }
        nl--;
    }
    Py_ssize_t fl = PyUnicode_GET_LENGTH(first);
    int plain = sender != Py_None, media = 0, edited = 0;
    if (plain && fl) {
        int fk = PyUnicode_KIND(first);
        const void *fd = PyUnicode_DATA(first);
        Py_UCS4 f0 = PyUnicode_READ(fk, fd, 0), fz = PyUnicode_READ(fk, fd, fl - 1);
        plain = !is_invisible(c->invisible, f0);
        if (plain && fz == ')') {
            plain = 0; /* maybe "<file> (file attached)" */
        }
        else if (plain && fz == '>') {
            /* "<Media omitted>" and its translations; "<attached: file>" goes to Python */
            int r = PySet_Contains(c->media_omitted, first);
            if (r < 0) {
                return NULL;
            }
            media = r;
            plain = r || f0 != '<';
        }
    }
    if (plain && fl < PyBytes_GET_SIZE(c->omlen) && PyBytes_AS_STRING(c->omlen)[fl]) {
        int r = PyDict_Contains(c->omitted, first);
        if (r < 0) {
            return NULL;
        }
        plain = !r;
    }
    if (plain) {
        int r = PyDict_Contains(c->participants, sender);
        if (r < 0) {
            return NULL;
        }
        plain = r;
    }
    PyObject *text = NULL, *event = Py_None;
    if (plain) {
        if (nl == 1) {
            text = media ? PyUnicode_New(0, 0) : Py_NewRef(first);
        }
        else {
            PyObject *sep = PyUnicode_FromOrdinal('\n');
            PyObject *part = media ? PyList_GetSlice(lines, 1, nl) : Py_NewRef(lines);
            text = sep && part ? PyUnicode_Join(sep, part) : NULL;
            Py_XDECREF(sep);
            Py_XDECREF(part);
        }
        if (text == NULL) {
            return NULL;
        }
        Py_ssize_t tl = PyUnicode_GET_LENGTH(text);
        if (tl && PyUnicode_READ_CHAR(text, tl - 1) == '>') {
            /* "<This message was edited>": the first suffix that ends the text */
            for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(c->edited); k++) {
                PyObject *suffix = PyTuple_GET_ITEM(c->edited, k);
                Py_ssize_t sl = PyUnicode_GET_LENGTH(suffix);
                int r = PyUnicode_Tailmatch(text, suffix, 0, tl, 1);
                if (r < 0) {
                    Py_DECREF(text);
                    return NULL;
                }
                if (r) {
                    PyObject *cut = PyUnicode_Substring(text, 0, tl - sl);
                    Py_DECREF(text);
                    text = cut ? PyObject_CallMethod(cut, "rstrip", "O", c->edit_strip) : NULL;
                    Py_XDECREF(cut);
                    if (text == NULL) {
                        return NULL;
                    }
                    edited = 1;
                    break;
                }
            }
            tl = PyUnicode_GET_LENGTH(text);
        }
        int tk = PyUnicode_KIND(text);
        const void *td = PyUnicode_DATA(text);
        if (tl < PyBytes_GET_SIZE(c->evlen) && PyBytes_AS_STRING(c->evlen)[tl]) {
            event = NULL; /* a length some event text has: ask the cache */
        }
        else if (tl && (is_invisible(c->invisible, PyUnicode_READ(tk, td, 0)) ||
                        PyUnicode_READ(tk, td, tl - 1) == ' ')) {
            event = NULL;
        }
        if (plain && event == NULL) {
            event = quick_event(c, tk, td, tl);
            if (event == NULL && PyErr_Occurred()) {
                Py_DECREF(text);
                return NULL;
            }
        }
        if (plain && event == NULL) {
            event = PyDict_GetItemWithError(c->events, text);
            if (event == NULL) {
                if (PyErr_Occurred()) {
                    Py_DECREF(text);
                    return NULL;
                }
                event = PyObject_CallOneArg(c->body_event, text); /* not cached */
                if (event == NULL) {
                    Py_DECREF(text);
                    return NULL;
                }
                Py_DECREF(event); /* an enum member or None: lives on in its class */
                /* remembered as _build does: short bodies, up to 10,000 of them */
                if (tl <= 60 && PyDict_GET_SIZE(c->events) < 10000 &&
                    PyDict_SetItem(c->events, text, event) < 0) {
                    Py_DECREF(text);
                    return NULL;
                }
            }
        }
    }
    if (!plain) {
        Py_XDECREF(text);
        PyObject *p = pending_tuple(lineno, when, sender, first, lines);
        if (p == NULL) {
            return NULL;
        }
        PyObject *m = PyObject_CallOneArg(c->build, p);
        Py_DECREF(p);
        return m;
    }
    PyObject *line = PyLong_FromSsize_t(lineno);
    char idbuf[32];
    int idlen = snprintf(idbuf, sizeof(idbuf), "L%zd", lineno);
    PyObject *id = PyUnicode_FromStringAndSize(idbuf, idlen);
    PyObject *source = NULL, *msg = NULL;
    if (line && id) {
        PyObject *sv[4] = {c->sha, c->file_name, line, Py_None};
        source = make(c->src_cls, c->src_descr, sv);
    }
    if (source) {
        PyObject *kind = event == Py_None ? c->kind_message : c->kind_system;
        PyObject *deleted = event == c->deleted ? Py_True : Py_False;
        PyObject *mv[15] = {id, sender, when, text, source, kind, event,
                            media ? c->omitted_att : c->empty_tuple, Py_None, Py_None, Py_None,
                            edited ? Py_True : Py_False, Py_None, deleted, c->empty_tuple};
        msg = make(c->msg_cls, c->msg_descr, mv);
    }
    Py_XDECREF(line);
    Py_XDECREF(id);
    Py_XDECREF(source);
    Py_DECREF(text);
    return msg;
}

/* _Reader._split of the text [r0, r1) of `block` for a sender seen before
 * (new senders go to the Python split): sets *sender and *body (new references). */
static int
split(Ctx *c, PyObject *block, Py_ssize_t r0, Py_ssize_t r1, PyObject **sender,
      PyObject **body)
{
    int kind = PyUnicode_KIND(block);
    const void *data = PyUnicode_DATA(block);
    Py_ssize_t lim = r1 - r0 < MAX_NAME ? r1 : r0 + MAX_NAME;
    Py_ssize_t i = find_colon(kind, data, r0, lim);
    PyObject *name = Py_None, *raw;
    Py_ssize_t at = r0;
    if (i >= 0) {
        raw = PyUnicode_Substring(block, r0, i);
        if (raw == NULL) {
            return -1;
        }
        name = PyDict_GetItemWithError(c->senders, raw); /* borrowed */
        Py_DECREF(raw);
        if (name == NULL) {
            if (PyErr_Occurred()) {
                return -1;
            }
            goto python;
        }
        at = name == Py_None ? r0 : i + 2;
    }
    if (name != Py_None && c->long_names && find_colon(kind, data, i + 2, lim) >= 0) {
        PyObject *longs = PyDict_GetItemWithError(c->long_by_first, name);
        if (longs == NULL && PyErr_Occurred()) {
            return -1;
        }
        if (longs != NULL && PyList_Check(longs) && PyList_GET_SIZE(longs)) {
            if (!all_ascii(kind, data, r0, i)) {
                goto python;
            }
            PyObject *best = name;
            PyObject *top = PyDict_GetItemWithError(c->names, name);
            if (top == NULL && PyErr_Occurred()) {
                return -1;
            }
            PyObject *zero = PyLong_FromLong(0);
            if (zero == NULL) {
                return -1;
            }
            if (top == NULL) {
                top = zero;
            }
            for (Py_ssize_t k = 0; k < PyList_GET_SIZE(longs); k++) {
                PyObject *pair = PyList_GET_ITEM(longs, k);
                PyObject *long_name = PyTuple_GET_ITEM(pair, 0), *cnt = PyTuple_GET_ITEM(pair, 1);
                int ge = PyObject_RichCompareBool(cnt, top, Py_GE);
                if (ge < 0) {
                    Py_DECREF(zero);
                    return -1;
                }
                Py_ssize_t end = PyUnicode_GET_LENGTH(long_name);
                if (ge && r0 + end + 2 <= r1 &&
                    PyUnicode_Tailmatch(block, long_name, r0, r0 + end, -1) == 1 &&
                    PyUnicode_READ(kind, data, r0 + end) == ':' &&
                    PyUnicode_READ(kind, data, r0 + end + 1) == ' ') {
                    best = long_name;
                    at = r0 + end + 2;
                    top = cnt;
                }
            }
            Py_DECREF(zero);
            name = best;
        }
    }
    *body = PyUnicode_Substring(block, at, r1);
    if (*body == NULL) {
        return -1;
    }
    *sender = Py_NewRef(name);
    return 0;
python:;
    PyObject *rest = PyUnicode_Substring(block, r0, r1);
    if (rest == NULL) {
        return -1;
    }
    PyObject *sb = PyObject_CallOneArg(c->split, rest);
    Py_DECREF(rest);
    if (sb == NULL) {
        return -1;
    }
    if (!PyTuple_Check(sb) || PyTuple_GET_SIZE(sb) != 2) {
        Py_DECREF(sb);
        PyErr_SetString(PyExc_TypeError, "split must return (sender, body)");
        return -1;
    }
    *sender = Py_NewRef(PyTuple_GET_ITEM(sb, 0));
    *body = Py_NewRef(PyTuple_GET_ITEM(sb, 1));
    Py_DECREF(sb);
    return 0;
}

static int
days_in(long y, long m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) {
        return 29;
    }
    return days[m - 1];
}

/* wa_feed(ctx, block, pos, line, pending) -> (messages, pos, line, pending, match)
 *
 * Reads lines from `pos` (a line start; `line` is its number) until the block
 * ends, or until a header that the Python loop must read: then `match` is the
 * regex's match for it and pos is its start. `pending` is _Reader's tuple
 * (line, time, sender, lines) or None, in and out.
 */
static PyObject *
wa_feed(PyObject *module, PyObject *args)
{
    PyObject *ctx, *block, *tmpl, *pending;
    Py_ssize_t pos, line;
    Ctx c;
    if (!PyArg_ParseTuple(args, "O!UnnO", &PyTuple_Type, &ctx, &block, &pos, &line, &pending)) {
        return NULL;
    }
    if (!PyArg_ParseTuple(ctx, "OOiOO!OpO!O!O!O!O!OOOO!OO!UUOOOUO!SOSO!O!O!USSO!O!Op", &tmpl, &c.match, &c.order,
                          &c.zone, &PyDict_Type, &c.senders, &c.split, &c.long_names,
                          &PyDict_Type, &c.long_by_first, &PyDict_Type, &c.names, &PyDict_Type,
                          &c.participants, &PyDict_Type, &c.events, &PyDict_Type, &c.omitted,
                          &c.build, &c.orphan, &c.msg_cls, &PyTuple_Type, &c.msg_descr,
                          &c.src_cls, &PyTuple_Type, &c.src_descr, &c.sha, &c.file_name,
                          &c.kind_message, &c.kind_system, &c.deleted, &c.invisible,
                          &PyTuple_Type, &c.empty_tuple, &c.evlen, &c.body_event, &c.omlen,
                          &PyFrozenSet_Type, &c.media_omitted, &PyTuple_Type, &c.omitted_att,
                          &PyTuple_Type, &c.edited, &c.edit_strip, &c.ev_first, &c.ev_last,
                          &PyFrozenSet_Type, &c.deleted_texts, &PyFrozenSet_Type,
                          &c.call_texts, &c.call, &c.events_bmp)) {
        return NULL;
    }
    if (PyBytes_GET_SIZE(c.ev_first) != 128 || PyBytes_GET_SIZE(c.ev_last) != 128) {
        PyErr_SetString(PyExc_ValueError, "wa_feed: event character flags must be 128 bytes");
        return NULL;
    }
    if (parse_tmpl(tmpl, &c.T) < 0) {
        return NULL;
    }
    const Tmpl *T = &c.T;
    /* The message being read: its first line, and all its lines once it has more. */
    Py_ssize_t p_line = 0;
    PyObject *p_when = NULL, *p_sender = NULL, *p_first = NULL, *p_lines = NULL; /* owned */
    if (pending != Py_None) {
        if (!PyArg_ParseTuple(pending, "nOOO!", &p_line, &p_when, &p_sender, &PyList_Type,
                              &p_lines)) {
            return NULL;
        }
        if (PyList_GET_SIZE(p_lines) < 1) {
            PyErr_SetString(PyExc_ValueError, "a pending message has at least one line");
            return NULL;
        }
        Py_INCREF(p_when);
        Py_INCREF(p_sender);
        Py_INCREF(p_lines);
        p_first = Py_NewRef(PyList_GET_ITEM(p_lines, 0));
    }
    PyObject *msgs = PyList_New(0);
    PyObject *found = NULL, *last_when = NULL, *out = NULL;
    long last[6] = {-1, -1, -1, -1, -1, -1};
    if (msgs == NULL) {
        goto fail;
    }
    int kind = PyUnicode_KIND(block);
    const void *data = PyUnicode_DATA(block);
    Py_ssize_t n = PyUnicode_GET_LENGTH(block);
    while (pos < n) {
        Py_ssize_t eol = find_newline(kind, data, pos, n);
        Py_ssize_t tend = eol;
        if (tend > pos && PyUnicode_READ(kind, data, tend - 1) == '\r') {
            tend--;
        }
        int header = 0; /* 1: read here; 2: for the Python loop */
        long v[6];
        if (fits(T, kind, data, pos, eol)) {
            long a = number(kind, data, pos + T->sp[A0], pos + T->sp[A1]);
            long b = number(kind, data, pos + T->sp[B0], pos + T->sp[B1]);
            long cc = number(kind, data, pos + T->sp[C0], pos + T->sp[C1]);
            long y, mo, d;
            int order = c.order; /* 0 year-first, 1 day-first, 2 month-first */
            if (order == 0) {
                y = a, mo = b, d = cc;
            }
            else {
                y = (T->sp[C1] - T->sp[C0] == 1 && cc < 10) ? 0 : (cc < 100 ? cc + 2000 : cc);
                if (a > 12 && b <= 12) {
                    order = 1;
                }
                else if (b > 12 && a <= 12) {
                    order = 2;
                }
                if (order == 1) {
                    mo = b, d = a;
                }
                else {
                    mo = a, d = b;
                }
            }
            v[0] = y, v[1] = mo, v[2] = d;
            v[3] = number(kind, data, pos + T->sp[H0], pos + T->sp[H1]);
            v[4] = number(kind, data, pos + T->sp[M0], pos + T->sp[M1]);
            v[5] = T->sp[S0] < 0 ? 0 : number(kind, data, pos + T->sp[S0], pos + T->sp[S1]);
            header = (y >= 1 && y <= 9999 && mo >= 1 && mo <= 12 && d >= 1 &&
                      d <= days_in(y, mo) && v[3] <= 23 && v[4] <= 59 && v[5] <= 59)
                         ? 1
                         : 2;
        }
        else if (maybe_header(PyUnicode_READ(kind, data, pos))) {
            header = 2;
        }
        if (header == 2) {
            PyObject *m = PyObject_CallFunction(c.match, "On", block, pos);
            if (m == NULL) {
                goto fail;
            }
            if (m != Py_None) {
                found = m;
                break;
            }
            Py_DECREF(m);
            header = 0;
        }
        if (header == 1) {
            PyObject *when;
            if (last_when && memcmp(last, v, sizeof(v)) == 0) {
                when = Py_NewRef(last_when);
            }
            else {
                when = PyDateTimeAPI->DateTime_FromDateAndTime(
                    (int)v[0], (int)v[1], (int)v[2], (int)v[3], (int)v[4], (int)v[5], 0, c.zone,
                    PyDateTimeAPI->DateTimeType);
                if (when == NULL) {
                    goto fail;
                }
                Py_XSETREF(last_when, Py_NewRef(when));
                memcpy(last, v, sizeof(v));
            }
            if (p_first) {
                PyObject *m = build(&c, p_line, p_when, p_sender, p_first, p_lines);
                Py_CLEAR(p_when);
                Py_CLEAR(p_sender);
                Py_CLEAR(p_first);
                Py_CLEAR(p_lines);
                if (m == NULL || PyList_Append(msgs, m) < 0) {
                    Py_XDECREF(m);
                    Py_DECREF(when);
                    goto fail;
                }
                Py_DECREF(m);
            }
            if (split(&c, block, pos + T->len, tend, &p_sender, &p_first) < 0) {
                Py_DECREF(when);
                goto fail;
            }
            p_line = line;
            p_when = when;
        }
        else {
            PyObject *text = PyUnicode_Substring(block, pos, tend);
            if (text == NULL) {
                goto fail;
            }
            int r = 0;
            if (p_first) {
                if (p_lines == NULL) {
                    p_lines = PyList_New(1);
                    if (p_lines == NULL) {
                        r = -1;
                    }
                    else {
                        PyList_SET_ITEM(p_lines, 0, Py_NewRef(p_first));
                    }
                }
                if (r == 0) {
                    r = PyList_Append(p_lines, text);
                }
            }
            else {
                PyObject *x = PyObject_CallFunction(c.orphan, "On", text, line);
                r = x == NULL ? -1 : 0;
                Py_XDECREF(x);
            }
            Py_DECREF(text);
            if (r < 0) {
                goto fail;
            }
        }
        pos = eol + 1;
        line++;
    }
    pending = p_first ? pending_tuple(p_line, p_when, p_sender, p_first, p_lines)
                      : Py_NewRef(Py_None);
    if (pending != NULL) {
        out = Py_BuildValue("(NnnNOO)", msgs, pos, line, pending, found ? found : Py_None,
                            Py_None);
        msgs = NULL;
    }
fail:
    if (out == NULL && msgs != NULL && PyList_GET_SIZE(msgs) &&
        PyErr_ExceptionMatches(PyExc_Exception)) {
        /* What was read before the error is handed over first, as the Python
         * loop would have yielded it; the caller raises the error after. */
        PyObject *type, *value, *tb;
        PyErr_Fetch(&type, &value, &tb);
        PyErr_NormalizeException(&type, &value, &tb);
        if (tb != NULL) {
            PyException_SetTraceback(value, tb);
        }
        out = Py_BuildValue("(OnnOOO)", msgs, pos, line, Py_None, Py_None, value);
        Py_XDECREF(type);
        Py_XDECREF(value);
        Py_XDECREF(tb);
    }
    Py_XDECREF(msgs);
    Py_XDECREF(found);
    Py_XDECREF(last_when);
    Py_XDECREF(p_when);
    Py_XDECREF(p_sender);
    Py_XDECREF(p_first);
    Py_XDECREF(p_lines);
    return out;
}


/* ---------------------------------------------------------- import --json */

/* A growing UTF-8 buffer. Lone surrogates (which a str may hold) are written
 * as "surrogatepass" does and noted: such text cannot go out as UTF-8 bytes. */
typedef struct {
    char *buf;
    Py_ssize_t len, cap;
    int surrogates;
} Out;

static int
out_room(Out *o, Py_ssize_t more)
{
    if (o->len + more <= o->cap) {
        return 0;
    }
    Py_ssize_t cap = o->cap ? o->cap : 65536;
    while (cap < o->len + more) {
        cap *= 2;
    }
    char *buf = PyMem_Realloc(o->buf, (size_t)cap);
    if (buf == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    o->buf = buf;
    o->cap = cap;
    return 0;
}

static int
out_ascii(Out *o, const char *s)
{
    Py_ssize_t n = (Py_ssize_t)strlen(s);
    if (out_room(o, n) < 0) {
        return -1;
    }
    memcpy(o->buf + o->len, s, (size_t)n);
    o->len += n;
    return 0;
}

static inline char *
put_utf8(Out *o, char *b, Py_UCS4 ch)
{
    if (ch < 0x80) {
        *b++ = (char)ch;
    }
    else if (ch < 0x800) {
        *b++ = (char)(0xc0 | (ch >> 6));
        *b++ = (char)(0x80 | (ch & 0x3f));
    }
    else if (ch < 0x10000) {
        if (ch >= 0xd800 && ch <= 0xdfff) {
            o->surrogates = 1;
        }
        *b++ = (char)(0xe0 | (ch >> 12));
        *b++ = (char)(0x80 | ((ch >> 6) & 0x3f));
        *b++ = (char)(0x80 | (ch & 0x3f));
    }
    else {
        *b++ = (char)(0xf0 | (ch >> 18));
        *b++ = (char)(0x80 | ((ch >> 12) & 0x3f));
        *b++ = (char)(0x80 | ((ch >> 6) & 0x3f));
        *b++ = (char)(0x80 | (ch & 0x3f));
    }
    return b;
}

static int
out_str(Out *o, PyObject *s)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    if (out_room(o, n * 4) < 0) {
        return -1;
    }
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    char *b = o->buf + o->len;
    for (Py_ssize_t i = 0; i < n; i++) {
        b = put_utf8(o, b, PyUnicode_READ(kind, data, i));
    }
    o->len = b - o->buf;
    return 0;
}

/* A str as json.dumps(..., ensure_ascii=False) writes it (json.encoder.encode_basestring). */
static int
out_json_str(Out *o, PyObject *s)
{
    static const char hex[] = "0123456789abcdef";
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    if (out_room(o, n * 6 + 2) < 0) {
        return -1;
    }
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    char *b = o->buf + o->len;
    *b++ = '"';
    if (PyUnicode_IS_ASCII(s)) {
        /* the usual case (ids, names, hashes): copied whole when nothing needs escaping */
        const Py_UCS1 *p = (const Py_UCS1 *)data;
        Py_ssize_t i = 0;
        while (i < n && p[i] >= ' ' && p[i] != '"' && p[i] != '\\') {
            i++;
        }
        if (i == n) {
            memcpy(b, p, (size_t)n);
            b += n;
            *b++ = '"';
            o->len = b - o->buf;
            return 0;
        }
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch >= ' ' && ch != '"' && ch != '\\') {
            if (ch < 0x80) {
                *b++ = (char)ch;
            }
            else {
                b = put_utf8(o, b, ch);
            }
            continue;
        }
        *b++ = '\\';
        switch (ch) {
        case '"': *b++ = '"'; break;
        case '\\': *b++ = '\\'; break;
        case '\b': *b++ = 'b'; break;
        case '\f': *b++ = 'f'; break;
        case '\n': *b++ = 'n'; break;
        case '\r': *b++ = 'r'; break;
        case '\t': *b++ = 't'; break;
        default:
            *b++ = 'u';
            *b++ = '0';
            *b++ = '0';
            *b++ = hex[(ch >> 4) & 0xf];
            *b++ = hex[ch & 0xf];
        }
    }
    *b++ = '"';
    o->len = b - o->buf;
    return 0;
}

/* None -> null, str -> a JSON string; 1 if the value is of another type. */
static int
out_opt_str(Out *o, PyObject *v)
{
    if (v == Py_None) {
        return out_ascii(o, "null");
    }
    if (!PyUnicode_CheckExact(v)) {
        return 1;
    }
    return out_json_str(o, v);
}

typedef struct {
    PyObject *msg_type, *src_type, *att_type, *att_descr, *fallback, *last_ts, *last_iso;
    PyObject *s_isoformat, *enums, *utc_zones;
} JCtx;

/* An enum member as its .value (a JSON string), or null for None: the members
 * and their values are given in ctx (enum's .value is a Python property). */
static int
out_enum(Out *o, JCtx *j, PyObject *v, int opt)
{
    if (v == Py_None) {
        return opt ? out_ascii(o, "null") : 1;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(j->enums); i++) {
        PyObject *pair = PyTuple_GET_ITEM(j->enums, i);
        if (PyTuple_GET_ITEM(pair, 0) == v) {
            PyObject *value = PyTuple_GET_ITEM(pair, 1);
            return PyUnicode_CheckExact(value) ? out_json_str(o, value) : 1;
        }
    }
    return 1;
}

static int
out_time(Out *o, JCtx *j, PyObject *ts)
{
    if (ts == Py_None) {
        return out_ascii(o, "null");
    }
    if (!PyDateTime_CheckExact(ts)) {
        return 1;
    }
    if (ts != j->last_ts) {
        PyObject *iso = NULL, *tz = PyDateTime_DATE_GET_TZINFO(ts);
        for (Py_ssize_t k = 0; iso == NULL && k < PyTuple_GET_SIZE(j->utc_zones); k++) {
            if (tz == PyTuple_GET_ITEM(j->utc_zones, k)) {
                /* isoformat() of a time in a zone whose offset is always zero */
                char buf[64];
                int us = PyDateTime_DATE_GET_MICROSECOND(ts);
                int len = snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02d",
                                   PyDateTime_GET_YEAR(ts), PyDateTime_GET_MONTH(ts),
                                   PyDateTime_GET_DAY(ts), PyDateTime_DATE_GET_HOUR(ts),
                                   PyDateTime_DATE_GET_MINUTE(ts), PyDateTime_DATE_GET_SECOND(ts));
                if (us) {
                    len += snprintf(buf + len, sizeof(buf) - (size_t)len, ".%06d", us);
                }
                snprintf(buf + len, sizeof(buf) - (size_t)len, "+00:00");
                iso = PyUnicode_FromString(buf);
                if (iso == NULL) {
                    return -1;
                }
            }
        }
        if (iso == NULL) {
            iso = PyObject_CallMethodNoArgs(ts, j->s_isoformat);
            if (iso == NULL) {
                return -1;
            }
            if (!PyUnicode_CheckExact(iso)) {
                Py_DECREF(iso);
                return 1;
            }
        }
        Py_XSETREF(j->last_iso, iso);
        Py_XSETREF(j->last_ts, Py_NewRef(ts));
    }
    return out_json_str(o, j->last_iso);
}

static int
out_int(Out *o, PyObject *v)
{
    if (v == Py_None) {
        return out_ascii(o, "null");
    }
    if (!PyLong_CheckExact(v)) {
        return 1;
    }
    int overflow;
    long long x = PyLong_AsLongLongAndOverflow(v, &overflow);
    if (overflow) {
        return 1;
    }
    char buf[32];
    snprintf(buf, sizeof(buf), "%lld", x);
    return out_ascii(o, buf);
}

static int
out_flag(Out *o, PyObject *v)
{
    if (v == Py_True) {
        return out_ascii(o, "true");
    }
    if (v == Py_False) {
        return out_ascii(o, "false");
    }
    return 1;
}

static int read_slots(PyObject *obj, PyObject *descr, PyObject **vals);

/* The writers below: each step runs while the ones before returned 0 (written);
 * r is then 1 (a value this plain form does not cover) or -1 (an error). */
#define STEP(x)                                                                                    \
    if (r == 0) {                                                                                  \
        r = (x);                                                                                   \
    }

/* One attachment as json.dumps writes _attachment(a); 1 for other value types. */
static int
out_attachment(Out *o, JCtx *j, PyObject *a, int comma)
{
    if (Py_TYPE(a) != (PyTypeObject *)j->att_type) {
        return 1;
    }
    PyObject *f[5];
    if (read_slots(a, j->att_descr, f) < 0) {
        return -1;
    }
    int r = 0;
    STEP(out_ascii(o, comma ? ", {\"file_name\": " : "{\"file_name\": "));
    STEP(PyUnicode_CheckExact(f[0]) ? out_json_str(o, f[0]) : 1);
    STEP(out_ascii(o, ", \"media_type\": "));
    STEP(out_opt_str(o, f[1]));
    STEP(out_ascii(o, ", \"present\": "));
    STEP(out_flag(o, f[2]));
    STEP(out_ascii(o, ", \"sha256\": "));
    STEP(out_opt_str(o, f[3]));
    STEP(out_ascii(o, ", \"size\": "));
    STEP(out_int(o, f[4]));
    STEP(out_ascii(o, "}"));
    for (int k = 0; k < 5; k++) {
        Py_DECREF(f[k]);
    }
    return r;
}

/* One message as message_json writes it; 1 (nothing written) if it has a
 * value this plain form does not cover. Fields are read through the slots. */
static int
out_message(Out *o, JCtx *j, PyObject **f, PyObject **sf)
{
    Py_ssize_t start = o->len;
    int r = 0;
    /* f: id, sender, timestamp, text, source, kind, system_event, attachments, reply_to,
     *    quoted_text, forwarded_from, edited, edited_at, deleted, reactions */
    if (!PyTuple_CheckExact(f[7]) || !PyTuple_CheckExact(f[14]) ||
        PyTuple_GET_SIZE(f[14]) || f[12] != Py_None) {
        return 1;
    }
    STEP(out_ascii(o, "{\"id\": "));
    STEP(PyUnicode_CheckExact(f[0]) ? out_json_str(o, f[0]) : 1);
    STEP(out_ascii(o, ", \"sender\": "));
    STEP(out_opt_str(o, f[1]));
    STEP(out_ascii(o, ", \"timestamp\": "));
    STEP(out_time(o, j, f[2]));
    STEP(out_ascii(o, ", \"text\": "));
    STEP(PyUnicode_CheckExact(f[3]) ? out_json_str(o, f[3]) : 1);
    STEP(out_ascii(o, ", \"kind\": "));
    STEP(out_enum(o, j, f[5], 0));
    STEP(out_ascii(o, ", \"system_event\": "));
    STEP(out_enum(o, j, f[6], 1));
    STEP(out_ascii(o, ", \"attachments\": ["));
    for (Py_ssize_t k = 0; r == 0 && k < PyTuple_GET_SIZE(f[7]); k++) {
        STEP(out_attachment(o, j, PyTuple_GET_ITEM(f[7], k), k > 0));
    }
    STEP(out_ascii(o, "], \"reply_to\": "));
    STEP(out_opt_str(o, f[8]));
    STEP(out_ascii(o, ", \"quoted_text\": "));
    STEP(out_opt_str(o, f[9]));
    STEP(out_ascii(o, ", \"forwarded_from\": "));
    STEP(out_opt_str(o, f[10]));
    STEP(out_ascii(o, ", \"edited\": "));
    STEP(out_flag(o, f[11]));
    STEP(out_ascii(o, ", \"edited_at\": null, \"deleted\": "));
    STEP(out_flag(o, f[13]));
    STEP(out_ascii(o, ", \"reactions\": [], \"source\": {\"file_sha256\": "));
    STEP(PyUnicode_CheckExact(sf[0]) ? out_json_str(o, sf[0]) : 1);
    STEP(out_ascii(o, ", \"file_name\": "));
    STEP(PyUnicode_CheckExact(sf[1]) ? out_json_str(o, sf[1]) : 1);
    STEP(out_ascii(o, ", \"line\": "));
    STEP(out_int(o, sf[2]));
    STEP(out_ascii(o, ", \"path\": "));
    STEP(out_opt_str(o, sf[3]));
    STEP(out_ascii(o, "}}"));
#undef STEP
    if (r == 1) {
        o->len = start;
    }
    return r;
}

/* Read every slot of obj (descriptors in order) into vals (new references). */
static int
read_slots(PyObject *obj, PyObject *descr, PyObject **vals)
{
    Py_ssize_t n = PyTuple_GET_SIZE(descr);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *d = PyTuple_GET_ITEM(descr, i);
        vals[i] = Py_TYPE(d)->tp_descr_get(d, obj, (PyObject *)Py_TYPE(obj));
        if (vals[i] == NULL) {
            for (Py_ssize_t k = 0; k < i; k++) {
                Py_DECREF(vals[k]);
            }
            return -1;
        }
    }
    return 0;
}

/* messages_json(ctx, messages, first_sep, sep, pad, as_bytes) -> str | bytes | None
 *
 * The text write_stream_json writes for these messages: for each, `first_sep`
 * (`sep` after the first), `pad`, then message_json(m). With as_bytes, that
 * text encoded in UTF-8, or None if it holds a lone surrogate.
 * ctx = (Message, Message slot descriptors, Source, Source slot descriptors,
 *        message_json, cache, enums, Attachment, Attachment slot descriptors,
 *        utc_zones) where cache is a 2-list the last timestamp's isoformat() is
 * kept in between calls, enums the (member, value) pairs of MessageKind and
 * SystemEvent, and utc_zones the zones whose times are formatted here.
 */
static PyObject *
messages_json(PyObject *module, PyObject *args)
{
    PyObject *ctx, *msgs, *sep, *pad, *later, *mdescr, *sdescr, *cache;
    JCtx j;
    int as_bytes;
    if (!PyArg_ParseTuple(args, "O!O!UUUp", &PyTuple_Type, &ctx, &PyList_Type, &msgs, &sep,
                          &later, &pad, &as_bytes)) {
        return NULL;
    }
    if (!PyArg_ParseTuple(ctx, "OO!OO!OO!O!OO!O!", &j.msg_type, &PyTuple_Type, &mdescr,
                          &j.src_type, &PyTuple_Type, &sdescr, &j.fallback, &PyList_Type, &cache,
                          &PyTuple_Type, &j.enums, &j.att_type, &PyTuple_Type, &j.att_descr,
                          &PyTuple_Type, &j.utc_zones)) {
        return NULL;
    }
    if (PyTuple_GET_SIZE(mdescr) != 15 || PyTuple_GET_SIZE(sdescr) != 4 ||
        PyTuple_GET_SIZE(j.att_descr) != 5 ||
        PyList_GET_SIZE(cache) != 2) {
        PyErr_SetString(PyExc_ValueError, "messages_json: unexpected model shape");
        return NULL;
    }
    j.last_ts = Py_NewRef(PyList_GET_ITEM(cache, 0));
    j.last_iso = Py_NewRef(PyList_GET_ITEM(cache, 1));
    j.s_isoformat = PyUnicode_InternFromString("isoformat");
    Out o = {NULL, 0, 0, 0};
    PyObject *result = NULL;
    if (j.s_isoformat == NULL) {
        goto done;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(msgs); i++) {
        PyObject *m = PyList_GET_ITEM(msgs, i);
        if (out_str(&o, i ? later : sep) < 0 || out_str(&o, pad) < 0) {
            goto done;
        }
        int r = 1;
        if (Py_TYPE(m) == (PyTypeObject *)j.msg_type) {
            PyObject *f[15], *sf[4];
            if (read_slots(m, mdescr, f) < 0) {
                goto done;
            }
            if (Py_TYPE(f[4]) == (PyTypeObject *)j.src_type) {
                if (read_slots(f[4], sdescr, sf) < 0) {
                    r = -1;
                }
                else {
                    r = out_message(&o, &j, f, sf);
                    for (int k = 0; k < 4; k++) {
                        Py_DECREF(sf[k]);
                    }
                }
            }
            for (int k = 0; k < 15; k++) {
                Py_DECREF(f[k]);
            }
            if (r < 0) {
                goto done;
            }
        }
        if (r == 1) {
            PyObject *text = PyObject_CallOneArg(j.fallback, m);
            if (text == NULL) {
                goto done;
            }
            int w = PyUnicode_Check(text) ? out_str(&o, text) : -1;
            if (w < 0 && !PyErr_Occurred()) {
                PyErr_SetString(PyExc_TypeError, "message_json must return str");
            }
            Py_DECREF(text);
            if (w < 0) {
                goto done;
            }
        }
    }
    if (!as_bytes) {
        result = PyUnicode_DecodeUTF8(o.buf ? o.buf : "", o.len, "surrogatepass");
    }
    else if (o.surrogates) {
        result = Py_NewRef(Py_None); /* not UTF-8: the caller writes it as text */
    }
    else {
        result = PyBytes_FromStringAndSize(o.buf ? o.buf : "", o.len);
    }
    if (result != NULL) {
        PyList_SetItem(cache, 0, Py_NewRef(j.last_ts));
        PyList_SetItem(cache, 1, Py_NewRef(j.last_iso));
    }
done:
    PyMem_Free(o.buf);
    Py_XDECREF(j.last_ts);
    Py_XDECREF(j.last_iso);
    Py_XDECREF(j.s_isoformat);
    return result;
}

/* ------------------------------------------------------------ read_export */

typedef struct {
    PyObject *message; /* the message class: its values may be untracked too */
    PyObject *frozen; /* tuple: the frozen classes whose values may be untracked */
    PyObject *leaves; /* tuple: classes whose (tracked) values are module constants */
} Frozen;

static int untrack_frozen(PyObject *o, Frozen *f);

static int
visit_frozen(PyObject *o, void *f)
{
    /* Most slots hold text, numbers, None or times: not the collector's. */
    if (!PyType_IS_GC(Py_TYPE(o))) {
        return 0;
    }
    return untrack_frozen(o, (Frozen *)f) ? 0 : 1;
}

static int
is_one_of(PyObject *o, PyObject *classes)
{
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(classes); i++) {
        if (Py_TYPE(o) == (PyTypeObject *)PyTuple_GET_ITEM(classes, i)) {
            return 1;
        }
    }
    return 0;
}

/* 1 when nothing reached from `o` can lead back to it, untracking `o` and
 * what it holds when they are tuples or of the frozen classes; 0 (left
 * tracked) when it holds anything else the collector tracks: a list, a dict,
 * an object of another class. Types (a heap type's instance names its class)
 * and the leaf classes' values (enum members) are module constants that
 * hold no message. */
static int
untrack_frozen(PyObject *o, Frozen *f)
{
    if (!PyObject_IS_GC(o) || !PyObject_GC_IsTracked(o) || PyType_Check(o) ||
        is_one_of(o, f->leaves)) {
        return 1;
    }
    if (!PyTuple_CheckExact(o) && Py_TYPE(o) != (PyTypeObject *)f->message &&
        !is_one_of(o, f->frozen)) {
        return 0;
    }
    if (Py_TYPE(o)->tp_traverse(o, visit_frozen, f) != 0) {
        return 0;
    }
    PyObject_GC_UnTrack(o);
    return 1;
}

/* message_tuple(items, message_cls, frozen_classes, leaf_classes) -> tuple(items)
 *
 * The tuple, and each message with what it holds, are left out of the cycle
 * collector's walks when every item is exactly a Message. A message stays
 * tracked when it holds (at any depth) anything the collector tracks other
 * than tuples, values of the frozen classes (Source, Attachment, Reaction),
 * types and values of the leaf classes (the enums); then so does the tuple.
 *
 * Why: a conversation's tuple holds a million messages, and the messages an
 * importer built in Python are tracked with their parts; every collection
 * that reaches them (the first after reading, the full ones, one at exit)
 * walks them all, a memory access each (measured: 0.15 to 0.2 s a
 * collection for 1M WhatsApp messages). Frozen values holding only text,
 * numbers, times, enum members and tuples of such values can never be part
 * of a cycle, so the collector has nothing to find in them. What they hold
 * stays alive through them as before. The C reader's own messages are made
 * untracked already (see make()). */
static PyObject *
message_tuple(PyObject *module, PyObject *args)
{
    PyObject *items;
    Frozen f;
    if (!PyArg_ParseTuple(args, "O!O!O!O!", &PyList_Type, &items, &PyType_Type, &f.message,
                          &PyTuple_Type, &f.frozen, &PyTuple_Type, &f.leaves)) {
        return NULL;
    }
    PyObject *out = PyList_AsTuple(items);
    if (out == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(out);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (Py_TYPE(PyTuple_GET_ITEM(out, i)) != (PyTypeObject *)f.message) {
            return out;
        }
    }
    int all = 1;
    for (Py_ssize_t i = 0; i < n; i++) {
        all &= untrack_frozen(PyTuple_GET_ITEM(out, i), &f);
    }
    if (all) {
        PyObject_GC_UnTrack(out);
    }
    return out;
}

static PyMethodDef methods[] = {
    {"wa_scan", wa_scan, METH_VARARGS,
     "wa_scan(ctx, block) -> (bracketed, plain): the first pass over one block."},
    {"wa_feed", wa_feed, METH_VARARGS,
     "wa_feed(ctx, block, pos, line, pending) -> (messages, pos, line, pending, match, error)."},
    {"messages_json", messages_json, METH_VARARGS,
     "messages_json(ctx, messages, first_sep, sep, pad, as_bytes): the JSON lines of messages."},
    {"message_tuple", message_tuple, METH_VARARGS,
     "message_tuple(items, cls, frozen, leaves) -> tuple(items), untracked by the collector."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_fastread", "The WhatsApp reader's common lines, in C.", -1, methods,
};

PyMODINIT_FUNC
PyInit__fastread(void)
{
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == NULL) {
        return NULL;
    }
    return PyModule_Create(&module);
}
