# syntax=docker/dockerfile:1
# One BFF host's image (PROJECT = MobileBff or WebBff), built from the repository root:
#   docker build -f deploy/docker/bff.Dockerfile --build-arg PROJECT=WebBff -t bff/web-bff .
# Every setting comes from the environment at run time (Bff__…, ConnectionStrings__Redis, OTEL_*): no secret is baked in.
ARG PROJECT=MobileBff

FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
ARG PROJECT
# The Banana Cake Pop IDE's static files are restored with npm during the build (src/Shared/Ide/Ide.targets).
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /repo
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Shared/Bff.Shared.csproj src/Shared/
COPY src/Shared/Stitching/Grpc/Protos.targets src/Shared/Stitching/Grpc/
COPY src/Protobuf/Bff.Protobuf.csproj src/Protobuf/
COPY src/Shared/Ide/Ide.targets src/Shared/Ide/package.json src/Shared/Ide/package-lock.json src/Shared/Ide/
COPY src/${PROJECT}/${PROJECT}.csproj src/${PROJECT}/
RUN dotnet restore src/${PROJECT}/${PROJECT}.csproj
COPY schemas/ schemas/
COPY src/ src/
# A host without its IDE or its schemas must not become an image: fail the build instead.
RUN dotnet publish src/${PROJECT}/${PROJECT}.csproj -c Release -o /app --no-restore -p:UseAppHost=false \
 && test -f /app/bcp/index.html \
 && test -d /app/schemas/downstream

FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble AS final
ARG PROJECT
WORKDIR /app
COPY --from=build /app ./
COPY deploy/docker/healthcheck.sh /usr/local/bin/healthcheck
ENV ASPNETCORE_HTTP_PORTS=8080 \
    HEALTHCHECK_PORT=8080 \
    HEALTHCHECK_PATH=/health/live \
    BFF_ASSEMBLY=Bff.${PROJECT}.dll
EXPOSE 8080
# The base image's non-root user (numeric, so Kubernetes' runAsNonRoot can verify it).
USER $APP_UID
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 CMD ["healthcheck"]
# exec: dotnet becomes PID 1 and receives SIGTERM itself, so the host drains within Bff:Http:ShutdownTimeout.
ENTRYPOINT ["/bin/sh", "-c", "exec dotnet \"$BFF_ASSEMBLY\" \"$@\"", "--"]
