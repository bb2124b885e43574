using Api.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Api.Tests.Security;

/// <summary>An embedded silo with a service and an admin key, and an endpoint that throws.</summary>
public sealed class ApiKeyFixture : IAsyncLifetime
{
    public const string SecretMessage = "secret-detail-of-the-failure";

    public ApiHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await ApiHost.StartAsync(
            ApiHost.WithKeys(),
            app => app.MapGet("/boom", string () => throw new InvalidOperationException(SecretMessage)));

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
