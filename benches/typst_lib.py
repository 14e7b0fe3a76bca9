#!/usr/bin/env python3
"""The Typst library's time for the same PDFs as `report batch`: the `typst` package from
PyPI (Typst compiled as a library, Python bindings), one process per core, each loading
the fonts once and compiling its share of the Typst projects that benches/batch.sh wrote
(our template, its layout and each report's data). Prints the wall time in seconds.

Usage: typst_lib.py FONT_DIR PROJECT_DIR...   (pip install typst)
"""

import multiprocessing
import os
import sys
import time


def compile_share(args):
    font_dir, projects = args
    import typst

    # One compiler per process: fonts are searched and loaded once, then every project of
    # this share is compiled against them.
    compiler = typst.Compiler(font_paths=[font_dir], ignore_system_fonts=True)
    for project in projects:
        compiler.compile(
            input=os.path.join(project, "report.typ"),
            root=project,
            output=os.path.join(project, "report.pdf"),
        )
    return len(projects)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    font_dir, projects = sys.argv[1], sys.argv[2:]
    cores = min(os.cpu_count() or 1, len(projects))
    shares = [(font_dir, projects[i::cores]) for i in range(cores)]
    start = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(cores) as pool:
        done = sum(pool.map(compile_share, shares))
    elapsed = time.perf_counter() - start
    if done != len(projects):
        sys.exit(f"compiled {done} of {len(projects)}")
    print(f"{elapsed:.3f}")


if __name__ == "__main__":
    main()
