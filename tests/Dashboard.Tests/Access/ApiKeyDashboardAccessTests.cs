using System.Net;
using Dashboard.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Tests.Access;

public sealed class ApiKeyDashboardAccessTests
{
    private const string AdminKey = "admin-key-0123456789";
    private const string ServiceKey = "service-key-0123456789";

    [Fact]
    public void Check_NoKeysLoopbackCaller_Allowed()
    {
        var result = Access(withKeys: false).Check(Request(IPAddress.Loopback));

        Assert.True(result.IsAllowed);
    }

    [Fact]
    public void Check_NoKeysIpv6LoopbackCaller_Allowed()
    {
        var result = Access(withKeys: false).Check(Request(IPAddress.IPv6Loopback));

        Assert.True(result.IsAllowed);
    }

    [Fact]
    public void Check_NoKeysRemoteCaller_Forbidden()
    {
        var result = Access(withKeys: false).Check(Request(IPAddress.Parse("10.1.2.3")));

        Assert.Equal(403, result.StatusCode);
    }

    [Fact]
    public void Check_KeysButNonePresentedFromLoopback_Unauthenticated()
    {
        var result = Access(withKeys: true).Check(Request(IPAddress.Loopback));

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public void Check_UnknownKey_Unauthenticated()
    {
        var result = Access(withKeys: true).Check(Request(IPAddress.Loopback, apiKey: "admin-key-0123456780"));

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public void Check_ServiceKey_Forbidden()
    {
        var result = Access(withKeys: true).Check(Request(IPAddress.Loopback, apiKey: ServiceKey));

        Assert.Equal(403, result.StatusCode);
        Assert.Contains("admin", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AdminKeyFromRemoteCaller_Allowed()
    {
        var result = Access(withKeys: true).Check(Request(IPAddress.Parse("10.1.2.3"), apiKey: AdminKey));

        Assert.True(result.IsAllowed);
    }

    [Fact]
    public void Check_AdminKeyAsBearer_Allowed()
    {
        var context = Request(IPAddress.Parse("10.1.2.3"));
        context.Request.Headers.Authorization = "Bearer " + AdminKey;

        var result = Access(withKeys: true).Check(context);

        Assert.True(result.IsAllowed);
    }

    private static ApiKeyDashboardAccess Access(bool withKeys)
    {
        var settings = withKeys
            ? new Dictionary<string, string?>
            {
                ["Api:Keys:ops:Key"] = AdminKey,
                ["Api:Keys:ops:Role"] = "admin",
                ["Api:Keys:orders:Key"] = ServiceKey,
                ["Api:Keys:orders:Role"] = "service",
            }
            : [];
        return new ApiKeyDashboardAccess(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
    }

    private static DefaultHttpContext Request(IPAddress remote, string? apiKey = null)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = remote;
        if (apiKey is not null)
        {
            context.Request.Headers[ApiKeyDashboardAccess.KeyHeader] = apiKey;
        }

        return context;
    }
}
