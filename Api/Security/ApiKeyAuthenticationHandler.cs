using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Runtime.Remoting;

namespace Api.Security;

/// <summary>
/// Authenticates <c>X-Api-Key: &lt;key&gt;</c> or <c>Authorization: Bearer &lt;key&gt;</c> against the configured keys.
/// A request without a key is anonymous (authorization then challenges it); a wrong key fails. 401 and
/// 403 are answered as problem+json.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyTable keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = ApiKeyHeader.Name;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = ApiKeyHeader.Read(Request);
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!keys.TryMatch(presented, out var name, out var role))
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\", Bearer";
        var invalid = ApiKeyHeader.Read(Request) is not null;
        return ApiProblemWriter.WriteAsync(
            Context,
            StatusCodes.Status401Unauthorized,
            "Unauthorized",
            invalid ? "The API key is not valid." : $"An API key is required: send it in the {HeaderName} header or as Authorization: Bearer <key>.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblemWriter.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", "This API key's role may not use this endpoint.");
}
