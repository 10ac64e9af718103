"""Opens N logged-in FTP control sessions to one server and holds them until told to stop.

Prints "ready N" once all are logged in, then waits for a line on stdin (or EOF) and closes them.
Loopback only; bounded by N and by a per-connection timeout.
"""
import ftplib
import sys

host, port, user, password, count = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5])
sessions = []
try:
    for i in range(count):
        ftp = ftplib.FTP()
        ftp.connect(host, port, timeout=30)
        ftp.login(user, password)
        sessions.append(ftp)
    print(f"ready {len(sessions)}", flush=True)
    sys.stdin.readline()
finally:
    for ftp in sessions:
        try:
            ftp.close()
        except OSError:
            pass
