# syntax=docker/dockerfile:1
# The Komisi server, built with the same scripts as CI and a developer: `pnpm install --frozen-lockfile`,
# `pnpm build` (every package and app compiled to JavaScript), then the built server.
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
# `pnpm prune` does not work in a workspace: install again without devDependencies (from the store)
RUN rm -rf node_modules apps/*/node_modules packages/*/node_modules bench/node_modules \
  && pnpm install --frozen-lockfile --prod --offline

FROM base AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    KOMISI_DATA_DIR=/data
COPY --from=build --chown=node:node /app /app
# the embedded database, generated secrets and uploaded files (unless S3 is configured)
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# What `pnpm start` runs, started directly: pnpm does not pass SIGTERM on to the server it starts,
# and the server needs it to shut down gracefully (finish requests, write buffered referral clicks).
CMD ["node", "apps/server/dist/main.js"]
