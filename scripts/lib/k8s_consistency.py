"""Checks that rendered manifests agree with the programs (run by scripts/lib/k8s-checks.sh).

    python k8s_consistency.py README.md RENDERED.yaml...

- every ConfigMap key and every `env` name of our containers is a variable of the README's
  configuration table (the programs' real names);
- kinerja-api's terminationGracePeriodSeconds > preStop sleep + KINERJA_HTTP_DRAIN_DELAY_MS
  + KINERJA_SHUTDOWN_DEADLINE_MS;
- kinerja-worker's terminationGracePeriodSeconds > KINERJA_WORKER_GRACE_MS;
- the HPA's and the ScaledObject's minimum is at least 1 and below their maximum.
"""
import re
import sys

import yaml

readme, rendered = sys.argv[1], sys.argv[2:]
known = set(re.findall(r"`(KINERJA_[A-Z0-9_]+)`", open(readme).read()))
problems = []
for path in rendered:
    docs = {(d["kind"], d["metadata"]["name"]): d for d in yaml.safe_load_all(open(path)) if d}
    config = docs[("ConfigMap", "kinerja-config")]["data"]
    for name in config:
        if name not in known:
            problems.append(f"{path}: ConfigMap key {name} is not in the README's configuration table")
    for (kind, name), d in docs.items():
        if kind not in ("Deployment", "Job"):
            continue
        spec = d["spec"]["template"]["spec"]
        for c in spec.get("initContainers", []) + spec["containers"]:
            for e in c.get("env", []):
                if e["name"] not in known:
                    problems.append(f"{path}: {name}/{c['name']}: env {e['name']} is not in the README's table")
    ms = lambda key: int(config[key]) / 1000  # noqa: E731
    api = docs[("Deployment", "kinerja-api")]["spec"]["template"]["spec"]
    pre = api["containers"][0]["lifecycle"]["preStop"]["exec"]["command"]
    # The drain delay defaults to 2 s in the program when the ConfigMap leaves it out.
    delay = int(config.get("KINERJA_HTTP_DRAIN_DELAY_MS", 2000)) / 1000
    need = float(pre[1]) + delay + ms("KINERJA_SHUTDOWN_DEADLINE_MS")
    if not api["terminationGracePeriodSeconds"] > need:
        problems.append(f"{path}: kinerja-api grace {api['terminationGracePeriodSeconds']} s <= preStop + drain delay "
                        f"+ drain {need} s")
    worker = docs[("Deployment", "kinerja-worker")]["spec"]["template"]["spec"]
    if not worker["terminationGracePeriodSeconds"] > ms("KINERJA_WORKER_GRACE_MS"):
        problems.append(f"{path}: kinerja-worker grace {worker['terminationGracePeriodSeconds']} s <= KINERJA_WORKER_GRACE_MS")
    hpa = docs[("HorizontalPodAutoscaler", "kinerja-api")]["spec"]
    so = docs[("ScaledObject", "kinerja-worker")]["spec"]
    if not 1 <= hpa["minReplicas"] < hpa["maxReplicas"]:
        problems.append(f"{path}: HPA min/max {hpa['minReplicas']}/{hpa['maxReplicas']}")
    if not 1 <= so["minReplicaCount"] < so["maxReplicaCount"]:
        problems.append(f"{path}: ScaledObject min/max {so['minReplicaCount']}/{so['maxReplicaCount']}")
    print(f"  {path.rsplit('/', 1)[-1]:22} {len(config)} settings and env names known; grace periods and "
          f"scaling bounds consistent" if not problems else "", file=sys.stderr)
for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
