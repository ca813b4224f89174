# The Slack sandbox: a local stand-in for Slack, for trying ApprovalBot without a workspace. Not for production.
# Build from the repository root: docker build -f deploy/docker/Sandbox.Dockerfile .
# Its signing secret and bot token come from the environment (Sandbox__SigningSecret, Sandbox__BotToken).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first, so the restore layer is reused until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/SlackSandbox/SlackSandbox.csproj src/SlackSandbox/
COPY src/Slack/Slack.csproj src/Slack/
RUN dotnet restore src/SlackSandbox/SlackSandbox.csproj
COPY src/ src/
RUN dotnet publish src/SlackSandbox/SlackSandbox.csproj -c Release --no-restore -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY deploy/docker/http-probe.sh /usr/local/bin/http-probe
ENV ASPNETCORE_URLS=http://+:5090
EXPOSE 5090
# The runtime image's unprivileged "app" user, by number so Kubernetes' runAsNonRoot can verify it.
USER $APP_UID
# Probes the default port; when ASPNETCORE_URLS moves it, override the check (compose does).
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
    CMD ["bash", "/usr/local/bin/http-probe", "5090", "/health/live"]
ENTRYPOINT ["dotnet", "ApprovalBot.SlackSandbox.dll"]
