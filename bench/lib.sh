# Shared helpers for the bench/ scripts. Loopback only; every loop is bounded.
set -euo pipefail

BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WHARF_JAR="$BENCH_ROOT/server-image/target/wharf-server.jar"

ensure_wharf_jar() {
  if [ ! -f "$WHARF_JAR" ]; then
    (cd "$BENCH_ROOT" && ./mvnw -B -q -pl server-image -am package -DskipTests)
  fi
}

# free_port: a TCP port nobody listens on right now (loopback).
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Like wait_for_port, but without connecting: for servers that take exactly one client (iperf3 -s -1),
# which a probe connection would use up.
wait_for_listener() { # port [seconds]
  local port=$1 limit=${2:-30}
  for _ in $(seq 1 $((limit * 10))); do
    if ss -Hltn "sport = :$port" | grep -q .; then return 0; fi
    sleep 0.1
  done
  echo "nothing listens on port $port after ${limit}s" >&2
  return 1
}

wait_for_port() { # host port [seconds]
  local host=$1 port=$2 limit=${3:-30}
  for _ in $(seq 1 $((limit * 10))); do
    if (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "nothing listens on $host:$port after ${limit}s" >&2
  return 1
}

# A password-file line in the Globus gridftp format, SHA-512 crypt.
password_line() { # user password home
  printf '%s:%s:%s:%s:%s:%s:/bin/sh\n' "$1" "$(openssl passwd -6 "$2")" "$(id -u)" "$(id -g)" "$1" "$3"
}

# vsftpd on 127.0.0.1:$1 serving local user $2 (created if missing) with password $3, home $4;
# sets VSFTPD_PID (not a command substitution: vsftpd would hold its stdout open).
start_vsftpd() { # port user password home conf-dir
  local port=$1 user=$2 pass=$3 home=$4 dir=$5
  id "$user" >/dev/null 2>&1 || useradd -M -d "$home" -s /bin/sh "$user"
  usermod -d "$home" "$user"
  echo "$user:$pass" | chpasswd
  chown "$user" "$home"
  mkdir -p /var/run/vsftpd/empty
  cat > "$dir/vsftpd.conf" <<CONF
listen=YES
listen_ipv6=NO
listen_address=127.0.0.1
listen_port=$port
anonymous_enable=NO
local_enable=YES
write_enable=YES
local_umask=022
pasv_enable=YES
pasv_address=127.0.0.1
pasv_min_port=30000
pasv_max_port=31000
pam_service_name=vsftpd
secure_chroot_dir=/var/run/vsftpd/empty
seccomp_sandbox=NO
use_sendfile=YES
max_clients=2000
max_per_ip=2000
xferlog_enable=NO
CONF
  vsftpd "$dir/vsftpd.conf" > "$dir/vsftpd.log" 2>&1 &
  VSFTPD_PID=$!
}

# pss_kib PID: proportional set size in KiB of the process and all its descendants (vsftpd forks two
# processes per session). PSS divides shared pages among the processes that map them, so summing it
# over a process tree counts shared libraries once, where summing RSS would count them per process.
pss_kib() {
  local total=0 p
  for p in $1 $(descendants "$1"); do
    total=$((total + $(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)))
  done
  echo $total
}

descendants() { # pid -> all descendant pids
  local child
  for child in $(pgrep -P "$1" 2>/dev/null || true); do
    echo "$child"
    descendants "$child"
  done
}

# ---- one work directory per run; everything started through bench_spawn is stopped on exit ---------------
BENCH_PIDS=()
bench_workdir() { # base prefix -> sets BENCH_WORK and the exit trap
  BENCH_WORK=$(mktemp -d "$1/$2.XXXXXX")
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
}
bench_cleanup() {
  local p c
  for p in "${BENCH_PIDS[@]}"; do
    for c in $(descendants "$p"); do kill "$c" 2>/dev/null || true; done
    kill "$p" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  [ -n "${BENCH_WORK:-}" ] && rm -rf "$BENCH_WORK"
}

# ---- time and CPU of one measured run ----------------------------------------------------------------------
# CPU is utime+stime from /proc/<pid>/stat of the server process (Wharf's JVM: all its threads; vsftpd and
# globus-gridftp-server: the listener plus its reaped per-session processes through cutime/cstime) and of this
# shell (its reaped children: the clients). Not the machine's /proc/stat: on a shared build machine that
# mostly measures the neighbours.
BENCH_HZ=$(getconf CLK_TCK)
declare -gA BENCH_SERVER_PID=()   # server name -> pid; servers without one (iperf3) count as clients
BENCH_RESULTS=""   # row <TAB> server <TAB> seconds <TAB> bytes <TAB> CPU-seconds <TAB> server's CPU-seconds

cpu_jiffies() { # pid -> utime+stime+cutime+cstime (fields 14-17; the command name may hold spaces)
  sed 's/.*) //' "/proc/$1/stat" | awk '{print $12+$13+$14+$15}'
}
# server_jiffies PID: cpu_jiffies of PID and of every live descendant. A process's cutime/cstime holds only
# the children it reaped, so each finished process is counted once, by its reaper, and each live one by itself.
server_jiffies() {
  [ -n "${1:-}" ] || { echo 0; return; }
  local total=0 p
  for p in "$1" $(descendants "$1"); do
    total=$((total + $(cpu_jiffies "$p" 2>/dev/null || echo 0)))
  done
  echo "$total"
}

# subreaper COMMAND...: runs COMMAND as the child of a process that adopts and reaps every orphan below it
# (PR_SET_CHILD_SUBREAPER). vsftpd's session processes can outlive their parent; reparented to init their
# CPU time would never reach the server's cutime/cstime, and the server would look nearly free.
subreaper() {
  python3 -c '
import ctypes, os, signal, sys
ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
child = os.fork()
if child == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
signal.signal(signal.SIGTERM, lambda *_: os.kill(child, signal.SIGTERM))
status = 0
while True:
    try:
        pid, st = os.wait()
    except ChildProcessError:
        break
    except InterruptedError:
        continue
    if pid == child:
        status = os.waitstatus_to_exitcode(st)
sys.exit(status if status >= 0 else 1)
' "$@"
}

# bench_server NAME PID: PID's CPU (with its descendants') is NAME's from now on; how many descendants it
# has while idle is noted for settle_children.
declare -gA BENCH_SERVER_IDLE=()
bench_server() {
  BENCH_SERVER_PID[$1]=$2
  BENCH_SERVER_IDLE[$1]=$(descendants "$2" | wc -l)
}

# settle_children NAME: wait (at most 3 s) until NAME's server is back to its idle number of descendants,
# so a forking server's session processes are reaped (and counted by their reaper) before the CPU is read.
settle_children() {
  local pid=${BENCH_SERVER_PID[$1]:-}
  [ -n "$pid" ] || return 0
  for _ in $(seq 1 30); do
    [ "$(descendants "$pid" | wc -l)" -le "${BENCH_SERVER_IDLE[$1]}" ] && return 0
    sleep 0.1
  done
}

# bench_measure ROW SERVER BYTES COMMAND...: one timed run of COMMAND (its stdout discarded), appended to
# $BENCH_RESULTS. The time is the wall time of the whole client process, as a user sees it: from just before
# it is started to its exit (connect, login, transfer and the server's final reply), read from bash's
# EPOCHREALTIME (no extra process around the measured one). The machine's 1-minute load average is read
# before and after, so a run disturbed by a neighbour shows in the table. A failing run is reported with
# its stderr, kept out of the results and listed by bench_failures; the suite goes on (one refused
# connection should not cost the other rows' figures).
bench_load() { cut -d' ' -f1 /proc/loadavg; }
bench_measure() {
  local row=$1 server=$2 bytes=$3; shift 3
  local sp=${BENCH_SERVER_PID[$server]:-} j0 j1 s0 s1 t0 t1 l0 l1
  settle_children "$server"
  l0=$(bench_load)
  s0=$(server_jiffies "$sp"); j0=$(( $(cpu_jiffies $$) + s0 )); t0=$EPOCHREALTIME
  if ! "$@" >/dev/null 2>"$BENCH_WORK/last.err"; then
    echo "bench: '$row' against $server failed:" >&2; tail -5 "$BENCH_WORK/last.err" >&2
    printf '%s\t%s\n' "$row" "$server" >>"$BENCH_WORK/failures.tsv"
    return 0
  fi
  t1=$EPOCHREALTIME
  l1=$(bench_load)
  settle_children "$server"
  s1=$(server_jiffies "$sp"); j1=$(( $(cpu_jiffies $$) + s1 ))
  awk -v r="$row" -v s="$server" -v a="$t0" -v b="$t1" -v n="$bytes" -v j=$((j1 - j0)) -v k=$((s1 - s0)) -v hz="$BENCH_HZ" \
    -v la="$l0" -v lb="$l1" 'BEGIN{printf "%s\t%s\t%.4f\t%d\t%.3f\t%.3f\t%s\t%s\n", r, s, b-a, n, j/hz, k/hz, la, lb}' >>"$BENCH_RESULTS"
  printf '  %-44s %-13s %8.3fs  load %s -> %s\n' "$row" "$server" "$(tail -1 "$BENCH_RESULTS" | cut -f3)" "$l0" "$l1" >&2
}

# bench_failures: the failed runs (row, server, count), if any, on stderr; status 1 when there were some.
bench_failures() {
  [ -s "$BENCH_WORK/failures.tsv" ] || return 0
  echo "FAILED runs (not in the table):" >&2
  sort "$BENCH_WORK/failures.tsv" | uniq -c | sed 's/^/  /' >&2
  return 1
}

# bench_table RESULTS "REFERENCE SERVERS" [CEILING SERVER]: a Markdown table of medians per row and server,
# each with its spread (min-max over the runs) beside it. Speed and CPU ratios are against the best reference
# server that ran the same row (fastest median; fewest CPU-seconds per GiB); "of ceiling" is MB/s as a share
# of the ceiling server's median (iperf3). "spread" is the slowest run over the fastest (1.00x: every run
# alike); "load" the lowest and highest 1-minute load average read before and after the row's runs (a
# noisy machine shows there). A server named <x>_auto also gets its speed as a multiple of <x>_none's.
bench_table() {
  python3 - "$1" "$2" "${3:-iperf3}" <<'PY'
import statistics, sys
path, refs, ceiling = sys.argv[1], sys.argv[2].split(), sys.argv[3]
order, runs, size, loads = [], {}, {}, {}
for line in open(path):
    f = line.rstrip("\n").split("\t")
    row, server, secs, nbytes, cpu = f[:5]
    if row not in order:
        order.append(row)
    runs.setdefault(row, {}).setdefault(server, []).append((float(secs), float(cpu)))
    size[row] = int(nbytes)
    if len(f) >= 8:
        loads.setdefault((row, server), []).extend(float(x) for x in f[6:8])
GIB = 1 << 30
ceil_mbs = None
for row in order:
    if ceiling in runs[row]:
        ceil_mbs = size[row] / statistics.median(t for t, _ in runs[row][ceiling]) / 1e6
print("| row | server | runs | median s (min-max) | spread | MB/s | of ceiling | vs best ref | CPU-s/GiB (min-max) | CPU vs best ref | auto/none | load |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
for row in order:
    med = {s: statistics.median(t for t, _ in r) for s, r in runs[row].items()}
    cpg = {s: statistics.median(c for _, c in r) / (size[row] / GIB) for s, r in runs[row].items()}
    present = [s for s in refs if s in med]
    fast = min(present, key=lambda s: med[s]) if present else None
    lean = min(present, key=lambda s: cpg[s]) if present else None
    for s, r in runs[row].items():
        times = [t for t, _ in r]
        cpus = [c / (size[row] / GIB) for _, c in r]
        mbs = size[row] / med[s] / 1e6
        of_ceiling = f"{100 * mbs / ceil_mbs:.0f}%" if ceil_mbs and s != ceiling else "-"
        vs = f"{med[fast] / med[s]:.2f}x ({fast})" if fast and s not in refs and s != ceiling else "-"
        cvs = f"{cpg[s] / cpg[lean]:.2f}x ({lean})" if lean and s not in refs and s != ceiling and cpg[lean] > 0 else "-"
        pair = s[:-5] + "_none" if s.endswith("_auto") else None
        an = f"{med[pair] / med[s]:.2f}x" if pair in med else "-"
        spread = f"{max(times) / min(times):.2f}x" if min(times) > 0 else "-"
        ld = loads.get((row, s))
        load = f"{min(ld):.2f}-{max(ld):.2f}" if ld else "-"
        print(f"| {row} | {s} | {len(r)} | {med[s]:.3f} ({min(times):.3f}-{max(times):.3f}) | {spread} | {mbs:.0f} | {of_ceiling} | {vs} "
              f"| {cpg[s]:.2f} ({min(cpus):.2f}-{max(cpus):.2f}) | {cvs} | {an} | {load} |")
PY
}

# ---- GSI: a throwaway test PKI that Globus accepts (REAL-CLIENTS.md "GSI test PKI") ------------------------
# gsi_test_pki DIR: CA (with signing policy), host and user certificates, a grid-proxy-init proxy and a
# grid-mapfile mapping the user to this account; exports X509_CERT_DIR and X509_USER_PROXY for the clients.
GSI_SUBJECT_BASE="/C=XX/O=Wharf Bench"
gsi_test_pki() {
  local pki=$1 certs=$1/certificates hash
  mkdir -p "$certs"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$pki/ca.key" -out "$pki/ca.pem" -days 2 \
    -subj "$GSI_SUBJECT_BASE/CN=Wharf Bench CA" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  hash=$(openssl x509 -hash -noout -in "$pki/ca.pem")
  cp "$pki/ca.pem" "$certs/$hash.0"
  cat >"$certs/$hash.signing_policy" <<POLICY
access_id_CA   X509    '$GSI_SUBJECT_BASE/CN=Wharf Bench CA'
pos_rights     globus  CA:sign
cond_subjects  globus  '"$GSI_SUBJECT_BASE/*"'
POLICY
  gsi_issue "$pki" host "$GSI_SUBJECT_BASE/OU=Hosts/CN=localhost" \
    "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1"
  gsi_issue "$pki" user "$GSI_SUBJECT_BASE/OU=People/CN=Bench User" \
    "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth"
  X509_USER_CERT="$pki/usercert.pem" X509_USER_KEY="$pki/userkey.pem" X509_CERT_DIR="$certs" \
    grid-proxy-init -q -out "$pki/proxy" >/dev/null
  export X509_CERT_DIR="$certs" X509_USER_PROXY="$pki/proxy"
  printf '"%s" %s\n' "$GSI_SUBJECT_BASE/OU=People/CN=Bench User" "$(id -un)" >"$pki/grid-mapfile"
}
gsi_issue() { # pki-dir name subject extensions
  openssl req -newkey rsa:2048 -nodes -keyout "$1/$2key.pem" -out "$1/$2.csr" -subj "$3" 2>/dev/null
  printf '%b\n' "$4" >"$1/$2.ext"
  openssl x509 -req -in "$1/$2.csr" -CA "$1/ca.pem" -CAkey "$1/ca.key" -set_serial "$RANDOM$RANDOM" \
    -days 2 -extfile "$1/$2.ext" -out "$1/$2cert.pem" 2>/dev/null
  chmod 0600 "$1/$2key.pem"
}
# Lines for a Wharf server.conf that give it the test PKI's host credential and trust anchors.
gsi_wharf_conf() { # pki-dir
  printf 'gsi.host-certificate = %s\ngsi.host-key = %s\ngsi.cert-dir = %s\n' \
    "$1/hostcert.pem" "$1/hostkey.pem" "$1/certificates"
}

# ---- servers -----------------------------------------------------------------------------------------------
# start_wharf NAME CONF PORT: the jar with the launchers' JVM flags (WHARF_JAVA_OPTS overrides), log in
# $BENCH_WORK/NAME.log; waits for PORT and records the pid as NAME's.
start_wharf() {
  # shellcheck disable=SC2086
  java ${WHARF_JAVA_OPTS--XX:+UseSerialGC} -jar "$WHARF_JAR" -c "$2" >"$BENCH_WORK/$1.log" 2>&1 &
  BENCH_PIDS+=($!); bench_server "$1" $!
  wait_for_port 127.0.0.1 "$3" 60 || { tail -5 "$BENCH_WORK/$1.log" >&2; return 1; }
}

# vsftpd as the reference FTP server, on 127.0.0.1 under a subreaper, its CPU recorded as NAME's: sendfile,
# 1,000 passive ports from FIRST, everything else at vsftpd's defaults. Two ways to log in, both measured
# (issue 17: an anonymous server and a local user's are not the same code path in vsftpd):
# start_vsftpd_anonymous NAME ROOT PORT FIRST: anonymous, uploads to ROOT/incoming; anon_other_write_enable
#   lets anonymous STOR overwrite a file (without it vsftpd creates uploads with O_EXCL and refuses)
# start_vsftpd_local NAME ROOT PORT FIRST: local user $BENCH_FTP_USER (created if missing, password
#   $BENCH_FTP_PASS, home ROOT, chrooted there like the anonymous sessions) through PAM, as a site with
#   accounts runs it; the session process runs as that user
BENCH_FTP_USER=wharfbench
BENCH_FTP_PASS=wharfbench
start_vsftpd_anonymous() {
  vsftpd_start "$1" "$3" "$4" "anonymous_enable=YES
no_anon_password=YES
local_enable=NO
anon_upload_enable=YES
anon_other_write_enable=YES
anon_root=$2
anon_umask=022"
}
start_vsftpd_local() {
  local name=$1 root=$2
  id "$BENCH_FTP_USER" >/dev/null 2>&1 || useradd -M -d "$root" -s /bin/sh "$BENCH_FTP_USER"
  usermod -d "$root" "$BENCH_FTP_USER" >/dev/null 2>&1 || true
  echo "$BENCH_FTP_USER:$BENCH_FTP_PASS" | chpasswd
  vsftpd_start "$name" "$3" "$4" "anonymous_enable=NO
local_enable=YES
local_umask=022
chroot_local_user=YES
pam_service_name=vsftpd"
}
vsftpd_start() { # name port first-passive-port login-lines
  local name=$1 port=$2 first=$3
  mkdir -p "$BENCH_WORK/empty"
  cat >"$BENCH_WORK/$name.conf" <<CONF
listen=YES
listen_address=127.0.0.1
listen_port=$port
background=NO
$4
write_enable=YES
pasv_enable=YES
pasv_min_port=$first
pasv_max_port=$((first + 999))
seccomp_sandbox=NO
secure_chroot_dir=$BENCH_WORK/empty
use_sendfile=YES
xferlog_enable=NO
max_clients=0
max_per_ip=0
CONF
  subreaper vsftpd "$BENCH_WORK/$name.conf" >"$BENCH_WORK/$name.log" 2>&1 &
  BENCH_PIDS+=($!)
  wait_for_port 127.0.0.1 "$port" 30
  bench_server "$name" "${BENCH_PIDS[-1]}"
}

# stop_server NAME: stops a server started by the functions here (and its session processes), so the next
# start is a fresh process: nothing compiled, nothing cached but the page cache.
stop_server() {
  local pid=${BENCH_SERVER_PID[$1]:-} c
  [ -n "$pid" ] || return 0
  for c in $(descendants "$pid"); do kill "$c" 2>/dev/null || true; done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  unset "BENCH_SERVER_PID[$1]"
  local kept=() p
  for p in "${BENCH_PIDS[@]}"; do [ "$p" = "$pid" ] || kept+=("$p"); done
  BENCH_PIDS=("${kept[@]}")
}

# free_dcap_port: a free port below 32768 (libdcap keeps the door port in a signed short).
free_dcap_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 10000))
    if ! ss -Hltn "sport = :$port" | grep -q .; then echo "$port"; return 0; fi
  done
  echo "no free port below 32768 for a dCap door" >&2; return 1
}

# start_globus_gridftp NAME PKI-DIR [PORT-RANGE]: the reference globus-gridftp-server on 127.0.0.1 (a process
# per connection, GSI, the test PKI's host credential and grid-mapfile); sets GLOBUS_PORT. PORT-RANGE
# (FIRST,LAST) is its data-port range (GLOBUS_TCP_PORT_RANGE), like the other servers'.
start_globus_gridftp() {
  local allow_root=()
  [ "$(id -un)" = root ] && allow_root=(-allow-root)
  GLOBUS_TCP_PORT_RANGE=${3:-} X509_USER_CERT="$2/hostcert.pem" X509_USER_KEY="$2/hostkey.pem" \
    GRIDMAP="$2/grid-mapfile" subreaper globus-gridftp-server -c /dev/null -p 0 -control-interface 127.0.0.1 \
    -data-interface 127.0.0.1 "${allow_root[@]}" -d ERROR,WARN >"$BENCH_WORK/$1.log" 2>&1 &
  BENCH_PIDS+=($!)
  GLOBUS_PORT=""
  for _ in $(seq 1 100); do
    GLOBUS_PORT=$(sed -n 's/^Server listening at [^:]*:\([0-9]*\).*/\1/p' "$BENCH_WORK/$1.log")
    if [ -n "$GLOBUS_PORT" ]; then bench_server "$1" "${BENCH_PIDS[-1]}"; return 0; fi
    sleep 0.1
  done
  echo "globus-gridftp-server did not start:" >&2; cat "$BENCH_WORK/$1.log" >&2; return 1
}

# ---- GridFTP rows: globus-url-copy with the same options against every server ------------------------------
# GUC_OPTS: options for every copy (default -nodcau: clear data channels for every server).
# guc_has_parallel URL-OF-A-FILE: whether the server's FEAT lists PARALLEL (MODE E).
guc_has_parallel() {
  globus-url-copy -dbg "${GUC_OPTS[@]}" "$1" file:///dev/null 2>&1 | grep -q '^ PARALLEL'
}
guc_download() { # url [parallelism]
  globus-url-copy "${GUC_OPTS[@]}" ${2:+-p "$2"} "$1" file:///dev/null
}
guc_upload() { # local-file url [parallelism]: the uploaded file is removed afterwards (not timed)
  globus-url-copy "${GUC_OPTS[@]}" ${3:+-p "$3"} "file://$1" "$2"
}
guc_tree() { # url-of-directory/ local-directory extra-options...: a recursive download into a fresh directory
  local src=$1 dst=$2; shift 2
  rm -rf "$dst"; mkdir -p "$dst"
  globus-url-copy "${GUC_OPTS[@]}" -r "$@" "$src" "file://$dst/"
}
