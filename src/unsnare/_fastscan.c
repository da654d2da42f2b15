/* Which rules of a detector could match a text: one pass over the text for
 * every rule's required strings at once (an Aho-Corasick automaton).
 *
 * Why C: a detector holds 10 to 50 rules and a chat holds 10^5 to 10^6
 * messages; testing each rule's strings with `in` or a regular expression in
 * Python was most of the rules' time (measured), while nearly every message
 * matches no rule at all. Here one walk over the UTF-8 bytes of the text marks
 * every required string present, and a rule passes when each of its clauses
 * (sets of strings, one of which every match of the rule contains; see
 * unsnare/analysis/literals.py) has a string in the text. A rule that passes
 * may still not match: its regular expression decides. A rule that fails
 * cannot match, so skipping it changes nothing.
 *
 * Scanner(rules): rules[i] is None (always passes) or a sequence of
 * alternatives, each a sequence of clauses, each a sequence of str; a rule
 * passes when every clause of one of its alternatives has a string in the
 * text (an alternative without clauses always passes). Scanner.scan(text) ->
 * tuple of the indices of the rules that pass, in order.
 *
 * Byte matching equals character matching: UTF-8 (here with lone surrogates
 * passed through, as Python's "surrogatepass" does) maps each character to a
 * sequence no other character's sequence starts or ends inside.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

typedef struct {
    PyObject_HEAD
    int32_t nclasses;     /* byte classes: 0 is "in no string" */
    uint8_t cls[256];     /* byte -> class */
    int32_t nnodes;
    int32_t *next;        /* nnodes * nclasses: the automaton's moves */
    int32_t *out_start;   /* per node: first clause id in out_ids (nnodes + 1 entries) */
    int32_t *out_ids;     /* clause ids found on reaching each node (with its suffixes') */
    int32_t nclauses;
    int32_t nrules;
    int32_t *rule_start;  /* per rule: first alternative in alt_start (nrules + 1 entries) */
    int32_t *alt_start;   /* per alternative: first clause in rule_ids (one entry more) */
    int32_t *rule_ids;    /* each alternative's clause ids */
    int32_t *always;      /* per rule: 1 when it always passes */
    PyObject *all;        /* the tuple of every index (texts too short to scan) */
} Scanner;

static void
scanner_free_arrays(Scanner *s)
{
    PyMem_Free(s->next);
    PyMem_Free(s->out_start);
    PyMem_Free(s->out_ids);
    PyMem_Free(s->rule_start);
    PyMem_Free(s->alt_start);
    PyMem_Free(s->rule_ids);
    PyMem_Free(s->always);
    s->next = s->out_start = s->out_ids = s->rule_start = s->alt_start = s->rule_ids = NULL;
    s->always = NULL;
}

static void
scanner_dealloc(Scanner *s)
{
    scanner_free_arrays(s);
    Py_XDECREF(s->all);
    Py_TYPE(s)->tp_free((PyObject *)s);
}

/* A growable int32 array. */
typedef struct {
    int32_t *v;
    Py_ssize_t n, cap;
} Vec;

static int
vec_push(Vec *a, int32_t x)
{
    if (a->n == a->cap) {
        Py_ssize_t cap = a->cap ? a->cap * 2 : 64;
        int32_t *v = PyMem_Realloc(a->v, (size_t)cap * sizeof(int32_t));
        if (v == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        a->v = v;
        a->cap = cap;
    }
    a->v[a->n++] = x;
    return 0;
}

static PyObject *
utf8_of(PyObject *text)
{
    return PyUnicode_AsEncodedString(text, "utf-8", "surrogatepass");
}

/* The trie under construction: moves over raw bytes, grown as strings are added. */
typedef struct {
    Vec child;   /* node * 256 + byte -> node, -1 when none */
    Vec clause;  /* pairs (node, clause id) marking where a string ends */
    int32_t nnodes;
} Trie;

static int
trie_new_node(Trie *t)
{
    for (int b = 0; b < 256; b++) {
        if (vec_push(&t->child, -1) < 0) {
            return -1;
        }
    }
    return t->nnodes++;
}

static int
trie_add(Trie *t, const unsigned char *p, Py_ssize_t n, int32_t clause)
{
    int32_t node = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        int32_t nx = t->child.v[(Py_ssize_t)node * 256 + p[i]];
        if (nx < 0) {
            nx = trie_new_node(t);
            if (nx < 0) {
                return -1;
            }
            t->child.v[(Py_ssize_t)node * 256 + p[i]] = nx;
        }
        node = nx;
    }
    if (vec_push(&t->clause, node) < 0 || vec_push(&t->clause, clause) < 0) {
        return -1;
    }
    return 0;
}

static int
scanner_init(Scanner *s, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"rules", NULL};
    PyObject *rules_arg;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:Scanner", kwlist, &rules_arg)) {
        return -1;
    }
    PyObject *rules = PySequence_Fast(rules_arg, "rules must be a sequence");
    if (rules == NULL) {
        return -1;
    }
    scanner_free_arrays(s);
    Py_CLEAR(s->all);
    int ok = -1;
    Trie t = {{NULL, 0, 0}, {NULL, 0, 0}, 0};
    Vec rstart = {NULL, 0, 0}, astart = {NULL, 0, 0}, rids = {NULL, 0, 0}, always = {NULL, 0, 0};
    int32_t *fail = NULL, *queue = NULL;
    Py_ssize_t nrules = PySequence_Fast_GET_SIZE(rules);
    int32_t nclauses = 0;
    if (nrules > INT32_MAX / 2 || trie_new_node(&t) < 0) {
        goto done;
    }
    for (Py_ssize_t r = 0; r < nrules; r++) {
        PyObject *alts_arg = PySequence_Fast_GET_ITEM(rules, r);
        if (vec_push(&rstart, (int32_t)astart.n) < 0) {
            goto done;
        }
        if (alts_arg == Py_None) {
            if (vec_push(&always, 1) < 0) {
                goto done;
            }
            continue;
        }
        PyObject *alts = PySequence_Fast(alts_arg, "a rule must be a sequence of alternatives");
        if (alts == NULL) {
            goto done;
        }
        Py_ssize_t na = PySequence_Fast_GET_SIZE(alts);
        int open = na == 0;
        int bad = 0;
        for (Py_ssize_t a = 0; a < na && !bad; a++) {
            PyObject *clauses = PySequence_Fast(PySequence_Fast_GET_ITEM(alts, a),
                                                "an alternative must be a sequence of clauses");
            if (clauses == NULL) {
                bad = 1;
                break;
            }
            Py_ssize_t nc = PySequence_Fast_GET_SIZE(clauses);
            open |= nc == 0;
            bad = vec_push(&astart, (int32_t)rids.n) < 0;
            for (Py_ssize_t c = 0; c < nc && !bad; c++) {
                PyObject *strings = PySequence_Fast(PySequence_Fast_GET_ITEM(clauses, c),
                                                    "a clause must be a sequence of str");
                if (strings == NULL) {
                    bad = 1;
                    break;
                }
                int32_t id = nclauses++;
                bad = vec_push(&rids, id) < 0;
                for (Py_ssize_t k = 0; k < PySequence_Fast_GET_SIZE(strings) && !bad; k++) {
                    PyObject *str = PySequence_Fast_GET_ITEM(strings, k);
                    if (!PyUnicode_Check(str) || PyUnicode_GET_LENGTH(str) == 0) {
                        PyErr_SetString(PyExc_TypeError,
                                        "a clause's strings must be non-empty str");
                        bad = 1;
                        break;
                    }
                    PyObject *b = utf8_of(str);
                    if (b == NULL) {
                        bad = 1;
                        break;
                    }
                    bad = trie_add(&t, (const unsigned char *)PyBytes_AS_STRING(b),
                                   PyBytes_GET_SIZE(b), id) < 0;
                    Py_DECREF(b);
                }
                Py_DECREF(strings);
            }
            Py_DECREF(clauses);
        }
        Py_DECREF(alts);
        if (bad || vec_push(&always, open) < 0) {
            goto done;
        }
    }
    if (vec_push(&rstart, (int32_t)astart.n) < 0 || vec_push(&astart, (int32_t)rids.n) < 0) {
        goto done;
    }

    /* Byte classes: bytes in no string share class 0. */
    memset(s->cls, 0, sizeof s->cls);
    int32_t nclasses = 1;
    for (int b = 0; b < 256; b++) {
        for (int32_t node = 0; node < t.nnodes; node++) {
            if (t.child.v[(Py_ssize_t)node * 256 + b] >= 0) {
                s->cls[b] = (uint8_t)nclasses++;
                break;
            }
        }
    }
    int32_t nn = t.nnodes;
    s->nclasses = nclasses;
    s->nnodes = nn;
    s->next = PyMem_Calloc((size_t)nn * (size_t)nclasses, sizeof(int32_t));
    fail = PyMem_Calloc((size_t)nn, sizeof(int32_t));
    queue = PyMem_Calloc((size_t)nn, sizeof(int32_t));
    if (s->next == NULL || fail == NULL || queue == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    /* Breadth first: each node's failure link and complete moves. */
    Py_ssize_t head = 0, tail = 0;
    for (int b = 0; b < 256; b++) {
        int32_t nx = t.child.v[b];
        if (nx >= 0) {
            s->next[s->cls[b]] = nx;
            fail[nx] = 0;
            queue[tail++] = nx;
        }
    }
    while (head < tail) {
        int32_t node = queue[head++];
        for (int b = 0; b < 256; b++) {
            int32_t nx = t.child.v[(Py_ssize_t)node * 256 + b];
            int32_t c = s->cls[b];
            if (c == 0) {
                continue; /* next[node][0] stays 0: back to the root */
            }
            if (nx >= 0) {
                fail[nx] = s->next[(Py_ssize_t)fail[node] * nclasses + c];
                s->next[(Py_ssize_t)node * nclasses + c] = nx;
                queue[tail++] = nx;
            } else {
                s->next[(Py_ssize_t)node * nclasses + c] =
                    s->next[(Py_ssize_t)fail[node] * nclasses + c];
            }
        }
    }
    /* Each node's clauses: its own, then those of its failure chain. */
    Vec oids = {NULL, 0, 0};
    s->out_start = PyMem_Calloc((size_t)nn + 1, sizeof(int32_t));
    if (s->out_start == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    /* In breadth-first order a failure target's list is complete before it is read. */
    Vec *lists = PyMem_Calloc((size_t)nn, sizeof(Vec));
    if (lists == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    int bad = 0;
    for (Py_ssize_t i = 0; i < t.clause.n && !bad; i += 2) {
        bad = vec_push(&lists[t.clause.v[i]], t.clause.v[i + 1]) < 0;
    }
    for (Py_ssize_t q = 0; q < tail && !bad; q++) {
        int32_t node = queue[q];
        Vec *from = &lists[fail[node]];
        for (Py_ssize_t k = 0; k < from->n && !bad; k++) {
            bad = vec_push(&lists[node], from->v[k]) < 0;
        }
    }
    for (int32_t node = 0; node < nn && !bad; node++) {
        s->out_start[node] = (int32_t)oids.n;
        for (Py_ssize_t k = 0; k < lists[node].n && !bad; k++) {
            bad = vec_push(&oids, lists[node].v[k]) < 0;
        }
    }
    s->out_start[nn] = (int32_t)oids.n;
    for (int32_t node = 0; node < nn; node++) {
        PyMem_Free(lists[node].v);
    }
    PyMem_Free(lists);
    s->out_ids = oids.v;
    if (bad) {
        goto done;
    }
    s->nclauses = nclauses;
    s->nrules = (int32_t)nrules;
    s->rule_start = rstart.v;
    s->alt_start = astart.v;
    s->rule_ids = rids.v;
    s->always = always.v;
    rstart.v = astart.v = rids.v = always.v = NULL;
    s->all = PyTuple_New(nrules);
    if (s->all == NULL) {
        goto done;
    }
    for (Py_ssize_t r = 0; r < nrules; r++) {
        PyObject *i = PyLong_FromSsize_t(r);
        if (i == NULL) {
            goto done;
        }
        PyTuple_SET_ITEM(s->all, r, i);
    }
    ok = 0;
done:
    PyMem_Free(t.child.v);
    PyMem_Free(t.clause.v);
    PyMem_Free(rstart.v);
    PyMem_Free(astart.v);
    PyMem_Free(rids.v);
    PyMem_Free(always.v);
    PyMem_Free(fail);
    PyMem_Free(queue);
    Py_DECREF(rules);
    if (ok < 0) {
        scanner_free_arrays(s);
        s->nrules = 0;
    }
    return ok;
}

static PyObject *
scanner_scan(Scanner *s, PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "scan(text): text must be str");
        return NULL;
    }
    if (s->next == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "Scanner was not initialised");
        return NULL;
    }
    PyObject *owned = NULL;
    const unsigned char *p;
    Py_ssize_t n;
    if (PyUnicode_IS_ASCII(text)) {
        p = (const unsigned char *)PyUnicode_DATA(text);
        n = PyUnicode_GET_LENGTH(text);
    } else {
        owned = utf8_of(text);
        if (owned == NULL) {
            return NULL;
        }
        p = (const unsigned char *)PyBytes_AS_STRING(owned);
        n = PyBytes_GET_SIZE(owned);
    }
    /* Which clauses have a string in the text: a small bitmap on the stack when it fits. */
    uint64_t small[8];
    uint64_t *hit = small;
    size_t words = ((size_t)s->nclauses + 63) / 64;
    if (words > 8) {
        hit = PyMem_Calloc(words, sizeof(uint64_t));
        if (hit == NULL) {
            Py_XDECREF(owned);
            return PyErr_NoMemory();
        }
    } else {
        memset(small, 0, sizeof small);
    }
    const int32_t *next = s->next;
    const int32_t *ostart = s->out_start;
    const int32_t *oids = s->out_ids;
    const int32_t nc = s->nclasses;
    int32_t node = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        node = next[(Py_ssize_t)node * nc + s->cls[p[i]]];
        for (int32_t k = ostart[node]; k < ostart[node + 1]; k++) {
            hit[oids[k] >> 6] |= (uint64_t)1 << (oids[k] & 63);
        }
    }
    Py_XDECREF(owned);
    /* The rules whose every clause was hit. */
    PyObject *found = NULL;
    Py_ssize_t count = 0;
    int32_t stack_idx[64];
    int32_t *idx = stack_idx;
    if (s->nrules > 64) {
        idx = PyMem_Malloc((size_t)s->nrules * sizeof(int32_t));
        if (idx == NULL) {
            if (hit != small) {
                PyMem_Free(hit);
            }
            return PyErr_NoMemory();
        }
    }
    for (int32_t r = 0; r < s->nrules; r++) {
        int pass = s->always[r];
        for (int32_t a = s->rule_start[r]; a < s->rule_start[r + 1] && !pass; a++) {
            pass = 1;
            for (int32_t k = s->alt_start[a]; k < s->alt_start[a + 1]; k++) {
                int32_t c = s->rule_ids[k];
                if (!(hit[c >> 6] >> (c & 63) & 1)) {
                    pass = 0;
                    break;
                }
            }
        }
        if (pass) {
            idx[count++] = r;
        }
    }
    if (hit != small) {
        PyMem_Free(hit);
    }
    found = PyTuple_New(count);
    if (found != NULL) {
        for (Py_ssize_t k = 0; k < count; k++) {
            PyObject *i = PyTuple_GET_ITEM(s->all, idx[k]);
            Py_INCREF(i);
            PyTuple_SET_ITEM(found, k, i);
        }
    }
    if (idx != stack_idx) {
        PyMem_Free(idx);
    }
    return found;
}

static PyMethodDef scanner_methods[] = {
    {"scan", (PyCFunction)scanner_scan, METH_O,
     "scan(text): the indices of the rules whose every clause has a string in text."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject ScannerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "unsnare._fastscan.Scanner",
    .tp_basicsize = sizeof(Scanner),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Scanner(rules): which rules' required strings are all in a text.",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)scanner_init,
    .tp_dealloc = (destructor)scanner_dealloc,
    .tp_methods = scanner_methods,
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_fastscan", "Which rules could match a text, in one pass.", -1, NULL,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit__fastscan(void)
{
    if (PyType_Ready(&ScannerType) < 0) {
        return NULL;
    }
    PyObject *m = PyModule_Create(&module);
    if (m == NULL) {
        return NULL;
    }
    Py_INCREF(&ScannerType);
    if (PyModule_AddObject(m, "Scanner", (PyObject *)&ScannerType) < 0) {
        Py_DECREF(&ScannerType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
