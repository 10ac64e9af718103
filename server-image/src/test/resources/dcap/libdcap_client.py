#!/usr/bin/env python3
"""A tiny libdcap client for interop tests: calls the real libdcap (libdcap.so.1 from Debian's
libdcap1) through ctypes, for the calls dccp never makes. Loopback only: the caller sets
DCACHE_REPLY=127.0.0.1. Prints one result per line; exits non-zero when a call fails.

  libdcap_client.py opendir <url>              -> "<d|f> <name>" per entry
  libdcap_client.py rw <url> <text> <text2>    -> writes both, seeks to 0, prints what it reads back
  libdcap_client.py chown <url> <uid> <gid>    -> "rc=<n> errno=<name>"
"""
import ctypes
import errno
import os
import sys

lib = ctypes.CDLL("libdcap.so.1", use_errno=True)
lib.dc_open.restype = ctypes.c_int
lib.dc_read.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_size_t]
lib.dc_read.restype = ctypes.c_ssize_t
lib.dc_write.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_size_t]
lib.dc_write.restype = ctypes.c_ssize_t
lib.dc_lseek64.argtypes = [ctypes.c_int, ctypes.c_int64, ctypes.c_int]
lib.dc_lseek64.restype = ctypes.c_int64
lib.dc_close.argtypes = [ctypes.c_int]
lib.dc_opendir.argtypes = [ctypes.c_char_p]
lib.dc_opendir.restype = ctypes.c_void_p
lib.dc_readdir.argtypes = [ctypes.c_void_p]
lib.dc_readdir.restype = ctypes.c_void_p
lib.dc_closedir.argtypes = [ctypes.c_void_p]
lib.dc_chown.argtypes = [ctypes.c_char_p, ctypes.c_uint, ctypes.c_uint]


class Dirent(ctypes.Structure):
    # glibc's struct dirent on 64-bit Linux, which libdcap's dc_readdir fills
    _fields_ = [("d_ino", ctypes.c_uint64), ("d_off", ctypes.c_int64), ("d_reclen", ctypes.c_ushort),
                ("d_type", ctypes.c_ubyte), ("d_name", ctypes.c_char * 256)]


DT_DIR, DT_REG = 4, 8


def fail(what):
    e = ctypes.get_errno()
    print(f"{what} failed: errno={errno.errorcode.get(e, e)}", file=sys.stderr)
    sys.exit(1)


def opendir(url):
    d = lib.dc_opendir(url.encode())
    if not d:
        fail("dc_opendir")
    while True:
        p = lib.dc_readdir(d)
        if not p:
            break
        ent = Dirent.from_address(p)
        kind = "d" if ent.d_type == DT_DIR else "f" if ent.d_type == DT_REG else "?"
        print(kind, ent.d_name.decode("utf-8", "replace"))
    lib.dc_closedir(d)


def rw(url, first, second):
    fd = lib.dc_open(url.encode(), os.O_RDWR | os.O_CREAT, ctypes.c_int(0o644))
    if fd < 0:
        fail("dc_open")
    for text in (first, second):
        data = text.encode()
        if lib.dc_write(fd, data, len(data)) != len(data):
            fail("dc_write")
    if lib.dc_lseek64(fd, 0, os.SEEK_SET) != 0:
        fail("dc_lseek64")
    buf = ctypes.create_string_buffer(4096)
    n = lib.dc_read(fd, buf, 4096)
    if n < 0:
        fail("dc_read")
    print(buf.raw[:n].decode())
    if lib.dc_close(fd) != 0:
        fail("dc_close")


def chown(url, uid, gid):
    rc = lib.dc_chown(url.encode(), int(uid), int(gid))
    e = ctypes.get_errno() if rc != 0 else 0
    print(f"rc={rc} errno={errno.errorcode.get(e, e)}")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"opendir": opendir, "rw": rw, "chown": chown}[command](*args)
