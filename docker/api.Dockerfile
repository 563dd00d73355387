# Integration Hub — api: HTTP API (Hono), port 8000
# Build from the repository root: docker build -f docker/api.Dockerfile .
# (tools/container-smoke.sh passes --build-arg VERSION=… REVISION=… for the labels.)

# --- base: the runtime's system packages, first so that an apt failure stops the build early
FROM node:24-bookworm-slim AS base
# apt mirrors answer 502 now and then: retry every download, then retry the whole step once.
# Retries go out at once: apt 2.6's delayed retry hangs when nothing else is left to fetch.
RUN set -eux; \
    printf 'Acquire::Retries "5";\nAcquire::Retries::Delay "false";\nAcquire::http::Timeout "30";\n' \
      > /etc/apt/apt.conf.d/80-retries; \
    apt-get update \
      || (sleep 5 && apt-get update); \
    apt-get install -y --no-install-recommends tini \
      || (sleep 5 && apt-get update && apt-get install -y --no-install-recommends --fix-missing tini); \
    apt-get clean; \
    rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin

# --- build: `nx run api:build` (@nx/esbuild) -------------------------------------------
# The whole workspace toolchain (Nx, esbuild) from the lockfile; none of it reaches the image.
# The bundle holds our libs; generatePackageJson writes the npm packages it still requires
# (and their pruned lockfile) beside it in dist/apps/api/.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY nx.json tsconfig.base.json tsconfig.json ./
COPY libs ./libs
COPY apps ./apps
RUN NX_DAEMON=false NX_NO_CLOUD=true npx nx run api:build --skip-nx-cache

# --- deps: this app's production dependencies only ---------------------------------------
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY --from=build /app/dist/apps/api/package.json /app/dist/apps/api/package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# --- runtime ----------------------------------------------------------------------------
FROM base AS runtime
WORKDIR /app
# Every interface: the apps listen on loopback only unless told otherwise. In production the api refuses to
# start without API_TOKEN (or an explicit API_AUTH=off): give it at run time, never here (no secret in ENV).
ENV NODE_ENV=production API_HOST=0.0.0.0
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/package.json ./package.json
COPY --from=build /app/dist/apps/api ./dist/apps/api
COPY --from=build /app/dist/libs/migrations/migrate.js /app/dist/libs/migrations/migrate.js.map ./dist/
# Declared late so that a new commit does not invalidate the layers above.
ARG VERSION=unknown
ARG REVISION=unknown
LABEL org.opencontainers.image.title="integration-hub-api" \
      org.opencontainers.image.description="Integration Hub api" \
      org.opencontainers.image.version="$VERSION" \
      org.opencontainers.image.revision="$REVISION"
USER node
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.API_PORT || 8000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The entry point applies pending migrations under an advisory lock, then starts.
# By hand: node dist/migrate.js up|down|status|check (working directory /app).
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "--enable-source-maps", "dist/apps/api/main.js"]
