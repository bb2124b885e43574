using Runtime.Abstractions;
using Runtime.Abstractions.Remoting;

namespace Grains.Client;

/// <summary>Sends each grain call to the silo that owns the grain's partition; a moved owner refreshes the directory and retries.</summary>
internal sealed class ClientGrainCallInvoker(
    ClientDirectory directory, HttpGrainTransport transport, TimeSpan retryTimeout, TimeSpan requestTimeout, TimeProvider time) : IGrainCallInvoker
{
    public Task<object?> InvokeAsync(GrainId grainId, GrainInterface grainInterface, GrainMethod method, object?[] arguments) =>
        GrainUnavailableRetry.RunAsync(
            retryTimeout,
            time,
            async refresh =>
            {
                using var timeout = new CancellationTokenSource(requestTimeout);
                var status = await directory.CurrentAsync(refresh, timeout.Token).ConfigureAwait(false);
                return await transport.SendAsync(directory.Route(status, grainId.Key), grainId, method, arguments, timeout.Token).ConfigureAwait(false);
            },
            beforeEachWait: null,
            CancellationToken.None);
}
