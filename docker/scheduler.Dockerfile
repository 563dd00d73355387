# Integration Hub — scheduler: background jobs (node-schedule)
# Build from the repository root: docker build -f docker/scheduler.Dockerfile .
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

# --- build: `nx run scheduler:build` (@nx/esbuild) -------------------------------------------
# The whole workspace toolchain (Nx, esbuild) from the lockfile; none of it reaches the image.
# The bundle holds our libs; generatePackageJson writes the npm packages it still requires
# (and their pruned lockfile) beside it in dist/apps/scheduler/.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY nx.json tsconfig.base.json tsconfig.json ./
COPY libs ./libs
COPY apps ./apps
RUN NX_DAEMON=false NX_NO_CLOUD=true npx nx run scheduler:build --skip-nx-cache

# --- deps: this app's production dependencies only ---------------------------------------
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY --from=build /app/dist/apps/scheduler/package.json /app/dist/apps/scheduler/package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# --- runtime ----------------------------------------------------------------------------
FROM base AS runtime
WORKDIR /app
ENV NODE_ENV=production SCHEDULER_METRICS_HOST=0.0.0.0
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/package.json ./package.json
COPY --from=build /app/dist/apps/scheduler ./dist/apps/scheduler
COPY --from=build /app/dist/libs/migrations/migrate.js /app/dist/libs/migrations/migrate.js.map ./dist/
# Declared late so that a new commit does not invalidate the layers above.
ARG VERSION=unknown
ARG REVISION=unknown
LABEL org.opencontainers.image.title="integration-hub-scheduler" \
      org.opencontainers.image.description="Integration Hub scheduler" \
      org.opencontainers.image.version="$VERSION" \
      org.opencontainers.image.revision="$REVISION"
USER node
# The entry point applies pending migrations under an advisory lock, then starts.
# By hand: node dist/migrate.js up|down|status|check (working directory /app).
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "--enable-source-maps", "dist/apps/scheduler/main.js"]
