# shellcheck shell=bash disable=SC2034 # the scripts that source this file read its variables
# Pinned versions and cache locations of the Kubernetes test peers (etcd, kube-apiserver, kubectl).
# Sourced by build-peers, start-peers and stop-peers. It is not meant to be run on its own.

# kube-apiserver and kubectl come from the same k8s.io/kubernetes release. Its go.mod replaces every
# k8s.io/* staging module with a local directory, so build-peers pins each one to the matching
# v0.<minor>.<patch> release instead.
KUBE_VERSION=v1.37.2
# kubeadm v1.37.2 accepts external etcd from 3.5.24 on (MinExternalEtcdVersion in
# cmd/kubeadm/app/constants) and deploys 3.7.0 by default. Debian 12's etcd-server package is
# 3.4.23, below that minimum, so etcd is built from source too.
ETCD_VERSION=v3.6.16

PEERS_CACHE="${CERTWRIGHT_PEERS_CACHE:-$HOME/.cache/certwright/peers}"

KUBE_APISERVER_BIN="$PEERS_CACHE/kube-apiserver-$KUBE_VERSION/kube-apiserver"
KUBECTL_BIN="$PEERS_CACHE/kubectl-$KUBE_VERSION/kubectl"
ETCD_BIN="$PEERS_CACHE/etcd-$ETCD_VERSION/etcd"

# Use the machine's Go as it is. The etcd module names go1.26.10 as its preferred toolchain, and
# the default GOTOOLCHAIN=auto would download that toolchain when the machine has an older one.
export GOTOOLCHAIN=local

# Returns 0 while process $1 runs. A zombie counts as stopped, because it only waits to be reaped,
# although `kill -0` still succeeds on it.
peer_is_running() {
    local pid=$1 state
    [[ -r "/proc/$pid/stat" ]] || return 1
    state="$(sed 's/^.*) //' "/proc/$pid/stat" | cut -d' ' -f1)" || return 1
    [[ -n "$state" && "$state" != Z ]]
}
