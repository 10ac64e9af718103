"""Client side of bench/load: connection churn and slowloris against one FTP server. Loopback only;
every loop is bounded in count and time.

  load_clients.py churn HOST PORT N             N connect / read 220 / close cycles; prints "churn N SECONDS"
  load_clients.py slowloris HOST PORT N SECONDS USER PASSWORD FILE
      opens N connections that trickle one byte of a never-ending command line every second, and while
      they trickle runs a real client (login, SIZE, RETR FILE, LIST) five times; prints the client's
      slowest round in seconds and how many of the N were still open at the end, closed by the server
  load_clients.py client HOST PORT USER PASSWORD FILE   one real-client round; prints its seconds
"""
import ftplib
import io
import socket
import sys
import time


def churn(host, port, n):
    start = time.monotonic()
    for _ in range(n):
        with socket.create_connection((host, port), timeout=10) as s:
            s.recv(256)  # the 220 greeting
    print(f"churn {n} {time.monotonic() - start:.2f}", flush=True)


def client_round(host, port, user, password, name):
    start = time.monotonic()
    ftp = ftplib.FTP()
    ftp.connect(host, port, timeout=30)
    ftp.login(user, password)
    ftp.voidcmd("TYPE I")
    ftp.size(name)
    sink = io.BytesIO()
    ftp.retrbinary("RETR " + name, sink.write)
    ftp.nlst()
    ftp.quit()
    return time.monotonic() - start


def slowloris(host, port, n, seconds, user, password, name):
    lorises = []
    for _ in range(n):
        s = socket.create_connection((host, port), timeout=10)
        s.setblocking(False)
        lorises.append(s)
    start = time.monotonic()
    deadline = start + seconds
    rounds = []
    next_trickle = 0.0
    # five real-client rounds spread over the whole trickle, the first after the lorises' first bytes
    next_round = start + 1.5
    while len(rounds) < 5 and time.monotonic() < deadline + 60:  # bounded even if the client is starved
        now = time.monotonic()
        if now >= next_trickle:
            for s in lorises:
                try:
                    s.send(b"X")  # a command line that never ends
                except OSError:
                    pass
            next_trickle = now + 1.0
        if now >= next_round:
            rounds.append(client_round(host, port, user, password, name))
            next_round = start + 1.5 + len(rounds) * (seconds - 2) / 5
        time.sleep(0.05)
    closed = 0
    for s in lorises:
        try:
            if s.recv(1) == b"":
                closed += 1
        except BlockingIOError:
            pass
        except OSError:
            closed += 1
        s.close()
    print(f"slowloris {n} client-max {max(rounds):.3f} client-rounds {len(rounds)} closed-by-server {closed}", flush=True)


if __name__ == "__main__":
    mode, host, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if mode == "churn":
        churn(host, port, int(sys.argv[4]))
    elif mode == "slowloris":
        slowloris(host, port, int(sys.argv[4]), float(sys.argv[5]), sys.argv[6], sys.argv[7], sys.argv[8])
    else:
        best = min(client_round(host, port, sys.argv[4], sys.argv[5], sys.argv[6]) for _ in range(5))
        print(f"client {best:.3f}", flush=True)
