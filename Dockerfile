# syntax=docker/dockerfile:1

# Build: install everything, compile TypeScript, render and compress the site for the address it
# will be served at (BASE_URL), then drop the development dependencies.
# better-sqlite3 is a native addon: node-gyp builds it here when no prebuilt binary is found,
# and needs python3, make and g++ for that.
FROM node:20-bookworm-slim AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY content ./content
COPY views ./views
COPY static ./static
# The pages name their public address, so the site is rendered for one: build with
# --build-arg BASE_URL=https://... A container started with another BASE_URL renders the site
# itself at start, a few seconds instead of well under one (docs/operations.md).
ARG BASE_URL=http://localhost:3000
RUN npm run build && npm prune --omit=dev

# Run: only what the server needs, as an unprivileged numeric user. The compiled addon comes
# with node_modules; both stages are the same Debian, so it loads as built.
FROM node:20-bookworm-slim
ARG BASE_URL=http://localhost:3000
ENV NODE_ENV=production \
    BASE_URL=$BASE_URL \
    PORT=3000 \
    HOST=0.0.0.0 \
    FEEDBACK_DB=/app/data/feedback.db
# Sized for a container of 256 MB (docs/performance.md#memory): V8's old space at most 256 MB and
# 4 MB semi-spaces, glibc's malloc in two arenas. npm run bench and npm run soak start the site
# with the same (IMAGE_ENV in scripts/server-process.ts).
ENV NODE_OPTIONS="--max-old-space-size=256 --max-semi-space-size=4" \
    MALLOC_ARENA_MAX=2
WORKDIR /app
# What the site prepared in dist/ was made from (dist/site.snapshot, used only while these are
# byte for byte the files it was made from): the same files as the build stage's.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package-lock.json ./
COPY content ./content
COPY views ./views
COPY static ./static
# The feedback database lives here: the only folder the server writes to. Mount a volume on it
# to keep feedback across deploys (or set DATABASE_URL to use PostgreSQL instead).
RUN mkdir -p /app/data && chown 10001:10001 /app/data
VOLUME ["/app/data"]
USER 10001:10001
EXPOSE 3000
# Slim images have no curl: node itself asks /healthz.
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/server.js"]
