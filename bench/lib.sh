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
