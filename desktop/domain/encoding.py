"""Bytes of a text file to str: UTF-8 (with or without a byte order mark) or GB18030/GBK, as Excel
and WPS save CSV in China; anything else — UTF-16, binary, an 8-bit encoding that only decodes as
GB18030 by accident — is refused with what to do."""

from __future__ import annotations

from desktop.domain.errors import DatasetError, Problem


def _check_bytes(data: bytes, name: str) -> None:
    """Refuse what is no text file at all: empty, UTF-16, binary."""
    if not data or data.isspace():  # not data.strip(): that copies a 600 MB file
        raise DatasetError([Problem(name, "the file is empty.",
                                    "Save the sheet again with its header row.")])
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DatasetError([Problem(name, "the file is saved as UTF-16 (Excel's “Unicode text”).",
                                    "Save it as “CSV UTF-8 (comma delimited)”.")])
    if b"\x00" in data:
        raise DatasetError([Problem(name, "this is not a text file (it holds binary data).",
                                    "Choose the CSV file saved from the spreadsheet.")])


def decode_text(data: bytes, name: str) -> str:
    """Bytes of a CSV or text file to str, or a DatasetError that says what the file is."""
    _check_bytes(data, name)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise DatasetError([Problem(name, "the text encoding is neither UTF-8 nor GB18030/GBK.",
                                    "Save it as “CSV UTF-8 (comma delimited)”.")]) from None
    # GB18030 maps almost any byte sequence; real text is mostly letters, digits and hanzi.
    odd = sum(1 for ch in text[:20000] if not (ch.isprintable() or ch in "\r\n\t"))
    if odd > max(3, len(text[:20000]) // 50) or not _looks_chinese(text):
        raise DatasetError([Problem(name, "the file does not look like text in any encoding we read "
                                          "(UTF-8, GB18030/GBK).",
                                    "Save it as “CSV UTF-8 (comma delimited)”.")])
    return text


def _looks_chinese(text: str) -> bool:
    """True when the non-ASCII characters of GB18030-decoded text are mostly common Chinese.

    Text in another 8-bit encoding (Latin-1, Windows-1252, Shift-JIS…) usually decodes as GB18030
    too, but into rare characters: a real GBK file from Excel is almost all GB2312 characters."""
    sample = [ch for ch in text[:50000] if ord(ch) > 127]
    if not sample:
        return True
    common = ascii_trail = 0
    for ch in sample:
        try:
            ch.encode("gb2312")
            common += 1
            continue
        except UnicodeEncodeError:
            pass
        code = ch.encode("gb18030")
        # a Latin-1 accent before an ASCII letter decodes as a GBK character whose second byte is
        # ASCII; in real text such characters are a minority even in traditional Chinese
        if len(code) != 2 or code[1] < 0x80:
            ascii_trail += 1
    return common >= 0.9 * len(sample) or ascii_trail <= 0.4 * len(sample)
