"""Builds the one compiled part, PDQIndex's search kernel (the rest is in pyproject.toml).

It is optional: without a C compiler the package still installs and PDQIndex
searches with NumPy alone (slower, same answers). scripts/test checks that it was built.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "unsnare.hashing._mih",
            ["src/unsnare/hashing/_mih.c"],
            extra_compile_args=["-O2"],
            optional=True,
        )
    ]
)
