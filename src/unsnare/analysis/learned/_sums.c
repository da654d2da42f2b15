/* The learned model's batch sums (LearnedModel.batch_margins) over word ids.
 *
 * Why C: a message's margins are the sum of its distinct words' kept shares
 * and of its distinct neighbouring pairs' weights. In Python that loop over
 * every word of every message was most of the learned layer's time on a chat
 * of distinct messages (measured: 0.5 s per 100,000 WhatsApp messages).
 *
 * The arithmetic is the one the NumPy code did, in the same order, so the
 * margins are the same floats: per message and output, the words' float32
 * shares summed in double from 0.0 in first-seen order, then the pairs'
 * weights summed the same way and added, divided by the square root of the
 * feature count (at least 1) and rounded to float32.
 *
 * unknown(words_lists, word_row): the words not yet in word_row, each once, in
 * first-seen order (the caller works out their shares and adds them).
 *
 * sums(words_lists, word_row, index, word_table, word_counts, weights, out):
 * fills out (float32, one row per message) from every word being in word_row.
 * word_table and weights are C-contiguous float32 (rows x outputs),
 * word_counts int32; pairs are looked up in index as "b FIRST SECOND".
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

static PyObject *
unknown(PyObject *module, PyObject *args)
{
    PyObject *lists, *word_row;
    if (!PyArg_ParseTuple(args, "O!O!", &PyList_Type, &lists, &PyDict_Type, &word_row)) {
        return NULL;
    }
    PyObject *out = PyList_New(0);
    PyObject *seen = PySet_New(NULL);
    if (out == NULL || seen == NULL) {
        goto fail;
    }
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(lists); k++) {
        PyObject *words = PyList_GET_ITEM(lists, k);
        if (!PyList_Check(words)) {
            PyErr_SetString(PyExc_TypeError, "each message's words must be a list");
            goto fail;
        }
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(words); i++) {
            PyObject *w = PyList_GET_ITEM(words, i);
            int has = PyDict_Contains(word_row, w);
            if (has < 0) {
                goto fail;
            }
            if (has) {
                continue;
            }
            has = PySet_Contains(seen, w);
            if (has < 0) {
                goto fail;
            }
            if (!has && (PySet_Add(seen, w) < 0 || PyList_Append(out, w) < 0)) {
                goto fail;
            }
        }
    }
    Py_DECREF(seen);
    return out;
fail:
    Py_XDECREF(out);
    Py_XDECREF(seen);
    return NULL;
}

/* A per-message set of (first row, second row) pairs: open addressing. */
typedef struct {
    uint64_t *keys;
    Py_ssize_t size; /* a power of two */
} PairSet;

static int
pairs_reset(PairSet *s, Py_ssize_t wanted)
{
    Py_ssize_t size = 16;
    while (size < 2 * wanted) {
        size *= 2;
    }
    if (size > s->size) {
        uint64_t *keys = PyMem_Realloc(s->keys, (size_t)size * sizeof(uint64_t));
        if (keys == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        s->keys = keys;
        s->size = size;
    }
    memset(s->keys, 0xff, (size_t)s->size * sizeof(uint64_t)); /* all empty */
    return 0;
}

/* 1 when the pair was new (and is now kept), 0 when seen before. */
static int
pairs_add(PairSet *s, uint64_t key)
{
    uint64_t h = key * 0x9E3779B97F4A7C15ull;
    Py_ssize_t mask = s->size - 1;
    Py_ssize_t at = (Py_ssize_t)(h >> 32) & mask;
    while (s->keys[at] != UINT64_MAX) {
        if (s->keys[at] == key) {
            return 0;
        }
        at = (at + 1) & mask;
    }
    s->keys[at] = key;
    return 1;
}

static int
get_buffer(PyObject *obj, Py_buffer *view, int writable, Py_ssize_t itemsize, const char *name)
{
    int flags = PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0);
    if (PyObject_GetBuffer(obj, view, flags) < 0) {
        return -1;
    }
    if (view->itemsize != itemsize) {
        PyErr_Format(PyExc_TypeError, "%s has items of the wrong size", name);
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

static PyObject *
sums(PyObject *module, PyObject *args)
{
    PyObject *lists, *word_row, *index, *table_obj, *counts_obj, *weights_obj, *out_obj;
    if (!PyArg_ParseTuple(args, "O!O!O!OOOO", &PyList_Type, &lists, &PyDict_Type, &word_row,
                          &PyDict_Type, &index, &table_obj, &counts_obj, &weights_obj,
                          &out_obj)) {
        return NULL;
    }
    Py_buffer table = {0}, counts = {0}, weights = {0}, out = {0};
    PyObject *result = NULL;
    Py_ssize_t *rows = NULL;
    Py_ssize_t *seen = NULL;
    double *acc = NULL;
    PairSet pairs = {NULL, 0};
    PyObject *space = NULL, *lead = NULL;
    if (get_buffer(table_obj, &table, 0, sizeof(float), "word_table") < 0 ||
        get_buffer(counts_obj, &counts, 0, sizeof(int32_t), "word_counts") < 0 ||
        get_buffer(weights_obj, &weights, 0, sizeof(float), "weights") < 0 ||
        get_buffer(out_obj, &out, 1, sizeof(float), "out") < 0) {
        goto done;
    }
    Py_ssize_t n = PyList_GET_SIZE(lists);
    Py_ssize_t table_rows = counts.len / (Py_ssize_t)sizeof(int32_t);
    if (n == 0 || out.len % n != 0) {
        PyErr_SetString(PyExc_ValueError, "out must have one row per message");
        goto done;
    }
    Py_ssize_t dim = out.len / (Py_ssize_t)sizeof(float) / n;
    Py_ssize_t vocab = weights.len / (Py_ssize_t)sizeof(float) / (dim ? dim : 1);
    if (dim == 0 || table.len < table_rows * dim * (Py_ssize_t)sizeof(float) ||
        weights.len != vocab * dim * (Py_ssize_t)sizeof(float)) {
        PyErr_SetString(PyExc_ValueError, "the tables do not match the outputs");
        goto done;
    }
    const float *tab = (const float *)table.buf;
    const int32_t *cnt = (const int32_t *)counts.buf;
    const float *wts = (const float *)weights.buf;
    float *dst = (float *)out.buf;
    seen = PyMem_Malloc((size_t)(table_rows ? table_rows : 1) * sizeof(Py_ssize_t));
    acc = PyMem_Malloc((size_t)dim * 2 * sizeof(double));
    space = PyUnicode_FromString(" ");
    lead = PyUnicode_FromString("b");
    if (seen == NULL || acc == NULL || space == NULL || lead == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_NoMemory();
        }
        goto done;
    }
    for (Py_ssize_t r = 0; r < table_rows; r++) {
        seen[r] = -1;
    }
    double *wsum = acc, *psum = acc + dim;
    Py_ssize_t rows_room = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *words = PyList_GET_ITEM(lists, k);
        if (!PyList_Check(words)) {
            PyErr_SetString(PyExc_TypeError, "each message's words must be a list");
            goto done;
        }
        Py_ssize_t m = PyList_GET_SIZE(words);
        if (m > rows_room) {
            Py_ssize_t *grown = PyMem_Realloc(rows, (size_t)m * sizeof(Py_ssize_t));
            if (grown == NULL) {
                PyErr_NoMemory();
                goto done;
            }
            rows = grown;
            rows_room = m;
        }
        for (Py_ssize_t j = 0; j < dim; j++) {
            wsum[j] = 0.0;
            psum[j] = 0.0;
        }
        double features = 0.0;
        /* Each distinct word's share, in first-seen order. */
        for (Py_ssize_t i = 0; i < m; i++) {
            PyObject *row_obj = PyDict_GetItemWithError(word_row, PyList_GET_ITEM(words, i));
            if (row_obj == NULL) {
                if (!PyErr_Occurred()) {
                    PyErr_SetString(PyExc_KeyError, "a word has no share yet");
                }
                goto done;
            }
            Py_ssize_t r = PyLong_AsSsize_t(row_obj);
            if (r < 0 || r >= table_rows) {
                if (!PyErr_Occurred()) {
                    PyErr_SetString(PyExc_IndexError, "a word's row is outside the table");
                }
                goto done;
            }
            rows[i] = r;
            if (seen[r] == k) {
                continue;
            }
            seen[r] = k;
            const float *share = tab + r * dim;
            for (Py_ssize_t j = 0; j < dim; j++) {
                wsum[j] += (double)share[j];
            }
            features += (double)cnt[r];
        }
        /* Each distinct pair of neighbouring words, in first-seen order. */
        if (m > 1) {
            if (pairs_reset(&pairs, m) < 0) {
                goto done;
            }
            for (Py_ssize_t i = 0; i + 1 < m; i++) {
                uint64_t key = ((uint64_t)rows[i] << 32) | (uint64_t)rows[i + 1];
                if (!pairs_add(&pairs, key)) {
                    continue;
                }
                features += 1.0;
                PyObject *parts[3] = {lead, PyList_GET_ITEM(words, i), PyList_GET_ITEM(words, i + 1)};
                PyObject *tuple = PyTuple_New(3);
                if (tuple == NULL) {
                    goto done;
                }
                for (int t = 0; t < 3; t++) {
                    Py_INCREF(parts[t]);
                    PyTuple_SET_ITEM(tuple, t, parts[t]);
                }
                PyObject *name = PyUnicode_Join(space, tuple);
                Py_DECREF(tuple);
                if (name == NULL) {
                    goto done;
                }
                PyObject *at = PyDict_GetItemWithError(index, name);
                Py_DECREF(name);
                if (at == NULL) {
                    if (PyErr_Occurred()) {
                        goto done;
                    }
                    continue;
                }
                Py_ssize_t v = PyLong_AsSsize_t(at);
                if (v < 0 || v >= vocab) {
                    if (!PyErr_Occurred()) {
                        PyErr_SetString(PyExc_IndexError, "a feature is outside the weights");
                    }
                    goto done;
                }
                const float *w = wts + v * dim;
                for (Py_ssize_t j = 0; j < dim; j++) {
                    psum[j] += (double)w[j];
                }
            }
        }
        double norm = sqrt(features > 1.0 ? features : 1.0);
        float *row = dst + k * dim;
        for (Py_ssize_t j = 0; j < dim; j++) {
            double total = (0.0 + wsum[j]) + psum[j];
            row[j] = (float)(total / norm);
        }
    }
    result = Py_NewRef(Py_None);
done:
    if (table.obj) PyBuffer_Release(&table);
    if (counts.obj) PyBuffer_Release(&counts);
    if (weights.obj) PyBuffer_Release(&weights);
    if (out.obj) PyBuffer_Release(&out);
    PyMem_Free(rows);
    PyMem_Free(seen);
    PyMem_Free(acc);
    PyMem_Free(pairs.keys);
    Py_XDECREF(space);
    Py_XDECREF(lead);
    return result;
}

static PyMethodDef methods[] = {
    {"unknown", unknown, METH_VARARGS,
     "unknown(words_lists, word_row): words not in word_row, once each, in first-seen order."},
    {"sums", sums, METH_VARARGS,
     "sums(words_lists, word_row, index, word_table, word_counts, weights, out): the margins."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_sums", "The learned model's batch sums over word ids.", -1, methods,
};

PyMODINIT_FUNC
PyInit__sums(void)
{
    return PyModule_Create(&module);
}
