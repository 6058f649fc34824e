"""Hostile inputs: each one through the real ``essaylint check`` command, measured.

Run from the project root with the project's virtualenv active:

    python benchmarks/hostile_inputs.py [--only NAME ...] [--timeout 120]

Every input is made here, in a temporary folder, and checked by a fresh
``essaylint check --select C,R --format json`` process (``--select ALL`` for the
prose cases, whose danger is the spelling engine). For each the table gives the
exit code, the wall time, the peak memory of the process (its maximum resident
set, from the kernel) and a verdict:

- ``ok``: a clear answer — exit 0/1 with JSON, or exit 2 with a one-line
  message and no traceback — within the time limit;
- ``TRACEBACK``, ``CRASH`` (killed by a signal), ``TIMEOUT``: a failure to fix.

Nothing is asserted: the numbers are for the closing note and for finding
what to fix. Inputs are written to disk only for the run and removed after.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

Maker = Callable[[Path], Path]


def _docx_with(document_xml: bytes, folder: Path, name: str) -> Path:
    """A .docx whose word/document.xml is ``document_xml`` (the rest minimal and valid)."""
    content_types = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        b'relationships+xml"/>'
        b'<Default Extension="xml" ContentType="application/xml"/>'
        b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    path = folder / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", content_types)
        zf.writestr("_rels/.rels", rels)
        zf.writestr("word/document.xml", document_xml)
    return path


_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_zip_bomb(folder: Path) -> Path:
    """1 GB of XML inflated from a few MB: one paragraph of spaces, repeated."""
    head = b'<?xml version="1.0"?><w:document ' + _W + b"><w:body>"
    tail = b"</w:body></w:document>"
    path = folder / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", b"<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(head)
            block = b"<w:p><w:r><w:t>" + b" " * (1 << 20) + b"</w:t></w:r></w:p>"
            for _ in range(1024):
                fh.write(block)
            fh.write(tail)
    return path


def docx_billion_laughs(folder: Path) -> Path:
    lol = [b'<!ENTITY lol0 "lol">']
    lol += [b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10) for i in range(1, 10)]
    xml = (
        b'<?xml version="1.0"?><!DOCTYPE w:document [' + b"".join(lol) + b"]>"
        b"<w:document " + _W + b"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>"
        b"</w:body></w:document>"
    )
    return _docx_with(xml, folder, "laughs.docx")


def docx_external_entity(folder: Path) -> Path:
    xml = (
        b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b"<w:document " + _W + b"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>"
        b"</w:body></w:document>"
    )
    return _docx_with(xml, folder, "xxe.docx")


def odt_zip_bomb(folder: Path) -> Path:
    path = folder / "bomb.odt"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), b"application/vnd.oasis.opendocument.text")
        with zf.open("content.xml", "w", force_zip64=True) as fh:
            fh.write(
                b'<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:'
                b'tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:'
                b'opendocument:xmlns:text:1.0"><office:body><office:text>'
            )
            block = b"<text:p>" + b" " * (1 << 20) + b"</text:p>"
            for _ in range(1024):
                fh.write(block)
            fh.write(b"</office:text></office:body></office:document-content>")
    return path


def html_deep_nesting(folder: Path) -> Path:
    path = folder / "nested.html"
    path.write_text("<div>" * 100_000 + "Deep (Smith, 2019)." + "</div>" * 100_000)
    return path


def tex_input_loop(folder: Path) -> Path:
    (folder / "a.tex").write_text("\\input{b}\nText (Smith, 2019).\n")
    (folder / "b.tex").write_text("\\input{a}\n")
    return folder / "a.tex"


def tex_input_outside(folder: Path) -> Path:
    path = folder / "outside.tex"
    path.write_text("\\input{/etc/passwd}\n\\input{../../../../etc/hostname}\nText.\n")
    return path


def bib_string_recursion(folder: Path) -> Path:
    strings = ['@string{s0 = "ha"}'] + [
        f"@string{{s{i} = s{i - 1} # s{i - 1}}}" for i in range(1, 40)
    ]
    (folder / "refs.bib").write_text(
        "\n".join(strings) + "\n@article{k, title = s39, author = {A. Smith}, year = 2019}\n"
    )
    path = folder / "essay.tex"
    path.write_text("Text \\cite{k}.\n\\bibliography{refs}\n")
    return path


def bib_50_mb(folder: Path) -> Path:
    entry = (
        "@article{{k{0}, author = {{Smith, A. and Jones, B.}}, title = {{A study of things "
        "number {0}}}, journal = {{Journal}}, year = {{2019}}, volume = {{1}}, pages = {{1--9}}}}\n"
    )
    with (folder / "big.bib").open("w") as fh:
        i = 0
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(entry.format(i))
            i += 1
    path = folder / "essay.tex"
    path.write_text("Text \\cite{k1, k2}.\n\\bibliography{big}\n")
    return path


def one_long_line(folder: Path) -> Path:
    path = folder / "line.txt"
    path.write_text("Word (Smith, 2019) and more words. " * (5 * 1024 * 1024 // 35))
    return path


def long_word(folder: Path) -> Path:
    path = folder / "word.txt"
    path.write_text("An essay. " + "x" * 60_000 + " The end.\n")
    return path


def many_citations(folder: Path) -> Path:
    body = " ".join(f"Claim {i} (Author{i % 500}, {1950 + i % 70})." for i in range(100_000))
    refs = "\n".join(f"Author{i}, A. ({1950 + i % 70}). Title {i}. Press." for i in range(500))
    path = folder / "citations.txt"
    path.write_text(body + "\n\nReferences\n\n" + refs + "\n")
    return path


def huge_list(folder: Path) -> Path:
    refs = "\n".join(
        f"Author{i:05d}, A. ({1900 + i % 120}). Title {i}. Journal {i % 40}, {i % 30}(2), 1-10."
        for i in range(20_000)
    )
    path = folder / "list.txt"
    path.write_text("An essay (Author00001, 1901).\n\nReferences\n\n" + refs + "\n")
    return path


def bracket_runs(folder: Path) -> Path:
    path = folder / "brackets.md"
    path.write_text("(" * 200_000 + "\n" + "[" * 200_000 + "\n" + "[^" * 50_000 + "\n")
    return path


def mixed_scripts(folder: Path) -> Path:
    sample = "\u202eRTL\u202c text \u200b\u200d zero width e\u0301\u0301\u0301 (Smith, 2019) "
    path = folder / "mixed.md"
    path.write_text((sample * 20_000) + "\n\nReferences\n\nSmith, J. (2019). T. P.\n")
    return path


CASES: dict[str, tuple[Maker, str]] = {
    "docx zip bomb (1 GB inflated)": (docx_zip_bomb, "C,R"),
    "docx billion laughs": (docx_billion_laughs, "C,R"),
    "docx external entity": (docx_external_entity, "C,R"),
    "odt zip bomb (1 GB inflated)": (odt_zip_bomb, "C,R"),
    "html 100,000 nested elements": (html_deep_nesting, "C,R"),
    "tex \\input loop": (tex_input_loop, "C,R"),
    "tex \\input{/etc/passwd}": (tex_input_outside, "C,R"),
    "bib @string recursion": (bib_string_recursion, "C,R"),
    "bib 50 MB": (bib_50_mb, "C,R"),
    "5 MB single line": (one_long_line, "C,R"),
    "60,000-character word (spelling)": (long_word, "ALL"),
    "100,000 citations": (many_citations, "C,R"),
    "20,000-entry reference list": (huge_list, "C,R"),
    "runs of ( and [": (bracket_runs, "ALL"),
    "RTL, zero-width, combining": (mixed_scripts, "ALL"),
}


def _run_measured(
    command: list[str], cwd: Path, timeout: float
) -> tuple[int | None, float, float, str]:
    """(return code or None on timeout, seconds, peak MB of this child alone, stderr)."""
    err_path = cwd / "stderr.txt"
    with err_path.open("wb") as err, open(os.devnull, "wb") as devnull:
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=devnull, stderr=err, cwd=cwd)
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            seconds = time.perf_counter() - start
            if pid:
                proc.returncode = os.waitstatus_to_exitcode(status)
                break
            if seconds > timeout:
                proc.kill()
                os.wait4(proc.pid, 0)
                proc.returncode = -9
                return None, seconds, 0.0, ""
            time.sleep(0.02)
    return (
        proc.returncode,
        seconds,
        usage.ru_maxrss / 1024.0,
        err_path.read_text("utf-8", "replace"),
    )


def run_case(maker: Maker, select: str, timeout: float) -> tuple[str, float, float, str]:
    """(exit, seconds, peak MB, verdict) of one input checked by a fresh process."""
    folder = Path(tempfile.mkdtemp(prefix="essaylint-hostile-"))
    try:
        target = maker(folder)
        command = [
            sys.executable, "-m", "essaylint", "check", "--select", select,
            "--format", "json", str(target),
        ]  # fmt: skip
        code, seconds, peak, err = _run_measured(command, folder, timeout)
        if code is None:
            return "-", seconds, peak, "TIMEOUT"
        if code < 0:
            verdict = f"CRASH (signal {-code})"
        elif "Traceback" in err:
            verdict = "TRACEBACK: " + err.strip().splitlines()[-1][:80]
        elif code in (0, 1):
            verdict = "ok"
        elif code == 2:
            verdict = "ok: " + (err.strip().splitlines() or ["(no message)"])[-1][:80]
        else:
            verdict = f"exit {code}: " + err.strip()[-80:]
        return str(code), seconds, peak, verdict
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="run the cases whose name contains one of these")
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args(argv)
    out = io.StringIO()
    out.write(f"{'input':36} {'exit':>4} {'seconds':>8} {'peak MB':>8}  verdict\n")
    print(out.getvalue(), end="", flush=True)
    for name, (maker, select) in CASES.items():
        if args.only and not any(part in name for part in args.only):
            continue
        code, seconds, peak, verdict = run_case(maker, select, args.timeout)
        print(f"{name:36} {code:>4} {seconds:8.2f} {peak:8.0f}  {verdict}", flush=True)
    if os.environ.get("CI"):
        print("(numbers from CI are not comparable: run locally)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
