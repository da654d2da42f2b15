/* A quick constructor for Unsnare's frozen, slotted dataclasses (Message, Source).
 *
 * Why C: reading a 1,000,000-message export builds two million of these
 * values. The dataclass __init__ sets each of Message's 15 fields through
 * object.__setattr__, which was a third of all reading time (measured); here
 * each field is stored through its slot descriptor, as __init__ itself ends up
 * doing, with no Python frame.
 *
 * make(cls, descriptors, *values): a new cls with descriptors[i] set to
 * values[i]. unsnare/fastmodel.py checks that cls is a plain slotted
 * dataclass (no __post_init__) and passes every field, in order.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
make(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 2 || !PyType_Check(args[0]) || !PyTuple_CheckExact(args[1])) {
        PyErr_SetString(PyExc_TypeError, "make(cls, descriptors, *values)");
        return NULL;
    }
    PyTypeObject *type = (PyTypeObject *)args[0];
    PyObject *descriptors = args[1];
    Py_ssize_t n = PyTuple_GET_SIZE(descriptors);
    if (nargs - 2 != n) {
        PyErr_Format(PyExc_TypeError, "%s needs %zd values, got %zd",
                     type->tp_name, n, nargs - 2);
        return NULL;
    }
    PyObject *obj = type->tp_alloc(type, 0);
    if (obj == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *d = PyTuple_GET_ITEM(descriptors, i);
        descrsetfunc set = Py_TYPE(d)->tp_descr_set;
        if (set == NULL) {
            PyErr_SetString(PyExc_TypeError, "not a slot descriptor");
            Py_DECREF(obj);
            return NULL;
        }
        if (set(d, obj, args[i + 2]) < 0) {
            Py_DECREF(obj);
            return NULL;
        }
    }
    return obj;
}

static PyMethodDef methods[] = {
    {"make", (PyCFunction)(void (*)(void))make, METH_FASTCALL,
     "make(cls, descriptors, *values): a new cls with each slot set."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_fastmodel", "Quick construction of slotted dataclasses.", -1, methods,
};

PyMODINIT_FUNC
PyInit__fastmodel(void)
{
    return PyModule_Create(&module);
}
