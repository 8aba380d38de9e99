"""Fresh builds with an empty user cache (a CI container) against hand: CPU s, pair ratios."""
import os, resource, shutil, statistics, subprocess, sys, tempfile, time
from pathlib import Path
W = Path("/work/main/benchmarks/_work")
def build(src, cache):
    out = Path(tempfile.mkdtemp())
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    if cache is not None:
        env["XDG_CACHE_HOME"] = cache
    p = subprocess.Popen([sys.executable, "-m", "sphinx", "-q", "-b", "html", str(src), str(out)], env=env, cwd=W, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    shutil.rmtree(out)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024
for size, rounds in (("small-n108-p10-r20", 5), ("large-n5000-p200-r50", 2)):
    ratios, warm_ratios, mem = [], [], []
    for _ in range(rounds):
        cold = tempfile.mkdtemp()
        c, cm = build(W / "projects" / size / "ext", cold)
        h, hm = build(W / "projects" / size / "hand", None)
        w, wm = build(W / "projects" / size / "ext", cold)  # the same cache, now warm
        shutil.rmtree(cold)
        ratios.append(c / h); warm_ratios.append(w / h); mem.append(cm / hm)
        print(f"{size}: cold ext {c:.2f} s {cm:.0f} MB, hand {h:.2f} s {hm:.0f} MB, then warm ext {w:.2f} s", flush=True)
    print(f"{size}: cold ext/hand {statistics.median(ratios):.2f}, warm {statistics.median(warm_ratios):.2f}, memory cold {statistics.median(mem):.2f}")
