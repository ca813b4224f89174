# Sourced by scripts/run.sh and scripts/cluster.sh (not run on its own): the environment a local silo and Api share.

# The least-privileged runtime role the Silo's migrations create, unless ConnectionStrings__ApprovalBot is set.
# Needs APPROVALBOT_PG_PORT (from `scripts/pg.sh env`).
export_runtime_connection() {
  local runtime="Host=127.0.0.1;Port=$APPROVALBOT_PG_PORT;Username=approvalbot_app;Password=approvalbot_app_dev"
  runtime+=";Database=approvalbot"
  export ConnectionStrings__ApprovalBot="${ConnectionStrings__ApprovalBot:-$runtime}"
}

# Slack settings pointing at the sandbox on 127.0.0.1:<port>. The signing secret and bot token are made once,
# kept in <state>/sandbox.env (readable by its owner only) and shared by the sandbox, the silos and the Api.
export_sandbox_slack() { # state-dir sandbox-port
  local secrets="$1/sandbox.env" port="$2"
  [[ -f "$secrets" ]] || (umask 077 && printf 'signing=%s\ntoken=xoxb-sandbox-%s\n' \
    "$(random_secret)" "$(random_secret)" >"$secrets")
  Slack__SigningSecret="$(sed -n 's/^signing=//p' "$secrets")"
  Slack__BotToken="$(sed -n 's/^token=//p' "$secrets")"
  export Slack__SigningSecret Slack__BotToken
  export Slack__ApiBaseUrl="http://127.0.0.1:$port/api/"
  export Slack__ResponseUrlHosts__0="127.0.0.1:$port"
  export Slack__ApprovalChannelId="${Slack__ApprovalChannelId:-C0APPROVALS}"
  export Slack__EscalationChannelId="${Slack__EscalationChannelId:-C0ESCALATE}"
  export Slack__TeamId="${Slack__TeamId:-T0SANDBOX}"
  export Approval__ApproverGroupId="${Approval__ApproverGroupId:-S0APPROVERS}"
}

random_secret() { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
