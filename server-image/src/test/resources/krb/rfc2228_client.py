#!/usr/bin/env python3
"""A minimal RFC 2228 (FTP security extensions) client over MIT Kerberos' own GSS-API library
(libgssapi_krb5.so.2 through ctypes, as Debian's curl and kerberized ftp clients use it), for the krbftp
interop tests: Debian 12 has no working Kerberos FTP client (curl 7.88 cannot send protected commands,
curl issue 15582; heimdal-clients ships no ftp).

usage: rfc2228_client.py HOST PORT LEVEL OP...   LEVEL: C, S or P (PROT); OPs:
  user NAME | put LOCAL REMOTE | get REMOTE LOCAL | nlst PATH | dele REMOTE | raw "COMMAND" | adat-only
Prints one line per reply: "<code> <text>"; the first ADAT token as "ADAT <base64>". Exit 0 when every
OP got a 2xx final reply, 2 on a refused OP, 3 when the security exchange failed.
"""
import base64, ctypes, socket, struct, sys

lib = ctypes.CDLL("libgssapi_krb5.so.2")
OM = ctypes.c_uint32

class Buf(ctypes.Structure):
    _fields_ = [("length", ctypes.c_size_t), ("value", ctypes.c_void_p)]

class Oid(ctypes.Structure):
    _fields_ = [("length", OM), ("elements", ctypes.c_void_p)]

MUTUAL, REPLAY = 2, 4
CONTINUE_NEEDED = 1

def status(major, minor):
    out = []
    for code, kind in ((major, 1), (minor, 2)):
        ctx = OM(0)
        while True:
            m, text = OM(), Buf()
            lib.gss_display_status(ctypes.byref(m), OM(code), ctypes.c_int(kind), None, ctypes.byref(ctx),
                                   ctypes.byref(text))
            out.append(ctypes.string_at(text.value, text.length).decode())
            lib.gss_release_buffer(ctypes.byref(m), ctypes.byref(text))
            if ctx.value == 0:
                break
    return "; ".join(out)

def take(buf):
    data = ctypes.string_at(buf.value, buf.length) if buf.length else b""
    m = OM()
    lib.gss_release_buffer(ctypes.byref(m), ctypes.byref(buf))
    return data

class Context:
    def __init__(self, service_at_host):
        m = OM()
        name_buf = Buf(len(service_at_host), ctypes.cast(ctypes.c_char_p(service_at_host.encode()), ctypes.c_void_p))
        self.name = ctypes.c_void_p()
        oid = ctypes.POINTER(Oid).in_dll(lib, "GSS_C_NT_HOSTBASED_SERVICE")
        major = lib.gss_import_name(ctypes.byref(m), ctypes.byref(name_buf), oid, ctypes.byref(self.name))
        if major:
            raise RuntimeError("gss_import_name: " + status(major, m.value))
        self.handle = ctypes.c_void_p()

    def step(self, token):
        m, out = OM(), Buf()
        inp = None
        if token is not None:
            keep = ctypes.create_string_buffer(token, len(token))
            inp = ctypes.byref(Buf(len(token), ctypes.cast(keep, ctypes.c_void_p)))
        major = lib.gss_init_sec_context(ctypes.byref(m), None, ctypes.byref(self.handle), self.name, None,
                                         OM(MUTUAL | REPLAY), OM(0), None, inp, None, ctypes.byref(out), None, None)
        if major & 0xffff0000:
            raise RuntimeError("gss_init_sec_context: " + status(major, m.value))
        return take(out), major == CONTINUE_NEEDED

    def wrap(self, data, confidential):
        m, out, state = OM(), Buf(), ctypes.c_int()
        keep = ctypes.create_string_buffer(data, len(data))
        major = lib.gss_wrap(ctypes.byref(m), self.handle, ctypes.c_int(1 if confidential else 0), OM(0),
                             ctypes.byref(Buf(len(data), ctypes.cast(keep, ctypes.c_void_p))), ctypes.byref(state),
                             ctypes.byref(out))
        if major:
            raise RuntimeError("gss_wrap: " + status(major, m.value))
        return take(out)

    def unwrap(self, token):
        m, out, state = OM(), Buf(), ctypes.c_int()
        keep = ctypes.create_string_buffer(token, len(token))
        major = lib.gss_unwrap(ctypes.byref(m), self.handle, ctypes.byref(Buf(len(token), ctypes.cast(keep, ctypes.c_void_p))),
                               ctypes.byref(out), ctypes.byref(state), None)
        if major & 0xffff0000:
            raise RuntimeError("gss_unwrap: " + status(major, m.value))
        return take(out)

class Session:
    def __init__(self, host, port):
        self.sock = socket.create_connection((host, port), timeout=30)
        self.file = self.sock.makefile("rb")
        self.host, self.ctx, self.prot = host, None, "C"

    def line(self):
        raw = self.file.readline()
        if not raw:
            raise RuntimeError("connection closed")
        return raw.decode().rstrip("\r\n")

    def reply(self):
        """(code, text) of the next reply, unwrapping 63x lines."""
        lines = []
        while True:
            raw = self.line()
            if raw[:3] in ("631", "632", "633") and self.ctx is not None:
                for inner in self.ctx.unwrap(base64.b64decode(raw[4:])).decode().split("\r\n"):
                    if inner:
                        lines.append(inner)
                if raw[3] == " ":
                    break
                continue
            lines.append(raw)
            if len(raw) > 3 and raw[3] == " " and raw[:3].isdigit():
                break
        last = lines[-1]
        return int(last[:3]), "\n".join(lines)

    def send(self, command):
        if self.ctx is None:
            self.sock.sendall(command.encode() + b"\r\n")
        else:
            private = self.prot == "P" or command.startswith("PASS ")
            token = self.ctx.wrap(command.encode() + b"\r\n", private)
            self.sock.sendall((("ENC " if private else "MIC ") + base64.b64encode(token).decode() + "\r\n").encode())
        code, text = self.reply()
        print(code, text.replace("\n", " | "), flush=True)
        return code, text

    def login(self):
        self.reply()
        code, _ = self.send("AUTH GSSAPI")
        if code != 334:
            return False
        ctx = Context("ftp@" + self.host)
        token, more = ctx.step(None)
        first = True
        while True:
            if token:
                line = "ADAT " + base64.b64encode(token).decode()
                if first:
                    print(line, flush=True)
                    first = False
                code, text = self.send(line)
                if code not in (235, 335):
                    return False
                answer = text.split("ADAT=", 1)[1].strip() if "ADAT=" in text else None
                if not more:
                    break
                token, more = ctx.step(base64.b64decode(answer) if answer else b"")
            if not more:
                break
        self.ctx = ctx
        return True

    def protect(self, level):
        self.send("PBSZ 1048576")
        code, _ = self.send("PROT " + level)
        self.prot = level
        return code

    def data(self):
        code, text = self.send("EPSV")
        port = int(text.split("|||")[1].split("|")[0])
        return socket.create_connection((self.sock.getpeername()[0], port), timeout=30)

    def blocks_out(self, conn, payload):
        if self.prot == "C":
            conn.sendall(payload)
            return
        for i in range(0, len(payload), 65536):
            token = self.ctx.wrap(payload[i:i + 65536], self.prot == "P")
            conn.sendall(struct.pack(">I", len(token)) + token)

    def blocks_in(self, conn):
        raw = bytearray()
        while True:
            chunk = conn.recv(1 << 20)
            if not chunk:
                break
            raw += chunk
        if self.prot == "C":
            return bytes(raw)
        out, i = bytearray(), 0
        while i < len(raw):
            (n,) = struct.unpack(">I", raw[i:i + 4])
            out += self.ctx.unwrap(bytes(raw[i + 4:i + 4 + n]))
            i += 4 + n
        return bytes(out)

    def transfer(self, command, upload=None):
        self.send("TYPE I")
        conn = self.data()
        code, _ = self.send(command)
        if code >= 300:
            conn.close()
            return code, None
        got = None
        if upload is not None:
            self.blocks_out(conn, upload)
            conn.shutdown(socket.SHUT_WR)
        else:
            got = self.blocks_in(conn)
        conn.close()
        code, _ = self.reply_printed()
        return code, got

    def reply_printed(self):
        code, text = self.reply()
        print(code, text.replace("\n", " | "), flush=True)
        return code, text

def main(argv):
    host, port, level, ops = argv[1], int(argv[2]), argv[3], argv[4:]
    s = Session(host, port)
    try:
        if not s.login():
            return 3
    except RuntimeError as e:
        print("GSS", e, flush=True)
        return 3
    if ops and ops[0] == "adat-only":
        return 0
    failed = False
    i = 0
    while i < len(ops):
        op = ops[i]
        if op == "user":
            code, _ = s.send("USER " + ops[i + 1]); i += 2
            if code >= 300:
                return 2
            if s.protect(level) >= 300:
                return 2
            continue
        if op == "put":
            with open(ops[i + 1], "rb") as f:
                code, _ = s.transfer("STOR " + ops[i + 2], f.read())
            i += 3
        elif op == "get":
            code, got = s.transfer("RETR " + ops[i + 1])
            if got is not None:
                with open(ops[i + 2], "wb") as f:
                    f.write(got)
            i += 3
        elif op == "nlst":
            code, got = s.transfer("NLST " + ops[i + 1])
            i += 2
            if got is not None:
                for name in got.decode().split("\r\n"):
                    if name:
                        print("NAME", name, flush=True)
        elif op == "dele":
            code, _ = s.send("DELE " + ops[i + 1]); i += 2
        elif op == "raw":
            code, _ = s.send(ops[i + 1]); i += 2
        else:
            raise SystemExit("unknown op " + op)
        failed = failed or code >= 300
    s.send("QUIT")
    return 2 if failed else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv))
