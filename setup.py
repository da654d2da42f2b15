"""Builds the compiled parts (the rest is in pyproject.toml): PDQIndex's search
kernel, the quick model constructor the importers use (unsnare.fastmodel), the
WhatsApp reader's two passes and `import --json`'s writer for plain lines
(unsnare._fastread), the rules' one-pass test of which rules could match a
message (unsnare._fastscan) and the learned model's batch sums (learned._sums).

All are optional: without a C compiler the package still installs, PDQIndex
searches with NumPy alone, models are built by their own constructors, exports
are read and written by the Python code, rules are chosen by Python tests and
the model's sums are done by NumPy (slower, same answers). The tests fail under
CI=true when one was not built.
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
        Extension(
            "unsnare.analysis.learned._sums",
            ["src/unsnare/analysis/learned/_sums.c"],
            extra_compile_args=["-O2"],
            optional=True,
        ),
        Extension(
            "unsnare._fastread",
            ["src/unsnare/_fastread.c"],
            extra_compile_args=["-O2"],
            optional=True,
        ),
        Extension(
            "unsnare._fastscan",
            ["src/unsnare/_fastscan.c"],
            extra_compile_args=["-O2"],
            optional=True,
        ),
    ]
)
