namespace Api.Tests.Hosting;

/// <summary>One open (no keys) embedded silo shared by a test class.</summary>
public sealed class ApiHostFixture : IAsyncLifetime
{
    public ApiHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
