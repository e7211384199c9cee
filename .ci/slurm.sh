#!/usr/bin/env bash
# Scale-out on a real engine: starts a one-node Slurm cluster on this machine (munged, slurmctld, slurmd),
# runs a slice as a job array of four shards that take their shard from Slurm's environment, requeues one
# task while it is running, as pre-emption does, so that it starts again and resumes, merges the shards in a
# job that depends on the array, and checks that the merged folder is byte-identical to one unsharded run
# with the same seed. Every wait is bounded; the daemons it started are stopped however it ends.
#
#   .ci/slurm.sh [AUGMENT]     AUGMENT: the augment binary (default: built here with swift build -c release)
#
# Needs root (the daemons run as root, as in a CI container). docs/scale-out.md shows the same job script.
set -euo pipefail
cd "$(dirname "$0")/.."
repository=$PWD

slice=car-noise count=200 seed=7 tasks=4

if [ $# -gt 0 ]; then
  augment=$(realpath "$1")
else
  swift build -c release --product augment
  augment=$repository/.build/release/augment
fi
if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge
fi

work=$(mktemp -d /tmp/augment-slurm.XXXXXX)
state=$work/state
mkdir -p "$state/ctld" "$state/slurmd" "$work/log"
export SLURM_CONF=$work/slurm.conf
echo "slurm: working in $work"

# -- stop whatever this script started, however it ends
pids_to_stop=()
cleanup() {
  local status=$?
  if [ -n "${job:-}" ]; then scancel "$job" 2>/dev/null || true; fi
  if [ -n "${merge_job:-}" ]; then scancel "$merge_job" 2>/dev/null || true; fi
  if [ -n "${pid:-}" ]; then kill -CONT "$pid" 2>/dev/null || true; fi
  # Jobs run under slurmstepd, which outlives slurmd: let them end before the daemons go.
  for _ in $(seq 120); do [ -z "$(squeue -h 2>/dev/null)" ] && break; sleep 0.5; done
  for pid_file in "$state/slurmd.pid" "$state/slurmctld.pid" "${pids_to_stop[@]}"; do
    [ -f "$pid_file" ] || continue
    local pid
    pid=$(cat "$pid_file")
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ "$status" -ne 0 ]; then
    echo "slurm: FAILED; logs:" >&2
    tail -n 20 "$work"/log/*.log "$work"/*.out >&2 2>/dev/null || true
    echo "slurm: ${SECONDS}s in all; logs and folders kept in $work"
  else
    rm -rf "$work"
    echo "slurm: ${SECONDS}s in all"
  fi
}
trap cleanup EXIT

# Waits up to $1 seconds for the command that follows to succeed.
wait_for() {
  local limit=$1 what=$2
  shift 2
  local deadline=$((SECONDS + limit))
  until "$@"; do
    if [ $SECONDS -ge $deadline ]; then
      echo "slurm: gave up after ${limit}s waiting for $what" >&2
      return 1
    fi
    sleep 0.2
  done
}

# -- munge: Slurm's authentication. A munged that already answers is used as it is.
if ! (munge -n | unmunge) >/dev/null 2>&1; then
  [ -s /etc/munge/munge.key ] || runuser -u munge -- mungekey --create
  install -d -o munge -g munge -m 0755 /run/munge
  runuser -u munge -- munged --pid-file=/run/munge/munged.pid
  pids_to_stop+=(/run/munge/munged.pid)
  wait_for 20 "munged" sh -c 'munge -n | unmunge >/dev/null 2>&1'
fi

# -- a cluster of this one machine. The node line is what slurmd measures here (slurmd -C). Processes are
# tracked through /proc and tasks are not confined: no cgroups, which a container seldom lets us use.
node=$(slurmd -C | head -n 1)
node_name=$(echo "$node" | sed -E 's/^NodeName=([^ ]+).*/\1/')
cat >"$SLURM_CONF" <<EOF
ClusterName=augment-ci
SlurmctldHost=$node_name
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/slurmd
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MinJobAge=600
$node State=UNKNOWN
PartitionName=ci Nodes=$node_name Default=YES MaxTime=30 State=UP
EOF
slurmctld -i
slurmd
node_idle() { [ "$(sinfo -h -n "$node_name" -o %t 2>/dev/null)" = idle ]; }
wait_for 60 "node $node_name to be idle" node_idle
echo "slurm: cluster up after $SECONDS s: $(sinfo -h -o '%P %D %t %c')"

# -- the job array: the script docs/scale-out.md shows, with this run's settings. The shard comes from
# SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT; a task that finds its shard's run file resumes.
out=$work/sharded
cat >"$work/augment-shard.sbatch" <<EOF
#!/bin/bash
#SBATCH --job-name=augment-$slice
#SBATCH --array=0-$((tasks - 1))
#SBATCH --cpus-per-task=1
#SBATCH --requeue
#SBATCH --open-mode=append
#SBATCH --output=$work/task-%a.out
set -euo pipefail
cd "$repository"
out=$out
shard=\$((SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN))
if [ -f "\$out/run.shard-\${shard}-of-\${SLURM_ARRAY_TASK_COUNT}.json" ]; then resume=--resume; else resume=; fi
echo "start: restart \${SLURM_RESTART_COUNT:-0}, shard \$shard of \$SLURM_ARRAY_TASK_COUNT \$resume"
"$augment" --slice $slice --count $count --seed $seed --out "\$out" --jobs "\$SLURM_CPUS_PER_TASK" \$resume
EOF
job=$(sbatch --parsable "$work/augment-shard.sbatch")
merge_job=$(sbatch --parsable --dependency=afterok:"$job" --output="$work/merge.out" --wrap "'$augment' merge '$out'")
echo "slurm: submitted array $job and merge $merge_job"

# -- pre-empt task 1 partway. A release build makes a shard's 50 samples in a fraction of a second, too fast
# to catch by watching, so the task's augment process is stopped (SIGSTOP) as soon as it starts and let
# run in 20 ms steps until some but not all of its samples are in its manifest. (Slurm's own suspend is
# an RPC to slurmd per step, too slow and too heavy for steps this short.) Then the task is requeued, as
# pre-emption with PreemptMode=REQUEUE does: killed, back to pending, run again from the top of the
# script. Slurm makes a requeued job wait two minutes before it is eligible again; that is lifted so that
# the test does not wait.
victim=1
per_task=$(((count + tasks - 1 - victim) / tasks))
manifest="$out/manifest.shard-$victim-of-$tasks.jsonl"
lines_in() { if [ -f "$1" ]; then wc -l <"$1"; else echo 0; fi; }
victim_pid() {
  local pid
  for pid in $(pgrep -x augment); do
    if tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qx "SLURM_ARRAY_JOB_ID=$job" \
      && tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qx "SLURM_ARRAY_TASK_ID=$victim"; then
      echo "$pid"
      return 0
    fi
  done
  return 1
}
deadline=$((SECONDS + 120))
until pid=$(victim_pid); do
  [ $SECONDS -lt $deadline ] || { echo "slurm: task $victim did not start in 120 s" >&2; exit 1; }
  sleep 0.01
done
kill -STOP "$pid"
made_before=$(lines_in "$manifest")
steps=0
while [ "$made_before" -eq 0 ] && [ $steps -lt 3000 ]; do
  kill -CONT "$pid"
  sleep 0.02
  kill -STOP "$pid"
  steps=$((steps + 1))
  made_before=$(lines_in "$manifest")
done
if [ "$made_before" -eq 0 ] || [ "$made_before" -ge "$per_task" ]; then
  echo "slurm: could not stop task $victim partway ($made_before of $per_task samples)" >&2
  exit 1
fi
scontrol requeue "${job}_$victim"
victim_pending() { [ "$(squeue -h -j "${job}_$victim" -o %T 2>/dev/null)" = PENDING ]; }
wait_for 60 "task $victim to be pending again" victim_pending
scontrol update JobId="${job}_$victim" StartTime=now
echo "slurm: requeued task $victim after $made_before of $per_task samples ($steps steps of 20 ms)"

merge_done() { [ "$(scontrol show job "$merge_job" 2>/dev/null | grep -oE 'JobState=[A-Z_]+')" = JobState=COMPLETED ]; }
merge_failed() {
  scontrol show job "$merge_job" 2>/dev/null | grep -qE 'JobState=(FAILED|CANCELLED|TIMEOUT)|DependencyNeverSatisfied'
}
deadline=$((SECONDS + 900))
until merge_done; do
  if merge_failed || [ $SECONDS -ge $deadline ]; then
    echo "slurm: the merge job did not complete:" >&2
    scontrol show job "$merge_job" >&2 || true
    exit 1
  fi
  sleep 1
done
echo "slurm: array and merge done after $SECONDS s"

# The requeued task must have started twice, the second time resuming its shard and making only the rest.
grep -q "start: restart 1, shard $victim of $tasks --resume" "$work/task-$victim.out" || {
  echo "slurm: task $victim did not run again with --resume:" >&2
  cat "$work/task-$victim.out" >&2
  exit 1
}
made_after=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["made_now"])' \
  "$out/summary.shard-$victim-of-$tasks.json")
if [ "$made_after" -le 0 ] || [ "$made_after" -ge "$per_task" ]; then
  echo "slurm: the resumed task made $made_after of $per_task samples; a resume makes only the rest" >&2
  exit 1
fi
echo "slurm: task $victim resumed and made $made_after of its $per_task samples, keeping the rest"

# -- the same run, unsharded, outside Slurm
env -u SLURM_CONF "$augment" --slice $slice --count $count --seed $seed --out "$work/single" >"$work/single.out" 2>&1

# Every file of the single run must be in the merged folder with the same bytes, except in summary.json what
# describes the last invocation rather than the folder: the wall-clock figures, made_now (samples made by
# the last invocation, which a resumed shard counts from where it resumed) and resumed, which the merged
# summary must report, since a task was requeued. The merged folder may hold nothing else but the shards'
# own files.
normalised_summary() {
  python3 -c 'import json, sys
summary = json.load(open(sys.argv[1]))
for key in ("seconds", "samples_per_second", "made_now", "resumed"): summary.pop(key)
print(json.dumps(summary, indent=1, sort_keys=True))' "$1"
}
differences=0
if ! python3 -c 'import json, sys; sys.exit(0 if json.load(open(sys.argv[1]))["resumed"] else 1)' "$out/summary.json"; then
  echo "slurm: FAILED: the merged summary.json does not say a shard was resumed" >&2
  differences=1
fi
for file in "$work/single"/*; do
  name=$(basename "$file")
  if [ "$name" = summary.json ]; then
    diff <(normalised_summary "$file") <(normalised_summary "$out/$name") || differences=$((differences + 1))
  elif ! cmp "$file" "$out/$name"; then
    differences=$((differences + 1))
  fi
done
extra=$(comm -13 <(ls "$work/single") <(ls "$out") | grep -vE "\.shard-[0-9]+-of-$tasks\.jsonl?$" || true)
if [ -n "$extra" ]; then
  echo "slurm: the merged folder holds files a single run does not write: $extra" >&2
  differences=$((differences + 1))
fi
files=$(ls "$work/single" | wc -l)
if [ "$differences" -ne 0 ]; then
  echo "slurm: FAILED: $differences of $files files differ between the merged shards and the single run" >&2
  exit 1
fi
echo "slurm: merged folder byte-identical to a single run ($files files; summary.json apart from timings)"
