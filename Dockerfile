# Mobilise: Slack bot image. Build with `docker build -t mobilise .`; run with the Slack
# variables from manifest/README.md and a volume on /data (or DATABASE_URL for Postgres).

# --- build: compile TypeScript to dist/ -------------------------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
COPY flows ./flows
RUN npm run build

# --- deps: production dependencies only, kept apart so the runtime has no dev tools ------
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

# --- runtime -----------------------------------------------------------------------------
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/data \
    PORT=3000
WORKDIR /app
# Owned by root and read-only to the app user: the running bot cannot rewrite its own code.
COPY --from=deps /app/node_modules ./node_modules
# package.json marks the package root, where the migrations folder is found at start-up.
COPY package.json ./
COPY migrations ./migrations
COPY --from=build /app/dist ./dist
# The embedded database lives here when DATABASE_URL is not set.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
# The slim image has no curl; Node 20's fetch does the same job.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/cli.js", "start"]
