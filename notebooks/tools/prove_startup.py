"""Starts a Jupyter kernel many times and counts the starts that fail.

One start: launch the kernel, wait for its reply to kernel_info (as every Jupyter client does
first), execute `1+1` and check that the result is 2, then ask it to shut down. A start that does
not complete within the timeout is a failure; its kernel is killed and its log kept.

usage: /usr/bin/python3 prove_startup.py KERNEL_NAME STARTS TIMEOUT_SECONDS LOG_DIR
(run through notebooks/prove-startup, which registers the kernel in a temporary data dir)
"""
import os
import queue
import sys
import time

from jupyter_client.manager import KernelManager


def execute(client, code, timeout):
    """Executes code; returns (status, text of the execute_result or None)."""
    msg_id = client.execute(code)
    deadline = time.monotonic() + timeout
    result = None
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"no reply to execute_request for {code!r} in {timeout} s")
        try:
            msg = client.get_iopub_msg(timeout=remaining)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "execute_result":
            data = msg["content"]["data"]
            result = data.get("text/plain", data.get("text/html"))
        elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    while True:  # skip replies to the repeated kernel_info requests of wait_for_ready
        reply = client.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"]["status"], result


def one_start(name, timeout, log_path):
    """One start of the kernel; returns None on success, or what went wrong."""
    with open(log_path, "w") as log:
        manager = KernelManager(kernel_name=name)
        manager.start_kernel(stdout=log, stderr=log)
        client = manager.client()
        client.start_channels()
        error = None
        try:
            client.wait_for_ready(timeout=timeout)
            status, result = execute(client, "1+1", timeout)
            if status != "ok" or result is None or result.strip() != "2":
                error = f"execute 1+1: status {status}, result {result!r}"
        except Exception as e:  # a failed start is counted, not raised
            error = f"{type(e).__name__}: {e}"
        finally:
            client.stop_channels()
            # A kernel that answered is asked to stop; one that did not is killed at once.
            manager.shutdown_kernel(now=error is not None)
        return error


def main():
    name, starts, timeout, log_dir = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
    os.makedirs(log_dir, exist_ok=True)
    failures = []
    began = time.monotonic()
    for i in range(1, starts + 1):
        log_path = os.path.join(log_dir, f"start-{i:03d}.log")
        t = time.monotonic()
        error = one_start(name, timeout, log_path)
        took = time.monotonic() - t
        if error is None:
            os.remove(log_path)
            print(f"start {i:3d}: ok ({took:.1f} s)", flush=True)
        else:
            failures.append(i)
            print(f"start {i:3d}: FAILED after {took:.1f} s: {error} (kernel log: {log_path})", flush=True)
    print(f"kernel {name}: {starts} starts, {len(failures)} failed"
          + (f" (starts {', '.join(map(str, failures))})" if failures else "")
          + f", {time.monotonic() - began:.0f} s in all")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
