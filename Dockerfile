# syntax=docker/dockerfile:1
# The Komisi server, built and started with the scripts CI and a developer use:
# `pnpm install --frozen-lockfile`, `pnpm build` (every package compiled to JavaScript), `pnpm start`.
#   docker build -t komisi .
#   docker run -p 3000:3000 -v komisi-data:/data komisi      # embedded database in the volume
#   docker compose up --build                                 # with PostgreSQL and Redis (compose.yaml)

FROM node:24-slim AS base
RUN npm i -g pnpm@10
WORKDIR /app

FROM base AS build
COPY . .
RUN pnpm install --frozen-lockfile
RUN pnpm build

# The runtime keeps the workspace as built (without the package store): `pnpm start` checks that the
# build is current with TypeScript's `tsc -b` (up to date: a fraction of a second), then replaces
# itself with `node` on the built server; pnpm passes SIGTERM on, so a container stop shuts the
# server down gracefully (requests finished, buffered referral clicks written).
FROM base AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    KOMISI_DATA_DIR=/data \
    npm_config_update_notifier=false
COPY --from=build --chown=node:node /app /app
# the embedded database, generated secrets and uploaded files (unless S3 is configured)
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["pnpm", "start"]
