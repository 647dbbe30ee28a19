#!/usr/bin/env python3
"""Damages an event log's LMDB data file below the log, the way a failing disk would, and prints
the text `order-engine verify` must then say.

  damage.py DATA_FILE flip POSITION       flips a byte inside the record at POSITION
  damage.py DATA_FILE swap FIRST SECOND   swaps the bytes of two records of equal length
  damage.py DATA_FILE truncate            cuts the file to half its length

Records are found by their key (the position, 8 bytes big-endian) followed by a value that passes
the record's own CRC-32C check. LMDB copies pages on write, so older copies of a record may sit in
free pages: every copy is edited alike."""
import struct
import sys

HEADER_BYTES = 80


def crc32c_table():
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x82F63B78 if crc & 1 else crc >> 1
        table.append(crc)
    return table


TABLE = crc32c_table()


def crc32c(data, crc=0):
    crc ^= 0xFFFFFFFF
    for byte in data:
        crc = TABLE[(crc ^ byte) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def record_length(data, start):
    """The length of the sound record starting at `start`, or None."""
    if start + HEADER_BYTES > len(data) or data[start + 4] != 1:
        return None
    stream_id, actor = data[start + 5], data[start + 10]
    (payload,) = struct.unpack_from("<I", data, start + 12)
    return HEADER_BYTES + stream_id + actor + payload


def copies_of(data, position):
    """Offsets and length of every stored copy of the record at `position`."""
    key = struct.pack(">Q", position)
    found, length, offset = [], None, data.find(key)
    while offset >= 0:
        start = offset + 8
        size = record_length(data, start)
        if size is not None and start + size <= len(data):
            record = bytes(data[start : start + size])
            (stored,) = struct.unpack_from("<I", record)
            if crc32c(record[4:], crc32c(key)) == stored:
                found.append(start)
                length = size
        offset = data.find(key, offset + 1)
    if not found:
        sys.exit(f"no record at position {position} in the data file")
    return found, length


def main():
    path, action, *args = sys.argv[1:]
    with open(path, "rb") as file:
        data = bytearray(file.read())
    if action == "truncate":
        with open(path, "r+b") as file:
            file.truncate(len(data) // 2)
        print("damaged data file")
        return
    if action == "flip":
        position = int(args[0])
        starts, length = copies_of(data, position)
        for start in starts:
            data[start + length - 1] ^= 0xFF
        expected = position
    elif action == "swap":
        first, second = int(args[0]), int(args[1])
        (first_starts, first_length), (second_starts, second_length) = copies_of(data, first), copies_of(data, second)
        if first_length != second_length:
            sys.exit(f"records {first} and {second} differ in length; pick two of equal length")
        first_bytes = bytes(data[first_starts[0] : first_starts[0] + first_length])
        second_bytes = bytes(data[second_starts[0] : second_starts[0] + second_length])
        for start in first_starts:
            data[start : start + first_length] = second_bytes
        for start in second_starts:
            data[start : start + second_length] = first_bytes
        expected = min(first, second)
    else:
        sys.exit(f"unknown action {action}")
    with open(path, "r+b") as file:
        file.write(data)
    print(f"damaged at position {expected}")


main()
