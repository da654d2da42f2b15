/* The inner loop of PDQIndex's multi-index search, compiled.
 *
 * Why C: at a million hashes one lookup checks about 4,000 candidate rows
 * found in 272 bucket runs. Done with NumPy that is a dozen array passes plus
 * one cache miss per candidate, and the misses are taken one pass at a time;
 * here each candidate is read once, its row is prefetched while the next
 * ones are collected, and most are ruled out by the first 128 bits.
 *
 * The arrays are the ones `_segment.Segment` keeps (see there for the
 * layout); nothing is allocated or kept between calls and the GIL is released
 * while searching. `search_batch` runs many queries in one call, so a scan
 * pays Python's per-call cost once per batch rather than once per hash.
 * Every index read from the tables is bounds-checked, so a damaged saved
 * index gives an error instead of a crash.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

#define PROBE_BLOCK 64
#define ROW_BLOCK 256

typedef struct {
    const uint64_t *lo, *hi;   /* (n, 2) each: bits 0-127 and 128-255 */
    const uint32_t *order;     /* (chunks, n): rows sorted by chunk key */
    const uint32_t *offsets;   /* (chunks, width): bucket starts, width = 2**bits + 1 */
    const uint8_t *alive;      /* (n,) */
    const uint32_t *keys;      /* (chunks,) the query's chunk keys */
    const int64_t *chunk;      /* (probes,) */
    const uint32_t *mask;      /* (probes,) */
    Py_ssize_t n, chunks, width, probes;
    uint64_t q[4];
    int max_distance;
    int64_t *out_rows;
    uint16_t *out_dist;
    Py_ssize_t capacity;
} search_args;

/* Checks one block of candidate rows; returns the new match count. */
static inline __attribute__((always_inline)) Py_ssize_t
verify_block(const search_args *a, const uint32_t *rows, int count, Py_ssize_t found)
{
    const uint64_t *lo = a->lo, *hi = a->hi;
    const int limit = a->max_distance;
    for (int i = 0; i < count; i++) {
        const uint32_t r = rows[i];
        int d = __builtin_popcountll(lo[2 * (size_t)r] ^ a->q[0]) +
                __builtin_popcountll(lo[2 * (size_t)r + 1] ^ a->q[1]);
        if (d > limit)
            continue;
        d += __builtin_popcountll(hi[2 * (size_t)r] ^ a->q[2]) +
             __builtin_popcountll(hi[2 * (size_t)r + 1] ^ a->q[3]);
        if (d > limit || !a->alive[r])
            continue;
        if (found < a->capacity) {
            a->out_rows[found] = r;
            a->out_dist[found] = (uint16_t)d;
        }
        found++;
    }
    return found;
}

/* Returns the number of matches (duplicates included), or -1 if the tables
 * point outside themselves. */
static inline __attribute__((always_inline)) Py_ssize_t
search_body(const search_args *a)
{
    uint32_t starts[PROBE_BLOCK], ends[PROBE_BLOCK];
    const uint32_t *runs[PROBE_BLOCK];
    uint32_t rows[ROW_BLOCK];
    int pending = 0;
    Py_ssize_t found = 0;
    const uint32_t buckets = (uint32_t)(a->width - 1);

    for (Py_ssize_t first = 0; first < a->probes; first += PROBE_BLOCK) {
        const int m = (int)(a->probes - first < PROBE_BLOCK ? a->probes - first : PROBE_BLOCK);
        /* All bucket bounds of the block first, so their cache misses overlap. */
        for (int j = 0; j < m; j++) {
            const int64_t k = a->chunk[first + j];
            if (k < 0 || k >= a->chunks)
                return -1;
            const uint32_t key = a->keys[k] ^ a->mask[first + j];
            if (key >= buckets)
                return -1;
            const uint32_t *off = a->offsets + (size_t)k * (size_t)a->width + key;
            starts[j] = off[0];
            ends[j] = off[1];
            runs[j] = a->order + (size_t)k * (size_t)a->n;
            __builtin_prefetch(runs[j] + starts[j]);
        }
        for (int j = 0; j < m; j++) {
            if (starts[j] > ends[j] || ends[j] > (uint64_t)a->n)
                return -1;
            const uint32_t *run = runs[j];
            for (uint32_t p = starts[j]; p < ends[j]; p++) {
                const uint32_t r = run[p];
                if (r >= (uint64_t)a->n)
                    return -1;
                __builtin_prefetch(a->lo + 2 * (size_t)r);
                rows[pending++] = r;
                if (pending == ROW_BLOCK) {
                    found = verify_block(a, rows, pending, found);
                    pending = 0;
                }
            }
        }
    }
    return verify_block(a, rows, pending, found);
}

static Py_ssize_t search_plain(const search_args *a) { return search_body(a); }

#if defined(__x86_64__) && defined(__GNUC__)
/* The POPCNT instruction is not in the x86-64 baseline the wheel targets;
 * use it when the CPU has it (every x86-64 CPU since about 2008). */
__attribute__((target("popcnt"))) static Py_ssize_t search_popcnt(const search_args *a)
{
    return search_body(a);
}
#endif

typedef struct {
    Py_buffer view;
    int held;
} held_buffer;

static int
get_buffer(PyObject *obj, held_buffer *b, Py_ssize_t itemsize, Py_ssize_t min_items,
           int writable, const char *name)
{
    if (PyObject_GetBuffer(obj, &b->view, (writable ? PyBUF_WRITABLE : 0) | PyBUF_C_CONTIGUOUS) < 0)
        return -1;
    b->held = 1;
    if (b->view.len % itemsize != 0 || b->view.len / itemsize < min_items) {
        PyErr_Format(PyExc_ValueError, "_mih: %s has the wrong size", name);
        return -1;
    }
    return 0;
}

PyDoc_STRVAR(search_doc,
"search(lo, hi, order, offsets, alive, keys, chunk, mask, query, max_distance,\n"
"       out_rows, out_dist) -> int\n\n"
"Probe the buckets (chunk, keys[chunk] ^ mask) and write the live rows within\n"
"max_distance of the 32-byte query to out_rows/out_dist (a row found through\n"
"several chunks appears several times). Returns how many there are; when that\n"
"is more than fits in the outputs, call again with larger ones.");

/* The tables shared by both entry points: args[0..7] are lo, hi, order,
 * offsets, alive, keys, chunk, mask; `queries` says how many queries the keys
 * are for (chunks = keys / queries). Fills everything in `a` but the query. */
static int
table_args(PyObject *const *args, held_buffer *b, Py_ssize_t queries, search_args *a,
           Py_ssize_t *chunks_out)
{
    enum { LO, HI, ORDER, OFFSETS, ALIVE, KEYS, CHUNK, MASK };
    Py_ssize_t n, chunks;
    if (get_buffer(args[ALIVE], &b[ALIVE], 1, 0, 0, "alive") < 0)
        return -1;
    n = b[ALIVE].view.len;
    if (get_buffer(args[KEYS], &b[KEYS], 4, queries, 0, "keys") < 0)
        return -1;
    if (b[KEYS].view.len / 4 % queries != 0) {
        PyErr_SetString(PyExc_ValueError, "_mih: keys has the wrong size");
        return -1;
    }
    chunks = b[KEYS].view.len / 4 / queries;
    if (get_buffer(args[LO], &b[LO], 16, n, 0, "lo") < 0 ||
        get_buffer(args[HI], &b[HI], 16, n, 0, "hi") < 0 ||
        get_buffer(args[ORDER], &b[ORDER], 4, chunks * n, 0, "order") < 0 ||
        get_buffer(args[OFFSETS], &b[OFFSETS], 4, 0, 0, "offsets") < 0 ||
        get_buffer(args[CHUNK], &b[CHUNK], 8, 0, 0, "chunk") < 0 ||
        get_buffer(args[MASK], &b[MASK], 4, b[CHUNK].view.len / 8, 0, "mask") < 0)
        return -1;
    if (b[OFFSETS].view.len / 4 % chunks != 0 || b[OFFSETS].view.len / 4 / chunks < 2) {
        PyErr_SetString(PyExc_ValueError, "_mih: offsets has the wrong size");
        return -1;
    }
    a->lo = b[LO].view.buf;
    a->hi = b[HI].view.buf;
    a->order = b[ORDER].view.buf;
    a->offsets = b[OFFSETS].view.buf;
    a->alive = b[ALIVE].view.buf;
    a->keys = b[KEYS].view.buf;
    a->chunk = b[CHUNK].view.buf;
    a->mask = b[MASK].view.buf;
    a->n = n;
    a->chunks = chunks;
    a->width = b[OFFSETS].view.len / 4 / chunks;
    a->probes = b[CHUNK].view.len / 8;
    *chunks_out = chunks;
    return 0;
}

static Py_ssize_t (*pick_search(void))(const search_args *)
{
#if defined(__x86_64__) && defined(__GNUC__)
    return __builtin_cpu_supports("popcnt") ? search_popcnt : search_plain;
#else
    return search_plain;
#endif
}

static void
release_all(held_buffer *b, int count)
{
    for (int i = 0; i < count; i++)
        if (b[i].held)
            PyBuffer_Release(&b[i].view);
}

static PyObject *
mih_search(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 12) {
        PyErr_SetString(PyExc_TypeError, "_mih.search takes 12 arguments");
        return NULL;
    }
    long max_distance = PyLong_AsLong(args[9]);
    if (max_distance == -1 && PyErr_Occurred())
        return NULL;
    enum { QUERY = 8, ROWS = 10, DIST, COUNT };
    held_buffer b[COUNT];
    PyObject *result = NULL;
    search_args a;
    Py_ssize_t chunks, found;
    Py_ssize_t (*search)(const search_args *) = pick_search();

    memset(b, 0, sizeof b);
    if (table_args(args, b, 1, &a, &chunks) < 0 ||
        get_buffer(args[QUERY], &b[QUERY], 1, 32, 0, "query") < 0 ||
        get_buffer(args[ROWS], &b[ROWS], 8, 0, 1, "out_rows") < 0 ||
        get_buffer(args[DIST], &b[DIST], 2, b[ROWS].view.len / 8, 1, "out_dist") < 0)
        goto done;
    memcpy(a.q, b[QUERY].view.buf, 32);
    a.max_distance = (int)max_distance;
    a.out_rows = b[ROWS].view.buf;
    a.out_dist = b[DIST].view.buf;
    a.capacity = b[ROWS].view.len / 8;

    Py_BEGIN_ALLOW_THREADS
    found = search(&a);
    Py_END_ALLOW_THREADS
    if (found < 0)
        PyErr_SetString(PyExc_ValueError, "_mih.search: the index tables are damaged");
    else
        result = PyLong_FromSsize_t(found);
done:
    release_all(b, COUNT);
    return result;
}

PyDoc_STRVAR(search_batch_doc,
"search_batch(lo, hi, order, offsets, alive, keys, chunk, mask, queries,\n"
"             max_distance, out_query, out_rows, out_dist) -> (done, found, needed)\n\n"
"`search` for many queries in one call: queries is (q, 32) bytes and keys\n"
"(q, chunks). Matches are written in query order, each with its query's\n"
"number in out_query. Stops before the first query whose matches do not fit\n"
"in what is left of the outputs: `done` queries were searched, `found`\n"
"matches written, and `needed` is what the next query alone needs (0 when\n"
"done == q). Call again from query `done` with outputs of at least `needed`.");

static PyObject *
mih_search_batch(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 13) {
        PyErr_SetString(PyExc_TypeError, "_mih.search_batch takes 13 arguments");
        return NULL;
    }
    long max_distance = PyLong_AsLong(args[9]);
    if (max_distance == -1 && PyErr_Occurred())
        return NULL;
    enum { QUERIES = 8, QNUM = 10, ROWS, DIST, COUNT };
    held_buffer b[COUNT];
    PyObject *result = NULL;
    search_args a;
    Py_ssize_t queries, chunks, done = 0, found = 0, needed = 0, capacity;
    int damaged = 0;
    Py_ssize_t (*search)(const search_args *) = pick_search();

    memset(b, 0, sizeof b);
    if (get_buffer(args[QUERIES], &b[QUERIES], 32, 0, 0, "queries") < 0)
        goto done;
    queries = b[QUERIES].view.len / 32;
    if (queries == 0) {
        result = Py_BuildValue("nnn", (Py_ssize_t)0, (Py_ssize_t)0, (Py_ssize_t)0);
        goto done;
    }
    if (table_args(args, b, queries, &a, &chunks) < 0 ||
        get_buffer(args[QNUM], &b[QNUM], 8, 0, 1, "out_query") < 0 ||
        get_buffer(args[ROWS], &b[ROWS], 8, b[QNUM].view.len / 8, 1, "out_rows") < 0 ||
        get_buffer(args[DIST], &b[DIST], 2, b[QNUM].view.len / 8, 1, "out_dist") < 0)
        goto done;
    capacity = b[QNUM].view.len / 8;
    a.max_distance = (int)max_distance;
    {
        const uint32_t *keys = a.keys;
        const uint8_t *qbytes = b[QUERIES].view.buf;
        int64_t *qnum = b[QNUM].view.buf;
        int64_t *rows = b[ROWS].view.buf;
        uint16_t *dist = b[DIST].view.buf;

        Py_BEGIN_ALLOW_THREADS
        for (; done < queries; done++) {
            Py_ssize_t got;
            a.keys = keys + (size_t)done * (size_t)chunks;
            memcpy(a.q, qbytes + (size_t)done * 32, 32);
            a.out_rows = rows + found;
            a.out_dist = dist + found;
            a.capacity = capacity - found;
            got = search(&a);
            if (got < 0) {
                damaged = 1;
                break;
            }
            if (got > a.capacity) {
                needed = got;
                break;
            }
            for (Py_ssize_t i = 0; i < got; i++)
                qnum[found + i] = done;
            found += got;
        }
        Py_END_ALLOW_THREADS
    }
    if (damaged)
        PyErr_SetString(PyExc_ValueError, "_mih.search_batch: the index tables are damaged");
    else
        result = Py_BuildValue("nnn", done, found, needed);
done:
    release_all(b, COUNT);
    return result;
}

static PyMethodDef mih_methods[] = {
    {"search", (PyCFunction)(void (*)(void))mih_search, METH_FASTCALL, search_doc},
    {"search_batch", (PyCFunction)(void (*)(void))mih_search_batch, METH_FASTCALL,
     search_batch_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef mih_module = {
    PyModuleDef_HEAD_INIT, "_mih", "Compiled multi-index search for PDQIndex.", -1, mih_methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit__mih(void)
{
    return PyModule_Create(&mih_module);
}
