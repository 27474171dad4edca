"""ingest on hostile inputs: each fails with a specific MinutesError and a one-line message, fast;
an archive's bad member never stops the others."""
from __future__ import annotations

import io
import os
import random
import struct
import zipfile
from pathlib import Path

import docx
import pytest

from minutes_extract import ingest
from minutes_extract.errors import (
    CorruptInput,
    EmptyInput,
    EncryptedInput,
    ExtractionFailed,
    InputNotFound,
    InputTooLarge,
    MinutesError,
    NoText,
    UnreadableInput,
    UnsafeArchive,
    UnsupportedFormat,
)
from minutes_extract.formats import archive
from minutes_extract.ingest import Source, iter_inputs, iter_sources, read_sources, source_from_bytes

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "formats"
HOSTILE = Path(__file__).resolve().parent / "data" / "hostile"  # kept out of fixtures/: `make demo` reads all of it
SHARED = Path(__file__).resolve().parents[2] / "shared"
PDF = (FIXTURES / "minutes_3pages.pdf").read_bytes()


def fails_with(error: type[MinutesError], name: str, data: bytes) -> MinutesError:
    with pytest.raises(error) as info:
        source_from_bytes(name, data)
    err = info.value
    assert type(err) is error, f"{type(err).__name__}: {err}"
    assert "\n" not in str(err) and str(err) == err.message and err.path == name
    return err


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def _docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Minutes of the Cabinet.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- single documents ---------------------------------------------------------------------------

@pytest.mark.parametrize("data", [b"", b"   \r\n\t  \n"], ids=["empty", "whitespace"])
def test_empty(data):
    fails_with(EmptyInput, "empty.txt", data)


def test_binary_junk():
    fails_with(UnsupportedFormat, "junk.bin", random.Random(1).randbytes(20000))
    fails_with(UnsupportedFormat, "high.bin", bytes(range(128, 256)) * 100)


@pytest.mark.parametrize("magic", [b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"{\\rtf1\\ansi", b"\x1f\x8b\x08"])
def test_known_unsupported_formats(magic):
    err = fails_with(UnsupportedFormat, "file.doc", magic + b"\x00" * 100)
    assert "unsupported format" in err.message


def test_legacy_word_and_encrypted_office():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512
    fails_with(UnsupportedFormat, "old.doc", ole)
    fails_with(EncryptedInput, "locked.docx", ole + "EncryptedPackage".encode("utf-16-le"))


@pytest.mark.parametrize("cut", [0.5, 0.1], ids=["half", "tenth"])
def test_truncated_pdf(cut):
    fails_with(CorruptInput, "cut.pdf", PDF[: int(len(PDF) * cut)])


def test_truncated_real_pdf():
    path = SHARED / "realdocs/kent/minutes-2025-01-09-cabinet.pdf"
    if not path.exists():
        pytest.skip("../shared is absent")
    data = path.read_bytes()
    fails_with(CorruptInput, "cut.pdf", data[: len(data) // 2])


def test_pdf_header_only_and_encrypted_and_scanned():
    fails_with(CorruptInput, "bad.pdf", b"%PDF-1.7\n1 0 obj << >> endobj\n")
    fails_with(EncryptedInput, "locked.pdf", (HOSTILE / "encrypted.pdf").read_bytes())
    err = fails_with(NoText, "scan.pdf", (HOSTILE / "scanned_no_text.pdf").read_bytes())
    assert isinstance(err, EmptyInput)


def test_truncated_and_corrupt_docx():
    data = _docx()
    fails_with(CorruptInput, "cut.docx", data[: len(data) // 2])
    fails_with(CorruptInput, "bad.docx", _zip({"word/document.xml": b"<not xml", "[Content_Types].xml": b"<x/>"}))


def test_docx_bomb_refused_before_inflating():
    bomb = _zip({"word/document.xml": b"<" + b" " * (30 * 1024 * 1024), "[Content_Types].xml": b"<x/>"})
    fails_with(UnsafeArchive, "bomb.docx", bomb)


def test_truncated_zip():
    data = _zip({"a.txt": b"Minutes " * 1000, "b.txt": b"Agenda " * 1000})
    with pytest.raises(CorruptInput) as info:
        list(ingest.sources_from_bytes("cut.zip", data[:-40]))
    assert info.value.path == "cut.zip"


def test_twenty_megabyte_text_is_read_whole():
    """Correctness only; its speed is measured by `make bench` (bench/run.py, hostile inputs)."""
    line = "The Committee noted that caseloads had fallen to 18 per social worker – “good” progress.\n"
    data = (line * (20 * 1024 * 1024 // len(line.encode()))).encode("utf-8")
    source = source_from_bytes("big.txt", data)
    assert source.text.startswith(line) and len(source.text.encode()) == len(data)


@pytest.mark.parametrize("depth", [1500, 20000])
def test_deeply_nested_html(depth):
    page = "<html><body><h1>Minutes</h1>" + "<div>" * depth + "deep text" + "</div>" * depth + "<p>after</p></body></html>"
    source = source_from_bytes("deep.html", page.encode())  # its speed: `make bench` (hostile inputs)
    assert [line for line in source.text.split("\n") if line] == ["Minutes", "deep text", "after"]
    assert bool(source.warnings) == (depth > 2048)


def test_unclosed_tags_thousands_deep():
    page = "<p>Minutes" + "<span><b><i>" * 5000 + "deep"
    assert "deep" in source_from_bytes("tags.html", page.encode()).text


# --- files and directories ----------------------------------------------------------------------

def test_missing_path():
    with pytest.raises(InputNotFound):
        list(iter_inputs([Path("/no/such/minutes")]))


def test_unreadable_file_permission_denied(tmp_path, monkeypatch):
    path = tmp_path / "locked.pdf"
    path.write_bytes(PDF)

    def deny(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(UnreadableInput) as info:
        list(read_sources(path))
    assert "Permission denied" in str(info.value) and info.value.path == str(path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_chmod(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_bytes(b"minutes")
    path.chmod(0)
    with pytest.raises(UnreadableInput):
        list(read_sources(path))


def test_directory_given_to_read_sources(tmp_path):
    with pytest.raises(UnreadableInput):
        list(read_sources(tmp_path))


def test_symlink_loops_end(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "minutes.txt").write_bytes(b"Minutes")
    (tmp_path / "a" / "b" / "loop").symlink_to(tmp_path / "a")
    (tmp_path / "a" / "self").symlink_to(tmp_path / "a")
    (tmp_path / "a" / "dangling").symlink_to(tmp_path / "nowhere")
    got = list(iter_inputs([tmp_path]))
    assert [p.name for p in got] == ["minutes.txt", "dangling"]  # the dangling link is reported, not skipped
    with pytest.raises(UnreadableInput, match="dangling symbolic link"):
        list(read_sources(got[1]))


def test_unlistable_directory_becomes_one_error(tmp_path, monkeypatch):
    (tmp_path / "ok.txt").write_bytes(b"Minutes of the meeting.")
    (tmp_path / "secret").mkdir()
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("secret"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    got = list(iter_sources([tmp_path]))
    assert [type(x).__name__ for x in got] == ["Source", "UnreadableInput"]
    assert got[1].path.endswith("secret") and "Permission denied" in got[1].message


# --- archives -----------------------------------------------------------------------------------

def _by_path(items):
    return {item.path.split("!", 1)[1]: item for item in items}


def test_bad_members_do_not_stop_the_others():
    data = _zip({
        "good.txt": b"Minutes of the meeting.",
        "cut.pdf": PDF[:300],
        "empty.txt": b"",
        "junk.bin": random.Random(2).randbytes(4000),
        "later.html": b"<html><body><p>Agenda item</p></body></html>",
    })
    got = _by_path(ingest.sources_from_bytes("bundle.zip", data))
    assert isinstance(got["good.txt"], Source) and got["later.html"].text == "Agenda item"
    assert isinstance(got["cut.pdf"], CorruptInput)
    assert isinstance(got["empty.txt"], EmptyInput)
    assert isinstance(got["junk.bin"], UnsupportedFormat)
    assert got["cut.pdf"].path == "bundle.zip!cut.pdf" and "corrupt" in got["cut.pdf"].message


def test_zip_slip_members_refused_and_nothing_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = _zip({"../evil.txt": b"x", "/abs/evil.txt": b"x", "a/../../evil2.txt": b"x",
                 "C:/evil.txt": b"x", "ok.txt": b"Minutes"})
    archive_path = tmp_path / "in" / "slip.zip"
    archive_path.parent.mkdir()
    archive_path.write_bytes(data)
    got = _by_path(read_sources(archive_path))
    assert isinstance(got["ok.txt"], Source)
    for name in ("../evil.txt", "/abs/evil.txt", "a/../../evil2.txt", "C:/evil.txt"):
        assert isinstance(got[name], UnsafeArchive), name
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["in", "slip.zip"]


def test_zip_bomb_ratio():
    data = _zip({"bomb.txt": b"\0" * (30 * 1024 * 1024), "ok.txt": b"Minutes"})
    assert len(data) < 200_000
    got = _by_path(ingest.sources_from_bytes("bomb.zip", data))
    assert isinstance(got["bomb.txt"], UnsafeArchive) and "ratio" in got["bomb.txt"].message
    assert isinstance(got["ok.txt"], Source)


def test_zip_member_and_total_size_limits(monkeypatch):
    monkeypatch.setattr(archive, "MAX_MEMBER_BYTES", 50_000)
    monkeypatch.setattr(archive, "MAX_ARCHIVE_BYTES", 100_000)
    text = random.Random(3).choice
    big = "".join(text("abcdefghij ") for _ in range(60_000)).encode()
    mid = big[:40_000]
    data = _zip({"big.txt": big, "a.txt": mid, "b.txt": mid, "c.txt": mid, "d.txt": mid})
    got = list(ingest.sources_from_bytes("limits.zip", data))
    kinds = [type(x).__name__ for x in got]
    assert kinds == ["InputTooLarge", "Source", "Source", "UnsafeArchive"]
    assert isinstance(got[0], InputTooLarge) and got[0].path == "limits.zip!big.txt"


def test_zip_member_lying_about_its_size():
    data = bytearray(_zip({"a.txt": b"A" * 10000, "ok.txt": b"Minutes"}))
    central = data.index(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 100)  # claim 100 bytes uncompressed
    got = _by_path(ingest.sources_from_bytes("liar.zip", bytes(data)))
    assert isinstance(got["a.txt"], CorruptInput) and isinstance(got["ok.txt"], Source)


def test_encrypted_zip_member():
    data = bytearray(_zip({"secret.txt": b"Minutes", "ok.txt": b"Agenda"}))
    central = data.index(b"PK\x01\x02")
    struct.pack_into("<H", data, central + 8, data[central + 8] | 1)  # set the "encrypted" flag bit
    got = _by_path(ingest.sources_from_bytes("enc.zip", bytes(data)))
    assert isinstance(got["secret.txt"], EncryptedInput) and isinstance(got["ok.txt"], Source)


def test_nested_zip_one_level_read_deeper_refused():
    inner = _zip({"minutes.txt": b"Inner minutes.", "deeper.zip": _zip({"x.txt": b"Too deep"})})
    got = _by_path(ingest.sources_from_bytes("outer.zip", _zip({"inner.zip": inner, "top.txt": b"Top"})))
    assert got["inner.zip!minutes.txt"].text == "Inner minutes."
    assert isinstance(got["inner.zip!deeper.zip"], UnsafeArchive)
    assert got["inner.zip!deeper.zip"].path == "outer.zip!inner.zip!deeper.zip"
    assert got["top.txt"].text == "Top"


def test_too_many_members():
    data = _zip({f"{i}.txt": b"m" for i in range(archive.MAX_ARCHIVE_MEMBERS + 1)}, zipfile.ZIP_STORED)
    with pytest.raises(UnsafeArchive):
        list(ingest.sources_from_bytes("many.zip", data))


def test_iter_sources_never_raises_for_bad_inputs(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_bytes(b"Minutes")
    (tmp_path / "mixed.zip").write_bytes(_zip({"a.txt": b"A", "b.pdf": b"%PDF-1.4 broken"}))
    got = [(Path(x.path).name, type(x).__name__) for x in iter_sources([tmp_path])]
    assert got == [("empty.txt", "EmptyInput"), ("good.txt", "Source"),
                   ("mixed.zip!a.txt", "Source"), ("mixed.zip!b.pdf", "CorruptInput")]


# --- anything else: a bug or an unforeseen library error is one record, never a crash -----------

def test_unexpected_extractor_failure_becomes_extraction_failed(monkeypatch):
    def broken(data):
        raise KeyError("boom")

    monkeypatch.setitem(ingest.EXTRACTORS, "text", broken)
    err = fails_with(ExtractionFailed, "a.txt", b"Minutes")
    assert "KeyError" in err.message


def _mutations(data: bytes, seed: int, count: int = 40):
    rng = random.Random(seed)
    for _ in range(count):
        buf = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            buf[rng.randrange(len(buf))] = rng.randrange(256)
        yield bytes(buf[: rng.randint(len(buf) // 2, len(buf))] if rng.random() < 0.3 else buf)


@pytest.mark.parametrize("kind", ["pdf", "docx", "zip", "html"])
def test_mutated_documents_fail_cleanly(kind):
    base = {
        "pdf": PDF,
        "docx": _docx(),
        "zip": _zip({"a.txt": b"Minutes", "b.pdf": PDF}),
        "html": (FIXTURES / "moderngov_meeting.html").read_bytes(),
    }[kind]
    for data in _mutations(base, seed=len(kind)):
        try:
            for item in ingest.sources_from_bytes(f"m.{kind}", data):
                assert isinstance(item, (Source, MinutesError))
        except MinutesError as err:
            assert "\n" not in str(err)
