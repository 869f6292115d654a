# syntax=docker/dockerfile:1
# The front door's image (src/Edge, YARP), built from the repository root:
#   docker build -f deploy/docker/edge.Dockerfile -t bff/edge .
# Replica addresses, canary and certificate come from the environment at run time (ReverseProxy__…, Edge__…,
# Kestrel__Certificates__Default__Path): no certificate or secret is baked in. Without a certificate it makes a
# self-signed development one at start.
# Named like the other images' argument (compose passes it); only src/Edge is built here.
ARG PROJECT=Edge

FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
WORKDIR /repo
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Edge/Edge.csproj src/Edge/
RUN dotnet restore src/Edge/Edge.csproj
COPY src/Edge/ src/Edge/
RUN dotnet publish src/Edge/Edge.csproj -c Release -o /app --no-restore -p:UseAppHost=false \
 && test -f /app/appsettings.json

FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble AS final
WORKDIR /app
COPY --from=build /app ./
COPY deploy/docker/healthcheck.sh /usr/local/bin/healthcheck
# HTTP on 8080 (redirects to HTTPS; /health/live answers here for the probe), HTTPS on 8443 (appsettings.json).
ENV HEALTHCHECK_PORT=8080 \
    HEALTHCHECK_PATH=/health/live \
    EDGE_ASSEMBLY=Bff.Edge.dll
EXPOSE 8080 8443
# The base image's non-root user (numeric, so Kubernetes' runAsNonRoot can verify it).
USER $APP_UID
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 CMD ["healthcheck"]
# exec: dotnet becomes PID 1 and receives SIGTERM itself.
ENTRYPOINT ["/bin/sh", "-c", "exec dotnet \"$EDGE_ASSEMBLY\" \"$@\"", "--"]
