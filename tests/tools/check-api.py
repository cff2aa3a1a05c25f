#!/usr/bin/env python3
"""Checks libaccord's public API against its headers, documentation and linker map.

usage: check-api.py SOURCE_ROOT LIBACCORD_SO CC BUILD_INCLUDE_DIR

- the functions the public headers declare are exactly the functions the shared library
  exports (nm -D), and exactly those the version script engine/libaccord.map lists;
- every public function has a gtk-doc comment (" * name:") in engine/*.c, and every public
  type and enum in its header;
- a public header other than accord/accord.h refuses to be included on its own.
Prints each disagreement and exits 1 if there is any.
"""
import os
import re
import subprocess
import sys
import tempfile

root, lib, cc, build_include = sys.argv[1:5]
headers = sorted(os.path.join(root, 'include', 'accord', f)
                 for f in os.listdir(os.path.join(root, 'include', 'accord')) if f.endswith('.h'))
problems = []


def declared_functions():
    names = set()
    for h in headers:
        text = open(h, encoding='utf-8').read()
        # a declaration: the name at the start of a line, then '(' (return type on the line before)
        for m in re.finditer(r'^(accord_\w+)\(', text, re.M):
            names.add(m.group(1))
    return names


def declared_types():
    names = set()
    for h in headers:
        text = open(h, encoding='utf-8').read()
        for m in re.finditer(r'^\} (Accord\w+);', text, re.M):
            names.add((h, m.group(1)))
        for m in re.finditer(r'^typedef struct _(Accord\w+) \1;', text, re.M):
            names.add((h, m.group(1)))
    return names


def exported():
    out = subprocess.run(['nm', '-D', '--defined-only', lib], capture_output=True, text=True,
                         check=True).stdout
    return {line.split()[-1].split('@')[0] for line in out.splitlines()
            if line.split()[-2] in ('T', 'D', 'B', 'R')}


def mapped():
    text = open(os.path.join(root, 'engine', 'libaccord.map'), encoding='utf-8').read()
    return set(re.findall(r'^\s+(accord_\w+);', text, re.M))


functions = declared_functions()
exports = exported()
for name in sorted(functions - exports):
    problems.append(f'{name}: declared in a public header but not exported')
for name in sorted(exports - functions):
    problems.append(f'{name}: exported but not declared in a public header')
for name in sorted(functions ^ mapped()):
    problems.append(f'{name}: in the headers or engine/libaccord.map but not both')

sources = ''.join(open(os.path.join(root, 'engine', f), encoding='utf-8').read()
                  for f in os.listdir(os.path.join(root, 'engine')) if f.endswith('.c'))
for name in sorted(functions):
    if f'\n * {name}:\n' not in sources:
        problems.append(f'{name}: no gtk-doc comment in engine/')
for header, name in sorted(declared_types()):
    if f'\n * {name}:\n' not in open(header, encoding='utf-8').read():
        problems.append(f'{name}: no gtk-doc comment in {os.path.basename(header)}')

for h in headers:
    base = os.path.basename(h)
    if base in ('accord.h', 'version.h'):
        continue
    with tempfile.NamedTemporaryFile('w', suffix='.c') as f:
        f.write(f'#include <accord/{base}>\n')
        f.flush()
        r = subprocess.run([cc, '-fsyntax-only', '-I', os.path.join(root, 'include'),
                            '-I', build_include] +
                           subprocess.run(['pkg-config', '--cflags', 'glib-2.0'],
                                          capture_output=True, text=True).stdout.split() +
                           [f.name], capture_output=True, text=True)
        if r.returncode == 0 or 'Only <accord/accord.h>' not in r.stderr:
            problems.append(f'accord/{base}: can be included on its own')

for p in problems:
    print(p)
print(f'{len(functions)} public functions, {len(exports)} exported symbols, '
      f'{len(problems)} problem(s)')
sys.exit(1 if problems else 0)
