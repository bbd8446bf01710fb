"""Round-trip times of a Jupyter kernel through jupyter_client, as a notebook front end sees them.

Usage: kernel_bench.py KERNEL_NAME STARTS TRIVIAL LIBRARY_CODE TRIVIAL_CODE
Prints "key value" lines (seconds): ready (median of STARTS starts), first (first trivial cell),
trivial (median of TRIVIAL later trivial cells), library (first cell using the library),
trivial_cpu (CPU time the kernel process spent per later trivial cell: what a cell costs
whatever else runs on the machine).
"""
import os
import statistics
import sys
import time

from jupyter_client.manager import start_new_kernel


def run(kc, code):
    t0 = time.perf_counter()
    msg_id = kc.execute(code)
    reply = kc.get_shell_msg(timeout=600)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=600)
    while True:
        m = kc.get_iopub_msg(timeout=600)
        if (m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "status"
                and m["content"]["execution_state"] == "idle"):
            break
    if reply["content"]["status"] != "ok":
        raise SystemExit("cell failed: %r -> %r" % (code, reply["content"]))
    return time.perf_counter() - t0


def cpu_seconds(km):
    """User + system CPU time of the kernel process so far (Linux /proc)."""
    pid = km.provisioner.process.pid if getattr(km, "provisioner", None) else km.kernel.pid
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    name, starts, trivial, library, simple = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), \
        sys.argv[4], sys.argv[5]
    ready = []
    for i in range(starts):
        t0 = time.perf_counter()
        km, kc = start_new_kernel(kernel_name=name, startup_timeout=120)
        ready.append(time.perf_counter() - t0)
        if i < starts - 1:
            kc.stop_channels()
            km.shutdown_kernel(now=False)
    first = run(kc, simple)
    cpu0 = cpu_seconds(km)
    times = [run(kc, simple) for _ in range(trivial)]
    cpu = (cpu_seconds(km) - cpu0) / trivial
    lib = run(kc, library)
    kc.stop_channels()
    km.shutdown_kernel(now=False)
    print("ready %.3f" % statistics.median(ready))
    print("ready_min %.3f" % min(ready))
    print("first %.3f" % first)
    print("trivial %.4f" % statistics.median(times))
    print("library %.3f" % lib)
    print("trivial_cpu %.4f" % cpu)


if __name__ == "__main__":
    main()
