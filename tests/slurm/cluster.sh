#!/usr/bin/env bash
# A throw-away SLURM cluster on this machine: munged, slurmctld and N slurmd "nodes", every listener on 127.0.0.1,
# all state under one temporary folder. Source it, then: cluster_start W N; ...; cluster_stop (also from a trap).
# Needs root and Debian's slurm-wlm + munge (see .ci/apt-packages). No systemd, no cgroups.

cluster_start() {
  CLUSTER_DIR=$1
  local nodes=${2:-3}
  local host; host=$(hostname -s)
  mkdir -p "$CLUSTER_DIR"/{munge/etc,munge/sock,munge/run,munge/log,state,spool,run,log}
  chmod 700 "$CLUSTER_DIR/munge/etc"
  chmod 755 "$CLUSTER_DIR" "$CLUSTER_DIR/munge" "$CLUSTER_DIR/munge/sock"
  dd if=/dev/urandom bs=1024 count=1 of="$CLUSTER_DIR/munge/etc/munge.key" 2>/dev/null
  chmod 600 "$CLUSTER_DIR/munge/etc/munge.key"
  MUNGE_SOCKET="$CLUSTER_DIR/munge/sock/munge.socket"
  munged --socket="$MUNGE_SOCKET" --key-file="$CLUSTER_DIR/munge/etc/munge.key" \
    --pid-file="$CLUSTER_DIR/munge/run/munged.pid" --log-file="$CLUSTER_DIR/munge/log/munged.log" \
    --seed-file="$CLUSTER_DIR/munge/run/munged.seed" --origin=127.0.0.1 --force || return 1

  local last=$((17000 + nodes))
  export SLURM_CONF="$CLUSTER_DIR/slurm.conf"
  cat > "$SLURM_CONF" <<CONF
ClusterName=colocci
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=16817
SlurmdPort=16818
CommunicationParameters=NoInAddrAny,NoCtldInAddrAny
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$MUNGE_SOCKET
SlurmUser=root
StateSaveLocation=$CLUSTER_DIR/state
SlurmdSpoolDir=$CLUSTER_DIR/spool/%n
SlurmctldPidFile=$CLUSTER_DIR/run/slurmctld.pid
SlurmdPidFile=$CLUSTER_DIR/run/slurmd-%n.pid
SlurmctldLogFile=$CLUSTER_DIR/log/slurmctld.log
SlurmdLogFile=$CLUSTER_DIR/log/slurmd-%n.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
MailProg=$(command -v true)
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SlurmdParameters=config_overrides
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=1,bf_interval=1
ReturnToService=2
SlurmdTimeout=10
MinJobAge=600
NodeName=n[1-$nodes] NodeHostname=$host NodeAddr=127.0.0.1 Port=[17001-$last] CPUs=1 State=UNKNOWN
PartitionName=ci Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
  slurmctld -i || return 1
  local n
  for n in $(seq 1 "$nodes"); do slurmd -N "n$n" || return 1; done
  local i
  for i in $(seq 1 100); do
    if [ "$(sinfo -h -o '%t' 2>/dev/null | sort -u | tr -d '\n')" = "idle" ] &&
       [ "$(sinfo -h -N -o '%N' 2>/dev/null | wc -l)" -eq "$nodes" ]; then return 0; fi
    sleep 0.2
  done
  echo "cluster: nodes did not become idle:" >&2; sinfo >&2; return 1
}

# PIDs of every process of this cluster: the daemons from their pid files, and anything whose environment points at
# this cluster's slurm.conf (slurmstepd, job scripts, coloc tasks).
cluster_pids() {
  local f p
  for f in "$CLUSTER_DIR"/run/*.pid "$CLUSTER_DIR"/munge/run/munged.pid; do
    [ -s "$f" ] && cat "$f"
  done
  for p in /proc/[0-9]*; do
    if { tr '\0' '\n' < "$p/environ"; } 2>/dev/null | grep -qxF "SLURM_CONF=$CLUSTER_DIR/slurm.conf"; then
      echo "${p#/proc/}"
    fi
  done
}

# Fails (prints the offender) if any TCP listener of this cluster's processes is not on 127.0.0.1.
cluster_check_listeners() {
  local pids bad
  pids=$(cluster_pids | sort -u | tr '\n' '|' | sed 's/|$//')
  [ -n "$pids" ] || return 0
  bad=$(ss -Hltnp 2>/dev/null | grep -E "pid=($pids)," | awk '{print $4}' | grep -v '^127\.0\.0\.1:' || true)
  if [ -n "$bad" ]; then echo "cluster: listener outside 127.0.0.1: $bad" >&2; return 1; fi
  ss -Hltnp 2>/dev/null | grep -E "pid=($pids)," | awk '{print $4}' | sort | tr '\n' ' '
}

cluster_stop() {
  [ -n "${CLUSTER_DIR:-}" ] && [ -d "$CLUSTER_DIR" ] || return 0
  scancel --quiet --user=root 2>/dev/null || true
  local pids p i
  for i in 1 2 3; do
    pids=$(cluster_pids | sort -u)
    [ -n "$pids" ] || break
    for p in $pids; do [ "$p" != "$$" ] && kill -TERM "$p" 2>/dev/null; done
    for _ in $(seq 1 25); do
      local alive=0
      for p in $pids; do kill -0 "$p" 2>/dev/null && alive=1; done
      [ $alive -eq 0 ] && break
      sleep 0.2
    done
    for p in $pids; do [ "$p" != "$$" ] && kill -KILL "$p" 2>/dev/null; done
  done
  rm -rf "$CLUSTER_DIR"
  unset CLUSTER_DIR
}
