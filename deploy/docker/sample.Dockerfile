# syntax=docker/dockerfile:1
# One demo service's image (PROJECT = Profiles, Jobs, Proposals, Reviews or Identity under samples/), built from the repository root:
#   docker build -f deploy/docker/sample.Dockerfile --build-arg PROJECT=Jobs -t bff/jobs .
# The demo services read no configuration: their only argument is the URL to listen on (default below).
ARG PROJECT=Profiles

FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
ARG PROJECT
WORKDIR /repo
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY samples/Common/Common.csproj samples/Common/
COPY samples/${PROJECT}/${PROJECT}.csproj samples/${PROJECT}/
RUN dotnet restore samples/${PROJECT}/${PROJECT}.csproj
# proposals.proto is compiled into the gRPC service.
COPY schemas/ schemas/
COPY samples/ samples/
RUN dotnet publish samples/${PROJECT}/${PROJECT}.csproj -c Release -o /app --no-restore -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble AS final
ARG PROJECT
# The gRPC service speaks HTTP/2 only (h2c): build it with --build-arg HEALTH_PATH= to check its port instead of GET /health.
ARG HEALTH_PATH=/health
WORKDIR /app
COPY --from=build /app ./
COPY deploy/docker/healthcheck.sh /usr/local/bin/healthcheck
ENV HEALTHCHECK_PORT=8080 \
    HEALTHCHECK_PATH=${HEALTH_PATH} \
    SAMPLE_ASSEMBLY=Bff.Samples.${PROJECT}.dll
EXPOSE 8080
# The base image's non-root user (numeric, so Kubernetes' runAsNonRoot can verify it).
USER $APP_UID
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 CMD ["healthcheck"]
# exec: dotnet becomes PID 1 and receives SIGTERM itself.
ENTRYPOINT ["/bin/sh", "-c", "exec dotnet \"$SAMPLE_ASSEMBLY\" \"$@\"", "--"]
CMD ["http://+:8080"]
