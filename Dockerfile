# The bot as a container: built in one stage, run from a second that holds only production dependencies,
# the compiled and bundled JavaScript and the fact base. Node runs directly (no npm in between) under tini, so
# SIGTERM stops it cleanly and SIGHUP reloads the knowledge:
#   docker build -t peace-plan-bot .
#   docker run -d --env-file .env --name peace-plan-bot peace-plan-bot
#   docker kill --signal=HUP peace-plan-bot        # after correcting a mounted knowledge/
# The mode follows the environment as everywhere: DISCORD_PUBLIC_KEY → the HTTP interactions endpoint
# (PORT, 8080), DISCORD_TOKEN → the gateway bot, neither → the terminal (docker run -it).

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts ./scripts
RUN npm run build

FROM node:20-bookworm-slim AS runtime
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY knowledge ./knowledge
# The image's own unprivileged user; nothing under /app is writable by it. Point MISSES_FILE at a volume.
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "dist/ops/healthcheck.js"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "--max-semi-space-size=2", "--optimize-for-size", "--heap-growing-percent=10", "--v8-pool-size=1", "--no-opt", "dist/bundle/main.js"]
