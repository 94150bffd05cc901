# Checks the Kubernetes manifests under k8s/: yamllint, kubernetes-validate --strict and checkov,
# installed from PyPI into a cached virtual environment (.build-venv/k8s, gitignored by .build-*/).
# Both overlays (dev, prod) are rendered and checked as well as the files themselves.
# Sourced by scripts/test (after scripts/lib/common.sh); run alone with `bash scripts/lib/k8s-checks.sh`.

# Pinned tools. Changing a pin rebuilds the environment on the next run.
KINERJA_K8S_TOOLS=("kubernetes-validate==1.37.0" "checkov==3.3.30" "yamllint==1.38.0")
# The Kubernetes version whose schemas kubernetes-validate uses (the oldest we support).
KINERJA_K8S_VERSION=1.32

# Kinds from operators (CloudNativePG Cluster/Pooler, KEDA ScaledObject/TriggerAuthentication) have
# no schema in kubernetes-validate: it validates the built-in kinds and reports these as unknown,
# which we accept for exactly these kinds and nothing else.
KINERJA_K8S_CRD_KINDS='\(Cluster\|Pooler\|ScaledObject\|TriggerAuthentication\)'
KINERJA_K8S_CRD_APIS='\(postgresql.cnpg.io/v1\|keda.sh/v1alpha1\)'

# checkov checks we skip, each with the reason. Anything else that fails, fails the tests.
KINERJA_CHECKOV_SKIPS=(
    # Image digest pinning: the image is a placeholder (registry.example/kinerja:TAG) that each
    # overlay's `images:` sets; a real digest exists only once CI pushes the image. Pin it there.
    CKV_K8S_43
    # "Prefer using secrets as files over secrets as environment variables": the programs read
    # their whole configuration from the environment (README, "Configuration"), by design.
    CKV_K8S_35
)

kinerja_k8s_venv() {
    local venv=.build-venv/k8s stamp
    stamp=$(printf '%s\n' "${KINERJA_K8S_TOOLS[@]}" "$(/usr/bin/python3 --version 2>&1)")
    if [ -x "$venv/bin/python" ] && [ "$(cat "$venv/.tools" 2>/dev/null)" = "$stamp" ]; then
        return 0
    fi
    /usr/bin/python3 -c 'import venv, ensurepip' 2>/dev/null || kinerja_ensure_packages python3-venv
    log "creating $venv: ${KINERJA_K8S_TOOLS[*]}"
    rm -rf "$venv"
    /usr/bin/python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check --no-input "${KINERJA_K8S_TOOLS[@]}"
    printf '%s' "$stamp" >"$venv/.tools"
}

# kinerja_k8s_render DIR OUT: kubectl kustomize where kubectl is installed, else (or with
# KINERJA_K8S_RENDERER=python) scripts/lib/k8s_render.py. Debian 12 has no current kubectl package.
kinerja_k8s_use_kubectl() { [ "${KINERJA_K8S_RENDERER:-}" != python ] && command -v kubectl >/dev/null 2>&1; }
kinerja_k8s_render() {
    if kinerja_k8s_use_kubectl; then
        kubectl kustomize "$1" >"$2"
    else
        .build-venv/k8s/bin/python scripts/lib/k8s_render.py "$1" >"$2"
    fi
}

kinerja_k8s_checks() {
    local started status=0 out v
    started=$(date +%s)
    kinerja_k8s_venv
    v=.build-venv/k8s/bin
    out=$(mktemp -d /tmp/kinerja-k8s.XXXXXX)

    local renderer=scripts/lib/k8s_render.py
    kinerja_k8s_use_kubectl && renderer="kubectl kustomize ($(kubectl version --client 2>/dev/null | awk '/Kustomize/ {print $3}'))"
    log "k8s: rendering base, overlays/dev, overlays/prod with $renderer"
    for o in base overlays/dev overlays/prod; do
        kinerja_k8s_render "k8s/$o" "$out/$(basename "$o").yaml" || { log "k8s: rendering k8s/$o failed"; status=1; }
    done

    log "k8s: yamllint"
    "$v/yamllint" -s -c k8s/.yamllint k8s/ || status=1

    log "k8s: kubernetes-validate --strict (Kubernetes $KINERJA_K8S_VERSION; built-in kinds)"
    local report unknown
    for f in "$out"/*.yaml k8s/base/secret.example.yaml; do
        report=$("$v/kubernetes-validate" --strict --quiet -k "$KINERJA_K8S_VERSION" "$f" 2>&1) || {
            printf '%s\n' "$report" >&2; status=1; continue; }
        # Warnings: only "no schema" for the operators' kinds are expected; any other fails.
        unknown=$(grep -v "Couldn't find schema for kind $KINERJA_K8S_CRD_KINDS with api version $KINERJA_K8S_CRD_APIS " <<<"$report" | grep . || true)
        if [ -n "$unknown" ]; then printf '%s\n' "$unknown" >&2; status=1; fi
        printf '  %-22s %s built-in resources valid, %s operator resources without schema\n' "$(basename "$f")" \
            "$(( $(grep -c '^kind:' "$f") - $(grep -c "Couldn't find schema" <<<"$report") ))" "$(grep -c "Couldn't find schema" <<<"$report")" >&2
    done

    log "k8s: consistency with the programs (scripts/lib/k8s_consistency.py)"
    "$v/python" scripts/lib/k8s_consistency.py README.md "$out"/*.yaml || status=1

    log "k8s: checkov (kubernetes) over k8s/ and the rendered overlays"
    local skips
    skips=$(IFS=,; echo "${KINERJA_CHECKOV_SKIPS[*]}")
    # The overlays' patch files are fragments, not resources: they are checked inside the rendered
    # overlays instead. --skip-download and BC_SKIP_MAPPING: no calls to the vendor's service.
    local checkov=(env BC_SKIP_MAPPING=TRUE "$v/checkov" --quiet --compact --skip-download
                   --framework kubernetes --skip-check "$skips")
    "${checkov[@]}" -d k8s --skip-path overlays || status=1
    "${checkov[@]}" -d "$out" || status=1

    rm -rf "$out"
    log "k8s: checks $([ $status -eq 0 ] && echo passed || echo FAILED) in $(( $(date +%s) - started )) s"
    return $status
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    cd "$(dirname "$0")/../.."
    source scripts/lib/common.sh
    kinerja_k8s_checks
fi
