#!/usr/bin/env python3
"""Rewrites every ```java block in README.md and docs/ from the tagged source region it names.

A block is preceded by `<!-- snippet: path/to/File.java#tag -->`; the region lies between
`// tag::tag[]` and `// end::tag[]` in that file. Run after editing a snippet's source (and after
`mvn spotless:apply`); DocSnippetsTest in examples fails the build when a block and its region differ.
With --adopt, unmarked blocks get a marker when some tagged region in the tree matches them.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"(<!-- snippet: (\S+)#(\S+) -->\n)?```java\n(.*?)```", re.S)
TAG = re.compile(r"// tag::([\w-]+)\[\]\n(.*?)\n[ \t]*// end::\1\[\]", re.S)


def normalise(code):
    lines = code.rstrip("\n").split("\n")
    indent = min((len(l) - len(l.lstrip()) for l in lines if l.strip()), default=0)
    return "\n".join(l[indent:].rstrip() if l.strip() else "" for l in lines).strip("\n")


def regions():
    found = {}
    for src in ROOT.glob("**/src/**/*.java"):
        if "target" in src.parts:
            continue
        for m in TAG.finditer(src.read_text()):
            found[(str(src.relative_to(ROOT)), m.group(1))] = normalise(m.group(2))
    return found


def main():
    adopt = "--adopt" in sys.argv
    all_regions = regions()
    docs = [ROOT / "README.md"] + sorted((ROOT / "docs").glob("**/*.md"))
    for doc in docs:
        text = doc.read_text()

        def replace(m):
            path, tag = m.group(2), m.group(3)
            if path is None:
                if adopt:
                    body = normalise(m.group(4))
                    for (p, t), code in all_regions.items():
                        if code == body:
                            return f"<!-- snippet: {p}#{t} -->\n```java\n{code}\n```"
                print(f"{doc.relative_to(ROOT)}: java block without snippet marker", file=sys.stderr)
                return m.group(0)
            code = all_regions.get((path, tag))
            if code is None:
                print(f"{doc.relative_to(ROOT)}: no region {path}#{tag}", file=sys.stderr)
                return m.group(0)
            return f"<!-- snippet: {path}#{tag} -->\n```java\n{code}\n```"

        new = BLOCK.sub(replace, text)
        if new != text:
            doc.write_text(new)
            print(f"updated {doc.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
