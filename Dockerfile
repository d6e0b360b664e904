# OneWindow: API + the three SPAs in one image. Build: docker compose build
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.base.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY web-kit/package.json web-kit/
COPY web-public/package.json web-public/
COPY web-staff/package.json web-staff/
COPY web-supervision/package.json web-supervision/
COPY e2e/package.json e2e/
COPY bench/package.json bench/
RUN npm ci --no-audit --no-fund
COPY shared shared
COPY server server
COPY web-kit web-kit
COPY web-public web-public
COPY web-staff web-staff
COPY web-supervision web-supervision
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production ONEWINDOW_MODE=production PORT=3000 SPA_ROOT=/app
WORKDIR /app
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/package.json ./
COPY --from=build /app/shared/package.json shared/
COPY --from=build /app/shared/dist shared/dist
COPY --from=build /app/server/package.json server/
COPY --from=build /app/server/dist server/dist
COPY --from=build /app/web-public/dist web-public/dist
COPY --from=build /app/web-staff/dist web-staff/dist
COPY --from=build /app/web-supervision/dist web-supervision/dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/api/health/ready').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "server/dist/main.js"]
