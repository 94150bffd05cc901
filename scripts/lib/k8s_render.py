"""Renders a kustomize directory without kubectl: the fallback of scripts/lib/k8s-checks.sh.

Supports the subset k8s/ uses, and refuses anything else rather than render it wrongly:
`resources` (files and directories with a kustomization.yaml), `labels` (pairs, without selectors),
`images` (newName/newTag/digest) and `patches` given by `path` (strategic merge: maps merge,
lists of maps with a `name` merge by name, other lists are replaced, null deletes a key).

    python k8s_render.py DIR > rendered.yaml
"""
import os
import sys

import yaml

KNOWN = {"apiVersion", "kind", "resources", "labels", "images", "patches"}


def merge(base, patch):
    if isinstance(base, dict) and isinstance(patch, dict):
        out = dict(base)
        for key, value in patch.items():
            if value is None:
                out.pop(key, None)
            elif key in out:
                out[key] = merge(out[key], value)
            else:
                out[key] = value
        return out
    if (isinstance(base, list) and isinstance(patch, list)
            and all(isinstance(x, dict) and "name" in x for x in base + patch)):
        out = list(base)
        for item in patch:
            for i, existing in enumerate(out):
                if existing["name"] == item["name"]:
                    out[i] = merge(existing, item)
                    break
            else:
                out.append(item)
        return out
    return patch


def key(doc):
    meta = doc.get("metadata", {})
    return (doc.get("kind"), meta.get("name"), meta.get("namespace"))


def load_docs(path):
    with open(path) as f:
        return [d for d in yaml.safe_load_all(f) if d]


def set_images(node, images):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "image" and isinstance(v, str):
                name, _, _ = v.partition("@")
                name = name.rsplit(":", 1)[0] if ":" in name.rsplit("/", 1)[-1] else name
                for img in images:
                    if img["name"] == name:
                        new = img.get("newName", name)
                        if "digest" in img:
                            node[k] = f"{new}@{img['digest']}"
                        else:
                            node[k] = f"{new}:{img.get('newTag', v.rsplit(':', 1)[-1])}"
            else:
                set_images(v, images)
    elif isinstance(node, list):
        for item in node:
            set_images(item, images)


def render(directory):
    with open(os.path.join(directory, "kustomization.yaml")) as f:
        k = yaml.safe_load(f)
    unknown = set(k) - KNOWN
    if unknown:
        sys.exit(f"k8s_render: {directory}: unsupported kustomization fields {sorted(unknown)}; use kubectl kustomize")
    docs = []
    for res in k.get("resources", []):
        path = os.path.join(directory, res)
        docs += render(path) if os.path.isdir(path) else load_docs(path)
    for entry in k.get("patches", []):
        if set(entry) != {"path"}:
            sys.exit(f"k8s_render: {directory}: only `patches: - path:` is supported")
        for patch in load_docs(os.path.join(directory, entry["path"])):
            matches = [i for i, d in enumerate(docs) if key(d) == key(patch)]
            if len(matches) != 1:
                sys.exit(f"k8s_render: {directory}: patch {key(patch)} matches {len(matches)} resources")
            docs[matches[0]] = merge(docs[matches[0]], patch)
    for entry in k.get("labels", []):
        if entry.get("includeSelectors") or entry.get("includeTemplates"):
            sys.exit(f"k8s_render: {directory}: labels on selectors/templates are not supported")
        for d in docs:
            d.setdefault("metadata", {}).setdefault("labels", {}).update(entry["pairs"])
    set_images(docs, k.get("images", []))
    return docs


if __name__ == "__main__":
    yaml.safe_dump_all(render(sys.argv[1]), sys.stdout, sort_keys=True)
