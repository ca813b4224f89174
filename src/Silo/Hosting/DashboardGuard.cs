using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace ApprovalBot.Silo.Hosting;

/// <summary>
/// The Orleans Dashboard has no authentication of its own. On loopback it is open; when the Silo listens on any
/// other address it requires <c>Dashboard:Username</c>/<c>Dashboard:Password</c> (HTTP Basic), and the Silo refuses
/// to start exposed without them.
/// </summary>
public static class DashboardGuard
{
    public const string PathPrefix = "/dashboard";

    /// <summary>Operator endpoints share the dashboard's protection.</summary>
    public const string AdminPrefix = "/admin";

    /// <summary>True when every address the Silo listens on is a loopback address.</summary>
    public static bool ListensOnLoopbackOnly(IEnumerable<string> urls) =>
        urls.All(url => Uri.TryCreate(url.Replace("*", "0.0.0.0", StringComparison.Ordinal)
                .Replace("+", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip))));

    public static void EnsureSafe(IEnumerable<string> urls, DashboardAccessOptions access)
    {
        if (!access.HasCredentials && !ListensOnLoopbackOnly(urls))
        {
            throw new StartupException(
                "The Silo listens beyond loopback, so the dashboard needs Dashboard:Username and " +
                "Dashboard:Password (environment Dashboard__Username, Dashboard__Password).");
        }
    }

    /// <summary>Challenges dashboard and admin requests for Basic credentials when they are configured.</summary>
    public static IApplicationBuilder UseDashboardGuard(this IApplicationBuilder app, DashboardAccessOptions access) =>
        app.Use(async (context, next) =>
        {
            var guarded = context.Request.Path.StartsWithSegments(PathPrefix)
                || context.Request.Path.StartsWithSegments(AdminPrefix);
            if (!access.HasCredentials || !guarded
                || Authorized(context.Request.Headers.Authorization.ToString(), access))
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"ApprovalBot dashboard\", charset=\"UTF-8\"";
        });

    private static bool Authorized(string header, DashboardAccessOptions access)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        byte[] presented;
        try
        {
            presented = Convert.FromBase64String(header["Basic ".Length..].Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = Encoding.UTF8.GetBytes($"{access.Username}:{access.Password}");
        return CryptographicOperations.FixedTimeEquals(presented, expected);
    }
}
