#!/usr/bin/env python3
"""Share of a Jekyll/kramdown help center's procedure steps that the shipped grammar reads.

Usage: bench/help_center_steps.py ARTICLES_DIR [--locale en] [--helpcenter PATH] [--show unread|read]

Steps are the items of numbered lists (`1. ...`) in ARTICLES_DIR/**/*.md. Liquid tags
(`{% ... %}`, `{{ ... }}`) and kramdown attribute lists (`{:...}`) are removed first, as the
importer removes them. The sentences go through `helpcenter explain --corpus` as a temporary
corpus whose entries all claim to be refused, so that every entry prints a line: "must not
read" means the step read (and as what), "refused otherwise" means it did not. No help-center
text is stored: the corpus lives in a temporary directory.
"""
import argparse, json, os, re, shutil, subprocess, sys, tempfile

ITEM = re.compile(r"^\s{0,3}\d+\.\s+(.*\S)\s*$")
LIQUID = re.compile(r"\{%.*?%\}|\{\{.*?\}\}")
IAL = re.compile(r"\{:[^}]*\}")
BOLD = re.compile(r"\*\*([^*]+)\*\*")

def steps(root):
    found = []
    for folder, _, names in sorted(os.walk(root)):
        for name in sorted(names):
            if not name.endswith(".md"):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as handle:
                in_code = False
                for number, line in enumerate(handle, 1):
                    if line.lstrip().startswith(("```", "~~~")):
                        in_code = not in_code
                    match = None if in_code else ITEM.match(line)
                    if not match:
                        continue
                    text = re.sub(r"\s+", " ", IAL.sub("", LIQUID.sub("", match.group(1)))).strip()
                    if text:
                        found.append((path, number, text))
    return found

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("articles")
    parser.add_argument("--locale", default="en")
    parser.add_argument("--helpcenter", default=".build/debug/helpcenter")
    parser.add_argument("--content", default="content")
    parser.add_argument("--show", choices=["read", "unread"])
    parser.add_argument("--vocabulary", action="store_true",
                        help="add a vocabulary.yml of the bold labels the articles use, as helpcenter import writes it")
    args = parser.parse_args()
    found = steps(args.articles)
    if not found:
        sys.exit(f"no numbered-list items under {args.articles}")
    with tempfile.TemporaryDirectory() as folder:
        if args.vocabulary:
            locale_folder = os.path.join(folder, "content", args.locale)
            os.makedirs(locale_folder)
            shutil.copy(os.path.join(args.content, args.locale, "phrasebook.yml"), locale_folder)
            labels = sorted({label.strip() for _, _, text in found for label in BOLD.findall(text) if label.strip()})
            with open(os.path.join(locale_folder, "vocabulary.yml"), "w", encoding="utf-8") as out:
                out.write("places: []\nlabels:\n" + "".join(f"  - {json.dumps(label, ensure_ascii=False)}\n" for label in labels))
            args.content = os.path.join(folder, "content")
        corpus = os.path.join(folder, f"steps.{args.locale}.yml")
        with open(corpus, "w", encoding="utf-8") as out:
            out.write(f"locale: {args.locale}\nunread:\n")
            for _, _, text in found:
                out.write(f"  - step: {json.dumps(text, ensure_ascii=False)}\n    error: measured\n")
        result = subprocess.run([args.helpcenter, "explain", "--content", args.content, "--corpus", corpus, "--verbose"],
                                capture_output=True, text=True)
    # Entries refused as expected print nothing; a read one prints "MISREAD (must not read) as [...]".
    read_at = {}
    for line in result.stdout.splitlines():
        match = re.match(r".*?:(\d+): MISREAD \(must not read\) as (\[.*?\]): ", line)
        if match:
            read_at[(int(match.group(1)) - 3) // 2] = match.group(2)
    if result.returncode == 2 or not re.search(r"refused as expected", result.stdout):
        sys.exit(f"helpcenter explain failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    read = len(read_at)
    if args.show:
        for index, (path, number, text) in enumerate(found):
            if (index in read_at) == (args.show == "read"):
                print(f"{os.path.relpath(path, args.articles)}:{number}: {text}" + (f"\n    {read_at[index]}" if index in read_at else ""))
    print(f"{read}/{len(found)} steps read ({100 * read / len(found):.1f}%)")

if __name__ == "__main__":
    main()
