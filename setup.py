"""Builds the compiled parts (the rest is in pyproject.toml): PDQIndex's search
kernel, and the quick model constructor the importers use (unsnare.fastmodel).

Both are optional: without a C compiler the package still installs, PDQIndex
searches with NumPy alone and models are built by their own constructors
(slower, same answers). scripts/test checks that they were built.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "unsnare.hashing._mih",
            ["src/unsnare/hashing/_mih.c"],
            extra_compile_args=["-O2"],
            optional=True,
        ),
        Extension(
            "unsnare._fastmodel",
            ["src/unsnare/_fastmodel.c"],
            extra_compile_args=["-O2"],
            optional=True,
        ),
    ]
)
