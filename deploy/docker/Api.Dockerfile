# ApprovalBot Api: Slack's front door (slash commands, interactions, health). Put TLS in front of it.
# Build from the repository root: docker build -f deploy/docker/Api.Dockerfile .
# Every setting comes from the environment at run time (see docs/operations.md); nothing secret is baked in.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first, so the restore layer is reused until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Api/Api.csproj src/Api/
COPY src/Grains.Interfaces/Grains.Interfaces.csproj src/Grains.Interfaces/
COPY src/Slack/Slack.csproj src/Slack/
COPY src/ServiceDefaults/ServiceDefaults.csproj src/ServiceDefaults/
RUN dotnet restore src/Api/Api.csproj
COPY src/ src/
RUN dotnet publish src/Api/Api.csproj -c Release --no-restore -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY deploy/docker/http-probe.sh /usr/local/bin/http-probe
ENV ASPNETCORE_URLS=http://+:5080
EXPOSE 5080
# The runtime image's unprivileged "app" user, by number so Kubernetes' runAsNonRoot can verify it.
USER $APP_UID
# Probes the default port; when ASPNETCORE_URLS moves it, override the check (compose does).
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
    CMD ["bash", "/usr/local/bin/http-probe", "5080", "/health/ready"]
ENTRYPOINT ["dotnet", "ApprovalBot.Api.dll"]
