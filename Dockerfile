# call-coach image: `docker build -t call-coach .` then `docker run … call-coach serve`.
# The entrypoint is the `callcoach` CLI, so the command picks the role (serve, migrate, token …).

# --- build: install everything, compile TypeScript, then drop dev dependencies ---
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

# --- runtime: compiled code, production dependencies, SQL migrations ---
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    CALLCOACH_DATA_DIR=/data \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/migrations ./migrations
COPY --from=build /app/knowledge ./knowledge
# /data holds the admin token (and, without DATABASE_URL, the embedded database).
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "bin/callcoach.js"]
CMD ["serve"]
