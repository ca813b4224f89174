# ApprovalBot Silo: an Orleans silo (clustering, grain state and reminders on PostgreSQL) with health, dashboard
# and /admin on one HTTP port. `docker run IMAGE migrate` applies the schema and exits.
# Build from the repository root: docker build -f deploy/docker/Silo.Dockerfile .
# Every setting comes from the environment at run time (see docs/operations.md); nothing secret is baked in.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first, so the restore layer is reused until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Silo/Silo.csproj src/Silo/
COPY src/Grains/Grains.csproj src/Grains/
COPY src/Grains.Interfaces/Grains.Interfaces.csproj src/Grains.Interfaces/
COPY src/Slack/Slack.csproj src/Slack/
COPY src/ServiceDefaults/ServiceDefaults.csproj src/ServiceDefaults/
RUN dotnet restore src/Silo/Silo.csproj
COPY src/ src/
RUN dotnet publish src/Silo/Silo.csproj -c Release --no-restore -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY deploy/docker/http-probe.sh /usr/local/bin/http-probe
# Listening beyond loopback makes the Silo require Dashboard__Username/Dashboard__Password at start.
# Orleans__AdvertisedIPAddress stays unset: the Silo then advertises the container's own address.
ENV ASPNETCORE_URLS=http://+:8080 \
    Orleans__SiloPort=11111 \
    Orleans__GatewayPort=30000
EXPOSE 8080 11111 30000
# The runtime image's unprivileged "app" user, by number so Kubernetes' runAsNonRoot can verify it.
USER $APP_UID
# Probes the default port; when ASPNETCORE_URLS moves it, override the check (compose does).
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
    CMD ["bash", "/usr/local/bin/http-probe", "8080", "/health/ready"]
ENTRYPOINT ["dotnet", "ApprovalBot.Silo.dll"]
