using Runtime.Abstractions;
using Runtime.Abstractions.Remoting;
using Runtime.Activation;
using Runtime.Diagnostics;
using Runtime.Hosting;

namespace Runtime.Remoting;

/// <summary>
/// Routes a grain call from inside a silo: straight into the local activation when this silo owns
/// the grain's partition, otherwise over HTTP to the owner. While ownership is moving, it retries
/// with backoff for at most <see cref="RuntimeOptions.CallRetryTimeout"/>, then surfaces
/// <see cref="GrainUnavailableException"/>.
/// </summary>
internal sealed class SiloGrainCallInvoker(
    SiloRuntime runtime,
    PartitionManager manager,
    HttpGrainTransport transport,
    RuntimeOptions options,
    RuntimeInstruments instruments,
    TimeProvider time) : IGrainCallInvoker
{
    public async Task<object?> InvokeAsync(GrainId grainId, GrainInterface grainInterface, GrainMethod method, object?[] arguments)
    {
        var started = time.GetTimestamp();
        using var timeout = new CancellationTokenSource(options.CallTimeout, time);
        try
        {
            return await GrainUnavailableRetry.RunAsync(
                options.CallRetryTimeout,
                time,
                _ => InvokeOnceAsync(grainId, method, arguments, timeout.Token),
                () => runtime.Directory?.RequestRefresh(),
                timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"{grainId}.{method.Name} did not complete within {options.CallTimeout}.");
        }
        finally
        {
            instruments.GrainCallDuration.Record(
                time.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("grain_type", grainId.Type),
                new KeyValuePair<string, object?>("method", method.Name));
        }
    }

    private Task<object?> InvokeOnceAsync(GrainId grainId, GrainMethod method, object?[] arguments, CancellationToken cancellationToken)
    {
        var partitionCount = runtime.PartitionCount;
        if (partitionCount == 0)
        {
            throw new GrainUnavailableException("The silo has not joined its cluster yet.");
        }

        var partition = GrainPartitioner.PartitionOf(grainId.Key, partitionCount);
        if (manager.TryGetRunning(partition, out var processor))
        {
            return InvokeLocallyAsync(processor, grainId, method, arguments, cancellationToken);
        }

        var owner = runtime.Directory?.OwnerOf(partition);
        if (owner is null || owner == runtime.AddressUri)
        {
            throw new GrainUnavailableException($"Partition {partition} of {grainId} has no owner right now.");
        }

        return transport.SendAsync(owner, grainId, method, arguments, cancellationToken);
    }

    /// <summary>
    /// A grain's own failure surfaces as <see cref="GrainCallException"/> whether the grain is local or
    /// remote, so callers handle one exception type wherever the grain happens to live.
    /// </summary>
    private static async Task<object?> InvokeLocallyAsync(PartitionProcessor processor, GrainId grainId, GrainMethod method, object?[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            return await processor.InvokeAsync(grainId, grain => method.InvokeOnAsync(grain, arguments), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not (GrainUnavailableException or OperationCanceledException or GrainCallException))
        {
            throw new GrainCallException(exception.Message, exception) { RemoteType = exception.GetType().Name };
        }
    }
}
