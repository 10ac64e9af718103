#!/usr/bin/env bash
# Wharf end to end, in kind: builds and loads the images, installs the chart, then runs WharfE2eTest
# (deploy/, JUnit tag e2e), which applies the examples, waits for Ready, moves files with curl and
# globus-url-copy through the advertised endpoints, logs in over ssh, deletes everything and checks
# nothing is left. See e2e/README.md.
#
# It never passes without a cluster: every prerequisite is checked first and a missing one fails the
# run, and the run fails unless the e2e test really ran and passed.
#
# Environment:
#   WHARF_E2E_USE_EXISTING=1   use the current kubectl context instead of creating a kind cluster
#   WHARF_E2E_KEEP=1           keep the kind cluster afterwards
#   BASE_IMAGE                 base for bin/build-images (default here: debian:bookworm-slim)
set -euo pipefail
cd "$(dirname "$0")/.."

cluster="${WHARF_E2E_CLUSTER:-wharf-e2e}"
tag="${WHARF_E2E_TAG:-e2e}"
data_dir=/tmp/wharf-e2e-data
report=deploy/target/surefire-reports/TEST-dev.wharf.deploy.e2e.WharfE2eTest.xml

fail() {
  echo "e2e: FAILED: $*" >&2
  exit 1
}
step() { echo "e2e: $*"; }

# --- 1. prerequisites: fail loudly, before anything is built or created ---------------------------
need=(kubectl helm docker curl globus-url-copy ssh ssh-keygen java)
[ "${WHARF_E2E_USE_EXISTING:-0}" = "1" ] || need+=(kind)
for tool in "${need[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is not installed (e2e/README.md lists what the run needs)"
done
docker info >/dev/null 2>&1 || fail "no Docker engine answers (kind and the image build need one)"

created=false
if [ "${WHARF_E2E_USE_EXISTING:-0}" != "1" ]; then
  mkdir -p "$data_dir" && chmod 0777 "$data_dir"
  if ! kind get clusters 2>/dev/null | grep -qx "$cluster"; then
    step "creating kind cluster $cluster"
    kind create cluster --name "$cluster" --config e2e/kind-config.yaml --wait 180s
    created=true
  fi
  kubectl config use-context "kind-$cluster" >/dev/null
fi
kubectl cluster-info >/dev/null 2>&1 || fail "no Kubernetes cluster reachable with the current kubeconfig"

diagnostics() {
  echo "e2e: ---- diagnostics ----" >&2
  kubectl get nodes -o wide >&2 || true
  kubectl get storagepools,transferservers -A -o yaml >&2 || true
  kubectl get pods -A -o wide >&2 || true
  kubectl get events -A --sort-by=.lastTimestamp >&2 || true
  kubectl -n wharf-system logs deployment/wharf-operator --tail=300 >&2 || true
  # every pod the operator makes there (transfer pods and topology agents) carries managed-by
  kubectl -n wharf-data logs --all-containers --prefix --tail=100 --max-log-requests=20 -l app.kubernetes.io/managed-by=wharf-operator >&2 || true
  if [ "$created" = true ] && [ -n "${WHARF_E2E_LOGS:-}" ]; then kind export logs "$WHARF_E2E_LOGS" --name "$cluster" || true; fi
}
finish() {
  rc=$?
  [ $rc -eq 0 ] || diagnostics
  if [ "$created" = true ] && [ "${WHARF_E2E_KEEP:-0}" != "1" ]; then kind delete cluster --name "$cluster" || true; fi
  exit $rc
}
trap finish EXIT

# --- 2. images ------------------------------------------------------------------------------------
step "building images (tag $tag)"
images=$(TAG="$tag" BASE_IMAGE="${BASE_IMAGE:-debian:bookworm-slim}" bin/build-images | tail -n 2)
server_image=$(echo "$images" | sed -n 1p)
operator_image=$(echo "$images" | sed -n 2p)
if [ "${WHARF_E2E_USE_EXISTING:-0}" != "1" ]; then
  kind load docker-image --name "$cluster" "$server_image" "$operator_image"
fi

# --- 3. the chart ---------------------------------------------------------------------------------
# Helm installs crds/ on the first install only and never upgrades them: the e2e takes the upgrade path
# docs/admin-guide.md (section 6) documents, on every run, so a fresh and an upgraded cluster get the same.
step "applying the CRDs server-side"
kubectl apply --server-side --force-conflicts --field-manager=wharf-crds -f crds/
kubectl wait --for=condition=Established --timeout=60s crd/storagepools.wharf.dev crd/transferservers.wharf.dev
step "installing the chart"
helm upgrade --install wharf-operator helm/wharf-operator --skip-crds \
  --namespace wharf-system --create-namespace \
  --set image.repository="${operator_image%:*}" --set image.tag="$tag" --set image.pullPolicy=IfNotPresent \
  --set serverImage.repository="${server_image%:*}" --set serverImage.tag="$tag" \
  --wait --timeout 5m

# --- 4. the end-to-end test -----------------------------------------------------------------------
step "running WharfE2eTest"
rm -f "$report"
WHARF_E2E_DATA_DIR="$data_dir" ./mvnw -B -ntp -pl deploy verify -Pe2e -Dtest=WharfE2eTest -Dsurefire.failIfNoSpecifiedTests=false

[ -f "$report" ] || fail "WharfE2eTest did not run (no $report)"
grep -q 'tests="1"' "$report" && grep -q 'failures="0"' "$report" && grep -q 'errors="0"' "$report" \
  && grep -q 'skipped="0"' "$report" || fail "WharfE2eTest did not pass: see $report"
step "passed"
