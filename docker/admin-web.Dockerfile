# GoPay admin-web. Built from the repository root: docker build -f docker/admin-web.Dockerfile .
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY vocabulary/package.json vocabulary/
COPY api-client/package.json api-client/
COPY db/package.json db/
COPY core-api/package.json core-api/
COPY ussd-gateway/package.json ussd-gateway/
COPY terminal-app/package.json terminal-app/
COPY hardware/package.json hardware/
COPY admin-web/package.json admin-web/
RUN npm ci --omit=dev
COPY tsconfig.json ./
COPY db/src db/src
COPY core-api/src core-api/src
COPY vocabulary/src vocabulary/src
COPY hardware/src hardware/src
COPY api-client/src api-client/src
COPY admin-web/src admin-web/src
COPY admin-web/index.html admin-web/
# The page is built into the image; the server rebuilds only if a source is newer.
RUN node --import tsx admin-web/src/build-cli.ts
USER node
ENV ADMIN_WEB_HOST=0.0.0.0
EXPOSE 8082
CMD ["node", "--import", "tsx", "admin-web/src/main.ts"]
